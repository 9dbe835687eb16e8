package views

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
	"scorecard/app/brief"
	"scorecard/app/disclosure"
	"scorecard/app/export"
	"scorecard/importer"
)

// Suppression choices, as the export dialog offers them.
var suppressChoices = []string{"No suppression", "Suppress counts below 5", "Suppress counts below 10"}

var suppressBelow = map[string]int{suppressChoices[0]: 0, suppressChoices[1]: 5, suppressChoices[2]: 10}

// settingSuppress remembers the suppression last chosen for an export.
const settingSuppress = "export-suppress"

// suppressChoice is the dialog's choice for a threshold, the default's
// for one it does not offer.
func suppressChoice(below int) string {
	for _, c := range suppressChoices {
		if suppressBelow[c] == below {
			return c
		}
	}
	return suppressChoice(disclosure.DefaultThreshold)
}

// exportForm is the export dialog's fields, filled from the window's
// current choices.
type exportForm struct {
	auth     *app.Authority
	period   *widget.Select
	area     *widget.Select
	cohorts  map[app.Cohort]*widget.Check
	suppress *widget.Select
	original *widget.Check
	origPath *widget.Select
	marking  *escEntry
	out      *escEntry
}

func (w *mainWindow) newExportForm() *exportForm {
	f := &exportForm{auth: w.auth, cohorts: map[app.Cohort]*widget.Check{}}
	f.period = widget.NewSelect(w.period.Options, nil)
	f.period.Selected = w.period.Selected
	f.area = widget.NewSelect(w.area.Options, nil)
	f.area.Selected = w.area.Selected
	for _, tc := range toggledCohorts {
		chk := widget.NewCheck(tc.label, nil)
		chk.Checked = w.v.excluding(tc.c)
		if !chk.Checked && !w.v.stored.Excludable(tc.c) {
			chk.Disable() // as the window's toggle (refreshControls)
		}
		f.cohorts[tc.c] = chk
	}
	f.suppress = widget.NewSelect(suppressChoices, nil)
	// The officer's last choice, else the default the command line uses
	// too (disclosure.DefaultThreshold).
	f.suppress.Selected = suppressChoice(disclosure.DefaultThreshold)
	var below int
	if w.st.Setting(settingSuppress, &below) {
		f.suppress.Selected = suppressChoice(below)
	}
	f.origPath = widget.NewSelect(w.recentFiles(), nil)
	if len(f.origPath.Options) > 0 {
		f.origPath.Selected = f.origPath.Options[0]
	}
	f.origPath.Disable()
	f.original = widget.NewCheck("Write into the original workbook's layout", func(on bool) {
		if on {
			f.origPath.Enable()
		} else {
			f.origPath.Disable()
		}
	})
	if len(f.origPath.Options) == 0 {
		f.original.Disable()
	}
	f.marking = newEscEntry(w.escape)
	f.marking.SetText(export.DefaultMarking)
	f.marking.SetPlaceHolder("none")
	f.out = newEscEntry(w.escape)
	f.out.SetText(filepath.Join(w.startFolder(), fmt.Sprintf("Scorecard %s %s.xlsx", f.area.Selected, f.period.Selected)))
	return f
}

// options turns the form into export options.
func (f *exportForm) options() (export.Options, error) {
	p, err := app.ParsePeriod(f.period.Selected)
	if err != nil {
		return export.Options{}, fmt.Errorf("period: %w", err)
	}
	// The version, as the CLI gives it, so that a circulated pack says
	// which build made it (QA23c D11).
	opt := export.Options{Authority: f.auth, Period: p, Area: app.Area(f.area.Selected), Suppress: suppressBelow[f.suppress.Selected], Marking: f.marking.Text, AppVersion: Version}
	if strings.TrimSpace(opt.Marking) == "" {
		opt.Marking = export.NoMarking // an emptied field means no marking
	}
	for _, tc := range toggledCohorts {
		if f.cohorts[tc.c].Checked {
			opt.Exclude = append(opt.Exclude, tc.c)
		}
	}
	if f.original.Checked {
		opt.Original = f.origPath.Selected
		opt.Reread = importer.Reread
	}
	return opt, nil
}

// showExport opens the export dialog: period, area, exclusions,
// suppression and layout, then writes the workbook in the background.
func (w *mainWindow) showExport() {
	if w.nothingYet("export") {
		return
	}
	w.exportDialog(w.newExportForm()).Show()
}

// nothingYet says, when the store holds no figures, that there is nothing
// to do (export, print) yet and how to import some, and reports whether
// it did: a form over an empty store could only fail, and failed saying
// `period: "" is not a period`.
func (w *mainWindow) nothingYet(do string) bool {
	if len(w.v.periods()) > 0 {
		return false
	}
	dialog.ShowInformation("Nothing to "+do+" yet",
		"The store holds no figures yet, so there is nothing to "+do+". Import your scorecard workbook, "+
			"DfE CSV or child-level list first: File > Import... (Ctrl+O), or drop the file on this window.", w.win)
	return true
}

// exportDialog is the export dialog for the form f: Export writes the
// workbook, Save as PDF the committee pack.
func (w *mainWindow) exportDialog(f *exportForm) dialog.Dialog {
	browse := widget.NewButton("Choose...", func() {
		// The chooser starts where "Save as" points, which the officer
		// may have typed.
		dir := w.startFolder()
		if d := filepath.Dir(f.out.Text); isFolder(d) {
			dir = d
		}
		if w.chooseSaveNative(dir, filepath.Base(f.out.Text), f.out.SetText) {
			return
		}
		fd := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			if err != nil || wc == nil {
				return
			}
			f.out.SetText(wc.URI().Path())
			wc.Close()
		}, w.win)
		fd.SetFileName(filepath.Base(f.out.Text))
		fd.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".pdf"}))
		startIn(fd, dir)
		fd.Show()
		// A file dialog can only be sized once shown.
		fd.Resize(fyne.NewSize(900, 600))
	})
	var cohortChecks []fyne.CanvasObject
	for _, tc := range toggledCohorts {
		cohortChecks = append(cohortChecks, f.cohorts[tc.c])
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Period", f.period),
		widget.NewFormItem("Area", f.area),
		widget.NewFormItem("Exclude", container.NewVBox(cohortChecks...)),
		widget.NewFormItem("Small numbers", f.suppress),
		widget.NewFormItem("Layout", container.NewVBox(f.original, f.origPath)),
		widget.NewFormItem("Marking", f.marking),
		widget.NewFormItem("Save as", container.NewBorder(nil, nil, nil, browse, f.out)),
	}
	var d *dialog.FormDialog
	// The committee pack as a PDF, beside the workbook of the same name:
	// Windows desktops have nothing else to print a pack with.
	savePDF := widget.NewButton("Save as PDF", func() {
		opt, err := f.options()
		if err != nil {
			w.showError(err)
			return
		}
		if opt.Original != "" {
			w.showError(errors.New("the PDF pack has the house layout: untick \"Write into the original workbook's layout\" to save it"))
			return
		}
		d.Hide()
		w.exportTo(pdfName(f.out.Text), opt)
	})
	copyBrief := widget.NewButton("Copy exceptions brief", func() {
		opt, err := f.options()
		if err != nil {
			w.showError(err)
			return
		}
		text := exceptionsBrief(w.v.stored, opt)
		w.a.Clipboard().SetContent(text)
		w.status.SetText("Copied the exceptions brief: " + strings.SplitN(text, "\n", 2)[0] +
			w.recordCirculation(app.CirculatedBrief, "", opt.Period, opt))
	})
	items = append(items, widget.NewFormItem("Committee pack", container.NewHBox(savePDF, copyBrief)))
	d = dialog.NewForm("Export the scorecard", "Export", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		opt, err := f.options()
		if err != nil {
			w.showError(err)
			return
		}
		w.exportTo(f.out.Text, opt)
	}, w.win)
	// Wide enough for a Documents path and the file name after it.
	d.Resize(fyne.NewSize(800, 540))
	return d
}

// exceptionsBrief is the exceptions brief for the export opt describes,
// as text for an e-mail: the first page of the PDF pack, small numbers
// withheld as the export withholds them (opt.Suppress). Its parts are
// scorecard brief's, in its order, so that the window's copy ends as the
// command line's does, with what changed since figures were last
// circulated (brief.RevisionsText).
func exceptionsBrief(h *app.History, opt export.Options) string {
	auth := opt.Authority
	if auth == nil {
		auth = app.DefaultAuthority()
	}
	area := opt.Area
	if area == "" {
		area = auth.Area()
	}
	base, shown, figures, _, _ := disclosure.ReleaseFigures(h, opt.Exclude, opt.Suppress, auth)
	bo := brief.Options{Period: opt.Period, Area: area, Shown: shown, Suppress: opt.Suppress, Excluded: opt.Exclude, All: h, AllShown: base}
	items := brief.Items(figures, bo)
	return brief.Text(brief.Heading(area, opt.Period, export.CohortPhrase(opt.Exclude), items), items, brief.Assessed(figures, bo), brief.RevisionsText(figures, bo), brief.OffCycle(figures, bo), brief.Retired(figures, bo), brief.Foot(figures, bo))
}

// pdfName is the workbook's name with .pdf for its extension.
func pdfName(path string) string {
	if export.IsPDF(path) {
		return path
	}
	return strings.TrimSuffix(path, filepath.Ext(path)) + ".pdf"
}

// exportTo writes the workbook in the background, with progress and
// cancel, then offers to open its folder.
func (w *mainWindow) exportTo(path string, opt export.Options) {
	w.export(path, opt, func(sum export.Summary, err error) {
		switch {
		case errors.Is(err, context.Canceled):
			w.status.SetText("Export cancelled; nothing was written")
		case err != nil:
			w.showError(fmt.Errorf("export to %s: %w", path, err))
		default:
			w.exportDone(sum, w.recordCirculation(sum.Output(), sum.Path, sum.Period, opt))
		}
	})
}

// export writes path in the background, with a progress bar after a
// moment and a Cancel, then calls finish on the UI thread.
func (w *mainWindow) export(path string, opt export.Options, finish func(export.Summary, error)) {
	// The suppression chosen is the next export's default. Failing to
	// remember it is no reason not to export.
	_ = w.st.SetSetting(settingSuppress, opt.Suppress)
	ctx, cancel := context.WithCancel(context.Background())
	p := w.progress
	p.mu.Lock()
	p.stop = cancel
	p.mu.Unlock()
	opt.Progress = func(done, total int) {
		if total > 0 {
			fyne.Do(func() { p.bar.SetValue(float64(done) / float64(total)) })
		}
	}
	h := w.v.stored
	w.busy.Add(1)
	finished := false // set and read on the UI thread only
	shown := time.AfterFunc(progressDelay, func() {
		fyne.Do(func() {
			if finished {
				return
			}
			p.label.SetText("Exporting " + filepath.Base(path))
			p.bar.SetValue(0)
			p.content.Show()
		})
	})
	go func() {
		defer w.busy.Done()
		defer cancel()
		sum, err := writeExport(ctx, path, h, opt)
		shown.Stop()
		fyne.Do(func() {
			finished = true
			p.content.Hide()
			finish(sum, err)
		})
	}()
}

// writeExport writes an export; a test replaces it to make one fail.
var writeExport = export.Write

// exportDone reports what was written, with a button to open its
// folder; unrecorded says why it was not recorded as circulated, if so.
func (w *mainWindow) exportDone(sum export.Summary, unrecorded string) {
	warned := ""
	if n := len(sum.Warnings); n > 0 {
		warned = "; " + counted(n, "warning") + ": check before circulating"
	}
	w.status.SetText("Wrote " + sum.Path + ": " + sum.String() + warned + unrecorded)
	msg := widget.NewLabel(sum.String())
	msg.Wrapping = fyne.TextWrapWord
	open := widget.NewButton("Open folder", func() {
		u := &url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Dir(sum.Path))}
		if err := w.a.OpenURL(u); err != nil {
			w.showError(err)
		}
	})
	parts := strconv.Itoa(len(sum.Sheets)) + " sheets: " + fmt.Sprint(sum.Sheets)
	if sum.Pages > 0 {
		parts = strconv.Itoa(sum.Pages) + " pages: " + strings.Join(sum.Sheets, ", ")
	}
	content := container.NewVBox(msg, widget.NewLabel(parts))
	if len(sum.Notes) > 0 {
		// What the command line says beside the file on stderr: an
		// indicator left out as retired, a period read as another.
		notes := widget.NewLabel(strings.Join(sum.Notes, "\n"))
		notes.Wrapping = fyne.TextWrapWord
		content.Add(notes)
	}
	size := fyne.NewSize(600, 240)
	if len(sum.Warnings) > 0 {
		content.Add(exportWarnings(sum))
		size.Height = 480
	}
	content.Add(open)
	d := dialog.NewCustom("Exported", "Close", content, w.win)
	d.Resize(size)
	d.Show()
}

// exportWarnings lists what the export warns of, each as the command
// line prints it after its summary: a withheld figure the figures around
// it still tell, a percentage suppression cannot protect, a pivot cache
// saved without its data. The file carries them too (its Provenance
// sheet, or the pack's provenance page), but an officer circulating it
// from the window must see them before it goes, not find them after.
func exportWarnings(sum export.Summary) fyne.CanvasObject {
	where := "the Provenance sheet"
	if sum.Pages > 0 {
		where = "the pack's provenance page"
	}
	head := widget.NewLabelWithStyle(counted(len(sum.Warnings), "warning")+", also on "+where+": check before circulating",
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var lines []string
	for _, wn := range sum.FileWarnings() {
		lines = append(lines, wn.String())
	}
	list := widget.NewLabel(strings.Join(lines, "\n\n"))
	list.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(list)
	scroll.SetMinSize(fyne.NewSize(560, 200))
	return container.NewBorder(head, nil, nil, nil, scroll)
}
