package compare

import "slices"

// Category is the kind of framing a lexicon entry or flag marks.
type Category string

// The categories of framing.
const (
	// Label: a loaded name or verb that judges what it names ("regime",
	// "hysteria", "tore up", "slammed", "so-called").
	Label Category = "label"
	// ScareQuote: quotation marks around a term, putting it in doubt
	// ("the “interim president”"), from quote.Attribution.Scare.
	ScareQuote Category = "scare_quote"
	// Hedge: a word that casts doubt on a claim ("allegedly", "claimed").
	Hedge Category = "hedge"
	// Intensifier: a word that turns up the volume ("very",
	// "outrageous").
	Intensifier Category = "intensifier"
)

// Categories lists the categories in report order.
var Categories = []Category{Label, ScareQuote, Hedge, Intensifier}

// ScareWeight is the weight of a scare quote in the tone score.
const ScareWeight = 1.0

// Term is one entry of the framing lexicon.
type Term struct {
	// Phrase is one or more lower-case words separated by single spaces;
	// a hyphenated word is written as separate words ("so called" matches
	// "so-called").
	Phrase   string
	Category Category
	// Weight is what one occurrence adds to the tone score: 2 for a word
	// that judges on its own (a pejorative name), 1.5 for a loaded verb or
	// a ruling on a disputed claim, 1 for milder evaluation, 0.5 for words
	// that are often innocent.
	Weight float64
	// Inflect matches every inflection of each word (by its Snowball
	// stem: "regimes", "slams", "slamming"); otherwise only the exact form.
	Inflect bool
	// NotBefore and NotAfter are words (or, for NotBefore, phrases) that,
	// right after or right before the phrase, make it innocent ("sanctions
	// regime", "claimed responsibility", "claimed the lives").
	NotBefore []string
	NotAfter  []string
	// Why says what makes the term loaded, for the reader of the code.
	Why string
}

// Lexicon returns a copy of the built-in framing lexicon.
func Lexicon() []Term { return slices.Clone(lexicon) }

// technical uses of "regime": a set of rules, not a government.
var regimeNotAfter = []string{"sanctions", "sanction", "tax", "visa", "regulatory", "inspection", "inspections", "trade", "control", "legal", "treaty", "export", "safety", "nonproliferation", "proliferation", "monitoring", "verification", "training", "fitness", "exchange", "currency", "pension", "licensing", "testing", "dosing", "treatment", "climate", "fiscal", "customs", "immigration", "asylum", "border", "data", "privacy", "security"}

// claimedNotBefore: "claimed" as an act, not a doubted statement.
var claimedNotBefore = []string{"responsibility", "credit", "victory", "lives", "life", "title", "titles", "seat", "seats", "asylum", "ownership", "refugee", "benefits", "compensation", "damages", "gold", "silver", "bronze", "the lives", "the life", "the title", "the seat", "the crown"}

// lexicon is our own list, written for Parallax from the style guides'
// advice on neutral wording (say "government", not "regime"; "said", not
// "slammed"; "left", not "tore up"): each entry is a word a neutral wire
// story avoids in its own voice. It is deliberately short and precise: a
// flag must be defensible to the outlet it is raised against. Words that
// neutral copy uses routinely ("meddling", "scrapped", "terrorist") are
// left out.
var lexicon = []Term{
	// Labels: names that judge a government, person or group.
	{Phrase: "regime", Category: Label, Weight: 2, Inflect: true, NotAfter: regimeNotAfter, Why: "calls a government illegitimate; neutral copy says government, administration or authorities"},
	{Phrase: "junta", Category: Label, Weight: 2, Inflect: true, Why: "brands a government a military clique"},
	{Phrase: "dictator", Category: Label, Weight: 2, Inflect: true, Why: "a verdict on a leader, not a description"},
	{Phrase: "dictatorship", Category: Label, Weight: 2, Inflect: true, Why: "a verdict on a government"},
	{Phrase: "tyrant", Category: Label, Weight: 2, Inflect: true, Why: "a verdict on a leader"},
	{Phrase: "despot", Category: Label, Weight: 2, Inflect: true, Why: "a verdict on a leader"},
	{Phrase: "strongman", Category: Label, Weight: 1.5, Why: "casts a leader as ruling by force"},
	{Phrase: "strongmen", Category: Label, Weight: 1.5, Why: "casts leaders as ruling by force"},
	{Phrase: "puppet", Category: Label, Weight: 2, Inflect: true, Why: "denies someone agency: they are another's tool"},
	{Phrase: "stooge", Category: Label, Weight: 2, Inflect: true, Why: "denies someone agency"},
	{Phrase: "lackey", Category: Label, Weight: 2, Inflect: true, Why: "denies someone agency"},
	{Phrase: "henchman", Category: Label, Weight: 2, Why: "casts associates as a criminal's helpers"},
	{Phrase: "henchmen", Category: Label, Weight: 2, Why: "casts associates as a criminal's helpers"},
	{Phrase: "crony", Category: Label, Weight: 1.5, Inflect: true, Why: "implies favours, not merit"},
	{Phrase: "thug", Category: Label, Weight: 2, Inflect: true, Why: "brands people as violent criminals"},
	{Phrase: "thuggish", Category: Label, Weight: 2, Why: "brands conduct as criminal violence"},
	{Phrase: "mouthpiece", Category: Label, Weight: 1.5, Inflect: true, Why: "dismisses a speaker as another's voice"},
	{Phrase: "propaganda", Category: Label, Weight: 1.5, Why: "dismisses a message as manipulation"},
	{Phrase: "propagandist", Category: Label, Weight: 1.5, Inflect: true, Why: "dismisses a speaker as a manipulator"},
	{Phrase: "hysteria", Category: Label, Weight: 2, Inflect: true, Why: "pathologises the other side's concern"},
	{Phrase: "hysterical", Category: Label, Weight: 2, Why: "pathologises the other side's concern"},
	{Phrase: "paranoia", Category: Label, Weight: 1.5, Why: "pathologises the other side's concern"},
	{Phrase: "witch hunt", Category: Label, Weight: 2, Inflect: true, Why: "casts an inquiry as persecution of the innocent"},
	{Phrase: "so called", Category: Label, Weight: 1.5, Why: "distances the writer from the name that follows"},
	{Phrase: "self proclaimed", Category: Label, Weight: 1.5, Why: "denies a title its legitimacy"},
	{Phrase: "self styled", Category: Label, Weight: 1.5, Why: "denies a title its legitimacy"},
	{Phrase: "illegitimate", Category: Label, Weight: 1.5, Why: "a ruling on legitimacy in the writer's voice"},
	{Phrase: "fake news", Category: Label, Weight: 1.5, Why: "dismisses reporting wholesale"},
	{Phrase: "sham", Category: Label, Weight: 1.5, Inflect: true, Why: "declares a process fraudulent"},
	{Phrase: "farce", Category: Label, Weight: 1.5, Inflect: true, Why: "declares a process absurd"},
	{Phrase: "fiasco", Category: Label, Weight: 1, Why: "a verdict of failure"},
	{Phrase: "debacle", Category: Label, Weight: 1, Why: "a verdict of failure"},
	// Labels: loaded verbs where a neutral story says "said", "criticised"
	// or "left".
	{Phrase: "slammed", Category: Label, Weight: 1.5, Why: "a verb of attack for criticised"},
	{Phrase: "slams", Category: Label, Weight: 1.5, Why: "a verb of attack for criticises"},
	{Phrase: "slamming", Category: Label, Weight: 1.5, Why: "a verb of attack for criticising"},
	{Phrase: "blasted", Category: Label, Weight: 1.5, Why: "a verb of attack for criticised"},
	{Phrase: "lashed out", Category: Label, Weight: 1.5, Why: "makes criticism an outburst"},
	{Phrase: "lashes out", Category: Label, Weight: 1.5, Why: "makes criticism an outburst"},
	{Phrase: "ranted", Category: Label, Weight: 1.5, Why: "makes speech irrational"},
	{Phrase: "rant", Category: Label, Weight: 1.5, Inflect: true, Why: "makes speech irrational"},
	{Phrase: "tirade", Category: Label, Weight: 1.5, Inflect: true, Why: "makes speech an outburst"},
	{Phrase: "tore up", Category: Label, Weight: 1.5, Why: "a violent image for leaving an agreement; neutral copy says left or withdrew from"},
	{Phrase: "tear up", Category: Label, Weight: 1.5, Why: "a violent image for leaving an agreement"},
	{Phrase: "tears up", Category: Label, Weight: 1.5, Why: "a violent image for leaving an agreement"},
	{Phrase: "tearing up", Category: Label, Weight: 1.5, Why: "a violent image for leaving an agreement"},
	{Phrase: "torn up", Category: Label, Weight: 1.5, Why: "a violent image for leaving an agreement"},
	{Phrase: "ditched", Category: Label, Weight: 1, Why: "dismissive for dropped or left"},
	// Labels: speech verbs that characterise the speaker where a neutral
	// story says "said" (the verb is the outlet's, even when what follows
	// is the speaker's).
	{Phrase: "complained", Category: Label, Weight: 1, Why: "casts the speaker as aggrieved; neutral copy says said"},
	{Phrase: "admitted", Category: Label, Weight: 1, NotBefore: []string{"to", "into", "that he had been", "to hospital"}, Why: "implies a confession of fault; neutral copy says said"},
	{Phrase: "conceded", Category: Label, Weight: 1, NotBefore: []string{"defeat", "a goal", "goals", "the election"}, Why: "implies a point lost"},
	{Phrase: "boasted", Category: Label, Weight: 1.5, Why: "casts the speaker as vain"},
	{Phrase: "bragged", Category: Label, Weight: 1.5, Why: "casts the speaker as vain"},
	{Phrase: "whined", Category: Label, Weight: 1.5, Why: "belittles the speaker"},
	{Phrase: "parroted", Category: Label, Weight: 1.5, Why: "denies the speaker a mind of their own"},
	// Labels: the writer rules on a disputed claim.
	{Phrase: "baseless", Category: Label, Weight: 1.5, Why: "rules on a disputed claim in the writer's voice (fine inside a quote: the speaker's word)"},
	{Phrase: "groundless", Category: Label, Weight: 1.5, Why: "rules on a disputed claim"},
	{Phrase: "unfounded", Category: Label, Weight: 1.5, Why: "rules on a disputed claim"},
	{Phrase: "bogus", Category: Label, Weight: 1.5, Why: "rules on a disputed claim"},
	// Labels: milder evaluation.
	{Phrase: "shameful", Category: Label, Weight: 1, Why: "a moral verdict"},
	{Phrase: "disgraceful", Category: Label, Weight: 1, Why: "a moral verdict"},
	{Phrase: "reckless", Category: Label, Weight: 1, Why: "a verdict on conduct"},
	{Phrase: "draconian", Category: Label, Weight: 1, Why: "a verdict on a measure"},
	{Phrase: "notorious", Category: Label, Weight: 1, Why: "a verdict on reputation"},
	{Phrase: "infamous", Category: Label, Weight: 1, Why: "a verdict on reputation"},
	{Phrase: "brazen", Category: Label, Weight: 1, Why: "a verdict on conduct"},
	{Phrase: "heavy handed", Category: Label, Weight: 1, Why: "a verdict on conduct"},
	{Phrase: "absurd", Category: Label, Weight: 1, Why: "a verdict on an idea"},
	{Phrase: "ridiculous", Category: Label, Weight: 1, Why: "a verdict on an idea"},

	// Hedges: the writer casts doubt on what it reports.
	{Phrase: "allegedly", Category: Hedge, Weight: 1, Why: "distances the writer from the claim"},
	{Phrase: "purportedly", Category: Hedge, Weight: 1, Why: "distances the writer from the claim"},
	{Phrase: "supposedly", Category: Hedge, Weight: 1, Why: "doubts the claim"},
	{Phrase: "ostensibly", Category: Hedge, Weight: 1, Why: "doubts the stated purpose"},
	{Phrase: "claimed", Category: Hedge, Weight: 1, NotBefore: claimedNotBefore, Why: "claimed for said casts doubt on the speaker"},
	{Phrase: "claiming", Category: Hedge, Weight: 1, NotBefore: claimedNotBefore, Why: "claiming for saying casts doubt on the speaker"},
	{Phrase: "reportedly", Category: Hedge, Weight: 0.5, Why: "often honest sourcing, but leaves the source unnamed"},
	{Phrase: "alleged", Category: Hedge, Weight: 0.5, Why: "often the legal norm (an alleged crime), so weighted low"},
	{Phrase: "apparently", Category: Hedge, Weight: 0.5, Why: "doubt without a source"},
	{Phrase: "seemingly", Category: Hedge, Weight: 0.5, Why: "doubt without a source"},

	// Intensifiers: volume the facts do not need.
	{Phrase: "very", Category: Intensifier, Weight: 0.5, Why: "turns up the volume"},
	{Phrase: "extremely", Category: Intensifier, Weight: 0.5, Why: "turns up the volume"},
	{Phrase: "incredibly", Category: Intensifier, Weight: 0.5, Why: "turns up the volume"},
	{Phrase: "utterly", Category: Intensifier, Weight: 1, Why: "turns up the volume"},
	{Phrase: "totally", Category: Intensifier, Weight: 0.5, Why: "turns up the volume"},
	{Phrase: "absolutely", Category: Intensifier, Weight: 0.5, Why: "turns up the volume"},
	{Phrase: "hugely", Category: Intensifier, Weight: 0.5, Why: "turns up the volume"},
	{Phrase: "massively", Category: Intensifier, Weight: 0.5, Why: "turns up the volume"},
	{Phrase: "outrageous", Category: Intensifier, Weight: 1, Why: "an emotional verdict"},
	{Phrase: "shocking", Category: Intensifier, Weight: 1, Why: "an emotional verdict"},
	{Phrase: "stunning", Category: Intensifier, Weight: 1, Why: "an emotional verdict"},
	{Phrase: "staggering", Category: Intensifier, Weight: 1, Why: "an emotional verdict"},
	{Phrase: "astonishing", Category: Intensifier, Weight: 1, Why: "an emotional verdict"},
	{Phrase: "dramatically", Category: Intensifier, Weight: 0.5, Why: "turns up the volume"},
}
