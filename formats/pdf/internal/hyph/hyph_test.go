package hyph

import (
	"strings"
	"testing"
)

// hyphenated writes word with its points as hyphens.
func hyphenated(h *Hyphenator, word string) string {
	rs := []rune(word)
	var b strings.Builder
	pts := h.Points(rs)
	k := 0
	for i, r := range rs {
		if k < len(pts) && pts[k] == i {
			b.WriteByte('-')
			k++
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestPatterns(t *testing.T) {
	for _, c := range []struct{ lang, word, want string }{
		// TeX's US English patterns (The TeXbook, appendix H).
		{"en-US", "hyphenation", "hy-phen-ation"},
		{"en", "acquaintance", "ac-quain-tance"},
		{"en-GB", "circumspection", "cir-cum-spec-tion"},
		{"en", "Netherfield", "Nether-field"},
		{"en", "the", "the"},
		{"en", "table", "ta-ble"},
		{"fr", "typographie", "ty-po-gra-phie"},
		{"es", "silabeo", "si-la-beo"},
		{"es-MX", "computadora", "com-pu-ta-dora"},
	} {
		p := For(c.lang)
		if p == nil {
			t.Fatalf("%s: no patterns", c.lang)
		}
		if got := hyphenated(New(p), c.word); got != c.want {
			t.Errorf("%s %s: got %s, want %s", c.lang, c.word, got, c.want)
		}
	}
	for _, lang := range []string{"de", "ko", "zh-Hant", "ja", "", "und"} {
		if For(lang) != nil {
			t.Errorf("%s: patterns, want none", lang)
		}
	}
}

// TestMinimums: at least 2 letters before a hyphen and 3 after it.
func TestMinimums(t *testing.T) {
	h := New(For("es"))
	for _, w := range []string{"ala", "arena", "oeste", "aéreo", "caballo", "ferrocarril"} {
		rs := []rune(w)
		for _, k := range h.Points(rs) {
			if k < 2 || len(rs)-k < 3 {
				t.Errorf("%s: break at %d", w, k)
			}
		}
	}
}

func TestParse(t *testing.T) {
	if _, err := Parse([]byte("ISO8859-1\na1b\n")); err == nil {
		t.Error("ISO8859-1 patterns accepted")
	}
	p, err := Parse([]byte("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 4\n% comment\n1ba\n"))
	if err != nil {
		t.Fatal(err)
	}
	if p.left != 2 || p.right != 4 {
		t.Errorf("minimums %d, %d; want 2, 4", p.left, p.right)
	}
	if got := hyphenated(New(p), "abababab"); got != "ab-abab-ab" && got != "ab-ab-abab" {
		t.Logf("abababab: %s", got)
	}
}

func BenchmarkPoints(b *testing.B) {
	h := New(For("en"))
	words := strings.Fields("It is a truth universally acknowledged that a single man in possession of a good fortune must be in want of a wife however little known the feelings or views of such a man may be on his first entering a neighbourhood")
	rs := make([][]rune, len(words))
	for i, w := range words {
		rs[i] = []rune(w)
	}
	for b.Loop() {
		h.cache = nil
		for _, w := range rs {
			h.Points(w)
		}
	}
}

// FuzzParse reads arbitrary pattern files and hyphenates a word with
// them: no panic, points inside the word and after the minimums.
func FuzzParse(f *testing.F) {
	f.Add([]byte("UTF-8\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 3\n.a2ch4\nhy3ph\nhe2n\nhena4\nhen5at\n1na\nn2at\n1tio\n2io\no2n\n"), "hyphenation")
	f.Add([]byte("UTF-8\nNEXTLEVEL\n1b\n"), "abababab")
	f.Add([]byte("UTF-8\n9\n.\n..\n%\n#\nA 1\n"), "É")
	f.Fuzz(func(t *testing.T, data []byte, word string) {
		p, err := Parse(data)
		if err != nil {
			return
		}
		rs := []rune(word)
		for _, k := range New(p).Points(rs) {
			if k < 2 || len(rs)-k < 3 {
				t.Fatalf("point %d in %q", k, word)
			}
		}
	})
}
