package convert_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docconv/docconv/convert"
)

// Every description a reader, transform or writer counts reads correctly
// in the singular.
func TestSingular(t *testing.T) {
	for plural, want := range map[string]string{
		"figures listed":                                         "figure listed",
		"pinyin annotations removed":                             "pinyin annotation removed",
		"pinyin annotations kept":                                "pinyin annotation kept",
		"pinyin annotations made ruby":                           "pinyin annotation made ruby",
		"Arabic letters drawn unjoined":                          "Arabic letter drawn unjoined",
		"CR line endings converted":                              "CR line ending converted",
		"CRLF line endings converted":                            "CRLF line ending converted",
		"NUL characters removed":                                 "NUL character removed",
		"UTF-16 inputs decoded":                                  "UTF-16 input decoded",
		"inputs decoded from GBK":                                "input decoded from GBK",
		"annotations dropped":                                    "annotation dropped",
		"byte order marks removed":                               "byte order mark removed",
		"characters NFC-normalized":                              "character NFC-normalized",
		"characters in embedded font subsets":                    "character in embedded font subsets",
		"characters not covered by any font":                     "character not covered by any font",
		"content documents":                                      "content document",
		"control characters removed":                             "control character removed",
		"gaiji without a Unicode character (kept as ※)":          "gaiji without a Unicode character (kept as ※)",
		"halfwidth commas made fullwidth":                        "halfwidth comma made fullwidth",
		"halfwidth full stops made 。":                            "halfwidth full stop made 。",
		"halfwidth punctuation made fullwidth":                   "halfwidth punctuation made fullwidth",
		"hidden elements skipped":                                "hidden element skipped",
		"images dropped (alt text kept)":                         "image dropped (alt text kept)",
		"invalid UTF-8 sequences replaced":                       "invalid UTF-8 sequence replaced",
		"lists and quotes nested deeper than 8 levels flattened": "list or quote nested deeper than 8 levels flattened",
		"page furniture elements skipped":                        "page furniture element skipped",
		"raw HTML elements dropped":                              "raw HTML element dropped",
		"relative links written as text":                         "relative link written as text",
		"ruby readings":                                          "ruby reading",
		"spaces between CJK characters removed":                  "space between CJK characters removed",
		"unsafe links written as text":                           "unsafe link written as text",
		"boxes":                                                  "box",
		"entries":                                                "entry",
	} {
		assert.Equal(t, want, convert.Singular(plural), plural)
	}
}

func TestReportSingular(t *testing.T) {
	r := &convert.Report{}
	r.Add("xlsx", "figures listed", 1)
	r.Add("normalized", "pinyin annotations removed", 1)
	r.Add("normalized", "halfwidth commas made fullwidth", 2)
	assert.Equal(t, "xlsx: 1 figure listed\nnormalized: 1 pinyin annotation removed, 2 halfwidth commas made fullwidth\n", r.String())
	assert.Equal(t, "1 figure listed", convert.Count{Stage: "xlsx", What: "figures listed", N: 1}.String())
	assert.Equal(t, "0 figures listed", convert.Count{Stage: "xlsx", What: "figures listed"}.String())
}
