package views

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
	"scorecard/app/benchmark"
	"scorecard/app/cohort"
	"scorecard/app/trend"
)

// detailPane is one indicator in depth: its chart, its figures month by
// month with their revisions, the guidance, the commentary for the chosen
// period and the targets by year.
type detailPane struct {
	w   *mainWindow
	ref string
	ind app.Indicator

	title                 *widget.Label
	about                 *widget.Label
	signal                *tipLabel
	chart                 *historyChart
	numbers               *widget.Table
	widths                []float32 // the numbers' column widths
	points                []detailPoint
	guidance              *widget.Label
	comment               *widget.Entry
	commentHead           *widget.Label // whose figures the commentary is about
	save                  *widget.Button
	targets               *fyne.Container
	benchmarks            *widget.Label
	chartSplit, sideSplit *container.Split
	tYear                 *widget.Select
	tTarget               *widget.Entry
	tFloor                *widget.Entry
	// The officer's chart settings: the trend window, the SPC baseline's
	// start and a rebase with its note.
	window               *widget.Select
	basePeriod, rebaseAt *widget.Select
	settingNote          *widget.Entry
	content              fyne.CanvasObject
	// retire retires the indicator shown, or puts it back; moveRetire,
	// shown while it is retired, changes the period it is retired from
	// (retire.go).
	retire, moveRetire *widget.Button
	// retireAgain, when set, is said first by the next retire
	// confirmation: why it is shown again.
	retireAgain string

	// cannot is the reason every month of the shown series cannot exclude
	// the cohorts, said once above the table rather than in each row.
	cannot string
}

// detailPoint is one month of the numbers table: trend's analysis of it,
// the observation behind it and the earlier versions it replaced.
type detailPoint struct {
	pt        trend.Point
	obs       app.Observation
	revisions []app.Observation
}

var detailTitles = []string{"Period", "Value", "Numerator", "Denominator", "Target", "Floor", "RAG", "DoT", "Change", "Variation", "Revisions", "Import"}

var detailWidths = []float32{75, 85, 95, 105, 75, 75, 50, 85, 85, 150, 200, 65}

func newDetailPane(w *mainWindow) *detailPane {
	d := &detailPane{w: w}
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.Wrapping = fyne.TextWrapWord
	d.about = widget.NewLabel("")
	d.retire = widget.NewButton(retireText(false), d.confirmRetire)
	d.moveRetire = widget.NewButton(moveRetireText, d.confirmMoveRetire)
	d.moveRetire.Hide()
	d.about.Wrapping = fyne.TextWrapWord
	d.signal = newTipLabel()
	d.signal.Wrapping = fyne.TextWrapWord
	d.chart = newHistoryChart()
	d.numbers = widget.NewTableWithHeaders(
		func() (int, int) { return len(d.points), len(detailTitles) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(d.text(id.Row, id.Col)) },
	)
	d.numbers.ShowHeaderColumn = false
	d.numbers.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	d.numbers.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(detailTitles[id.Col])
		}
	}
	d.widths = detailColumnWidths()
	for i, wd := range d.widths {
		d.numbers.SetColumnWidth(i, wd)
	}
	d.guidance = widget.NewLabel("")
	d.guidance.Wrapping = fyne.TextWrapWord
	d.comment = widget.NewMultiLineEntry()
	d.comment.SetPlaceHolder("Commentary for this period, exported beside the figures")
	d.comment.Wrapping = fyne.TextWrapWord
	d.comment.SetMinRowsVisible(5)
	d.save = widget.NewButton("Save commentary", d.saveComment)
	// The heading, which wraps, names the cohorts excluded rather than the
	// button, which cannot wrap and with four cohorts excluded held the
	// window wider than a laptop's screen.
	d.commentHead = widget.NewLabelWithStyle("Commentary", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.commentHead.Wrapping = fyne.TextWrapWord
	d.targets = container.NewVBox()
	d.benchmarks = widget.NewLabel("")
	d.benchmarks.Wrapping = fyne.TextWrapWord
	d.tYear = widget.NewSelect(nil, func(y string) { d.fillTargetEntries() })
	d.tTarget, d.tFloor = widget.NewEntry(), widget.NewEntry()
	d.tTarget.SetPlaceHolder("target")
	d.tFloor.SetPlaceHolder("floor")
	// Two by two, so that the side column leaves the chart room at 1024 px.
	setTarget := container.NewGridWithColumns(2, d.tYear, d.tTarget, d.tFloor, widget.NewButton("Save target", d.saveTarget))

	d.window = widget.NewSelect(nil, nil) // fillSettings offers the series' own periods
	d.window.PlaceHolder = "trend window"
	d.basePeriod, d.rebaseAt = widget.NewSelect(nil, nil), widget.NewSelect(nil, nil)
	d.basePeriod.PlaceHolder, d.rebaseAt.PlaceHolder = "baseline from", "rebase at"
	d.settingNote = widget.NewEntry()
	d.settingNote.SetPlaceHolder("note shown on the chart, e.g. new service model")
	settings := container.NewVBox(
		container.NewGridWithColumns(2, d.window, widget.NewButton("Set trend window", d.saveWindow)),
		d.settingNote,
		container.NewGridWithColumns(2, d.basePeriod, widget.NewButton("Set SPC baseline", d.saveBaseline)),
		container.NewGridWithColumns(2, d.rebaseAt, widget.NewButton("Rebase SPC here", d.saveRebase)),
	)

	side := container.NewVScroll(container.NewVBox(
		widget.NewLabelWithStyle("How it is calculated", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		d.guidance,
		widget.NewSeparator(),
		d.commentHead,
		d.comment,
		d.save,
		widget.NewSeparator(),
		widget.NewLabelWithStyle("Trend window and SPC chart", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		settings,
		widget.NewSeparator(),
		widget.NewLabelWithStyle("Benchmarks", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		d.benchmarks,
		widget.NewSeparator(),
		widget.NewLabelWithStyle("Targets and floors by year", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		d.targets,
		setTarget,
	))
	d.chartSplit = container.NewVSplit(d.chart, d.numbers)
	d.chartSplit.Offset = 0.55
	d.sideSplit = container.NewHSplit(d.chartSplit, side)
	d.sideSplit.Offset = 0.7
	// Retire stands beside the indicator's name, which it names.
	d.content = container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(d.moveRetire, d.retire), d.title), d.about, d.signal), nil, nil, nil, d.sideSplit)
	return d
}

// show switches the pane to the indicator ref.
func (d *detailPane) show(ref string) {
	d.ref = ref
	d.reload()
}

// reload redraws the pane from the view, after a control changed.
func (d *detailPane) reload() {
	v := d.w.v
	ind, ok := v.shown.Indicator(d.ref)
	if !ok {
		d.title.SetText("Choose an indicator on the scorecard")
		// An indicator gone from the store (a colleague's undo) must not
		// be described under it.
		d.about.SetText("")
		d.guidance.SetText("")
		d.signal.SetText("")
		d.signal.setTip("")
		d.retire.Disable()
		d.moveRetire.Hide()
		d.points = nil
		d.chart.set(chartData{})
		d.numbers.Refresh()
		return
	}
	d.ind = ind
	d.title.SetText(fmt.Sprintf("%s  %s", ind.Ref, ind.Name))
	d.about.SetText(describeIndicator(ind, v))
	d.guidance.SetText(guidanceText(ind))
	split := app.Excluding(v.cohorts...)
	c, own, _ := v.shown.CommentFor(ind.Ref, v.area, split, v.period)
	text := c.Text
	if !own && text != "" {
		// Written about all children's figures, not the ones shown.
		text = "(all children) " + text
	}
	d.comment.SetText(text)
	if len(v.cohorts) > 0 && c.Text != "" {
		shown, _ := v.shown.Observation(app.SeriesKey{Ref: ind.Ref, Area: v.area}, v.period)
		all, _ := v.stored.Observation(app.SeriesKey{Ref: ind.Ref, Area: v.area}, v.period)
		if w := cohort.Misquoted(ind, c.Text, shown, all); w != "" {
			d.about.SetText(d.about.Text + "\nCheck the comment: " + w + ".")
		}
	}
	d.retire.Enable()
	d.fillRetire()
	d.save.SetText("Save commentary for " + v.period.Label())
	d.commentHead.SetText("Commentary")
	if len(v.cohorts) > 0 {
		d.commentHead.SetText("Commentary for " + v.period.Label() + ", " + strings.ToLower(split.Label()[:1]) + split.Label()[1:])
	}
	d.points = d.pointsFor(ind)
	d.cannot = cannotExcludeAll(d.points)
	d.chart.set(d.chartFor(ind))
	d.signal.SetText(d.signalText())
	d.signal.setTip(d.signalTerms())
	d.numbers.Refresh()
	d.fillTargets(ind)
	d.tYear.Options = d.targetYears()
	if !slices.Contains(d.tYear.Options, d.tYear.Selected) {
		d.tYear.Selected = ind.TargetYear(v.period).String()
	}
	d.tYear.Refresh()
	d.fillTargetEntries()
	d.fillSettings()
}

func plainFigure(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

func describeIndicator(ind app.Indicator, v *view) string {
	parts := []string{}
	if ind.Section != "" {
		parts = append(parts, ind.Section)
	}
	switch ind.Polarity {
	case app.HigherBetter:
		parts = append(parts, "higher is better")
	case app.LowerBetter:
		parts = append(parts, "lower is better")
	case app.NearTarget:
		parts = append(parts, "close to target is better")
	default:
		parts = append(parts, "activity indicator (no RAG)")
	}
	if ind.Unit != "" {
		parts = append(parts, "unit "+string(ind.Unit))
	}
	if ind.DataPeriod != "" {
		parts = append(parts, "data period "+string(ind.DataPeriod))
	}
	if ind.Owner != "" {
		parts = append(parts, "owner "+ind.Owner)
	}
	parts = append(parts, string(v.area), app.Excluding(v.cohorts...).Label())
	return strings.Join(parts, " · ")
}

// guidanceText is the indicator's guidance, led for a year-to-date
// measure by the month its figures accumulate from.
func guidanceText(ind app.Indicator) string {
	ytd := ind.YearToDateWords()
	switch {
	case ind.Guidance != "":
		return strings.TrimSpace(ytd + " " + ind.Guidance)
	case ytd != "":
		return ytd + " No other guidance has been imported for this indicator."
	}
	return "No guidance has been imported for this indicator."
}

// pointsFor lists every period of the shown series as trend analyses it,
// newest first, as the numbers table reads best.
func (d *detailPane) pointsFor(ind app.Indicator) []detailPoint {
	v := d.w.v
	k := v.key(ind.Ref)
	pts := trend.Analyse(v.shown, k, trend.Options{Until: v.shown.AnalysedUntil(k, v.period), Details: true})
	out := make([]detailPoint, 0, len(pts))
	for i := len(pts) - 1; i >= 0; i-- {
		pt := pts[i]
		o, ok := v.shown.FiledFor(k, pt.Period)
		at := pt.Period
		if ok {
			at = o.Period // the month a quarter's figure was given in
		}
		out = append(out, detailPoint{pt: pt, obs: o, revisions: v.stored.Revisions(k, at)})
	}
	return out
}

func (d *detailPane) text(row, col int) string {
	if row >= len(d.points) {
		return ""
	}
	p := d.points[row]
	ind := d.ind
	num := func(f *float64) string {
		if f == nil {
			return ""
		}
		return groupThousands(strconv.FormatFloat(app.RoundTo(*f, 2), 'f', -1, 64))
	}
	switch col {
	case 0:
		return ind.PeriodLabel(p.pt.Period)
	case 1:
		if p.pt.Missing {
			return "missing"
		}
		if d.cannot != "" {
			return "" // said once, above the table
		}
		if p.obs.StandIn {
			return formatValue(ind, p.obs) + " (prev. yr)" // as the Scorecard tab marks it
		}
		return formatValue(ind, p.obs)
	case 2:
		return num(p.pt.Numerator)
	case 3:
		return num(p.pt.Denominator)
	case 4:
		return formatTarget(ind, p.pt.Target)
	case 5:
		return formatTarget(ind, p.pt.Floor)
	case 6:
		return p.pt.RAG.Letter()
	case 7:
		return string(p.pt.DoT)
	case 8:
		if p.pt.Change == nil {
			return ""
		}
		return formatChange(ind, *p.pt.Change)
	case 9:
		return variationWords(p.pt)
	case 10:
		var was []string
		for _, r := range p.revisions {
			was = append(was, fmt.Sprintf("%s (%s)", formatValue(ind, r), r.Import))
		}
		if len(was) == 0 {
			return ""
		}
		return "was " + strings.Join(was, ", ")
	case 11:
		return p.pt.Import
	}
	return ""
}

// fillTargets lists the targets year by year, as benchmark.Plan lays
// them out, with any recorded for the wrong kind of year (which RAG
// ignores) called out for correction.
func (d *detailPane) fillTargets(ind app.Indicator) {
	d.targets.RemoveAll()
	v := d.w.v
	for _, yt := range benchmark.Plan(v.stored, ind, app.Period{}, app.Period{}, v.period) {
		line := fmt.Sprintf("%s: target %s, floor %s", yt.Year.Label(), formatTarget(ind, yt.Target.Target), formatTarget(ind, yt.Target.Floor))
		switch {
		case !yt.Set:
			line = yt.Year.Label() + ": not set"
		case yt.InForce:
			line += " (in force)"
		case yt.Milestone:
			line += " (milestone)"
		}
		if yt.Target.Import != "" {
			line += " · " + yt.Target.Import
		}
		d.targets.Add(widget.NewLabel(line))
	}
	for _, t := range benchmark.Mismatched(v.stored, ind) {
		l := widget.NewLabel(fmt.Sprintf("%s: target %s is set for a %s but this indicator's targets are by %s; RAG ignores it",
			t.Year.Label(), formatTarget(ind, t.Target), yearKind(t.Year.Kind), yearKind(ind.TargetYear(v.period).Kind)))
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.WarningImportance
		d.targets.Add(l)
	}
	d.fillBenchmarks(ind)
}

func yearKind(k app.PeriodKind) string {
	if k == app.AcademicYear {
		return "academic year"
	}
	return "financial year"
}

// fillBenchmarks shows the comparators beside the chosen period, with the
// year they relate to, which is often older.
func (d *detailPane) fillBenchmarks(ind app.Indicator) {
	v := d.w.v
	s, ok := benchmark.Beside(v.shown, ind.Ref, v.period)
	if !ok {
		d.benchmarks.SetText("No benchmarks have been imported for this indicator.")
		return
	}
	lines := []string{s.Caption()}
	if len(v.cohorts) > 0 {
		// Published benchmarks count all children, whatever is excluded.
		lines[0] += " (all children)"
	}
	for _, b := range []*app.Benchmark{s.England, s.Region, s.NeighbourMean, s.NeighbourMedian} {
		if b == nil {
			continue
		}
		line := b.Group + ": " + formatTarget(b.Shown(ind), b.Value)
		if b.Status != app.OK {
			line = b.Group + ": " + b.Status.String()
		}
		if b.Model != "" {
			line += " (" + b.Model + ")"
		}
		lines = append(lines, line)
	}
	if r := s.Rank; r != nil && r.Rank > 0 {
		lines = append(lines, fmt.Sprintf("%s ranks %d of %d (quartile %s; 1 = best)", d.w.auth.Name, r.Rank, r.OutOf, r.Quartile))
	}
	d.benchmarks.SetText(strings.Join(lines, "\n"))
}

// cannotExcludeAll returns the reason when every month of pts cannot
// exclude the cohorts for the same reason, else "".
func cannotExcludeAll(pts []detailPoint) string {
	reason := ""
	for i, p := range pts {
		if p.obs.Status != app.CannotExclude || i > 0 && p.obs.Raw != reason {
			return ""
		}
		reason = p.obs.Raw
	}
	if reason == "" && len(pts) > 0 {
		reason = app.CannotExclude.Describe()
	}
	return reason
}

// cohortNames are the cohorts' short names: "uasc", "ola".
func cohortNames(cs []app.Cohort) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = string(c)
	}
	return out
}
