package views

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
)

// progressDelay is how long an import runs before the progress bar shows:
// a quick import should not flash one.
const progressDelay = 500 * time.Millisecond

// importProgress is the status bar's progress bar and cancel button,
// shown while imports run in the background.
type importProgress struct {
	bar     *widget.ProgressBar
	label   *widget.Label
	cancel  *widget.Button
	content *fyne.Container

	mu   sync.Mutex
	stop context.CancelFunc
}

func newImportProgress() *importProgress {
	p := &importProgress{bar: widget.NewProgressBar(), label: widget.NewLabel("")}
	p.cancel = widget.NewButton("Cancel", func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.stop != nil {
			p.stop()
		}
	})
	p.content = container.NewHBox(p.label, container.NewGridWrap(fyne.NewSize(160, p.bar.MinSize().Height), p.bar), p.cancel)
	p.content.Hide()
	return p
}

// errAlreadyImported is what ImportFile returns for a file the store holds
// already: nothing was added.
var errAlreadyImported = errors.New("already imported")

// importOutcome is what one file's import came to.
type importOutcome struct {
	file string
	imp  app.Import
	err  error
}

// importFiles imports the files in the background, one after another,
// then rereads the store and shows the report. The UI stays live: only
// fyne.Do touches widgets from the worker.
func (w *mainWindow) importFiles(paths []string) {
	if len(paths) == 0 {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	p := w.progress
	p.mu.Lock()
	p.stop = cancel
	p.mu.Unlock()
	w.busy.Add(1)
	shown := time.AfterFunc(progressDelay, func() {
		fyne.Do(func() {
			p.label.SetText(fmt.Sprintf("Importing %s", filepath.Base(paths[0])))
			p.content.Show()
		})
	})
	go func() {
		defer w.busy.Done()
		defer cancel()
		var outcomes []importOutcome
		for i, path := range paths {
			if i > 0 {
				fyne.Do(func() { p.label.SetText(fmt.Sprintf("Importing %s (%d of %d)", filepath.Base(path), i+1, len(paths))) })
			}
			fyne.Do(func() { p.bar.SetValue(0) })
			imp, err := w.st.ImportFile(ctx, path, func(done, total int) {
				if total > 0 {
					fyne.Do(func() { p.bar.SetValue(float64(done) / float64(total)) })
				}
			})
			outcomes = append(outcomes, importOutcome{file: path, imp: imp, err: err})
			if ctx.Err() != nil {
				break
			}
		}
		shown.Stop()
		fyne.Do(func() {
			p.content.Hide()
			w.importsDone(outcomes)
		})
	}()
}

// importsDone rereads the store and reports each file: its counts and
// warnings, or the error naming sheet and cell.
func (w *mainWindow) importsDone(outcomes []importOutcome) {
	var errs []error
	var lines []string
	added := false
	for _, o := range outcomes {
		name := filepath.Base(o.file)
		switch {
		case errors.Is(o.err, context.Canceled):
			lines = append(lines, name+": cancelled; nothing was added")
		case errors.Is(o.err, errAlreadyImported):
			lines = append(lines, fmt.Sprintf("%s: already imported as %s; nothing added", name, o.imp.ID))
		case o.err != nil:
			errs = append(errs, o.err)
		default:
			added = true
			c := o.imp.Counts
			lines = append(lines, fmt.Sprintf("%s: imported as %s, %d indicators, %d figures (%d revised), %d warnings",
				name, o.imp.ID, c.Indicators, c.Observations, c.Revisions, len(o.imp.Warnings)))
			w.rememberRecent(o.file)
		}
	}
	if added {
		if err := w.reloadHistory(); err != nil {
			errs = append(errs, err)
		}
		w.tabs.SelectIndex(3)
	}
	if len(errs) > 0 {
		w.showError(errors.Join(errs...))
		return
	}
	if len(lines) > 0 {
		w.status.SetText(strings.Join(lines, "; "))
	}
}

// chooseImport asks for a workbook or CSV to import.
func (w *mainWindow) chooseImport() {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		w.importFiles([]string{path})
	}, w.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".xlsm", ".csv"}))
	fd.Resize(fyne.NewSize(900, 600))
	fd.Show()
}

// maxRecent is how many recent files the File menu offers.
const maxRecent = 8

// recentFiles returns the files imported lately, newest first.
func (w *mainWindow) recentFiles() []string {
	var paths []string
	w.st.Setting(settingRecentFiles, &paths)
	return paths
}

// rememberRecent puts path at the head of the recent files.
func (w *mainWindow) rememberRecent(path string) {
	paths := slices.DeleteFunc(w.recentFiles(), func(p string) bool { return p == path })
	paths = append([]string{path}, paths...)
	if len(paths) > maxRecent {
		paths = paths[:maxRecent]
	}
	if err := w.st.SetSetting(settingRecentFiles, paths); err != nil {
		fyne.LogError("remembering recent files", err)
	}
	w.win.SetMainMenu(w.menu())
}
