package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
	"scorecard/app/store"
)

// The authority's RAG rule (app.RAGRule), shown and set in the window as
// `scorecard rag` shows and sets it: Edit > RAG rule..., or --screen rag.

// ScreenRAGRule opens the window on the authority's RAG rule.
const ScreenRAGRule = "rag"

// ragRuleBackend is a backend whose authority's RAG rule can be read and
// set.
type ragRuleBackend interface {
	RAGRule() (app.RAGRule, error)
	SetRAGRule(r app.RAGRule) error
}

// RAGRule is the store's authority's RAG rule.
func (b storeBackend) RAGRule() (app.RAGRule, error) { return store.RAGRuleIn(b.st) }

// SetRAGRule makes r the store's authority's RAG rule.
func (b storeBackend) SetRAGRule(r app.RAGRule) error { return store.SetRAGRuleIn(b.st, r) }

// ragRuleChoices are the rules as the dialog offers them, in
// app.RuleNames' order.
var ragRuleChoices = []string{"Target and floor", "Target alone (GREEN or RED)", "A band around the target"}

// ragRuleForm is the dialog's choice of rule and band.
type ragRuleForm struct {
	choice    *widget.RadioGroup
	tolerance *widget.Entry
	words     *widget.Label
}

func newRAGRuleForm(current app.RAGRule) *ragRuleForm {
	f := &ragRuleForm{tolerance: widget.NewEntry(), words: widget.NewLabel("")}
	f.words.Wrapping = fyne.TextWrapWord
	f.tolerance.SetPlaceHolder("5% (of the target) or 2 (points)")
	if current.Kind == app.RuleBand {
		f.tolerance.SetText(current.ToleranceText())
	}
	f.choice = widget.NewRadioGroup(ragRuleChoices, func(string) { f.update() })
	f.choice.Required = true
	for i, name := range app.RuleNames {
		if name == current.Name() {
			f.choice.SetSelected(ragRuleChoices[i])
		}
	}
	f.tolerance.OnChanged = func(string) { f.update() }
	f.update()
	return f
}

// name is the chosen rule's name (app.RuleNames).
func (f *ragRuleForm) name() string {
	for i, c := range ragRuleChoices {
		if c == f.choice.Selected {
			return app.RuleNames[i]
		}
	}
	return ""
}

// rule is the rule chosen, or why it cannot be had.
func (f *ragRuleForm) rule() (app.RAGRule, error) {
	tol := ""
	if f.name() == "band" {
		tol = f.tolerance.Text
	}
	return app.ParseRAGRule(f.name(), tol)
}

// update says the rule chosen in words, and offers the tolerance to the
// band alone.
func (f *ragRuleForm) update() {
	if f.name() == "band" {
		f.tolerance.Enable()
	} else {
		f.tolerance.Disable()
	}
	r, err := f.rule()
	if err != nil {
		f.words.SetText(err.Error())
		return
	}
	f.words.SetText("RAG by " + r.Words() + ". A stay-close-to-target indicator is rated by its tolerance whatever the rule.")
}

// chooseRAGRule shows the authority's RAG rule and sets another: every
// figure the window, the exports and the brief show is then rated by it.
func (w *mainWindow) chooseRAGRule() {
	rb, ok := w.st.(ragRuleBackend)
	if !ok {
		return
	}
	current, err := rb.RAGRule()
	if err != nil {
		w.showError(err)
		return
	}
	f := newRAGRuleForm(current)
	intro := widget.NewLabel(fmt.Sprintf("How %s rates RAG. Councils differ: some rate against a target and a floor; many rate met or not met against the target alone; others give AMBER to a figure short of its target by up to a tolerance (the scorecard's Tolerance column, else the one here).", w.auth.Name))
	intro.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(intro, f.choice, widget.NewForm(widget.NewFormItem("Tolerance", f.tolerance)), f.words)
	d := dialog.NewCustomConfirm("RAG rule", "Save", "Cancel", content, func(save bool) {
		if save {
			w.setRAGRule(rb, f)
		}
	}, w.win)
	d.Resize(fyne.NewSize(600, 420))
	d.Show()
}

// setRAGRule saves the rule f chose and rereads the store, so that every
// figure is rated by it.
func (w *mainWindow) setRAGRule(rb ragRuleBackend, f *ragRuleForm) {
	r, err := f.rule()
	if err != nil {
		w.showError(err)
		return
	}
	if err := rb.SetRAGRule(r); err != nil {
		w.showError(fmt.Errorf("setting the RAG rule: %w", err))
		return
	}
	if err := w.reloadHistory(); err != nil {
		w.showError(err)
		return
	}
	w.status.SetText(fmt.Sprintf("%s rates RAG by %s; every figure is rated by it", w.auth.Name, r.Title()))
}
