package text

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/docconv/docconv/convert"
	"gopkg.in/yaml.v3"
)

// yamlKeyLine matches the first line of YAML front matter ("title: …").
var yamlKeyLine = regexp.MustCompile(`^["']?[A-Za-z_][\w .-]*["']?\s*:(\s|$)`)

// readHeader reads YAML front matter or a pandoc "%" title block at the
// start of lines into m and returns the index of the first body line.
func readHeader(lines []string, m *convert.Meta) (int, error) {
	if len(lines) == 0 {
		return 0, nil
	}
	first := strings.TrimRight(lines[0], " \t\r")
	if first == "---" {
		return frontMatter(lines, m)
	}
	if strings.HasPrefix(first, "%") {
		return titleBlock(lines, m), nil
	}
	return 0, nil
}

// titleBlock reads pandoc's title block: "% title", "% author; author",
// "% date" (each optional, an empty "%" line skips a field).
func titleBlock(lines []string, m *convert.Meta) int {
	i := 0
	for ; i < len(lines) && i < 3 && strings.HasPrefix(lines[i], "%"); i++ {
		v := strings.TrimSpace(strings.TrimPrefix(lines[i], "%"))
		if v == "" {
			continue
		}
		switch i {
		case 0:
			m.Title = v
		case 1:
			_ = m.Set("author", v) // never fails
		case 2:
			setDate(m, v)
		}
	}
	return i
}

// emptyTitleBlock reports whether the first three lines are "%" alone: a
// pandoc title block with every field empty.
func emptyTitleBlock(lines []string) bool {
	if len(lines) < 3 {
		return false
	}
	for _, l := range lines[:3] {
		if strings.TrimRight(l, " \t\r") != "%" {
			return false
		}
	}
	return true
}

// frontMatter reads YAML between a first "---" line and a closing "---" or
// "..." line. A block whose first content line does not look like a YAML
// key is not front matter (the "---" is then a thematic break).
func frontMatter(lines []string, m *convert.Meta) (int, error) {
	end := -1
	for i := 1; i < len(lines); i++ {
		if t := strings.TrimRight(lines[i], " \t\r"); t == "---" || t == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		return 0, nil
	}
	looksYAML := end == 1
	for _, l := range lines[1:end] {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		looksYAML = yamlKeyLine.MatchString(t)
		break
	}
	if !looksYAML {
		return 0, nil
	}
	body := strings.Join(lines[1:end], "\n")
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(body), &doc); err != nil {
		return 0, yamlError(err)
	}
	if len(doc.Content) == 0 {
		return end + 1, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return 0, &convert.Error{Line: root.Line + 1, Err: fmt.Errorf("text: %w: front matter is not a mapping of keys to values", convert.ErrInvalidInput)}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		setMeta(m, strings.ToLower(strings.TrimSpace(root.Content[i].Value)), root.Content[i+1])
	}
	return end + 1, nil
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlError turns a yaml.v3 error into a *convert.Error with the line in
// the input (the front matter starts on line 2).
func yamlError(err error) error {
	line := 0
	if sm := yamlLine.FindStringSubmatch(err.Error()); sm != nil {
		if n, e := strconv.Atoi(sm[1]); e == nil {
			line = n + 1
		}
	}
	return &convert.Error{Line: line, Err: fmt.Errorf("text: %w: front matter: %w", convert.ErrInvalidInput, err)}
}

// setMeta stores one front matter entry.
func setMeta(m *convert.Meta, key string, v *yaml.Node) {
	switch key {
	case "title", "subtitle", "source", "identifier", "id", "description", "subject", "abstract":
		_ = m.Set(key, flatten(v))
	case "author", "authors", "creator":
		if v.Kind == yaml.SequenceNode {
			for _, c := range v.Content {
				if a := strings.TrimSpace(personName(c)); a != "" {
					m.Authors = append(m.Authors, a)
				}
			}
			return
		}
		_ = m.Set("author", personName(v))
	case "date":
		setDate(m, flatten(v))
	case "lang", "language":
		if err := m.Set("lang", flatten(v)); err != nil {
			setExtra(m, key, flatten(v))
		}
	case "keywords", "keyword", "tags":
		if v.Kind == yaml.SequenceNode {
			for _, c := range v.Content {
				if k := strings.TrimSpace(flatten(c)); k != "" {
					m.Keywords = append(m.Keywords, k)
				}
			}
			return
		}
		_ = m.Set("keywords", flatten(v))
	default:
		setExtra(m, key, flatten(v))
	}
}

// setDate keeps a date ParseDate understands in Meta.Date and anything else
// in Extra["date"], so that nothing is lost and Meta.Date stays parseable.
func setDate(m *convert.Meta, v string) {
	_ = m.SetSourceDate(v) // the reader warns about Extra["date"]
}

func setExtra(m *convert.Meta, key, v string) {
	if m.Extra == nil {
		m.Extra = map[string]string{}
	}
	m.Extra[key] = v
}

// personName is a scalar, or the "name" of a mapping ({name: …, affiliation: …}).
func personName(n *yaml.Node) string {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if strings.EqualFold(n.Content[i].Value, "name") {
				return flatten(n.Content[i+1])
			}
		}
	}
	return flatten(n)
}

// flatten renders a node as a string: a scalar's value, a sequence's items
// joined with ", ", a mapping as compact YAML.
func flatten(n *yaml.Node) string { return flattenDepth(n, 0) }

func flattenDepth(n *yaml.Node, depth int) string {
	if n == nil || depth > 16 { // recursive aliases
		return ""
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return strings.TrimSpace(n.Value)
	case yaml.AliasNode:
		if n.Alias != nil {
			return flattenDepth(n.Alias, depth+1)
		}
	case yaml.SequenceNode:
		var parts []string
		for _, c := range n.Content {
			parts = append(parts, flattenDepth(c, depth+1))
		}
		return strings.Join(parts, ", ")
	case yaml.MappingNode:
		var parts []string
		for i := 0; i+1 < len(n.Content); i += 2 {
			parts = append(parts, n.Content[i].Value+": "+flattenDepth(n.Content[i+1], depth+1))
		}
		return strings.Join(parts, "; ")
	}
	return ""
}
