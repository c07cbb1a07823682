package ingest

// This file fixes the package's public API, which the CLI and the pipeline
// are written against. Implementations live in the other files.

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

// Formats the readers know, as given to --format.
const (
	FormatText  = "text"
	FormatJSONL = "jsonl"
	FormatHTML  = "html"
	FormatFeed  = "feed"
	FormatSGML  = "sgml"
)

// DefaultMaxFileSize is the largest input file read when Options gives none.
const DefaultMaxFileSize = 64 << 20

// Options configures reading.
type Options struct {
	// Format forces one reader; empty detects the format from each file's
	// name and content.
	Format string
	// Source is the outlet for articles whose input names none.
	Source string
	// MaxFileSize refuses larger files before reading them (for stdin and
	// decompressed streams: once that many bytes have been read); 0 means
	// DefaultMaxFileSize.
	MaxFileSize int64
	// Progress, if set, is called with the number of input bytes consumed
	// since its previous call (compressed bytes for gzip files).
	Progress func(n int64)
	// Now is the reference time for relative dates; zero means time.Now().
	Now time.Time
	// Logger receives debug detail; nil discards.
	Logger *slog.Logger
}

// Item is one result of reading: an article or a problem, never both.
type Item struct {
	Article *article.Article
	Problem *Problem
}

// Problem is input that could not be read: a whole file, or one record in
// it. Reading goes on past it.
type Problem struct {
	// File is the path as given (or "-" for standard input); for a file
	// inside a directory, the path to that file.
	File string
	// Line is the 1-based line of the record, 0 where lines do not apply.
	Line int
	// Record is the 1-based record number (a feed item, an SGML <DOC>), 0
	// where records do not apply.
	Record int
	// Reason says what was wrong, in words a user can act on.
	Reason string
}

func (p *Problem) Error() string {
	switch {
	case p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Reason)
	case p.Record > 0:
		return fmt.Sprintf("%s: record %d: %s", p.File, p.Record, p.Reason)
	default:
		return fmt.Sprintf("%s: %s", p.File, p.Reason)
	}
}
