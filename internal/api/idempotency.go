package api

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/idempotency"
)

// recorder keeps a copy of what a handler writes.
type recorder struct {
	gin.ResponseWriter
	body bytes.Buffer
}

func (r *recorder) Write(b []byte) (int, error) {
	r.body.Write(b)
	return r.ResponseWriter.Write(b)
}

// idempotent makes a create route honour Idempotency-Key: a repeat with the
// same key and body gets the first answer, the same key with another body
// or while the first still runs is a conflict. Bookings do this inside their
// own transaction instead.
func (s *Server) idempotent(c *gin.Context) {
	key := c.GetHeader("Idempotency-Key")
	u, signedIn := currentUser(c)
	if key == "" || !signedIn {
		c.Next()
		return
	}
	if len(key) > 64 {
		s.fail(c, errs.New(errs.Invalid, "幂等键过长", "Idempotency-Key is too long"))
		return
	}
	body, err := io.ReadAll(c.Request.Body)
	if err != nil {
		s.fail(c, errTooLarge)
		return
	}
	c.Request.Body = io.NopCloser(bytes.NewReader(body))
	// The real path, not the route template: the same key and body sent to
	// another application's objections is another request.
	sum := sha256.Sum256(append([]byte(c.Request.Method+" "+c.Request.URL.Path+"\n"), body...))
	hash := hex.EncodeToString(sum[:])
	ctx := c.Request.Context()
	first, prev, err := s.Idempotency.ClaimIdempotency(ctx, u.ID, key, c.FullPath(), hash)
	switch {
	case err != nil:
		s.fail(c, err)
		return
	case !first && prev.Hash != hash:
		s.fail(c, errs.ErrKeyReused)
		return
	case !first && prev.Status == 0:
		s.fail(c, errs.New(errs.Conflict, "相同的请求正在处理，请稍后再试", "the same request is still being processed"))
		return
	case !first:
		s.replay(c, prev)
		return
	}
	rec := &recorder{ResponseWriter: c.Writer}
	c.Writer = rec
	c.Next()
	status := c.Writer.Status()
	// Answers carry personal data (a revealed application): sealed at rest.
	sealed := []byte(s.Sealer.Seal(rec.body.String()))
	if err := s.Idempotency.FinishIdempotency(ctx, u.ID, key, status, sealed); err != nil {
		s.log.ErrorContext(ctx, "idempotency record", "error", err.Error())
	}
}

// replay answers with the first request's stored answer.
func (s *Server) replay(c *gin.Context, prev idempotency.Record) {
	body, err := s.Sealer.Open(string(prev.Body))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Idempotent-Replayed", "true")
	c.Data(prev.Status, "application/json; charset=utf-8", []byte(body))
	c.Abort()
}
