package pdf_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/fonts"
	_ "github.com/docconv/docconv/fonts/embedded/ja" // IPAex Mincho and Gothic, compiled in
	_ "github.com/docconv/docconv/formats/pdf"
	_ "github.com/docconv/docconv/formats/text"
	"github.com/docconv/docconv/golden"
)

// Choose the fonts of a PDF. Without Options.Fonts the writer uses the
// faces registered for the document's language (fonts.Defaults; importing
// a package under fonts/embedded registers its faces). Options.Fonts is
// the library's --font: names or files tried first for every character.
// A registered face can be named like an installed font, so this example
// uses compiled-in faces only and prints the same on every machine.
func Example_fonts() {
	fmt.Println("defaults for Japanese body text:")
	for _, d := range fonts.Defaults("ja", fonts.RoleBody, false, false) {
		fmt.Println(" ", d.Name())
	}
	f, err := fonts.Resolve("ipaex gothic")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("resolved:", f.Family(), f.Style())

	for _, chosen := range [][]string{nil, {"IPAex Gothic"}} {
		var out bytes.Buffer
		err := convert.Convert(context.Background(), &out, strings.NewReader("東京の人口は約1400万人です。\n"), &convert.Options{
			From: "text", To: "pdf", Fonts: chosen, ModTime: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			log.Fatal(err)
		}
		p, err := golden.PDF(out.Bytes())
		if err != nil {
			log.Fatal(err)
		}
		// The "fonts" section of the projection: one line per font the
		// pages use, base font first (after a subset tag such as ABCDEF+).
		_, section, _ := strings.Cut(p, "== fonts\n")
		section, _, _ = strings.Cut(section, "\n\n")
		fmt.Printf("Fonts %q:\n", chosen)
		for _, line := range strings.Split(section, "\n") {
			name, _, _ := strings.Cut(line, " ")
			if _, base, ok := strings.Cut(name, "+"); ok {
				name = base
			}
			fmt.Println(" ", name)
		}
	}
	// Output:
	// defaults for Japanese body text:
	//   IPAexMincho
	//   Liberation Serif
	// resolved: IPAexGothic Regular
	// Fonts []:
	//   LiberationSerif
	//   IPAexMincho
	// Fonts ["IPAex Gothic"]:
	//   IPAexGothic
}
