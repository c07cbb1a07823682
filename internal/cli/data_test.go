package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sharedData = "../../../shared/data"

func needData(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join(sharedData, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not found: run from a checkout with shared/ beside it", p)
	}
	return p
}

// TestRealCorporaIngestWholeAndSearch ingests the DUC 2006 SGML tree and
// the PolNeAR training texts end to end and searches them as a reader would.
func TestRealCorporaIngestWholeAndSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the whole-corpus ingest")
	}
	duc, polnear := needData(t, "duc2006/sgml"), needData(t, "polnear/train/text")
	db := filepath.Join(t.TempDir(), "real.db")
	out, stderr, code := run(t, db, "", "ingest", "--json", duc)
	if code != 0 {
		t.Fatalf("ingest DUC: exit %d\n%s", code, stderr)
	}
	var sum struct{ Read, Added, Refused int }
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	// 1,250 files; 9 documents sit in two topic folders, and one more
	// DOCNO repeats, so 10 are already held when seen again.
	if sum.Read != 1250 || sum.Refused != 0 || sum.Added != 1240 {
		t.Errorf("DUC: read %d, added %d, refused %d; want 1250, 1240, 0", sum.Read, sum.Added, sum.Refused)
	}
	out, stderr, code = run(t, db, "", "ingest", "--json", "--source", "PolNeAR", polnear)
	if code != 0 {
		t.Fatalf("ingest PolNeAR: exit %d\n%s", code, stderr)
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Read != 840 || sum.Refused != 0 {
		t.Errorf("PolNeAR: read %d, refused %d; want 840, 0", sum.Read, sum.Refused)
	}

	tests := []struct {
		query []string
		top   string // a substring of the first hit's title
	}{
		{[]string{"poverty tour", "Pine Ridge"}, "Clinton Focuses on American Indians"},
		{[]string{`"Pine Ridge"`, "--source", "APW", "--from", "1999-07-01", "--to", "1999-07-31"}, "American Indians"},
		{[]string{"O'Malley", "campaign", "staff", "Iowa", "--source", "PolNeAR"}, "O’Malley"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.query, " "), func(t *testing.T) {
			out, stderr, code := run(t, db, "", append([]string{"search", "--json", "--limit", "3"}, tc.query...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var hits []struct{ Title string }
			if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) == 0 {
				t.Fatalf("no hits (%v):\n%s", err, out)
			}
			if !strings.Contains(hits[0].Title, tc.top) {
				t.Errorf("first hit %q, want one with %q", hits[0].Title, tc.top)
			}
		})
	}
}
