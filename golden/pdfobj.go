package golden

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

// A minimal PDF object reader: enough of ISO 32000-1 §7 to read the
// objects of a file (also those in object streams) without trusting its
// cross-reference table, so a projection can still be made of a file whose
// offsets are wrong. It does not decrypt.

type (
	pdfName   string
	pdfString string // the bytes of a literal or hexadecimal string
	pdfRef    struct{ num, gen int }
	pdfDict   map[pdfName]any
	pdfArray  []any
	pdfOp     string // a content-stream operator or an unknown keyword
	pdfStream struct {
		dict pdfDict
		raw  []byte
	}
)

// lexer reads PDF tokens and objects from a byte slice.
type lexer struct {
	b   []byte
	pos int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *lexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isSpace(c) {
			l.pos++
		} else if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
		} else {
			return
		}
	}
}

var errEOF = errors.New("unexpected end of data")

// next returns the next object or operator; nested arrays and dictionaries
// are read whole. depth guards against hostile nesting.
func (l *lexer) next(depth int) (any, error) {
	if depth > 100 {
		return nil, errors.New("objects nested too deep")
	}
	l.skipSpace()
	if l.pos >= len(l.b) {
		return nil, errEOF
	}
	c := l.b[l.pos]
	switch {
	case c == '/':
		l.pos++
		start := l.pos
		for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
			l.pos++
		}
		return pdfName(unescapeName(l.b[start:l.pos])), nil
	case c == '(':
		return l.literal()
	case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
		l.pos += 2
		d := pdfDict{}
		for {
			l.skipSpace()
			if l.pos+1 < len(l.b) && l.b[l.pos] == '>' && l.b[l.pos+1] == '>' {
				l.pos += 2
				return d, nil
			}
			k, err := l.next(depth + 1)
			if err != nil {
				return nil, err
			}
			v, err := l.next(depth + 1)
			if err != nil {
				return nil, err
			}
			if name, ok := k.(pdfName); ok {
				d[name] = v
			}
		}
	case c == '<':
		l.pos++
		end := bytes.IndexByte(l.b[l.pos:], '>')
		if end < 0 {
			return nil, errEOF
		}
		h := bytes.Map(func(r rune) rune {
			if isSpace(byte(r)) {
				return -1
			}
			return r
		}, l.b[l.pos:l.pos+end])
		l.pos += end + 1
		if len(h)%2 == 1 {
			h = append(h, '0')
		}
		s, err := hex.DecodeString(string(h))
		if err != nil {
			return nil, fmt.Errorf("bad hexadecimal string at offset %d", l.pos)
		}
		return pdfString(s), nil
	case c == '[':
		l.pos++
		var a pdfArray
		for {
			l.skipSpace()
			if l.pos < len(l.b) && l.b[l.pos] == ']' {
				l.pos++
				return a, nil
			}
			v, err := l.next(depth + 1)
			if err != nil {
				return nil, err
			}
			a = append(a, l.ref(v))
		}
	case c == ']' || c == '>' || c == ')' || c == '{' || c == '}':
		l.pos++
		return pdfOp(string(c)), nil
	}
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	tok := string(l.b[start:l.pos])
	if f, err := strconv.ParseFloat(tok, 64); err == nil {
		return l.ref(f), nil
	}
	switch tok {
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "null":
		return nil, nil
	}
	return pdfOp(tok), nil
}

// ref turns a number followed by "G R" into a reference, leaving other
// values as they are.
func (l *lexer) ref(v any) any {
	n, ok := v.(float64)
	if !ok || n < 0 || n != float64(int(n)) {
		return v
	}
	save := l.pos
	l.skipSpace()
	start := l.pos
	for l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '9' {
		l.pos++
	}
	if l.pos > start {
		gen, _ := strconv.Atoi(string(l.b[start:l.pos]))
		l.skipSpace()
		if l.pos < len(l.b) && l.b[l.pos] == 'R' && (l.pos+1 == len(l.b) || isSpace(l.b[l.pos+1]) || isDelim(l.b[l.pos+1])) {
			l.pos++
			return pdfRef{int(n), gen}
		}
	}
	l.pos = save
	return v
}

func (l *lexer) literal() (any, error) {
	l.pos++ // (
	var s []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return pdfString(s), nil
			}
		case '\\':
			if l.pos >= len(l.b) {
				return nil, errEOF
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for i := 0; i < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; i++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		s = append(s, c)
	}
	return nil, errEOF
}

func unescapeName(b []byte) string {
	if bytes.IndexByte(b, '#') < 0 {
		return string(b)
	}
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if v, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}

// pdfFile is a parsed PDF: where each object starts, and the trailer.
type pdfFile struct {
	data    []byte
	offsets map[int]int // object number → offset of its value
	inStm   map[int]struct {
		stm, index int
	}
	cache   map[int]any
	trailer pdfDict
	version string
}

var objRE = regexp.MustCompile(`(?m)(?:^|[\s>\]])(\d+)\s+(\d+)\s+obj\b`)

// openPDF finds the objects of data by scanning for "N G obj" (a later
// definition replaces an earlier one, as an incremental update does) and
// reads the trailer.
func openPDF(data []byte) (*pdfFile, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, errors.New("not a PDF file (no %PDF- header)")
	}
	f := &pdfFile{data: data, offsets: map[int]int{}, cache: map[int]any{}}
	if end := bytes.IndexAny(data[5:min(len(data), 16)], "\r\n \t"); end > 0 {
		f.version = string(data[5 : 5+end])
	}
	for _, m := range objRE.FindAllSubmatchIndex(data, -1) {
		n, err := strconv.Atoi(string(data[m[2]:m[3]]))
		if err == nil {
			f.offsets[n] = m[1]
		}
	}
	if len(f.offsets) == 0 {
		return nil, errors.New("no objects found")
	}
	// The last trailer dictionary; with cross-reference streams, the
	// stream's dictionary plays its part.
	if i := bytes.LastIndex(data, []byte("trailer")); i >= 0 {
		l := &lexer{b: data, pos: i + len("trailer")}
		if v, err := l.next(0); err == nil {
			f.trailer, _ = v.(pdfDict)
		}
	}
	f.indexObjectStreams()
	if f.trailer == nil || f.trailer["Root"] == nil {
		for n := range f.offsets {
			if s, ok := f.object(n).(*pdfStream); ok && s.dict["Type"] == pdfName("XRef") && s.dict["Root"] != nil {
				f.trailer = s.dict
				break
			}
		}
	}
	if f.trailer == nil || f.trailer["Root"] == nil {
		return nil, errors.New("no trailer with a /Root catalog")
	}
	return f, nil
}

// indexObjectStreams registers the objects compressed in object streams
// (PDF 1.5), unless the file also defines them directly.
func (f *pdfFile) indexObjectStreams() {
	f.inStm = map[int]struct{ stm, index int }{}
	for n := range f.offsets {
		s, ok := f.object(n).(*pdfStream)
		if !ok || s.dict["Type"] != pdfName("ObjStm") {
			continue
		}
		data, err := f.decode(s)
		if err != nil {
			continue
		}
		count := f.int(s.dict["N"])
		l := &lexer{b: data}
		for i := 0; i < count; i++ {
			num, err1 := l.next(0)
			_, err2 := l.next(0)
			if err1 != nil || err2 != nil {
				break
			}
			if v, ok := num.(float64); ok {
				if _, direct := f.offsets[int(v)]; !direct {
					f.inStm[int(v)] = struct{ stm, index int }{n, i}
				}
			}
		}
	}
}

// object returns object n (nil when missing or unreadable).
func (f *pdfFile) object(n int) any {
	if v, ok := f.cache[n]; ok {
		return v
	}
	f.cache[n] = nil // a reference cycle reads as null
	var v any
	if off, ok := f.offsets[n]; ok {
		v = f.readAt(off)
	} else if loc, ok := f.inStm[n]; ok {
		v = f.readInStream(loc.stm, loc.index)
	}
	f.cache[n] = v
	return v
}

func (f *pdfFile) readAt(off int) any {
	l := &lexer{b: f.data, pos: off}
	v, err := l.next(0)
	if err != nil {
		return nil
	}
	d, ok := v.(pdfDict)
	if !ok {
		return v
	}
	save := l.pos
	if kw, err := l.next(0); err != nil || kw != pdfOp("stream") {
		l.pos = save
		return d
	}
	// The data start after the end of line that follows "stream".
	if l.pos < len(f.data) && f.data[l.pos] == '\r' {
		l.pos++
	}
	if l.pos < len(f.data) && f.data[l.pos] == '\n' {
		l.pos++
	}
	start := l.pos
	n := -1
	switch length := d["Length"].(type) {
	case float64:
		n = int(length)
	case pdfRef:
		if v, ok := f.object(length.num).(float64); ok {
			n = int(v)
		}
	}
	end := start + n
	if n < 0 || end > len(f.data) || !bytes.HasPrefix(bytes.TrimLeft(f.data[end:min(end+20, len(f.data))], "\r\n \t"), []byte("endstream")) {
		i := bytes.Index(f.data[start:], []byte("endstream"))
		if i < 0 {
			return &pdfStream{dict: d}
		}
		end = start + i
		for end > start && (f.data[end-1] == '\n' || f.data[end-1] == '\r') {
			end--
		}
	}
	return &pdfStream{dict: d, raw: f.data[start:end]}
}

func (f *pdfFile) readInStream(stm, index int) any {
	s, ok := f.object(stm).(*pdfStream)
	if !ok {
		return nil
	}
	data, err := f.decode(s)
	if err != nil {
		return nil
	}
	l := &lexer{b: data}
	var offset int
	for i := 0; i <= index; i++ {
		_, err1 := l.next(0)
		off, err2 := l.next(0)
		if err1 != nil || err2 != nil {
			return nil
		}
		if i == index {
			o, _ := off.(float64)
			offset = int(o)
		}
	}
	first := f.int(s.dict["First"])
	l = &lexer{b: data, pos: first + offset}
	if l.pos > len(data) {
		return nil
	}
	v, err := l.next(0)
	if err != nil {
		return nil
	}
	return v
}

// resolve follows references.
func (f *pdfFile) resolve(v any) any {
	for range 32 {
		r, ok := v.(pdfRef)
		if !ok {
			return v
		}
		v = f.object(r.num)
	}
	return nil
}

func (f *pdfFile) dict(v any) pdfDict {
	switch v := f.resolve(v).(type) {
	case pdfDict:
		return v
	case *pdfStream:
		return v.dict
	}
	return nil
}

func (f *pdfFile) array(v any) pdfArray {
	a, _ := f.resolve(v).(pdfArray)
	return a
}

func (f *pdfFile) int(v any) int {
	n, _ := f.resolve(v).(float64)
	return int(n)
}

func (f *pdfFile) num(v any) (float64, bool) {
	n, ok := f.resolve(v).(float64)
	return n, ok
}

func (f *pdfFile) name(v any) pdfName {
	n, _ := f.resolve(v).(pdfName)
	return n
}

// maxDecoded bounds a decoded stream (a zip bomb would otherwise fill memory).
const maxDecoded = 256 << 20

// decode returns the decoded data of a stream: FlateDecode (without
// predictors) and ASCIIHexDecode; other filters are an error.
func (f *pdfFile) decode(s *pdfStream) ([]byte, error) {
	var filters []pdfName
	switch fl := f.resolve(s.dict["Filter"]).(type) {
	case pdfName:
		filters = []pdfName{fl}
	case pdfArray:
		for _, x := range fl {
			filters = append(filters, f.name(x))
		}
	}
	data := s.raw
	for _, fl := range filters {
		switch fl {
		case "FlateDecode", "Fl":
			zr, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				return nil, fmt.Errorf("FlateDecode: %w", err)
			}
			out, err := io.ReadAll(io.LimitReader(zr, maxDecoded+1))
			if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, fmt.Errorf("FlateDecode: %w", err)
			}
			if len(out) > maxDecoded {
				return nil, errors.New("stream larger than 256 MiB decoded")
			}
			data = out
		case "ASCIIHexDecode", "AHx":
			l := &lexer{b: append(append([]byte{'<'}, data...), '>')}
			v, err := l.next(0)
			if err != nil {
				return nil, err
			}
			s, _ := v.(pdfString)
			data = []byte(s)
		default:
			return nil, fmt.Errorf("filter %s not supported", fl)
		}
	}
	return data, nil
}
