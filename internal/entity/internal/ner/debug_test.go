package ner

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugTag(t *testing.T) {
	f := os.Getenv("NER_DEBUG")
	if f == "" {
		t.Skip("a reading tool: set NER_DEBUG=FILE to print the tagger's output for FILE")
	}
	b, _ := os.ReadFile(f)
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, s := range tg.Tag(text) {
		fmt.Printf("%-6s %d %-40q canon=%q title=%q nat=%q role=%q nom=%v\n", s.Type, s.Src, text[s.B:s.BE], s.Canon, s.Title, s.Nat, s.RoleText, s.Nominal)
	}
}
