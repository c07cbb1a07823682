package cluster

import (
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/text"
)

// mention is one date mentioned in an article.
type mention struct {
	t     time.Time
	prec  text.Precision
	rel   bool  // resolved against the reference time
	start int32 // byte offset
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// monthLead are the words after which a month name alone ("in May") is a
// month rather than, for "May" and "March", a verb.
var monthLead = map[string]bool{"in": true, "since": true, "of": true, "last": true, "early": true, "late": true, "mid": true, "until": true, "by": true, "from": true, "this": true, "next": true, "before": true, "after": true, "during": true}

// number parses a token of one to four digits, with an optional ordinal
// suffix ("14th").
func number(t string) (int, bool) {
	n, k := 0, 0
	for k < len(t) && t[k] >= '0' && t[k] <= '9' {
		n = n*10 + int(t[k]-'0')
		k++
	}
	if k == 0 || k > 4 {
		return 0, false
	}
	switch strings.ToLower(t[k:]) {
	case "", "st", "nd", "rd", "th":
		return n, true
	}
	return 0, false
}

func dateCandidate(w string) bool {
	if w == "" {
		return false
	}
	switch c := w[0] | 0x20; {
	case w[0] >= '0' && w[0] <= '9':
		return true
	case strings.IndexByte("jfmasondwtyl", c) >= 0:
		return true
	}
	return false
}

func mkday(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// dates appends to out the dates s mentions, given its tokens and their
// forms, in order of
// appearance: text.Dates over tokens already cut. ref resolves relative
// mentions and days without a year; with a zero ref they are dropped.
func dates(out []mention, s string, toks []token, recs []*form, ref time.Time) []mention {
	hasRef := !ref.IsZero()
	var refDay time.Time
	if hasRef {
		ref = ref.UTC()
		refDay = mkday(ref.Year(), ref.Month(), ref.Day())
	}
	tok := func(i int) string { return s[toks[i].start:toks[i].end] }
	lw := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return recs[i].lower
	}
	num := func(i int) (int, bool) {
		if i < 0 || i >= len(toks) {
			return 0, false
		}
		return number(tok(i))
	}
	isYear := func(n int, i int) bool { return n >= 1900 && n <= 2100 && toks[i].end-toks[i].start == 4 }
	withYear := func(m time.Month, d int) (time.Time, bool) {
		if !hasRef {
			return time.Time{}, false
		}
		for _, y := range []int{ref.Year(), ref.Year() - 1, ref.Year() + 1} {
			t := mkday(y, m, d)
			if t.Month() != m {
				return time.Time{}, false
			}
			diff := t.Sub(refDay)
			if diff <= 62*24*time.Hour && diff > -305*24*time.Hour {
				return t, true
			}
		}
		return time.Time{}, false
	}
	skip := -1 // tokens up to skip are part of a mention already
	var i int
	var start int32
	emit := func(t time.Time, p text.Precision, rel bool, last int) {
		out = append(out, mention{t: t, prec: p, rel: rel, start: start})
		skip = last
	}
	for i = 0; i < len(toks); i++ {
		if i <= skip || !dateCandidate(tok(i)) {
			continue
		}
		w := lw(i)
		start = toks[i].start
		if m, ok := months[w]; ok && isTitleWord(tok(i)) {
			if d, ok := num(i + 1); ok && d >= 1 && d <= 31 && !isYear(d, i+1) {
				if y, ok := num(i + 2); ok && isYear(y, i+2) {
					if t := mkday(y, m, d); t.Month() == m {
						emit(t, text.Day, false, i+2)
					}
					skip = i + 2
					continue
				}
				if t, ok := withYear(m, d); ok {
					emit(t, text.Day, true, i+1)
				}
				continue
			}
			if y, ok := num(i + 1); ok && isYear(y, i+1) {
				emit(mkday(y, m, 1), text.Month, false, i+1)
				continue
			}
			if monthLead[lw(i-1)] && hasRef {
				y := ref.Year()
				if m > ref.Month() {
					y--
				}
				emit(mkday(y, m, 1), text.Month, true, i)
			}
			continue
		}
		if d, ok := num(i); ok && d >= 1 && d <= 31 && !isYear(d, i) {
			if i+1 < len(toks) {
				if m, ok := months[lw(i+1)]; ok && isTitleWord(tok(i+1)) {
					if y, ok := num(i + 2); ok && isYear(y, i+2) {
						if t := mkday(y, m, d); t.Month() == m {
							emit(t, text.Day, false, i+2)
						}
						skip = i + 2
						continue
					}
					if t, ok := withYear(m, d); ok {
						emit(t, text.Day, true, i+1)
					}
				}
			}
			continue
		}
		if y, ok := num(i); ok && isYear(y, i) {
			emit(mkday(y, 1, 1), text.Year, false, i)
			continue
		}
		if !hasRef {
			continue
		}
		if wd, ok := weekdays[w]; ok {
			back := (int(ref.Weekday()) - int(wd) + 7) % 7
			if lw(i-1) == "next" {
				back -= 7
				if back == 0 {
					back = -7
				}
			}
			emit(refDay.AddDate(0, 0, -back), text.Day, true, i)
			continue
		}
		switch w {
		case "yesterday":
			emit(refDay.AddDate(0, 0, -1), text.Day, true, i)
		case "today", "tonight":
			emit(refDay, text.Day, true, i)
		case "tomorrow":
			emit(refDay.AddDate(0, 0, 1), text.Day, true, i)
		case "week", "month", "year":
			var t time.Time
			var p text.Precision
			switch lw(i - 1) {
			case "last":
				switch w {
				case "week":
					t, p = refDay.AddDate(0, 0, -7-int(ref.Weekday()-time.Monday+7)%7), text.Week
				case "month":
					t, p = mkday(ref.Year(), ref.Month(), 1).AddDate(0, -1, 0), text.Month
				default:
					t, p = mkday(ref.Year()-1, 1, 1), text.Year
				}
			case "this":
				switch w {
				case "week":
					t, p = refDay.AddDate(0, 0, -int(ref.Weekday()-time.Monday+7)%7), text.Week
				case "month":
					t, p = mkday(ref.Year(), ref.Month(), 1), text.Month
				default:
					t, p = mkday(ref.Year(), 1, 1), text.Year
				}
			default:
				continue
			}
			start = toks[i-1].start
			emit(t, p, true, i)
		}
	}
	return out
}
