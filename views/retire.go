package views

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
	"scorecard/app/store"
)

// Retiring an indicator from the Indicator tab, as scorecard retire does
// (QA27a 5): saved as an edit through app.History.RetireEdit, so that it
// reads the same under Imports whoever made it and Undo there removes it.

// retireText is the Retire action's button: what it would do now.
func retireText(retired bool) string {
	if retired {
		return "Put back in circulation…"
	}
	return "Retire…"
}

// moveRetireText is the action changing the period a retired indicator
// is retired from.
const moveRetireText = "Change when retired…"

// fillRetire sets the Retire action for the indicator shown, and says in
// the pane when it is retired.
func (d *detailPane) fillRetire() {
	r, retired := d.w.v.stored.Retirement(d.ref)
	d.retire.SetText(retireText(retired))
	if retired {
		d.moveRetire.Show()
	} else {
		d.moveRetire.Hide()
	}
	if retired {
		d.about.SetText(d.about.Text + fmt.Sprintf("\nRetired from %s (edit %s): left out of the scorecard, the exports, the brief and flags from then on; its figures stay here.", r.From.Label(), r.Import))
	}
}

// confirmRetire asks before retiring the indicator shown, naming it and
// the period it is retired from (the one after its last figure unless
// the officer picks another, retireOptions), or before putting it back.
func (d *detailPane) confirmRetire() {
	h := d.w.v.stored
	ind, ok := h.Indicator(d.ref)
	if !ok {
		return
	}
	if r, retired := h.Retirement(ind.Ref); retired {
		msg := widget.NewLabel(fmt.Sprintf("Put %s %s back in circulation?\n\nIt was retired from %s (edit %s). The scorecard, the exports, the brief and flags list it again from %s on. The change is saved as an edit under Imports, where Undo removes it.",
			ind.Ref, ind.Name, r.From.Label(), r.Import, r.From.Label()))
		msg.Wrapping = fyne.TextWrapWord
		d.showRetireDialog("Put "+ind.Ref+" back in circulation", "Put back", msg, func() { d.saveRetire(h, ind, app.Period{}, d.confirmRetire) })
		return
	}
	labels, froms, dflt := retireOptions(h, ind.Ref)
	if len(labels) == 0 {
		d.w.showError(fmt.Errorf("%s: the store holds no period to retire it from: scorecard retire %s --from PERIOD names the period it is retired from", ind.Ref, ind.Ref))
		return
	}
	last, hasFigures := h.LastFigure(ind.Ref)
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	say := func(from app.Period) {
		held := "It has no figures."
		if hasFigures {
			held = fmt.Sprintf("Its last figure is for %s.", last.Label())
		}
		msg.SetText(fmt.Sprintf("Retire %s %s from %s?\n\n%s From %s on the scorecard, the exports, the brief and flags leave it out, and say so; its figures stay in the store and on this tab. The retirement is saved as an edit under Imports, where Undo removes it, and Put back here reverses it.",
			ind.Ref, ind.Name, from.Label(), held, from.Label()))
	}
	from := widget.NewSelect(labels, func(s string) { say(froms[s]) })
	from.SetSelected(dflt)
	content := container.NewVBox(widget.NewForm(widget.NewFormItem("Retired from", from)), msg)
	d.showRetireDialog("Retire "+ind.Ref, "Retire", content, func() { d.saveRetire(h, ind, froms[from.Selected], d.confirmRetire) })
}

// confirmMoveRetire asks before moving the retirement of the indicator
// shown to another period (retired from Jun-25 where the scorecard gave
// it until Sep-25), offering the periods the Retire… dialog offers with
// the one in force selected. It saves what scorecard retire --from
// saves, an edit in place of the retirement in force, which Undo under
// Imports removes, putting that one back.
func (d *detailPane) confirmMoveRetire() {
	h := d.w.v.stored
	ind, ok := h.Indicator(d.ref)
	if !ok {
		return
	}
	was, retired := h.Retirement(ind.Ref)
	if !retired {
		return
	}
	labels, froms, _ := retireOptions(h, ind.Ref)
	if _, offered := froms[was.From.Label()]; !offered {
		// Figures given since for periods after it put it before the
		// first period offered now; it is shown, as the one in force.
		labels = append(labels, was.From.Label())
		froms[was.From.Label()] = was.From
	}
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	say := func(from app.Period) {
		if from == was.From {
			msg.SetText(fmt.Sprintf("%s %s is retired from %s (edit %s). Pick the period it should be retired from instead.",
				ind.Ref, ind.Name, was.From.Label(), was.Import))
			return
		}
		msg.SetText(fmt.Sprintf("Retire %s %s from %s instead of %s?\n\nFrom %s on the scorecard, the exports, the brief and flags leave it out, and say so. The change is saved as an edit under Imports, where Undo removes it and its retirement from %s (edit %s) is in force again.",
			ind.Ref, ind.Name, from.Label(), was.From.Label(), from.Label(), was.From.Label(), was.Import))
	}
	from := widget.NewSelect(labels, func(s string) { say(froms[s]) })
	from.SetSelected(was.From.Label())
	content := container.NewVBox(widget.NewForm(widget.NewFormItem("Retired from", from)), msg)
	d.showRetireDialog("Change when "+ind.Ref+" is retired", "Save", content, func() { d.saveRetire(h, ind, froms[from.Selected], d.confirmMoveRetire) })
}

// showRetireDialog shows a confirmation of the retire action; ok runs on
// its confirm button. A confirmation shown again because the store
// changed under the last one says so first (retireAgain).
func (d *detailPane) showRetireDialog(title, confirm string, content fyne.CanvasObject, ok func()) {
	if d.retireAgain != "" {
		again := widget.NewLabel(d.retireAgain)
		again.Wrapping = fyne.TextWrapWord
		again.Importance = widget.WarningImportance
		content = container.NewVBox(again, content)
		d.retireAgain = ""
	}
	dlg := dialog.NewCustomConfirm(title, confirm, "Cancel", content, func(yes bool) {
		if yes {
			ok()
		}
	}, d.w.win)
	dlg.Resize(fyne.NewSize(560, 300))
	dlg.Show()
}

// saveRetire saves the retirement of ind from from, or with a zero from
// its return to circulation, as an edit worked out from h, the history
// the confirmation showed. The store refuses it if an import or undo
// landed since (store.Reviewed), a colleague's on a team store giving a
// later figure, say, which would make its period and its note ("its
// last figure is for Jul-26") untrue: the store is then read again, and
// ask shows the confirmation again, worked out from it, saying why.
func (d *detailPane) saveRetire(h *app.History, ind app.Indicator, from app.Period, ask func()) {
	s, note, err := h.RetireEdit(ind, from)
	if err == nil {
		err = s.Check()
	}
	if err != nil {
		d.w.showError(err)
		return
	}
	if !d.w.editFrom(note, &app.Dataset{ChartSettings: []app.ChartSetting{s}}, store.Basis(h.Imports)) {
		return
	}
	if err := d.w.reloadHistory(); err != nil {
		d.w.showError(fmt.Errorf("%s: not saved: an import or undo changed the store while it was worked out, and %w", ind.Ref, err))
		return
	}
	if _, held := d.w.v.stored.Indicator(ind.Ref); !held {
		// The confirmation asked again would find no indicator to ask
		// about, and show nothing: the officer is told why instead.
		// Who removed it is said where the store can tell; the list
		// not read, it is still said that it went.
		imports, _ := d.w.st.Imports()
		gone := fmt.Errorf("%s %s: not saved: %s", ind.Ref, ind.Name, goneFromStore(h, d.w.v.stored, imports, ind.Ref))
		d.w.status.SetText(gone.Error())
		d.w.showError(gone)
		return
	}
	d.w.status.SetText(ind.Ref + ": not saved: an import or undo (a colleague's, on a team store) changed the store while the confirmation was open; worked out again from the store as it is now")
	d.retireAgain = "Not saved: an import or undo changed the store while the last confirmation was open. This is worked out again from the store as it is now."
	ask()
}

// retireOptions is what the Retire… dialog offers for indicator ref: the
// labels of the periods it may be retired from, latest first
// (app.History.RetirePeriods: from the one after its last figure, the
// first scorecard retire --from accepts, to twelve past the store's
// latest), the period each names, and the label selected at first, the
// one after its last figure (the command line's default), else the
// earliest offered.
func retireOptions(h *app.History, ref string) (labels []string, froms map[string]app.Period, selected string) {
	froms = map[string]app.Period{}
	for _, p := range h.RetirePeriods(ref, h.Latest()) {
		labels = append(labels, p.Label())
		froms[p.Label()] = p
	}
	if len(labels) == 0 {
		return nil, froms, ""
	}
	selected = labels[len(labels)-1]
	if p, ok := h.RetireDefault(ref); ok {
		selected = p.Label()
	}
	return labels, froms, selected
}

// goneFromStore says why indicator ref, which the history before held,
// is not in after, the store as read again: the imports in force before
// that imports, the store's whole list, has undone since (a colleague's
// undo, on a team store), by whom where recorded, and whether its
// figures are kept, out of sight until a file defines it.
func goneFromStore(before, after *app.History, imports []app.Import, ref string) string {
	live := map[string]bool{}
	for _, imp := range before.Imports {
		live[imp.ID] = true
	}
	var undos []string
	for _, imp := range imports {
		if imp.Undone == nil || !live[imp.ID] {
			continue
		}
		s := fmt.Sprintf("%s (%s) was undone", imp.ID, imp.Source)
		if imp.UndoneBy != "" {
			s += " by " + imp.UndoneBy
		}
		undos = append(undos, s)
	}
	msg := "it is no longer in the store"
	if len(undos) > 0 {
		msg += ": " + strings.Join(undos, "; ") + " while the confirmation was open"
	} else {
		msg += ": an import or undo changed the store while the confirmation was open"
	}
	if slices.Contains(after.Undefined(), ref) {
		msg += fmt.Sprintf("; its figures are kept, but no import in force defines %s, so they are hidden until a file defining it is imported", ref)
	}
	return msg
}
