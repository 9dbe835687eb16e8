package importer

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"scorecard/app"
)

// annexACSV writes the worked example's Annex A list (the LibreOffice
// fixture) as a case-management system saves it as CSV: the same title
// rows, header and children, dates as dd/mm/yyyy text, fields parted by
// comma, in UTF-8 or, as Excel's plain "CSV" on a European Windows saves
// it, in Windows-1252 parted by semicolons.
func annexACSV(t *testing.T, dir string, comma rune, windows1252 bool) string {
	t.Helper()
	return annexACSVOf(t, filepath.Join("childlevel", "testdata", "annexa-libreoffice.xlsx"), dir, comma, windows1252)
}

// annexACSVOf is annexACSV of the list in the workbook at book, laid out
// as the fixture is.
func annexACSVOf(t *testing.T, book, dir string, comma rune, windows1252 bool) string {
	t.Helper()
	f, err := excelize.OpenFile(book, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("List 8")
	if err != nil {
		t.Fatal(err)
	}
	const header = 3 // the header row's index
	for _, row := range rows[header+1:] {
		for j, cell := range row {
			if !strings.HasPrefix(rows[header][j], "Date ") || strings.Contains(cell, "/") || cell == "" {
				continue
			}
			serial, err := strconv.ParseFloat(cell, 64)
			if err != nil {
				t.Fatalf("%q: %v", cell, err)
			}
			row[j] = app.ExcelDate(serial).Format("02/01/2006")
		}
	}
	// Excel writes every row of the used range to its full width, a
	// blank row as separators alone.
	for i := range rows {
		for len(rows[i]) < len(rows[header]) {
			rows[i] = append(rows[i], "")
		}
	}
	// A title with a character UTF-8 and Windows-1252 write apart.
	rows[0][0] = strings.Replace(rows[0][0], " - ", " – ", 1)
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = comma
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	out := b.Bytes()
	if windows1252 {
		if out, err = charmap.Windows1252.NewEncoder().Bytes(out); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "List 8 children in care.csv")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestAnnexACSV reads an Annex A list saved as CSV (QA30 finding 3: it
// was refused as having no Ref and Indicator header) to the very figures
// and breakdowns the same list gives as a workbook, whatever its
// encoding and separator, with its warnings naming lines, as a CSV's do.
func TestAnnexACSV(t *testing.T) {
	asAt := time.Date(2025, time.February, 28, 0, 0, 0, 0, time.UTC)
	book, err := Read(context.Background(), filepath.Join("childlevel", "testdata", "annexa-libreoffice.xlsx"), Options{AsAt: asAt})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		comma       rune
		windows1252 bool
		note        string // a warning at line 1 on how the file was read
	}{
		{"CSV UTF-8", ',', false, ""},
		{"Windows-1252, semicolons", ';', true, "read as Windows-1252"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := annexACSV(t, t.TempDir(), tt.comma, tt.windows1252)
			res, err := Read(context.Background(), path, Options{AsAt: asAt})
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != FormatAnnexA || !res.ChildLevel() || strings.Join(res.Sheets, ",") != filepath.Base(path) {
				t.Errorf("format %q, sheets %q: want %q, the file", res.Format, res.Sheets, FormatAnnexA)
			}
			if !reflect.DeepEqual(res.Dataset.Observations, book.Dataset.Observations) {
				t.Errorf("figures\n%v\nwant the workbook's\n%v", res.Dataset.Observations, book.Dataset.Observations)
			}
			if !reflect.DeepEqual(res.Dataset.Breakdowns, book.Dataset.Breakdowns) || len(res.Dataset.Breakdowns) == 0 {
				t.Errorf("%d breakdowns, want the workbook's %d, alike", len(res.Dataset.Breakdowns), len(book.Dataset.Breakdowns))
			}
			var noted bool
			for _, w := range res.Warnings {
				if w.File != filepath.Base(path) || w.Sheet != "" {
					t.Errorf("warning %v: want the file named, and no sheet", w)
				}
				if strings.HasPrefix(w.Cell, "E") || strings.HasPrefix(w.Cell, "M") {
					t.Errorf("warning %v: want a line named, as in any CSV, not a sheet's cell", w)
				}
				noted = noted || w.Cell == "line 1" && tt.note != "" && strings.Contains(w.Message, tt.note)
			}
			if tt.note != "" && !noted {
				t.Errorf("warnings %v: want one at line 1 saying %q", res.Warnings, tt.note)
			}
			// The template's age and postcode columns, not read, are said
			// at the header's line, as the workbook says them at its row.
			var unread int
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, " not read: ") && w.Cell == "line 4" {
					unread++
				}
			}
			if unread != 2 {
				t.Errorf("warnings %v: want the 2 columns not read said at line 4, the header", res.Warnings)
			}
		})
	}
}
