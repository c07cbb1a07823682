package quote

import (
	"strings"
	"testing"
)

// article2K is a fictional wire story of about 2 KB.
var article2K = strings.Repeat(`Harbour Minister Petra Vale said on Tuesday that the new ferry line would open in spring, after months of delays.

“We have listened to the islanders,” Vale told reporters in Port Ellis. “The timetable is final.”

Opposition leader Tomas Ruud, a former harbour pilot, accused the government of wasting money, according to a statement from his office. The two politicians are due to meet again next week, and the minister said she hoped for “a fresh start”.
`, 2)

// go test -run '^$' -bench Extract -count 6 ./internal/quote | benchstat -
func BenchmarkExtract(b *testing.B) {
	for _, size := range []int{2 << 10, 8 << 10} {
		text := article2K
		for len(text) < size {
			text += article2K
		}
		text = text[:size]
		b.Run("bytes="+itoa(size), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Extract(text, Options{})
			}
		})
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for ; n > 0; n /= 10 {
		d = append([]byte{byte('0' + n%10)}, d...)
	}
	return string(d)
}
