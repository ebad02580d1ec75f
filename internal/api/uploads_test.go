package api

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"strings"
	"testing"
)

// pngClaiming is a real 2×2 PNG whose IHDR is rewritten (CRC and all) to
// claim w×h: under a hundred bytes that ask a decoder for any size.
func pngClaiming(w, h uint32) []byte {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 2, 2)))
	p := b.Bytes()
	// Signature (8), length (4), "IHDR" (4), then width and height.
	binary.BigEndian.PutUint32(p[16:], w)
	binary.BigEndian.PutUint32(p[20:], h)
	binary.BigEndian.PutUint32(p[29:], crc32.ChecksumIEEE(p[12:29]))
	return p
}

// jpegClaiming is a real 2×2 JPEG whose frame header claims w×h.
func jpegClaiming(w, h uint16) []byte {
	var b bytes.Buffer
	jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 2, 2)), nil)
	p := b.Bytes()
	sof := bytes.Index(p, []byte{0xFF, 0xC0})
	// Marker (2), length (2), precision (1), then height and width.
	binary.BigEndian.PutUint16(p[sof+5:], h)
	binary.BigEndian.PutUint16(p[sof+7:], w)
	return p
}

// Pictures are judged by the dimensions in their header: absurd ones are
// refused with a Chinese message and leave nothing on disk; ordinary ones
// (up to 10,000 px a side and 40 megapixels) are kept.
func TestImageDimensionsRefused(t *testing.T) {
	e := newEnv(t, "sqlite")
	r := e.resident("13800000001")
	app := r.object("POST", "/api/v1/legal-aid/applications", aidForm(nil), 201)
	path := fmt.Sprintf("/api/v1/legal-aid/applications/%d/attachments", id(app))
	refused := []struct {
		name string
		data []byte
	}{
		{"bomb.png", pngClaiming(100000, 100000)},
		{"wide.png", pngClaiming(10001, 1)},
		{"tall.png", pngClaiming(1, 10001)},
		{"many.png", pngClaiming(7000, 7000)},
		{"bomb.jpg", jpegClaiming(65000, 65000)},
		{"cut.png", pngClaiming(2, 2)[:20]},
	}
	for _, c := range refused {
		res := r.upload(path, c.name, c.data)
		if res.status != 400 {
			t.Errorf("%s: %d, want 400: %s", c.name, res.status, res.body)
			continue
		}
		if code, msg, f := res.errorOf(t); code != "invalid" || !strings.Contains(msg, "图片") || f["file"] == nil {
			t.Errorf("%s: %s %s %v", c.name, code, msg, f)
		}
	}
	if entries, _ := os.ReadDir(e.uploads); len(entries) != 0 {
		t.Fatalf("refused images left %d files", len(entries))
	}
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"photo.png", pngClaiming(2, 2)},
		{"limit.png", pngClaiming(10000, 4000)},
		{"photo.jpg", jpegClaiming(4000, 3000)},
	} {
		r.wantStatus(r.upload(path, c.name, c.data), 201)
	}
	if entries, _ := os.ReadDir(e.uploads); len(entries) != 3 {
		t.Fatalf("%d files kept, want 3", len(entries))
	}
}
