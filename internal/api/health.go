package api

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/errs"
)

func (s *Server) healthz(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

// readyz answers 200 only when the database (and Redis, when configured)
// answer within two seconds.
func (s *Server) readyz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	checks := gin.H{"database": "ok"}
	var failed error
	if err := s.DB.Ping(ctx); err != nil {
		checks["database"] = "unavailable"
		failed = errs.Wrap(err, errs.Unavailable, "数据库暂时不可用", "the database is unavailable")
	}
	if s.cfg.RedisConfigured {
		checks["redis"] = "ok"
		if err := s.Holds.Ping(ctx); err != nil {
			checks["redis"] = "unavailable"
			if failed == nil {
				failed = errs.Wrap(err, errs.Unavailable, "Redis 暂时不可用", "Redis is unavailable")
			}
		}
	}
	if failed != nil {
		status, body := s.render(c.Request, failed)
		c.JSON(status, gin.H{"error": body.Error, "checks": checks})
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok", "checks": checks})
}
