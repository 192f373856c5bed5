package main

// The filesystems docconv-beam reads and writes besides local paths (which
// the pipeline package links): gs://, which Beam links anyway (textio, the
// Dataflow runner), and s3:// (see fs_s3.go).
import _ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
