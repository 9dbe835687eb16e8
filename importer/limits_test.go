package importer

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// zipWith copies a workbook, adding an entry of n zero bytes, which
// deflates to almost nothing: the shape of a zip bomb.
func zipWith(t *testing.T, src, entry string, n int64) string {
	t.Helper()
	in, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	path := filepath.Join(t.TempDir(), "bomb.xlsx")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(out)
	for _, f := range in.File {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, r); err != nil {
			t.Fatal(err)
		}
		r.Close()
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: entry, Method: zip.Deflate})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.CopyN(w, zeros{}, n); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestRefusesZipBomb(t *testing.T) {
	bomb := zipWith(t, houseBook(t), "xl/media/padding.bin", 64<<20)
	if fi, err := os.Stat(bomb); err != nil || fi.Size() > 1<<20 {
		t.Fatalf("bomb is %d bytes on disk, want a small file (%v)", fi.Size(), err)
	}
	_, err := Read(context.Background(), bomb, Options{MaxUnzipSize: 32 << 20})
	want := "bomb.xlsx: refused: it would unpack to more than 32 MB (a zip bomb or a giant sheet)"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("error = %v, want %q", err, want)
	}
	// Under the default limit the same shape of file, smaller, reads.
	fine := zipWith(t, houseBook(t), "xl/media/padding.bin", 1<<20)
	if _, err := Read(context.Background(), fine, Options{}); err != nil {
		t.Fatalf("a workbook with 1 MB of media: %v", err)
	}
}

func TestRefusesGiantSheet(t *testing.T) {
	defer func(n int) { maxCells = n }(maxCells)
	maxCells = 100_000
	b := newBook(t)
	b.row("Sheet1", "A1", "Ref", "Period", "Value")
	// One cell far to the right makes every row it is on 16,384 cells
	// wide once the blanks before it are counted.
	for r := 2; r < 10; r++ {
		cell, _ := excelize.CoordinatesToCellName(16000, r)
		b.row("Sheet1", cell, 1)
	}
	_, err := Read(context.Background(), b.save("giant.xlsx"), Options{})
	if err == nil || !strings.Contains(err.Error(), "giant.xlsx: sheet \"Sheet1\": refused: the sheet has more than") {
		t.Fatalf("error = %v, want a refusal naming the sheet", err)
	}
}

// TestRefusesSparseBomb scans a small sheet whose rows each claim a cell
// at column XFD: padded, that is a billion cells, refused without
// lowering the limit.
func TestRefusesSparseBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("<worksheet><sheetData>")
	for r := 1; r <= 100_000; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, r, r)
	}
	b.WriteString("</sheetData></worksheet>")
	_, err := scanSheet(context.Background(), []byte(b.String()), nil, 0)
	if !errors.Is(err, errGiantSheet) {
		t.Fatalf("error = %v, want the giant-sheet refusal", err)
	}
}

// scanSheet scans a sheet's XML as the importer reads a sheet.
func scanSheet(ctx context.Context, data []byte, sst []string, maxRows int) (*grid, error) {
	x, err := xlsx.Scan(ctx, data, sst, xlsx.ScanOptions{MaxRows: maxRows, MaxCells: maxCells})
	if err != nil {
		return nil, sheetError(err)
	}
	return (&workbook{}).grid(x), nil
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Read(ctx, houseBook(t), Options{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
}

func TestReadCSV(t *testing.T) {
	csv := "\ufeffRef,Indicator,Period,Area,Cohort,Numerator,Denominator,Value,Status\n" +
		"CIC05,Children in care with 3+ placements,2025-03,Kent,All,221,1896,11.66,\n" +
		"CIC05,Children in care with 3+ placements,2025-03,Kent,Excluding UASC,150,1500,10,\n" +
		"CIC05,Children in care with 3+ placements,2025-03,Shepway,,,,,c\n" +
		"CIC05,Children in care with 3+ placements,Mar-25,Medway,,,,5,\n" +
		"CIC05,Children in care with 3+ placements,2025-13,Kent,,,,5,\n" +
		"CIC01,Number of children in care,2025-03,Kent,,,,\"1,896\",\n"
	path := filepath.Join(t.TempDir(), "data.csv")
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	res := mustRead(t, path)
	if res.Format != "tidy table" {
		t.Errorf("format = %q", res.Format)
	}
	d := res.Dataset
	if len(d.Observations) != 5 {
		t.Fatalf("%d observations, want 5: %+v", len(d.Observations), d.Observations)
	}
	// Medway is not Kent's: kept under its own name, never dropped.
	if o, _ := findObs(d, "CIC05", "Medway", app.All, "2025-03"); !approx(o.Value, 5) {
		t.Errorf("CIC05 Medway = %+v, want 5 kept under Medway", o)
	}
	o, _ := findObs(d, "CIC05", app.Kent, app.All, "2025-03")
	if !approx(o.Value, 11.66) || !approx(o.Numerator, 221) || !approx(o.Denominator, 1896) || o.Cell != "line 2" {
		t.Errorf("CIC05 Kent = %+v", o)
	}
	o, _ = findObs(d, "CIC05", app.Kent, app.Excluding(app.UASC), "2025-03")
	if !approx(o.Value, 10) {
		t.Errorf("CIC05 excluding UASC = %+v", o)
	}
	o, _ = findObs(d, "CIC05", "Folkestone and Hythe", app.All, "2025-03")
	if o.Status != app.Suppressed || o.Value != nil {
		t.Errorf("Shepway = %+v, want suppressed", o)
	}
	ind, _ := findInd(d, "CIC05")
	if ind.Measure != app.Proportion || ind.Unit != app.Percent {
		t.Errorf("CIC05 = %+v", ind)
	}
	var lines []string
	for _, w := range res.Warnings {
		lines = append(lines, w.String())
	}
	got := strings.Join(lines, "\n")
	for _, want := range []string{
		`data.csv: line 5: CIC05: area "Medway" is not Kent, one of its districts or a named pseudo-area; its figures here and in every row naming it are kept under "Medway"`,
		`data.csv: line 6: CIC05: row skipped: "2025-13" is not a period`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings lack %q:\n%s", want, got)
		}
	}
}

func TestReadDistrictsAndBreakdown(t *testing.T) {
	b := newBook(t)
	s := "Districts"
	b.sheet(s)
	b.row(s, "A1", "District scorecard - March 2025")
	header := []any{"Ref", "Indicator", "Kent"}
	for _, d := range app.Districts {
		header = append(header, string(d))
	}
	header = append(header, "Out of County / Unknown", "UASC Service")
	b.row(s, "A3", header...)
	// Tonbridge & Malling and Shepway are the spellings some sheets use.
	b.row(s, "N3", "Tonbridge & Malling")
	b.row(s, "H3", "Shepway")
	counts := []any{"CIC01", "Number of children in care", 1896.0}
	for i := range app.Districts {
		counts = append(counts, float64(100+i))
	}
	counts = append(counts, 10.0, 200.0)
	b.row(s, "A4", counts...)
	b.row(s, "A5", "CIC02", "Number of care starts", 500.0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)

	c := "CiC Breakdown"
	b.sheet(c)
	b.row(c, "A1", "Ref", "Indicator", "Jan-25", "Feb-25", "Mar-25")
	b.row(c, "A2", "CIC10", "Children in care re-entering care")
	b.row(c, "A3", nil, "All CiC", 40, 42, 44)
	b.row(c, "A4", nil, "Excluding UASC", 30, 31, 32)
	b.row(c, "A5", nil, "UASC", 10, 11, 12)
	res := mustRead(t, b.save("districts.xlsx"))
	d := res.Dataset
	l := res.Layouts[1]
	if l.Sheet != "Districts" || l.Kind != DistrictSheet || l.Period.String() != "2025-03" {
		t.Fatalf("layout = %+v", l)
	}
	o, ok := findObs(d, "CIC01", "Tonbridge and Malling", app.All, "2025-03")
	if !ok || !approx(o.Value, 110) {
		t.Errorf("Tonbridge = %+v", o)
	}
	o, ok = findObs(d, "CIC01", "Folkestone and Hythe", app.All, "2025-03")
	if !ok || !approx(o.Value, 104) {
		t.Errorf("Folkestone = %+v", o)
	}
	o, ok = findObs(d, "CIC01", app.UASCService, app.All, "2025-03")
	if !ok || !approx(o.Value, 200) {
		t.Errorf("UASC Service = %+v", o)
	}
	for _, tt := range []struct {
		split app.Split
		want  float64
	}{{app.All, 44}, {app.Excluding(app.UASC), 32}, {app.Only(app.UASC), 12}} {
		o, ok := findObs(d, "CIC10", app.Kent, tt.split, "2025-03")
		if !ok || !approx(o.Value, tt.want) {
			t.Errorf("CIC10 %s = %+v, want %v", tt.split, o, tt.want)
		}
	}
	if _, ok := findInd(d, "CIC10"); !ok || len(d.Indicators) != 3 {
		t.Errorf("indicators = %+v, want CIC01, CIC02, CIC10 and no cohort indicators", d.Indicators)
	}
	var sums []string
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "12 districts") {
			sums = append(sums, w.String())
		}
	}
	// CIC01's districts (1,266) with out of county (10) and the UASC
	// Service (200) make 1,476, not 1,896; CIC02's districts (78) fall
	// short of Kent's 500, which they may.
	want := "districts.xlsx: Districts!C4: CIC01 2025-03: the 12 districts with out of county and the UASC Service sum to 1476 but Kent is 1896"
	if len(sums) != 1 || sums[0] != want {
		t.Errorf("district sum warnings = %q, want %q", sums, want)
	}
}

// TestLayoutProfile checks a detected layout survives saving as a profile
// and reads the same figures when given back.
func TestLayoutProfile(t *testing.T) {
	path := houseBook(t)
	res := mustRead(t, path)
	profile := map[string]Layout{}
	for _, l := range res.Layouts {
		profile[l.Sheet] = l
	}
	again, err := Read(context.Background(), path, Options{Layouts: profile})
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Dataset.Observations) != len(res.Dataset.Observations) {
		t.Errorf("with the profile: %d observations, detected: %d", len(again.Dataset.Observations), len(res.Dataset.Observations))
	}
	bad := map[string]Layout{"CYPE Scorecard": {Kind: IndicatorSheet, HeaderRow: 4, Columns: []Column{{Col: "1A", Role: RoleRef}}}}
	_, err = Read(context.Background(), path, Options{Layouts: bad})
	if err == nil || !strings.HasPrefix(err.Error(), `house.xlsx: sheet "CYPE Scorecard": saved layout: layout column "1A"`) {
		t.Errorf("bad profile error = %v", err)
	}
}

// TestHeaderBelowWideRows puts the header under title rows so wide that
// the head read for detection stops before it: the whole sheet is looked
// at before the sheet is given up, and read only once.
func TestHeaderBelowWideRows(t *testing.T) {
	b := newBook(t)
	wide := make([]any, 300)
	for i := range wide {
		wide[i] = fmt.Sprintf("note %d", i)
	}
	for r := 1; r < 30; r++ {
		b.row("Sheet1", fmt.Sprintf("A%d", r), wide...)
	}
	b.row("Sheet1", "A30", "Ref", "Indicator", "Mar-25")
	b.row("Sheet1", "A31", "CIC01", "Number of children in care", 1896)
	path := b.save("wide.xlsx")
	// The sheet read whole for detection is kept for the import, not
	// read again.
	s, err := sample(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.book.Close()
	if !hasScorecardSheet(s) || s.wholes.get("Sheet1") == nil {
		t.Error("the sheet read whole for detection was not kept")
	}
	res := mustRead(t, path)
	if o, ok := findObs(res.Dataset, "CIC01", app.Kent, app.All, "2025-03"); !ok || !approx(o.Value, 1896) {
		t.Fatalf("CIC01 = %+v, want 1896 from below the wide title rows", o)
	}
	if res.Layouts[0].HeaderRow != 30 {
		t.Errorf("header row %d, want 30", res.Layouts[0].HeaderRow)
	}
}
