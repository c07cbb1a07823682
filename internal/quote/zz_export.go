package quote

func IsCueWord(w string) bool { _, ok := cueWords[w]; return ok }
