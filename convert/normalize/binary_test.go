package normalize

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/docconv/docconv/convert"
	_ "github.com/docconv/docconv/formats/text"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEncodingBinary(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(rnd.UintN(256))
	}
	tests := []struct{ name, in, want string }{
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + string(noise), "binary file (PNG image), not text"},
		{"pdf", "%PDF-1.4\n" + string(noise), "binary file (PDF document), not text"},
		{"zip", "PK\x03\x04\x14\x00\x06\x00" + string(noise), "binary file (ZIP archive), not text"},
		{"gzip", "\x1f\x8b\x08\x00" + string(noise), "binary file (gzip archive), not text"},
		{"elf", "\x7fELF\x02\x01\x01\x00" + string(noise), "binary file (ELF executable), not text"},
		{"nul bytes", strings.Repeat("text\x00\x00\x00\x00", 50), "binary file, not text"},
		{"invalid utf-8", string(noise[:300]), "not UTF-8 text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, strict := range []bool{false, true} {
				_, _, err := src(t, Encoding{}, tt.in, strict)
				require.Error(t, err)
				assert.ErrorIs(t, err, convert.ErrInvalidInput)
				assert.Contains(t, err.Error(), tt.want)
				assert.True(t, strings.HasPrefix(err.Error(), "normalize: "), err.Error())
			}
		})
	}
	// Through the pipeline, the error names the file.
	_, err := convert.Read(context.Background(), strings.NewReader(tests[0].in),
		&convert.Options{SourcePath: "photo.txt", Transforms: Default()})
	require.Error(t, err)
	assert.ErrorIs(t, err, convert.ErrInvalidInput)
	assert.Contains(t, err.Error(), "photo.txt")
	assert.Contains(t, err.Error(), "binary file (PNG image), not text")

	// Text with a stray NUL or a few bad bytes, Latin-1 words, UTF-16 with a
	// byte order mark: repaired as before.
	for _, in := range []string{
		"地區沖突\x00\n壞\xff字節\n",
		"Un caf\xe9 cr\xe8me, s'il vous pla\xeet, et une cr\xeape au beurre pour la table du fond.",
		"\xff\xfe\x2d\x4e\x87\x65\n\x00",
		"\xfe\xff\x4e\x2d\x65\x87\x00\n",
		"%PDF is how the format starts",
	} {
		_, _, err := src(t, Encoding{}, in, false)
		assert.NoError(t, err, "%q", in)
	}
}
