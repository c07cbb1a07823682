package clean

import (
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
)

// story is fictional story around the paragraph under test.
var story = []string{
	"HARBOUR CITY — The port authority voted on Tuesday to close the old ferry terminal by spring, ending a century of crossings from the east quay.",
	"“We have kept it running on goodwill and glue,” said Mara Ellison, the authority’s chair. “The glue has run out.”",
	"The terminal carried 1.2 million passengers last year, down from 3 million a decade ago, according to the authority’s annual report.",
	"Commuters who rely on the early boat said the closure would add an hour to their journey, and the council promised a bus link by March.",
}

type position int

const (
	head   position = iota // first paragraph
	middle                 // among the reporting
	end                    // last paragraph
)

func (p position) String() string { return [...]string{"head", "middle", "end"}[p] }

// place builds an article with p at pos among the story.
func place(p string, pos position) (*article.Article, int) {
	ps := slices.Clone(story)
	var i int
	switch pos {
	case head:
		i = 0
	case middle:
		i = 2
	case end:
		i = len(ps)
	}
	ps = slices.Insert(ps, i, p)
	return newArticle(ps...), i
}

func TestClean(t *testing.T) {
	const stays = article.RemovedKind("")
	tests := []struct {
		name string
		p    string
		pos  position
		want article.RemovedKind
	}{
		// Bios and follow lines, at the end.
		{"bio founder ceo", "Jane Quill is the Founder and CEO of Lantern Media. Jane reports on shipping and the sea.", end, article.KindBio},
		{"bio reporter for", "Tomas Reyes is a reporter for the Harbour Daily covering transport.", end, article.KindBio},
		{"bio correspondent with apposition", "Ada Brook, a former trader, is the Harbour Daily's business correspondent.", end, article.KindBio},
		{"bio writes for", "Lena Holt writes for the Coastal Gazette, Harbour City.", end, article.KindBio},
		{"bio parenthesised", "(Sam Fenner is a Gazette columnist.)", end, article.KindBio},
		{"bio reports on", "Mira Okafor reports on energy and climate for Lantern Media.", end, article.KindBio},
		{"follow on twitter", "Follow Pam Quill on Twitter @pamquill.", end, article.KindBio},
		{"twitter handle line", "Twitter: @hollis.", end, article.KindBio},
		{"contact email", "Reach Tomas Reyes at treyes@example.com.", end, article.KindBio},
		{"wire contact at", "Tomas Reyes can be reached at treyes(at)example.com", end, article.KindBio},
		{"bio in the middle stays", "Tomas Reyes is a reporter for the Harbour Daily covering transport.", middle, stays},
		// Hard negatives: story about founders and CEOs.
		{"ceo the story is about", "Mara Ellison is the founder and chief executive of the Ferry Trust, which she set up in 2004.", end, stays},
		{"ceo quoted at the end", "Dev Patel, the founder and CEO of Tidewater, said the company would appeal.", end, stays},
		{"sentence beginning Follow", "Follow-up hearings are expected next month, the council said.", end, stays},
		{"follow the money", "Follow the money and the closure makes sense, one councillor argued at the hearing on Tuesday night.", end, stays},
		// Newsletters, consent.
		{"sign up prompt", "Sign up to receive our latest news!", end, article.KindNewsletter},
		{"subscribe to newsletter", "Subscribe to our newsletter", middle, article.KindNewsletter},
		{"get newsletter", "Get our morning briefing newsletter in your inbox.", end, article.KindNewsletter},
		{"want more sign up", "Want more updates from Ada? Sign up for her newsletter, The Tide.", end, article.KindNewsletter},
		{"enter email", "Enter your email address", end, article.KindNewsletter},
		{"reporting about a newsletter", "The newsletter, which has 40,000 subscribers, first reported the closure on Monday.", middle, stays},
		{"quote containing sign up", "“Sign up today and you will ride free until June,” Ellison told commuters at the quay.", middle, stays},
		{"people sign up", "Officials hope more young people will sign up for the apprenticeship scheme before the terminal closes.", end, stays},
		{"consent form", "By submitting this form, I agree to the terms.", end, article.KindConsent},
		{"consent privacy", "We respect your privacy.", end, article.KindConsent},
		{"consent by clicking", "By clicking Subscribe, you accept our Privacy Policy.", end, article.KindConsent},
		// View-more, related, share.
		{"view more", "View more:", end, article.KindViewMore},
		{"read more", "Read more:", middle, article.KindViewMore},
		{"read the rest", "Read the rest of the story at The Coastal Gazette.", end, article.KindViewMore},
		{"watch below", "Watch the full video of the hearing below:", middle, article.KindViewMore},
		{"related header", "Related:", end, article.KindRelated},
		{"related inline", "Related: Ferry fares rise again", middle, article.KindRelated},
		{"more from", "More from Harbour Daily", end, article.KindRelated},
		{"on the net", "On the Net:", end, article.KindRelated},
		{"link line", "Port authority: http://www.example.org/port", end, article.KindRelated},
		{"share article", "Share this article", middle, article.KindShare},
		{"follow us", "Follow us on Facebook", end, article.KindShare},
		{"like the page", "Do you support the ferry? Like the page:", middle, article.KindShare},
		{"social row", "Facebook Twitter Email", head, article.KindShare},
		// Ads.
		{"advertisement", "Advertisement", middle, article.KindAd},
		{"story continues", "Story continues below advertisement", middle, article.KindAd},
		{"ad word in reporting", "The advertisement campaign cost the authority 2 million, its accounts show.", middle, stays},
		// Newswire tails.
		{"nyt timestamp", "NYT-06-12-98 1234EDT", end, article.KindOther},
		{"optional take", "(STORY CAN END HERE. OPTIONAL 2ND TAKE FOLLOWS.)", middle, article.KindOther},
		{"end optional trim", "(END OPTIONAL TRIM)", middle, article.KindOther},
		{"dashes", "---", end, article.KindOther},
		{"codes", "&UR; &LR;", end, article.KindOther},
		{"for use by clients", "For Use By Clients of the New York Times News Service", end, article.KindOther},
		{"abstract label", "ABSTRACT.", middle, article.KindOther},
		{"updated note", "This article has been updated to include comments from the council.", end, article.KindOther},
		// Captions.
		{"ap photo caption", "Ferry passengers queue at the east quay on May 14, 2019. (AP Photo/Jo Linden, Pool)", middle, article.KindCaption},
		{"photo by getty", "The old terminal at dusk. (Photo by Tom Reyes/Getty Images)", head, article.KindCaption},
		{"bare photo credit", "Photo: Reuters", middle, article.KindCaption},
		{"image copyright", "Image copyright Getty Images", middle, article.KindCaption},
		{"via getty", "Jo Linden via Getty Images.", middle, article.KindCaption},
		{"outlet photo caption", "Pickets gather at the north gate on Monday. (Meridian Wire Photo/Jon Calder)", middle, article.KindCaption},
		{"newspaper staff photo caption", "The mayor at the harbour. (Valley Gazette Staff Photo/Rui Amaral)", middle, article.KindCaption},
		{"credit inside reporting", "The picture (AP Photo/Jo Linden) was withdrawn after the agency said it had been altered, a spokesman said on Monday.", middle, stays},
		// Credits.
		{"includes reporting", "Includes reporting from The Associated Press.", end, article.KindCredit},
		{"contributed", "Ada Brook contributed to this report.", end, article.KindCredit},
		{"additional reporting", "Additional reporting by Ada Brook and Tomas Reyes", end, article.KindCredit},
		{"reporting editing", "Reporting by Ada Brook; Editing by Sam Fenner", end, article.KindCredit},
		{"with afp", "With AFP", end, article.KindCredit},
		{"dash reuters", "— Reuters", end, article.KindCredit},
		{"a title starting With", "With Ferries Gone, a Harbour Looks for a Future.", head, stays},
		{"quote attribution dash", "- Ellison.", middle, stays},
		{"research by is reporting", "Research by the Harbour Institute shows that ferry use fell by half in a decade.", end, stays},
		// Plain story.
		{"reporting stays", story[0], middle, stays},
		{"short reporting line", "The vote was 7 to 2.", end, stays},
	}
	c := New(DefaultOptions())
	for _, tt := range tests {
		t.Run(tt.pos.String()+"/"+tt.name, func(t *testing.T) {
			a, i := place(tt.p, tt.pos)
			in := slices.Clone(a.Paragraphs)
			c.Clean(a)
			var got article.RemovedKind
			for _, r := range a.Removed {
				if r.Index == i {
					got = r.Kind
				} else {
					t.Errorf("also removed %q as %s", r.Text, r.Kind)
				}
			}
			if got != tt.want {
				t.Errorf("%q at %s: got %q, want %q", tt.p, tt.pos, got, tt.want)
			}
			checkInvariants(t, tt.name, in, a)
		})
	}
}

func TestCredits(t *testing.T) {
	tests := []struct {
		p     string
		names []string
	}{
		{"Includes reporting from The Associated Press.", []string{"The Associated Press"}},
		{"Associated Press writer Jill Colvin contributed from Albuquerque.", []string{"Jill Colvin"}},
		{"(Reporting by Ada Brook in Harbour City; Writing by Sam Fenner; Editing by Lu Chen.)", []string{"Ada Brook", "Sam Fenner", "Lu Chen"}},
		{"Additional reporting by Ada Brook and Tomas Reyes", []string{"Ada Brook", "Tomas Reyes"}},
		{"With AFP", []string{"AFP"}},
		{"— Reuters", []string{"Reuters"}},
		{"(h/t Mediaite.)", []string{"Mediaite"}},
		{"Costa reported from Washington.", []string{"Costa"}},
		{"(Wire service material was used to prepare this report.)", []string{"Wire service material"}},
	}
	c := New(DefaultOptions())
	for _, tt := range tests {
		t.Run(tt.p, func(t *testing.T) {
			a, _ := place(tt.p, end)
			c.Clean(a)
			if len(a.Credits) != 1 || !slices.Equal(a.Credits[0].Names, tt.names) {
				t.Errorf("credits = %+v, want names %q", a.Credits, tt.names)
			}
		})
	}
}

func TestMultiParagraphBio(t *testing.T) {
	a := newArticle(append(slices.Clone(story),
		"Ada Brook is a senior correspondent for Lantern Media.",
		"She previously covered the courts for the Coastal Gazette.",
		"Follow her on Twitter @adabrook.",
	)...)
	New(DefaultOptions()).Clean(a)
	if !slices.Equal(a.Paragraphs, story) {
		t.Errorf("body = %q, want the story only", a.Paragraphs)
	}
	for _, r := range a.Removed {
		if r.Kind != article.KindBio {
			t.Errorf("removed %q as %s, want bio", r.Text, r.Kind)
		}
	}
}

func TestRelatedList(t *testing.T) {
	tail := []string{
		"Related Stories",
		"Ferry Fares Rise for the Third Year Running",
		"Council Approves New Bus Link to the Quay",
	}
	a := newArticle(append(slices.Clone(story), tail...)...)
	New(DefaultOptions()).Clean(a)
	if !slices.Equal(a.Paragraphs, story) {
		t.Errorf("body = %q, want the story only", a.Paragraphs)
	}
	// A ranking that ends a story is story, not a list of links.
	ranking := []string{"1. Harbour City (Last year: 2.)", "2. Port Vale (1.)", "3. East Quay (3.)"}
	b := newArticle(append(slices.Clone(story), ranking...)...)
	New(DefaultOptions()).Clean(b)
	if len(b.Removed) != 0 {
		t.Errorf("removed %+v from a ranking", b.Removed)
	}
}

func TestRemoveRepeated(t *testing.T) {
	const boiler = "Harbour Daily airs weekdays from 6 to 9."
	const menu = "Politics | Business | Sport"
	long := "The council said the terminal would close in spring, and that the bus link would run from March; commuters were not convinced."
	body := []string{
		boiler,   // head: repeated, goes
		story[0], // not repeated
		long,     // repeated reporting in the middle: stays
		menu,     // short non-sentence, repeated: goes anywhere
		story[1], story[2], story[3], story[0] + " More.",
		long,   // repeated, in the tail (last 4): goes
		boiler, // repeated, tail: goes
	}
	repeated := map[uint64]bool{
		article.LineKey(boiler): true, article.LineKey(menu): true, article.LineKey(long): true,
	}
	a := newArticle(body...)
	c := New(DefaultOptions())
	if !c.RemoveRepeated(a, repeated) {
		t.Fatal("RemoveRepeated moved nothing")
	}
	var idx []int
	for _, r := range a.Removed {
		if r.Kind != article.KindRepeated {
			t.Errorf("kind %s, want repeated", r.Kind)
		}
		idx = append(idx, r.Index)
	}
	if want := []int{0, 3, 8, 9}; !slices.Equal(idx, want) {
		t.Errorf("removed indexes %v, want %v", idx, want)
	}
	if !slices.Contains(a.Paragraphs, long) {
		t.Error("repeated reporting in the middle was removed")
	}
	if c.RemoveRepeated(a, repeated) {
		t.Errorf("second call moved more: %+v", a.Removed)
	}
	c.Clean(a)
	for i, r := range a.Removed {
		if body[r.Index] != r.Text {
			t.Errorf("removed[%d] index %d holds %q, not %q", i, r.Index, body[r.Index], r.Text)
		}
	}
}

func TestExplain(t *testing.T) {
	c := New(DefaultOptions())
	tests := []struct {
		p            string
		index, total int
		want         article.RemovedKind
		ok           bool
	}{
		{"Advertisement", 3, 10, article.KindAd, true},
		{"Follow Pam Quill on Twitter @pamquill.", 9, 10, article.KindBio, true},
		{"Follow Pam Quill on Twitter @pamquill.", 1, 20, "", false},
		{"Tomas Reyes is a reporter for the Harbour Daily.", 9, 10, article.KindBio, true},
		{story[1], 9, 10, "", false},
	}
	for _, tt := range tests {
		k, ok := c.Explain(tt.p, tt.index, tt.total)
		if k != tt.want || ok != tt.ok {
			t.Errorf("Explain(%.40q, %d, %d) = %q, %v; want %q, %v", tt.p, tt.index, tt.total, k, ok, tt.want, tt.ok)
		}
	}
}
