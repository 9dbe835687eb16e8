package views

import (
	"fmt"

	"fyne.io/fyne/v2/widget"

	"scorecard/app"
)

// toggledCohorts are the cohorts the window always offers to exclude, with
// the words members use.
var toggledCohorts = []struct {
	c     app.Cohort
	label string
}{
	{app.UASC, "Exclude UASC"},
	{app.OLA, "Exclude children placed by other LAs"},
}

// cohortCheck makes the toggle that excludes cohort c.
func (w *mainWindow) cohortCheck(c app.Cohort, label string) *widget.Check {
	chk := widget.NewCheck(label, func(on bool) {
		if on == w.v.excluding(c) {
			return
		}
		w.v.setCohort(c, on)
		w.refresh()
	})
	w.cohorts[c] = chk
	return chk
}

// refreshControls fills the pickers from the history held.
func (w *mainWindow) refreshControls() {
	// Cohorts the figures are split by beyond UASC and OLA (an officer's
	// own, from a child-level import) get toggles of their own.
	held := w.v.stored.Cohorts()
	for _, c := range held {
		if _, ok := w.cohorts[c]; !ok {
			w.controls.Add(w.cohortCheck(c, "Exclude "+c.Label()))
		}
	}
	// A cohort no figure is split by cannot be excluded from anything:
	// its toggle would only turn every figure to n/e under a title
	// saying it is excluded. It is offered once an import splits by it
	// (left on if it was ticked, so that it can be unticked).
	for c, chk := range w.cohorts {
		heldOrOn := w.v.stored.Excludable(c) || chk.Checked
		if heldOrOn && chk.Disabled() {
			chk.Enable()
		} else if !heldOrOn && !chk.Disabled() {
			chk.Disable()
		}
	}
	var opts []string
	for _, p := range w.v.periods() {
		opts = append(opts, p.Label())
	}
	w.period.Options = opts
	w.period.Selected = w.v.period.Label()
	w.period.Refresh()
	w.section.Options = append([]string{allSections}, w.score.sections()...)
	if w.section.Selected == "" {
		w.section.Selected = allSections
	}
	w.section.Refresh()
}

// applyExclusions ticks the toggles of the cohorts Options asks to
// exclude, adding one for a cohort the figures are split by that has
// none yet.
func (w *mainWindow) applyExclusions() {
	for _, c := range w.opt.Exclude {
		if !w.v.stored.Excludable(c) {
			// Ticked, the toggle would title every screen excluding a
			// cohort no figure could be worked out without: it stays
			// unticked and greyed, and the status line says why.
			if w.opt.Note != nil {
				w.opt.Note(exclusionNotApplied(w.v.stored, c))
			}
			continue
		}
		chk, ok := w.cohorts[c]
		if !ok {
			chk = w.cohortCheck(c, "Exclude "+c.Label())
			w.controls.Add(chk)
		}
		chk.SetChecked(true)
	}
}

// unappliedExclusions says, for the status line, which cohorts Options
// asked to exclude that the window does not, while no figure is split by
// them.
func (w *mainWindow) unappliedExclusions() []string {
	var notes []string
	for _, c := range w.opt.Exclude {
		if !w.v.excluding(c) && !w.v.stored.Excludable(c) {
			notes = append(notes, exclusionNotApplied(w.v.stored, c))
		}
	}
	return notes
}

// exclusionNotApplied is the note on --exclude c, which the window does
// not apply, in the command line's words for refusing it.
func exclusionNotApplied(h *app.History, c app.Cohort) string {
	return fmt.Sprintf("--exclude %s not applied: %s", c, h.WhyNotExcludable(c))
}
