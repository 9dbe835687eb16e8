package importer

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// rewriteParts copies a workbook with some parts' XML changed by edit.
func rewriteParts(t *testing.T, path string, edit func(name, xml string) string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := filepath.Join(t.TempDir(), filepath.Base(path))
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(edit(zf.Name, string(b)))); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestReadProducerQuirks reads the house scorecard as other producers
// write it: the figures, months included, must be those of the plain
// file, with no warning and no refusal.
func TestReadProducerQuirks(t *testing.T) {
	for _, tt := range []struct {
		name string
		make func(t *testing.T) string
	}{
		{"1904 date system", func(t *testing.T) string {
			// Mac Excel's dates: the same months, serials 1462 lower.
			b := newBook(t)
			s := "CYPE Scorecard"
			b.sheet(s)
			yes := true
			if err := b.f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
				t.Fatal(err)
			}
			b.row(s, "A1", "Ref", "Indicator", "Polarity", 45566.0-1462, 45597.0-1462, 45627.0-1462)
			b.style(s, "D1", "F1", &excelize.Style{NumFmt: 17})
			b.row(s, "A2", "CIC05", "Children in care with 3 or more placements", "L", 0.121, 0.119, 0.1166)
			b.style(s, "D2", "F2", &excelize.Style{CustomNumFmt: ptr("0.0%")})
			return b.save("mac.xlsx")
		}},
		{"x: prefixed shared strings", func(t *testing.T) string {
			return rewriteParts(t, houseBook(t), func(name, xml string) string {
				if name != "xl/sharedStrings.xml" {
					return xml
				}
				return strings.NewReplacer("<sst xmlns=", "<x:sst xmlns:x=", "</sst>", "</x:sst>", "<si>", "<x:si>", "</si>", "</x:si>",
					"<t>", "<x:t>", "<t ", "<x:t ", "</t>", "</x:t>", "<r>", "<x:r>", "</r>", "</x:r>").Replace(xml)
			})
		}},
		{"styled blank at column XFD on every row", func(t *testing.T) string {
			b := newBook(t)
			s := "CYPE Scorecard"
			b.sheet(s)
			b.row(s, "A1", "Ref", "Indicator", "Polarity", 45566.0, 45597.0, 45627.0)
			b.style(s, "D1", "F1", &excelize.Style{NumFmt: 17})
			b.row(s, "A2", "CIC05", "Children in care with 3 or more placements", "L", 0.121, 0.119, 0.1166)
			b.style(s, "D2", "F2", &excelize.Style{CustomNumFmt: ptr("0.0%")})
			// 300 rows with a styled blank at XFD, as some tools write a
			// formatted row: 4.9 million cells if the blanks before it
			// counted.
			return rewriteParts(t, b.save("xfd.xlsx"), func(name, xml string) string {
				if name != "xl/worksheets/sheet1.xml" {
					return xml
				}
				var rows strings.Builder
				for r := 3; r <= 300; r++ {
					fmt.Fprintf(&rows, `<row r="%d"><c r="XFD%d" s="1"/></row>`, r, r)
				}
				for r := 1; r <= 2; r++ {
					xml = strings.Replace(xml, "</c></row>", fmt.Sprintf(`</c><c r="XFD%d" s="1"/></row >`, r), 1)
				}
				return strings.Replace(xml, "</sheetData>", rows.String()+"</sheetData>", 1)
			})
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := mustRead(t, tt.make(t))
			for _, w := range res.Warnings {
				t.Errorf("warning: %v", w)
			}
			for month, want := range map[string]float64{"2024-10": 12.1, "2024-12": 11.66} {
				o, ok := findObs(res.Dataset, "CIC05", app.Kent, app.All, month)
				if !ok || !approx(o.Value, want) {
					var got []string
					for _, o := range res.Dataset.Observations {
						got = append(got, o.Ref+" "+o.Period.String())
					}
					t.Errorf("CIC05 %s: %+v, %v; want %v (have %q)", month, o, ok, want, got)
				}
			}
		})
	}
}

// TestRefusalNamesReaderCause refuses a workbook whose cells refer to
// shared strings it does not have saying so, not "no header row found".
func TestRefusalNamesReaderCause(t *testing.T) {
	path := rewriteParts(t, houseBook(t), func(name, xml string) string {
		if name == "xl/sharedStrings.xml" {
			return `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`
		}
		return xml
	})
	_, err := Read(context.Background(), path, Options{})
	if err == nil || strings.Contains(err.Error(), "no header row") || !strings.Contains(err.Error(), "refers to shared string") {
		t.Fatalf("err = %v, want the missing shared string named", err)
	}
}

// TestThemeFillRAG reads a RAG shown by a theme colour's fill, as Excel
// writes a fill picked from the palette's theme colours, and by a legacy
// palette index.
func TestThemeFillRAG(t *testing.T) {
	for _, fill := range []string{`<fgColor theme="7"/>`, `<fgColor theme="5" tint="-0.249977111117893"/>`, `<fgColor indexed="51"/>`} {
		path := rewriteParts(t, houseBook(t), func(name, xml string) string {
			if name != "xl/styles.xml" {
				return xml
			}
			if !strings.Contains(xml, `<fgColor rgb="FFFFC000"></fgColor>`) {
				t.Fatalf("no amber fill in %s", xml)
			}
			return strings.ReplaceAll(xml, `<fgColor rgb="FFFFC000"></fgColor>`, fill)
		})
		o, ok := findObs(mustRead(t, path).Dataset, "CIC05", app.Kent, app.All, "2024-12")
		if !ok || o.SourceRAG != app.Amber {
			t.Errorf("%s: CIC05 2024-12 source RAG %q, want amber", fill, o.SourceRAG)
		}
	}
}
