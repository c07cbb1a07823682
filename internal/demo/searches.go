package demo

// Searches returns queries a reader of the demo corpus would try, one per
// story, for `parallax demo` to show search at work.
func Searches() []string {
	return []string{
		`strike cranes automation`,
		`hotline "Ves Strait"`,
		`Norvane fine`,
	}
}

// FileSource returns the outlet of the articles in the corpus file name
// (a path in Corpus), for inputs that do not name their outlet themselves,
// such as plain text; "" if the file's articles name several or none.
func (t *Truth) FileSource(name string) string {
	src := ""
	for _, a := range t.Articles {
		if a.File != name {
			continue
		}
		if src != "" && src != a.Source {
			return ""
		}
		src = a.Source
	}
	return src
}
