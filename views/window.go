// Package views is Scorecard's desktop window, drawn with Fyne: the
// scorecard for a period and area, an indicator's detail, the district
// grid, imports with their validation reports and undo, and the export
// dialog. The views are thin: figures, ratings, flags and exclusions come
// from app and its packages (trend, cohort, benchmark, export), the files
// from importer, and everything kept from app/store.
//
// The keyboard: arrow keys move through the scorecard, Enter (or Space)
// opens the highlighted indicator and Escape comes back or closes a
// dialog; Ctrl+C copies the highlighted row; Ctrl+F searches; Ctrl+O imports; Ctrl+E exports;
// Ctrl+P prints the committee pack; Ctrl+1 to Ctrl+4 switch screens. Files dropped on the window are
// imported. File choosers start in the folder of the file last imported,
// else in Documents. Imports and exports run off the UI thread, with a
// progress bar after half a second and a Cancel button.
package views

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/importer"
)

// The screens the window can open on; Options.Screen names one.
const (
	ScreenScorecard = "scorecard"
	ScreenDetail    = "detail"
	ScreenDistricts = "districts"
	ScreenImport    = "import"
	ScreenHistory   = "history"
	ScreenExport    = "export"
)

// Options choose how the window opens.
type Options struct {
	// Screen is the screen to open on (ScreenScorecard when empty).
	Screen string
	// Ref is the indicator the detail screen shows; the first indicator
	// when empty.
	Ref string
	// Import lists files to import as the window opens, as if dropped on
	// it; the import report shows when they are done.
	Import []string
	// Exclude lists cohorts to exclude as the window opens, as if their
	// toggles were ticked. One no figure is split by is not excluded, as
	// the command line refuses it: the status line says why.
	Exclude []app.Cohort
	// Note, when set, is told what the window did not do of what it was
	// asked: the command line writes it on stderr, as its other notes.
	Note func(string)
	// StoreChosen says the store was named on the command line (--db).
	// Otherwise the window opens the store it was last on: a team store
	// the officer switched to stays their store until they switch back.
	StoreChosen bool
}

// backend is what the window needs of the store: the history, the
// import log, and the writes an MI officer makes from the window.
type backend interface {
	Load() (*app.History, error)
	Imports() ([]app.Import, error)
	Undo(id string) (app.Import, error)
	// ReadFile reads a workbook or CSV, with the given layouts (a saved
	// profile, or the officer's corrections) overriding detection, calling
	// progress now and then from its own goroutine.
	ReadFile(ctx context.Context, path string, layouts map[string]importer.Layout, progress func(done, total int)) (*importer.Result, error)
	// StoreRead records a file read as one import; a file imported before
	// gives its earlier record and errAlreadyImported. reviewed is the
	// store.Basis its definitions and targets were reviewed against ("" for
	// none): if the store's have changed since, nothing is stored and the
	// error wraps store.ErrStale.
	StoreRead(path string, res *importer.Result, reviewed string) (app.Import, error)
	// Edit records a change made in the window (commentary, a target) as
	// an import of its own, so it can be undone like any other. basis is
	// the store.Basis of the history the change was worked out from ("" for
	// none): for a change store.Reviewed holds, if an import or undo has
	// landed since, nothing is stored and the error wraps store.ErrStale.
	Edit(note string, d *app.Dataset, basis string) (app.Import, error)
	// Setting reads a remembered setting into v, reporting whether it was
	// there; SetSetting remembers one.
	Setting(key string, v any) bool
	SetSetting(key string, v any) error
}

// authorityBackend is a backend that knows the store's authority; one
// that does not holds the default authority's figures.
type authorityBackend interface {
	Authority() (*app.Authority, error)
}

// mainWindow holds the window's state and its screens.
type mainWindow struct {
	a    fyne.App
	win  fyne.Window
	st   backend
	auth *app.Authority // whose figures the store holds
	v    *view
	opt  Options

	controls *fyne.Container
	period   *widget.Select
	area     *widget.Select
	cohorts  map[app.Cohort]*widget.Check
	search   *escEntry
	flagged  *widget.Check
	section  *widget.Select
	order    *widget.Select

	tabs         *container.AppTabs
	tabDetail    *container.TabItem
	tabDistricts *container.TabItem
	// staleDetail and staleDistricts mark screens behind the controls.
	staleDetail, staleDistricts bool
	score                       *scorecardTable
	detail                      *detailPane
	districts                   *districtTable
	history                     *historyPane
	// drafts holds the commentary typed and not yet saved.
	drafts *commentDrafts

	status   *widget.Label
	hint     *widget.Label // under the scorecard: what the highlighted row's flags mean
	progress *jobProgress
	// retired says which indicators the scorecard leaves out as retired,
	// so that a row gone from it is never gone unsaid.
	retired *widget.Label
	// job is the run of imports under way, if any.
	job *importJob
	// review is the layout confirmation showing, if any; reviewShown, when
	// set, is told when one shows (tests wait on it).
	review      *layoutReview
	reviewShown func(*layoutReview)
	// chooser is the choice of authority showing, if any.
	chooser *authorityChooser
	// busy counts background imports, so that a test (or closing) can
	// wait for them.
	busy sync.WaitGroup
	// team keeps the window current on a team store; nil on a file.
	team *teamLink
	// switchTo, when set, opens another store in a new window in place of
	// this one (File > Open a team store…).
	switchTo func(path string) error
}

func newMainWindow(a fyne.App, st backend, opt Options) (*mainWindow, error) {
	h, err := st.Load()
	if err != nil {
		return nil, fmt.Errorf("reading the store: %w", err)
	}
	auth := app.DefaultAuthority()
	if ab, ok := st.(authorityBackend); ok {
		if auth, err = ab.Authority(); err != nil {
			return nil, fmt.Errorf("reading the store: %w", err)
		}
	}
	w := &mainWindow{a: a, st: st, auth: auth, v: newView(h, auth), opt: opt, cohorts: map[app.Cohort]*widget.Check{}}
	// The title names the authority, so an officer keeping two stores
	// sees whose figures are open.
	w.win = a.NewWindow(windowTitle(auth, st))
	w.build()
	return w, nil
}

func (w *mainWindow) build() {
	w.score = newScorecardTable(w.v, w.openDetail)
	w.score.onHighlight = w.describeRow
	w.score.onHeadingHelp = func(help string) { w.hint.SetText(help) }
	w.detail = newDetailPane(w)
	w.districts = newDistrictTable(w.v, w.auth.Areas(), w.openIn)
	w.history = newHistoryPane(w)
	w.status = widget.NewLabel("")
	// The status line wraps: as wide as its text, it widened the window
	// past the screen (a read-only team store's notice to 1605 px), and
	// cut short it would hide what it says.
	w.status.Wrapping = fyne.TextWrapWord
	w.hint = widget.NewLabel(keysHint)
	w.hint.Truncation = fyne.TextTruncateEllipsis
	w.retired = widget.NewLabel("")
	w.retired.Wrapping = fyne.TextWrapWord
	w.retired.Hide()
	w.noteRetired()
	w.progress = newJobProgress()

	w.period = widget.NewSelect(nil, func(s string) {
		p, err := app.ParsePeriod(s)
		if err != nil || p == w.v.period || p.Kind != app.Month {
			return
		}
		w.v.period = p
		w.refresh()
	})
	w.area = widget.NewSelect(nil, func(s string) {
		if app.Area(s) == w.v.area {
			return
		}
		w.v.area = app.Area(s)
		w.refresh()
	})
	for _, a := range w.auth.Areas() {
		w.area.Options = append(w.area.Options, string(a))
	}
	w.area.Selected = string(w.v.area)
	// Each picker stays beside its label when the row wraps.
	controls := []fyne.CanvasObject{
		container.NewHBox(widget.NewLabel("Period"), w.period),
		container.NewHBox(widget.NewLabel("Area"), w.area),
	}
	for _, tc := range toggledCohorts {
		controls = append(controls, w.cohortCheck(tc.c, tc.label))
	}

	// Escape in the search box goes back to the rows.
	w.search = newEscEntry(w.escape)
	w.search.SetPlaceHolder("Search ref or indicator")
	w.search.OnChanged = func(s string) { w.score.search = s; w.score.refilter() }
	w.flagged = widget.NewCheck("Flagged only", func(on bool) { w.score.flaggedOnly = on; w.score.refilter() })
	w.section = widget.NewSelect(nil, func(s string) {
		if s == allSections {
			s = ""
		}
		w.score.section = s
		w.score.refilter()
	})
	w.order = widget.NewSelect(sortOrders, func(s string) {
		if s != w.score.orderName() {
			w.score.sortBy(s)
		}
	})
	w.order.Selected = sortScorecard
	w.score.onOrder = func(order string) {
		w.order.Selected = order
		w.order.Refresh()
	}
	filters := container.NewBorder(nil, nil, nil,
		container.NewHBox(w.flagged, fixedWidth(w.section, 200), fixedWidth(w.order, 180)),
		w.search)

	w.tabDetail = container.NewTabItem("Indicator", w.detail.content)
	w.tabDistricts = container.NewTabItem("Districts", w.districts.table.withGrip())
	w.tabs = container.NewAppTabs(
		container.NewTabItem("Scorecard", topFirst(filters, container.NewVBox(w.retired, w.hint), w.score.table.withGrip())),
		w.tabDetail,
		w.tabDistricts,
		container.NewTabItem("Imports", w.history.content),
	)
	w.tabs.OnSelected = func(*container.TabItem) { w.reloadVisible() }
	w.controls = container.New(&flowLayout{}, controls...)
	top := w.controls
	bottom := container.NewBorder(nil, nil, nil, w.progress.content, w.status)
	w.win.SetContent(topFirst(top, bottom, w.tabs))
	w.win.SetMainMenu(w.menu())
	w.win.SetOnDropped(w.dropped)
	w.bindCopy()
	w.bindChartMenu()
	w.bindKeys()
	w.restoreColumnWidths()
	w.bindDrafts()
	size := fyne.NewSize(1280, 800)
	if w.st.Setting(settingWindowSize, &size) && (size.Width < 640 || size.Height < 400) {
		size = fyne.NewSize(1280, 800)
	}
	if s, ok := sizeFromEnv(); ok {
		size = s
	}
	w.win.Resize(size)
	w.win.SetCloseIntercept(w.closeIntercept)
	w.refreshControls()
	w.refreshStatus()
}

// allSections is the section filter's choice of every section.
const allSections = "All sections"

// Settings the window remembers in the store.
const (
	settingWindowSize  = "window-size"
	settingRecentFiles = "recent-files"
	settingLayout      = "window-layout"
)

// refresh redraws every screen after a control changed.
// The district grid and the detail are recomputed only when they are on
// screen (or next come on screen): a cohort toggle then costs one screen's
// figures, not every screen's.
func (w *mainWindow) refresh() {
	w.score.reload()
	w.noteRetired()
	w.staleDetail, w.staleDistricts = true, true
	w.reloadVisible()
	w.refreshStatus()
}

// noteRetired says under the scorecard which indicators it leaves out as
// retired for the chosen period, hidden when none is.
func (w *mainWindow) noteRetired() {
	text := w.v.retiredWords()
	w.retired.SetText(text)
	if text == "" {
		w.retired.Hide()
	} else {
		w.retired.Show()
	}
}

// reloadVisible recomputes the screen showing if it is out of date.
func (w *mainWindow) reloadVisible() {
	switch w.tabs.Selected() {
	case w.tabDetail:
		if w.staleDetail {
			w.detail.reload()
			w.restoreDraft()
			w.staleDetail = false
		}
	case w.tabDistricts:
		if w.staleDistricts {
			w.districts.reload()
			w.staleDistricts = false
		}
	}
}

// reloadHistory rereads the store after an import or undo.
func (w *mainWindow) reloadHistory() error {
	h, err := w.st.Load()
	if err != nil {
		return fmt.Errorf("reading the store: %w", err)
	}
	w.setHistory(h)
	return nil
}

// setHistory shows h, the history as the store now holds it.
func (w *mainWindow) setHistory(h *app.History) {
	w.v.setHistory(h)
	w.refreshControls()
	w.refresh()
	w.history.reload()
}

// edit records a change made in the window as an import of its own and
// redraws.
func (w *mainWindow) edit(note string, d *app.Dataset) { w.editFrom(note, d, "") }

// editFrom is edit for a change worked out from the history whose
// store.Basis is basis, such as a retirement and its note: the store
// refuses it if an import or undo, a colleague's on a team store, landed
// since. It then says nothing and reports stale, for the caller to work
// the change out again.
func (w *mainWindow) editFrom(note string, d *app.Dataset, basis string) (stale bool) {
	if err := w.readOnly(); err != nil {
		w.showError(fmt.Errorf("saving %s: %w", note, err))
		return false
	}
	imp, err := w.st.Edit(note, d, basis)
	if errors.Is(err, store.ErrStale) {
		return true
	}
	if err != nil {
		w.showError(fmt.Errorf("saving %s: %w", note, err))
		return false
	}
	if err := w.reloadHistory(); err != nil {
		w.showError(err)
		return false
	}
	w.status.SetText(fmt.Sprintf("Saved %s as %s (undo it under Imports)", note, imp.ID))
	return false
}

// find puts the cursor in the scorecard's search box.
func (w *mainWindow) find() {
	w.tabs.SelectIndex(0)
	w.win.Canvas().Focus(w.search)
}

// openIn shows one indicator's detail in an area, switching the area
// picker to it; "" keeps the area chosen.
func (w *mainWindow) openIn(ref string, area app.Area) {
	if area != "" && area != w.v.area {
		w.area.SetSelected(string(area))
	}
	w.openDetail(ref)
}

// openDetail shows one indicator's detail.
func (w *mainWindow) openDetail(ref string) {
	w.detail.show(ref)
	w.restoreDraft()
	w.staleDetail = false
	w.tabs.Select(w.tabDetail)
	// The keyboard leaves the table behind, so Escape comes back to it.
	w.win.Canvas().Unfocus()
}

// topFirst lays out top, centre and bottom as container.NewBorder does,
// but holds them in that order, which is the order Tab visits them:
// NewBorder puts the centre first, so Tab went from the filters past the
// scorecard's rows.
func topFirst(top, bottom, centre fyne.CanvasObject) *fyne.Container {
	return container.New(layout.NewBorderLayout(top, bottom, nil, nil), top, centre, bottom)
}

// fixedWidth gives a picker room for its longest choice.
func fixedWidth(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, o.MinSize().Height), o)
}
