package export

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/importer"
)

// chartWorkbook writes QA31's orig_chart.xlsx shape: a Districts sheet of
// care starts for May-26 with a column chart of the districts' row, data
// labels on, saved with the values it plots cached in its part as Excel
// and LibreOffice save them (excelize writes the cache empty).
func chartWorkbook(t *testing.T, path string, districts []string, starts []int) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const s = "Districts"
	if err := f.SetSheetName("Sheet1", s); err != nil {
		t.Fatal(err)
	}
	head := []any{"Ref", "Indicator", "Kent"}
	row := []any{"N01", "Number of children starting to be looked after in the month", 0}
	total := 0
	for i, d := range districts {
		head, row = append(head, d), append(row, starts[i])
		total += starts[i]
	}
	row[2] = total
	for r, cells := range [][]any{{"District summary - May 2026"}, {}, {}, head, row} {
		if err := f.SetSheetRow(s, cell(1, r+1), &cells); err != nil {
			t.Fatal(err)
		}
	}
	last, _ := excelize.ColumnNumberToName(3 + len(districts))
	if err := f.AddChart(s, "B8", &excelize.Chart{Type: excelize.Col, Series: []excelize.ChartSeries{{
		Name: s + "!$A$5", Categories: s + "!$D$4:$" + last + "$4", Values: s + "!$D$5:$" + last + "$5",
	}}}); err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	cached := fmt.Sprintf(`<numCache><formatCode>General</formatCode><ptCount val="%d"/>`, len(starts))
	for i, v := range starts {
		cached += fmt.Sprintf(`<pt idx="%d"><v>%d</v></pt>`, i, v)
	}
	cached += `</numCache>`
	emptyCache := regexp.MustCompile(`<numCache>.*?</numCache>`)
	rewriteZip(t, buf.String(), path, func(name string, b []byte) []byte {
		if name != "xl/charts/chart1.xml" {
			return b
		}
		if !emptyCache.Match(b) {
			t.Fatalf("excelize's chart has no numCache to fill: %s", b)
		}
		return emptyCache.ReplaceAll(b, []byte(cached))
	})
}

// rewriteZip writes the zip in to path, each part through edit.
func rewriteZip(t *testing.T, in, path string, edit func(name string, b []byte) []byte) {
	t.Helper()
	r, err := zip.NewReader(strings.NewReader(in), int64(len(in)))
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	w := zip.NewWriter(out)
	for _, zf := range r.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		part, err := w.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := part.Write(edit(zf.Name, b)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// zipPart is a part of the zip at path.
func zipPart(t *testing.T, path, name string) string {
	t.Helper()
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, zf := range r.File {
		if zf.Name == name {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("%s has no part %s", path, name)
	return ""
}

// TestOriginalChartCacheRewritten is QA31 finding 9: the original revised
// withheld the small district counts in its cells but kept the chart's
// cache of them (2, 2, 1 ... with data labels on) in xl/charts/chart1.xml.
// The cache must hold the cells as written, a gap where a figure is
// withheld, and the export warn of the chart once; a chart whose cells
// are unchanged keeps its cache, unwarned.
func TestOriginalChartCacheRewritten(t *testing.T) {
	districts := []string{"Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham",
		"Maidstone", "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"}
	cases := []struct {
		name   string
		starts []int
		want   string // the cached points, idx=value
		warned bool
	}{
		{"small counts withheld", []int{2, 2, 1, 5, 6, 7, 3, 7, 5, 0, 7, 5}, "3=5 4=6 5=7 7=7 8=5 9=0 10=7 11=5", true},
		{"every figure shown", []int{12, 9, 11, 5, 6, 7, 13, 7, 5, 0, 7, 5}, "0=12 1=9 2=11 3=5 4=6 5=7 6=13 7=7 8=5 9=0 10=7 11=5", false},
	}
	point := regexp.MustCompile(`<(?:\w+:)?pt idx="(\d+)"><(?:\w+:)?v>([^<]*)<`)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			orig, out := filepath.Join(dir, "orig_chart.xlsx"), filepath.Join(dir, "out.xlsx")
			chartWorkbook(t, orig, districts, c.starts)
			h := imported(t, orig, "I0001")
			sum, err := Write(context.Background(), out, h, Options{Suppress: 5, Original: orig, Reread: importer.Reread, Period: app.MonthOf(2026, 5)})
			if err != nil {
				t.Fatal(err)
			}
			chart := zipPart(t, out, "xl/charts/chart1.xml")
			vals := regexp.MustCompile(`(?s)<(?:\w+:)?numCache>.*?</(?:\w+:)?numCache>`).FindString(chart)
			var got []string
			for _, m := range point.FindAllStringSubmatch(vals, -1) {
				got = append(got, m[1]+"="+m[2])
			}
			if strings.Join(got, " ") != c.want {
				t.Errorf("chart cache %q, want %q:\n%s", got, c.want, vals)
			}
			warned := 0
			for _, w := range sum.Warnings {
				if strings.Contains(w.Message, "chart charts/chart1.xml") {
					warned++
				}
			}
			if want := map[bool]int{true: 1, false: 0}[c.warned]; warned != want {
				t.Errorf("%d warnings of the chart, want %d: %v", warned, want, sum.Warnings)
			}
		})
	}
}
