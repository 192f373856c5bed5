package convert

// Image is an image shown among the text (Markdown ![alt](src "title"),
// HTML <img>). An image that stands alone, with a caption, is a
// FigureBlock holding one.
type Image struct {
	// Src is the image's address as written in the source: a path
	// relative to the input file (or a resource directory), an http(s)
	// URL, or a data: URI.
	Src string
	// Alt is the alternative text, read in place of the image (text and
	// PDF text layers, screen readers). "" marks a decorative image.
	Alt   string
	Title string
	// Width and Height are the intrinsic size in pixels once the image
	// was decoded (see ResolveImages); 0 when unknown.
	Width, Height int
	// MediaType is the type sniffed from the image's bytes (image/png,
	// image/jpeg, image/gif, image/webp, image/svg+xml); "" when the
	// image was not read.
	MediaType string
	// Resource is the image's data, read once per file and shared by
	// every Image of the same file; nil when the image was not read (a
	// remote URL, a missing or refused file, a document built by hand).
	Resource *Resource `json:"-"`
}

// Resource is an image file read by ResolveImages: its bytes, read once,
// and what was learnt from them.
type Resource struct {
	// Name is the file's path relative to the resource directory it was
	// found in, slash-separated and clean ("img/chart.png"), or "data-N.EXT"
	// for a data: URI. It is unique within a document; writers that copy
	// images (EPUB, HTML) use it as the file's name.
	Name string
	// MediaType is the type sniffed from Data (never from the name).
	MediaType string
	Data      []byte
	// Width and Height are the size in pixels from the image header (SVG:
	// from its width/height or viewBox, 0 when it states none), as the
	// image is shown: turned by its Orientation.
	Width, Height int
	// DPI is the density the file states (PNG pHYs, JPEG JFIF), 0 when it
	// states none.
	DPI float64
	// Orientation is the EXIF orientation of a JPEG (see
	// ImageInfo.Orientation): the pixels in Data are stored unturned,
	// and writers that place them (PDF) turn them; browsers and reading
	// systems turn JPEGs themselves (CSS image-orientation: from-image).
	Orientation int
}

// FigureBlock is a figure: an image or a table, with a caption, kept
// together on a page. (The model's Figure is a number found in the text,
// hence the name.) Exactly one of Image and Table is set.
type FigureBlock struct {
	ID      string // optional anchor, unique within the document when set
	Image   *Image
	Table   *Table
	Caption []Inline
}

func (*Image) isInline()      {}
func (*FigureBlock) isBlock() {}

// Img returns an image of src with alt text alt.
func Img(src, alt string) *Image { return &Image{Src: src, Alt: alt} }

// Fig returns a figure of an image with a caption of parts.
func Fig(img *Image, caption ...any) *FigureBlock {
	return &FigureBlock{Image: img, Caption: Inlines(caption...)}
}
