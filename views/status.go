package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
	"scorecard/importer/dfe"
)

func (w *mainWindow) refreshStatus() {
	var parts []string
	if w.readOnly() != nil {
		parts = append(parts, w.team.lostText())
	}
	parts = append(parts, w.unappliedExclusions()...)
	if len(w.v.periods()) == 0 {
		parts = append(parts, string(w.v.area), "no figures yet: import with File > Import... (Ctrl+O) or drop a file on the window")
		w.status.SetText(strings.Join(parts, " · "))
		return
	}
	parts = append(parts, string(w.v.area), w.v.period.Label(), app.Excluding(w.v.cohorts...).Label())
	rated := map[app.RAG]int{}
	var off []string
	for _, r := range w.score.rows {
		rated[r.rag]++
		if !r.hasCur && r.offCycle != "" {
			off = append(off, r.ind.Ref)
		}
	}
	parts = append(parts, fmt.Sprintf("%d indicators: %d red, %d amber, %d green",
		len(w.score.rows), rated[app.Red], rated[app.Amber], rated[app.Green]))
	if len(off) > 0 {
		// Counted nowhere above: not rated as the month's. Its row's
		// note says whether its next was due this month.
		parts = append(parts, fmt.Sprintf("quarterly or annual, no figure for %s: %s (its row gives the latest)", w.v.period.Label(), strings.Join(off, ", ")))
	}
	if w.v.period == w.v.stored.Latest() {
		// A figure or two for next month arriving early makes it the
		// latest, where most indicators have no figure yet.
		if _, s := w.v.stored.Shortfall(w.v.period); s != "" {
			parts = append(parts, s)
		}
	}
	if n := len(w.v.warnings); n > 0 {
		parts = append(parts, fmt.Sprintf("%d exclusion warnings", n))
	}
	if len(w.v.cohorts) > 0 {
		parts = append(parts, "benchmarks count all children")
	}
	// As the CLI's noteCalendarDfE: an import made before a DfE reporting
	// year was filed as the year it covers shows it in December.
	for _, iy := range w.v.stored.CalendarYearsFrom(dfe.Format, dfe.FiledAsYearsItCovers) {
		parts = append(parts, fmt.Sprintf("%s (%s) holds the DfE's reporting years of %s as calendar years, shown in December: they are years to 31 March; undo it under Imports and import the file again",
			iy.Import.ID, iy.Import.Source, strings.Join(iy.Refs, ", ")))
	}
	if imps := w.v.stored.Imports; len(imps) > 0 {
		last := imps[len(imps)-1]
		parts = append(parts, fmt.Sprintf("last import %s %s, %s", last.ID, last.Source, last.Time.Local().Format("2 Jan 2006 15:04")))
	}
	w.status.SetText(strings.Join(parts, " · "))
}

// keysHint is what the line under the filters says while no indicator is
// highlighted.
const keysHint = "Arrow keys move through the scorecard; Enter opens an indicator, Escape comes back; Ctrl+C copies the row; Ctrl+F searches."

// describeRow says under the scorecard what the highlighted indicator's
// flags mean, since a badge has room only for a word or two; with r nil,
// none highlighted, how to move through the scorecard.
func (w *mainWindow) describeRow(r *scoreRow) {
	if r == nil {
		w.hint.SetText(keysHint)
		return
	}
	s := r.ind.Ref + " " + r.ind.Name
	if ds := w.v.flagDetails(r); len(ds) > 0 {
		s += ": " + strings.Join(ds, "; ")
	}
	if r.reading != "" {
		s += " · " + r.reading
	}
	w.hint.SetText(s)
}

// showError reports err in a dialog, word for word: its text names the
// file, sheet and cell where the importer found them, and can be selected
// and copied into an email.
func (w *mainWindow) showError(err error) {
	// An import or edit the team store's going away stopped is the first
	// the window may hear of it.
	if w.team != nil && unreachable(err) {
		w.team.setLost()
	}
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	msg.Selectable = true
	d := dialog.NewCustom("Scorecard could not do that", "OK", msg, w.win)
	d.Resize(fyne.NewSize(560, 220))
	d.Show()
}
