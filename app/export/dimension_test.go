package export

import (
	"archive/zip"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/assets"
	"scorecard/importer"
)

// sheetCells is what a worksheet's XML declares and holds.
type sheetCells struct {
	dimension        string
	lastCol, lastRow int // of the cells present
	emptyText        int // cells of empty text
}

// readSheetCells reads every worksheet of the workbook at path, by its
// part name, straight from the XML, as a streaming reader would.
func readSheetCells(t *testing.T, path string) map[string]sheetCells {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	got := map[string]sheetCells{}
	for _, f := range z.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var sc sheetCells
		d := xml.NewDecoder(r)
		var inCell, hasText bool
		var text strings.Builder
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			switch e := tok.(type) {
			case xml.StartElement:
				switch e.Name.Local {
				case "dimension":
					for _, a := range e.Attr {
						if a.Name.Local == "ref" {
							sc.dimension = a.Value
						}
					}
				case "c":
					inCell, hasText = true, false
					text.Reset()
					for _, a := range e.Attr {
						if a.Name.Local == "r" {
							c, row, err := excelize.CellNameToCoordinates(a.Value)
							if err != nil {
								t.Fatalf("%s: cell %q: %v", f.Name, a.Value, err)
							}
							sc.lastCol, sc.lastRow = max(sc.lastCol, c), max(sc.lastRow, row)
						}
					}
				case "is", "v":
					hasText = true
				}
			case xml.CharData:
				if inCell {
					text.Write(e)
				}
			case xml.EndElement:
				if e.Name.Local == "c" {
					if hasText && text.Len() == 0 {
						sc.emptyText++
					}
					inCell = false
				}
			}
		}
		r.Close()
		got[f.Name] = sc
	}
	return got
}

// TestSheetsDeclareTheirDimension checks every sheet of an export, in the
// house layout and in the original's, declares a dimension holding every
// cell written, and writes no cell of empty text: a streaming reader
// trusts the dimension and reads nothing past it.
func TestSheetsDeclareTheirDimension(t *testing.T) {
	dir := t.TempDir()
	orig := filepath.Join(dir, "demo.xlsx")
	if err := os.WriteFile(orig, assets.Demo, 0o644); err != nil {
		t.Fatal(err)
	}
	demo, _ := demoHistory(t)
	tests := []struct {
		name string
		h    *app.History
		opt  Options
	}{
		{"house", demo, Options{Produced: produced}},
		{"house excluding UASC, suppressed", demo, Options{Produced: produced, Exclude: []app.Cohort{app.UASC}, Suppress: 5}},
		{"original", imported(t, orig, "I0001"), Options{Produced: produced, Original: orig, Reread: importer.Reread}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.xlsx")
			if _, err := Write(context.Background(), out, tt.h, tt.opt); err != nil {
				t.Fatal(err)
			}
			for part, sc := range readSheetCells(t, out) {
				want := "A1"
				if sc.lastCol > 1 || sc.lastRow > 1 {
					want = "A1:" + cell(sc.lastCol, sc.lastRow)
				}
				if sc.dimension == "" {
					t.Errorf("%s declares no dimension; its cells run to %s", part, want)
					continue
				}
				// The dimension may run past the last cell (a merged
				// title), never short of it.
				from, to, _ := strings.Cut(sc.dimension, ":")
				if to == "" {
					to = from
				}
				c, r, err := excelize.CellNameToCoordinates(to)
				if from != "A1" || err != nil || c < sc.lastCol || r < sc.lastRow {
					t.Errorf("%s declares dimension %s; its cells run to %s", part, sc.dimension, want)
				}
				if sc.emptyText > 0 {
					t.Errorf("%s writes %d cells of empty text", part, sc.emptyText)
				}
			}
		})
	}
}

// TestOpenpyxlReadOnlyReadsEverything reads an export of the demo history with
// openpyxl in read-only mode, as pandas does, and in its ordinary mode,
// which ignores the declared dimension: every sheet must read back the
// same rows, columns and values both ways.
func TestOpenpyxlReadOnlyReadsEverything(t *testing.T) {
	python := needOpenpyxl(t)
	out := filepath.Join(t.TempDir(), "demo.xlsx")
	h, _ := demoHistory(t)
	sum, err := Write(context.Background(), out, h, Options{Produced: produced})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, filepath.Join("testdata", "read_only.py"), out)
	cmd.Stderr = os.Stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("read_only.py: %v", err)
	}
	var got map[string]struct {
		MaxRow     int      `json:"max_row"`
		MaxColumn  int      `json:"max_column"`
		FullRow    int      `json:"full_row"`
		FullColumn int      `json:"full_column"`
		Values     int      `json:"values"`
		FullValues int      `json:"full_values"`
		Differ     []string `json:"differ"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("read_only.py printed %q: %v", b, err)
	}
	if len(got) != len(sum.Sheets) {
		t.Errorf("openpyxl read %d sheets, the export wrote %d", len(got), len(sum.Sheets))
	}
	for name, s := range got {
		if s.MaxRow != s.FullRow || s.MaxColumn != s.FullColumn {
			t.Errorf("sheet %q: read-only mode sees %d rows x %d columns, the sheet holds %d x %d", name, s.MaxRow, s.MaxColumn, s.FullRow, s.FullColumn)
		}
		if s.Values != s.FullValues || len(s.Differ) > 0 {
			t.Errorf("sheet %q: read-only mode reads %d values, the sheet holds %d; first differences %q", name, s.Values, s.FullValues, s.Differ)
		}
	}
	data := got[DataSheet]
	if want := sum.DataRows + 2; data.MaxRow != want || data.MaxColumn != len(DataHeader) {
		t.Errorf("Data sheet: read-only mode sees %d rows x %d columns, want %d x %d", data.MaxRow, data.MaxColumn, want, len(DataHeader))
	}
}

// needOpenpyxl finds a Python with openpyxl, skipping the test when there
// is none, except under CI, where scripts/setup.sh installs it.
func needOpenpyxl(t *testing.T) string {
	t.Helper()
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(py, "-c", "import openpyxl").Run() == nil {
			return py
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("python3 with openpyxl is not installed, and CI must have it (scripts/setup.sh test)")
	}
	t.Skip("python3 with openpyxl is not installed: apt-get install -y python3-openpyxl, or run scripts/setup.sh test")
	return ""
}
