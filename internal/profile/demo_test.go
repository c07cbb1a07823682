package profile_test

import (
	"testing"

	"github.com/parallax-news/parallax/internal/demo"
	"github.com/parallax-news/parallax/internal/profile"
)

// TestDemoProfiles checks the demo's profiles file against the corpus's
// answer key: one profile per outlet, with its host, type and country, and
// every rating sourced.
func TestDemoProfiles(t *testing.T) {
	truth, err := demo.LoadTruth()
	if err != nil {
		t.Fatal(err)
	}
	set, err := demo.Profiles()
	if err != nil {
		t.Fatal(err)
	}
	if set.Len() != len(truth.Outlets) {
		t.Errorf("%d profiles for %d outlets", set.Len(), len(truth.Outlets))
	}
	for _, o := range truth.Outlets {
		p := set.Match(o.Name, "")
		if p == nil {
			t.Errorf("%s: no profile", o.Name)
			continue
		}
		if p.Name != o.Name || p.Country != o.Country || p.Type != profile.NormaliseType(o.Kind) {
			t.Errorf("%s: profile %s, %s, %s; truth says %s, %s", o.Name, p.Name, p.Country, p.Type, o.Country, o.Kind)
		}
		if q := set.Match("", "https://"+o.Host+"/any/path"); q == nil || q.Name != o.Name {
			t.Errorf("%s: host %s does not match it", o.Name, o.Host)
		}
		for _, r := range []*profile.Rating{p.Bias, p.Reliability} {
			if r != nil && r.Source == "" {
				t.Errorf("%s: rating %q has no source", o.Name, r.Value)
			}
		}
	}
	if len(demo.ProfilesYAML()) == 0 {
		t.Error("ProfilesYAML is empty")
	}
}
