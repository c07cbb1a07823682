// Package copies decides, for every article Parallax holds, whether it is a
// copy of another, of what, how much, and what the copier changed, so that a
// story repeated ten times counts as one voice.
//
// # The model
//
// A Detector sees articles in arrival order (Add). For each it finds
// candidates through the fingerprint index (LSH bands and passage
// fingerprints, never a scan of everything held), fetches each candidate's
// sketch from a Source and verifies the pair on exact word shingles
// (fingerprint.ShingleWords words):
//
//   - shared is the number of distinct shingles the two texts share;
//     Containment is shared divided by the distinct shingles of the smaller
//     text (1 means one text lies wholly in the other), Coverage is shared
//     divided by those of the larger;
//   - Passage counts the shingles of the new text in runs of at least
//     MinRun consecutive shingles found in the other, where at least half
//     of MinRun lie wholly outside quotation marks: verbatim reporting
//     text, possibly with the quotes it carries, but not a shared quote
//     with a "he said", nor a shared name or title.
//
// A pair is a full copy when Containment ≥ FullContainment, Coverage ≥
// FullCoverage and the smaller text's unquoted shingles are contained at
// FullContainment too: most of one article is in the other, whatever was
// added around it (a bio, sign-up and share lines, a credit, a paragraph of
// commentary) or cut from it (a trimmed tail), and whatever small edits were
// made. It is a partial copy when it is not full and either Passage ≥
// PartialShingles, or two or more consecutive paragraphs of one stand whole
// in the other, holding PartialShingles shingles' worth of words: a passage
// of several sentences stands in an otherwise different article. (The
// second rule catches copied paragraphs made mostly of quotes, or lists of
// quoted titles, which the first sets aside.) Two outlets reporting one press conference share
// quotes, names and titles, which fall inside quotation marks or in short
// runs, and at most a stray paragraph, so they are neither.
//
// Texts with fewer than MinShingles distinct shingles are never judged.
//
// The thresholds (DefaultOptions: FullContainment 0.6, FullCoverage 0.35,
// MinRun 8, PartialShingles 25) come from the DUC evaluation (package eval,
// Copies) over 24 labelled sets: full copies had Containment ≥ 0.68 (the
// lightly edited ones; verbatim, wrapped and trimmed copies 1.0) and
// Coverage ≥ 0.44 (the trimmed ones); partial copies had Containment ≤ 0.61,
// and the few above 0.5 had Coverage ≤ 0.45 or far less. "Most of one
// article" is therefore read as 60 % of its distinct shingles.
//
// Full copies form groups: transitive (a copy of a copy joins the group),
// and stable: a group's ID is the ID of the article that founded it and
// never changes; when two groups merge the older ID survives and a Merged
// change records where the other went. Every group has one original, chosen
// by, in order: the earliest published (when both times are known and
// differ); a credited wire service (a wire's own article over a non-wire's,
// or the article whose source the other credits); the cleaner text (the
// other is this one plus an appendage, or cleaning removed fewer
// boilerplate paragraphs from it); the longer text; the first to arrive. The
// reason is kept with the group, and an OriginalChanged change is recorded
// whenever a newcomer (an earlier original back-filled from an archive)
// takes over. A partial copy does not join the group of what it quotes: it
// is another voice that quotes it; its CopyOf names the original of the
// quoted article's group.
//
// # DUC's re-filed wire stories
//
// DUC 2006 holds real re-filings: the same AP story sent again with a new
// lead, an added paragraph or a correction (APW19991009.0094 and
// APW19991009.0142, containment 0.95), NYT service copies resent the next day
// under a new ID (containment 1.0), and Xinhua pieces rewritten from AP
// (APW19990101.0029 in XIE19990103.0001 at 0.91). We count these as copies:
// a re-filing is the same voice saying the same thing again, which is what
// "one voice per group" must collapse, and the earliest filing is the
// original. A later filing that adds substantial new reporting still
// carries most of the earlier one's text and so still joins the group; the
// diff (Diff) shows what the update added. Stories that only reuse a
// background paragraph or two of an earlier one are partial copies, not
// group members.
//
// # Persistence
//
// The Detector keeps its indexes and a little metadata per article in
// memory; the texts stay behind Source. Every decision is returned as plain
// structs (Decision with its Matches and Changes; Group) for the store to
// write, and replaying Add in arrival order rebuilds the same state and the
// same decisions, so the store can rebuild the Detector at start.
//
// A Detector is safe for concurrent use; Add is serialised internally,
// because decisions depend on arrival order.
package copies
