package pipeline

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docconv/docconv/internal/cliopts"
)

func TestRelative(t *testing.T) {
	for _, c := range []struct {
		base, p, rel string
		ok           bool
	}{
		{"corpus", "corpus/2024/a.txt", "2024/a.txt", true},
		{"corpus/", "corpus/a.txt", "a.txt", true},
		{".", "a.txt", "a.txt", true},
		{"corpus", "corpusx/a.txt", "", false},
		{"corpus", "other/a.txt", "", false},
		{"/data/in", "/data/in/x/y.md", "x/y.md", true},
		{"/data/in", "data/in/x.md", "", false},
		{"gs://b/news", "gs://b/news/2024/a.txt", "2024/a.txt", true},
		{"gs://b/news", "gs://b/newsroom/a.txt", "", false},
		{"gs://b/news", "s3://b/news/a.txt", "", false},
		{"gs://b", "gs://b/a.txt", "a.txt", true},
		{"s3://b/", "s3://b/x/a.txt", "x/a.txt", true},
	} {
		rel, ok := relative(c.base, c.p)
		assert.Equal(t, c.ok, ok, "%s under %s", c.p, c.base)
		assert.Equal(t, c.rel, rel, "%s under %s", c.p, c.base)
	}
}

func TestPaths(t *testing.T) {
	assert.Equal(t, "corpus/2024", globRoot("corpus/2024/*/*.txt"))
	assert.Equal(t, ".", globRoot("*.txt"))
	assert.Equal(t, "corpus", globRoot("corpus/a?.txt"))
	assert.Equal(t, "gs://b/news", globRoot("gs://b/news/**/*.md"))
	assert.Equal(t, "gs://b", dir("gs://b/list.txt"))
	assert.Equal(t, "gs://b/x/a.txt", join("gs://b/x", "a.txt"))
	assert.Equal(t, "gs://b/a", clean("gs://b//x/../a"))
	assert.Equal(t, "out/2024/a", join("out", "2024/a"))
	assert.True(t, isAbs("s3://b/a.txt"))
	assert.False(t, isAbs("a.txt"))
	assert.Equal(t, "out/figures.csv", ShardName("out/figures.csv", 0, 1))
	assert.Equal(t, "out/figures-00003-of-00016.csv", ShardName("out/figures.csv", 3, 16))
	assert.Equal(t, shardOf("corpus/a.txt", 16), shardOf("corpus/a.txt", 16), "stable")
}

func TestCheck(t *testing.T) {
	c := Config{Input: "corpus/*/*.txt", Output: "out/", Formats: []string{"PDF", "epub", "pdf"}}
	assert.NoError(t, c.Check())
	assert.Equal(t, []string{"pdf", "epub"}, c.Formats)
	assert.Equal(t, "corpus", c.Base)
	assert.Equal(t, "out", c.Output)
	assert.Equal(t, 1, c.Shards)
	for _, bad := range []struct {
		c    Config
		want string
	}{
		{Config{Output: "o", Formats: []string{"pdf"}}, "no inputs"},
		{Config{Input: "a", Manifest: "b", Output: "o", Formats: []string{"pdf"}}, "exclude"},
		{Config{Input: "a", Formats: []string{"pdf"}}, "no output"},
		{Config{Input: "a", Output: "o"}, "no output format"},
		{Config{Input: "a", Output: "o", Formats: []string{"doc"}}, "-t"},
		{Config{Input: "a", Output: "o", Formats: []string{"pdf"}, Settings: cliopts.Settings{PageSize: "A3"}}, "--page-size"},
		{Config{Input: "a", Output: "o", Formats: []string{"pdf"}, SourceDateEpoch: "yesterday"}, "SOURCE_DATE_EPOCH"},
		{Config{Input: "hdfs://x/a", Output: "o", Formats: []string{"pdf"}}, "no filesystem"},
	} {
		err := bad.c.Check()
		if assert.Error(t, err, "%+v", bad.c) {
			assert.Contains(t, err.Error(), bad.want)
		}
	}
}
