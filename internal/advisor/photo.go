package advisor

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"net/http"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// Files keeps uploaded photos outside the web root (internal/files).
type Files interface {
	Save(name string, data []byte) error
	Read(name string) ([]byte, error)
	Remove(name string) error
}

// The upload rules of the platform: the type is sniffed from the bytes,
// the size is bounded, and a picture's header may not claim absurd
// dimensions (what decodes it later would allocate for the claim).
const (
	maxSide   = 10_000
	maxPixels = 40_000_000
)

var photoTypes = map[string]string{"image/jpeg": ".jpg", "image/png": ".png"}

// ErrNoLog: no such entry, or not the caller's.
var ErrNoLog = errs.New(errs.NotFound, "没有找到这条服务记录", "no such service record")

// AttachPhoto adds (or replaces) the photo of one of the lawyer's entries.
func (s *Service) AttachPhoto(ctx context.Context, lawyerID, logID int64, data []byte) (Log, error) {
	l, err := s.Store.Log(ctx, logID)
	if errs.Is(err, errs.NotFound) || (err == nil && l.LawyerID != lawyerID) {
		return Log{}, ErrNoLog
	}
	if err != nil {
		return Log{}, err
	}
	ctype := http.DetectContentType(data)
	if _, ok := photoTypes[ctype]; !ok {
		return Log{}, errs.New(errs.Invalid, "只能上传 JPEG 或 PNG 照片", "only JPEG or PNG photos").
			Field("file", "文件类型不支持（按文件内容识别）", "unsupported file type (detected from its content)")
	}
	if s.MaxPhoto > 0 && int64(len(data)) > s.MaxPhoto {
		return Log{}, errs.New(errs.TooLarge, fmt.Sprintf("照片不能超过 %d MB", s.MaxPhoto>>20), "the photo is too large").
			Field("file", "文件过大", "too large")
	}
	if err := checkPicture(ctype, data); err != nil {
		return Log{}, err
	}
	b := make([]byte, 16)
	rand.Read(b)
	name := hex.EncodeToString(b) + photoTypes[ctype]
	if err := s.Files.Save(name, data); err != nil {
		return Log{}, err
	}
	if err := s.Store.SetLogPhoto(ctx, logID, name, ctype); err != nil {
		s.Files.Remove(name)
		return Log{}, err
	}
	if l.Photo != "" {
		s.Files.Remove(l.Photo)
	}
	l.Photo, l.PhotoType, l.HasPhoto = name, ctype, true
	return l, nil
}

// Photo returns an entry's photo to its advisor and to the bureau.
func (s *Service) Photo(ctx context.Context, viewerID int64, bureau bool, logID int64) (string, []byte, error) {
	l, err := s.Store.Log(ctx, logID)
	if errs.Is(err, errs.NotFound) || (err == nil && (l.Photo == "" || (!bureau && l.LawyerID != viewerID))) {
		return "", nil, ErrNoLog
	}
	if err != nil {
		return "", nil, err
	}
	data, err := s.Files.Read(l.Photo)
	return l.PhotoType, data, err
}

func checkPicture(ctype string, data []byte) error {
	var cfg image.Config
	var err error
	if ctype == "image/png" {
		cfg, err = png.DecodeConfig(bytes.NewReader(data))
	} else {
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(data))
	}
	if err != nil {
		return errs.New(errs.Invalid, "照片无法读取，请重新拍摄后上传", "the photo cannot be read").
			Field("file", "图片文件已损坏或不完整", "the image is damaged or incomplete")
	}
	w, h := int64(cfg.Width), int64(cfg.Height)
	if w > maxSide || h > maxSide || w*h > maxPixels {
		return errs.New(errs.Invalid, fmt.Sprintf("照片尺寸过大（%d×%d 像素）", w, h),
			fmt.Sprintf("the photo is too large (%d×%d px)", w, h)).
			Field("file", "图片尺寸过大，请缩小后上传", "image dimensions too large; scale it down")
	}
	return nil
}
