package views

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/assets"
	"scorecard/importer"
)

// AppID is the Fyne application ID, under which the desktop keeps the
// app's preferences.
const AppID = "uk.gov.kent.scorecard"

// Run opens the Scorecard window on st and runs it until the window is
// closed. The theme follows the system's light or dark setting.
func Run(st store.Store, opt Options) {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("scorecard.png", assets.Icon))
	a.Settings().SetTheme(readableTheme{theme.DefaultTheme()})
	w := NewMainWindow(a, st, opt)
	w.ShowAndRun()
}

// NewMainWindow builds the main window on st, opening on the screen opt
// names. A store that cannot be read gives a window saying so.
func NewMainWindow(a fyne.App, st store.Store, opt Options) fyne.Window {
	w, err := newMainWindow(a, storeBackend{st}, opt)
	if err != nil {
		win := a.NewWindow("Scorecard")
		win.SetContent(errorContent(err))
		win.Resize(fyne.NewSize(640, 240))
		return win
	}
	w.open()
	return w.win
}

// errorContent says why the window cannot show the store.
func errorContent(err error) fyne.CanvasObject {
	l := widget.NewLabel(fmt.Sprintf("Scorecard cannot open its data:\n%v", err))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// storeBackend reads files with the importer and keeps them in the store.
type storeBackend struct{ st store.Store }

func (b storeBackend) Load() (*app.History, error) { return b.st.Load() }

func (b storeBackend) Imports() ([]app.Import, error) { return b.st.Imports() }

func (b storeBackend) Undo(id string) (app.Import, error) { return b.st.Undo(id) }

func (b storeBackend) ReadFile(ctx context.Context, path string, layouts map[string]importer.Layout, progress func(done, total int)) (*importer.Result, error) {
	if p, ok := b.st.(store.BackupPreparer); ok {
		// The automatic backup is copied while the file is read and
		// reviewed, so that storing it does not wait for the copy.
		p.PrepareBackup()
	}
	// The store's definitions date a tidy table's per-row targets by
	// each indicator's year type, and keep a DfE file from redefining
	// a scorecard's indicators.
	inds, err := b.st.Indicators()
	if err != nil {
		return nil, err
	}
	byRef := make(map[string]app.Indicator, len(inds))
	for _, ind := range inds {
		byRef[ind.Ref] = ind
	}
	defined := func(ref string) (app.Indicator, bool) { ind, ok := byRef[ref]; return ind, ok }
	known := func(ref string) bool { _, ok := byRef[ref]; return ok }
	auth, err := b.st.Authority()
	if err != nil {
		return nil, err
	}
	model, err := store.NeighbourModel(b.st)
	if err != nil {
		return nil, err
	}
	retired, err := store.Retirements(b.st, inds)
	if err != nil {
		return nil, err
	}
	rule, err := store.RAGRuleIn(b.st)
	if err != nil {
		return nil, err
	}
	res, err := importer.Read(ctx, path, importer.Options{RAGRule: rule, Layouts: layouts, Progress: progress, Known: known, Defined: defined, Held: store.HeldFigures(b.st), Indicators: inds, Retired: retired, Authority: auth, Model: model})
	if err != nil || res.Dataset == nil {
		return res, err
	}
	imports, err := b.st.Imports()
	if err != nil {
		return nil, err
	}
	// Before the review, so that it counts what the import will record;
	// the command line's import runs the same passes (store.ReviewHeld),
	// every one through one reader of the store.
	held, err := store.ReviewHeld(b.st, res.Dataset, filepath.Base(path), imports, inds)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	res.Warnings = append(res.Warnings, held.Warnings()...)
	// In the review, so that the officer reads it before accepting, as
	// the command line's import prints it.
	heldTargets, err := app.StoredTargets(res.Dataset, b.st.HeldTargets)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	res.Warnings = append(res.Warnings, app.ReviewRAGRule(res.Dataset, filepath.Base(path), auth.Name, rule, heldTargets, defined)...)
	return res, nil
}

func (b storeBackend) RecordCirculation(c app.Circulation) (app.Circulation, error) {
	return b.st.RecordCirculation(c)
}

func (b storeBackend) Authority() (*app.Authority, error) { return b.st.Authority() }

func (b storeBackend) SetAuthority(a *app.Authority) error { return b.st.SetAuthority(a) }

func (b storeBackend) StoreRead(path string, res *importer.Result, reviewed string) (app.Import, error) {
	if err := b.reviewTargets(path, res); err != nil {
		return app.Import{}, err
	}
	// Kind is the format read, as the command line's import records it,
	// so the import log reads alike whoever imported a file.
	src := store.Source{Name: filepath.Base(path), Kind: res.Format, SHA256: res.SHA256, Note: res.Format, Warnings: res.Warnings, Basis: reviewed}
	imp, err := b.st.Import(src, res.Dataset)
	if errors.Is(err, store.ErrAlreadyImported) {
		return imp, errAlreadyImported
	}
	if err != nil {
		return imp, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return imp, nil
}

// reviewTargets keeps the stored milestones and district targets that
// res's file does not state, and warns of those it changes, as the
// command line's import does (app.ReviewTargets).
func (b storeBackend) reviewTargets(path string, res *importer.Result) error {
	if res.Dataset == nil || len(res.Dataset.Targets) == 0 {
		return nil
	}
	inds, err := b.st.Indicators()
	if err != nil {
		return err
	}
	held, err := app.StoredTargets(res.Dataset, b.st.HeldTargets)
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	defined := func(ref string) (app.Indicator, bool) {
		i := slices.IndexFunc(inds, func(ind app.Indicator) bool { return ind.Ref == ref })
		if i < 0 {
			return app.Indicator{}, false
		}
		return inds[i], true
	}
	auth, err := b.st.Authority()
	if err != nil {
		return err
	}
	figures := func(ref string, area app.Area) []app.Observation {
		if area == "" {
			area = auth.Area()
		}
		h, err := b.st.LoadIndicatorArea(ref, area)
		if err != nil {
			return nil
		}
		return h.Series(app.SeriesKey{Ref: ref, Area: area, Split: app.All})
	}
	res.Warnings = append(res.Warnings, app.ReviewTargets(res.Dataset, filepath.Base(path), held, defined, figures)...)
	return nil
}

func (b storeBackend) Edit(note string, d *app.Dataset, basis string) (app.Import, error) {
	return b.st.Import(store.Source{Name: "edit", Kind: "edit", Note: note, Basis: basis}, d)
}

func (b storeBackend) Setting(key string, v any) bool {
	ok, err := b.st.Get(store.SettingsBucket, key, v)
	return err == nil && ok
}

func (b storeBackend) SetSetting(key string, v any) error {
	return b.st.Put(store.SettingsBucket, key, v)
}
