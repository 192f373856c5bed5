package convert_test

import (
	"context"
	"errors"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docconv/docconv/convert"
)

func init() {
	convert.Register(convert.Format{
		Name:    "vars-test",
		Aliases: []string{"vt"},
		NewWriter: func(*convert.Options) convert.Writer {
			return convert.WriterFunc(func(context.Context, io.Writer, *convert.Document) error { return nil })
		},
		Variables: []convert.Variable{
			{Key: "indent", Kind: convert.VarNumber, Default: "2", Usage: "indent"},
			{Key: "fontsize", Kind: convert.VarNumber, Min: 4, Max: 72, Default: "10", Usage: "size"},
			{Key: "header", Kind: convert.VarBool, Default: "true", Usage: "head"},
			{Key: "width", Kind: convert.VarInt, Min: 1, Default: "80", Usage: "width"},
			{Key: "margin", Kind: convert.VarNumber, Above: true, Default: "auto", Usage: "margin"},
		},
	})
}

func TestCheckVars(t *testing.T) {
	assert.NoError(t, convert.CheckVars(nil))
	assert.NoError(t, convert.CheckVars(map[string]string{"vars-test.indent": "1.5", "vars-test.header": "No", "vars-test.width": "40", "vars-test.margin": "0.5"}))

	err := convert.CheckVars(map[string]string{"vars-test.indnet": "0"})
	assert.True(t, errors.Is(err, convert.ErrUnknownVariable))
	assert.EqualError(t, err, `unknown variable "vars-test.indnet" (did you mean vars-test.indent?)`)

	err = convert.CheckVars(map[string]string{"vars-test.fontsize": "3"})
	assert.True(t, errors.Is(err, convert.ErrBadVariable))
	assert.EqualError(t, err, `vars-test.fontsize: bad variable value "3": want number 4…72`)

	for _, v := range []string{"abc", "NaN", "Inf", "-1", ""} {
		assert.ErrorIs(t, convert.CheckVars(map[string]string{"vars-test.indent": v}), convert.ErrBadVariable, v)
	}
	assert.ErrorIs(t, convert.CheckVars(map[string]string{"vars-test.width": "1e5"}), convert.ErrBadVariable)
	assert.ErrorIs(t, convert.CheckVars(map[string]string{"vars-test.margin": "0"}), convert.ErrBadVariable)
	assert.EqualError(t, convert.CheckVars(map[string]string{"vt.header": "1"}), `unknown variable "vt.header" (did you mean vars-test.header?)`)
	_, ok := convert.LookupVar("vars-test.header")
	assert.True(t, ok)
}

func TestParseVarBool(t *testing.T) {
	for s, want := range map[string]bool{"": true, "1": true, "TRUE": true, "yes": true, "on": true,
		"0": false, "False": false, "no": false, " off ": false} {
		got, ok := convert.ParseVarBool(s)
		assert.True(t, ok, s)
		assert.Equal(t, want, got, s)
	}
	_, ok := convert.ParseVarBool("maybe")
	assert.False(t, ok)
}
