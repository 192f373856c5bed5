module github.com/docconv/docconv

go 1.26.8

require (
	github.com/aymanbagabas/go-udiff v0.4.2 // unified diffs for the golden kit
	github.com/go-fonts/liberation v0.3.3 // Latin default faces (SIL OFL), embedded
	github.com/go-shiori/go-epub v1.2.1 // EPUB builder (required by the brief; pinned, wrapped for determinism)
	github.com/go-text/typesetting v0.3.5 // UAX #14 line-break segmenter
	github.com/jung-kurt/gofpdf v1.16.2 // PDF objects and font embedding (required; layout is ours)
	github.com/klauspost/compress v1.20.5 // zstd: the embedded IPAex and Nanum fonts are stored compressed
	github.com/longbridgeapp/opencc v0.3.13 // Traditional <-> Simplified Chinese
	github.com/spf13/pflag v1.1.0 // pandoc/GNU-style flags, also after the inputs
	github.com/stretchr/testify v1.12.1 // tests (required)
	github.com/vbauerster/mpb/v8 v8.16.2 // progress bar of batch runs, on a terminal only
	github.com/xuri/excelize/v2 v2.11.1 // XLSX (required)
	github.com/yuin/goldmark v1.8.7 // CommonMark + GFM reader
	golang.org/x/image v0.48.0 // font/sfnt cross-checks of our TrueType parser
	golang.org/x/net v0.62.0 // HTML parser and charsets (HTML reader), raw HTML in Markdown, IDNA for link hosts
	golang.org/x/sys v0.50.0 // pseudo-terminal ioctls in the CLI's no-input test (unix)
	golang.org/x/term v0.48.0 // is standard input a terminal (no input: usage, not a silent wait)
	golang.org/x/text v0.44.0 // NFC, East Asian width
	gopkg.in/yaml.v3 v3.0.1 // YAML front matter
)

require (
	github.com/VividCortex/ewma v1.2.0 // indirect
	github.com/acarl005/stripansi v0.0.0-20180116102854-5a71ef0e047d // indirect
	github.com/clipperhouse/uax29/v2 v2.7.0 // indirect
	github.com/gabriel-vasile/mimetype v1.4.3 // indirect
	github.com/gofrs/uuid/v5 v5.0.0 // indirect
	github.com/liuzl/cedar-go v0.0.0-20170805034717-80a9c64b256d // indirect
	github.com/liuzl/da v0.0.0-20180704015230-14771aad5b1d // indirect
	github.com/mattn/go-runewidth v0.0.30 // indirect
	github.com/richardlehane/mscfb v1.0.9 // indirect
	github.com/richardlehane/msoleps v1.0.6 // indirect
	github.com/tiendc/go-deepcopy v1.7.2 // indirect
	github.com/vbauerster/cupwriter v0.0.5 // indirect
	github.com/vincent-petithory/dataurl v1.0.0 // indirect
	github.com/xuri/efp v0.0.3-0.20260924042702-217b81952dec // indirect
	github.com/xuri/nfp v0.0.2-0.20250530014748-2ddeb826f9a9 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/crypto v0.58.0 // indirect
)
