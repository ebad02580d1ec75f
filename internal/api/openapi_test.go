package api

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestOpenAPIListsEveryRoute keeps static/openapi.yaml and the route table
// in step: every /api/v1 route is documented and nothing else is.
func TestOpenAPIListsEveryRoute(t *testing.T) {
	e := newEnv(t, "sqlite")
	engine, err := e.api.routes()
	if err != nil {
		t.Fatal(err)
	}
	param := regexp.MustCompile(`:(\w+)`)
	var routes []string
	for _, r := range engine.Routes() {
		if strings.HasPrefix(r.Path, "/api/v1/") {
			routes = append(routes, r.Method+" "+param.ReplaceAllString(strings.TrimPrefix(r.Path, "/api/v1"), "{$1}"))
		}
	}
	b, err := os.ReadFile("../../static/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var spec struct {
		Paths map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(b, &spec); err != nil {
		t.Fatal(err)
	}
	var documented []string
	for path, ops := range spec.Paths {
		for method := range ops {
			if method != "parameters" {
				documented = append(documented, strings.ToUpper(method)+" "+path)
			}
		}
	}
	sort.Strings(routes)
	sort.Strings(documented)
	if strings.Join(routes, "\n") != strings.Join(documented, "\n") {
		t.Fatalf("route table and openapi.yaml differ\nroutes:\n%s\n\ndocumented:\n%s", strings.Join(routes, "\n"), strings.Join(documented, "\n"))
	}
}
