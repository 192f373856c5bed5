package golden

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// TagReport is what CheckTaggedPDF found in a tagged PDF.
type TagReport struct {
	// Tree is the structure tree, one element a line, indented by depth:
	// its role, its /Lang in brackets, and the text of its own marked
	// content in reading order (shortened to 60 characters).
	Tree string
	// Roles counts the elements of each structure type.
	Roles map[string]int
	// MCIDs is the number of marked-content sequences referenced from the
	// structure tree; Links the link annotations, all of them in the tree
	// when Problems is empty.
	MCIDs, Links int
	// Artifacts counts the artifact sequences of the pages by type
	// ("Pagination/Header", "Pagination/Footer"; "" when untyped).
	Artifacts map[string]int
	// Headings are the heading levels (1–6) in reading order.
	Headings []int
	// Problems are the violations found; empty for a well-formed file.
	Problems []string
}

// standardRoles are the structure types of ISO 32000-1 §14.8.4.
var standardRoles = map[string]bool{
	"Document": true, "Part": true, "Art": true, "Sect": true, "Div": true,
	"BlockQuote": true, "Caption": true, "TOC": true, "TOCI": true, "Index": true,
	"NonStruct": true, "Private": true, "P": true, "H": true,
	"H1": true, "H2": true, "H3": true, "H4": true, "H5": true, "H6": true,
	"L": true, "LI": true, "Lbl": true, "LBody": true,
	"Table": true, "TR": true, "TH": true, "TD": true, "THead": true, "TBody": true, "TFoot": true,
	"Span": true, "Quote": true, "Note": true, "Reference": true, "BibEntry": true,
	"Code": true, "Link": true, "Annot": true, "Ruby": true, "RB": true, "RT": true, "RP": true,
	"Warichu": true, "WT": true, "WP": true, "Figure": true, "Formula": true, "Form": true,
}

// CheckTaggedPDF reads the logical structure of a PDF (ISO 32000-1 §14.7)
// and checks what PDF/UA-1 and the Matterhorn protocol ask of it, as far
// as a program can:
//   - the catalog has /MarkInfo <</Marked true>>, a /StructTreeRoot, a
//     /Lang, and /ViewerPreferences with DisplayDocTitle;
//   - every structure element's type is a standard one (or role-mapped to
//     one);
//   - every marked-content sequence with an MCID on every page is a kid of
//     exactly one element, and the ParentTree maps it back to that
//     element; every MCID the tree names is on its page;
//   - every text-showing and path-painting operator is inside marked
//     content with an MCID or inside an /Artifact;
//   - every link annotation has a /StructParent whose element holds an
//     OBJR to it, and a /Contents; pages with annotations have /Tabs /S;
//   - heading levels (H1–H6) do not skip a level going down.
//
// It returns an error only when the file cannot be read at all.
func CheckTaggedPDF(data []byte) (*TagReport, error) {
	f, err := openPDF(data)
	if err != nil {
		return nil, fmt.Errorf("golden: pdf: %w", err)
	}
	root := f.dict(f.trailer["Root"])
	if root == nil {
		return nil, fmt.Errorf("golden: pdf: no document catalog")
	}
	r := &TagReport{Roles: map[string]int{}, Artifacts: map[string]int{}}
	problem := func(format string, args ...any) {
		if len(r.Problems) < 200 {
			r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
		}
	}
	if mi := f.dict(root["MarkInfo"]); mi == nil || mi["Marked"] != true {
		problem("catalog: no /MarkInfo <</Marked true>>")
	}
	if _, ok := f.resolve(root["Lang"]).(pdfString); !ok {
		problem("catalog: no /Lang")
	}
	if vp := f.dict(root["ViewerPreferences"]); vp == nil || vp["DisplayDocTitle"] != true {
		problem("catalog: no /ViewerPreferences <</DisplayDocTitle true>>")
	}
	str := f.dict(root["StructTreeRoot"])
	if str == nil {
		problem("catalog: no /StructTreeRoot")
		return r, nil
	}
	roleMap := f.dict(str["RoleMap"])
	pages := f.pages(root)
	pageIndex := map[int]int{}
	for i, p := range pages {
		pageIndex[p.ref] = i
	}

	// Marked content of the pages: MCIDs, and operators outside.
	type mcKey struct{ page, mcid int }
	onPage := map[mcKey]bool{}
	texts := map[mcKey]string{}
	for i, p := range pages {
		content := f.content(p.dict)
		for _, id := range f.checkMarked(content, r.Artifacts, func(msg string) { problem("page %d: %s", i+1, msg) }) {
			k := mcKey{i, id}
			if onPage[k] {
				problem("page %d: MCID %d used twice", i+1, id)
			}
			onPage[k] = true
		}
		for _, run := range f.runs(content, f.dict(p.attr("Resources"))) {
			if run.mcid >= 0 {
				k := mcKey{i, run.mcid}
				texts[k] += run.text
			}
		}
	}

	// The tree.
	owner := map[mcKey]int{} // MCID -> element object number
	objrOf := map[int]int{}  // annotation object -> element object
	var tree strings.Builder
	seen := map[int]bool{}
	lastHeading := 0
	var walk func(v any, parentPage int, depth int)
	walk = func(v any, parentPage int, depth int) {
		ref, isRef := v.(pdfRef)
		if isRef {
			if seen[ref.num] {
				problem("element %d reached twice", ref.num)
				return
			}
			seen[ref.num] = true
		}
		e := f.dict(v)
		if e == nil || depth > 100 {
			return
		}
		role := string(f.name(e["S"]))
		std := role
		if m := f.name(roleMap[pdfName(role)]); m != "" {
			std = string(m)
		}
		if !standardRoles[std] {
			problem("element %d: role /%s is not a standard structure type", ref.num, role)
		}
		r.Roles[std]++
		if len(std) == 2 && std[0] == 'H' && std[1] >= '1' && std[1] <= '6' {
			lv := int(std[1] - '0')
			if lv > lastHeading+1 {
				problem("heading %s after H%d: a level is skipped", std, lastHeading)
			}
			lastHeading = lv
			r.Headings = append(r.Headings, lv)
		}
		pg := parentPage
		if p, ok := e["Pg"].(pdfRef); ok {
			if i, ok := pageIndex[p.num]; ok {
				pg = i
			} else {
				problem("element %d: /Pg is not a page", ref.num)
			}
		}
		fmt.Fprintf(&tree, "%s%s", strings.Repeat("  ", depth), std)
		if l, ok := f.resolve(e["Lang"]).(pdfString); ok {
			fmt.Fprintf(&tree, " [%s]", textString(l))
		}
		var text strings.Builder
		own := false
		var kids pdfArray
		switch k := e["K"].(type) {
		case pdfArray:
			kids = k
		case nil:
		default:
			kids = pdfArray{k}
		}
		var sub []any
		mark := func(page, id int) {
			if page < 0 {
				problem("element %d: MCID %d with no page", ref.num, id)
				return
			}
			k := mcKey{page, id}
			if o, dup := owner[k]; dup {
				problem("page %d MCID %d: kid of elements %d and %d", page+1, id, o, ref.num)
			}
			owner[k] = ref.num
			own = true
			text.WriteString(texts[k])
			r.MCIDs++
		}
		// markRef marks the MCID of a marked-content reference, on its /Pg
		// or else the element's page.
		markRef := func(d pdfDict) {
			p := pg
			if pr, ok := d["Pg"].(pdfRef); ok {
				p = -1
				if i, ok := pageIndex[pr.num]; ok {
					p = i
				}
			}
			mark(p, f.int(d["MCID"]))
		}
		for _, k := range kids {
			switch x := k.(type) {
			case float64:
				mark(pg, int(x))
			case pdfRef:
				d := f.dict(x)
				switch f.name(d["Type"]) {
				case "MCR":
					markRef(d)
				case "OBJR":
					if o, ok := d["Obj"].(pdfRef); ok {
						objrOf[o.num] = ref.num
					}
				default:
					sub = append(sub, x)
					fmt.Fprintf(&text, "⟨%s⟩", f.name(d["S"]))
				}
			case pdfDict:
				switch f.name(x["Type"]) {
				case "MCR":
					markRef(x)
				case "OBJR":
					if o, ok := x["Obj"].(pdfRef); ok {
						objrOf[o.num] = ref.num
						fmt.Fprintf(&text, "⟨link⟩")
					}
				default:
					problem("element %d: a direct dictionary as kid", ref.num)
				}
			}
		}
		if t := []rune(strings.TrimSpace(text.String())); len(t) > 0 && own {
			if len(t) > 60 {
				t = append(t[:59], '…')
			}
			fmt.Fprintf(&tree, ": %s", string(t))
		}
		tree.WriteByte('\n')
		for _, s := range sub {
			walk(s, pg, depth+1)
		}
	}
	var top pdfArray
	switch k := str["K"].(type) {
	case pdfArray:
		top = k
	case nil:
		problem("StructTreeRoot: no /K")
	default:
		top = pdfArray{k}
	}
	for _, k := range top {
		walk(k, -1, 0)
	}
	r.Tree = tree.String()

	// Every MCID on the pages is in the tree, and the other way round.
	keys := make([]mcKey, 0, len(onPage))
	for k := range onPage {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b mcKey) int {
		if a.page != b.page {
			return a.page - b.page
		}
		return a.mcid - b.mcid
	})
	for _, k := range keys {
		if _, ok := owner[k]; !ok {
			problem("page %d MCID %d: no element refers to it", k.page+1, k.mcid)
		}
	}
	for k := range owner {
		if !onPage[k] {
			problem("page %d MCID %d: in the tree, not on the page", k.page+1, k.mcid)
		}
	}

	// The ParentTree maps back.
	parents := map[int]any{}
	f.numberTree(str["ParentTree"], parents, 0)
	byPage := make([][]mcKey, len(pages))
	for _, k := range keys {
		byPage[k.page] = append(byPage[k.page], k)
	}
	for i, p := range pages {
		sp, ok := p.dict["StructParents"].(float64)
		if !ok {
			if len(byPage[i]) > 0 {
				problem("page %d: marked content but no /StructParents", i+1)
			}
		} else {
			arr := f.array(parents[int(sp)])
			for _, k := range byPage[i] {
				if k.mcid >= len(arr) {
					problem("page %d MCID %d: not in the ParentTree", i+1, k.mcid)
					continue
				}
				if ref, ok := arr[k.mcid].(pdfRef); !ok || ref.num != owner[k] {
					problem("page %d MCID %d: the ParentTree names element %v, the tree %d", i+1, k.mcid, arr[k.mcid], owner[k])
				}
			}
		}
		annots := f.array(p.attr("Annots"))
		if len(annots) > 0 && f.name(p.dict["Tabs"]) != "S" {
			problem("page %d: annotations but no /Tabs /S", i+1)
		}
		for _, a := range annots {
			ad := f.dict(a)
			if f.name(ad["Subtype"]) != "Link" {
				continue
			}
			r.Links++
			ar, _ := a.(pdfRef)
			if _, ok := f.resolve(ad["Contents"]).(pdfString); !ok {
				problem("page %d: link annotation %d has no /Contents", i+1, ar.num)
			}
			sp, ok := ad["StructParent"].(float64)
			if !ok {
				problem("page %d: link annotation %d has no /StructParent", i+1, ar.num)
				continue
			}
			el, ok := parents[int(sp)].(pdfRef)
			if !ok || objrOf[ar.num] != el.num {
				problem("page %d: link annotation %d: the ParentTree and the tree's OBJR disagree", i+1, ar.num)
			} else if role := f.name(f.dict(el)["S"]); role != "Link" {
				problem("page %d: link annotation %d belongs to /%s, not /Link", i+1, ar.num, role)
			}
		}
	}
	return r, nil
}

// numberTree flattens a number tree into out.
func (f *pdfFile) numberTree(v any, out map[int]any, depth int) {
	d := f.dict(v)
	if d == nil || depth > 32 {
		return
	}
	nums := f.array(d["Nums"])
	for i := 0; i+1 < len(nums); i += 2 {
		out[f.int(nums[i])] = nums[i+1]
	}
	for _, k := range f.array(d["Kids"]) {
		f.numberTree(k, out, depth+1)
	}
}

// checkMarked walks the marked content of a page's content stream: it
// returns the MCIDs used, and reports content operators (text shown, paths
// painted, images and shadings drawn) that are neither inside marked
// content with an MCID nor inside an /Artifact, and unbalanced BDC/EMC.
func (f *pdfFile) checkMarked(content []byte, artifacts map[string]int, problem func(string)) []int {
	type mc struct {
		mcid     int
		artifact bool
	}
	var stack []mc
	var ids []int
	reported := 0
	covered := func() bool {
		for _, m := range stack {
			if m.mcid >= 0 || m.artifact {
				return true
			}
		}
		return false
	}
	eachOp(content, func(op pdfOp, operands []any) {
		n := len(operands)
		switch op {
		case "BMC", "BDC":
			m := mc{mcid: -1}
			if n >= 1 {
				tagIdx := n - 1
				if op == "BDC" {
					tagIdx = n - 2
					props := f.dict(operands[n-1])
					if id, ok := props["MCID"].(float64); ok {
						m.mcid = int(id)
						for _, o := range stack {
							if o.mcid >= 0 {
								problem("MCID " + strconv.Itoa(m.mcid) + " nested in MCID " + strconv.Itoa(o.mcid))
							}
						}
						ids = append(ids, m.mcid)
					}
				}
				if tagIdx >= 0 {
					if name, ok := operands[tagIdx].(pdfName); ok && name == "Artifact" {
						m.artifact = true
						kind := ""
						if op == "BDC" {
							props := f.dict(operands[n-1])
							if ty := f.name(props["Type"]); ty != "" {
								kind = string(ty)
								if st := f.name(props["Subtype"]); st != "" {
									kind += "/" + string(st)
								}
							}
						}
						artifacts[kind]++
					}
				}
			}
			stack = append(stack, m)
		case "EMC":
			if len(stack) == 0 {
				problem("EMC without BDC/BMC")
			} else {
				stack = stack[:len(stack)-1]
			}
		case "Tj", "TJ", "'", "\"", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh", "BI":
			if !covered() && reported < 5 {
				reported++
				problem(fmt.Sprintf("%s outside tagged content and artifacts", op))
			}
		}
	})
	if len(stack) > 0 {
		problem(strconv.Itoa(len(stack)) + " marked-content sequences not closed")
	}
	return ids
}
