package text

import (
	"strings"
	"sync"
	"testing"
)

func TestLanguage(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"english", "The foreign ministers met for three hours in the resort city on Tuesday and discussed the war.", "en"},
		{"spanish", "Los ministros de Asuntos Exteriores se reunieron durante tres horas el martes en la ciudad costera.", "es"},
		{"french", "Les ministres des Affaires étrangères se sont réunis pendant trois heures mardi dans la station balnéaire.", "fr"},
		{"german", "Die Außenminister trafen sich am Dienstag drei Stunden lang in dem Badeort am Schwarzen Meer.", "de"},
		{"italian", "I ministri degli Esteri si sono incontrati per tre ore martedì nella località balneare sul Mar Nero.", "it"},
		{"portuguese", "Os ministros das Relações Exteriores reuniram-se durante três horas na terça-feira na cidade turística.", "pt"},
		{"dutch", "De ministers van Buitenlandse Zaken kwamen dinsdag drie uur lang bijeen in de badplaats aan de Zwarte Zee.", "nl"},
		{"russian", "Министры иностранных дел встретились во вторник на три часа в курортном городе на Черном море.", "ru"},
		{"ukrainian", "Міністри закордонних справ зустрілися у вівторок на три години в курортному місті біля Чорного моря.", "uk"},
		{"polish", "Ministrowie spraw zagranicznych spotkali się we wtorek na trzy godziny w nadmorskim kurorcie.", "pl"},
		{"czech", "Ministři zahraničí se v úterý na tři hodiny sešli v přímořském letovisku u Černého moře.", "cs"},
		{"swedish", "Utrikesministrarna möttes i tre timmar på tisdagen i semesterorten vid Svarta havet.", "sv"},
		{"turkish", "Dışişleri bakanları salı günü Karadeniz kıyısındaki tatil kentinde üç saat boyunca görüştü.", "tr"},
		{"arabic", "التقى وزيرا الخارجية لمدة ثلاث ساعات يوم الثلاثاء في المنتجع المطل على البحر الأسود.", "ar"},
		{"chinese", "两国外交部长星期二在黑海度假城市举行了三个小时的会谈，讨论了伊朗和叙利亚问题。", "zh"},
		{"japanese", "両国の外相は火曜日、黒海沿岸の保養地で3時間にわたり会談し、イランとシリアについて協議した。", "ja"},
		{"korean", "양국 외무장관은 화요일 흑해 휴양 도시에서 세 시간 동안 회담을 가졌다.", "ko"},
		{"indonesian", "Para menteri luar negeri bertemu selama tiga jam pada hari Selasa di kota peristirahatan di tepi Laut Hitam.", "id"},
		{"greek", "Οι υπουργοί Εξωτερικών συναντήθηκαν για τρεις ώρες την Τρίτη στην παραθαλάσσια πόλη.", "el"},
		{"empty", "", ""},
		{"too short", "Hi there", ""},
		{"digits and punctuation", "12:30 — 4,500 (2019) ... 77%", ""},
		{"long english cut at a rune boundary", strings.Repeat("The minister said the talks were useful — “candid” even. ", 40), "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Language(tt.text); got != tt.want {
				t.Errorf("Language(%.40q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestLanguageConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := Language("Die Außenminister trafen sich am Dienstag in dem Badeort."); got != "de" {
				t.Errorf("Language = %q, want de", got)
			}
		})
	}
	wg.Wait()
}

func TestSampleKeepsRunes(t *testing.T) {
	s := strings.Repeat("é", LanguageSampleLen) // 2 bytes each
	got := sample(s)
	if len(got) > LanguageSampleLen || !strings.HasSuffix(got, "é") || len(got)%2 != 0 {
		t.Errorf("sample cut mid-rune: len %d", len(got))
	}
}

// BenchmarkLanguage detects the language of a 2 KB article (of which the
// first LanguageSampleLen bytes are read).
//
//	go test ./internal/text -bench Language -count 6 | benchstat -
func BenchmarkLanguage(b *testing.B) {
	article := strings.Repeat("The two diplomats met in the resort city of Sochi near the Black Sea. "+
		"In rare talks, they discussed issues that have left tensions heightened between Moscow and Washington. ", 12)[:2048]
	b.ReportAllocs()
	b.SetBytes(int64(len(article)))
	for b.Loop() {
		if Language(article) != "en" {
			b.Fatal("not english")
		}
	}
}
