package api

import (
	"io/fs"
	"mime"
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
	s.serveFile(c, name)
}

// serveFile writes one embedded file. http.FileServer is not used because it
// redirects index.html requests to the directory.
func (s *Server) serveFile(c *gin.Context, name string) {
	b, err := fs.ReadFile(s.Static, name)
	if err != nil {
		s.fail(c, errNoRoute)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	s.writeVersioned(c, ctype, s.staticTag(name, b), b)
}

// staticTag is a file's validator, hashed the first time it is served.
func (s *Server) staticTag(name string, b []byte) string {
	if tag, ok := s.staticTags.Load(name); ok {
		return tag.(string)
	}
	tag := etagOf(b)
	s.staticTags.Store(name, tag)
	return tag
}

func fileExists(fsys fs.FS, name string) bool {
	st, err := fs.Stat(fsys, name)
	return err == nil && !st.IsDir()
}

func (s *Server) apiDocs(c *gin.Context) {
	c.Header("Cache-Control", "no-cache")
	s.serveFile(c, "docs.html")
}

func (s *Server) openAPI(c *gin.Context) {
	b, err := fs.ReadFile(s.Static, "openapi.yaml")
	if err != nil {
		s.fail(c, errNoRoute)
		return
	}
	s.writeVersioned(c, "application/yaml; charset=utf-8", s.staticTag("openapi.yaml", b), b)
}
