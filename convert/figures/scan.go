package figures

import (
	"strconv"

	"github.com/docconv/docconv/convert"
)

// findIn is a minimal placeholder recognizer: Arabic numbers with %, 年.
func findIn(seg segment, lang string) []convert.Figure {
	var out []convert.Figure
	rs := seg.text
	for i := 0; i < len(rs); {
		if rs[i] < '0' || rs[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(rs) && (rs[j] >= '0' && rs[j] <= '9' || rs[j] == '.') {
			j++
		}
		v, err := strconv.ParseFloat(string(rs[i:j]), 64)
		if err != nil {
			i = j
			continue
		}
		f := convert.Figure{Value: v, Kind: convert.KindQuantity}
		if j < len(rs) && rs[j] == '%' {
			f.Kind, f.Unit, f.Value = convert.KindPercent, "%", v/100
			j++
		} else if j < len(rs) && rs[j] == '年' {
			f.Kind, f.Unit = convert.KindYear, "year"
			j++
		}
		f.Text = string(rs[i:j])
		out = append(out, f)
		i = j
	}
	return out
}
