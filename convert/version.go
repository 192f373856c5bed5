package convert

// Version is docconv's version. Writers stamp it into outputs ("docconv
// 0.1.0" as PDF producer, EPUB generator), so outputs are byte-identical for
// the same input, options and version.
const Version = "0.1.0"
