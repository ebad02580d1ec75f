package files

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"testing"

	"github.com/legaldesk/legaldesk/internal/errs"
)

func pngOf(w, h uint32) []byte {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 2, 2)))
	p := b.Bytes()
	binary.BigEndian.PutUint32(p[16:], w)
	binary.BigEndian.PutUint32(p[20:], h)
	binary.BigEndian.PutUint32(p[29:], crc32.ChecksumIEEE(p[12:29]))
	return p
}

// TestCheck: the shared upload rules, by content, never by name.
func TestCheck(t *testing.T) {
	pdf := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("0"), 100)...)
	cases := []struct {
		name     string
		data     []byte
		max      int64
		code     errs.Code
		wantType string
	}{
		{"pdf", pdf, 1 << 10, "", "application/pdf"},
		{"png", pngOf(640, 480), 1 << 10, "", "image/png"},
		{"executable", append([]byte("\x7fELF"), make([]byte, 100)...), 1 << 10, errs.Invalid, ""},
		{"too large", pdf, 50, errs.TooLarge, ""},
		{"absurd picture", pngOf(100_000, 100_000), 1 << 10, errs.Invalid, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctype, ext, err := Check(c.data, c.max)
			if c.code != "" {
				if !errs.Is(err, c.code) || err.(*errs.Error).Fields["file"].ZH == "" {
					t.Fatalf("got %v, want %s on file", err, c.code)
				}
				return
			}
			if err != nil || ctype != c.wantType || ext != Types[ctype] {
				t.Fatalf("got %q %q %v", ctype, ext, err)
			}
		})
	}
	if got := CleanName("../a/b\x00.pdf"); got != ".._a_b_.pdf" {
		t.Errorf("CleanName: %q", got)
	}
}
