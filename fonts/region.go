package fonts

import (
	"fmt"
	"os"
	"slices"
	"strings"
)

// Regional faces. CJK superfamilies ship one face per region, named by a
// suffix of the family: Noto Sans/Serif CJK JP, KR, SC, TC, HK; Source
// Han Sans/Serif (J unsuffixed or JP, K or KR, SC or CN, TC or TW, HC or
// HK); PingFang SC, TC, HK. The same character has different standard
// forms in each region (骨 角 值 令 說 內), and Taiwan and Hong Kong centre
// 。，、 in the em box, so the face must follow the document's language.

// regionSuffixes returns the family suffixes of the regional faces that
// suit a BCP 47 language tag, best first:
//
//	zh-Hant, zh-TW, zh-MO   TC TW HC HK
//	zh-HK, yue              HK HC TC TW
//	zh, zh-Hans, zh-CN, …   SC CN
//	ja                      JP J
//	ko                      KR K
//
// Other languages (and none) get nil.
func regionSuffixes(lang string) []string {
	tw := []string{"TC", "TW", "HC", "HK"}
	hk := []string{"HK", "HC", "TC", "TW"}
	sc := []string{"SC", "CN"}
	parts := strings.FieldsFunc(strings.ToLower(lang), func(r rune) bool { return r == '-' || r == '_' })
	if len(parts) == 0 {
		return nil
	}
	var script, region string
	for _, p := range parts[1:] {
		switch {
		case len(p) == 4 && script == "":
			script = p
		case (len(p) == 2 || len(p) == 3 && p[0] >= '0' && p[0] <= '9') && region == "":
			region = p
		}
	}
	switch parts[0] {
	case "zh":
		switch {
		case region == "hk":
			return hk
		case script == "hant" || region == "tw" || region == "mo":
			return tw
		}
		return sc
	case "yue":
		return hk
	case "ja":
		return []string{"JP", "J"}
	case "ko":
		return []string{"KR", "K"}
	}
	return nil
}

// anyRegion is the order in which a family's regional faces are tried for
// a language that has none: the order of the Noto CJK collections.
var anyRegion = []string{"JP", "J", "KR", "K", "SC", "CN", "TC", "TW", "HK", "HC"}

// isRegionSuffix reports whether s (a family's last word) names a region
// of a CJK superfamily.
func isRegionSuffix(s string) bool {
	return slices.Contains(anyRegion, strings.ToUpper(s))
}

// FindLang is Find for a document in language lang (a BCP 47 tag): a name
// without a region ("Noto Serif CJK", "Source Han Sans") picks the face of
// the family's region for lang ("Noto Serif CJK TC" for zh-Hant, "… JP"
// for ja), and a name that names a region ("Noto Sans CJK JP") is taken as
// given. When the family has no face for lang's regions (or lang is not
// Chinese, Japanese or Korean), the exact name, then any regional face of
// the family (JP, KR, SC, TC, HK, as Noto CJK orders them), is used.
func FindLang(name, lang string) (Info, error) {
	infos, _ := systemFonts()
	return findLangIn(infos, name, lang)
}

func findLangIn(infos []Info, name, lang string) (Info, error) {
	words := strings.Fields(name)
	if len(words) > 1 && isRegionSuffix(words[len(words)-1]) {
		return findIn(infos, name)
	}
	for _, suffixes := range [][]string{regionSuffixes(lang), nil, anyRegion} {
		if suffixes == nil {
			if info, err := findIn(infos, name); err == nil {
				return info, nil
			}
			continue
		}
		for _, s := range suffixes {
			if info, err := findFamily(infos, name+" "+s); err == nil {
				return info, nil
			}
		}
	}
	return findIn(infos, name)
}

// findFamily is findIn restricted to family-name matches.
func findFamily(infos []Info, family string) (Info, error) {
	q := normName(family)
	var fam []Info
	for _, in := range infos {
		if normName(in.Family) == q {
			fam = append(fam, in)
		}
	}
	if len(fam) == 0 {
		return Info{}, fmt.Errorf("%w: %q", ErrNotFound, family)
	}
	return findIn(fam, family)
}

// ResolveLang is Resolve for a document in language lang: a font name is
// a registered compiled-in face (LookupEmbedded) or goes through FindLang, and a collection file named without a "#N" face index
// (NotoSerifCJK-Regular.ttc) gives its face for lang's region, when its
// faces are regional; otherwise face 0.
func ResolveLang(spec, lang string) (*Font, error) {
	if strings.TrimSpace(spec) == "" {
		return nil, fmt.Errorf("%w: empty font name", ErrNotFound)
	}
	if isPathSpec(spec) {
		if _, err := os.Stat(spec); err == nil {
			if i, ok := regionalFace(spec, lang); ok {
				return Load(fmt.Sprintf("%s#%d", spec, i))
			}
		}
		return Load(spec)
	}
	if e, ok := LookupEmbedded(spec); ok {
		return e.Font()
	}
	info, err := FindLang(spec, lang)
	if err != nil {
		return nil, err
	}
	return Load(info.Spec())
}

// regionalFace returns the index of the face of collection file path that
// suits lang, when the collection's faces are regional (for a language
// without regional faces, the first in Noto's order, JP).
func regionalFace(path, lang string) (int, bool) {
	infos := scanFile(path)
	if len(infos) < 2 {
		return 0, false
	}
	for _, s := range append(regionSuffixes(lang), anyRegion...) {
		for _, in := range infos {
			words := strings.Fields(in.Family)
			if len(words) > 1 && strings.EqualFold(words[len(words)-1], s) {
				return in.Index, true
			}
		}
	}
	return 0, false
}

// BoldSibling returns the installed bold face of f's family (for Noto
// Serif CJK TC Regular, Noto Serif CJK TC Bold, from NotoSerifCJK-Bold.ttc),
// preferring one with the same outline format. It fails with an error
// wrapping ErrNotFound when f is bold already or its family has no bold
// face installed.
func BoldSibling(f *Font) (*Font, error) {
	infos, _ := systemFonts()
	return boldSiblingIn(infos, f)
}

func boldSiblingIn(infos []Info, f *Font) (*Font, error) {
	fam := normName(f.Family())
	if f.Bold() || fam == "" {
		return nil, fmt.Errorf("%w: no bold face for %s", ErrNotFound, f)
	}
	var best *Info
	for i, in := range infos {
		if normName(in.Family) != fam || styleRank(in.Style) != 1 {
			continue
		}
		if best == nil || (in.Format == FormatCFF) == f.CFF() && (best.Format == FormatCFF) != f.CFF() {
			best = &infos[i]
		}
	}
	if best == nil {
		return nil, fmt.Errorf("%w: no bold face of %q installed", ErrNotFound, f.Family())
	}
	b, err := Load(best.Spec())
	if err != nil {
		return nil, err
	}
	if !b.Bold() {
		return nil, fmt.Errorf("%w: %s is not bold", ErrNotFound, best.Spec())
	}
	return b, nil
}
