package fonts

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Formats reported in Info.Format.
const (
	FormatTrueType       = "truetype"        // a .ttf (TrueType outlines)
	FormatCFF            = "cff"             // CFF outlines ('OTTO'): a .otf, or a face of a .ttc/.otc, extracted on load
	FormatCollectionFace = "collection-face" // a TrueType face of a .ttc, extracted on load
)

// Info describes one installed font face, as read from its name table.
type Info struct {
	Family         string // typographic family, e.g. "Noto Sans CJK SC"
	Style          string // subfamily, e.g. "Bold"
	FullName       string // e.g. "Noto Sans CJK SC Bold"
	PostScriptName string // e.g. "NotoSansCJKsc-Bold"
	Path           string // the font file
	Index          int    // face index in a collection, 0 otherwise
	Format         string // FormatTrueType, FormatCFF or FormatCollectionFace
}

// Spec returns the argument for Load: Path, with a "#Index" suffix for a
// collection face.
func (i Info) Spec() string {
	if i.Index == 0 && i.Format != FormatCollectionFace {
		return i.Path
	}
	return i.Path + "#" + strconv.Itoa(i.Index)
}

// Dirs returns the font directories of the operating system and the user,
// user directories first:
//
//   - linux and other Unix: $XDG_DATA_HOME/fonts (if set), ~/.local/share/fonts,
//     ~/.fonts, /usr/local/share/fonts, /usr/share/fonts
//   - darwin: ~/Library/Fonts, /Library/Fonts, /System/Library/Fonts,
//     /System/Library/Fonts/Supplemental
//   - windows: %WINDIR%\Fonts, %LOCALAPPDATA%\Microsoft\Windows\Fonts
//
// Directories that do not exist are included; List skips them.
func Dirs() []string {
	home, _ := os.UserHomeDir()
	return dirsFor(runtime.GOOS, os.Getenv, home)
}

func dirsFor(goos string, getenv func(string) string, home string) []string {
	var dirs []string
	addHome := func(rel ...string) {
		if home != "" {
			dirs = append(dirs, filepath.Join(append([]string{home}, rel...)...))
		}
	}
	switch goos {
	case "windows":
		win := getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		dirs = append(dirs, win+`\Fonts`)
		if l := getenv("LOCALAPPDATA"); l != "" {
			dirs = append(dirs, l+`\Microsoft\Windows\Fonts`)
		}
	case "darwin", "ios":
		addHome("Library", "Fonts")
		dirs = append(dirs, "/Library/Fonts", "/System/Library/Fonts", "/System/Library/Fonts/Supplemental")
	default:
		if x := getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
			dirs = append(dirs, filepath.Join(x, "fonts"))
		}
		addHome(".local", "share", "fonts")
		addHome(".fonts")
		dirs = append(dirs, "/usr/local/share/fonts", "/usr/share/fonts")
	}
	return slices.Compact(dirs)
}

// fontExt reports whether name has a font file extension.
func fontExt(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".ttf", ".ttc", ".otf", ".otc", ".tte", ".dfont":
		return true
	}
	return false
}

// List walks dirs (recursively) and describes every font face found in
// .ttf, .ttc, .otf and .otc files, reading only the table directory and the
// name table of each file. Directories that do not exist and files that are
// not valid fonts are skipped. The result is sorted by family, style, path
// and index, without duplicates. The error reports directories that exist
// but could not be read; the faces found elsewhere are still returned.
func List(dirs []string) ([]Info, error) {
	var infos []Info
	var errs []error
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if path == dir && !errors.Is(err, fs.ErrNotExist) {
					errs = append(errs, err)
				}
				return nil // skip unreadable subtrees
			}
			if d.IsDir() || !fontExt(path) || strings.EqualFold(filepath.Ext(path), ".dfont") {
				return nil
			}
			infos = append(infos, scanFile(path)...)
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
	}
	slices.SortFunc(infos, compareInfo)
	infos = slices.CompactFunc(infos, func(a, b Info) bool { return a.Path == b.Path && a.Index == b.Index })
	if len(errs) > 0 {
		return infos, fmt.Errorf("fonts: listing fonts: %w", errors.Join(errs...))
	}
	return infos, nil
}

func compareInfo(a, b Info) int {
	return cmp.Or(
		cmp.Compare(strings.ToLower(a.Family), strings.ToLower(b.Family)),
		cmp.Compare(styleRank(a.Style), styleRank(b.Style)),
		cmp.Compare(a.Style, b.Style),
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(a.Index, b.Index),
	)
}

// scanFile reads the faces of one font file; nil when it is not a font.
func scanFile(path string) []Info {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil
	}
	size := st.Size()
	var hdr [12]byte
	if _, err := f.ReadAt(hdr[:], 0); err != nil {
		return nil
	}
	if string(hdr[:4]) != "ttcf" {
		info, ok := scanFace(f, path, 0, size)
		if !ok {
			return nil
		}
		info.Index = 0
		return []Info{info}
	}
	n := binary.BigEndian.Uint32(hdr[8:])
	if n == 0 || n > 1024 {
		return nil
	}
	offs := make([]byte, 4*n)
	if _, err := f.ReadAt(offs, 12); err != nil {
		return nil
	}
	var infos []Info
	for i := range int(n) {
		info, ok := scanFace(f, path, int64(binary.BigEndian.Uint32(offs[4*i:])), size)
		if !ok {
			continue
		}
		info.Index = i
		if info.Format == FormatTrueType {
			info.Format = FormatCollectionFace
		}
		infos = append(infos, info)
	}
	return infos
}

// scanFace reads the table directory at off and the name table.
func scanFace(r io.ReaderAt, path string, off, size int64) (Info, bool) {
	var hdr [12]byte
	if _, err := r.ReadAt(hdr[:], off); err != nil {
		return Info{}, false
	}
	n := int(binary.BigEndian.Uint16(hdr[4:]))
	if n == 0 || n > maxTables {
		return Info{}, false
	}
	buf := make([]byte, 12+16*n)
	if _, err := r.ReadAt(buf, off); err != nil {
		return Info{}, false
	}
	dir, err := readDirectory(buf, 0, size)
	if err != nil {
		return Info{}, false
	}
	rec, ok := dir.find("name")
	if !ok || rec.Length > 1<<20 {
		return Info{}, false
	}
	nameData := make([]byte, rec.Length)
	if _, err := r.ReadAt(nameData, int64(rec.Offset)); err != nil {
		return Info{}, false
	}
	nm := parseNames(nameData)
	if nm.familyName() == "" {
		return Info{}, false
	}
	format := FormatTrueType
	if _, glyf := dir.find("glyf"); dir.Version == tagOTTO || !glyf {
		format = FormatCFF
	}
	return Info{
		Family:         nm.familyName(),
		Style:          nm.styleName(),
		FullName:       nm.full,
		PostScriptName: nm.postscript,
		Path:           path,
		Format:         format,
	}, true
}

// styleRank orders styles: regular first, then bold, italic, bold italic,
// then anything else (light, condensed, ...).
func styleRank(style string) int {
	switch strings.ToLower(strings.TrimSpace(style)) {
	case "", "regular", "normal", "book", "roman", "plain", "medium":
		return 0
	case "bold":
		return 1
	case "italic", "oblique":
		return 2
	case "bold italic", "bold oblique", "bolditalic":
		return 3
	}
	return 4
}

// normName folds case and drops spaces, hyphens and underscores, so that
// "liberation sans", "LiberationSans" and "Liberation-Sans" match.
func normName(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '_':
			return -1
		}
		return r
	}, strings.ToLower(s))
}

var systemFonts = sync.OnceValues(func() ([]Info, error) { return List(Dirs()) })

// Find looks name up among the fonts installed in Dirs() (scanned once per
// process) and returns the best match: see FindIn.
func Find(name string) (Info, error) {
	infos, _ := systemFonts()
	return findIn(infos, name)
}

// FindIn looks name up among the fonts of dirs. The match ignores case,
// spaces, hyphens and underscores and is tried against the family, the full
// name and the PostScript name. Among several matches it prefers an exact
// full or PostScript name match, then the regular style. No match gives an
// error wrapping ErrNotFound. See FindLang for regional faces.
func FindIn(dirs []string, name string) (Info, error) {
	infos, _ := List(dirs)
	return findIn(infos, name)
}

func findIn(infos []Info, name string) (Info, error) {
	q := normName(name)
	if q == "" {
		return Info{}, fmt.Errorf("%w: empty font name", ErrNotFound)
	}
	type cand struct {
		info   Info
		byName int
	}
	var cands []cand
	for _, in := range infos {
		c := cand{info: in, byName: 1}
		switch {
		case normName(in.FullName) == q || normName(in.PostScriptName) == q:
			c.byName = 0
		case normName(in.Family) == q:
		default:
			continue
		}
		cands = append(cands, c)
	}
	if len(cands) == 0 {
		return Info{}, notFound(infos, name, q)
	}
	best := slices.MinFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(a.byName, b.byName), compareInfo(a.info, b.info))
	})
	return best.info, nil
}

func notFound(infos []Info, name, q string) error {
	var similar []string
	for _, in := range infos {
		f := normName(in.Family)
		if (strings.Contains(f, q) || strings.Contains(q, f) && len(f) >= 4) && !slices.Contains(similar, in.Family) {
			similar = append(similar, in.Family)
			if len(similar) == 3 {
				break
			}
		}
	}
	hint := ""
	if len(similar) > 0 {
		hint = "; did you mean " + strings.Join(quoteAll(similar), " or ") + "?"
	}
	return fmt.Errorf("%w: %q is not installed in the font directories (give a font file path instead)%s", ErrNotFound, name, hint)
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}

// Resolve returns the font named by spec: a file path (when the file
// exists, or spec has a font file extension or a path separator; "#N"
// selects a collection face) loaded with Load, or else a font name: a
// face compiled in and registered (LookupEmbedded), or one installed,
// looked up with Find. It is ResolveLang without a language: a collection of
// regional faces named without "#N" gives its Japanese face, as Noto CJK
// orders them.
func Resolve(spec string) (*Font, error) {
	return ResolveLang(spec, "")
}

// isPathSpec reports whether a --font argument names a file rather than a
// font.
func isPathSpec(spec string) bool {
	file, _, _ := splitFace(spec)
	_, err := os.Stat(file)
	return err == nil || fontExt(file) || strings.ContainsRune(spec, os.PathSeparator) || strings.ContainsRune(spec, '/')
}
