package text

import "strings"

// stopList is our own English stop list: function words, auxiliaries,
// pronouns and the reporting verbs and calendar words that every news
// article uses ("said", "told", "Tuesday", "percent") and that therefore say
// nothing about which event it reports. Dates are read separately (see
// dates.go), so weekday and month names carry no loss here.
const stopList = `a about above according across after afterwards again against ago ahead all almost alone along already also
although always am among amongst an and another any anybody anyone anything anyway anywhere are around as at
back be became because become becomes becoming been before beforehand behind being below beside besides between
beyond both but by can cannot could did do does doing done down during each either else elsewhere enough etc even
ever every everyone everything everywhere except far few for former formerly from further furthermore get gets
getting give given gives go goes going gone got had has have having he hence her here hereby herein hers herself
him himself his how however i if in including indeed instead into is it its itself just last later latter least
less like likely made make makes many may me meanwhile might mine more moreover most mostly much must my myself
namely near nearly neither never nevertheless next no nobody none nor not nothing now nowhere of off often on once
one only onto or other others otherwise our ours ourselves out over own per perhaps please put quite rather
really same say saying says said see seem seemed seeming seems several she should since so some somebody someone
something sometime sometimes somewhere still such than that the their theirs them themselves then thence there
thereafter thereby therefore therein these they this those though through throughout thru thus to together too
toward towards under until up upon us very via was we well were what whatever when whence whenever where whereas
whereby wherein whether which while whither who whoever whole whom whose why will with within without would yet
you your yours yourself yourselves
told tell tells telling added adding asked reported reporting report reports according statement spokesman spokeswoman
told says mr mrs ms dr am pm ap afp reuters xinhua nyt upi cnn news percent pct year years month months week weeks day days
today yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december jan feb mar apr jun jul aug sep
sept oct nov dec time times new first second third two three four five six seven eight nine ten hundred thousand
million billion also s t d ll m re ve don didn doesn isn wasn weren won wouldn couldn shouldn can't won't`

var stopWords = func() map[string]bool {
	m := make(map[string]bool, 600)
	for _, w := range strings.Fields(stopList) {
		m[w] = true
	}
	return m
}()

// IsStop reports whether the lower-case word w is an English stop word.
func IsStop(w string) bool { return stopWords[w] }
