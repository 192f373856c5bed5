package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// issue9 lists the examples of issue 9's table with the figure each must
// give, end to end from the CLI: text, value, unit, kind.
var issue9 = map[string][][4]string{
	"zh-hans.txt": {
		{"四百五", "450", "", "quantity"},
		{"一万三人", "13000", "人", "count"},
		{"一千零十二名", "1012", "名", "count"},
		{"负40%", "-0.4", "%", "percent"},
		{"三百五十又3分之1公里", "350.3333333333333", "km", "quantity"},
		{"负一又二分之一度", "-1.5", "度", "quantity"},
		{"七周岁", "7", "age", "quantity"},
	},
	"ja.txt": {
		{"百二十三万四千五百六十七人", "1234567", "人", "count"},
		{"千二百億ドル", "120000000000", "USD", "money"},
		{"三千二百十七件", "3217", "件", "count"},
		{"二千十八年", "2018", "year", "year"},
		{"３分の２", "0.6666666666666666", "%", "percent"},
		{"四分の三", "0.75", "%", "percent"},
		{"19パーセント", "0.19", "%", "percent"},
		{"九パーセント", "0.09", "%", "percent"},
		{"３ダース", "36", "", "quantity"},
		{"１，２３４，５６７人", "1234567", "人", "count"},
		{"2222円13銭", "2222.13", "JPY", "money"},
		{"二番目", "2", "番目", "ordinal"},
		{"1000万人民元", "10000000", "CNY", "money"},
		{"5キログラム", "5", "kg", "quantity"},
		{"10ポンド", "10", "lb", "quantity"},
	},
	"ko.txt": {
		{"오십이명", "52", "명", "count"},
		{"이십 퍼센트", "0.2", "%", "percent"},
		{"7천 5백만 달러", "75000000", "USD", "money"},
		{"3분의 1", "0.3333333333333333", "%", "percent"},
	},
	"en.txt": {
		{"one hundred and sixty-one people", "161", "people", "count"},
		{"minus 5", "-5", "", "quantity"},
		{"10 bln", "10000000000", "", "quantity"},
		{"5k users", "5000", "users", "count"},
		{"2.5M", "2500000", "", "quantity"},
		{".5", "0.5", "", "quantity"},
		{"3 dollars 50 cents", "3.5", "USD", "money"},
		{"twenty-fifth", "25", "", "ordinal"},
		{"three and one fourth miles", "3.25", "mi", "quantity"},
		{"C$ 20", "20", "CAD", "money"},
		{"HK$ 20", "20", "HKD", "money"},
	},
}

// TestIssue9Figures converts the fixtures of issue 9's table to JSON and
// XLSX and checks every figure, exactly, in both.
func TestIssue9Figures(t *testing.T) {
	for name, want := range issue9 {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			src, err := os.ReadFile(filepath.Join("..", "..", "convert", "figures", "testdata", "issue9", name))
			require.NoError(t, err)
			in := filepath.Join(dir, name)
			require.NoError(t, os.WriteFile(in, src, 0o644))
			code, _, errs := docconv(t, dir, "", "-t", "json", "-o", "out.json", in)
			require.Equal(t, 0, code, errs)
			code, _, errs = docconv(t, dir, "", "-t", "xlsx", "-o", "out.xlsx", in)
			require.Equal(t, 0, code, errs)

			var doc struct {
				Figures []struct {
					Text  string  `json:"text"`
					Value float64 `json:"value"`
					Unit  string  `json:"unit"`
					Kind  string  `json:"kind"`
				} `json:"figures"`
			}
			b, err := os.ReadFile(filepath.Join(dir, "out.json"))
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal(b, &doc))
			var got [][4]string
			for _, f := range doc.Figures {
				got = append(got, [4]string{f.Text, strconv.FormatFloat(f.Value, 'f', -1, 64), f.Unit, f.Kind})
			}
			assert.Equal(t, want, got, "JSON figures")

			x, err := excelize.OpenFile(filepath.Join(dir, "out.xlsx"))
			require.NoError(t, err)
			defer x.Close()
			rows, err := x.GetRows("Figures", excelize.Options{RawCellValue: true})
			require.NoError(t, err)
			require.Len(t, rows, len(want)+1)
			for i, w := range want {
				r := rows[i+1]
				assert.Equal(t, w[0], r[3])
				v, err := strconv.ParseFloat(r[4], 64)
				require.NoError(t, err, r)
				wv, _ := strconv.ParseFloat(w[1], 64)
				assert.InEpsilon(t, wv, v, 1e-15, "%s: XLSX value %s", w[0], r[4])
			}
		})
	}
}

// TestFileNameIsNotAFigure: a title made from the file name ("report
// 2024.txt", /dev/fd/63) is not text and gives no figure.
func TestFileNameIsNotAFigure(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "report 2024.txt")
	require.NoError(t, os.WriteFile(in, []byte("全年共有三百人参加。\n"), 0o644))
	code, _, errs := docconv(t, dir, "", "-t", "json", "-o", "out.json", in)
	require.Equal(t, 0, code, errs)
	var doc struct {
		Meta    struct{ Title string }  `json:"meta"`
		Figures []struct{ Text string } `json:"figures"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "out.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &doc))
	assert.Equal(t, "report 2024", doc.Meta.Title, "the file name still names the document")
	require.Len(t, doc.Figures, 1)
	assert.Equal(t, "三百人", doc.Figures[0].Text)
}
