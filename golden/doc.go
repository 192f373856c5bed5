// Package golden puts docconv's outputs under golden-file tests: it turns
// a PDF, EPUB or XLSX file into a stable, human-diffable text projection,
// and compares projections with golden files, printing a unified diff when
// they differ.
//
//	func TestReport(t *testing.T) {
//		var out bytes.Buffer
//		err := convert.Convert(ctx, &out, strings.NewReader(src), &convert.Options{From: "text", To: "pdf"})
//		require.NoError(t, err)
//		golden.AssertOutput(t, "testdata/report.pdf.golden", out.Bytes())
//	}
//
// go test -update rewrites the golden files; review them with git diff and
// commit them. The docconv command prints the same projection:
// docconv inspect FILE.
//
// # Projections
//
// A projection is UTF-8 text. It starts with a line "docconv-golden/1 KIND"
// (the number changes when the layout of a projection does; within one
// number, a change of projection is a change of the file), then sections
// that start with "== NAME" lines:
//
// PDF: the header version, the page count and the catalog's /Lang; "info"
// — the document information dictionary, one "Key: value" a line, sorted;
// "fonts" — one line per font the pages use, sorted: base font (with its
// subset tag), subtype (Type0/CIDFontType2 …), encoding, embedded or not,
// ToUnicode or not; "outline" — the bookmarks, two spaces of indent per
// level, "title -> page N"; then "page N (W x H pt)" for each page with its
// text, one line per baseline in drawing order, as the fonts' ToUnicode
// maps and /ActualText marked content give it (a gap of a third of an em
// between two runs reads as a space).
//
// EPUB: "files" — every entry in archive order with its compression and
// size; then each text entry (container, package document, navigation,
// XHTML, CSS) in full under its name, and each binary one (fonts, images)
// as its SHA-256.
//
// XLSX: "properties" — the core document properties; then "sheet N: NAME
// (DIMENSION)" for each sheet: its rows as tab-separated raw values, then
// "-- cell types and number formats", one line per run of cells of a
// column that share a type and a number format ("E3:E10 number #,##0"),
// "-- formulas" and "-- merged cells" where there are any.
//
// Text formats (HTML, Markdown, plain text, JSON) are their own projection.
//
// The projections do not hide what a format stores: a PDF's or EPUB's
// dates are in them, so a test that wants stable projections pins the
// time (convert.Options.ModTime, or SOURCE_DATE_EPOCH; see the README's
// "Determinism").
//
// # The -update flag
//
// In a test binary, the package registers the boolean flag -update on the
// default flag set, unless a flag of that name is registered already (a
// program that is not a test gets no flag). A test package that imports golden therefore must not define a
// flag named "update" itself (the flag package would panic on the second
// definition); it reads golden.Update() instead.
package golden
