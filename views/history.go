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
)

// historyPane lists the imports, newest first, with each one's validation
// report and an undo.
type historyPane struct {
	w        *mainWindow
	imports  []app.Import
	selected int // index into imports, -1 for none
	list     *widget.List
	summary  *widget.Label
	report   *widget.List
	clean    *widget.Label // shown in place of an empty report
	undo     *widget.Button
	content  fyne.CanvasObject
}

func newHistoryPane(w *mainWindow) *historyPane {
	p := &historyPane{w: w, selected: -1}
	p.list = widget.NewList(
		func() int { return len(p.imports) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(importLine(p.imports[i])) },
	)
	p.list.OnSelected = func(i widget.ListItemID) { p.choose(i) }
	p.summary = widget.NewLabel("Choose an import to see its validation report.")
	p.summary.Wrapping = fyne.TextWrapWord
	p.report = widget.NewList(
		func() int { return len(p.warnings()) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(p.warnings()[i].String()) },
	)
	p.clean = widget.NewLabel("No warnings: every row and cell read as expected.")
	p.clean.Hide()
	p.undo = widget.NewButton("Undo this import", p.undoSelected)
	p.undo.Importance = widget.DangerImportance
	p.undo.Disable()
	right := container.NewBorder(container.NewVBox(p.summary, p.undo, widget.NewSeparator(),
		widget.NewLabelWithStyle("Validation report", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})), nil, nil, nil, container.NewStack(p.report, p.clean))
	split := container.NewHSplit(p.list, right)
	split.Offset = 0.45
	p.content = split
	p.reload()
	return p
}

// importLine is one import in the list.
func importLine(imp app.Import) string {
	s := fmt.Sprintf("%s  %s  %s (%s): %s figures, %d warnings", imp.ID, imp.Time.Local().Format("2 Jan 2006 15:04"),
		imp.Source, imp.Kind, app.FormatNumber(float64(imp.Counts.Observations), 0), len(imp.Warnings))
	if by := importedBy(imp); by != "" {
		s += "  by " + by
	}
	if imp.Undone != nil {
		s += "  [undone " + imp.Undone.Local().Format("2 Jan 15:04")
		if imp.UndoneBy != "" {
			s += " by " + imp.UndoneBy
		}
		s += "]"
	}
	return s
}

// importedBy is who made an import and on which computer: "jsmith on
// KCC-LT-0423", either alone if the other is unknown (imports recorded
// before the store kept them have neither).
func importedBy(imp app.Import) string {
	switch {
	case imp.Officer != "" && imp.Machine != "":
		return imp.Officer + " on " + imp.Machine
	case imp.Officer != "":
		return imp.Officer
	case imp.Machine != "":
		return "on " + imp.Machine
	}
	return ""
}

// reload rereads the import history from the store.
func (p *historyPane) reload() {
	imps, err := p.w.st.Imports()
	if err != nil {
		p.summary.SetText(fmt.Sprintf("Cannot read the import history: %v", err))
		return
	}
	slices.Reverse(imps)
	p.imports = imps
	p.list.UnselectAll()
	p.selected = -1
	p.list.Refresh()
	p.report.Refresh()
	p.clean.Hide()
	p.undo.Disable()
	if len(imps) > 0 {
		p.list.Select(0)
	}
}

func (p *historyPane) choose(i int) {
	p.selected = i
	imp := p.imports[i]
	c := imp.Counts
	lines := []string{
		fmt.Sprintf("%s: %s, imported %s", imp.ID, imp.Source, imp.Time.Local().Format("2 Jan 2006 15:04")),
		"Officer: " + orUnknown(imp.Officer) + " · Machine: " + orUnknown(imp.Machine),
		fmt.Sprintf("%d indicators, %s figures (%d revised), %d targets, %d benchmarks, %d comments, %d warnings",
			c.Indicators, app.FormatNumber(float64(c.Observations), 0), c.Revisions, c.Targets, c.Benchmarks, c.Comments, len(imp.Warnings)),
	}
	if imp.Note != "" {
		lines = append(lines, "Layout: "+imp.Note)
	}
	if imp.Undone != nil {
		undone := "Undone " + imp.Undone.Local().Format("2 Jan 2006 15:04")
		if imp.UndoneBy != "" {
			undone += " by " + imp.UndoneBy
		}
		lines = append(lines, undone)
		p.undo.Disable()
	} else if p.w.readOnly() != nil {
		p.undo.Disable()
	} else {
		p.undo.Enable()
	}
	p.summary.SetText(strings.Join(lines, "\n"))
	p.report.Refresh()
	setVisible(p.clean, len(imp.Warnings) == 0)
}

// orUnknown is s, or "not recorded" for an import from before the store
// recorded who and where.
func orUnknown(s string) string {
	if s == "" {
		return "not recorded"
	}
	return s
}

func (p *historyPane) warnings() []app.Warning {
	if p.selected < 0 || p.selected >= len(p.imports) {
		return nil
	}
	return p.imports[p.selected].Warnings
}

func (p *historyPane) undoSelected() {
	if err := p.w.readOnly(); err != nil {
		p.w.showError(err)
		return
	}
	if p.selected < 0 || p.selected >= len(p.imports) {
		return
	}
	p.confirmUndo(p.imports[p.selected])
}

// undoLast undoes the newest import still in force.
func (p *historyPane) undoLast() {
	for _, imp := range p.imports {
		if imp.Undone == nil {
			p.confirmUndo(imp)
			return
		}
	}
	dialog.ShowInformation("Undo", "There is no import to undo.", p.w.win)
}

func (p *historyPane) confirmUndo(imp app.Import) {
	msg := fmt.Sprintf("Remove %s (%s) and the %d figures it added?", imp.ID, imp.Source, imp.Counts.Observations)
	dialog.ShowConfirm("Undo import", msg, func(ok bool) {
		if ok {
			p.undoImport(imp.ID)
		}
	}, p.w.win)
}

// undoImport removes one import and redraws every screen.
func (p *historyPane) undoImport(id string) {
	if err := p.w.readOnly(); err != nil {
		p.w.showError(fmt.Errorf("undo %s: %w", id, err))
		return
	}
	imp, err := p.w.st.Undo(id)
	if err != nil {
		p.w.showError(fmt.Errorf("undo %s: %w", id, err))
		return
	}
	if err := p.w.reloadHistory(); err != nil {
		p.w.showError(err)
		return
	}
	if refs := p.w.v.stored.Undefined(); len(refs) > 0 {
		// As the CLI's undo says (warnUndefined): figures kept, but out
		// of every screen until defined again.
		p.w.status.SetText(fmt.Sprintf("Undid %s: no import in force defines %s, whose figures later imports gave; they are hidden until a file defining them is imported: %s again, or the latest scorecard stating them, its import undone and the file imported again",
			imp.ID, strings.Join(refs, ", "), imp.Source))
	}
}
