package api

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/gin-gonic/gin"
)

// gzipCopies keeps the gzip coding of answers that are served many times
// unchanged — the front end's files, a site's cached availability — keyed
// by their validator, which changes when the bytes do: each is compressed
// once, not once per read. A fortnight's availability at the centre is
// 42 kB as JSON and 2 kB gzipped; the front end's scripts are 300 kB. On a
// village phone's weak signal that is the difference that matters, and on
// the server a 2 kB write costs less than a 42 kB one.
type gzipCopies struct {
	mu sync.Mutex
	m  map[string][]byte
}

// maxGzipCopies bounds the memory: availability answers come and go with
// every booking, so the map starts over when full.
const maxGzipCopies = 512

func (z *gzipCopies) of(etag string, body []byte) []byte {
	z.mu.Lock()
	b, ok := z.m[etag]
	z.mu.Unlock()
	if ok {
		return b
	}
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed) // the level is valid
	w.Write(body)
	w.Close()
	z.mu.Lock()
	defer z.mu.Unlock()
	if z.m == nil || len(z.m) >= maxGzipCopies {
		z.m = map[string][]byte{}
	}
	z.m[etag] = buf.Bytes()
	return buf.Bytes()
}

// minGzip is the size below which compressing is not worth a header.
const minGzip = 1024

// writeVersioned answers 200 with body under a strong validator, or 304
// when the client has it already. A client that takes gzip gets the gzip
// copy under its own validator, as a different coding must have (RFC 9110
// §8.8.3).
func (s *Server) writeVersioned(c *gin.Context, ctype, etag string, body []byte) {
	c.Writer.Header().Add("Vary", "Accept-Encoding")
	if len(body) >= minGzip && acceptsGzip(c.GetHeader("Accept-Encoding")) {
		etag = strings.TrimSuffix(etag, `"`) + `-gzip"`
		body = s.gzipped.of(etag, body)
		c.Header("Content-Encoding", "gzip")
	}
	c.Header("ETag", etag)
	if etagMatches(c.GetHeader("If-None-Match"), etag) {
		c.Status(http.StatusNotModified)
		return
	}
	c.Data(http.StatusOK, ctype, body)
}

// etagOf is a strong validator for bytes.
func etagOf(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// acceptsGzip reads Accept-Encoding: gzip listed and not refused with q=0.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			continue
		}
		q, found := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q=")
		weight, err := strconv.ParseFloat(q, 64)
		return !found || err != nil || weight > 0
	}
	return false
}

// etagMatches reads If-None-Match: a list of validators, or *.
func etagMatches(header, etag string) bool {
	for _, v := range strings.Split(header, ",") {
		v = strings.TrimPrefix(strings.TrimSpace(v), "W/")
		if v == etag || v == "*" {
			return true
		}
	}
	return false
}
