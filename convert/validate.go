package convert

import (
	"fmt"
	"strings"
)

// MaxListStart is the largest first number of an ordered list (nine
// digits, as CommonMark allows).
const MaxListStart = 999_999_999

// Validate checks that d is a document every writer can write: not nil, no
// nil block or inline anywhere (a nil interface or a nil pointer), heading
// levels 1 to 6, ordered-list starts from 0 to MaxListStart (0 means 1),
// image sizes not negative, a FigureBlock holding exactly one of an image
// and a table, no more task states than items and each one known, no note
// inside a note.
// The error wraps ErrInvalidInput and says where the problem is
// ("block 3 > item 2 > block 1: heading level 9, want 1 to 6"). Write
// calls it before any writer runs.
func (d *Document) Validate() error {
	if d == nil {
		return fmt.Errorf("%w: nil document", ErrInvalidInput)
	}
	return validateBlocks(d.Blocks, nil, false)
}

func invalid(path []string, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if len(path) > 0 {
		msg = strings.Join(path, " > ") + ": " + msg
	}
	return fmt.Errorf("%w: %s", ErrInvalidInput, msg)
}

// validateBlocks checks blocks; inNote is true for the blocks of a note.
func validateBlocks(blocks []Block, path []string, inNote bool) error {
	for i, b := range blocks {
		p := append(path[:len(path):len(path)], fmt.Sprintf("block %d", i+1))
		var err error
		switch x := b.(type) {
		case *Heading:
			if x == nil {
				return invalid(p, "nil heading")
			}
			if x.Level < 1 || x.Level > 6 {
				return invalid(p, "heading level %d, want 1 to 6", x.Level)
			}
			err = validateInlines(x.Inlines, p, inNote)
		case *Paragraph:
			if x == nil {
				return invalid(p, "nil paragraph")
			}
			err = validateInlines(x.Inlines, p, inNote)
		case *List:
			if x == nil {
				return invalid(p, "nil list")
			}
			if x.Start < 0 || x.Start > MaxListStart {
				return invalid(p, "list start %d, want 0 to %d", x.Start, MaxListStart)
			}
			if len(x.Tasks) > len(x.Items) {
				return invalid(p, "%d task states for %d items", len(x.Tasks), len(x.Items))
			}
			for j, t := range x.Tasks {
				if t > TaskChecked {
					return invalid(p, "item %d: unknown task state %d", j+1, t)
				}
			}
			for j, item := range x.Items {
				if err = validateBlocks(item, append(p[:len(p):len(p)], fmt.Sprintf("item %d", j+1)), inNote); err != nil {
					return err
				}
			}
		case *Quote:
			if x == nil {
				return invalid(p, "nil quote")
			}
			err = validateBlocks(x.Blocks, p, inNote)
		case *CodeBlock:
			if x == nil {
				return invalid(p, "nil code block")
			}
		case *Table:
			if x == nil {
				return invalid(p, "nil table")
			}
			if err = validateInlines(x.Caption, append(p[:len(p):len(p)], "caption"), inNote); err != nil {
				return err
			}
			for j, c := range x.Header {
				if err = validateInlines(c, append(p[:len(p):len(p)], fmt.Sprintf("header cell %d", j+1)), inNote); err != nil {
					return err
				}
			}
			for r, row := range x.Rows {
				for j, c := range row {
					if err = validateInlines(c, append(p[:len(p):len(p)], fmt.Sprintf("row %d cell %d", r+1, j+1)), inNote); err != nil {
						return err
					}
				}
			}
		case *Rule:
			if x == nil {
				return invalid(p, "nil rule")
			}
		case *FigureBlock:
			if x == nil {
				return invalid(p, "nil figure")
			}
			if (x.Image == nil) == (x.Table == nil) {
				return invalid(p, "figure holds %s, want exactly one of an image and a table", map[bool]string{true: "neither an image nor a table", false: "both an image and a table"}[x.Image == nil])
			}
			if x.Image != nil {
				err = validateImage(x.Image, append(p[:len(p):len(p)], "image"))
			} else {
				err = validateBlocks([]Block{x.Table}, append(p[:len(p):len(p)], "table"), inNote)
			}
			if err == nil {
				err = validateInlines(x.Caption, append(p[:len(p):len(p)], "caption"), inNote)
			}
		case *PageBreak:
			if x == nil {
				return invalid(p, "nil page break")
			}
		default:
			return invalid(p, "nil block")
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func validateInlines(ins []Inline, path []string, inNote bool) error {
	for i, in := range ins {
		p := append(path[:len(path):len(path)], fmt.Sprintf("inline %d", i+1))
		var children []Inline
		switch x := in.(type) {
		case *Text:
			if x == nil {
				return invalid(p, "nil text")
			}
		case *Code:
			if x == nil {
				return invalid(p, "nil code")
			}
		case *Ruby:
			if x == nil {
				return invalid(p, "nil ruby")
			}
		case *LineBreak:
			if x == nil {
				return invalid(p, "nil line break")
			}
		case *Image:
			if x == nil {
				return invalid(p, "nil image")
			}
			if err := validateImage(x, p); err != nil {
				return err
			}
		case *Strong:
			if x == nil {
				return invalid(p, "nil strong")
			}
			children = x.Inlines
		case *Emph:
			if x == nil {
				return invalid(p, "nil emphasis")
			}
			children = x.Inlines
		case *Strike:
			if x == nil {
				return invalid(p, "nil strike")
			}
			children = x.Inlines
		case *Sub:
			if x == nil {
				return invalid(p, "nil subscript")
			}
			children = x.Inlines
		case *Sup:
			if x == nil {
				return invalid(p, "nil superscript")
			}
			children = x.Inlines
		case *Link:
			if x == nil {
				return invalid(p, "nil link")
			}
			children = x.Inlines
		case *Note:
			if x == nil {
				return invalid(p, "nil note")
			}
			if inNote {
				return invalid(p, "note inside a note")
			}
			if err := validateBlocks(x.Blocks, append(p[:len(p):len(p)], "note"), true); err != nil {
				return err
			}
		default:
			return invalid(p, "nil inline")
		}
		if err := validateInlines(children, p, inNote); err != nil {
			return err
		}
	}
	return nil
}

func validateImage(x *Image, p []string) error {
	if x.Width < 0 || x.Height < 0 {
		return invalid(p, "image size %d×%d, want sizes of 0 (unknown) or more", x.Width, x.Height)
	}
	return nil
}
