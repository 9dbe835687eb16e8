package views

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scorecard/app/store"
	"scorecard/assets"
)

// Opener opens the store at path ready for the window (the caller's
// first-run work, such as loading the demo, done).
type Opener func(path string) (store.Store, error)

// RunPath opens the store at path with open and runs the window on it
// until it is closed. When the store cannot be opened (another window has
// it, a newer Scorecard wrote it, it is damaged) it shows why in a small
// window offering to open another store, restore a backup, or quit,
// rather than leaving an officer who double-clicked the program looking
// at nothing. It returns the store the window ran on, for the caller to
// close, or nil when none was opened.
func RunPath(path string, open Opener, opt Options) store.Store {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("scorecard.png", assets.Icon))
	a.Settings().SetTheme(readableTheme{theme.DefaultTheme()})
	var opened store.Store
	defer func() {
		// The driver can panic (no display): close the store cleanly on
		// the way out.
		if r := recover(); r != nil {
			if opened != nil {
				opened.Close()
			}
			panic(r)
		}
	}()
	var show func(st store.Store)
	show = func(st store.Store) {
		// A store whose records fail their checksums opens but does not
		// load: that too is a start-up error with the same ways on.
		w, err := newMainWindow(a, storeBackend{st}, opt)
		if err != nil {
			st.Close()
			newStartupWindow(a, st.Path(), err, open, show).Show()
			return
		}
		opened = st
		w.open()
		w.win.Show()
	}
	st, err := open(path)
	if err != nil {
		newStartupWindow(a, path, err, open, show).Show()
	} else {
		show(st)
	}
	a.Run()
	return opened
}

// startupWindow says why the store could not be opened and offers the
// ways on.
type startupWindow struct {
	a      fyne.App
	win    fyne.Window
	path   string // the store that could not be opened
	open   Opener
	opened func(store.Store)

	message  *widget.Label
	another  *widget.Button
	restore  *widget.Button
	quit     *widget.Button
	backups  *widget.Select // the automatic backups, newest first, while restoring
	restored func()         // tests wait on it: called after a restore, whatever its outcome
}

func newStartupWindow(a fyne.App, path string, err error, open Opener, opened func(store.Store)) *startupWindow {
	s := &startupWindow{a: a, win: a.NewWindow("Scorecard"), path: path, open: open, opened: opened}
	s.message = widget.NewLabel("")
	s.message.Wrapping = fyne.TextWrapWord
	s.setError(err)
	s.another = widget.NewButton("Open another store…", s.chooseStore)
	s.restore = widget.NewButton("Restore a backup…", s.chooseBackup)
	s.quit = widget.NewButton("Quit", a.Quit)
	s.win.SetContent(container.NewBorder(nil, container.NewHBox(s.another, s.restore, s.quit), nil, nil, s.message))
	s.win.Resize(fyne.NewSize(640, 260))
	return s
}

// Show shows the window.
func (s *startupWindow) Show() { s.win.Show() }

func (s *startupWindow) setError(err error) {
	s.message.SetText(fmt.Sprintf("Scorecard cannot open %s:\n\n%v", s.path, err))
}

// tryOpen opens the store at path for the window, or says why not.
func (s *startupWindow) tryOpen(path string) bool {
	st, err := s.open(path)
	if err != nil {
		s.path = path
		s.setError(err)
		return false
	}
	s.opened(st)
	s.win.Close()
	return true
}

func (s *startupWindow) chooseStore() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		s.tryOpen(r.URI().Path())
	}, s.win)
	if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(s.path))); err == nil {
		d.SetLocation(dir)
	}
	d.Show()
}

// chooseBackup offers the store's automatic backups, newest first, or a
// file chooser when there are none.
func (s *startupWindow) chooseBackup() {
	bs, _ := store.Backups(s.path)
	if len(bs) == 0 {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			r.Close()
			s.restoreFrom(r.URI().Path())
		}, s.win)
		d.Show()
		return
	}
	slices.Reverse(bs)
	names := make([]string, len(bs))
	for i, b := range bs {
		names[i] = filepath.Base(b)
	}
	s.backups = widget.NewSelect(names, nil)
	s.backups.SetSelectedIndex(0)
	content := container.NewVBox(
		widget.NewLabel("Replace the store with a backup made before an import or undo.\nThe store it replaces is kept beside it."),
		s.backups)
	dialog.ShowCustomConfirm("Restore a backup", "Restore", "Cancel", content, func(ok bool) {
		if ok && s.backups.SelectedIndex() >= 0 {
			s.restoreFrom(bs[s.backups.SelectedIndex()])
		}
	}, s.win)
}

// restoreFrom restores the store from backup and opens it.
func (s *startupWindow) restoreFrom(backup string) {
	defer func() {
		if s.restored != nil {
			s.restored()
		}
	}()
	if _, err := store.Restore(s.path, backup); err != nil {
		if errors.Is(err, store.ErrInUse) {
			s.setError(err)
			return
		}
		s.setError(fmt.Errorf("the backup could not be restored: %w", err))
		return
	}
	s.tryOpen(s.path)
}
