package ingest

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

// Log keys.
const (
	logKeyFile   = "file"
	logKeyFormat = "format"
	logKeyItems  = "articles"
	logKeyProbs  = "problems"
	logKeyReason = "reason"
)

// Walk reads every path in order and calls fn once for each article or
// problem found, in input order.
//
// A path is a file, a directory (read recursively in lexical order,
// skipping hidden files and directories and files whose extension marks
// them as never articles, such as images, PDFs and archives) or "-" for
// stdin. Bad input becomes a Problem and reading goes on, so Walk returns
// only an error from fn, ctx's error, or an error for an unknown
// opt.Format.
func Walk(ctx context.Context, paths []string, stdin io.Reader, opt Options, fn func(Item) error) error {
	if err := checkFormat(opt.Format); err != nil {
		return err
	}
	w := newWalker(ctx, opt, fn)
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		if p == "-" {
			if stdin == nil {
				err = w.problem(&Problem{File: "-", Reason: "no standard input to read"})
			} else {
				err = w.stream(p, stdin, -1)
			}
		} else {
			err = w.path(p)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Read reads one input stream as though it were a file called name (which
// only guides format detection and names the input in problems), calling fn
// for each article or problem. Limits apply as for standard input. Like
// Walk it returns only fn's error, ctx's error, or an error for an unknown
// opt.Format.
func Read(ctx context.Context, name string, r io.Reader, opt Options, fn func(Item) error) error {
	if err := checkFormat(opt.Format); err != nil {
		return err
	}
	return newWalker(ctx, opt, fn).stream(name, r, -1)
}

// TotalSize returns the number of bytes Walk will consume reading paths, for
// a progress bar fed by Options.Progress, or -1 when that cannot be known
// in advance (a path is "-"). It only stats files: paths that cannot be
// stat'ed count as 0.
func TotalSize(paths []string) int64 {
	var total int64
	for _, p := range paths {
		if p == "-" {
			return -1
		}
		fi, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !fi.IsDir() {
			total += fi.Size()
			continue
		}
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if d != nil && d.IsDir() && path != p {
					return fs.SkipDir
				}
				return nil
			}
			if path == p {
				return nil
			}
			if skipInDir(d) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				if info, err := d.Info(); err == nil {
					total += info.Size()
				}
			}
			return nil
		})
	}
	return total
}

func checkFormat(f string) error {
	switch f {
	case "", FormatText, FormatJSONL, FormatHTML, FormatFeed, FormatSGML:
		return nil
	}
	return fmt.Errorf("ingest: unknown format %q (want %s, %s, %s, %s or %s)",
		f, FormatText, FormatJSONL, FormatHTML, FormatFeed, FormatSGML)
}

// skipInDir reports whether a directory entry found while walking is
// passed over without a word: hidden entries, files that are never
// articles, and anything that is neither a regular file nor a directory.
func skipInDir(d fs.DirEntry) bool {
	if strings.HasPrefix(d.Name(), ".") {
		return true
	}
	if d.IsDir() {
		return false
	}
	return !d.Type().IsRegular() || skippedExt(d.Name()) != ""
}

// walker carries one Walk's state.
type walker struct {
	ctx context.Context
	opt Options
	fn  func(Item) error
	log *slog.Logger
}

func newWalker(ctx context.Context, opt Options, fn func(Item) error) *walker {
	if opt.MaxFileSize <= 0 {
		opt.MaxFileSize = DefaultMaxFileSize
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &walker{ctx: ctx, opt: opt, fn: fn, log: log.With("component", "ingest")}
}

// stopError carries an error from fn or the context out of a reader, so the
// walker can tell it from bad input.
type stopError struct{ err error }

func (e *stopError) Error() string { return e.err.Error() }
func (e *stopError) Unwrap() error { return e.err }

func (w *walker) emit(it Item) error {
	if err := w.ctx.Err(); err != nil {
		return &stopError{err}
	}
	if err := w.fn(it); err != nil {
		return &stopError{err}
	}
	return nil
}

// problem reports p, returning only fn's or ctx's error.
func (w *walker) problem(p *Problem) error {
	w.log.Debug("problem", logKeyFile, p.File, logKeyReason, p.Error())
	err := w.emit(Item{Problem: p})
	var stop *stopError
	if errors.As(err, &stop) {
		return stop.err
	}
	return err
}

func (w *walker) progress(n int64) {
	if n > 0 && w.opt.Progress != nil {
		w.opt.Progress(n)
	}
}

// path reads one path as given to Walk.
func (w *walker) path(p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		return w.problem(&Problem{File: p, Reason: statReason(err)})
	}
	if !fi.IsDir() {
		if ext := skippedExt(p); ext != "" {
			w.progress(fi.Size())
			return w.problem(&Problem{File: p, Reason: fmt.Sprintf("not an article format (%s file)", ext)})
		}
		return w.file(p, fi)
	}
	return filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if cerr := w.ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			perr := w.problem(&Problem{File: path, Reason: statReason(err)})
			if perr == nil && d != nil && d.IsDir() && path != p {
				return fs.SkipDir
			}
			return perr
		}
		if path == p {
			return nil
		}
		if skipInDir(d) {
			if d.IsDir() {
				return fs.SkipDir
			}
			w.log.Debug("skipped", logKeyFile, path)
			return nil
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return w.problem(&Problem{File: path, Reason: statReason(err)})
		}
		return w.file(path, info)
	})
}

func statReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// file reads one regular file, refusing it by size before opening it.
func (w *walker) file(path string, fi fs.FileInfo) error {
	size := fi.Size()
	if size > w.opt.MaxFileSize {
		w.progress(size)
		return w.problem(&Problem{File: path, Reason: fmt.Sprintf(
			"file is %s, over the %s limit (raise MaxFileSize to read it)", byteSize(size), byteSize(w.opt.MaxFileSize))})
	}
	if size == 0 {
		return w.problem(&Problem{File: path, Reason: "empty file"})
	}
	f, err := os.Open(path)
	if err != nil {
		w.progress(size)
		return w.problem(&Problem{File: path, Reason: statReason(err)})
	}
	defer f.Close()
	return w.stream(path, f, size)
}

// stream reads one input: a file of the given size, or a stream of unknown
// size (-1).
func (w *walker) stream(name string, r io.Reader, size int64) error {
	counted := &countingReader{r: r, progress: w.progress}
	defer func() {
		// Account for what was not read (a refused or damaged file), so the
		// progress total matches TotalSize.
		if size > 0 && counted.n < size {
			w.progress(size - counted.n)
		}
	}()
	in := &input{
		w:     w,
		name:  name,
		limit: w.opt.MaxFileSize,
	}
	br := bufio.NewReaderSize(&limitReader{r: counted, left: w.opt.MaxFileSize}, 64<<10)
	err := w.read(in, br, name)
	return w.settle(in, err)
}

// read detects the format of br's content and reads it.
func (w *walker) read(in *input, br *bufio.Reader, name string) error {
	// A read error here (over the limit, damaged gzip) recurs when the
	// reader goes on, after the records before it: only an input that
	// fails before its first byte fails here.
	head, err := br.Peek(sniffLen)
	if len(head) == 0 {
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		return in.problem(0, 0, "empty file")
	}
	format := Detect(name, head)
	switch format {
	case FormatGzip:
		if in.gzipped {
			return in.problem(0, 0, "gzip inside gzip is not supported")
		}
		return w.gunzip(in, br, name)
	case "":
		return in.problem(0, 0, "binary file, not text")
	}
	if w.opt.Format != "" {
		format = w.opt.Format
	}
	in.format = format
	w.log.Debug("read", logKeyFile, in.name, logKeyFormat, format)
	switch format {
	case FormatText:
		return readText(in, br)
	case FormatJSONL:
		return readJSON(in, br)
	case FormatSGML:
		return readSGML(in, br)
	case FormatFeed:
		return readFeed(in, br)
	default:
		return readHTMLFile(in, br)
	}
}

// gunzip decompresses a gzip stream and reads what is inside, detecting its
// format from the name inside the gzip header or the outer name less ".gz".
func (w *walker) gunzip(in *input, br *bufio.Reader, name string) error {
	zr, err := gzip.NewReader(br)
	if err != nil {
		return in.problem(0, 0, "truncated gzip: "+gzipReason(err))
	}
	zr.Multistream(true)
	inner := strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".GZ")
	if zr.Name != "" && filepath.Ext(inner) == "" {
		inner = zr.Name
	}
	in.gzipped = true
	inBr := bufio.NewReaderSize(&limitReader{r: zr, left: w.opt.MaxFileSize}, 64<<10)
	return w.read(in, inBr, inner)
}

func gzipReason(err error) string {
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "the data ends early"
	case errors.Is(err, gzip.ErrChecksum):
		return "checksum mismatch"
	case errors.Is(err, gzip.ErrHeader):
		return "bad header"
	}
	return err.Error()
}

// settle turns a reader's outcome into Walk's: fn's and ctx's errors go up,
// a read error becomes a problem.
func (w *walker) settle(in *input, err error) error {
	w.log.Debug("done", logKeyFile, in.name, logKeyFormat, in.format,
		logKeyItems, in.articles, logKeyProbs, in.problems)
	if err == nil {
		return nil
	}
	var stop *stopError
	if errors.As(err, &stop) {
		return stop.err
	}
	var reason string
	switch {
	case errors.Is(err, errTooLarge):
		reason = fmt.Sprintf("input is over the %s limit: stopped there (raise MaxFileSize to read it)", byteSize(w.opt.MaxFileSize))
	case in.gzipped && isGzipDamage(err):
		reason = fmt.Sprintf("truncated gzip (%s): kept the %d articles read before the damage", gzipReason(err), in.articles)
	default:
		reason = "read: " + err.Error()
	}
	return w.problem(&Problem{File: in.name, Reason: reason})
}

func isGzipDamage(err error) bool {
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) ||
		errors.Is(err, gzip.ErrHeader) || strings.Contains(err.Error(), "flate:")
}

// input is one file (or stream) being read: what readers need to report
// articles and problems.
type input struct {
	w        *walker
	name     string
	format   string
	limit    int64
	gzipped  bool
	articles int
	problems int
}

func (in *input) opt() Options { return in.w.opt }

// problem reports a problem in this input at line or record (0 where they
// do not apply).
func (in *input) problem(line, record int, reason string) error {
	in.problems++
	p := &Problem{File: in.name, Line: line, Record: record, Reason: reason}
	in.w.log.Debug("problem", logKeyFile, in.name, logKeyReason, p.Error())
	return in.w.emit(Item{Problem: p})
}

// article finishes and reports an article read from this input; origin is
// where in the input it was ("path:LINE", "path#N" or the path), line and
// record as for problem.
func (in *input) article(a *article.Article, origin string, line, record int) error {
	hadText := len(a.Paragraphs) > 0
	finish(a, in.w.opt, in.format, origin)
	if hadText && len(a.Paragraphs) == 0 {
		// The readers refuse a record without text; one whose text was
		// nothing but wire codes has none either once finish drops them.
		return in.problem(line, record, "the text is nothing but newswire typesetting codes (&QL; &HT; …)")
	}
	in.articles++
	return in.w.emit(Item{Article: a})
}

// errTooLarge is returned by a limitReader past its limit.
var errTooLarge = errors.New("input over the size limit")

// limitReader fails with errTooLarge once more than left bytes have been
// read, unlike io.LimitReader, which ends quietly.
type limitReader struct {
	r    io.Reader
	left int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, errTooLarge
	}
	// Read one byte more than allowed, to tell "exactly at the limit"
	// from "over it".
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	if int64(n) > l.left {
		n = int(l.left)
		l.left = -1
		return n, errTooLarge
	}
	l.left -= int64(n)
	return n, err
}

// countingReader reports bytes read to a progress func.
type countingReader struct {
	r        io.Reader
	n        int64
	progress func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.progress(int64(n))
	return n, err
}

// byteSize formats a size for people.
func byteSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
