package cli

import (
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"golang.org/x/term"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/termtext"
)

// styles renders emphasis: ANSI on a terminal, plain text otherwise.
type styles struct{ ansi bool }

func (e *env) styles() styles { return styles{ansi: e.outTerm && os.Getenv("NO_COLOR") == ""} }

func (s styles) wrapCode(code, t string) string {
	if !s.ansi || t == "" {
		return t
	}
	return "\x1b[" + code + "m" + t + "\x1b[0m"
}

func (s styles) bold(t string) string { return s.wrapCode("1", t) }
func (s styles) dim(t string) string  { return s.wrapCode("2", t) }

// mark renders a search snippet's matches: bold yellow on a terminal,
// **match** otherwise. Control characters from stored text are dropped
// so that no article can move the cursor or change colours.
func (s styles) mark(t string) string {
	t = stripControl(t)
	if open := strings.Count(t, store.MarkStart) - strings.Count(t, store.MarkEnd); open > 0 {
		t += strings.Repeat(store.MarkEnd, open) // a cut snippet
	}
	if s.ansi {
		return strings.NewReplacer(store.MarkStart, "\x1b[1;33m", store.MarkEnd, "\x1b[0m").Replace(t)
	}
	return strings.NewReplacer(store.MarkStart, "**", store.MarkEnd, "**").Replace(t)
}

func stripControl(t string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, t)
}

// width is the terminal's width, or 100 when Out is not a terminal.
func (e *env) width() int {
	if f, ok := e.Out.(*os.File); ok && e.outTerm {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 20 {
			return min(w, 120)
		}
	}
	return 100
}

// wrap breaks text into lines of at most width columns, at spaces.
func wrap(t string, width int) string {
	return strings.Join(termtext.Wrap(stripControl(t), width), "\n")
}

// truncate puts t on one line of at most n columns.
func truncate(t string, n int) string {
	return termtext.Truncate(strings.Join(strings.Fields(stripControl(t)), " "), n)
}

func dateOrDash(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(time.DateOnly)
}

// table writes aligned columns.
type table struct{ tw *tabwriter.Writer }

func newTable(w io.Writer) *table { return &table{tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)} }

func (t *table) row(cells ...string) {
	for i, c := range cells {
		cells[i] = strings.ReplaceAll(stripControl(c), "\t", " ")
	}
	io.WriteString(t.tw, strings.Join(cells, "\t")+"\n")
}

func (t *table) flush() { t.tw.Flush() }

// hang wraps t to width after a label, indenting the following lines to
// the label's width.
func hang(label, t string, width int) string {
	n := utf8.RuneCountInString(label)
	body := wrap(t, max(width-n, 20))
	return label + strings.ReplaceAll(body, "\n", "\n"+strings.Repeat(" ", n))
}

// indent prefixes every line of t with prefix.
func indent(t, prefix string) string {
	return prefix + strings.ReplaceAll(t, "\n", "\n"+prefix)
}
