package convert

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"image"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// The limits ResolveImages applies to every image. An image over a limit
// is not read (a warning, an error under Options.Strict); its alt text is
// shown instead.
const (
	// MaxImageBytes is the largest image file read: 32 MiB, far above a
	// photograph or chart of an article (a few MB), far below the memory
	// of a conversion.
	MaxImageBytes = 32 << 20
	// MaxImagePixels is the largest image, width × height, that is
	// decoded: 40 million pixels (8000 × 5000, 160 MB as RGBA). A header
	// stating more — a decompression bomb of a few KB can state 65535 ×
	// 65535 — is refused before any pixel is decoded.
	MaxImagePixels = 40_000_000
	// MaxImagesBytes is the most image data one document reads, all its
	// images together: 256 MiB (DefaultMaxInputSize).
	MaxImagesBytes = 256 << 20
)

// ResourceDirs returns the directories ResolveImages searches, in order:
// the directory of the input file (the working directory for standard
// input), then Options.ResourcePath.
func (o *Options) ResourceDirs() []string {
	o = o.orDefault()
	first := "."
	if o.SourcePath != "" && o.SourcePath != "-" {
		first = filepath.Dir(o.SourcePath)
	}
	dirs := []string{first}
	for _, d := range o.ResourcePath {
		if d != "" && !containsString(dirs, d) {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ResolveImages reads the image of every Image of d (in figures, links,
// table cells…) and sets its Width, Height, MediaType and Resource. Read
// calls it after the reader; a program that builds a Document itself may
// call it too. Its policy, like pandoc's --sandbox:
//
//   - A relative path is looked up in opts.ResourceDirs(), in order: the
//     input file's directory (the working directory for standard input),
//     then each Options.ResourcePath directory. A path that leaves the
//     directory (../../etc/passwd), an absolute path outside every
//     resource directory, and a symbolic link leading out of it are
//     refused; only regular files are read (no device, no FIFO).
//   - http(s) images are never fetched: the image keeps its source and
//     the writers show its alt text (HTML links to it); the report says
//     so. Other URL schemes (file:, ftp:…) are refused. A data: URI is
//     decoded.
//   - Every file is read once, however many images show it; its type is
//     sniffed from the bytes (PNG, JPEG, GIF, WebP, SVG), its size read
//     from the header (image.DecodeConfig) and checked against
//     MaxImagePixels before the pixels are decoded to check that the file
//     is whole (an SVG is scanned instead: scripts, embedded content,
//     event attributes and references to other resources are refused);
//     MaxImageBytes and MaxImagesBytes bound what is read.
//
// A missing, unreadable, refused, oversized or corrupt image is a warning
// in opts.Report (its alt text is shown instead; an image without alt text
// is left out, and the warning says so) or, under Options.Strict,
// an error wrapping ErrStrict that names the image. Remote images are a
// warning in both cases. When ctx is done it returns ctx.Err().
func ResolveImages(ctx context.Context, d *Document, opts *Options) error {
	opts = opts.orDefault()
	var imgs []*Image
	Inspect(d.Blocks, func(n any) bool {
		if im, ok := n.(*Image); ok && im != nil {
			imgs = append(imgs, im)
		}
		return true
	})
	if len(imgs) == 0 {
		return nil
	}
	r := &resolver{opts: opts, ctx: ctx, cache: map[string]*resolved{}, names: map[string]bool{}}
	r.openDirs()
	defer r.close()
	read, remote := map[*Resource]bool{}, 0
	for _, im := range imgs {
		if err := ctx.Err(); err != nil {
			return err
		}
		res := r.resolve(im.Src)
		if res.remote {
			remote++
			if !res.warned {
				res.warned = true
				opts.Report.Warn("image %q: remote images are never fetched; %s (HTML output links to it)", im.Src, altShown(im))
			}
			continue
		}
		if res.err != nil {
			if opts.Strict {
				return fmt.Errorf("image %q: %w: %w", im.Src, ErrStrict, res.err)
			}
			if !res.warned {
				res.warned = true
				opts.Report.Warn("image %q: %v; %s", im.Src, res.err, altShown(im))
			}
			continue
		}
		read[res.res] = true
		im.Resource = res.res
		im.MediaType = res.res.MediaType
		if res.res.Width > 0 {
			im.Width, im.Height = res.res.Width, res.res.Height
		}
	}
	opts.Report.Add("images", "image files read", len(read))
	opts.Report.Add("images", "remote images not fetched", remote)
	return nil
}

// altShown says what the reader sees of an image that was not read, for
// the warning: its alt text, or nothing when it has none (![](x.png), a
// decorative <img alt="">).
func altShown(im *Image) string {
	if strings.TrimSpace(im.Alt) == "" {
		return "it has no alt text and is left out"
	}
	return "its alt text is shown"
}

type resolved struct {
	res    *Resource
	err    error
	remote bool
	warned bool
}

type resolver struct {
	ctx   context.Context
	opts  *Options
	dirs  []resourceDir
	cache map[string]*resolved // by the file's key (dir index and path) or the source
	names map[string]bool      // Resource.Name values given
	total int64
	datas int
}

type resourceDir struct {
	name string   // as given, for messages
	abs  string   // absolute, symbolic links resolved
	root *os.Root // nil when the directory cannot be opened
	err  error
}

func (r *resolver) openDirs() {
	for _, d := range r.opts.ResourceDirs() {
		rd := resourceDir{name: d}
		abs, err := filepath.Abs(d)
		if err == nil {
			if real, err2 := filepath.EvalSymlinks(abs); err2 == nil {
				abs = real
			}
			rd.abs = abs
			rd.root, err = os.OpenRoot(abs)
		}
		rd.err = err
		r.dirs = append(r.dirs, rd)
	}
}

func (r *resolver) close() {
	for _, d := range r.dirs {
		if d.root != nil {
			d.root.Close()
		}
	}
}

func (r *resolver) dirNames() string {
	names := make([]string, len(r.dirs))
	for i, d := range r.dirs {
		names[i] = d.name
	}
	return strings.Join(names, ", ")
}

// resolve finds, reads and checks the image of src, once per source and
// once per file.
func (r *resolver) resolve(src string) *resolved {
	if res, ok := r.cache["src:"+src]; ok {
		return res
	}
	res := r.lookup(src)
	r.cache["src:"+src] = res
	return res
}

func (r *resolver) lookup(src string) *resolved {
	s := strings.TrimSpace(src)
	if s == "" {
		return &resolved{err: errors.New("the image has no source")}
	}
	if scheme, _, ok := strings.Cut(s, ":"); ok && isScheme(scheme) && !(len(scheme) == 1 && filepath.Separator == '\\') {
		switch strings.ToLower(scheme) {
		case "http", "https":
			return &resolved{remote: true}
		case "data":
			return r.dataURI(s)
		}
		return &resolved{err: fmt.Errorf("%s: URLs are not read (only files in the resource directories)", strings.ToLower(scheme))}
	}
	if strings.HasPrefix(s, "//") {
		return &resolved{remote: true} // scheme-relative URL
	}
	// Try the path as written, then percent-decoded, then without a query
	// or fragment (pic.png?raw=1).
	cands := []string{s}
	if u, err := url.PathUnescape(s); err == nil && u != s {
		cands = append(cands, u)
	}
	if i := strings.IndexAny(s, "?#"); i > 0 {
		cands = append(cands, s[:i])
		if u, err := url.PathUnescape(s[:i]); err == nil && u != s[:i] {
			cands = append(cands, u)
		}
	}
	var first error
	for _, c := range cands {
		res := r.file(c)
		if res.err == nil || !errors.Is(res.err, fs.ErrNotExist) {
			return res
		}
		if first == nil {
			first = res.err
		}
	}
	return &resolved{err: first}
}

// isScheme reports whether s is a URL scheme (RFC 3986: a letter, then
// letters, digits, +, -, .).
func isScheme(s string) bool {
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// errOutside is the error for a path that leaves the resource directories.
var errOutside = errors.New("the path leads outside the resource directories")

// file finds p in the resource directories.
func (r *resolver) file(p string) *resolved {
	var rels []string // p relative to each directory ("" when outside it)
	native := filepath.FromSlash(p)
	if filepath.IsAbs(native) {
		clean := filepath.Clean(native)
		if real, err := filepath.EvalSymlinks(clean); err == nil {
			clean = real
		}
		for _, d := range r.dirs {
			rel, err := filepath.Rel(d.abs, clean)
			if d.abs == "" || err != nil || !filepath.IsLocal(rel) {
				rels = append(rels, "")
				continue
			}
			rels = append(rels, rel)
		}
	} else {
		if !filepath.IsLocal(native) {
			return &resolved{err: errOutside}
		}
		for range r.dirs {
			rels = append(rels, filepath.Clean(native))
		}
	}
	outside := true
	for i, d := range r.dirs {
		rel := rels[i]
		if rel == "" {
			continue
		}
		outside = false
		if d.root == nil {
			continue
		}
		fi, err := d.root.Stat(rel)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		key := fmt.Sprintf("file:%d:%s", i, rel)
		if res, ok := r.cache[key]; ok {
			return res
		}
		var res *resolved
		switch {
		case err != nil && strings.Contains(err.Error(), "escapes"):
			res = &resolved{err: fmt.Errorf("a symbolic link leads outside the resource directory %s", d.name)}
		case err != nil:
			res = &resolved{err: err}
		case !fi.Mode().IsRegular():
			res = &resolved{err: fmt.Errorf("%s is not a regular file", filepath.Join(d.name, rel))}
		case fi.Size() > MaxImageBytes:
			res = &resolved{err: LimitErrorf("the file is %s, larger than the %s limit for an image", FormatSize(fi.Size()), FormatSize(MaxImageBytes))}
		default:
			res = r.read(d, rel)
		}
		r.cache[key] = res
		return res
	}
	if outside {
		return &resolved{err: errOutside}
	}
	return &resolved{err: notFound(r.dirNames())}
}

// notFound is the error for an image in none of the resource directories
// (listed); it wraps fs.ErrNotExist.
type notFound string

func (e notFound) Error() string {
	return "not found in the resource directories (" + string(e) + ")"
}

func (notFound) Unwrap() error { return fs.ErrNotExist }

func (r *resolver) read(d resourceDir, rel string) *resolved {
	f, err := d.root.Open(rel)
	if err != nil {
		if strings.Contains(err.Error(), "escapes") {
			return &resolved{err: fmt.Errorf("a symbolic link leads outside the resource directory %s", d.name)}
		}
		return &resolved{err: err}
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return &resolved{err: fmt.Errorf("%s is not a regular file", filepath.Join(d.name, rel))}
	}
	data, err := ReadAll(r.ctx, f, MaxImageBytes)
	if err != nil {
		return &resolved{err: err}
	}
	name := filepath.ToSlash(rel)
	return r.check(data, name)
}

// dataURI decodes a data: URI (base64 or percent-encoded).
func (r *resolver) dataURI(s string) *resolved {
	meta, payload, ok := strings.Cut(s[len("data:"):], ",")
	if !ok {
		return &resolved{err: errors.New("malformed data: URI (no comma)")}
	}
	if int64(len(payload)) > MaxImageBytes*4/3+4 {
		return &resolved{err: LimitErrorf("the data: URI is larger than the %s limit for an image", FormatSize(MaxImageBytes))}
	}
	var data []byte
	var err error
	if strings.HasSuffix(strings.ToLower(meta), ";base64") {
		payload = strings.Map(func(c rune) rune {
			if c == ' ' || c == '\n' || c == '\r' || c == '\t' {
				return -1
			}
			return c
		}, payload)
		data, err = base64.StdEncoding.DecodeString(payload)
		if err != nil {
			data, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(payload, "="))
		}
	} else {
		var u string
		u, err = url.PathUnescape(payload)
		data = []byte(u)
	}
	if err != nil {
		return &resolved{err: fmt.Errorf("malformed data: URI: %v", err)}
	}
	r.datas++
	return r.check(data, fmt.Sprintf("data-%d", r.datas))
}

// check sniffs, measures and decodes data, and makes its Resource.
func (r *resolver) check(data []byte, name string) *resolved {
	if r.total+int64(len(data)) > MaxImagesBytes {
		return &resolved{err: LimitErrorf("the document's images are larger than the %s limit, all together", FormatSize(MaxImagesBytes))}
	}
	info, err := CheckImage(data)
	if err != nil {
		return &resolved{err: err}
	}
	r.total += int64(len(data))
	if !strings.HasPrefix(name, "data-") {
		// keep the name as written
	} else {
		name += "." + ImageExt(info.MediaType)
	}
	name = r.uniqueName(name)
	return &resolved{res: &Resource{Name: name, MediaType: info.MediaType, Data: data, Width: info.Width, Height: info.Height, DPI: info.DPI, Orientation: info.Orientation}}
}

// CheckImage checks an image's bytes as ResolveImages does: a type it
// knows (sniffed), a sane header of at most MaxImagePixels, and, but for
// SVG, pixels that decode (a truncated or corrupt file fails). Errors over
// the limit wrap ErrLimit.
func CheckImage(data []byte) (ImageInfo, error) {
	info, err := DecodeImageConfig(data)
	if err != nil {
		return info, err
	}
	if int64(info.Width)*int64(info.Height) > MaxImagePixels {
		return info, LimitErrorf("%d×%d pixels is more than the %d million pixel limit for an image", info.Width, info.Height, MaxImagePixels/1_000_000)
	}
	if info.MediaType == MediaSVG {
		if err := checkSVG(data); err != nil {
			return info, err
		}
	} else {
		// The header is sane: decode the pixels, so that a truncated or
		// corrupt file is found now, not by a writer.
		if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
			if err == io.ErrUnexpectedEOF {
				err = errors.New("unexpected end of data")
			}
			return info, fmt.Errorf("corrupt %s image (%v)", ImageExt(info.MediaType), err)
		}
	}
	return info, nil
}

// LoadImageFile reads and checks (CheckImage) an image file the user named
// (an EPUB cover, --epub-cover-image): a regular file of at most
// MaxImageBytes. It is not confined to the resource directories. Errors
// name the file.
func LoadImageFile(ctx context.Context, path string) (*Resource, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	if fi.Size() > MaxImageBytes {
		return nil, fmt.Errorf("%s: %w", path, LimitErrorf("the file is %s, larger than the %s limit for an image", FormatSize(fi.Size()), FormatSize(MaxImageBytes)))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := ReadAll(ctx, f, MaxImageBytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	info, err := CheckImage(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &Resource{Name: filepath.Base(path), MediaType: info.MediaType, Data: data, Width: info.Width, Height: info.Height, DPI: info.DPI, Orientation: info.Orientation}, nil
}

// DecodeImage decodes a resource's pixels (PNG, JPEG, GIF — its first
// frame —, WebP); an SVG is an error, it has no pixels.
func (res *Resource) DecodeImage() (image.Image, error) {
	if res.MediaType == MediaSVG {
		return nil, errors.New("an SVG image has no pixels to decode")
	}
	m, _, err := image.Decode(bytes.NewReader(res.Data))
	return m, err
}

// uniqueName returns name, or name with "-2", "-3"… before its extension
// when another file of the document has it already.
func (r *resolver) uniqueName(name string) string {
	out := name
	ext := path.Ext(name)
	for i := 2; r.names[out]; i++ {
		out = fmt.Sprintf("%s-%d%s", strings.TrimSuffix(name, ext), i, ext)
	}
	r.names[out] = true
	return out
}
