// Package xlsx writes a document's figures as an Excel workbook (Office Open
// XML SpreadsheetML, ECMA-376 / ISO/IEC 29500) with excelize
// (https://github.com/xuri/excelize).
//
// The workbook has these sheets:
//
//   - Figures (first, active): one row per figure with the columns No,
//     Section, Paragraph, Text, Value, Unit, Kind, Context, Bound, Date.
//     Date is the figure's ISO 8601 date (figures.ISODate): for a complete
//     date a real date cell (yyyy-mm-dd), for a year its Gregorian year as
//     text ("2024"; "1684" for 康熙二十三年, whose Value is 23), for a
//     partial date the ISO text "--03-15", "--04", "2024-01". Bound is
//     the figure's convert.Bound: at-least (超過, more than), at-most (不到,
//     less than, up to), about (約, about), empty when exact; Value is then
//     the number written, the bound itself. Value is a
//     numeric cell with a number format per kind: percentages 0.0% (Value is
//     the fraction), money #,##0 (#,##0.00 when the amount has cents),
//     years 0, complete dates (from 1900) a real date cell (yyyy-mm-dd),
//     which sorts chronologically, and partial dates their ISO 8601 text
//     (--03-15: never the meaningless number 315), other kinds #,##0 or
//     #,##0.0## for fractional values.
//     The header is bold and frozen, an autofilter covers the data, and
//     column widths count East Asian wide characters as two cells
//     (golang.org/x/text/width); Context wraps beyond Writer.ContextWidth.
//     Every text cell is a string cell: a sentence that starts with "=" is
//     never a formula.
//   - Summary: the document's metadata (title, authors, date, language,
//     source, identifier) and the number of figures by kind.
//   - Chart: when at least two comparable figures exist — amounts of money
//     in one currency (the currency with the most amounts), else
//     percentages — their values and a bar chart of them.
//
// The document properties (title, creator, keywords, description, language,
// identifier) come from Meta; the created and modified dates are
// convert.DocumentTime, never the clock. The output is byte-identical across
// runs: the ZIP archive excelize produces is rewritten with its entries in a
// fixed order, fixed times, and [Content_Types].xml defaults sorted (excelize
// appends some of them in map order).
//
// The figures come from figures.Of: Document.Figures when set, else they are
// extracted; the document is never modified. A sheet has 1,048,576 rows:
// a document of more than MaxFigures figures is refused before any work
// with an error wrapping convert.ErrLimit.
package xlsx
