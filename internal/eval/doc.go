// Package eval measures Parallax's stages against labelled public data.
//
// Each evaluation reads a data set from a directory given by the caller (the
// development sets live in ../shared/data beside a checkout, never in the
// repository), runs the stage under test exactly as the product runs it, and
// returns a report with the headline figures and one row per item, so a
// regression can be traced to the pages or articles that caused it.
//
// The scoring follows the conventions in shared/data/README.md. Metrics are
// computed here rather than borrowed from the data sets' own scripts because
// those are Python and JavaScript, and because we want every choice (how text
// is tokenised, what counts as a matching byline) stated in one place, in Go,
// next to the code it judges.
package eval
