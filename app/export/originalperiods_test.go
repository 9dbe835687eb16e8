package export

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/disclosure"
	"scorecard/importer"
)

// A council's own scorecard of quarters or years, as QA30 made one for a
// London borough: two merged title rows, a section row, Ref, Indicator,
// Polarity, the year's target (and, in some, its floor), a column a
// period, the officer's RAG (text and fill) and Notes. Each quarter's
// workbook repeats the year's earlier quarters, which the store keeps as
// the first workbook's figures with that workbook's cells: the export
// into the latest workbook must still revise them.

// cardRow is one indicator's row of such a scorecard.
type cardRow struct {
	ref, name, polarity string
	percent             bool
	target, floor       float64 // 0: none ("-")
	figures             []float64
	note                string
}

// card is a scorecard workbook: its rows and period columns, of which
// the workbook shows the first shown.
type card struct {
	title, subtitle string
	headings        []string     // the period columns' headings
	periods         []app.Period // what each heading means
	shown           int
	targetYear      string // "2024/25"
	floors          bool   // a Floor column beside the target
	fractions       bool   // percentages as 0-1 under a % format
	rows            []cardRow
}

// The officer's RAG words and fills (QA30's generator).
var officerFills = map[string]string{"Green": "00B050", "Amber": "FFC000", "Red": "FF0000"}

// officerRAG is how the council rates against a target alone: met is
// green, within 5% of it amber.
func officerRAG(polarity string, v, target float64) string {
	switch {
	case target == 0 || polarity != "H" && polarity != "L":
		return ""
	case polarity == "H" && v >= target, polarity == "L" && v <= target:
		return "Green"
	case polarity == "H" && v >= target*0.95, polarity == "L" && v <= target*1.05:
		return "Amber"
	}
	return "Red"
}

// appRAG is the app's rule (domain.md): met the target green, met the
// floor amber, else red; no floor, no rating.
func appRAG(polarity string, v, target, floor float64) string {
	switch {
	case target == 0 || floor == 0 || polarity != "H" && polarity != "L":
		return ""
	case polarity == "H" && v >= target, polarity == "L" && v <= target:
		return "Green"
	case polarity == "H" && v >= floor, polarity == "L" && v <= floor:
		return "Amber"
	}
	return "Red"
}

// Where the card's columns are.
const (
	cardHeadRow  = 4
	cardFirstRow = 6 // after the section row
)

func (c card) targetCol() int { return 4 }
func (c card) periodCol(i int) int {
	if c.floors {
		return 6 + i
	}
	return 5 + i
}
func (c card) ragCol() int  { return c.periodCol(len(c.headings)) }
func (c card) lastCol() int { return c.ragCol() + 1 }

// write saves the card at path, as the council's template lays it out.
func (c card) write(t *testing.T, path string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Scorecard"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	set := func(col, row int, v any) {
		if err := f.SetCellValue(sheet, cell(col, row), v); err != nil {
			t.Fatal(err)
		}
	}
	merge := func(row int) {
		if err := f.MergeCell(sheet, cell(1, row), cell(c.lastCol(), row)); err != nil {
			t.Fatal(err)
		}
	}
	style := func(s *excelize.Style) int {
		id, err := f.NewStyle(s)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	bold := style(&excelize.Style{Font: &excelize.Font{Bold: true}})
	percent := style(&excelize.Style{CustomNumFmt: ptr("0.0%")})
	decimal := style(&excelize.Style{CustomNumFmt: ptr("0.0")})
	count := style(&excelize.Style{NumFmt: 3}) // #,##0
	fills := map[string]int{}
	for word, rgb := range officerFills {
		fills[word] = style(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{rgb}}})
	}
	set(1, 1, c.title)
	merge(1)
	set(1, 2, c.subtitle)
	merge(2)
	heads := []string{"Ref", "Indicator", "Polarity", "Target " + c.targetYear}
	if c.floors {
		heads = append(heads, "Floor "+c.targetYear)
	}
	heads = append(append(heads, c.headings...), "RAG", "Notes")
	for i, h := range heads {
		set(i+1, cardHeadRow, h)
	}
	if err := f.SetCellStyle(sheet, cell(1, cardHeadRow), cell(len(heads), cardHeadRow), bold); err != nil {
		t.Fatal(err)
	}
	set(1, cardHeadRow+1, "Children in Care")
	merge(cardHeadRow + 1)
	for i, r := range c.rows {
		row := cardFirstRow + i
		set(1, row, r.ref)
		set(2, row, r.name)
		set(3, row, r.polarity)
		asFraction := func(v float64) (any, int) {
			switch {
			case r.percent && c.fractions:
				return v / 100, percent
			case r.percent || v != math.Trunc(v):
				return v, decimal
			}
			return v, count
		}
		for col, v := range map[int]float64{c.targetCol(): r.target, c.targetCol() + 1: r.floor} {
			if col == c.targetCol()+1 && !c.floors {
				continue
			}
			if v == 0 {
				set(col, row, "-")
				continue
			}
			x, st := asFraction(v)
			set(col, row, x)
			if err := f.SetCellStyle(sheet, cell(col, row), cell(col, row), st); err != nil {
				t.Fatal(err)
			}
		}
		for k := 0; k < c.shown; k++ {
			x, st := asFraction(r.figures[k])
			set(c.periodCol(k), row, x)
			if err := f.SetCellStyle(sheet, cell(c.periodCol(k), row), cell(c.periodCol(k), row), st); err != nil {
				t.Fatal(err)
			}
		}
		if rag := officerRAG(r.polarity, r.figures[c.shown-1], r.target); rag != "" {
			set(c.ragCol(), row, rag)
			if err := f.SetCellStyle(sheet, cell(c.ragCol(), row), cell(c.ragCol(), row), fills[rag]); err != nil {
				t.Fatal(err)
			}
		}
		if r.note != "" {
			set(c.lastCol(), row, r.note)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func ptr[T any](v T) *T { return &v }

// southwarkRows are QA30's quarterly figures for 2024/25, under Kent's
// refs (the store's authority).
func southwarkRows() []cardRow {
	return []cardRow{
		{ref: "CIC01", name: "Number of children in care", polarity: "-", figures: []float64{392, 389, 391, 387}},
		{ref: "CIC05", name: "Children in care with 3 or more placements in the last 12 months (%)", polarity: "L", percent: true, target: 10, floor: 12, figures: []float64{11.8, 12.1, 11.9, 11.6}},
		{ref: "CIC20", name: "Children in care with an up-to-date health assessment (%)", polarity: "H", percent: true, target: 90, floor: 85, figures: []float64{92.4, 90.1, 87.6, 93.0}},
		{ref: "CIC21", name: "Number of children adopted in the quarter", polarity: "-", figures: []float64{2, 5, 3, 2}, note: "Adoption orders granted in the quarter."},
		{ref: "SCS01", name: "Re-referrals to children's social care within 12 months (%)", polarity: "L", percent: true, target: 20, floor: 22, figures: []float64{18.7, 19.9, 23.5, 24.8}, note: "Increase linked to MASH restructure; audit under way."},
	}
}

// quarterCards returns the four quarterly workbooks of 2024/25, each
// showing the year's quarters so far.
func quarterCards(floors bool) []card {
	var out []card
	months := []string{"April - June 2024", "July - September 2024", "October - December 2024", "January - March 2025"}
	for q := 1; q <= 4; q++ {
		c := card{
			title:    "Kent County Council - Children's Social Care Performance Scorecard",
			subtitle: fmt.Sprintf("Quarter %d 2024-25 (%s)", q, months[q-1]),
			// Q1 2024-25 is April to June 2024.
			headings:   []string{"Q1 2024-25", "Q2 2024-25", "Q3 2024-25", "Q4 2024-25"},
			periods:    []app.Period{{Kind: app.Quarter, Year: 2024, N: 2}, {Kind: app.Quarter, Year: 2024, N: 3}, {Kind: app.Quarter, Year: 2024, N: 4}, {Kind: app.Quarter, Year: 2025, N: 1}},
			shown:      q,
			targetYear: "2024/25",
			floors:     floors,
			fractions:  true,
			rows:       southwarkRows(),
		}
		out = append(out, c)
	}
	return out
}

// yearCards returns two editions of an annual scorecard, each showing
// three years, the later one year on: headed as financial years, or
// academic years.
func yearCards(academic bool) []card {
	kind, suffix := app.FinancialYear, ""
	if academic {
		kind, suffix = app.AcademicYear, " AY"
	}
	rows := []cardRow{
		{ref: "ED05", name: "Number of pupils permanently excluded", polarity: "-", figures: []float64{3, 7, 2, 4}},
		{ref: "ED02", name: "Pupils persistently absent (%)", polarity: "L", percent: true, target: 18, figures: []float64{26.0, 24.1, 22.0, 20.3}},
		{ref: "ED06", name: "Children missing education", polarity: "-", figures: []float64{41, 38, 35, 33}},
	}
	var out []card
	for edition := 0; edition < 2; edition++ {
		c := card{
			title:      "Kent County Council - Education Performance Scorecard",
			subtitle:   "Published annually",
			shown:      3,
			targetYear: "2024/25",
		}
		for y := 2020 + edition; y < 2023+edition; y++ {
			c.headings = append(c.headings, fmt.Sprintf("%d/%02d%s", y, (y+1)%100, suffix))
			c.periods = append(c.periods, app.Period{Kind: kind, Year: y})
		}
		for _, r := range rows {
			r.figures = r.figures[edition : edition+3]
			c.rows = append(c.rows, r)
		}
		out = append(out, c)
	}
	return out
}

// shownCells reads a sheet of a workbook back with openpyxl
// (testdata/read_cells.py): by cell, its value, solid fill and comment.
type shownCell struct {
	Value   any     `json:"value"`
	Fill    *string `json:"fill"`
	Comment *string `json:"comment"`
}

func readCells(t *testing.T, python, path, sheet string) map[string]shownCell {
	t.Helper()
	out, err := exec.Command(python, filepath.Join("testdata", "read_cells.py"), path, sheet).Output()
	if err != nil {
		t.Fatalf("read_cells.py: %v", err)
	}
	got := map[string]shownCell{}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("read_cells.py printed %q: %v", out, err)
	}
	return got
}

// shownAs is what a figure's cell must show: its status code, or its
// value (a fraction under a percentage format).
func shownAs(c card, r cardRow, o app.Observation) (code string, v float64) {
	if o.Status != app.OK || o.Value == nil {
		return o.Status.String(), 0
	}
	v = *o.Value
	if r.percent && c.fractions {
		v /= 100
	}
	return "", v
}

// checkFigureCells checks every figure cell of the card in the export
// at path, read with excelize and with openpyxl, against the release
// (ex): the figure as released, or its code (c, cannot exclude) with a
// note. It returns how many cells show each code.
func checkFigureCells(t *testing.T, python, path string, c card, ex *app.History) map[string]int {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	py := readCells(t, python, path, "Scorecard")
	codes := map[string]int{}
	for i, r := range c.rows {
		row := cardFirstRow + i
		for k := 0; k < c.shown; k++ {
			at := cell(c.periodCol(k), row)
			want, ok := ex.Observation(app.SeriesKey{Ref: r.ref, Area: app.Kent}, c.periods[k])
			if !ok {
				t.Errorf("%s %s: the store holds no figure: the test's card was not imported as written", r.ref, c.headings[k])
				continue
			}
			code, v := shownAs(c, r, want)
			raw, _ := f.GetCellValue("Scorecard", at, excelize.Options{RawCellValue: true})
			back := py[at]
			if code != "" {
				codes[code]++
				if raw != code || back.Value != code {
					t.Errorf("%s %s (%s): excelize reads %q, openpyxl %v; the release says %q", r.ref, c.headings[k], at, raw, back.Value, code)
				} else if back.Comment == nil {
					t.Errorf("%s %s (%s): %q without a note saying why", r.ref, c.headings[k], at, code)
				}
				continue
			}
			got, err := strconv.ParseFloat(raw, 64)
			pyGot, isNumber := back.Value.(float64)
			if err != nil || !isNumber || math.Abs(got-v) > 1e-9 || math.Abs(pyGot-v) > 1e-9 {
				t.Errorf("%s %s (%s): excelize reads %q, openpyxl %v; the release's figure is %v", r.ref, c.headings[k], at, raw, back.Value, v)
			}
		}
	}
	return codes
}

// importedCards writes the cards into a folder and imports them in
// order, then the files after; the last card is the original exported
// into.
func importedCards(t *testing.T, cards []card, after ...string) (h *app.History, last string) {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i, c := range cards {
		p := filepath.Join(dir, fmt.Sprintf("card %d.xlsx", i+1))
		c.write(t, p)
		paths = append(paths, p)
	}
	return storeOf(t, append(paths, after...)...), paths[len(paths)-1]
}

// TestOriginalEveryPeriodSuppressed exports a council's latest quarterly
// and annual workbooks, into their own layout, suppressing counts of 1
// to 4: every period column's counts are withheld, not only the latest
// period's (QA30 1), whose earlier columns the store holds as the
// earlier workbooks' figures.
func TestOriginalEveryPeriodSuppressed(t *testing.T) {
	python := needOpenpyxl(t)
	tests := []struct {
		name  string
		cards []card
	}{
		{"quarters", quarterCards(false)},
		{"financial years", yearCards(false)},
		{"academic years", yearCards(true)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, orig := importedCards(t, tt.cards)
			c := tt.cards[len(tt.cards)-1]
			opt := Options{Original: orig, Reread: importer.Reread, Suppress: 5, Produced: produced, AppVersion: "1.0-test"}
			out := filepath.Join(t.TempDir(), "out.xlsx")
			sum, err := Write(context.Background(), out, h, opt)
			if err != nil {
				t.Fatal(err)
			}
			_, ex, _, _ := disclosure.ReleaseIn(h, nil, opt.Suppress, app.DefaultAuthority())
			codes := checkFigureCells(t, python, out, c, ex)
			// The release withholds every count under 5 the card shows,
			// and the cells say so: checked against the card itself,
			// not only the release.
			small := 0
			for _, r := range c.rows {
				for _, v := range r.figures[:c.shown] {
					if !r.percent && v >= 1 && v < 5 {
						small++
					}
				}
			}
			if small < 2 || codes[app.Suppressed.String()] < small {
				t.Errorf("%d cells withheld, the card shows %d counts under 5 (and needs two or more to test anything)", codes[app.Suppressed.String()], small)
			}
			if sum.Suppressed < small {
				t.Errorf("summary: %d suppressed, the card alone shows %d counts under 5", sum.Suppressed, small)
			}
		})
	}
}

// TestOriginalEveryPeriodExcluding exports the same workbooks excluding
// UASC, of whom the store holds no split: under the title excluding
// them, every period column of a measure of children says it cannot
// exclude them, with a note, and none keeps all children's figure (QA30
// 2); the summary counts every such cell. A measure of pupils stands as
// published (QA30 13): checkFigureCells finds its figures.
func TestOriginalEveryPeriodExcluding(t *testing.T) {
	python := needOpenpyxl(t)
	tests := []struct {
		name  string
		cards []card
	}{
		{"quarters", quarterCards(false)},
		{"financial years", yearCards(false)},
	}
	uasc := []app.Cohort{app.UASC}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, orig := importedCards(t, tt.cards)
			c := tt.cards[len(tt.cards)-1]
			out := filepath.Join(t.TempDir(), "out.xlsx")
			sum, err := Write(context.Background(), out, h, Options{Original: orig, Reread: importer.Reread, Exclude: uasc, Produced: produced, AppVersion: "1.0-test"})
			if err != nil {
				t.Fatal(err)
			}
			_, ex, _, _ := disclosure.ReleaseIn(h, uasc, 0, app.DefaultAuthority())
			codes := checkFigureCells(t, python, out, c, ex)
			children := 0
			for _, r := range c.rows {
				if !(app.Indicator{Name: r.name}).Counts().NotChildren {
					children++
				}
			}
			cannot := codes[app.CannotExclude.String()]
			if cannot < children*(c.shown-1) {
				t.Errorf("%d cells cannot exclude UASC: the store holds no split, so the earlier columns of the %d measures of children alone have %d", cannot, children, children*(c.shown-1))
			}
			if sum.CannotExclude != cannot {
				t.Errorf("summary: %d figures cannot exclude, the sheet shows %d", sum.CannotExclude, cannot)
			}
			title := readCells(t, python, out, "Scorecard")["A1"].Value
			if s, _ := title.(string); !strings.HasSuffix(s, exclusionPhrase(uasc)) {
				t.Errorf("title %q does not say whom the figures exclude", title)
			}
		})
	}
}
