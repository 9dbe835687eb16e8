package export

import (
	"context"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// TestStandInNeverRated: last year's outturn standing in for a month not
// yet available (the demo's ED03 Kent for Oct-26, 20.1% against a floor
// of 20.0%) is marked and never rated on the pack's Districts page, the
// workbook's Districts sheet and the pack's scorecard, as the Scorecard
// sheet marks it, and is not plotted as the month's point in the
// sparkline (QA23c D1: it was printed RED as the month's figure).
func TestStandInNeverRated(t *testing.T) {
	h, _ := demoHistory(t)
	p := app.MonthOf(2026, 10)
	k := app.SeriesKey{Ref: "ED03", Area: app.Kent}
	if o, ok := h.Observation(k, p); !ok || !o.StandIn || o.Value == nil || app.RoundTo(*o.Value, 1) != 20.1 {
		t.Fatalf("the demo's ED03 Kent Oct-26 is %+v, not the 20.1%% stand-in this test reads", o)
	}
	opt := Options{Produced: produced, AppVersion: "1.0-test"}
	dir := t.TempDir()
	pdfPath := filepath.Join(dir, "pack.pdf")
	if _, err := Write(context.Background(), pdfPath, h, opt); err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, pdfPath)
	// lines is the page that says title and has an ED03 row.
	lines := func(t *testing.T, title string) []string {
		for _, pg := range pages {
			if strings.Contains(pg, title) && strings.Contains(pg, "\nED03 ") {
				return strings.Split(pg, "\n")
			}
		}
		t.Fatalf("no page saying %q has an ED03 row", title)
		return nil
	}
	for _, tc := range []struct {
		page, want, not string
	}{
		{"Ashford", "20.1%", "20.1% R"},
		{"DoT", "20.1% (s)", "20.1% R"},
	} {
		t.Run(tc.page, func(t *testing.T) {
			pg := lines(t, tc.page)
			row := -1
			for i, l := range pg {
				if strings.HasPrefix(strings.TrimSpace(l), "ED03") {
					row = i
				}
			}
			if row < 0 {
				t.Fatalf("no ED03 row on the page")
			}
			text := strings.Join(strings.Fields(strings.Join(pg[row:min(row+2, len(pg))], " ")), " ")
			if !strings.Contains(text, tc.want) || !strings.Contains(text, standInMark) || strings.Contains(text, tc.not) {
				t.Errorf("ED03 reads %q: want %q marked %s and not %q", text, tc.want, standInMark, tc.not)
			}
			if all := strings.Join(strings.Fields(strings.Join(pg, " ")), " "); !strings.Contains(all, standInFootnote) {
				t.Errorf("the page does not say %q", standInFootnote)
			}
		})
	}

	f, _ := export(t, h, opt)
	row := sheetRow(t, f, DistrictsSheet, "ED03")
	col := headed(t, f, DistrictsSheet, string(app.Kent))
	ref := cell(col, row)
	if v := numberAt(t, f, DistrictsSheet, ref); app.RoundTo(v, 3) != 0.201 {
		t.Fatalf("Districts %s holds %v, want 20.1%%", ref, v)
	}
	numFmt, fill := format(t, f, DistrictsSheet, ref)
	if fill != "" || strings.Contains(numFmt, `" R"`) {
		t.Errorf("Districts %s is rated: format %q, fill %q", ref, numFmt, fill)
	}
	if st, err := f.GetCellStyle(DistrictsSheet, ref); err != nil {
		t.Fatal(err)
	} else if s, _ := f.GetStyle(st); s.Font == nil || !s.Font.Italic {
		t.Errorf("Districts %s is not italic", ref)
	}
	if !hasComment(f, DistrictsSheet, ref, standInNote) {
		t.Errorf("Districts %s has no note %q", ref, standInNote)
	}

	// The sparkline's last point is not the stand-in.
	b, err := newBook(h, opt)
	if err != nil {
		t.Fatal(err)
	}
	b.analyse()
	for _, ro := range b.rows {
		if ro.key != k {
			continue
		}
		if at := ro.point(p); at == nil || !at.StandIn {
			t.Fatalf("ED03's point for Oct-26 is %+v, not the stand-in", at)
		}
		if v := sparkValues(ro, b.months)[len(b.months)-1]; !math.IsNaN(v) {
			t.Errorf("the sparkline plots the stand-in as Oct-26's point")
		}
	}
}

// TestStandInNotChartedAsTheMonths: the stand-in month is flagged
// missing, and its chart page says so, never giving last year's outturn
// as the month's figure; the workbook's chart of it leaves the month out
// (QA26b S1: "October 2026: 20.1%" under "Flagged in October 2026:
// missing", and the Trend sheet's chart plotted it).
func TestStandInNotChartedAsTheMonths(t *testing.T) {
	h, _ := demoHistory(t)
	opt := Options{Produced: produced, AppVersion: "1.0-test"}
	pdfPath := filepath.Join(t.TempDir(), "pack.pdf")
	if _, err := Write(context.Background(), pdfPath, h, opt); err != nil {
		t.Fatal(err)
	}
	var page string
	for _, pg := range pdfText(t, pdfPath) {
		if strings.Contains(pg, "Flagged in October 2026") && strings.Contains(pg, "ED03") {
			page = strings.Join(strings.Fields(pg), " ")
		}
	}
	if page == "" {
		t.Fatal("no chart page for ED03")
	}
	if want := "October 2026: no figure yet (last year's 20.1% stands in)"; !strings.Contains(page, want) {
		t.Errorf("ED03's chart page does not say %q:\n%s", want, page)
	}
	if strings.Contains(page, "October 2026: 20.1%") {
		t.Errorf("ED03's chart page gives the stand-in as the month's figure:\n%s", page)
	}

	f, _ := export(t, h, opt)
	rows, err := f.GetRows(TrendSheet)
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		if len(row) == 0 || !strings.HasPrefix(row[0], "ED03 ") || !strings.Contains(row[0], ": flagged") {
			continue
		}
		col := slices.Index(row, "Oct-26")
		if col < 0 || r+1 >= len(rows) || len(rows[r+1]) < 2 || rows[r+1][1] != "Value" {
			t.Fatalf("ED03's chart block at row %d is not laid out as expected: %q", r+1, row)
		}
		if next := rows[r+1]; col < len(next) && next[col] != "" {
			t.Errorf("the Trend sheet charts ED03's stand-in %q as Oct-26's value", next[col])
		}
		return
	}
	t.Fatal("no chart block for ED03 on the Trend sheet")
}
