package files

import (
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// Types are the uploads accepted, sniffed from their content (never the
// name or the client's header), with the extension they are stored under.
var Types = map[string]string{"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}

// Check applies the upload rules shared by legal aid and the notary
// office: the type sniffed from the bytes, a size limit, and a picture's
// claimed dimensions. It returns the type and the extension to store under.
func Check(data []byte, maxFile int64) (ctype, ext string, err error) {
	ctype = http.DetectContentType(data)
	ext, ok := Types[ctype]
	if !ok {
		return "", "", errs.New(errs.Invalid, "只能上传 PDF、JPEG 或 PNG 文件", "only PDF, JPEG or PNG files").
			Field("file", "文件类型不支持（按文件内容识别）", "unsupported file type (detected from its content)")
	}
	if int64(len(data)) > maxFile {
		return "", "", errs.New(errs.TooLarge, fmt.Sprintf("单个文件不能超过 %d MB", maxFile>>20), "the file is too large").
			Field("file", "文件过大", "too large")
	}
	if err := CheckImage(ctype, data); err != nil {
		return "", "", err
	}
	return ctype, ext, nil
}

// CleanName keeps an uploader's file name for display only: no control
// or path characters, at most 100 characters.
func CleanName(name string) string {
	name = strings.Map(func(r rune) rune {
		if r < 32 || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '_'
		}
		return r
	}, name)
	if utf8.RuneCountInString(name) > 100 {
		name = string([]rune(name)[:100])
	}
	if name == "" {
		name = "附件"
	}
	return name
}
