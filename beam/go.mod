module github.com/docconv/docconv/beam

go 1.26.8

require github.com/docconv/docconv v0.0.0

require github.com/apache/beam/sdks/v2 v2.78.0 // indirect

replace github.com/docconv/docconv => ../
