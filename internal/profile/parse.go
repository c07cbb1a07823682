package profile

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Formats Parse reads.
const (
	FormatYAML = "yaml"
	FormatCSV  = "csv"
)

// MaxFileSize is the largest profiles file read: a list of outlets is
// small, and a larger file is a mistake (or an attack on the YAML reader).
const MaxFileSize = 8 << 20

// FormatOf returns the format of a profiles file from its extension
// (.yaml, .yml or .csv, any case), or an error naming the file.
func FormatOf(path string) (string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		return FormatYAML, nil
	case ".csv":
		return FormatCSV, nil
	}
	return "", fmt.Errorf("%s: unknown profiles format %q: use .yaml, .yml or .csv", path, filepath.Ext(path))
}

// Load reads the profiles file at path, choosing the reader by extension.
// Every error names the file; errors in records name the record and line.
func Load(path string) (*Set, error) {
	format, err := FormatOf(path)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("profiles: %w", err)
	}
	defer f.Close()
	s, err := Parse(f, format)
	if err != nil {
		return nil, withFile(err, path)
	}
	return s, nil
}

// withFile sets File on every *Error in err, and prefixes other errors
// with the path.
func withFile(err error, path string) error {
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	} else {
		list = []error{err}
	}
	out := make([]error, 0, len(list))
	for _, e := range list {
		var pe *Error
		if errors.As(e, &pe) {
			c := *pe
			c.File = path
			out = append(out, &c)
			continue
		}
		out = append(out, fmt.Errorf("%s: %w", path, e))
	}
	return errors.Join(out...)
}

// Parse reads profiles in format (FormatYAML, "yml" or FormatCSV) from r
// and validates them (see the package doc).
func Parse(r io.Reader, format string) (*Set, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read profiles: %w", err)
	}
	if len(data) > MaxFileSize {
		return nil, &Error{Msg: fmt.Sprintf("larger than %d bytes", MaxFileSize)}
	}
	var ps []Profile
	var lines []int
	switch strings.ToLower(strings.TrimPrefix(format, ".")) {
	case FormatYAML, "yml":
		ps, lines, err = parseYAML(data)
	case FormatCSV:
		ps, lines, err = parseCSV(data)
	default:
		return nil, fmt.Errorf("unknown profiles format %q: want %s or %s", format, FormatYAML, FormatCSV)
	}
	if err != nil {
		return nil, err
	}
	return build(ps, lines)
}

// parseYAML reads a mapping with an "outlets" list, or a bare list.
func parseYAML(data []byte) ([]Profile, []int, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, nil, &Error{Msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil, nil // an empty file holds no profiles
	}
	root := doc.Content[0]
	list := root
	if root.Kind == yaml.MappingNode {
		list = nil
		for i := 0; i+1 < len(root.Content); i += 2 {
			k, v := root.Content[i], root.Content[i+1]
			switch k.Value {
			case "outlets":
				list = v
			case "version", "description":
				// Allowed for the file's own documentation.
			default:
				return nil, nil, &Error{Line: k.Line, Msg: fmt.Sprintf("unknown top-level key %q: the outlets go under \"outlets:\"", k.Value)}
			}
		}
		if list == nil {
			return nil, nil, &Error{Line: root.Line, Msg: `no "outlets:" list`}
		}
		if list.Kind == yaml.ScalarNode && list.Tag == "!!null" {
			return nil, nil, nil
		}
	}
	if list.Kind != yaml.SequenceNode {
		return nil, nil, &Error{Line: list.Line, Msg: "outlets must be a list of outlets (each starting with \"- name:\")"}
	}
	ps := make([]Profile, 0, len(list.Content))
	lines := make([]int, 0, len(list.Content))
	var errs []error
	for i, item := range list.Content {
		p, err := yamlProfile(item, i+1)
		if err != nil {
			if len(errs) < maxErrors {
				errs = append(errs, err)
			}
			continue
		}
		ps = append(ps, p)
		lines = append(lines, item.Line)
	}
	if len(errs) > 0 {
		return nil, nil, errors.Join(errs...)
	}
	return ps, lines, nil
}

// yamlProfile reads one outlet mapping; rec is its 1-based position.
func yamlProfile(n *yaml.Node, rec int) (Profile, error) {
	var p Profile
	if n.Kind != yaml.MappingNode {
		return p, &Error{Line: n.Line, Record: rec, Msg: "an outlet must be a mapping of keys (name:, hosts:, …)"}
	}
	// The name first, so that errors about other keys can name the record.
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "name" && n.Content[i+1].Kind == yaml.ScalarNode {
			p.Name = n.Content[i+1].Value
		}
	}
	fail := func(at *yaml.Node, format string, args ...any) error {
		return &Error{Line: at.Line, Record: rec, Name: collapse(p.Name), Msg: fmt.Sprintf(format, args...)}
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			return p, fail(k, "key %q given twice", k.Value)
		}
		seen[k.Value] = true
		var err error
		switch k.Value {
		case "name":
			_, err = scalar(v, k.Value, fail)
		case "country":
			p.Country, err = scalar(v, k.Value, fail)
		case "owner":
			p.Owner, err = scalar(v, k.Value, fail)
		case "type":
			p.Type, err = scalar(v, k.Value, fail)
		case "notes":
			p.Notes, err = scalar(v, k.Value, fail)
		case "aliases":
			p.Aliases, err = strList(v, k.Value, fail)
		case "hosts":
			p.Hosts, err = strList(v, k.Value, fail)
		case "bias":
			p.Bias, err = rating(v, k.Value, fail)
		case "reliability":
			p.Reliability, err = rating(v, k.Value, fail)
		default:
			err = fail(k, "unknown key %q (known: name, aliases, hosts, country, owner, type, bias, reliability, notes)", k.Value)
		}
		if err != nil {
			return p, err
		}
	}
	return p, nil
}

type failFunc func(at *yaml.Node, format string, args ...any) error

func scalar(v *yaml.Node, key string, fail failFunc) (string, error) {
	if v.Kind != yaml.ScalarNode {
		return "", fail(v, "%s must be a single value", key)
	}
	if v.Tag == "!!null" {
		return "", nil
	}
	return v.Value, nil
}

// strList reads a list of strings, or one string.
func strList(v *yaml.Node, key string, fail failFunc) ([]string, error) {
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" || v.Value == "" {
			return nil, nil
		}
		return []string{v.Value}, nil
	case yaml.SequenceNode:
		out := make([]string, 0, len(v.Content))
		for _, e := range v.Content {
			if e.Kind != yaml.ScalarNode {
				return nil, fail(e, "%s must be a list of single values", key)
			}
			out = append(out, e.Value)
		}
		return out, nil
	}
	return nil, fail(v, "%s must be a list", key)
}

// rating reads {rating, source, date}.
func rating(v *yaml.Node, key string, fail failFunc) (*Rating, error) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil, nil
	}
	if v.Kind != yaml.MappingNode {
		return nil, fail(v, "%s must be a mapping like {rating: …, source: …}", key)
	}
	var r Rating
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		var dst *string
		switch k.Value {
		case "rating", "value":
			dst = &r.Value
		case "source":
			dst = &r.Source
		case "date":
			dst = &r.Date
		default:
			return nil, fail(k, "unknown key %q in %s (known: rating, source, date)", k.Value, key)
		}
		s, err := scalar(val, key+"."+k.Value, fail)
		if err != nil {
			return nil, err
		}
		*dst = s
	}
	return &r, nil
}

// csvColumns are the columns a CSV profiles file may have.
var csvColumns = []string{"name", "aliases", "hosts", "country", "owner", "type", "bias", "bias_source", "bias_date", "reliability", "reliability_source", "reliability_date", "notes"}

// parseCSV reads a header row and one outlet a row.
func parseCSV(data []byte) ([]Profile, []int, error) {
	cr := csv.NewReader(strings.NewReader(string(data)))
	cr.Comment = '#'
	cr.TrimLeadingSpace = true
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, csvError(err, 0, "")
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if !slices.Contains(csvColumns, h) {
			line, _ := cr.FieldPos(i)
			return nil, nil, &Error{Line: line, Msg: fmt.Sprintf("unknown column %q in the header (known: %s)", h, strings.Join(csvColumns, ", "))}
		}
		if _, dup := col[h]; dup {
			line, _ := cr.FieldPos(i)
			return nil, nil, &Error{Line: line, Msg: fmt.Sprintf("column %q given twice", h)}
		}
		col[h] = i
	}
	if _, ok := col["name"]; !ok {
		line, _ := cr.FieldPos(0)
		return nil, nil, &Error{Line: line, Msg: `the header has no "name" column`}
	}
	var ps []Profile
	var lines []int
	var errs []error
	for rec := 1; ; rec++ {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, csvError(err, rec, "")
		}
		line, _ := cr.FieldPos(0)
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(row) {
				return row[i]
			}
			return ""
		}
		if len(row) > len(header) {
			if len(errs) < maxErrors {
				errs = append(errs, &Error{Line: line, Record: rec, Name: collapse(get("name")), Msg: fmt.Sprintf("%d fields, but the header has %d columns", len(row), len(header))})
			}
			continue
		}
		p := Profile{
			Name:    get("name"),
			Aliases: splitList(get("aliases")),
			Hosts:   splitList(get("hosts")),
			Country: get("country"),
			Owner:   get("owner"),
			Type:    get("type"),
			Notes:   get("notes"),
		}
		if v, s, d := get("bias"), get("bias_source"), get("bias_date"); v+s+d != "" {
			p.Bias = &Rating{Value: v, Source: s, Date: d}
		}
		if v, s, d := get("reliability"), get("reliability_source"), get("reliability_date"); v+s+d != "" {
			p.Reliability = &Rating{Value: v, Source: s, Date: d}
		}
		ps = append(ps, p)
		lines = append(lines, line)
	}
	if len(errs) > 0 {
		return nil, nil, errors.Join(errs...)
	}
	return ps, lines, nil
}

// csvError turns a csv.ParseError into an Error with its line.
func csvError(err error, rec int, name string) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{Line: pe.Line, Record: rec, Name: name, Msg: "not valid CSV: " + pe.Err.Error()}
	}
	return &Error{Record: rec, Name: name, Msg: "not valid CSV: " + err.Error()}
}

// splitList splits a CSV cell holding several values on ";" or "|".
func splitList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
