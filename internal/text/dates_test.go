package text

import (
	"strings"
	"testing"
	"time"
)

func TestDates(t *testing.T) {
	// Tuesday 10 December 2019, the day of the Washington talks.
	ref := time.Date(2019, 12, 10, 18, 30, 0, 0, time.UTC)
	d := func(y int, m time.Month, dd int) time.Time { return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC) }
	type want struct {
		t   time.Time
		p   Precision
		rel bool
	}
	tests := []struct {
		name string
		in   string
		ref  time.Time
		want []want
	}{
		{"month day year", "talks on May 14, 2019 in Sochi", time.Time{}, []want{{d(2019, 5, 14), Day, false}}},
		{"day month year", "on 14 May 2019", time.Time{}, []want{{d(2019, 5, 14), Day, false}}},
		{"abbreviated month", "on Dec. 10 the two met", ref, []want{{d(2019, 12, 10), Day, true}}},
		{"ordinal", "December 15th, 2008", time.Time{}, []want{{d(2008, 12, 15), Day, false}}},
		{"day month without year takes the year before", "since 14 May", ref, []want{{d(2019, 5, 14), Day, true}}},
		{"day without year and no reference", "on May 14 they met", time.Time{}, nil},
		{"month year", "from October 2016 and 2017", time.Time{}, []want{{d(2016, 10, 1), Month, false}, {d(2017, 1, 1), Year, false}}},
		{"month alone after a lead word", "his visit to Sochi in May", ref, []want{{d(2019, 5, 1), Month, true}}},
		{"month alone needs a reference", "his visit to Sochi in May", time.Time{}, nil},
		{"may the verb", "They May Not agree, and may not", ref, nil},
		{"weekday", "Speaking on Tuesday, Pompeo said", ref, []want{{d(2019, 12, 10), Day, true}}},
		{"earlier weekday", "on Friday the ministers", ref, []want{{d(2019, 12, 6), Day, true}}},
		{"yesterday", "yesterday's talks", ref, []want{{d(2019, 12, 9), Day, true}}},
		{"last week", "talks last week", ref, []want{{d(2019, 12, 2), Week, true}}},
		{"last month", "last month", ref, []want{{d(2019, 11, 1), Month, true}}},
		{"last year", "tore up the deal last year", ref, []want{{d(2018, 1, 1), Year, true}}},
		{"numbers that are not years", "2,000 people and 15 percent of 300", ref, nil},
		{"impossible day", "February 31, 2019", time.Time{}, nil},
		{"decade", "the McCarthyism of the 1950s", ref, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Dates(tt.in, tt.ref)
			if len(got) != len(tt.want) {
				t.Fatalf("Dates(%q) = %+v, want %d dates", tt.in, got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if !g.Time.Equal(w.t) || g.Precision != w.p || g.Relative != w.rel {
					t.Errorf("date %d = %v %v relative=%v, want %v %v relative=%v", i, g.Time.Format(time.DateOnly), g.Precision, g.Relative, w.t.Format(time.DateOnly), w.p, w.rel)
				}
				if g.Start < 0 || g.End > len(tt.in) || g.Start >= g.End {
					t.Errorf("date %d spans %d:%d", i, g.Start, g.End)
				}
			}
		})
	}
}

func FuzzDates(f *testing.F) {
	for _, s := range []string{"May 14, 2019", "14 May", "Dec. 10", "on Tuesday", "last week", "yesterday", "31 February 2020", "in May", "May", "2019"} {
		f.Add(s, int64(1575936000))
	}
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		ref := time.Unix(unix%(1<<40), 0)
		for _, d := range Dates(s, ref) {
			if d.Start < 0 || d.End > len(s) || d.Start >= d.End {
				t.Fatalf("date %+v out of %q", d, s)
			}
			if d.Precision < Day || d.Precision > Year {
				t.Fatalf("precision %v", d.Precision)
			}
			if d.Time.Location() != time.UTC || d.Time.Hour() != 0 {
				t.Fatalf("time %v not midnight UTC", d.Time)
			}
		}
	})
}

// go test ./internal/text -run '^$' -bench Dates -count 6
func BenchmarkDates(b *testing.B) {
	text := strings.Repeat("Pompeo said on Tuesday that since his visit to Sochi in May, and the talks of May 14, 2019, relations had improved; Lavrov said last week that 2,000 diplomats had met. ", 20)
	ref := time.Date(2019, 12, 10, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Dates(text, ref)
	}
}
