package api

import (
	"context"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"
)

const specFile = "../../static/openapi.yaml"

// loadSpec reads static/openapi.yaml the way a code generator or Swagger UI
// would, with kin-openapi, and fails the test unless the document is a
// valid OpenAPI 3.0 description.
func loadSpec(t *testing.T) *openapi3.T {
	t.Helper()
	b, err := os.ReadFile(specFile)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := openapi3.NewLoader().LoadFromData(b)
	if err != nil {
		t.Fatalf("openapi.yaml does not load: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.yaml is not valid OpenAPI 3: %v", err)
	}
	return doc
}

// TestOpenAPISpecIsValid checks the spec with an independent validator,
// and that no YAML flow mapping was split by a comma in a description:
// `{type: string, description: a, b}` reads as a key "b" with a null
// value, which OpenAPI tools reject or silently drop.
func TestOpenAPISpecIsValid(t *testing.T) {
	b, err := os.ReadFile(specFile)
	if err != nil {
		t.Fatal(err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		t.Fatal(err)
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if v := n.Content[i+1]; v.Tag == "!!null" {
					t.Errorf("line %d: key %q has no value (a comma in an unquoted flow-style description?)", n.Content[i].Line, n.Content[i].Value)
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&root)
	loadSpec(t)
}

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
	var documented []string
	for path, item := range loadSpec(t).Paths.Map() {
		for method := range item.Operations() {
			documented = append(documented, method+" "+path)
		}
	}
	sort.Strings(routes)
	sort.Strings(documented)
	if strings.Join(routes, "\n") != strings.Join(documented, "\n") {
		t.Fatalf("route table and openapi.yaml differ\nroutes:\n%s\n\ndocumented:\n%s", strings.Join(routes, "\n"), strings.Join(documented, "\n"))
	}
}

// TestOpenAPIListsRefusals checks that every operation closed to someone
// documents the refusals the access table promises: 401 when signed out,
// and 403 when signed in with another role.
func TestOpenAPIListsRefusals(t *testing.T) {
	doc := loadSpec(t)
	param := regexp.MustCompile(`:(\w+)`)
	for route, allowed := range access {
		method, path, _ := strings.Cut(route, " ")
		item := doc.Paths.Value(param.ReplaceAllString(path, "{$1}"))
		if item == nil || item.GetOperation(method) == nil {
			t.Errorf("%s is not in openapi.yaml", route)
			continue
		}
		responses := item.GetOperation(method).Responses
		var want []string
		switch {
		case may(allowed, "anonymous"):
		case may(allowed, "resident") && may(allowed, "lawyer") && may(allowed, "aid_officer") && may(allowed, "notary_clerk") && may(allowed, "admin"):
			want = []string{"401"}
		default:
			want = []string{"401", "403"}
		}
		// A route that takes an id answers 404 for an id that is not the
		// caller's business, as for one that does not exist.
		if strings.Contains(path, ":id") {
			want = append(want, "404")
		}
		for _, status := range want {
			if responses.Value(status) == nil {
				t.Errorf("%s: no %s response in openapi.yaml", route, status)
			}
		}
	}
}
