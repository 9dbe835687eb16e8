package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
)

// Retiring an indicator from the Indicator tab, as scorecard retire does
// (QA27a 5): saved as an edit through app.History.RetireEdit, so that it
// reads the same under Imports whoever made it and Undo there removes it.

// retireChoices is how many periods after its last figure the officer
// may retire an indicator from: the scorecard may have stopped giving it
// a few months before anyone noticed, never many.
const retireChoices = 12

// retireText is the Retire action's button: what it would do now.
func retireText(retired bool) string {
	if retired {
		return "Put back in circulation…"
	}
	return "Retire…"
}

// fillRetire sets the Retire action for the indicator shown, and says in
// the pane when it is retired.
func (d *detailPane) fillRetire() {
	r, retired := d.w.v.stored.Retirement(d.ref)
	d.retire.SetText(retireText(retired))
	if retired {
		d.about.SetText(d.about.Text + fmt.Sprintf("\nRetired from %s (edit %s): left out of the scorecard, the exports, the brief and flags from then on; its figures stay here.", r.From.Label(), r.Import))
	}
}

// confirmRetire asks before retiring the indicator shown, naming it and
// the period it is retired from (the one after its last figure unless
// the officer picks a later one), or before putting it back.
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
		d.showRetireDialog("Put "+ind.Ref+" back in circulation", "Put back", msg, func() { d.saveRetire(ind, app.Period{}) })
		return
	}
	last, ok := h.LastFigure(ind.Ref)
	if !ok {
		d.w.showError(fmt.Errorf("%s has no figures to retire it after: scorecard retire %s --from PERIOD names the period it is retired from", ind.Ref, ind.Ref))
		return
	}
	var labels []string
	froms := map[string]app.Period{}
	for i := 1; i <= retireChoices; i++ {
		p := last.Add(i)
		labels = append(labels, p.Label())
		froms[p.Label()] = p
	}
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	say := func(from app.Period) {
		msg.SetText(fmt.Sprintf("Retire %s %s from %s?\n\nIts last figure is for %s. From %s on the scorecard, the exports, the brief and flags leave it out, and say so; its figures stay in the store and on this tab. The retirement is saved as an edit under Imports, where Undo removes it, and Put back here reverses it.",
			ind.Ref, ind.Name, from.Label(), last.Label(), from.Label()))
	}
	from := widget.NewSelect(labels, func(s string) { say(froms[s]) })
	from.SetSelected(labels[0])
	content := container.NewVBox(widget.NewForm(widget.NewFormItem("Retired from", from)), msg)
	d.showRetireDialog("Retire "+ind.Ref, "Retire", content, func() { d.saveRetire(ind, froms[from.Selected]) })
}

// showRetireDialog shows a confirmation of the retire action; ok runs on
// its confirm button.
func (d *detailPane) showRetireDialog(title, confirm string, content fyne.CanvasObject, ok func()) {
	dlg := dialog.NewCustomConfirm(title, confirm, "Cancel", content, func(yes bool) {
		if yes {
			ok()
		}
	}, d.w.win)
	dlg.Resize(fyne.NewSize(560, 300))
	dlg.Show()
}

// saveRetire saves the retirement of ind from from, or with a zero from
// its return to circulation, as an edit.
func (d *detailPane) saveRetire(ind app.Indicator, from app.Period) {
	s, note, err := d.w.v.stored.RetireEdit(ind, from)
	if err == nil {
		err = s.Check()
	}
	if err != nil {
		d.w.showError(err)
		return
	}
	d.w.edit(note, &app.Dataset{ChartSettings: []app.ChartSetting{s}})
}
