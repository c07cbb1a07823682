package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/export"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// run runs the command line in-process and returns stdout, stderr and the
// exit status.
func run(t *testing.T, db string, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), append([]string{"--db", db}, args...), IO{In: strings.NewReader(stdin), Out: &out, Err: &errb})
	return out.String(), errb.String(), code
}

func ingested(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "t.db")
	_, stderr, code := run(t, db, "", "ingest", "testdata/in/wire.jsonl", "testdata/in/letter.txt", "testdata/in/junk.bin", "--source", "Saltmarsh Post")
	if code != ExitRefused {
		t.Fatalf("ingest exit %d, want %d (some input refused); stderr:\n%s", code, ExitRefused, stderr)
	}
	return db
}

func TestIngestReportsProblemsAndGoesOn(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	out, stderr, code := run(t, db, "", "ingest", "--json", "testdata/in/wire.jsonl", "testdata/in/letter.txt", "testdata/in/junk.bin", "--source", "Saltmarsh Post")
	if code != ExitRefused {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitRefused, stderr)
	}
	var sum struct {
		Read, Added, Refused int
		Problems             []struct {
			File, Reason string
			Line         int
		}
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("--json output is not JSON: %v\n%s", err, out)
	}
	if sum.Added != 4 || sum.Refused != 2 {
		t.Errorf("added %d refused %d, want 4 and 2: %+v", sum.Added, sum.Refused, sum)
	}
	for _, want := range []string{"wire.jsonl:3", "junk.bin"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not name %s:\n%s", want, stderr)
		}
	}
	// Again: nothing new.
	out, _, _ = run(t, db, "", "ingest", "--json", "testdata/in/wire.jsonl", "testdata/in/letter.txt", "--source", "Saltmarsh Post")
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Added != 0 || sum.Read != 4 {
		t.Errorf("re-ingest added %d of %d read, want 0 of 4", sum.Added, sum.Read)
	}
}

func TestIngestFromStdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	in, err := os.ReadFile("testdata/in/wire.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	_, stderr, code := run(t, db, string(in), "ingest", "--quiet", "-")
	if code != ExitRefused || !strings.Contains(stderr, "-:3") {
		t.Errorf("exit %d, stderr %q: want the bad record refused as -:3", code, stderr)
	}
	out, _, _ := run(t, db, "", "list", "--json")
	var rows []listRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 3 {
		t.Fatalf("list after stdin ingest: %v, %d rows:\n%s", err, len(rows), out)
	}
}

var volatile = regexp.MustCompile(`"(ingested|origin)":"[^"]*"`)

// TestExportGolden pins the complete export record: what a script reading
// `parallax export` gets.
func TestExportGolden(t *testing.T) {
	db := ingested(t)
	out, stderr, code := run(t, db, "", "export", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("export exit %d: %s", code, stderr)
	}
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("export line is not JSON: %v", err)
		}
		for _, k := range []string{"id", "source", "url", "title", "byline", "published", "lang", "text", "removed", "captions", "credits", "input_id"} {
			if _, ok := rec[k]; !ok {
				t.Errorf("export record lacks %q", k)
			}
		}
		lines = append(lines, volatile.ReplaceAllString(sc.Text(), `"$1":"…"`))
	}
	got := strings.Join(lines, "\n") + "\n"
	golden := filepath.Join("testdata", "export.golden.jsonl")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/cli -run TestExportGolden -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("export differs from %s (if the change is intended, rerun with -update and review the diff):\ngot:\n%s", golden, got)
	}
}

func TestExportCSV(t *testing.T) {
	db := ingested(t)
	out, _, code := run(t, db, "", "export", "--format", "csv", "--source", "Meridian Wire")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || strings.Join(rows[0], ",") != strings.Join(export.CSVHeader, ",") {
		t.Fatalf("want a header and 2 rows, got %d rows: %v", len(rows), rows)
	}
}

func TestSearchListShowStats(t *testing.T) {
	db := ingested(t)
	tests := []struct {
		name string
		args []string
		want []string // substrings of stdout
		code int
	}{
		{"search ranks and marks", []string{"search", "strike"}, []string{"**strike**", "Meridian Wire"}, 0},
		{"search phrase", []string{"search", `"nine hours"`}, []string{"Port talks collapse"}, 0},
		{"search filter by source", []string{"search", "union", "--source", "Free Harbour Voice"}, []string{"Free Harbour Voice"}, 0},
		{"search nasty query does not error", []string{"search", `"unbalanced AND ( OR title:`}, nil, 0},
		{"list by date", []string{"list", "--from", "2031-03-02", "--to", "2031-03-03"}, []string{"Dockworkers walk out", "elites"}, 0},
		{"show by prefix", []string{"show", "--json", "PLACEHOLDER"}, []string{`"title": "Dockworkers walk out at Port Veyra"`, `"captions"`}, 0},
		{"show unknown", []string{"show", "ffffffffffff"}, nil, ExitError},
		{"stats", []string{"stats"}, []string{"4 articles from 3 sources", "Meridian Wire"}, 0},
		{"bad date", []string{"list", "--from", "yesterday"}, nil, ExitUsage},
		{"unknown command", []string{"frobnicate"}, nil, ExitUsage},
	}
	// Find the wire article's ID for the show-by-prefix case.
	out, _, _ := run(t, db, "", "list", "--json", "--source", "Meridian Wire")
	var rows []listRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) == 0 {
		t.Fatalf("list: %v\n%s", err, out)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string(nil), tc.args...)
			for i, a := range args {
				if a == "PLACEHOLDER" {
					args[i] = rows[0].ID[:8]
				}
			}
			out, stderr, code := run(t, db, "", args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestCleaningShowsInShow(t *testing.T) {
	db := ingested(t)
	out, _, _ := run(t, db, "", "list", "--json", "--source", "Free Harbour Voice")
	var rows []listRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 1 {
		t.Fatalf("list: %v\n%s", err, out)
	}
	out, _, _ = run(t, db, "", "show", rows[0].ID)
	if strings.Contains(strings.Split(out, "Removed by cleaning")[0], "Sign up") {
		t.Errorf("the sign-up line is still in the body:\n%s", out)
	}
	for _, w := range []string{"[newsletter]", "[consent]"} {
		if !strings.Contains(out, w) {
			t.Errorf("show does not list %s as removed:\n%s", w, out)
		}
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"64MiB": 64 << 20, "500KB": 500000, "1g": 1 << 30, "1.5KiB": 1536, "100": 100} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "big", "-5MB", "64XB"} {
		if _, err := parseSize(bad); err == nil {
			t.Errorf("parseSize(%q) accepted", bad)
		}
	}
}

func TestCopiesCommands(t *testing.T) {
	db := ingested(t)
	if _, stderr, code := run(t, db, "", "ingest", "--quiet", "testdata/in/repost.jsonl"); code != 0 {
		t.Fatalf("ingest repost: exit %d: %s", code, stderr)
	}
	out, _, code := run(t, db, "", "copies", "--json")
	if code != 0 {
		t.Fatalf("copies: exit %d", code)
	}
	var groups []copyGroupView
	if err := json.Unmarshal([]byte(out), &groups); err != nil {
		t.Fatal(err)
	}
	if len(groups) != 1 || groups[0].Original.Source != "Meridian Wire" || len(groups[0].Copies) != 1 || groups[0].Copies[0].Source != "Harbour Voice Blog" {
		t.Fatalf("copies = %+v, want the blog's repost grouped under the wire original", groups)
	}
	copyID := groups[0].Copies[0].ID
	out, _, _ = run(t, db, "", "copies", "show", copyID[:8])
	for _, want := range []string{"full copy of " + groups[0].Original.ID, "earliest published", "3 same, 0 edited", "[bio]", "Mira Stenholt"} {
		if !strings.Contains(out, want) {
			t.Errorf("copies show lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = run(t, db, "", "show", "--json", copyID)
	var rec struct {
		CopyOf      *string  `json:"copy_of"`
		CopyKind    *string  `json:"copy_kind"`
		Containment *float64 `json:"copy_containment"`
		Voice       string   `json:"voice"`
	}
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatal(err)
	}
	if rec.CopyOf == nil || *rec.CopyOf != groups[0].Original.ID || *rec.CopyKind != "full" || *rec.Containment < 0.9 || rec.Voice != groups[0].Original.ID {
		t.Errorf("export record copy fields = %+v", rec)
	}
}

func TestQuotesCommand(t *testing.T) {
	text := "The harbour union's leader, Ilse Marren, said the strike would go on. “We have waited eleven months,” she told reporters on Monday.\n"
	out, stderr, code := run(t, filepath.Join(t.TempDir(), "unused.db"), text, "quotes", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var direct bool
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var a struct {
			Speaker     string `json:"speaker"`
			Direct      bool   `json:"direct"`
			ContentText string `json:"content_text"`
		}
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("not JSON lines: %v\n%s", err, out)
		}
		if a.Direct && strings.Contains(a.ContentText, "eleven months") {
			direct = true
			if a.Speaker != "Ilse Marren" {
				t.Errorf("the direct quote goes to %q, want Ilse Marren", a.Speaker)
			}
		}
	}
	if !direct {
		t.Errorf("no direct quote found:\n%s", out)
	}
}
