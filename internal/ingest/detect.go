package ingest

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// FormatGzip is what Detect returns for gzip-compressed input; the format
// inside is detected once it is decompressed.
const FormatGzip = "gzip"

// sniffLen is how much of a file Detect needs to see.
const sniffLen = 8 << 10

// Detect names the format of a file from its name and its first bytes (up to
// 8 KiB are looked at): one of the Format constants, FormatGzip, or "" for
// content that is not text (NUL bytes, or the signature of an image, PDF or
// archive).
//
// Content decides first where it is unambiguous: gzip magic, binary
// content, a TREC <DOC>, an RSS/Atom/RDF root element, an HTML doctype or
// <html>. Then the extension: .jsonl/.ndjson/.json, .html/.htm, .xml/.rss/
// .atom, .sgml/.sgm, .txt. Then weaker content signs: a first '{' or '['
// means JSON, a first '<' followed by an HTML element means HTML. Anything
// else is plain text.
func Detect(name string, head []byte) string {
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	if bytes.HasPrefix(head, []byte{0x1f, 0x8b}) {
		return FormatGzip
	}
	if isBinary(head) {
		return ""
	}
	body := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	if f := sniffMarkup(body); f != "" {
		return f
	}
	switch ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz"))); ext {
	case ".jsonl", ".ndjson", ".json":
		return FormatJSONL
	case ".html", ".htm", ".xhtml", ".shtml":
		return FormatHTML
	case ".xml", ".rss", ".atom", ".rdf":
		return FormatFeed
	case ".sgml", ".sgm", ".trec":
		return FormatSGML
	case ".txt", ".text", ".md":
		return FormatText
	}
	if len(body) > 0 && (body[0] == '{' || body[0] == '[') && looksLikeJSON(body) {
		return FormatJSONL
	}
	if len(body) > 0 && body[0] == '<' && hasHTMLTag(body) {
		return FormatHTML
	}
	return FormatText
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// binaryMagic are signatures of common non-text files.
var binaryMagic = [][]byte{
	[]byte("%PDF-"),
	[]byte("\x89PNG\r\n\x1a\n"),
	[]byte("\xff\xd8\xff"), // JPEG
	[]byte("GIF87a"), []byte("GIF89a"),
	[]byte("PK\x03\x04"), // zip, docx, epub
	[]byte("7z\xbc\xaf\x27\x1c"),
	[]byte("Rar!\x1a\x07"),
	[]byte("\x28\xb5\x2f\xfd"), // zstd
	[]byte("BZh"),
	[]byte("\xfd7zXZ\x00"),
	[]byte("\x7fELF"),
	[]byte("SQLite format 3\x00"),
	[]byte("RIFF"),
	[]byte("OggS"),
	[]byte("ID3"),
}

// isBinary reports whether head is not text: a NUL byte, a known binary
// signature, or mostly control bytes and invalid UTF-8.
func isBinary(head []byte) bool {
	if len(head) == 0 {
		return false
	}
	for _, m := range binaryMagic {
		if bytes.HasPrefix(head, m) {
			return true
		}
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	// Count bytes that no text file has: C0 controls other than white space,
	// and bytes that are not part of a valid UTF-8 sequence. A legacy
	// charset (Latin-1, Windows-1252) has a few invalid bytes, not many.
	bad := 0
	for i := 0; i < len(head); {
		c := head[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
				bad++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && n == 1 {
			if len(head)-i < utf8.UTFMax && !utf8.FullRune(head[i:]) {
				break // a rune cut by the end of head
			}
			bad++
		}
		i += n
	}
	return bad*10 > len(head)
}

// sniffMarkup recognises formats that a file's first element gives away.
func sniffMarkup(body []byte) string {
	if len(body) == 0 || body[0] != '<' {
		return ""
	}
	b := skipProlog(body)
	switch {
	case hasTagPrefix(b, "<doc>"), hasTagPrefix(b, "<doc "), hasTagPrefix(b, "<docno>"):
		return FormatSGML
	case hasTagPrefix(b, "<rss"), hasTagPrefix(b, "<feed"), hasTagPrefix(b, "<rdf:rdf"), hasTagPrefix(b, "<channel"):
		return FormatFeed
	case hasTagPrefix(b, "<!doctype html"), hasTagPrefix(b, "<html"):
		return FormatHTML
	}
	return ""
}

// skipProlog skips an XML declaration, comments, processing instructions
// and a non-HTML doctype, returning the input from its first element.
func skipProlog(b []byte) []byte {
	for {
		b = bytes.TrimLeft(b, " \t\r\n")
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			i := bytes.Index(b, []byte("?>"))
			if i < 0 {
				return nil
			}
			b = b[i+2:]
		case bytes.HasPrefix(b, []byte("<!--")):
			i := bytes.Index(b, []byte("-->"))
			if i < 0 {
				return nil
			}
			b = b[i+3:]
		case hasTagPrefix(b, "<!doctype") && !hasTagPrefix(b, "<!doctype html"):
			i := bytes.IndexByte(b, '>')
			if i < 0 {
				return nil
			}
			// An internal subset holds '>' characters: skip to its end.
			if j := bytes.IndexByte(b[:i], '['); j >= 0 {
				k := bytes.Index(b, []byte("]>"))
				if k < 0 {
					return nil
				}
				i = k + 1
			}
			b = b[i+1:]
		default:
			return b
		}
	}
}

// hasTagPrefix reports whether b starts with prefix, ignoring ASCII case.
func hasTagPrefix(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

var htmlStartTags = []string{"<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<article", "<section", "<main", "<h1", "<h2", "<link", "<script", "<style", "<table", "<span", "<a "}

// hasHTMLTag reports whether the markup starts with a common HTML element.
func hasHTMLTag(b []byte) bool {
	b = skipProlog(b)
	for _, t := range htmlStartTags {
		if hasTagPrefix(b, t) {
			return true
		}
	}
	return false
}

// looksLikeJSON reports whether text starting with '{' or '[' continues the
// way a JSON object or array of objects does, so a text article opening with
// a bracket is not taken for JSON.
func looksLikeJSON(b []byte) bool {
	if b[0] == '[' {
		b = bytes.TrimLeft(b[1:], " \t\r\n")
		if len(b) == 0 || b[0] == ']' {
			return true
		}
		if b[0] != '{' {
			return false
		}
	}
	b = bytes.TrimLeft(b[1:], " \t\r\n")
	return len(b) == 0 || b[0] == '"' || b[0] == '}'
}

// skipExts are extensions of files that are never articles. Inside a
// directory they are skipped silently; named on the command line they are
// reported.
var skipExts = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true,
	".ico": true, ".bmp": true, ".tif": true, ".tiff": true, ".heic": true, ".avif": true,
	".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true,
	".pptx": true, ".odt": true, ".epub": true,
	".zip": true, ".tar": true, ".tgz": true, ".bz2": true, ".xz": true, ".7z": true,
	".rar": true, ".zst": true,
	".mp3": true, ".mp4": true, ".m4a": true, ".wav": true, ".avi": true, ".mov": true,
	".mkv": true, ".ogg": true, ".flac": true, ".webm": true,
	".exe": true, ".dll": true, ".so": true, ".dylib": true, ".o": true, ".a": true,
	".bin": true, ".class": true, ".jar": true, ".pyc": true, ".wasm": true,
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true,
	".db": true, ".sqlite": true, ".parquet": true, ".css": true, ".js": true, ".map": true,
}

// skippedExt returns the extension of a file name that is never an
// article, or "".
func skippedExt(name string) string {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".tar.gz") {
		return ".tar.gz"
	}
	ext := filepath.Ext(strings.TrimSuffix(lower, ".gz"))
	if skipExts[ext] {
		return ext
	}
	return ""
}
