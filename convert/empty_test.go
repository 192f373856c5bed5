package convert_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
)

// An input with no text is still converted, with one warning.
func TestReadEmptyInputWarns(t *testing.T) {
	for _, in := range []string{"", " ", "\n\n", "\t \r\n", "\u3000\n", "\uFEFF", "\uFEFF \n"} {
		rep := &convert.Report{}
		d, err := convert.Read(context.Background(), strings.NewReader(in), &convert.Options{From: "lines-test", Report: rep})
		require.NoError(t, err, "%q", in)
		require.NotNil(t, d)
		assert.Equal(t, []string{"input is empty"}, rep.Warnings(), "%q", in)
	}
	for _, in := range []string{"x", " .\n", "\uFEFFa"} {
		rep := &convert.Report{}
		_, err := convert.Read(context.Background(), strings.NewReader(in), &convert.Options{From: "lines-test", Report: rep})
		require.NoError(t, err, "%q", in)
		assert.Empty(t, rep.Warnings(), "%q", in)
	}
	// A report shared by several reads gets one warning per empty input.
	rep := &convert.Report{}
	for range 2 {
		_, err := convert.Read(context.Background(), strings.NewReader(""), &convert.Options{From: "lines-test", Report: rep})
		require.NoError(t, err)
	}
	assert.Equal(t, []string{"input is empty", "input is empty"}, rep.Warnings())
}
