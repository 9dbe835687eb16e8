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
	"scorecard/app/store"
	"scorecard/importer"
)

// progressDelay is how long an import runs before the progress bar shows:
// a quick import should not flash one.
const progressDelay = 500 * time.Millisecond

// jobProgress is the status bar's progress bar and cancel button,
// shown while an import or export runs in the background.
type jobProgress struct {
	bar     *widget.ProgressBar
	label   *widget.Label
	cancel  *widget.Button
	content *fyne.Container

	mu   sync.Mutex
	stop context.CancelFunc
}

func newJobProgress() *jobProgress {
	p := &jobProgress{bar: widget.NewProgressBar(), label: widget.NewLabel("")}
	p.cancel = widget.NewButton("Cancel", func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.stop != nil {
			p.stop()
		}
	})
	// The label is cut short rather than as wide as a file's name: a
	// label as wide as its text widened the window past a laptop's
	// screen, and Fyne never narrows a window again.
	p.label.Truncation = fyne.TextTruncateEllipsis
	p.content = container.NewHBox(fixedWidth(p.label, 300), container.NewGridWrap(fyne.NewSize(160, p.bar.MinSize().Height), p.bar), p.cancel)
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
	// kept says what a file that gives no figures, a statistical-
	// neighbour model, changed instead.
	kept string
}

// importJob is a run of files being imported one after another.
type importJob struct {
	paths    []string
	next     int
	outcomes []importOutcome
	ctx      context.Context
	cancel   context.CancelFunc
	shown    *time.Timer
	// stale counts the files reviewed again because a colleague's import
	// changed the definitions they were reviewed against.
	stale int
	// order is the line saying the files are read oldest first, not in
	// the order dropped (importer.BatchOrder), or "".
	order string
}

// maxStaleReviews bounds how often one job reviews files again after a
// colleague's import, so that a busy team store cannot keep the window
// reviewing for ever.
const maxStaleReviews = 3

// importFiles imports the files one after another, child-level lists
// after the others: each is read in the background (with progress and
// cancel), its detected layout shown for confirmation unless a saved
// profile already says it, then stored in the background. The UI stays live: only fyne.Do touches widgets from the
// workers.
func (w *mainWindow) importFiles(paths []string) {
	if len(paths) == 0 {
		return
	}
	if w.job != nil {
		// A file dropped while others import joins the queue.
		w.job.paths = append(w.job.paths, paths...)
		return
	}
	j := &importJob{paths: paths}
	w.job = j
	j.ctx, j.cancel = context.WithCancel(context.Background())
	p := w.progress
	p.mu.Lock()
	p.stop = j.cancel
	p.mu.Unlock()
	w.busy.Add(1)
	j.shown = time.AfterFunc(progressDelay, func() {
		fyne.Do(func() {
			// The timer may fire just as the job ends; a finished job's
			// bar must stay hidden.
			if w.job == j {
				p.content.Show()
			}
		})
	})
	if len(paths) < 2 {
		w.readNext(j)
		return
	}
	// Files are read oldest first, and child-level lists and DfE files
	// after the other files, so that a workbook dropped with one defines
	// its refs first (importer.BatchOrder, as the command line's import);
	// ordering opens each file, so not on the UI thread.
	go func() {
		// Read as each file's import reads it, with the store's
		// authority: a file naming its own area is refused without it,
		// and would keep its place.
		ordered, _, order := importer.BatchOrder(j.ctx, paths, importer.Options{Authority: w.auth})
		fyne.Do(func() {
			j.order = order
			// Files dropped meanwhile joined the queue after these.
			j.paths = append(ordered, j.paths[len(paths):]...)
			w.readNext(j)
		})
	}()
}

// readNext reads the job's next file, or finishes the job.
func (w *mainWindow) readNext(j *importJob) {
	p := w.progress
	if j.next == len(j.paths) || j.ctx.Err() != nil {
		j.shown.Stop()
		j.cancel()
		w.job = nil
		p.content.Hide()
		w.importsDone(j.order, j.outcomes)
		w.busy.Done()
		return
	}
	path := j.paths[j.next]
	j.next++
	label := "Reading " + filepath.Base(path)
	if len(j.paths) > 1 {
		label += fmt.Sprintf(" (%d of %d)", j.next, len(j.paths))
	}
	p.label.SetText(label)
	p.bar.SetValue(0)
	layouts, _ := w.profile(path)
	saved := w.savedAreaNames(path)
	go func() {
		progress := func(done, total int) {
			if total > 0 {
				fyne.Do(func() { p.bar.SetValue(float64(done) / float64(total)) })
			}
		}
		res, err := w.st.ReadFile(j.ctx, path, layouts, progress)
		if again := withSavedAreaNames(res, saved); err == nil && again != nil {
			// Area names read before (here or by import --area) read
			// this file alike: it is read again with them.
			res, err = w.st.ReadFile(j.ctx, path, again, progress)
		}
		fyne.Do(func() {
			if err != nil {
				j.outcomes = append(j.outcomes, importOutcome{file: path, err: err})
				w.readNext(j)
				return
			}
			if res.Model != nil {
				w.keepModel(j, path, res)
				w.readNext(j)
				return
			}
			// A file imported before is recognised before the review:
			// there is nothing in it to check.
			if imp, ok := w.importedAs(j, res.SHA256); ok {
				j.outcomes = append(j.outcomes, importOutcome{file: path, imp: imp, err: errAlreadyImported})
				w.readNext(j)
				return
			}
			// Every file is reviewed before it is stored, a file whose
			// layout a saved profile gives as much as any.
			w.reviewLayout(j, path, res)
		})
	}()
}

// importedAs returns the import, not undone, that read a file with the
// fingerprint sum: one the store held when the job began, or one the job
// has stored since.
func (w *mainWindow) importedAs(j *importJob, sum string) (app.Import, bool) {
	if sum == "" {
		return app.Import{}, false
	}
	for _, o := range j.outcomes {
		if o.err == nil && o.imp.SHA256 == sum {
			return o.imp, true
		}
	}
	for _, imp := range w.v.stored.Imports {
		if imp.SHA256 == sum && imp.Undone == nil {
			return imp, true
		}
	}
	return app.Import{}, false
}

// storeRead records a file already read, in the background, then moves
// on to the next. A reading that yields nothing to store is refused by
// the rule the command line applies.
func (w *mainWindow) storeRead(j *importJob, path string, res *importer.Result, reviewed string) {
	if err := app.CheckFiguresRead(filepath.Base(path), nil, res.Dataset, res.UnreadFigures, res.Warnings); err != nil {
		j.outcomes = append(j.outcomes, importOutcome{file: path, err: err})
		w.readNext(j)
		return
	}
	w.progress.label.SetText("Storing " + filepath.Base(path))
	go func() {
		imp, err := w.st.StoreRead(path, res, reviewed)
		fyne.Do(func() {
			if errors.Is(err, store.ErrStale) && j.stale < maxStaleReviews {
				// Nothing was stored: the file is read and reviewed
				// again against the definitions as they now are.
				j.stale++
				if rerr := w.reloadHistory(); rerr == nil {
					w.status.SetText(filepath.Base(path) + ": another import changed the store while it was reviewed; reviewing it again against the store as it is now")
					j.paths = slices.Insert(j.paths, j.next, path)
					w.readNext(j)
					return
				}
			}
			j.outcomes = append(j.outcomes, importOutcome{file: path, imp: imp, err: err})
			if d := res.Dataset; err == nil && j.next < len(j.paths) && d != nil && (len(d.Indicators) > 0 || len(d.Targets) > 0) {
				// The next file is reviewed against the store with this
				// one in it, its definitions and targets included.
				if rerr := w.reloadHistory(); rerr != nil {
					fyne.LogError("rereading the store between imports", rerr)
				}
			}
			w.readNext(j)
		})
	}()
}

// importsDone rereads the store and reports each file: its counts and
// warnings, or the error naming sheet and cell; order, where not "",
// says first that the files were read oldest first.
func (w *mainWindow) importsDone(order string, outcomes []importOutcome) {
	var errs []error
	var lines []string
	if order != "" {
		lines = append(lines, order)
	}
	added := false
	for _, o := range outcomes {
		name := filepath.Base(o.file)
		switch {
		case errors.Is(o.err, context.Canceled):
			lines = append(lines, name+": cancelled; nothing was added")
		case o.err == nil && o.kept != "":
			lines = append(lines, name+": "+o.kept)
		case errors.Is(o.err, errAlreadyImported) && readWith(outcomes, o) != "":
			lines = append(lines, fmt.Sprintf("%s: read with %s above, as one SSDA903 return", name, readWith(outcomes, o)))
		case errors.Is(o.err, errAlreadyImported):
			lines = append(lines, fmt.Sprintf("%s: already imported as %s; nothing added", name, o.imp.ID))
		case errors.As(o.err, new(*importer.LockFileError)):
			lines = append(lines, o.err.Error())
		case refusedWith(outcomes, o) != "":
			errs = append(errs, fmt.Errorf("%s: refused with %s above, as one SSDA903 return", name, refusedWith(outcomes, o)))
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

// readWith names the file of the same run that an SSDA903 return was
// imported from, when o is another of the return's tables: the first
// read all three.
func readWith(outcomes []importOutcome, o importOutcome) string {
	if o.imp.Note != importer.Format903 {
		return ""
	}
	for _, p := range outcomes {
		if p.err == nil && p.imp.ID == o.imp.ID {
			return filepath.Base(p.file)
		}
	}
	return ""
}

// refusedWith names the file of the same run, before o's, whose SSDA903
// return, o's file among its tables, was refused: o's refusal is that
// one again, said once.
func refusedWith(outcomes []importOutcome, o importOutcome) string {
	if !errors.As(o.err, new(*importer.ReturnRefused)) {
		return ""
	}
	self, _ := filepath.Abs(o.file)
	for _, p := range outcomes {
		if p.file == o.file {
			return ""
		}
		var rr *importer.ReturnRefused
		if !errors.As(p.err, &rr) {
			continue
		}
		for _, t := range rr.Tables {
			if abs, _ := filepath.Abs(t); abs == self {
				return filepath.Base(p.file)
			}
		}
	}
	return ""
}

// chooseImport asks for a workbook or CSV to import.
func (w *mainWindow) chooseImport() {
	if w.chooseImportNative() {
		return
	}
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
	startIn(fd, w.startFolder())
	fd.Show()
	// A file dialog can only be sized once shown.
	fd.Resize(fyne.NewSize(900, 600))
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

// withSavedAreaNames are res's layouts carrying the saved readings of
// its area names no mapping of the layouts has read yet, for the file to
// be read again; nil when the saved readings cover none of them. A name
// the importer read by itself ("Leeds LA" as Leeds) takes the officer's
// saved reading, as import does with the family's saved --area.
func withSavedAreaNames(res *importer.Result, saved map[string]app.Area) map[string]importer.Layout {
	if res == nil || len(saved) == 0 {
		return nil
	}
	use := map[string]app.Area{}
	for _, u := range res.UnknownAreas {
		for k, v := range saved {
			if !layoutsMap(res.Layouts, u.Name) && strings.EqualFold(strings.TrimSpace(k), strings.TrimSpace(u.Name)) {
				use[u.Name] = v
			}
		}
	}
	if len(use) == 0 {
		return nil
	}
	layouts := make(map[string]importer.Layout, len(res.Layouts))
	for _, l := range res.Layouts {
		names := make(map[string]app.Area, len(l.AreaNames)+len(use))
		for k, v := range l.AreaNames {
			names[k] = v
		}
		for k, v := range use {
			names[k] = v
		}
		l.AreaNames = names
		layouts[l.Sheet] = l
	}
	return layouts
}

// layoutsMap reports whether one of the layouts maps an area name.
func layoutsMap(ls []importer.Layout, name string) bool {
	for _, l := range ls {
		for k := range l.AreaNames {
			if strings.EqualFold(strings.TrimSpace(k), strings.TrimSpace(name)) {
				return true
			}
		}
	}
	return false
}

// keepModel keeps a statistical-neighbour model the file gives in place
// of the one before: it gives no figures to review, and DfE files
// imported after it average the neighbours it names.
func (w *mainWindow) keepModel(j *importJob, path string, res *importer.Result) {
	if err := w.st.SetSetting(store.NeighbourModelKey, res.Model); err != nil {
		j.outcomes = append(j.outcomes, importOutcome{file: path, err: fmt.Errorf("%s: keeping the statistical-neighbour model: %w", filepath.Base(path), err)})
		return
	}
	kept := fmt.Sprintf("statistical-neighbour model %s kept for this store; %s's neighbours under it: %s",
		res.Model.Year, w.auth.Name, strings.Join(importer.ModelNeighbours(res.Model, w.auth), ", "))
	j.outcomes = append(j.outcomes, importOutcome{file: path, kept: kept})
}

// dropped imports the files dropped on the window. Anything that is not a
// file (a link dragged from a browser) is left out, and said so.
func (w *mainWindow) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths, others []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		} else {
			others = append(others, u.String())
		}
	}
	if len(others) > 0 {
		w.status.SetText("Only files can be imported; left out " + strings.Join(others, ", "))
	}
	if err := w.readOnly(); err != nil && len(paths) > 0 {
		w.showError(err)
		return
	}
	w.importFiles(paths)
}
