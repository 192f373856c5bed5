package fonts

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Role is what a registered face is for in the documents of its language.
type Role uint8

const (
	// RoleBody is the face of running text: a Ming/Song, Mincho or
	// Myeongjo face for CJK, a serif for Latin.
	RoleBody Role = iota + 1
	// RoleHeading is the face of titles, headings and running heads: a
	// Hei or Gothic face for CJK, a sans-serif for Latin.
	RoleHeading
	// RoleMono is the face of code.
	RoleMono
	// RoleFallback faces come after the body and heading faces in every
	// chain, for the characters those lack.
	RoleFallback
)

// String returns the role's name as --list-fonts shows it.
func (r Role) String() string {
	switch r {
	case RoleBody:
		return "body"
	case RoleHeading:
		return "heading"
	case RoleMono:
		return "code"
	case RoleFallback:
		return "fallback"
	}
	return fmt.Sprintf("Role(%d)", int(r))
}

// Use is a language and role an embedded face is a default for.
type Use struct {
	// Lang is a region key of LangRegions ("zh-Hant", "zh-HK", "zh-Hans",
	// "ja", "ko"), or "" for every language (Latin faces and coverage
	// fallbacks).
	Lang string
	Role Role
	// Ranges, when not nil, are the only characters a writer looks the
	// face up for in this use, so that a fallback face is not loaded (and
	// decompressed) for characters it cannot have. Nil means any.
	Ranges *unicode.RangeTable
}

// Embedded describes a font face compiled into the program and registered
// with Register, so that writers can use it as a default and users can
// name it (Resolve, --font) like an installed font. The packages under
// fonts/embedded register their faces when imported.
type Embedded struct {
	// Family and Style are the face's names, as in its name table.
	Family, Style string
	// Bold and Italic tell the style (a writer uses synthetic bold or
	// slant when a role has no face of the style asked for).
	Bold, Italic bool
	// Format is the outline format, FormatTrueType or FormatCFF.
	Format string
	// Region describes the glyph forms, e.g. "Traditional Chinese
	// (Taiwan)", for --list-fonts.
	Region string
	// Uses are the languages and roles the face is a default for.
	Uses []Use
	// License is the SPDX identifier of the font's license and Source
	// where the file comes from (package and version).
	License, Source string
	// Load returns the parsed face; it is called at most once, on first
	// use, and its result is shared.
	Load func() (*Font, error)

	once sync.Once
	font *Font
	err  error
}

// Font returns the parsed face, loading it on the first call (an embedded
// package may decompress it then). It is safe for concurrent use.
func (e *Embedded) Font() (*Font, error) {
	e.once.Do(func() {
		if e.Load == nil {
			e.err = fmt.Errorf("%w: embedded font %s %s has no loader", ErrInvalid, e.Family, e.Style)
			return
		}
		e.font, e.err = e.Load()
		if e.err != nil {
			e.err = fmt.Errorf("embedded font %s %s: %w", e.Family, e.Style, e.err)
		}
	})
	return e.font, e.err
}

// Name returns "Family Style", or the family alone for a regular face.
func (e *Embedded) Name() string {
	if e.Style == "" || strings.EqualFold(e.Style, "Regular") {
		return e.Family
	}
	return e.Family + " " + e.Style
}

func (e *Embedded) firstUse() Use {
	if len(e.Uses) == 0 {
		return Use{}
	}
	return e.Uses[0]
}

var registry struct {
	sync.RWMutex
	faces []*Embedded
}

// Register adds a compiled-in face to the registry. Embedded packages call
// it from their init functions; programs may register faces of their own
// (a Load that returns a *Font parsed from go:embed data) to change the
// defaults of every writer. A face whose Family and Style are already
// registered replaces the earlier one.
func Register(e *Embedded) {
	registry.Lock()
	defer registry.Unlock()
	for i, o := range registry.faces {
		if normName(o.Family) == normName(e.Family) && normName(o.Style) == normName(e.Style) {
			registry.faces[i] = e
			return
		}
	}
	registry.faces = append(registry.faces, e)
}

// Registered returns the registered faces in a fixed order: by the
// language and role of their first use ("" first), family, then regular
// before bold and italic.
func Registered() []*Embedded {
	registry.RLock()
	out := slices.Clone(registry.faces)
	registry.RUnlock()
	slices.SortStableFunc(out, func(a, b *Embedded) int {
		ua, ub := a.firstUse(), b.firstUse()
		return cmp.Or(cmp.Compare(ua.Lang, ub.Lang), cmp.Compare(ua.Role, ub.Role), cmp.Compare(a.Family, b.Family),
			cmp.Compare(styleRank(a.Style), styleRank(b.Style)), cmp.Compare(a.Style, b.Style))
	})
	return out
}

// LookupEmbedded returns the registered face named name: its family (the
// regular face, or the first registered), its full name ("NanumGothic
// Bold") or the family and style, ignoring case, spaces, hyphens and
// underscores, as Find does for installed fonts.
func LookupEmbedded(name string) (*Embedded, bool) {
	q := normName(name)
	if q == "" {
		return nil, false
	}
	var best *Embedded
	for _, e := range Registered() {
		switch {
		case normName(e.Family+e.Style) == q || normName(e.Name()) == q:
			return e, true
		case best == nil && normName(e.Family) == q:
			best = e
		}
	}
	return best, best != nil
}

// LangRegions returns the region keys of Embedded.Lang that serve a
// document in language tag (BCP 47), most specific first: zh-HK and zh-MO
// give "zh-HK" then "zh-Hant"; zh-Hant and zh-TW "zh-Hant"; zh, zh-Hans,
// zh-CN and zh-SG "zh-Hans"; ja "ja"; ko "ko"; anything else none.
func LangRegions(tag string) []string {
	parts := strings.Split(strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-")), "-")
	has := func(s string) bool { return slices.Contains(parts[1:], s) }
	switch parts[0] {
	case "zh", "cmn", "yue", "lzh", "nan", "hak":
		switch {
		case has("hk") || has("mo") || parts[0] == "yue" && !has("hans") && !has("cn"):
			return []string{"zh-HK", "zh-Hant"}
		case has("hant") || has("tw"):
			return []string{"zh-Hant"}
		}
		return []string{"zh-Hans"}
	case "ja", "jpn":
		return []string{"ja"}
	case "ko", "kor":
		return []string{"ko"}
	}
	return nil
}

// Default is a registered face chosen for a document (see Defaults).
type Default struct {
	*Embedded
	// Lang is the region key the face was chosen for ("" for every
	// language).
	Lang string
	// Ranges, when not nil, limit the characters the face is used for.
	Ranges *unicode.RangeTable
}

// Defaults returns the registered faces of a role for a document in
// language tag, in the order a fallback chain should try them: the faces
// of the most specific region first (LangRegions), then those for every
// language (Lang ""). Within each, faces matching bold and italic come
// first, then the regular face of the families without that style (to be
// emboldened or slanted by the writer); faces of other styles are left
// out.
func Defaults(tag string, role Role, bold, italic bool) []Default {
	regions := append(LangRegions(tag), "")
	var out []Default
	all := Registered()
	for _, region := range regions {
		var exact, plain []Default
		for _, e := range all {
			for _, u := range e.Uses {
				if u.Lang != region || u.Role != role {
					continue
				}
				switch {
				case e.Bold == bold && e.Italic == italic:
					exact = append(exact, Default{e, u.Lang, u.Ranges})
				case !e.Bold && !e.Italic:
					plain = append(plain, Default{e, u.Lang, u.Ranges})
				}
			}
		}
		for _, p := range plain {
			if !slices.ContainsFunc(exact, func(e Default) bool { return e.Family == p.Family }) {
				exact = append(exact, p)
			}
		}
		out = append(out, exact...)
	}
	return out
}
