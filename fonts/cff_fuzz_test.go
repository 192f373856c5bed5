package fonts

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzCFF checks that no CFF table makes the reader, the outline decoder
// or the subsetter panic or run away, and that every program the
// subsetter writes reads back. Seeds: the CFF table of the testdata font
// (a real subset), and small hostile tables (recursive and fanned-out
// subroutines).
func FuzzCFF(f *testing.F) {
	data, err := os.ReadFile(cffTestFont)
	require.NoError(f, err)
	font, err := Parse(data)
	require.NoError(f, err)
	f.Add(font.dir.table(font.data, "CFF "))
	callg := []byte{139 - 107, 29}
	f.Add(makeCFF(cffOpts{charstrings: [][]byte{callg}, gsubrs: [][]byte{callg}}))
	f.Add(makeCFF(cffOpts{charstrings: [][]byte{{139, 139, 21, 139, 150, 5, 14}}, lsubrs: [][]byte{{11}}}))
	f.Fuzz(func(t *testing.T, table []byte) {
		c, err := parseCFF(table)
		if err != nil {
			return
		}
		g := &Font{unitsPerEm: 1000, cff: c, numGlyphs: c.numGlyphs}
		var gs []CIDGlyph
		for gid := range min(c.numGlyphs, 16) {
			if _, err := c.outline(gid); err == nil {
				gs = append(gs, CIDGlyph{CID: uint16(gid + 1), GID: uint16(gid), Shift: gid})
			}
		}
		p, err := g.CFFProgram("Fuzz", gs)
		if err != nil {
			return // .notdef itself may be undecodable
		}
		back, err := parseCFF(p)
		require.NoError(t, err, "the subsetter's output must parse")
		for gid := range back.numGlyphs {
			_, err := back.outline(gid)
			require.NoError(t, err, "the subsetter's glyphs must decode")
		}
	})
}
