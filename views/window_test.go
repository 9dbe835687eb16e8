package views

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
	"scorecard/app/trend"
)

func openFixture(t *testing.T, months int) *mainWindow {
	t.Helper()
	return openFixtureIn(t, test.NewTempApp(t), months)
}

// openFixtureIn is openFixture in app a, whose preferences windows
// opened one after another share.
func openFixtureIn(t *testing.T, a fyne.App, months int) *mainWindow {
	t.Helper()
	w, err := newMainWindow(a, newMemBackend(scorecardFixture(months)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	w.open()
	w.win.Resize(fyne.NewSize(1600, 900))
	t.Cleanup(w.win.Close)
	return w
}

// cells returns what the scorecard says for ref in the given columns.
func cells(t *testing.T, s *scorecardTable, ref string, cols ...int) []string {
	t.Helper()
	row := rowOf(s, ref)
	if row < 0 {
		t.Fatalf("%s is not on the scorecard", ref)
	}
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = s.text(row, c)
	}
	return out
}

func TestScorecardShowsLatestPeriodRated(t *testing.T) {
	w := openFixture(t, 24)
	if got := w.v.period.String(); got != "2025-03" {
		t.Fatalf("opens on %s, want the latest period 2025-03", got)
	}
	cols := []int{colCurrent, colPrevious, colChange, colTarget, colFloor, colRAG, colDoT}
	for _, tc := range []struct {
		ref  string
		want []string
	}{
		// 223/1892 = 11.79%, 222/1888 = 11.76%: the same at one decimal.
		{"CIC05", []string{"11.8%", "11.8%", "+0.0 pp", "11.0%", "12.0%", "A", "same"}},
		// An activity indicator: no target, no RAG, no judgement.
		{"SCS02", []string{"1,730", "1,720", "+10", "-", "-", "", ""}},
		// 83.0% against target 85, floor 80; year to date, so up from
		// Mar-24's 81.0%, not Feb-25's 82.0%.
		{"EH01", []string{"83.0%", "81.0%", "+2.0 pp", "85.0%", "80.0%", "A", "improved"}},
	} {
		if got := cells(t, w.score, tc.ref, cols...); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.ref, got, tc.want)
		}
	}
	// Sections head their indicators, in scorecard order.
	var sections []string
	for _, l := range w.score.lines {
		if l.row == nil {
			sections = append(sections, l.section)
		}
	}
	if want := []string{"Children in Care", "Social Care", "Early Help"}; !slices.Equal(sections, want) {
		t.Errorf("sections %q, want %q", sections, want)
	}
}

func TestScorecardDrawsRAGLetterOnColour(t *testing.T) {
	w := openFixture(t, 24)
	row := rowOf(w.score, "CIC05")
	cell := newScoreCell().(*fyne.Container)
	w.score.updateCell(widget.TableCellID{Row: row, Col: colRAG}, cell)
	if fill, _ := ragColours(app.Amber); fillOf(cell) != fill {
		t.Errorf("RAG cell filled %v, want amber %v", fillOf(cell), fill)
	}
	if got := letterOf(cell); got != "A" {
		t.Errorf("RAG cell letter %q, want A", got)
	}
	// The drawn window shows the figures too, not only the model.
	texts := strings.Join(labelTexts(w.win.Content()), "|")
	for _, want := range []string{"CIC05", "11.8%", "Children in Care", "Kent"} {
		if !strings.Contains(texts, want) {
			t.Errorf("window does not show %q", want)
		}
	}
}

func TestScorecardFilters(t *testing.T) {
	w := openFixture(t, 24)
	test.Type(w.search, "placements")
	if rowOf(w.score, "CIC05") < 0 || rowOf(w.score, "EH01") >= 0 {
		t.Errorf("searching 'placements' keeps %d lines", len(w.score.lines))
	}
	w.search.SetText("")
	// The fixture's steady climb puts CIC05 and SCS02 above their upper
	// process limits; EH01 cycles within them.
	w.flagged.SetChecked(true)
	if rowOf(w.score, "CIC05") < 0 || rowOf(w.score, "SCS02") < 0 || rowOf(w.score, "EH01") >= 0 {
		t.Errorf("flagged only should keep CIC05 and SCS02 (special cause) and drop EH01")
	}
	if got := cells(t, w.score, "CIC05", colFlags)[0]; got != "special cause" {
		t.Errorf("CIC05 flags %q, want special-cause", got)
	}
	w.cohorts[app.UASC].SetChecked(true)
	if rowOf(w.score, "EH01") < 0 {
		t.Errorf("flagged only, excluding UASC, should keep EH01 (not excludable)")
	}
	w.flagged.SetChecked(false)
	w.section.SetSelected("Social Care")
	if rowOf(w.score, "SCS02") < 0 || rowOf(w.score, "CIC05") >= 0 {
		t.Errorf("section Social Care shows other sections")
	}
	w.section.SetSelected(allSections)
	w.order.SetSelected(sortRAG)
	if rowOf(w.score, "CIC05") < 0 {
		t.Errorf("sorting lost CIC05")
	}
}

func TestKeyboardOpensDetail(t *testing.T) {
	w := openFixture(t, 24)
	w.win.Canvas().Focus(w.score.table)
	// The first line is the section heading; down once reaches CIC05.
	w.score.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if !strings.Contains(w.hint.Text, "CIC05") || !strings.Contains(w.hint.Text, "upper process limit") {
		t.Errorf("highlighting CIC05 shows %q under the scorecard, want its flag in words", w.hint.Text)
	}
	w.score.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if w.tabs.Selected() != w.tabDetail || w.detail.ref != "CIC05" {
		t.Fatalf("down and space opened %q on tab %q", w.detail.ref, w.tabs.Selected().Text)
	}
}

func TestDetailShowsHistory(t *testing.T) {
	w := openFixture(t, 24)
	w.openDetail("CIC05")
	d := w.detail
	if len(d.points) != 24 {
		t.Fatalf("detail lists %d months, want 24", len(d.points))
	}
	row := []string{}
	for c := range detailTitles {
		row = append(row, d.text(0, c))
	}
	want := []string{"Mar-25", "11.8%", "223", "1,892", "11.0%", "12.0%", "A", "same", "+0.0 pp", "Concerning (high)", "", "I0001"}
	if !slices.Equal(row, want) {
		t.Errorf("newest row %q, want %q", row, want)
	}
	cd := d.chart.data
	if len(cd.values) != 24 || cd.target[23] != 11 || cd.floor[23] != 12 || cd.bench[23] != 10.4 {
		t.Errorf("chart: %d values, target %v, floor %v, benchmark %v", len(cd.values), cd.target[23], cd.floor[23], cd.bench[23])
	}
	// The steady climb ends above the upper process limit: marked special.
	if !cd.special[23] || math.IsNaN(cd.mean[23]) || !(cd.upper[23] < cd.values[23]) {
		t.Errorf("chart: last point special %v, mean %v, upper %v, value %v", cd.special[23], cd.mean[23], cd.upper[23], cd.values[23])
	}
	if !strings.Contains(d.signal.Text, "above the upper process limit") || !strings.Contains(d.signal.Text, "1 child = ") {
		t.Errorf("signal line %q", d.signal.Text)
	}
	if !strings.Contains(d.benchmarks.Text, "England: 10.4%") || !strings.Contains(d.benchmarks.Text, "2023/24 benchmarks") {
		t.Errorf("benchmarks %q, want England's 10.4%% for 2023/24", d.benchmarks.Text)
	}
	// 1/1892 of the children in care, to two significant figures.
	if !strings.Contains(d.signal.Text, "1 child = 0.053 pp") {
		t.Errorf("signal line %q does not say one child is worth 0.053 pp", d.signal.Text)
	}
	if !strings.Contains(d.guidance.Text, "three or more placements") {
		t.Errorf("guidance %q", d.guidance.Text)
	}
	w.cohorts[app.UASC].SetChecked(true)
	if got := d.text(0, 1); got != "10.6%" {
		t.Errorf("detail excluding UASC shows %q, want 10.6%%", got)
	}
}

func TestDistrictGrid(t *testing.T) {
	w := openFixture(t, 24)
	d := w.districts
	row := slices.IndexFunc(d.inds, func(ind app.Indicator) bool { return ind.Ref == "CIC05" })
	// Ashford 15/150 = 10.0% green; Canterbury 16/150 = 10.7% green;
	// Dover 18/150 = 12.0% amber; Tunbridge Wells 26/150 = 17.3% red.
	for _, tc := range []struct {
		area app.Area
		want string
	}{
		{app.Kent, "11.8%  A"}, {"Ashford", "10.0%  G"}, {"Canterbury", "10.7%  G"},
		{"Dover", "12.0%  A"}, {"Tunbridge Wells", "17.3%  R"},
	} {
		col := 1 + slices.Index(app.Areas, tc.area)
		if got := d.text(row, col); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.area, got, tc.want)
		}
	}
}

func TestUndoFromHistory(t *testing.T) {
	a := test.NewTempApp(t)
	extra := &app.Dataset{Observations: []app.Observation{
		{Ref: "CIC05", Area: app.Kent, Period: app.MonthOf(2025, 4), Value: app.Float(9.9), Numerator: app.Float(190), Denominator: app.Float(1919)},
	}}
	b := newMemBackend(scorecardFixture(24), extra)
	w, err := newMainWindow(a, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if w.v.period.String() != "2025-04" {
		t.Fatalf("opens on %s, want 2025-04", w.v.period)
	}
	if len(w.history.imports) != 2 || w.history.imports[0].ID != "I0002" {
		t.Fatalf("history lists %d imports, newest %q", len(w.history.imports), w.history.imports[0].ID)
	}
	w.history.undoImport("I0002")
	if w.v.period.String() != "2025-03" {
		t.Errorf("after undo the scorecard shows %s, want 2025-03", w.v.period)
	}
	if !strings.Contains(importLine(w.history.imports[0]), "undone") {
		t.Errorf("history line %q does not say undone", importLine(w.history.imports[0]))
	}
}

func TestFileChoosersOpen(t *testing.T) {
	w := openFixture(t, 24)
	w.chooseImport()
	if w.win.Canvas().Overlays().Top() == nil {
		t.Fatal("File > Import shows no file chooser")
	}
	w.win.Canvas().Overlays().Remove(w.win.Canvas().Overlays().Top())
	w.showExport()
	choose := findButton(w.win.Canvas().Overlays().Top(), "Choose...")
	if choose == nil {
		t.Fatal("the export dialog has no Choose... button")
	}
	test.Tap(choose)
	if n := len(w.win.Canvas().Overlays().List()); n != 2 {
		t.Errorf("Choose... left %d overlays, want the export dialog and the save chooser", n)
	}
}

func TestSlowImportShowsProgressAndCancels(t *testing.T) {
	b := newMemBackend(scorecardFixture(24))
	b.slow = make(chan struct{})
	w, err := newMainWindow(test.NewTempApp(t), b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	w.importFiles([]string{"testdata/demo.xlsx"})
	if w.progress.content.Visible() {
		t.Error("the progress bar shows at once; it should wait half a second")
	}
	deadline := time.Now().Add(5 * time.Second)
	for !w.progress.content.Visible() && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if !w.progress.content.Visible() {
		t.Fatal("no progress bar after half a second")
	}
	// The window stays usable meanwhile.
	w.area.SetSelected("Dover")
	if got := cells(t, w.score, "CIC05", colCurrent)[0]; got != "12.0%" {
		t.Errorf("during the import Dover CIC05 shows %q", got)
	}
	test.Tap(w.progress.cancel)
	w.busy.Wait()
	if w.progress.content.Visible() {
		t.Error("the progress bar stays after cancelling")
	}
	if len(b.imports) != 1 || !strings.Contains(w.status.Text, "cancelled") {
		t.Errorf("after cancelling: %d imports, status %q", len(b.imports), w.status.Text)
	}
}

func TestRevisionsShowInDetail(t *testing.T) {
	reissue := &app.Dataset{Observations: []app.Observation{
		{Ref: "CIC05", Area: app.Kent, Period: app.MonthOf(2025, 3), Value: app.Float(12.5), Numerator: app.Float(237), Denominator: app.Float(1892)},
	}}
	w, err := newMainWindow(test.NewTempApp(t), newMemBackend(scorecardFixture(24), reissue), Options{})
	if err != nil {
		t.Fatal(err)
	}
	w.openDetail("CIC05")
	revCol := slices.Index(detailTitles, "Revisions")
	if got := w.detail.text(0, 1); got != "12.5%" {
		t.Errorf("March 2025 shows %q, want the reissued 12.5%%", got)
	}
	if got := w.detail.text(0, revCol); got != "was 11.8% (I0001)" {
		t.Errorf("March 2025 revisions %q, want was 11.8%% (I0001)", got)
	}
	if got := cells(t, w.score, "CIC05", colFlags)[0]; !strings.Contains(got, "revised") {
		t.Errorf("the scorecard's flags for a revised figure: %q", got)
	}
}

func TestHeadingClickSorts(t *testing.T) {
	w := openFixture(t, 24)
	// The table's heading cell is the heading with its edges (edged).
	box := w.score.table.CreateHeader()
	head := edgedContent(box).(*heading)
	w.score.table.UpdateHeader(widget.TableCellID{Row: -1, Col: colRAG}, box)
	if head.Text != "RAG" || head.onTap == nil {
		t.Fatalf("the RAG heading %q does not sort", head.Text)
	}
	test.Tap(head)
	// Red first across the scorecard: CIC05 and EH01 are amber, SCS02
	// has no rating.
	if got, want := scoreOrder(w.score), []string{"CIC05", "EH01", "SCS02"}; w.score.sortCol != colRAG || !slices.Equal(got, want) {
		t.Errorf("after clicking RAG the order is %v by column %d, want %v", got, w.score.sortCol, want)
	}
	if w.order.Selected != "RAG, ascending" {
		t.Errorf("after clicking RAG the picker says %q", w.order.Selected)
	}
	w.score.table.UpdateHeader(widget.TableCellID{Row: -1, Col: colRAG}, box)
	if head.Text != "RAG \u2191" {
		t.Errorf("the sorted RAG heading says %q, want an arrow", head.Text)
	}
	w.score.table.UpdateHeader(widget.TableCellID{Row: -1, Col: colSpark}, box)
	if head.onTap != nil {
		t.Errorf("the sparkline heading sorts, but there is nothing to sort on")
	}
}

// TestDistrictHeadingsReadInFull checks every district's name is drawn
// whole, on one or two lines, in a column as wide as it needs.
func TestDistrictHeadingsReadInFull(t *testing.T) {
	w := openFixture(t, 24)
	w.win.Resize(fyne.NewSize(2400, 900))
	w.tabs.Select(w.tabDistricts)
	drawn := map[string]*widget.Label{}
	walkVisible(w.districts.table, func(o fyne.CanvasObject) bool {
		switch o := o.(type) {
		case *widget.Label:
			drawn[o.Text] = o
			return false
		case *heading:
			drawn[o.Text] = &o.Label
			return false
		}
		return true
	})
	twoLines := headingLabel("1\n2").MinSize().Height
	for i, a := range app.Areas {
		h := w.districts.headings[i]
		lines := strings.Split(h, "\n")
		if strings.Join(lines, " ") != string(a) || len(lines) > 2 {
			t.Errorf("%s is headed %q", a, h)
		}
		l, ok := drawn[h]
		if !ok {
			t.Errorf("%s: no heading %q drawn", a, h)
			continue
		}
		need := headingLabel(h).MinSize()
		if got := l.Size(); got.Width < need.Width || got.Height < twoLines {
			t.Errorf("%s heading %q drawn %v, needs %v and two lines' height %v", a, h, got, need, twoLines)
		}
	}
	if h := w.districts.headings[slices.Index(app.Areas, "Folkestone and Hythe")]; h != "Folkestone\nand Hythe" {
		t.Errorf("Folkestone and Hythe is headed %q", h)
	}
}

// TestValidationReportSaysClean checks an import without warnings says so
// rather than showing an empty report, and one with warnings lists them.
func TestValidationReportSaysClean(t *testing.T) {
	b := newMemBackend(scorecardFixture(24))
	b.add("October.xlsx", "workbook", "", &app.Dataset{}, []app.Warning{
		{Location: app.Location{Sheet: "Districts", Cell: "D14"}, Message: "districts do not sum to Kent"},
	})
	w, err := newMainWindow(test.NewTempApp(t), b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.win.Close)
	h := w.history
	for _, tc := range []struct {
		index    int // newest first
		clean    bool
		warnings int
	}{{0, false, 1}, {1, true, 0}} {
		h.list.Select(tc.index)
		if h.clean.Visible() != tc.clean || len(h.warnings()) != tc.warnings {
			t.Errorf("%s: clean shown %v with %d warnings, want %v and %d", h.imports[tc.index].Source, h.clean.Visible(), len(h.warnings()), tc.clean, tc.warnings)
		}
	}
	if got := importLine(h.imports[1]); !strings.Contains(got, "figures, 0 warnings") {
		t.Errorf("history line %q", got)
	}
}

// TestDetailChartSettings sets a rebase, a baseline and a trend window
// from the detail pane: each is saved as an edit, and the chart draws the
// rebase and baseline as annotations at their months.
func TestDetailChartSettings(t *testing.T) {
	w := openFixture(t, 24)
	w.openDetail("CIC05")
	d := w.detail
	first := d.points[len(d.points)-1].pt.Period
	d.settingNote.SetText("new service model")
	d.rebaseAt.SetSelected(first.Add(13).Label()) // the baseline's 13 figures before it
	d.saveRebase()
	d.settingNote.SetText("")
	d.basePeriod.SetSelected(first.Label())
	d.saveBaseline()
	d.window.SetSelected("6 months")
	d.saveWindow()

	plan := w.v.stored.ChartPlan("CIC05")
	if len(plan.Rebases) != 1 || plan.Rebases[0].From != first.Add(13) || plan.Baseline == nil || plan.Window == nil || plan.Window.Periods != 6 {
		t.Fatalf("stored plan %+v", plan)
	}
	notes := d.chart.data.notes
	if len(notes) != 2 || notes[0].at != 13 || notes[0].text != "rebased: new service model" || notes[1].at != 0 {
		t.Errorf("chart notes %+v", notes)
	}
	if got := d.points[0].pt.Trend.Points; got != 6 {
		t.Errorf("the latest trend is over %d months, want 6", got)
	}
	if d.window.Selected != "6 months" {
		t.Errorf("the window control shows %q", d.window.Selected)
	}
}

// TestScorecardSignalColumn checks the scorecard's Making Data Count
// column: a word, coloured as MDC colours the icon, and the reading under
// the table when the row is highlighted.
func TestScorecardSignalColumn(t *testing.T) {
	w := openFixture(t, 24)
	// CIC05's steady climb ends above the upper process limit; lower is better.
	if got := cells(t, w.score, "CIC05", colSignal)[0]; got != "Concern" {
		t.Errorf("CIC05 signal %q, want Concern", got)
	}
	if fill, _ := signalColours(trend.ConcernHigh); fill != chartSpecial {
		t.Errorf("concern filled %v, want MDC orange", fill)
	}
	r := w.score.lines[rowOf(w.score, "CIC05")].row
	w.describeRow(r)
	if !strings.Contains(w.hint.Text, "Concerning: above the upper process limit") {
		t.Errorf("hint %q, want the variation's reading", w.hint.Text)
	}
}

// TestSortByFlags checks the scorecard's order by the most important
// flag: within a section, a special cause before a reversal, and an
// indicator with no flag last.
func TestSortByFlags(t *testing.T) {
	s := &scorecardTable{v: &view{area: app.Kent}, order: sortFlags, sortCol: -1, table: newKeyTable(nil, nil, nil)}
	s.rows = []scoreRow{
		{ind: app.Indicator{Ref: "A", Section: "S"}},
		{ind: app.Indicator{Ref: "B", Section: "S"}, flags: []string{trend.SmallNumbers}},
		{ind: app.Indicator{Ref: "C", Section: "S"}, flags: []string{trend.DoTReversal}},
		{ind: app.Indicator{Ref: "D", Section: "S"}, flags: []string{trend.SmallNumbers, trend.SpecialCause}},
	}
	s.relayout()
	var got []string
	for _, l := range s.lines {
		if l.row != nil {
			got = append(got, l.row.ind.Ref)
		}
	}
	if want := []string{"D", "C", "B", "A"}; !slices.Equal(got, want) {
		t.Errorf("sorted by flags %v, want %v", got, want)
	}
}

// TestSignalTooltip checks that the detail pane's plain-words signal line
// keeps the SPC terms in a tooltip shown while the pointer is over it.
func TestSignalTooltip(t *testing.T) {
	w := openFixture(t, 24)
	w.openDetail("CIC05")
	l := w.detail.signal
	if strings.Contains(l.Text, "special-concerning") {
		t.Errorf("signal line %q uses the SPC term", l.Text)
	}
	if !strings.Contains(l.tip, "SPC: special-concerning (above the upper process limit)") || !strings.Contains(l.tip, "concern-high") {
		t.Errorf("tooltip %q", l.tip)
	}
	l.MouseIn(&desktop.MouseEvent{})
	if l.popUp == nil || !l.popUp.Visible() || l.popUp.Content.(*widget.Label).Text != l.tip {
		t.Fatalf("no tooltip shown")
	}
	l.MouseOut()
	if l.popUp.Visible() {
		t.Errorf("tooltip still shown after the pointer left")
	}
}

// TestQuarterlyFiguresInMonthsShowInDetail: a figure trend analyses as
// the quarter whose last month it was given in (a quarterly measure's
// figures in month columns, a rolling year reported each quarter) is
// listed on the Indicator screen with its value, where the Value column
// had been blank: the table looked the figure up by the quarter, and it
// is filed under its month.
func TestQuarterlyFiguresInMonthsShowInDetail(t *testing.T) {
	for _, dp := range []app.DataPeriod{app.QuarterPeriod, app.Rolling12} {
		t.Run(string(dp), func(t *testing.T) {
			ds := &app.Dataset{Indicators: []app.Indicator{{Ref: "H03", Name: "Repeat child protection plans (%)", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, DataPeriod: dp}}}
			for i, v := range []float64{19.1, 20.0, 23.1} {
				ds.Observations = append(ds.Observations, app.Observation{Ref: "H03", Area: app.Kent, Period: app.MonthOf(2024, 9).Add(3 * i), Value: app.Float(v)})
			}
			w, err := newMainWindow(test.NewTempApp(t), newMemBackend(ds), Options{})
			if err != nil {
				t.Fatal(err)
			}
			w.openDetail("H03")
			var got []string
			for row := range w.detail.points {
				got = append(got, w.detail.text(row, 0)+" "+w.detail.text(row, 1))
			}
			want := []string{"Jan-Mar 2025 23.1%", "Oct-Dec 2024 20.0%", "Jul-Sep 2024 19.1%"}
			if dp == app.Rolling12 {
				want = []string{"Apr 2024-Mar 2025 23.1%", "Jan 2024-Dec 2024 20.0%", "Oct 2023-Sep 2024 19.1%"}
			}
			if !slices.Equal(got, want) {
				t.Errorf("the Indicator screen lists %q, want %q", got, want)
			}
		})
	}
}
