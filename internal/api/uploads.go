package api

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// uploadRoutes take multipart files under the upload limit; every other
// route keeps the body limit.
var uploadRoutes = map[string]bool{uploadRoute: true, photoRoute: true, notaryUploadRoute: true}

// uploadedFile reads the form's "file" part within the upload limit, with
// the name it was sent under; false when it failed (and answered).
func (s *Server) uploadedFile(c *gin.Context) ([]byte, string, bool) {
	fh, err := c.FormFile("file")
	if err != nil {
		s.failUpload(c, err)
		return nil, "", false
	}
	f, err := fh.Open()
	if err != nil {
		s.fail(c, err)
		return nil, "", false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, s.cfg.UploadLimit+1))
	if err != nil {
		s.fail(c, err)
		return nil, "", false
	}
	return data, fh.Filename, true
}

func (s *Server) failUpload(c *gin.Context, err error) {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) || errors.Is(err, multipart.ErrMessageTooLarge) {
		s.fail(c, errTooLarge)
		return
	}
	s.fail(c, errs.New(errs.Invalid, "请选择要上传的文件", "choose a file").Field("file", "请选择文件", "required"))
}
