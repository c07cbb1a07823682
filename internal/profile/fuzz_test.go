package profile

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes to both readers: they must return a Set
// or an error, never panic, and a Set they return must hold valid,
// normalised profiles that Match finds by name.
func FuzzParse(f *testing.F) {
	for _, s := range []string{goodYAML, goodCSV, "", "outlets:\n  - name: A\n", "- name: A\n  hosts: [a.b]\n", "name\nA\n",
		"a: &a [*a, *a]\n", "outlets:\n  - name: [x]\n", "name,hosts\n\"x\ny\",a..b\n", "outlets: !!binary AAAA\n"} {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, yaml bool) {
		format := FormatCSV
		if yaml {
			format = FormatYAML
		}
		s, err := Parse(bytes.NewReader(data), format)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		for _, p := range s.Profiles() {
			if p.Name == "" || p.Name != strings.TrimSpace(p.Name) {
				t.Fatalf("bad name %q", p.Name)
			}
			if m := s.Match(p.Name, ""); m == nil {
				t.Fatalf("Match(%q) found nothing", p.Name)
			}
			for _, h := range p.Hosts {
				if h != NormaliseHost(h) || checkHost(h) != "" {
					t.Fatalf("host %q not normalised", h)
				}
				if s.Match("", "https://"+h+"/") == nil && utf8.ValidString(h) && !strings.ContainsAny(h, "%") {
					// A host with letters url.Parse rejects may not match by URL,
					// but must still match as a source.
					if s.Match(h, "") == nil {
						t.Fatalf("host %q matches nothing", h)
					}
				}
			}
			for _, r := range []*Rating{p.Bias, p.Reliability} {
				if r != nil && r.Value != "" && r.Source == "" {
					t.Fatalf("%s: rating without a source", p.Name)
				}
			}
		}
	})
}
