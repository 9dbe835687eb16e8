package views

import (
	"fmt"
	"strconv"
	"strings"

	"scorecard/app"
	"scorecard/app/trend"
)

// The detail pane's controls for the officer's chart settings (issue 16):
// the trend window, the SPC baseline and rebases, each saved as an edit.

// windowSizes are the trend windows offered, in periods of the series,
// as members asked for direction of travel "over a set period".
var windowSizes = []int{3, 6, 12, 24}

// windowLabel names a trend window of n of the series' periods in their
// own cadence: "12 months", "12 quarters", "3 years". A quarterly
// series' window read "12 months" (QA30 16), a quarter of its span.
func (d *detailPane) windowLabel(n int) string {
	kind := app.Month
	if len(d.points) > 0 {
		kind = d.points[0].pt.Period.Kind // the slots the window counts
	}
	if n == 1 {
		return "1 " + kind.Word()
	}
	return strconv.Itoa(n) + " " + kind.Word() + "s"
}

// fillSettings offers the series' periods for a baseline or rebase, and
// shows the trend window in force.
func (d *detailPane) fillSettings() {
	var periods []string
	for i := len(d.points) - 1; i >= 0; i-- {
		periods = append(periods, d.points[i].pt.Period.Label())
	}
	d.basePeriod.Options, d.rebaseAt.Options = periods, periods
	// A window of a number of months, or since any month charted, oldest
	// first: "since April" is how members ask for a year to date.
	d.window.Options = nil
	for _, n := range windowSizes {
		d.window.Options = append(d.window.Options, d.windowLabel(n))
	}
	for _, p := range periods {
		d.window.Options = append(d.window.Options, sincePrefix+p)
	}
	d.basePeriod.ClearSelected()
	d.rebaseAt.ClearSelected()
	plan := d.w.v.shown.ChartPlan(d.ref)
	d.window.Selected = d.windowLabel(trend.DefaultOptions().Window)
	if w := plan.Window; w != nil {
		if w.Periods > 0 {
			d.window.Selected = d.windowLabel(w.Periods)
		} else {
			d.window.Selected = sincePrefix + w.From.Label()
		}
	}
	d.window.Refresh()
}

// periodOf returns the period of the numbers table labelled label.
func (d *detailPane) periodOf(label string) (app.Period, bool) {
	for _, p := range d.points {
		if p.pt.Period.Label() == label {
			return p.pt.Period, true
		}
	}
	return app.Period{}, false
}

// sincePrefix begins a trend window that runs from a period on.
const sincePrefix = "since "

// saveWindow records the chosen trend window as an edit.
func (d *detailPane) saveWindow() {
	if d.ref == "" {
		return
	}
	if label, ok := strings.CutPrefix(d.window.Selected, sincePrefix); ok {
		p, ok := d.periodOf(label)
		if !ok {
			d.w.showError(fmt.Errorf("%s has no figure for %s to start the trend window at", d.ref, label))
			return
		}
		d.saveSetting(app.ChartSetting{Ref: d.ref, Kind: app.SetWindow, From: p}, fmt.Sprintf("%s trend window since %s", d.ref, p.Label()))
		return
	}
	count, _, _ := strings.Cut(d.window.Selected, " ")
	n, err := strconv.Atoi(count)
	if err != nil || d.window.Selected != d.windowLabel(n) {
		d.w.showError(fmt.Errorf("choose a trend window"))
		return
	}
	d.saveSetting(app.ChartSetting{Ref: d.ref, Kind: app.SetWindow, Periods: n}, fmt.Sprintf("%s trend window of %s", d.ref, d.window.Selected))
}

// saveBaseline records the SPC baseline, from the chosen period on, as
// an edit.
func (d *detailPane) saveBaseline() {
	p, ok := d.periodOf(d.basePeriod.Selected)
	if !ok {
		d.w.showError(fmt.Errorf("choose the period the SPC baseline starts at"))
		return
	}
	s := app.ChartSetting{Ref: d.ref, Kind: app.SetBaseline, From: p, Note: strings.TrimSpace(d.settingNote.Text)}
	if !d.checkSetting(s) {
		return
	}
	d.saveSetting(s, fmt.Sprintf("%s SPC baseline from %s", d.ref, p.Label()))
}

// saveRebase records a rebase at the chosen period, with its note, as an
// edit.
func (d *detailPane) saveRebase() {
	p, ok := d.periodOf(d.rebaseAt.Selected)
	note := strings.TrimSpace(d.settingNote.Text)
	if !ok || note == "" {
		d.w.showError(fmt.Errorf("choose the period the process changed and say what changed in the note"))
		return
	}
	s := app.ChartSetting{Ref: d.ref, Kind: app.SetRebase, From: p, Note: note}
	if !d.checkSetting(s) {
		return
	}
	d.saveSetting(s, fmt.Sprintf("%s SPC rebased at %s (%s)", d.ref, p.Label(), note))
}

// checkSetting asks the command line's rule of a baseline or rebase s,
// saying why where it refuses: a baseline too short in its chart for an
// XmR chart would leave the chart with no limits at all.
func (d *detailPane) checkSetting(s app.ChartSetting) bool {
	stored := d.w.v.stored
	if err := trend.CheckChartSetting(stored.Series(app.SeriesKey{Ref: d.ref, Area: d.w.auth.Area()}), s, stored.ChartPlan(d.ref)); err != nil {
		d.w.showError(err)
		return false
	}
	return true
}

func (d *detailPane) saveSetting(s app.ChartSetting, note string) {
	if err := s.Check(); err != nil {
		d.w.showError(err)
		return
	}
	d.w.edit(note, &app.Dataset{ChartSettings: []app.ChartSetting{s}})
}

// chartNotes places the officer's rebases and baseline on the chart, as
// annotations at their months; points are newest first, as the numbers
// table lists them.
func chartNotes(plan app.ChartPlan, points []detailPoint) []chartNote {
	n := len(points)
	at := func(p app.Period) int {
		for i, dp := range points {
			if dp.pt.Period == p {
				return n - 1 - i
			}
		}
		return -1
	}
	var notes []chartNote
	for _, r := range plan.Rebases {
		if j := at(r.From); j >= 0 {
			notes = append(notes, chartNote{at: j, text: "rebased: " + r.Note})
		}
	}
	if b := plan.Baseline; b != nil {
		text := "baseline from " + b.From.Label()
		if b.Note != "" {
			text += ": " + b.Note
		}
		if j := at(b.From); j >= 0 {
			notes = append(notes, chartNote{at: j, text: text})
		}
	}
	return notes
}
