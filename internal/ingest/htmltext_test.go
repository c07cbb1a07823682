package ingest

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

func TestCleanTitle(t *testing.T) {
	tests := []struct{ in, site, want string }{
		{"Storm closes ferry port | The Harbour Times", "The Harbour Times", "Storm closes ferry port"},
		{"The Harbour Times - Storm closes ferry port", "The Harbour Times", "Storm closes ferry port"},
		{"Storm closes ferry port | Harbour Times", "", "Storm closes ferry port"},
		{"Storm closes ferry port – News", "", "Storm closes ferry port"},
		{"Mid-term results: a long night - and no winner yet in the close races", "", "Mid-term results: a long night - and no winner yet in the close races"},
		{"Home", "", "Home"},
		{"  Spaced\n  title &amp; more ", "", "Spaced title & more"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := cleanTitle(tt.in, tt.site); got != tt.want {
				t.Errorf("cleanTitle(%q, %q) = %q, want %q", tt.in, tt.site, got, tt.want)
			}
		})
	}
}

func TestJoinAuthors(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"By Jane Roe"}, "Jane Roe"},
		{[]string{"by JANE ROE | Staff writer"}, "JANE ROE"},
		{[]string{"Written by Jane Roe", "Sam Poe", "jane roe"}, "Jane Roe, Sam Poe"},
		{[]string{"https://social.example/janeroe"}, ""},
		{[]string{"Posted by Sam Poe on March 3"}, "Sam Poe"},
		{nil, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.in, ";"), func(t *testing.T) {
			if got := joinAuthors(tt.in); got != tt.want {
				t.Errorf("joinAuthors(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormaliseLang(t *testing.T) {
	for in, want := range map[string]string{"en-GB": "en", "DE": "de", "pt_BR": "pt", "": "", "english": "", "zh-Hans-CN": "zh", "12": ""} {
		if got := normaliseLang(in); got != want {
			t.Errorf("normaliseLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseTimestamp(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-03-07T18:45:00+01:00", "2024-03-07T18:45:00+01:00"},
		{"2024-03-07T18:45:00.123-0500", "2024-03-07T18:45:00-05:00"},
		{"2024-03-07T18:45", "2024-03-07T18:45:00Z"},
		{"2024-03-07 18:45:10", "2024-03-07T18:45:10Z"},
		{"Thu, 07 Mar 2024 18:45:00 +0100", "2024-03-07T18:45:00+01:00"},
		{"2024-03-07", "2024-03-07T00:00:00Z"},
		{"March 7, 2024", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := ""
			if ts, ok := parseTimestamp(tt.in); ok {
				got = ts.Format(time.RFC3339)
			}
			if got != tt.want {
				t.Errorf("parseTimestamp(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseJSONLD(t *testing.T) {
	blocks := []string{
		`{not json`,
		`<!--{"@type":"WebPage","name":"Section page"}-->`,
		`[{"@type":["Thing","NewsArticle"],"headline":"Bridge &amp; tunnel","datePublished":"2021-02-03T04:05:06Z",
		  "author":["Ann Lee",{"name":"Bo Chan"}],"publisher":{"name":"Daily Example"},"inLanguage":"fr-FR"}]`,
	}
	got := parseJSONLD(blocks)
	want := ldInfo{headline: "Bridge & tunnel", published: "2021-02-03T04:05:06Z", publisher: "Daily Example", lang: "fr-FR", authors: []string{"Ann Lee", "Bo Chan"}}
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
		t.Errorf("parseJSONLD = %+v, want %+v", got, want)
	}
}

func TestDecodeCharset(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"utf-8 bom", "\xef\xbb\xbfcaf\xc3\xa9", "café"},
		{"declared latin-1", "<meta charset=iso-8859-1>caf\xe9", "<meta charset=iso-8859-1>café"},
		{"declared windows-1252", `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">` + "\x93q\x94", `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">“q”`},
		{"valid utf-8 despite declaration", "<meta charset=gb2312>caf\xc3\xa9", "<meta charset=gb2312>café"},
		{"late declaration", "<head>" + strings.Repeat(" ", 2000) + "<meta charset=\"windows-1252\"></head>caf\xe9", "<head>" + strings.Repeat(" ", 2000) + "<meta charset=\"windows-1252\"></head>café"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := io.ReadAll(decodeCharset([]byte(tt.in)))
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.want {
				t.Errorf("decoded %q, want %q", b, tt.want)
			}
		})
	}
}

func TestDropRepeats(t *testing.T) {
	in := []string{"Lorem ipsum dolor sit amet, consectetur.", "dolor sit amet", "Short", "Short", "A pull quote here.", "Body with A pull quote here. in it"}
	want := []string{"Lorem ipsum dolor sit amet, consectetur.", "dolor sit amet", "Short", "Short", "A pull quote here.", "Body with A pull quote here. in it"}
	want = append(want[:1], want[2:]...)
	if got := dropRepeats(in); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("dropRepeats = %q, want %q", got, want)
	}
}
