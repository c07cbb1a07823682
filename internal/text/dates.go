// Dates mentioned in text.
//
// We read dates with our own small scanner rather than
// github.com/markusmobius/go-dateparser: the parser handles 200 locales and
// parses a string that *is* a date very well, but finding dates inside
// running text means its search mode, which runs a battery of per-language
// regular expressions over every sentence; on a 3 kB article that costs
// milliseconds where this scanner costs microseconds (see
// BenchmarkDates), and clustering reads every article. English news writes
// dates in a handful of shapes ("May 14, 2019", "14 May", "Dec. 10",
// "October 2016", "on Tuesday", "yesterday", "last week"), and those are
// what we read.

package text

import (
	"strings"
	"time"
)

// Precision is how much of a mentioned date the text fixed.
type Precision uint8

// The precisions, finest first.
const (
	Day Precision = iota + 1
	Week
	Month
	Year
)

// String names p.
func (p Precision) String() string {
	switch p {
	case Day:
		return "day"
	case Week:
		return "week"
	case Month:
		return "month"
	case Year:
		return "year"
	}
	return "unknown"
}

// Date is one date mentioned in a text.
type Date struct {
	// Time is the start of the day, week, month or year meant, at midnight
	// UTC.
	Time      time.Time
	Precision Precision
	// Relative is set when the date was resolved against the reference time
	// ("on Tuesday", "yesterday", or a day and month without a year).
	Relative bool
	// Start and End are the byte offsets of the mention.
	Start, End int
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

// monthLead are the words after which a month name alone ("in May") is
// read as a month rather than, for "May" and "March", as a verb.
var monthLead = map[string]bool{"in": true, "since": true, "of": true, "last": true, "early": true, "late": true, "mid": true, "until": true, "by": true, "from": true, "this": true, "next": true, "before": true, "after": true, "during": true}

// number parses a token of one to four digits, with an optional ordinal
// suffix ("14th", "1st").
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

// dateCandidate reports whether a token may start a date: a number, or a
// word whose first letter begins a month, weekday or relative date.
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

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Dates returns the dates mentioned in s, in order of appearance. ref is
// when the text was written (its published time); relative mentions and
// days without a year are resolved against it, and dropped when ref is
// zero. A day and month without a year take the year that puts them at
// most ten months before or two months after ref.
func Dates(s string, ref time.Time) []Date {
	return DatesIn(tokenList(Tokens(s)), ref, nil)
}

// TokenList is a text's tokens as a caller has cut them, for DatesIn: the
// token's text, its lower-case form without a possessive ending, and its
// byte offsets.
type TokenList interface {
	Len() int
	Text(i int) string
	Lower(i int) string
	Start(i int) int
	End(i int) int
}

type tokenList []Token

func (t tokenList) Len() int           { return len(t) }
func (t tokenList) Text(i int) string  { return t[i].Text }
func (t tokenList) Lower(i int) string { return strings.ToLower(trimPossessive(t[i].Text)) }
func (t tokenList) Start(i int) int    { return t[i].Start }
func (t tokenList) End(i int) int      { return t[i].End }

// DatesIn is Dates over tokens already cut (a stage that tokenises once
// for several uses); it appends to out.
func DatesIn(toks TokenList, ref time.Time, out []Date) []Date {
	n := toks.Len()
	hasRef := !ref.IsZero()
	var refDay time.Time
	if hasRef {
		ref = ref.UTC()
		refDay = day(ref.Year(), ref.Month(), ref.Day())
	}
	lw := func(i int) string {
		if i < 0 || i >= n {
			return ""
		}
		return toks.Lower(i)
	}
	num := func(i int) (int, bool) {
		if i < 0 || i >= n {
			return 0, false
		}
		return number(toks.Text(i))
	}
	isYear := func(n int, i int) bool { return n >= 1900 && n <= 2100 && toks.End(i)-toks.Start(i) == 4 }
	// withYear completes a day and month without a year.
	withYear := func(m time.Month, d int) (time.Time, bool) {
		if !hasRef {
			return time.Time{}, false
		}
		for _, y := range []int{ref.Year(), ref.Year() - 1, ref.Year() + 1} {
			t := day(y, m, d)
			if t.Month() != m { // 31 February
				return time.Time{}, false
			}
			diff := t.Sub(refDay)
			if diff <= 62*24*time.Hour && diff > -305*24*time.Hour {
				return t, true
			}
		}
		return time.Time{}, false
	}
	used := make([]bool, n)
	var i, start int
	emit := func(t time.Time, p Precision, rel bool, last int) {
		out = append(out, Date{Time: t, Precision: p, Relative: rel, Start: start, End: toks.End(last)})
		for k := i; k <= last; k++ {
			used[k] = true
		}
	}
	for i = 0; i < n; i++ {
		if used[i] || !dateCandidate(toks.Text(i)) {
			continue
		}
		w := lw(i)
		start = toks.Start(i)
		if m, ok := months[w]; ok && isTitleWord(toks.Text(i)) {
			// "May 14, 2019", "May 14", "May 2019", "in May".
			if d, ok := num(i + 1); ok && d >= 1 && d <= 31 && !isYear(d, i+1) {
				if y, ok := num(i + 2); ok && isYear(y, i+2) {
					if t := day(y, m, d); t.Month() == m {
						emit(t, Day, false, i+2)
					}
					used[i+1], used[i+2] = true, true
					continue
				}
				if t, ok := withYear(m, d); ok {
					emit(t, Day, true, i+1)
				}
				continue
			}
			if y, ok := num(i + 1); ok && isYear(y, i+1) {
				emit(day(y, m, 1), Month, false, i+1)
				continue
			}
			if monthLead[lw(i-1)] && hasRef {
				y := ref.Year()
				if m > ref.Month() {
					y--
				}
				emit(day(y, m, 1), Month, true, i)
			}
			continue
		}
		if d, ok := num(i); ok && d >= 1 && d <= 31 && !isYear(d, i) {
			// "14 May 2019", "14 May".
			if m, ok := months[lw(i+1)]; ok && isTitleWord(toks.Text(i+1)) {
				if y, ok := num(i + 2); ok && isYear(y, i+2) {
					if t := day(y, m, d); t.Month() == m {
						emit(t, Day, false, i+2)
					}
					used[i+1], used[i+2] = true, true
					continue
				}
				if t, ok := withYear(m, d); ok {
					emit(t, Day, true, i+1)
				}
			}
			continue
		}
		if y, ok := num(i); ok && isYear(y, i) {
			emit(day(y, 1, 1), Year, false, i)
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
			emit(refDay.AddDate(0, 0, -back), Day, true, i)
			continue
		}
		switch w {
		case "yesterday":
			emit(refDay.AddDate(0, 0, -1), Day, true, i)
		case "today", "tonight":
			emit(refDay, Day, true, i)
		case "tomorrow":
			emit(refDay.AddDate(0, 0, 1), Day, true, i)
		case "week", "month", "year":
			var t time.Time
			var p Precision
			switch lw(i - 1) {
			case "last":
				switch w {
				case "week":
					t, p = refDay.AddDate(0, 0, -7-int(ref.Weekday()-time.Monday+7)%7), Week
				case "month":
					t, p = day(ref.Year(), ref.Month(), 1).AddDate(0, -1, 0), Month
				default:
					t, p = day(ref.Year()-1, 1, 1), Year
				}
			case "this":
				switch w {
				case "week":
					t, p = refDay.AddDate(0, 0, -int(ref.Weekday()-time.Monday+7)%7), Week
				case "month":
					t, p = day(ref.Year(), ref.Month(), 1), Month
				default:
					t, p = day(ref.Year(), 1, 1), Year
				}
			default:
				continue
			}
			start = toks.Start(i - 1)
			emit(t, p, true, i)
		}
	}
	return out
}
