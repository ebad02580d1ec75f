package api

import (
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/gin-gonic/gin"
)

// notFound answers unknown API paths with the error shape and serves the
// front end for everything else (unknown pages get the shell).
func (s *Server) notFound(c *gin.Context) {
	p := c.Request.URL.Path
	if strings.HasPrefix(p, "/api/") || c.Request.Method != http.MethodGet && c.Request.Method != http.MethodHead {
		s.fail(c, errNoRoute)
		return
	}
	name := strings.TrimPrefix(path.Clean(p), "/")
	if name == "" || !fileExists(s.Static, name) {
		name = "index.html"
	}
	if name == "index.html" {
		c.Header("Cache-Control", "no-cache")
	} else {
		c.Header("Cache-Control", "public, max-age=300")
	}
	c.Header("X-Content-Type-Options", "nosniff")
	c.Header("Referrer-Policy", "same-origin")
	c.Header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
	c.FileFromFS(name, http.FS(s.Static))
}

func fileExists(fsys fs.FS, name string) bool {
	st, err := fs.Stat(fsys, name)
	return err == nil && !st.IsDir()
}

func (s *Server) apiDocs(c *gin.Context) {
	c.Header("Cache-Control", "no-cache")
	c.FileFromFS("docs.html", http.FS(s.Static))
}

func (s *Server) openAPI(c *gin.Context) {
	c.Header("Content-Type", "application/yaml; charset=utf-8")
	c.FileFromFS("openapi.yaml", http.FS(s.Static))
}
