package views

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scorecard/importer"
)

// layoutReview is the import review: everything the file would change
// in the store (see importPreview), shown before anything is stored, and
// what each sheet was read as with each column's role, correctable.
type layoutReview struct {
	w       *mainWindow
	job     *importJob
	path    string
	res     *importer.Result
	preview *importPreview
	layouts []importer.Layout // the officer's copy, edited in place
	edited  bool
	save    *widget.Check
	// acceptDefs takes the file's units and polarities where they differ
	// from the store's; addNew adds the indicators the store does not
	// hold. Each is hidden when there is nothing for it to decide.
	acceptDefs, addNew *widget.Check
	dialog             dialog.Dialog
	// cancel, accept and readAgain are the review's buttons: Accept is
	// disabled while the file as decided would store nothing, and gives
	// way to Read again once a column is corrected. A file that would
	// store nothing whatever is decided is refused: Close alone.
	cancel, accept, readAgain *widget.Button
	refused                   bool
	// counts is the summary of what will change; nothing says why
	// Accept is disabled.
	counts, nothing *widget.Label
	asAt            *widget.Entry // a child-level list's snapshot date; nil for other files
	// areaPicks choose, per area name the authority does not have, the
	// district or pseudo-area it is; areasChosen is set once the officer
	// has changed one.
	areaPicks   map[string]*widget.Select
	areasChosen bool
}

// reviewLayout shows what the import would do and how the file was read,
// and waits for the officer to accept it, correct the columns (the file
// is then read again with the corrections and shown again), or cancel it.
func (w *mainWindow) reviewLayout(j *importJob, path string, res *importer.Result) {
	r := &layoutReview{w: w, job: j, path: path, res: res, preview: newImportPreview(w.v.stored, res)}
	r.preview.area = w.auth.Area()
	for _, l := range res.Layouts {
		l.Columns = append([]importer.Column(nil), l.Columns...)
		r.layouts = append(r.layouts, l)
	}
	d := res.Dataset
	file := filepath.Base(path)
	text := fmt.Sprintf("Read as %s: %s, %s, %s, %s. Nothing is stored until you accept. ", res.Format,
		counted(len(res.Sheets), "sheet"), counted(len(d.Indicators), "indicator"), counted(len(d.Observations), "figure"),
		counted(len(d.Targets), "target"))
	if unsure := unsureSheets(r.layouts); len(unsure) > 0 {
		text += "The layout of " + strings.Join(unsure, ", ") + " may have been read wrongly (marked ⚠, with the reasons): check those columns first. "
	}
	if n := unmappedAreas(res.UnknownAreas); n > 0 {
		are := "area names are"
		if n == 1 {
			are = "area name is"
		}
		text += fmt.Sprintf("%d %s not %s's (tab ⚠ Areas): each is kept as an area of its own unless you say which district or pseudo-area it is. ",
			n, are, w.auth.Name)
	}
	text += "Check what will change, and each sheet's columns; correct any that are wrong."
	// A file that would store nothing whatever is decided is said to be
	// refused before the officer is asked anything.
	r.refused = !r.preview.yields(true, true)
	if r.refused {
		text = fmt.Sprintf("This file will not be imported: nothing in it can be stored (%v). Check what was read below, and each sheet's columns; "+
			"if a column was read wrongly, correct it and press Read again.", r.preview.refusal())
	}
	summary := widget.NewLabel(text)
	summary.Wrapping = fyne.TextWrapWord
	r.counts = widget.NewLabel("")
	r.counts.Wrapping = fyne.TextWrapWord
	r.counts.TextStyle = fyne.TextStyle{Bold: true}
	r.nothing = widget.NewLabel("")
	r.nothing.Wrapping = fyne.TextWrapWord
	r.nothing.Importance = widget.WarningImportance
	changes := container.NewBorder(container.NewVBox(r.counts, r.nothing), nil, nil, nil, r.previewList())
	tabs := container.NewAppTabs(container.NewTabItem("What will change", changes))
	if len(res.UnknownAreas) > 0 {
		tab := container.NewTabItem("Areas", r.areaForm())
		tabs.Append(tab)
		if unmappedAreas(res.UnknownAreas) > 0 {
			// What the officer must say comes first.
			tab.Text = "⚠ Areas"
			tabs.Select(tab)
		}
	}
	for i := range r.layouts {
		title := r.layouts[i].Sheet
		if title == "" {
			title = file
		}
		tab := container.NewTabItem(title, r.sheetForm(&r.layouts[i]))
		tabs.Append(tab)
		if len(r.layouts[i].Unsure) > 0 {
			tab.Text = "⚠ " + title
			if len(unsureSheets(r.layouts[:i])) == 0 {
				// The doubted sheet is the first thing to check.
				tabs.Select(tab)
			}
		}
	}
	defs := r.preview.defs
	r.acceptDefs = widget.NewCheck(fmt.Sprintf("Change definitions: take the file's definitions where they differ (%s listed; otherwise the store's stand)",
		counted(len(defs.Changes), "change")), func(bool) { r.decided() })
	if len(defs.Changes) == 0 || r.refused {
		r.acceptDefs.Hide()
	}
	r.addNew = widget.NewCheck(fmt.Sprintf("Add new indicators: the %s the store does not hold, with their figures",
		counted(len(defs.Unknown), "indicator")), func(bool) { r.decided() })
	r.addNew.SetChecked(true)
	if len(defs.Unknown) == 0 || r.refused {
		r.addNew.Hide()
	}
	r.save = widget.NewCheck("Use this layout for files named like "+file+" from now on", nil)
	if r.refused {
		r.save.Hide()
	}
	var top fyne.CanvasObject = summary
	if _, ok := w.st.(asAtReader); ok && res.ChildLevel() {
		top = container.NewVBox(summary, r.asAtForm())
	}
	content := container.NewBorder(top, container.NewVBox(r.acceptDefs, r.addNew, r.save), nil, nil, tabs)
	w.review = r
	// The dialog says what is being checked, and has its own Cancel:
	// the status bar's progress is hidden behind it, as its label beside
	// a long status line would widen the window.
	j.shown.Stop()
	w.progress.content.Hide()
	w.progress.label.SetText("Checking the import")
	d2 := dialog.NewCustomWithoutButtons("Check the import of "+file, content, w.win)
	r.dialog = d2
	r.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d2.Hide(); r.done(false) })
	r.accept = widget.NewButtonWithIcon("Accept", theme.ConfirmIcon(), func() { d2.Hide(); r.done(true) })
	r.accept.Importance = widget.HighImportance
	r.readAgain = widget.NewButtonWithIcon("Read again", theme.ViewRefreshIcon(), func() { d2.Hide(); r.done(true) })
	r.readAgain.Hide()
	if r.refused {
		r.cancel.SetText("Close")
		r.accept.Hide()
	}
	d2.SetButtons([]fyne.CanvasObject{r.cancel, r.readAgain, r.accept})
	r.decided()
	d2.Resize(reviewSize(w.win.Canvas().Size()))
	d2.Show()
	if w.reviewShown != nil {
		w.reviewShown(r)
	}
}

// decided shows what the import would do as the officer has decided so
// far: the counts with the warnings it would record, and Accept only
// while it would store something.
func (r *layoutReview) decided() {
	if r.accept == nil {
		return // still being built
	}
	accept, addNew := r.acceptDefs.Checked, r.addNew.Checked
	r.counts.SetText(r.preview.summary(accept, addNew))
	r.nothing.Hide()
	if r.refused {
		if r.edited {
			r.readAgain.Show()
		}
		return
	}
	if r.edited {
		// Corrected columns are read again, and reviewed again, before
		// anything is stored: Accept (or, for a refused file, Read
		// again) does that.
		r.accept.Enable()
		return
	}
	if r.preview.yields(accept, addNew) {
		r.accept.Enable()
		return
	}
	r.accept.Disable()
	r.nothing.SetText("As ticked, nothing would be stored: the file's definitions that differ from the store's are all it gives. " +
		"Tick \"Change definitions\" to take them, or Cancel.")
	if !addNew && len(r.preview.defs.Unknown) > 0 {
		r.nothing.SetText("As ticked, nothing would be stored: everything the file gives is for indicators the store does not hold. " +
			"Tick \"Add new indicators\" to add them, or Cancel.")
	}
	r.nothing.Show()
}

// reviewSize is the review's size: most of the window, so that its lines
// read in full, but never more than the window, which would grow to hold
// it past a small screen's edge.
func reviewSize(win fyne.Size) fyne.Size {
	return fyne.NewSize(min(win.Width, max(860, win.Width-80)), min(win.Height, max(600, win.Height-80)))
}

// previewList lists the preview's lines, each in full: long lines were
// wrapped when the preview was built.
func (r *layoutReview) previewList() fyne.CanvasObject {
	lines := r.preview.lines
	return widget.NewList(
		func() int { return len(lines) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			line := lines[i]
			l.TextStyle = fyne.TextStyle{Bold: line.header}
			l.Importance = widget.MediumImportance
			if line.warn {
				l.Importance = widget.WarningImportance
			}
			l.SetText(line.text)
		},
	)
}

// done imports the file as read, or reads it again with the corrected
// columns; either way, a layout the officer asked to keep is saved as the
// profile for files named like this one.
func (r *layoutReview) done(ok bool) {
	w, j := r.w, r.job
	w.review = nil
	// Storing, or reading the next file, shows its progress again; the
	// end of the job hides it.
	w.progress.content.Show()
	if !ok {
		o := importOutcome{file: r.path, err: context.Canceled}
		if r.refused {
			// Said in the review already: a line in the status bar,
			// not a second dialog.
			o.err, o.kept = nil, "not imported: "+strings.TrimPrefix(r.preview.refusal().Error(), filepath.Base(r.path)+": ")
		}
		j.outcomes = append(j.outcomes, o)
		w.readNext(j)
		return
	}
	layouts := r.profileLayouts()
	if r.areasChosen {
		r.saveAreaNames()
	}
	if r.save.Checked {
		if err := w.st.SetSetting(profileKey(r.path), layouts); err != nil {
			fyne.LogError("saving the layout profile", err)
		}
	}
	if r.readAsAt() {
		return
	}
	if !r.edited {
		// What the officer decided about definitions and new
		// indicators is applied, and recorded in the report.
		acceptDefs, addNew := r.acceptDefs.Checked, r.addNew.Checked
		r.preview.defs.Apply(r.res.Dataset, acceptDefs, addNew)
		r.res.Warnings = append(r.res.Warnings, r.preview.defs.Warnings(filepath.Base(r.path), acceptDefs, addNew)...)
		w.storeRead(j, r.path, r.res, r.preview.basis)
		return
	}
	// The corrected reading changes what would be stored: it is shown
	// again before anything is.
	w.progress.label.SetText("Reading " + filepath.Base(r.path) + " again with the corrected columns")
	go func() {
		res, err := w.st.ReadFile(j.ctx, r.path, layouts, nil)
		fyne.Do(func() {
			if err != nil {
				j.outcomes = append(j.outcomes, importOutcome{file: r.path, err: err})
				w.readNext(j)
				return
			}
			w.reviewLayout(j, r.path, res)
		})
	}()
}

// counted writes "1 sheet" or "3 sheets".
func counted(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
