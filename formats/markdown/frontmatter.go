package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/docconv/docconv/convert"
)

// splitFrontMatter finds a YAML front matter block: a first line "---",
// then YAML, then a line "---" or "...". It returns the YAML text, the
// source with the block's lines blanked (so that line numbers of the body
// stay those of the file) and whether a block was found.
func splitFrontMatter(src []byte) (yml []byte, body []byte, ok bool) {
	first, rest, found := bytes.Cut(src, []byte("\n"))
	if !found || string(bytes.TrimRight(first, " \t\r")) != "---" {
		return nil, src, false
	}
	off := len(first) + 1
	for len(rest) > 0 {
		line, next, _ := bytes.Cut(rest, []byte("\n"))
		t := string(bytes.TrimRight(line, " \t\r"))
		if t == "---" || t == "..." {
			end := off + len(line)
			yml = src[len(first)+1 : off]
			body = make([]byte, len(src))
			copy(body, src)
			for i := 0; i < end; i++ {
				if body[i] != '\n' {
					body[i] = ' '
				}
			}
			return yml, body, true
		}
		off += len(line) + 1
		rest = next
	}
	return nil, src, false
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// parseFrontMatter reads front matter YAML into m. It reports isMeta false
// (and no error) when the YAML is valid but not a mapping, so that the
// block is read as Markdown instead. Error lines are file lines.
func parseFrontMatter(yml []byte, m *convert.Meta) (isMeta bool, err error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(yml, &doc); err != nil {
		line := 0
		msg := err.Error()
		if sm := yamlLine.FindStringSubmatch(msg); sm != nil {
			n, _ := strconv.Atoi(sm[1])
			line = n + 1 // the opening "---" is line 1
			msg = strings.Replace(msg, sm[0], "line "+strconv.Itoa(line), 1)
		}
		return true, &convert.Error{Line: line, Err: fmt.Errorf("markdown: front matter: %s: %w", strings.TrimPrefix(msg, "yaml: "), convert.ErrInvalidInput)}
	}
	if doc.Kind == 0 { // empty block
		return true, nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return false, nil
	}
	mp := doc.Content[0]
	for i := 0; i+1 < len(mp.Content); i += 2 {
		k, v := mp.Content[i], mp.Content[i+1]
		if err := setMeta(m, k.Value, v); err != nil {
			return true, &convert.Error{Line: v.Line + 1, Column: v.Column, Err: fmt.Errorf("markdown: front matter: %w: %w", err, convert.ErrInvalidInput)}
		}
	}
	return true, nil
}

// scalars returns the values of a scalar or a sequence of scalars.
func scalars(key string, v *yaml.Node) ([]string, error) {
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" {
			return nil, nil
		}
		return []string{v.Value}, nil
	case yaml.SequenceNode:
		var out []string
		for _, c := range v.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("%s: want a string or a list of strings", key)
			}
			out = append(out, c.Value)
		}
		return out, nil
	}
	return nil, fmt.Errorf("%s: want a string or a list of strings", key)
}

// setMeta sets the field for key. Known keys follow convert.Meta.Set
// (author/authors, lang/language, description/subject/abstract…); values
// are kept as written. Other keys go to Extra, non-scalar values as YAML
// flow text.
func setMeta(m *convert.Meta, key string, v *yaml.Node) error {
	lk := strings.ToLower(strings.TrimSpace(key))
	one := func(dst *string) error {
		vs, err := scalars(key, v)
		if err != nil {
			return err
		}
		*dst = strings.TrimSpace(strings.Join(vs, ", "))
		return nil
	}
	switch lk {
	case "title":
		return one(&m.Title)
	case "subtitle":
		return one(&m.Subtitle)
	case "date":
		var d string
		if err := one(&d); err != nil {
			return err
		}
		_ = m.SetSourceDate(d) // the reader warns about Extra["date"]
		return nil
	case "lang", "language":
		return one(&m.Lang)
	case "source":
		return one(&m.Source)
	case "identifier", "id":
		return one(&m.Identifier)
	case "description", "subject", "abstract":
		return one(&m.Description)
	case "author", "authors", "creator":
		vs, err := scalars(key, v)
		if err != nil {
			return err
		}
		for _, a := range vs {
			if a = strings.TrimSpace(a); a != "" {
				m.Authors = append(m.Authors, a)
			}
		}
		return nil
	case "keywords", "keyword", "tags":
		vs, err := scalars(key, v)
		if err != nil {
			return err
		}
		if v.Kind == yaml.ScalarNode && len(vs) == 1 {
			vs = strings.FieldsFunc(vs[0], func(r rune) bool { return r == ',' || r == '，' || r == '、' })
		}
		for _, k := range vs {
			if k = strings.TrimSpace(k); k != "" {
				m.Keywords = append(m.Keywords, k)
			}
		}
		return nil
	}
	val := v.Value
	if v.Kind != yaml.ScalarNode {
		c := *v
		setFlow(&c)
		b, err := yaml.Marshal(&c)
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		val = strings.TrimSpace(string(b))
	}
	if m.Extra == nil {
		m.Extra = map[string]string{}
	}
	m.Extra[lk] = val
	return nil
}

func setFlow(n *yaml.Node) {
	n.Style = yaml.FlowStyle
	for _, c := range n.Content {
		setFlow(c)
	}
}

// frontMatter renders m as a YAML front matter block, keys in a fixed
// order (the fields of convert.Meta, then Extra sorted), or "" when m is
// empty.
func frontMatter(m *convert.Meta) (string, error) {
	mp := &yaml.Node{Kind: yaml.MappingNode}
	str := func(k, v string) {
		if v == "" {
			return
		}
		mp.Content = append(mp.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k},
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v})
	}
	list := func(k string, vs []string, flow bool) {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		if flow {
			seq.Style = yaml.FlowStyle
		}
		for _, v := range vs {
			seq.Content = append(seq.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v})
		}
		mp.Content = append(mp.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, seq)
	}
	str("title", m.Title)
	str("subtitle", m.Subtitle)
	switch {
	case len(m.Authors) == 1:
		str("author", m.Authors[0])
	case len(m.Authors) > 1:
		list("author", m.Authors, false)
	}
	str("date", m.Date)
	str("lang", m.Lang)
	str("source", m.Source)
	str("identifier", m.Identifier)
	str("description", m.Description)
	if len(m.Keywords) > 0 {
		list("keywords", m.Keywords, true)
	}
	for _, k := range m.ExtraKeys() {
		// Written even when empty, so that the key survives.
		mp.Content = append(mp.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k},
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: m.Extra[k]})
	}
	if len(mp.Content) == 0 {
		return "", nil
	}
	var b strings.Builder
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(mp); err != nil {
		return "", fmt.Errorf("markdown: front matter: %w", err)
	}
	if err := enc.Close(); err != nil {
		return "", fmt.Errorf("markdown: front matter: %w", err)
	}
	return "---\n" + b.String() + "---\n", nil
}
