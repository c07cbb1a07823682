// Package fingerprint computes near-duplicate fingerprints of article text
// and keeps an in-memory index that finds, for a new article, the held
// articles that may share text with it, without a scan of all of them.
//
// # What a Sketch holds
//
// Text is read as one stream of words (letters and digits, case folded;
// punctuation and paragraph breaks do not split a shingle), so re-flowed
// paragraphs and typographic differences do not change the fingerprint. Each
// run of ShingleWords consecutive words is a shingle, hashed to 64 bits. A
// Sketch holds:
//
//   - the shingle hashes in text order, with a mark for those inside
//     quotation marks (quotes are shared by independent reports of the same
//     event, so callers can require evidence outside them);
//   - the sorted set of distinct shingles, for exact containment and
//     Jaccard;
//   - a MinHash signature of NumHashes values over that set;
//   - winnowed passage fingerprints: the smallest shingle hash of every
//     window of WinnowWindow consecutive shingles (Schleimer, Wilkerson and
//     Aiken, 2003), which guarantees that any shared run of
//     WinnowWindow+ShingleWords-1 words or more shares at least one
//     fingerprint (quotes included: whether shared text is only a shared
//     quote is for verification to decide);
//   - one hash per paragraph (normalised text), for paragraph-level
//     evidence and diffs.
//
// # Parameters and the detection curve
//
// ShingleWords = 5, NumHashes = 80, split into Bands = 20 bands of Rows = 4.
// Two articles become candidates through the bands when any band of their
// signatures agrees; for Jaccard similarity s that happens with probability
//
//	P(candidate | s) = 1 - (1 - s^4)^20
//
//	  s     P
//	 0.1  0.002
//	 0.2  0.032
//	 0.3  0.150
//	 0.4  0.405
//	 0.5  0.725
//	 0.6  0.938
//	 0.7  0.996
//	 0.8  0.99997
//	 0.9  1.000
//
// (Curve computes the table; TestCurveMatchesSimulation checks it against
// random sets of known Jaccard.) The bands catch copies that are edited throughout
// (s ≥ 0.6); copies that keep whole passages but change the length, such as
// a text trimmed to half or a few paragraphs quoted in another article,
// have a low Jaccard and are caught by the passage fingerprints instead:
// Index.Candidates returns an article when it shares a band or at least
// MinPassageHits passage fingerprints. With WinnowWindow = 24 a shared run
// of 28 words or more always yields one fingerprint and about one per 12
// shingles beyond that, so two or three shared paragraphs give several.
//
// The index keeps no signatures: it stores, per article, one 32-bit key per
// band and per passage fingerprint, packed with the article number into a
// 64-bit slot of one open-addressed table. A key shared by more than
// MaxPostings articles keeps only the first MaxPostings; a passage key that
// full is boilerplate and is ignored at lookup, so the work of a lookup is
// bounded whatever the number of articles held. Memory per article is
// reported by BenchmarkIndexLookup (bytes/article) and Index.Bytes: 268
// bytes per article with a million synthetic 2 KB articles held (the table
// is 35–70 % full), so about 270 MB per million articles.
//
// Measured on a shared two-core machine (CPU time per operation; see
// bench_test.go): a sketch of a 2 KB article takes about 55 µs, a lookup
// about 25 µs with 10,000 articles held and 18 µs with 1,000,000, so one
// core sketches and looks up well over 10,000 articles a second and the
// lookup does not grow with the number held.
//
// # Why our own
//
// The Go MinHash/LSH libraries we found are unmaintained, hash with
// per-function calls that are an order of magnitude slower than needed,
// keep whole signatures in memory and have no notion of containment,
// passages or quotation. What we need is small: one xxh3 hash per word,
// one-permutation MinHash with densification (one pass over the shingles,
// not one per hash function), winnowing, and a compact multimap.
//
// Sketches are immutable once built and safe to share between goroutines.
// An Index is not safe for concurrent use: callers serialise Add, Remove and
// Candidates (the copy detector does, as it decides in arrival order).
package fingerprint
