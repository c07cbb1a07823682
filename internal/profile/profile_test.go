package profile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goodYAML = `# comment
outlets:
  - name: Example Wire
    aliases: [ExWire, "Example Wire Service"]
    hosts: [https://www.examplewire.example/news, ew.example]
    country: Exampleland
    owner: Example Co-op
    type: News-Agency
    bias: {rating: centre, source: "Example Ratings", date: 2025-01}
    reliability:
      rating: high
      source: our review
  - name: The Local Bugle
    hosts: bugle.example
    type: local paper
  - name: Mystery Sheet
    type: Pamphlet
`

const goodCSV = "\ufeffName, hosts ,aliases,type,bias,bias_source,notes\n" +
	"# a comment\n" +
	"Example Wire,examplewire.example;ew.example,ExWire|Example Wire Service,wire,centre,Example Ratings,\"has, a comma\"\n" +
	"\n" +
	"The Local Bugle,bugle.example,,local,,,\n" +
	"Mystery Sheet,,,pamphlet,,,\n"

func TestParseFormats(t *testing.T) {
	for _, c := range []struct{ format, in string }{{"yaml", goodYAML}, {"YML", goodYAML}, {"csv", goodCSV}, {".csv", goodCSV}} {
		t.Run(c.format, func(t *testing.T) {
			s, err := Parse(strings.NewReader(c.in), c.format)
			if err != nil {
				t.Fatal(err)
			}
			if s.Len() != 3 {
				t.Fatalf("%d profiles, want 3", s.Len())
			}
			ps := s.Profiles()
			w := ps[0]
			if w.Name != "Example Wire" || w.Type != "wire" || len(w.Aliases) != 2 || w.Aliases[1] != "Example Wire Service" {
				t.Errorf("first profile = %+v", w)
			}
			if w.Hosts[0] != "examplewire.example" || w.Hosts[1] != "ew.example" {
				t.Errorf("hosts = %q, want normalised", w.Hosts)
			}
			if w.Bias == nil || w.Bias.Value != "centre" || w.Bias.Source != "Example Ratings" {
				t.Errorf("bias = %+v", w.Bias)
			}
			if ps[1].Type != "local" || ps[2].Type != "pamphlet" {
				t.Errorf("types = %q, %q; want local, pamphlet", ps[1].Type, ps[2].Type)
			}
		})
	}
}

func TestMatch(t *testing.T) {
	s, err := Parse(strings.NewReader(goodYAML), "yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ source, url, want string }{
		{"Example Wire", "", "Example Wire"},
		{"  example   WIRE ", "", "Example Wire"},
		{"exwire", "", "Example Wire"},
		{"The Example Wire", "", "Example Wire"},
		{"Local Bugle", "", "The Local Bugle"},
		{"the local bugle", "", "The Local Bugle"},
		{"", "https://www.examplewire.example/2025/story", "Example Wire"},
		{"", "https://news.EW.example:8443/x", "Example Wire"},
		{"", "bugle.example/path", "The Local Bugle"},
		{"Somebody Else", "https://sport.bugle.example/", "The Local Bugle"},
		{"examplewire.example", "", "Example Wire"},
		{"www.bugle.example", "", "The Local Bugle"},
		// The name wins over the host.
		{"Mystery Sheet", "https://bugle.example/", "Mystery Sheet"},
		{"", "https://notbugle.example/", ""},
		{"", "https://example/", ""},
		{"Nobody", "", ""},
		{"", "", ""},
		{"", "::not a url", ""},
	} {
		got := s.Match(c.source, c.url)
		name := ""
		if got != nil {
			name = got.Name
		}
		if name != c.want {
			t.Errorf("Match(%q, %q) = %q, want %q", c.source, c.url, name, c.want)
		}
	}
	var none *Set
	if none.Match("Example Wire", "") != nil || none.Len() != 0 || none.Profiles() != nil {
		t.Error("a nil Set matches something")
	}
	// Match returns a copy.
	p := s.Match("Example Wire", "")
	p.Aliases[0], p.Bias.Value = "changed", "changed"
	if q := s.Match("Example Wire", ""); q.Aliases[0] != "ExWire" || q.Bias.Value != "centre" {
		t.Error("changing a matched profile changed the Set")
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		name, format, in string
		want             []string // fragments of the error
	}{
		{"bad yaml", "yaml", "outlets: [", []string{"not valid YAML"}},
		{"no name", "yaml", "outlets:\n  - hosts: [a.example]\n", []string{"line 2", "record 1", "no name"}},
		{"unknown key", "yaml", "outlets:\n  - name: A\n    alias: [B]\n", []string{"line 3", `record 1 ("A")`, `unknown key "alias"`}},
		{"unknown top key", "yaml", "outlet:\n  - name: A\n", []string{"line 1", `unknown top-level key "outlet"`}},
		{"not a list", "yaml", "outlets: {name: A}\n", []string{"must be a list"}},
		{"rating without source", "yaml", "outlets:\n  - name: A\n  - name: B\n    bias: {rating: left}\n", []string{"line 3", `record 2 ("B")`, `bias rating "left" has no source`}},
		{"source without rating", "yaml", "outlets:\n  - name: A\n    reliability: {source: X}\n", []string{"reliability has a source", "no rating"}},
		{"rating not a mapping", "yaml", "outlets:\n  - name: A\n    bias: left\n", []string{"line 3", "bias must be a mapping"}},
		{"duplicate name", "yaml", "outlets:\n  - name: A\n  - name: The a\n", []string{"line 3", "record 2", `already used by "A"`}},
		{"alias clashes", "yaml", "outlets:\n  - name: A\n  - name: B\n    aliases: [a]\n", []string{"record 2", `"a" is already used by "A"`}},
		{"duplicate host", "yaml", "outlets:\n  - name: A\n    hosts: [x.example]\n  - name: B\n    hosts: [www.X.example]\n", []string{"line 4", `host "x.example" is already used by "A"`}},
		{"bad host", "yaml", "outlets:\n  - name: A\n    hosts: [\"bad host.example\"]\n", []string{"not allowed in a host"}},
		{"key twice", "yaml", "outlets:\n  - name: A\n    type: wire\n    type: blog\n", []string{"given twice"}},
		{"control character", "yaml", "outlets:\n  - name: \"A\\u0007\"\n", []string{"control character"}},
		{"several problems", "yaml", "outlets:\n  - hosts: [a.example]\n  - name: B\n    bias: {rating: x}\n", []string{"record 1", "record 2"}},
		{"csv no name column", "csv", "host\nx.example\n", []string{"line 1", "unknown column"}},
		{"csv missing name column", "csv", "hosts\nx.example\n", []string{`no "name" column`}},
		{"csv rating without source", "csv", "name,bias\nA,left\nB,right\n", []string{"line 2", `record 1 ("A")`, "line 3", `record 2 ("B")`}},
		{"csv too many fields", "csv", "name,type\nA,wire,extra\n", []string{"line 2", "3 fields"}},
		{"csv bad quote", "csv", "name\n\"A\n", []string{"not valid CSV"}},
		{"csv empty name", "csv", "name,hosts\n,x.example\n", []string{"line 2", "no name"}},
		{"unknown format", "json", "{}", []string{"unknown profiles format"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(c.in), c.format)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestParseEmpty(t *testing.T) {
	for _, c := range []struct{ format, in string }{{"yaml", ""}, {"yaml", "# nothing\n"}, {"yaml", "outlets:\n"}, {"yaml", "[]"}, {"csv", ""}, {"csv", "name,hosts\n"}} {
		s, err := Parse(strings.NewReader(c.in), c.format)
		if err != nil || s.Len() != 0 {
			t.Errorf("Parse(%q, %s) = %d profiles, %v; want none and no error", c.in, c.format, s.Len(), err)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	s, err := Load(write("good.yml", goodYAML))
	if err != nil || s.Len() != 3 {
		t.Fatalf("Load = %v, %v", s.Len(), err)
	}
	s, err = Load(write("good.CSV", goodCSV))
	if err != nil || s.Len() != 3 {
		t.Fatalf("Load csv = %v, %v", s.Len(), err)
	}
	bad := write("bad.yaml", "outlets:\n  - name: A\n  - name: B\n    bias: {rating: left}\n")
	_, err = Load(bad)
	var pe *Error
	if err == nil || !errors.As(err, &pe) {
		t.Fatalf("Load(bad) = %v, want an *Error", err)
	}
	if want := bad + `:3: record 2 ("B"): bias rating "left" has no source: say where it came from`; err.Error() != want {
		t.Errorf("error = %q\nwant    %q", err, want)
	}
	if _, err := Load(write("bad.csv", "name,bias\nA,left\n")); err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, "bad.csv")+":2: ") {
		t.Errorf("csv error %v does not start with the file and line", err)
	}
	if _, err := Load(write("x.json", "{}")); err == nil || !strings.Contains(err.Error(), "x.json") {
		t.Errorf("unknown extension: %v", err)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := Load(write("yamlsyntax.yaml", "outlets: [")); err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, "yamlsyntax.yaml")) {
		t.Errorf("syntax error %v does not name the file", err)
	}
}

func TestNew(t *testing.T) {
	in := []Profile{{Name: " A  B ", Hosts: []string{"WWW.A.example"}, Type: "State_Media", Bias: &Rating{}}}
	s, err := New(in)
	if err != nil {
		t.Fatal(err)
	}
	p := s.Profiles()[0]
	if p.Name != "A B" || p.Hosts[0] != "a.example" || p.Type != "state media" || p.Bias != nil {
		t.Errorf("normalised = %+v", p)
	}
	if in[0].Name != " A  B " {
		t.Error("New changed its input")
	}
	if _, err := New([]Profile{{Name: "A"}, {Name: "a"}}); err == nil || !strings.Contains(err.Error(), "record 2") {
		t.Errorf("duplicate: %v", err)
	}
}

func TestNormalise(t *testing.T) {
	for in, want := range map[string]string{
		"Wire": "wire", "news-agency": "wire", "State  Media": "state media", "public_broadcaster": "public broadcaster",
		"TV": "broadcaster", "Partisan Blog": "blog", "": "", "Zine": "zine",
	} {
		if got := NormaliseType(in); got != want {
			t.Errorf("NormaliseType(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"https://user@www.Example.com:8080/a?b#c": "example.com", "example.com.": "example.com", "//cdn.example.com/x": "cdn.example.com", " ": "",
	} {
		if got := NormaliseHost(in); got != want {
			t.Errorf("NormaliseHost(%q) = %q, want %q", in, got, want)
		}
	}
	if TypeRank("wire") != 0 || TypeRank("zine") != len(Types) || TypeRank("") != len(Types)+1 {
		t.Error("TypeRank")
	}
}

// TestExampleFile checks that the documented template parses.
func TestExampleFile(t *testing.T) {
	s, err := Load("../../docs/profiles.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if s.Len() < 3 {
		t.Errorf("example has %d profiles", s.Len())
	}
	for _, p := range s.Profiles() {
		for _, r := range []*Rating{p.Bias, p.Reliability} {
			if r != nil && r.Source == "" {
				t.Errorf("%s: rating without source", p.Name)
			}
		}
	}
}
