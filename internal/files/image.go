package files

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// A picture's header may claim any size in a few bytes, and whatever
// decodes it later (an officer's viewer, a thumbnail, a case bundle)
// allocates for the claim: a 100000×100000 PNG asks for 40 GB. A scanned
// page or a phone photo stays far inside these limits.
const (
	maxImageSide   = 10_000
	maxImagePixels = 40_000_000
)

// CheckImage reads only the header of a PNG or JPEG (never its pixels)
// and refuses one that cannot be read or whose dimensions are absurd.
func CheckImage(ctype string, data []byte) error {
	var decode func(r *bytes.Reader) (image.Config, error)
	switch ctype {
	case "image/png":
		decode = func(r *bytes.Reader) (image.Config, error) { return png.DecodeConfig(r) }
	case "image/jpeg":
		decode = func(r *bytes.Reader) (image.Config, error) { return jpeg.DecodeConfig(r) }
	default:
		return nil
	}
	cfg, err := decode(bytes.NewReader(data))
	if err != nil {
		return errs.New(errs.Invalid, "图片无法读取，请重新拍照或扫描后上传", "the image cannot be read").
			Field("file", "图片文件已损坏或不完整", "the image is damaged or incomplete")
	}
	w, h := int64(cfg.Width), int64(cfg.Height)
	if w > maxImageSide || h > maxImageSide || w*h > maxImagePixels {
		return errs.New(errs.Invalid,
			fmt.Sprintf("图片尺寸过大（%d×%d 像素）：每边不超过 %d 像素，总计不超过 4000 万像素", w, h, maxImageSide),
			fmt.Sprintf("the image is too large (%d×%d px): at most %d px a side and 40 megapixels", w, h, maxImageSide)).
			Field("file", "图片尺寸过大，请缩小后上传", "image dimensions too large; scale it down")
	}
	return nil
}
