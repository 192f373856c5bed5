package convert

// Version is docconv's release, stamped into outputs ("docconv 0.2.0-dev"
// as the PDF producer), so outputs are byte-identical for the same input,
// options and version. Between releases it is the next release with
// "-dev": outputs may then change from one commit to the next (each change
// is listed in CHANGELOG.md), and `docconv --version` names the commit.
// A release removes "-dev" and is tagged vX.Y.Z.
const Version = "0.2.0-dev"
