package ingest

// Compare runs with benchstat:
//
//	go test -run '^$' -bench 'BenchmarkRead' -count 6 ./internal/ingest > new.txt
//	benchstat old.txt new.txt

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
)

// benchRead reads data n times as format and reports articles per second.
func benchRead(b *testing.B, format string, data []byte) {
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	articles := 0
	for b.Loop() {
		err := Read(context.Background(), "bench", bytes.NewReader(data), Options{Format: format}, func(it Item) error {
			if it.Problem != nil {
				return it.Problem
			}
			articles++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
}

// benchParagraph is fictional wire copy, hard-wrapped.
const benchParagraph = `The harbour council of the invented town of Port Ellis voted on
Tuesday to rebuild the ferry pier that storms damaged last winter,
ending a year of argument over who should pay for the work.`

func BenchmarkReadJSONL(b *testing.B) {
	var buf bytes.Buffer
	text := strings.Repeat(strings.ReplaceAll(benchParagraph, "\n", " ")+`\n\n`, 8)
	for i := range 1000 {
		fmt.Fprintf(&buf, `{"id": "b-%d", "source": "Bench Gazette", "url": "https://bench.example/%d", "title": "Pier vote %d", "published": "2024-03-05T09:30:00Z", "section": "local", "text": "%s"}`+"\n", i, i, i, text)
	}
	benchRead(b, FormatJSONL, buf.Bytes())
}

func BenchmarkReadText(b *testing.B) {
	data := []byte("Harbour Council Backs New Pier\n\n" + strings.Repeat(benchParagraph+"\n\n", 12))
	benchRead(b, FormatText, data)
}

func BenchmarkReadSGML(b *testing.B) {
	var buf bytes.Buffer
	for i := range 500 {
		fmt.Fprintf(&buf, "<DOC>\n<DOCNO> BEN1999%04d.0001 </DOCNO>\n<DATE_TIME> 1999-03-01 10:15:00 </DATE_TIME>\n<BODY>\n<HEADLINE> Pier Vote &AMP; Harbour </HEADLINE>\n<TEXT>\n", i)
		for range 8 {
			fmt.Fprintf(&buf, "<P>\n\t%s &QL;\n</P>\n", benchParagraph)
		}
		buf.WriteString("</TEXT>\n</BODY>\n</DOC>\n")
	}
	benchRead(b, FormatSGML, buf.Bytes())
}
