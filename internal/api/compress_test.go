package api

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"
)

// TestGzipCopies: availability and the front end's files go out gzipped to
// a client that takes gzip, as the same bytes once unpacked, under a
// validator of their own that earns a 304 when the client has them.
func TestGzipCopies(t *testing.T) {
	e := bookingEnv(t, "sqlite")
	anon := e.client()
	for _, path := range []string{"/api/v1/slots?site_id=1&from=2026-12-01&to=2026-12-14", "/js/app.js", "/"} {
		plain := anon.wantStatus(anon.do("GET", path, nil, "Accept-Encoding", "identity"), 200)
		zipped := anon.wantStatus(anon.do("GET", path, nil, "Accept-Encoding", "br, gzip;q=0.8"), 200)
		if zipped.header.Get("Content-Encoding") != "gzip" || plain.header.Get("Content-Encoding") != "" {
			t.Fatalf("%s: coding %q for gzip, %q for identity", path, zipped.header.Get("Content-Encoding"), plain.header.Get("Content-Encoding"))
		}
		if !strings.Contains(strings.Join(zipped.header.Values("Vary"), ","), "Accept-Encoding") {
			t.Errorf("%s: Vary %q lacks Accept-Encoding", path, zipped.header.Values("Vary"))
		}
		zr, err := gzip.NewReader(bytes.NewReader(zipped.body))
		if err != nil {
			t.Fatal(err)
		}
		unpacked, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(unpacked, plain.body) {
			t.Fatalf("%s: unpacked %d bytes (%v), plain %d", path, len(unpacked), err, len(plain.body))
		}
		if len(zipped.body) >= len(plain.body) {
			t.Errorf("%s: %d bytes gzipped of %d", path, len(zipped.body), len(plain.body))
		}
		gzTag, tag := zipped.header.Get("ETag"), plain.header.Get("ETag")
		if gzTag == "" || tag == "" || gzTag == tag {
			t.Fatalf("%s: validators %q and %q must differ", path, gzTag, tag)
		}
		if r := anon.do("GET", path, nil, "Accept-Encoding", "gzip", "If-None-Match", `"x", W/`+gzTag); r.status != 304 || len(r.body) != 0 {
			t.Errorf("%s: revalidating the gzip copy gave %d, %d bytes", path, r.status, len(r.body))
		}
		if r := anon.do("GET", path, nil, "Accept-Encoding", "gzip", "If-None-Match", tag); r.status != 200 {
			t.Errorf("%s: the identity validator matched the gzip copy: %d", path, r.status)
		}
	}
}

func TestAcceptsGzip(t *testing.T) {
	for header, want := range map[string]bool{
		"": false, "gzip": true, "GZIP": true, "gzip, deflate, br": true, "br;q=1.0, gzip;q=0.5": true,
		"gzip;q=0": false, "gzip; q=0.000": false, "identity": false, "x-gzip": false, "*": false,
	} {
		if got := acceptsGzip(header); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", header, got, want)
		}
	}
}
