package demo

import (
	"bytes"
	_ "embed"
	"fmt"

	"github.com/parallax-news/parallax/internal/profile"
)

// profilesYAML holds the source profiles of the corpus's seven invented
// outlets: names, aliases, hosts, countries and types as in truth.json,
// with invented owners and ratings (see the file's header).
//
//go:embed profiles.yaml
var profilesYAML []byte

// Profiles returns the source profiles of the demo's outlets, for the
// comparison report to show each outlet's type, country and ratings.
func Profiles() (*profile.Set, error) {
	s, err := profile.Parse(bytes.NewReader(profilesYAML), profile.FormatYAML)
	if err != nil {
		return nil, fmt.Errorf("demo profiles: %w", err)
	}
	return s, nil
}

// ProfilesYAML returns the demo's profiles file as written, for a user to
// copy as a starting point.
func ProfilesYAML() []byte { return bytes.Clone(profilesYAML) }
