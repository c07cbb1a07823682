// Package ingest reads news articles from files, directories and standard
// input, in whatever format they come, into article.Article values.
//
// # Formats
//
//   - text: one article per file. Paragraphs are separated by blank lines,
//     or are one per line when the file has no blank lines; hard-wrapped
//     lines inside a paragraph are joined. A first line that reads as a
//     headline (short, capitalised, no closing sentence punctuation) is the
//     title; otherwise the title is the lead's first sentence, cut near 100
//     characters with "…".
//   - jsonl: one JSON object per line (or a .json file holding an array of
//     them) with id, source, url, title, author or byline, published (or
//     date, published_at), lang, and text or html. Other fields are kept in
//     Meta verbatim. HTML goes through the HTML reader, and the record's own
//     fields win over what the page says.
//   - sgml: TREC/AQUAINT newswire, many <DOC> records to a file: DOCNO,
//     DATE_TIME or DATE, HEADLINE or HL, BYLINE, and TEXT split at <P> (or
//     blank lines, or indented lines). Wire typesetting codes (&QL; &UR; …)
//     are dropped, character entities decoded, editorial <ANNOTATION>s moved
//     to Meta with the other tags. Source is the DOCNO's letter prefix
//     (APW, NYT, XIE) unless a SOURCE tag names one.
//   - feed: RSS, Atom and RDF via gofeed, one article per item; the longer
//     of content and description is the body.
//   - html: one page, through the HTML reader (html.go).
//
// Any of these may be gzip-compressed.
//
// # Detection
//
// See Detect: unambiguous content first (gzip magic, binary bytes, a <DOC>,
// a feed root element, an HTML doctype), then the file extension, then
// weaker content signs, then plain text. Options.Format overrides all but
// gzip and binary detection.
//
// # Identity and source
//
// finish gives every article, whatever its reader, the same treatment:
// Source is the record's own source, else the site name the page or feed
// declared, else the URL's host without "www.", else Options.Source, else
// "unknown". Origin says where the article was ("path:LINE" for JSON
// lines, "path#N" for the Nth record of an SGML file, feed or JSON array,
// the path otherwise), and ID is article.NewID of source, input ID, URL
// and text, so reading the same input twice gives the same IDs. Languages
// are reduced to ISO 639-1 codes; none is guessed here.
//
// # Bad input
//
// Bad input never stops a batch: it becomes a Problem naming the file, and
// the line or record where that applies, and reading goes on with the next
// record or file. Empty files, binary files, invalid UTF-8 (text, JSON
// lines and SGML, where the first bad byte is named; HTML and feeds are
// decoded from their declared charset instead), broken JSON lines, SGML
// records without DOCNO or TEXT or </DOC>, feed items with neither title
// nor text, pages with no article text, damaged gzip (the records read
// before the damage are kept) and feeds that declare XML entities (the
// stuff of "billion laughs" bombs) are all reported this way.
//
// # Limits
//
// A file larger than Options.MaxFileSize (DefaultMaxFileSize when zero) is
// refused from its size, before it is opened. Standard input and the
// output of gzip have no size to check, so they are read up to the limit
// and refused there, after any records before it; a single JSON line or
// <DOC> is capped the same way.
//
// # Why our own readers
//
// The text, JSON-lines and SGML readers are ours because no Go library
// reads these forms: TREC/SGML newswire is not XML (unclosed tags,
// wire-service entities, untagged bylines), and the plain-text and
// JSON-lines conventions (headline lines, hard wrapping, field aliases)
// are the corpora's own. Feeds use gofeed, with its two known weaknesses
// covered first: illegal XML control characters are stripped and a
// declared charset is decoded to UTF-8, and feeds declaring entities are
// refused before parsing.
package ingest
