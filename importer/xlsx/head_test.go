package xlsx

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"
)

// TestHeadThenWhole reads a sheet's whole after its head, which goes on
// inflating from where the head stopped: the whole must be the sheet,
// as read without a head first, whether the sheet is smaller than a
// head or several times larger, in UTF-8 or UTF-16, however often and
// by however many callers the head is read.
func TestHeadThenWhole(t *testing.T) {
	bigRows := func(n int) string {
		var b strings.Builder
		for r := 3; r < n; r++ {
			fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>Row %d</t></is></c><c r="B%d" s="2"><v>%d.5</v></c></row>`, r, r, r, r, r)
		}
		return b.String()
	}
	utf16le := func(s string) string {
		b := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return string(b)
	}
	for _, tt := range []struct {
		name  string
		rows  int
		utf16 bool
	}{
		{"smaller than a head", 10, false},
		{"a head and a bit", 400, false},
		{"many heads", 5000, false},
		{"UTF-16, many heads", 3000, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := basePkg().prefixed("")
			p.edit(t, "xl/worksheets/sheet1.xml", `</sheetData>`, bigRows(tt.rows)+`</sheetData>`)
			if tt.utf16 {
				p.edit(t, "xl/worksheets/sheet1.xml", `encoding="UTF-8"`, `encoding="UTF-16"`)
				p["xl/worksheets/sheet1.xml"] = utf16le(p["xl/worksheets/sheet1.xml"])
			}
			path := p.write(t, t.TempDir(), "book.xlsx")
			ctx := context.Background()
			ref, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer ref.Close()
			want, err := ref.Grid(ctx, "Scorecard")
			if err != nil {
				t.Fatal(err)
			}
			wantXML, err := ref.SheetXML("Scorecard")
			if err != nil {
				t.Fatal(err)
			}
			for _, reads := range []string{"head grid", "head head grid grid", "head xml grid", "grid head grid", "heads grid"} {
				w, err := Open(path, Options{})
				if err != nil {
					t.Fatal(err)
				}
				for _, read := range strings.Fields(reads) {
					switch read {
					case "head":
						if _, _, err := w.Head(ctx, "Scorecard", 20); err != nil {
							t.Fatal(err)
						}
					case "heads":
						var wg sync.WaitGroup
						for range 4 {
							wg.Go(func() {
								if g, _, err := w.Head(ctx, "Scorecard", 2); err != nil || !reflect.DeepEqual(g.Rows, want.Rows[:2]) {
									t.Errorf("head: %v, %q", err, g.Rows)
								}
							})
						}
						wg.Wait()
					case "grid":
						g, err := w.Grid(ctx, "Scorecard")
						if err != nil {
							t.Fatal(err)
						}
						if !reflect.DeepEqual(g, want) {
							t.Errorf("%s: the whole read after the head differs from the sheet: %d rows, want %d", reads, len(g.Rows), len(want.Rows))
						}
					case "xml":
						b, err := w.SheetXML("Scorecard")
						if err != nil {
							t.Fatal(err)
						}
						if string(b) != string(wantXML) {
							t.Errorf("%s: the XML read after the head differs: %d bytes, want %d", reads, len(b), len(wantXML))
						}
					}
				}
				if err := w.Close(); err != nil {
					t.Error(err)
				}
			}
			if tt.rows > 400 && len(wantXML) < 2*headBytes {
				t.Errorf("the sheet is %d bytes, not several heads", len(wantXML))
			}
		})
	}
}
