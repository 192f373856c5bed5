//go:build !docconv_nos3

package main

// s3:// is linked by default: it adds about 8 MB (5 %) to a 161 MB binary
// (stripped), and a corpus on S3 or an S3-compatible store then needs no
// rebuild. Build with -tags docconv_nos3 to leave it out.
import _ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
