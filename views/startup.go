package views

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

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
	s := &session{a: a, open: open, opt: opt}
	defer func() {
		// The driver can panic (no display): close the store cleanly on
		// the way out.
		if r := recover(); r != nil {
			if s.opened != nil {
				s.opened.Close()
			}
			panic(r)
		}
	}()
	path = startPath(a.Preferences(), path, opt)
	st, err := open(path)
	if err != nil {
		newStartupWindow(a, path, err, open, s.show).Show()
	} else {
		s.show(st)
	}
	a.Run()
	return s.opened
}

// session is the app's run: the main window on one store at a time, which
// the officer can move to another store (File > Open a team store…).
type session struct {
	a    fyne.App
	open Opener
	opt  Options
	// opened is the store the main window is on, or nil.
	opened store.Store
	// main is the main window, or nil while none is open.
	main *mainWindow
}

// show opens the main window on st. A store whose records fail their
// checksums opens but does not load: that too is a start-up error with
// the same ways on.
func (s *session) show(st store.Store) {
	w, err := newMainWindow(s.a, storeBackend{st}, s.opt)
	if err != nil {
		st.Close()
		newStartupWindow(s.a, st.Path(), err, s.open, s.show).Show()
		return
	}
	s.opened, s.main = st, w
	w.rememberStore()
	w.switchTo = func(path string) error { return s.switchTo(w, st, path) }
	w.win.SetMainMenu(w.menu())
	w.open()
	w.win.Show()
}

// switchTo opens the store at path in a new main window in place of w, on
// st. The new window shows before the old one closes, so the app, which
// ends with its last window, goes on; the store stays as it was when the
// new one cannot be opened.
func (s *session) switchTo(w *mainWindow, st store.Store, path string) error {
	next, err := s.open(path)
	if err != nil {
		return err
	}
	// What the command line asked of the first window (files to import,
	// a screen to open on) is not asked again of the next store.
	s.opt = Options{}
	s.show(next)
	w.closeIntercept()
	st.Close()
	if s.opened == st {
		// next opened but did not load: its startup window says why.
		s.opened, s.main = nil, nil
	}
	return nil
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
	signIn   *widget.Button // a team store's: asks for its password
	another  *widget.Button
	restore  *widget.Button
	quit     *widget.Button
	backups  *widget.Select // the automatic backups, newest first, while restoring
	loss     *widget.Label  // what the backup chosen lacks, while restoring
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
	buttons := container.NewHBox(s.another, s.restore, s.quit)
	if isTeamURL(path) {
		// A team store's backups are the server's: what an officer can
		// do here is sign in, the URL on the shortcut holding no
		// password.
		s.signIn = widget.NewButton("Sign in…", s.askPassword)
		s.signIn.Importance = widget.HighImportance
		buttons = container.NewHBox(s.signIn, s.another, s.quit)
	}
	s.win.SetContent(container.NewBorder(nil, buttons, nil, nil, s.message))
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
	d := s.fileOpen(func(path string) { s.tryOpen(path) })
	if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(s.path))); err == nil {
		d.SetLocation(dir)
	}
	d.Show()
}

// fileOpen is a file chooser calling chosen with the path of the file
// picked; a cancel, or a chooser that failed, leaves the window as it is
// to try again.
func (s *startupWindow) fileOpen(chosen func(path string)) *dialog.FileDialog {
	return dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		chosen(r.URI().Path())
	}, s.win)
}

// chooseBackup offers the store's automatic backups, newest first, or a
// file chooser when there are none. Either way the officer is told,
// before the store is replaced, which imports and undos the backup
// chosen lacks (store.RestoreLoss, as the restore command says), and
// restores or cancels knowing it: a backup is taken before a change, so
// even the newest lacks the change after it.
func (s *startupWindow) chooseBackup() {
	bs, _ := store.Backups(s.path)
	if len(bs) == 0 {
		s.fileOpen(s.confirmRestore).Show()
		return
	}
	slices.Reverse(bs)
	names := make([]string, len(bs))
	for i, b := range bs {
		names[i] = filepath.Base(b)
	}
	s.loss = lossLabel()
	s.backups = widget.NewSelect(names, func(string) {
		if i := s.backups.SelectedIndex(); i >= 0 {
			s.loss.SetText(restoreLossWords(s.path, bs[i]))
		}
	})
	s.backups.SetSelectedIndex(0)
	content := container.NewVBox(
		widget.NewLabel("Replace the store with a backup made before an import or undo.\nThe store it replaces is kept beside it."),
		s.backups, s.loss)
	d := dialog.NewCustomConfirm("Restore a backup", "Restore", "Cancel", content, func(ok bool) {
		if ok && s.backups.SelectedIndex() >= 0 {
			s.restoreFrom(bs[s.backups.SelectedIndex()])
		}
	}, s.win)
	s.showRestoreDialog(d)
}

// confirmRestore asks before restoring the backup an officer picked as a
// file, saying what it lacks, as chooseBackup does for an automatic one.
func (s *startupWindow) confirmRestore(backup string) {
	s.loss = lossLabel()
	s.loss.SetText(restoreLossWords(s.path, backup))
	content := container.NewVBox(
		widget.NewLabel("Replace the store with "+filepath.Base(backup)+".\nThe store it replaces is kept beside it."),
		s.loss)
	d := dialog.NewCustomConfirm("Restore a backup", "Restore", "Cancel", content, func(ok bool) {
		if ok {
			s.restoreFrom(backup)
		}
	}, s.win)
	s.showRestoreDialog(d)
}

// showRestoreDialog shows d, the dialog asking to restore, with room for
// what the backup lacks: a few imports' files and times run to several
// lines, more than the window made for its message has.
func (s *startupWindow) showRestoreDialog(d dialog.Dialog) {
	if size := s.win.Canvas().Size(); size.Height < 420 || size.Width < 680 {
		s.win.Resize(fyne.NewSize(max(size.Width, 680), max(size.Height, 420)))
	}
	d.Resize(fyne.NewSize(640, 380))
	d.Show()
}

func lossLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

// restoreLossWords is what restoring backup over the store at path gives
// up, as a sentence (store.RestoreLoss), or "" where that cannot be said
// (the backup's list of imports cannot be read: restoring it is then
// refused as unsound).
func restoreLossWords(path, backup string) string {
	loss := store.RestoreLoss(path, backup)
	if loss == "" {
		return ""
	}
	return strings.ToUpper(loss[:1]) + loss[1:] + "."
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

// askPassword asks for the team store's password and opens it with it.
func (s *startupWindow) askPassword() {
	password := widget.NewPasswordEntry()
	password.SetPlaceHolder("not kept")
	d := dialog.NewForm("Sign in to "+s.path, "Open", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Password", password)}, func(ok bool) {
			if ok {
				s.openWithPassword(password.Text)
			}
		}, s.win)
	// The password is typed at once and Enter opens, as in any sign-in.
	password.OnSubmitted = func(string) { d.Submit() }
	d.Show()
	s.win.Canvas().Focus(password)
}

// openWithPassword opens the team store with password, or says why not,
// keeping the store's name (never the password) for the next try.
func (s *startupWindow) openWithPassword(password string) bool {
	dsn, err := withPassword(s.path, password)
	if err != nil {
		s.setError(err)
		return false
	}
	st, err := s.open(dsn)
	if err != nil {
		s.setError(err)
		return false
	}
	s.opened(st)
	s.win.Close()
	return true
}
