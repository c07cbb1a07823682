package compare

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/parallax-news/parallax/internal/termtext"
)

// Render limits: the narrowest page, the narrowest column worth reading,
// and how many items a list shows before it says how many more there are
// (the JSON report has them all).
const (
	minWidth      = 40
	minColumn     = 20
	maxOnlyListed = 15
	maxQuoteSolo  = 12
	maxEntityRows = 40
)

// Render writes r as plain text for a terminal width columns wide: the
// outlets and timing, the shared claims side by side (a column per voice),
// the claims only one voice carries, quotes, names present and missing, and
// the framing flags with their sentences. When the voices do not fit side
// by side it says so and stacks them. Text from the articles is stripped of
// control characters; no colour codes are written.
func Render(w io.Writer, r *Report, width int) error {
	return RenderSections(w, r, width)
}

// The sections of a rendered report, for RenderSections.
const (
	SectionOutlets = "outlets"
	SectionTiming  = "timing"
	SectionShared  = "shared"
	SectionOnly    = "only"
	SectionQuotes  = "quotes"
	SectionNames   = "names"
	SectionFraming = "framing"
)

// RenderSections is Render limited to the named sections (all when none is
// named), in the report's order.
func RenderSections(w io.Writer, r *Report, width int, sections ...string) error {
	if width < minWidth {
		width = minWidth
	}
	p := &printer{w: w, width: width, r: r}
	p.voices = map[string]*Voice{}
	for i := range r.Voices {
		p.voices[r.Voices[i].ID] = &r.Voices[i]
	}
	p.days = datesOnly(r)
	want := func(s string) bool { return len(sections) == 0 || slices.Contains(sections, s) }
	p.header()
	for _, sec := range []struct {
		name string
		fn   func()
	}{
		{SectionOutlets, p.outlets}, {SectionTiming, p.timing}, {SectionShared, p.sharedClaims},
		{SectionOnly, p.onlyClaims}, {SectionQuotes, p.quotes}, {SectionNames, p.entities}, {SectionFraming, p.framing},
	} {
		if want(sec.name) {
			sec.fn()
		}
	}
	if len(r.Notes) > 0 && len(sections) == 0 {
		p.section("NOTES")
		for _, n := range r.Notes {
			p.wrapped("- ", "  ", n)
		}
	}
	return p.err
}

type printer struct {
	w      io.Writer
	width  int
	r      *Report
	voices map[string]*Voice
	err    error
	// days is set when every time in the report falls at midnight UTC:
	// the inputs gave dates, not times, and the report says no more.
	days bool
}

// line writes one line, without control characters; a line wider than
// the page (which the layout avoids) is wrapped rather than overflow.
func (p *printer) line(s string) {
	if p.err != nil {
		return
	}
	s = termtext.StripControls(s)
	if termtext.Width(s) > p.width {
		for _, l := range termtext.Wrap(s, p.width) {
			p.line(l)
		}
		return
	}
	_, p.err = io.WriteString(p.w, strings.TrimRight(s, " ")+"\n")
}

func (p *printer) linef(format string, args ...any) { p.line(fmt.Sprintf(format, args...)) }

// wrapped writes text wrapped to the page, the first line after first and
// the others after rest.
func (p *printer) wrapped(first, rest, text string) {
	first, rest = termtext.StripControls(first), termtext.StripControls(rest)
	lines := termtext.WrapHanging(sanitize(text), p.width-termtext.Width(first), p.width-termtext.Width(rest))
	for i, l := range lines {
		if i == 0 {
			p.line(first + l)
		} else {
			p.line(rest + l)
		}
	}
	if len(lines) == 0 {
		p.line(first)
	}
}

func (p *printer) section(title string) {
	p.line("")
	p.line(title)
	p.line(strings.Repeat("=", min(termtext.Width(title), p.width)))
}

func (p *printer) label(id string) string {
	if v, ok := p.voices[id]; ok {
		return sanitize(v.Label())
	}
	return id
}

func (p *printer) labels(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = p.label(id)
	}
	return strings.Join(out, ", ")
}

func (p *printer) header() {
	r := p.r
	s := fmt.Sprintf("Coverage compared: %s, %s, %s", plural(r.Articles, "article"), plural(r.Outlets, "outlet"), plural(len(r.Voices), "voice"))
	if len(r.Events) > 0 {
		s += fmt.Sprintf("; %s: %s", plural(len(r.Events), "event"), strings.Join(r.Events, ", "))
	}
	p.wrapped("", "  ", s)
	p.wrapped("", "", "A voice is an outlet with the outlets that republish its articles: copies count once.")
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func (p *printer) outlets() {
	p.section("OUTLETS")
	for _, v := range p.r.Voices {
		desc := []string{}
		if v.Group != "" {
			desc = append(desc, "group: "+v.Group)
		}
		if pr := v.Profile; pr != nil {
			for _, s := range []string{pr.Type, pr.Country} {
				if s != "" {
					desc = append(desc, s)
				}
			}
			if pr.Owner != "" {
				desc = append(desc, "owner: "+pr.Owner)
			}
			b, r := pr.Bias, pr.Reliability
			switch {
			case b != nil && r != nil && b.Source == r.Source:
				desc = append(desc, fmt.Sprintf("bias %s, reliability %s (ratings from: %s)", b.Value, r.Value, b.Source))
			default:
				if b != nil {
					desc = append(desc, fmt.Sprintf("bias %s (rating from: %s)", b.Value, b.Source))
				}
				if r != nil {
					desc = append(desc, fmt.Sprintf("reliability %s (rating from: %s)", r.Value, r.Source))
				}
			}
		} else {
			desc = append(desc, "no profile")
		}
		p.wrapped(v.Label()+" — ", "     ", strings.Join(desc, "; "))
		first := "date unknown"
		if !v.First.IsZero() {
			first = "first report " + p.stamp(v.First)
		}
		p.wrapped("     ", "     ", fmt.Sprintf("%s of its own; %s; carries %d claims, %d no other voice carries", plural(len(v.Articles), "article"), first, v.Claims, v.Exclusive))
		if len(v.Copies) > 0 {
			var cs []string
			for _, c := range v.Copies {
				s := c.Outlet
				switch {
				case c.LagSeconds == nil:
					s += " (date unknown)"
				case *c.LagSeconds == 0:
					s += " (at the same time)"
				case *c.LagSeconds < 0:
					s += fmt.Sprintf(" (%s before the original)", p.duration(-*c.LagSeconds))
				default:
					s += fmt.Sprintf(" (%s after)", p.duration(*c.LagSeconds))
				}
				cs = append(cs, s)
			}
			p.wrapped("     republished by: ", "         ", strings.Join(cs, ", "))
		}
	}
}

// stamp formats a time in UTC, to the minute (to the day when the report
// holds dates only).
func (p *printer) stamp(t time.Time) string {
	if p.days {
		return t.UTC().Format("2006-01-02")
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

// datesOnly tells whether every time in r is a midnight UTC: dates given
// without a time of day.
func datesOnly(r *Report) bool {
	seen := false
	for _, e := range r.Timing {
		for _, o := range e.Outlets {
			if o.Published.IsZero() {
				continue
			}
			seen = true
			if t := o.Published.UTC(); t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 {
				return false
			}
		}
	}
	return seen
}

// duration formats seconds as "3d4h", "2h5m", "40m" or "12s" ("3d" when
// the report holds dates only).
func (p *printer) duration(s int64) string {
	d := time.Duration(s) * time.Second
	if p.days {
		if d < 24*time.Hour {
			return "0d"
		}
		return fmt.Sprintf("%dd", d/(24*time.Hour))
	}
	switch {
	case d >= 24*time.Hour:
		return fmt.Sprintf("%dd%dh", d/(24*time.Hour), d%(24*time.Hour)/time.Hour)
	case d >= time.Hour:
		return fmt.Sprintf("%dh%02dm", d/time.Hour, d%time.Hour/time.Minute)
	case d >= time.Minute:
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return fmt.Sprintf("%ds", s)
}

func (p *printer) timing() {
	p.section("TIMING: WHO REPORTED FIRST")
	for _, e := range p.r.Timing {
		name := e.Event
		if name == "" {
			name = "articles without an event"
		}
		p.line(sanitize(name) + ":")
		for _, o := range e.Outlets {
			when, lagS := "date unknown    ", ""
			if !o.Published.IsZero() {
				when = p.stamp(o.Published)
			}
			switch {
			case o.LagSeconds == nil:
			case *o.LagSeconds == 0:
				lagS = "first"
			default:
				lagS = "+" + p.duration(*o.LagSeconds)
			}
			who := o.Outlet
			if o.Copy {
				who += fmt.Sprintf(" (republishing %s)", p.label(o.Voice))
			} else {
				who = p.label(o.Voice)
				if o.Outlet != p.voices[o.Voice].Outlet {
					who += " — " + o.Outlet
				}
			}
			p.wrapped(fmt.Sprintf("  %-20s  %-8s ", when, lagS), strings.Repeat(" ", 33), who)
		}
	}
}

// columns returns the width of a column when n fit side by side, or 0
// when they do not.
func (p *printer) columns(n int) int {
	if n <= 0 {
		return 0
	}
	cw := (p.width - 3*(n-1)) / n
	if cw < minColumn {
		return 0
	}
	return cw
}

// grid writes cells side by side, each wrapped to cw, separated by " | ".
func (p *printer) grid(cells [][]string, cw int) {
	wrapped := make([][]string, len(cells))
	rows := 0
	for i, c := range cells {
		for _, para := range c {
			wrapped[i] = append(wrapped[i], termtext.Wrap(sanitize(para), cw)...)
		}
		rows = max(rows, len(wrapped[i]))
	}
	for r := 0; r < rows; r++ {
		var b strings.Builder
		for i := range wrapped {
			if i > 0 {
				b.WriteString(" | ")
			}
			s := ""
			if r < len(wrapped[i]) {
				s = wrapped[i][r]
			}
			b.WriteString(s)
			if i < len(wrapped)-1 {
				b.WriteString(strings.Repeat(" ", cw-termtext.Width(s)))
			}
		}
		p.line(b.String())
	}
}

func (p *printer) rule(cw, n int) {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = strings.Repeat("-", cw)
	}
	p.line(strings.Join(parts, "-+-"))
}

// cellText is what a claim's cell shows for a voice.
func (p *printer) cellText(c *Claim, id string) []string {
	for _, cell := range c.Cells {
		if cell.Voice != id {
			continue
		}
		var out []string
		for _, e := range cell.Evidence {
			s := e.Sentence
			switch {
			case cell.Copied:
				s = fmt.Sprintf("[copied from %s] %s", e.CopyOf, s)
			case e.Outlet != p.voices[id].Outlet:
				s = fmt.Sprintf("[%s, in its copy] %s", e.Outlet, s)
			}
			out = append(out, s)
		}
		return out
	}
	if slices.Contains(c.Missing, id) {
		return []string{"— not reported —"}
	}
	return []string{"(did not cover this event)"}
}

func (p *printer) sharedClaims() {
	var shared []*Claim
	for i := range p.r.Claims {
		if len(p.r.Claims[i].Voices) > 1 {
			shared = append(shared, &p.r.Claims[i])
		}
	}
	p.section(fmt.Sprintf("SHARED CLAIMS: %s carried by two or more voices", plural(len(shared), "claim")))
	if len(shared) == 0 {
		p.line("None: no two voices carry the same statement.")
		return
	}
	ids := make([]string, len(p.r.Voices))
	for i, v := range p.r.Voices {
		ids[i] = v.ID
	}
	p.wrapped("", "", "Each column is a voice; an article republished by other outlets counts once, under its original. \"Not reported\": the voice covered the event but leaves the claim out.")
	cw := p.columns(len(ids))
	if cw == 0 {
		p.wrapped("", "", fmt.Sprintf("(%d voices do not fit side by side in %d columns: each claim is stacked voice by voice.)", len(ids), p.width))
	} else {
		heads := make([][]string, len(ids))
		for i, id := range ids {
			heads[i] = []string{p.label(id)}
		}
		p.line("")
		p.grid(heads, cw)
	}
	for _, c := range shared {
		p.claimHead(c)
		if cw == 0 {
			for _, id := range ids {
				for i, t := range p.cellText(c, id) {
					first := "  " + p.label(id) + ": "
					if i > 0 {
						first = "    "
					}
					p.wrapped(first, "    ", t)
				}
			}
			continue
		}
		p.rule(cw, len(ids))
		cells := make([][]string, len(ids))
		for i, id := range ids {
			cells[i] = p.cellText(c, id)
		}
		p.grid(cells, cw)
	}
}

func (p *printer) claimHead(c *Claim) {
	s := fmt.Sprintf("%s · %d of %d voices", c.ID, len(c.Voices), len(p.r.Voices))
	if len(c.Missing) > 0 {
		s += " · left out by " + p.labels(c.Missing)
	}
	if len(c.Copied) > 0 {
		s += " · copied by " + p.labels(c.Copied)
	}
	if len(c.Terms) > 0 {
		s += " · shared: " + strings.Join(c.Terms, ", ")
	}
	if len(p.r.Events) > 1 && len(c.Events) > 0 {
		s += " · " + strings.Join(c.Events, ", ")
	}
	p.line("")
	p.wrapped("", "    ", s)
}

func (p *printer) onlyClaims() {
	p.section("CLAIMS ONLY ONE VOICE CARRIES")
	found := false
	for _, v := range p.r.Voices {
		var mine []*Claim
		for i := range p.r.Claims {
			c := &p.r.Claims[i]
			if len(c.Voices) == 1 && c.Voices[0] == v.ID {
				mine = append(mine, c)
			}
		}
		if len(mine) == 0 {
			continue
		}
		found = true
		p.line("")
		p.wrapped("", "  ", fmt.Sprintf("%s (%d):", v.Label(), len(mine)))
		// Grouped by who else covered the same events and left them out.
		var keys []string
		groups := map[string][]*Claim{}
		for _, c := range mine {
			k := p.omission(c)
			if _, ok := groups[k]; !ok {
				keys = append(keys, k)
			}
			groups[k] = append(groups[k], c)
		}
		shown := 0
		for _, k := range keys {
			if shown == maxOnlyListed {
				break
			}
			p.wrapped("  ", "    ", k+":")
			for _, c := range groups[k] {
				if shown == maxOnlyListed {
					break
				}
				shown++
				var notes []string
				for _, cell := range c.Cells {
					for _, e := range cell.Evidence {
						if cell.Voice == v.ID && e.Outlet != v.Outlet && !slices.Contains(notes, e.Outlet) {
							notes = append(notes, e.Outlet)
						}
					}
				}
				text := c.Text
				if len(notes) > 0 {
					text = "[added by " + strings.Join(notes, ", ") + " in its copy] " + text
				}
				if len(c.Copied) > 0 {
					text += " (also in a passage copied by " + p.labels(c.Copied) + ")"
				}
				p.wrapped("  - ", "    ", text)
			}
		}
		if shown < len(mine) {
			p.linef("  … and %d more (see the JSON report)", len(mine)-shown)
		}
	}
	if !found {
		p.line("None.")
	}
}

// omission says, for a claim one voice carries, who else could have.
func (p *printer) omission(c *Claim) string {
	on := ""
	if len(p.r.Events) > 1 && len(c.Events) > 0 {
		on = "on " + strings.Join(c.Events, ", ") + ", "
	}
	if len(c.Missing) == 0 {
		return on + "no other voice covered it"
	}
	return on + "left out by " + p.labels(c.Missing)
}

func (p *printer) quotes() {
	p.section("QUOTES")
	if len(p.r.People) == 0 && len(p.r.Quotes) == 0 {
		p.line("No quotes found.")
		return
	}
	if len(p.r.People) > 0 {
		p.line("Who is quoted, by which voice (number of attributions):")
		nameW := 0
		for _, q := range p.r.People {
			nameW = max(nameW, termtext.Width(sanitize(q.Name)))
		}
		nameW = min(nameW, p.width/3)
		for _, q := range p.r.People {
			var parts []string
			for _, c := range q.Voices {
				parts = append(parts, fmt.Sprintf("%s (%d)", c.Voice, c.Quotes))
			}
			s := strings.Join(parts, ", ")
			if len(q.NotQuotedBy) > 0 {
				s += "; not by " + strings.Join(q.NotQuotedBy, ", ")
			}
			name := termtext.Truncate(sanitize(q.Name), nameW)
			p.wrapped("  "+name+strings.Repeat(" ", nameW-termtext.Width(name))+"  ", strings.Repeat(" ", nameW+4), s)
		}
	}
	var shared, solo []*QuoteGroup
	for i := range p.r.Quotes {
		if len(p.r.Quotes[i].Voices) > 1 {
			shared = append(shared, &p.r.Quotes[i])
		} else {
			solo = append(solo, &p.r.Quotes[i])
		}
	}
	if len(shared) > 0 {
		p.line("")
		p.line("The same statement as each voice quotes it:")
	}
	for _, g := range shared {
		s := fmt.Sprintf("%s · %s · %s", g.ID, g.Speaker, p.labels(g.Voices))
		if g.CutDifferently {
			s += " · cut differently"
		} else {
			s += " · the same words"
		}
		p.line("")
		p.wrapped("", "    ", s)
		cw := p.columns(len(g.Voices))
		if cw == 0 {
			for _, it := range g.Items {
				p.wrapped("  "+p.label(it.Voice)+": ", "    ", quoteText(it))
			}
			continue
		}
		p.rule(cw, len(g.Voices))
		cells := make([][]string, len(g.Voices))
		for i, id := range g.Voices {
			cells[i] = []string{p.label(id) + ":"}
			for _, it := range g.Items {
				if it.Voice == id {
					cells[i] = append(cells[i], quoteText(it))
				}
			}
		}
		p.grid(cells, cw)
	}
	if len(solo) > 0 {
		p.line("")
		p.line("Quoted by one voice only:")
		for i, g := range solo {
			if i == maxQuoteSolo {
				p.linef("  … and %d more (see the JSON report)", len(solo)-i)
				break
			}
			it := g.Items[0]
			p.wrapped(fmt.Sprintf("  %s, %s: ", it.Voice, g.Speaker), "    ", quoteText(it))
		}
	}
}

func quoteText(it QuoteItem) string {
	s := it.Text
	if it.CopyOf != "" {
		s = "[" + it.Outlet + ", in its copy] " + s
	}
	return s
}

func (p *printer) entities() {
	p.section("NAMES: WHO AND WHAT APPEARS WHERE")
	var rows []EntityRow
	for _, e := range p.r.Entities {
		total := 0
		for _, c := range e.Voices {
			total += c.Mentions
		}
		if len(e.Voices) > 1 || len(e.Missing) > 0 && total > 1 {
			rows = append(rows, e)
		}
	}
	if len(rows) == 0 {
		p.line("No names that two voices share or one leaves out.")
		return
	}
	n := len(p.r.Voices)
	cellW := 4
	nameW := min(28, p.width-n*(cellW+1)-2)
	if nameW < 12 {
		// Too many voices for a grid: list who has each name.
		for i, e := range rows {
			if i == maxEntityRows {
				p.linef("… and %d more (see the JSON report)", len(rows)-i)
				break
			}
			var has []string
			for _, c := range e.Voices {
				has = append(has, fmt.Sprintf("%s (%d)", c.Voice, c.Mentions))
			}
			s := "in " + strings.Join(has, ", ")
			if len(e.Missing) > 0 {
				s += "; missing from " + strings.Join(e.Missing, ", ")
			}
			p.wrapped("  "+sanitize(e.Name)+": ", "    ", s)
		}
		return
	}
	p.line("Mentions per voice; \"-\" a voice that covered the event but never names it, \".\" one that did not cover it.")
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", nameW+2))
	for _, v := range p.r.Voices {
		fmt.Fprintf(&b, " %*s", cellW, v.ID)
	}
	p.line(b.String())
	for i, e := range rows {
		if i == maxEntityRows {
			p.linef("… and %d more (see the JSON report)", len(rows)-i)
			break
		}
		b.Reset()
		name := termtext.Truncate(sanitize(e.Name), nameW)
		b.WriteString("  " + name + strings.Repeat(" ", nameW-termtext.Width(name)))
		for _, v := range p.r.Voices {
			cell := "."
			if slices.Contains(e.Missing, v.ID) {
				cell = "-"
			}
			for _, c := range e.Voices {
				if c.Voice == v.ID {
					cell = fmt.Sprint(c.Mentions)
				}
			}
			fmt.Fprintf(&b, " %*s", cellW, cell)
		}
		p.line(b.String())
	}
	for _, v := range p.r.Voices {
		p.wrapped(fmt.Sprintf("  %s = ", v.ID), "       ", v.Outlet)
	}
	p.onlyNames(rows)
}

// onlyNames lists, per voice, the names no other voice mentions and that
// the grid left out (the other voices did not cover their events): on a
// story, what one outlet brings that the others' events did not; on any
// report, the names one voice mentions only in passing.
func (p *printer) onlyNames(shown []EntityRow) {
	in := map[string]bool{}
	for _, e := range shown {
		in[e.Name] = true
	}
	only := map[string][]string{}
	for _, e := range p.r.Entities {
		if len(e.Voices) != 1 || in[e.Name] {
			continue
		}
		only[e.Voices[0].Voice] = append(only[e.Voices[0].Voice], sanitize(e.Name))
	}
	if len(only) == 0 {
		return
	}
	p.line("")
	p.line("Named by one voice only (in passing, or on an event the others did not cover):")
	for _, v := range p.r.Voices {
		names := only[v.ID]
		if len(names) == 0 {
			continue
		}
		if len(names) > maxEntityRows {
			names = append(names[:maxEntityRows:maxEntityRows], fmt.Sprintf("… %d more", len(names)-maxEntityRows))
		}
		p.wrapped(fmt.Sprintf("  %s: ", v.ID), "      ", strings.Join(names, ", "))
	}
}

func (p *printer) framing() {
	p.section("FRAMING: LOADED WORDS IN EACH OUTLET'S OWN VOICE")
	p.wrapped("", "", "Outside quotation marks and quoted speech only. Score: weighted flags per 1,000 of the outlet's own words.")
	for _, f := range p.r.Framing {
		t := f.Tone
		who := p.label(f.Voice)
		if f.Copier {
			who = fmt.Sprintf("%s, republishing %s (its own edits only)", f.Outlet, p.label(f.Voice))
		}
		s := fmt.Sprintf("score %.1f over %d own words: labels %d, scare quotes %d, hedges %d, intensifiers %d",
			t.Score, t.Words, t.Labels.Count, t.ScareQuotes.Count, t.Hedges.Count, t.Intensifiers.Count)
		if t.Words < 150 && len(f.Flags) > 0 {
			s += " (few words: read the flags, not the score)"
		}
		p.line("")
		p.wrapped(sanitize(who)+" — ", "    ", s)
		for _, fl := range f.Flags {
			p.wrapped(fmt.Sprintf("  %s %q: ", categoryName(fl.Category), sanitize(fl.Text)), "      ", marked(fl))
		}
	}
}

func categoryName(c Category) string {
	switch c {
	case ScareQuote:
		return "scare quote"
	}
	return string(c)
}

// marked returns the flag's sentence with the flagged words in brackets.
func marked(f Flag) string {
	rs := []rune(f.Sentence)
	s, e := f.Span.Start-f.SentenceSpan.Start, f.Span.End-f.SentenceSpan.Start
	if s < 0 || e > len(rs) || s >= e {
		return f.Sentence
	}
	return string(rs[:s]) + "[" + string(rs[s:e]) + "]" + string(rs[e:])
}

// sanitize makes untrusted text safe for a terminal: white space becomes
// one space, and control, format and bidirectional-override characters
// are dropped.
func sanitize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
