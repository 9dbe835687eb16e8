package views

import (
	"context"
	"errors"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scorecard/app/store"
	"scorecard/app/store/postgres"
)

// TestSwitchToTeamStoreAndBack: File > Open a team store… moves the window
// from the officer's store file to a team store, asking for the password
// and remembering the URL without it, and File > Back to the store file
// moves it back; a wrong password leaves the window where it was.
func TestSwitchToTeamStoreAndBack(t *testing.T) {
	dsn, pw := passwordDSN(t, "asking for one")
	addr := postgres.Redact(dsn)
	file := filepath.Join(t.TempDir(), "scorecard.db")
	var stores []store.Store
	t.Cleanup(func() {
		for _, st := range stores {
			st.Close()
		}
	})
	open := func(path string) (store.Store, error) {
		var st store.Store
		var err error
		if postgres.IsURL(path) {
			st, err = postgres.Open(context.Background(), path)
		} else {
			st, err = store.Open(path)
		}
		if err != nil {
			return nil, err
		}
		stores = append(stores, st)
		// Past the first run's question of authority.
		return st, (storeBackend{st}).SetSetting(settingAuthorityAsked, true)
	}
	a := test.NewTempApp(t)
	s := &session{a: a, open: open}
	st, err := open(file)
	if err != nil {
		t.Fatal(err)
	}
	importDemo("demo")(t, st)
	s.show(st)
	onFile := s.main
	t.Cleanup(func() { s.main.win.Close() })

	menuItem(t, onFile, "File", "Open a team store…").Action()
	if got := shownText(onFile); !strings.Contains(got, "Team store") || !strings.Contains(got, "Password") {
		t.Fatalf("Open a team store… shows %q", got)
	}
	onFile.win.Canvas().Overlays().Remove(onFile.win.Canvas().Overlays().Top())

	onFile.openTeamStore(addr, "Tr0ub4dor&3")
	if s.main != onFile {
		t.Fatal("a wrong password moved the window")
	}
	if got := shownText(onFile); !strings.Contains(got, "refused the user name or password") || strings.Contains(got, "Tr0ub4dor") {
		t.Errorf("a wrong password shows %q", got)
	}
	onFile.win.Canvas().Overlays().Remove(onFile.win.Canvas().Overlays().Top())

	onFile.openTeamStore(addr, pw)
	onTeam := s.main
	if onTeam == onFile || onTeam.engineName() == "bbolt" {
		t.Fatal("the window did not move to the team store")
	}
	if !strings.Contains(onTeam.win.Title(), addr) {
		t.Errorf("the window on the team store is titled %q", onTeam.win.Title())
	}
	if _, err := st.Imports(); err == nil {
		t.Error("the store file is still open after moving to the team store")
	}
	if onTeam.team == nil {
		t.Error("the window on the team store does not follow it")
	}
	for _, key := range []string{prefTeamStore, prefFileStore} {
		if v := a.Preferences().String(key); strings.Contains(v, pw) {
			t.Errorf("the preference %s keeps the password: %q", key, v)
		}
	}
	if got := a.Preferences().String(prefTeamStore); got != addr {
		t.Errorf("remembered team store %q, want %q", got, addr)
	}
	// The next launch opens the team store again, unless --db names one.
	if got := startPath(a.Preferences(), file, Options{}); got != addr {
		t.Errorf("on the team store, the next launch opens %q, want %q", got, addr)
	}
	if got := startPath(a.Preferences(), file, Options{StoreChosen: true}); got != file {
		t.Errorf("with --db %s, the next launch opens %q", file, got)
	}
	menuItem(t, onTeam, "File", "Back to the store file "+file).Action()
	back := s.main
	if back == onTeam || back.engineName() != "bbolt" {
		t.Fatal("the window did not move back to the store file")
	}
	if p := back.st.(storePather).Path(); p != file {
		t.Errorf("back on %s, want %s", p, file)
	}
	if n := len(back.score.rows); n < 20 {
		t.Errorf("back on the store file the scorecard shows %d indicators", n)
	}
	if got := startPath(a.Preferences(), file, Options{}); got != file {
		t.Errorf("back on the store file, the next launch opens %q, want %q", got, file)
	}
}

// TestStartupSignsInToTeamStore: a team store named without its password
// (as on a shortcut) is refused at start-up; the window that says so asks
// for the password and opens the store with it, and a wrong one is said
// in one line without showing it.
func TestStartupSignsInToTeamStore(t *testing.T) {
	dsn, pw := passwordDSN(t, "signing in")
	addr := postgres.Redact(dsn)
	open := func(path string) (store.Store, error) {
		st, err := postgres.Open(context.Background(), path)
		if err != nil {
			return nil, err
		}
		return st, nil
	}
	_, err := open(addr)
	if err == nil {
		t.Fatal("the team store opened without its password")
	}
	var opened store.Store
	s := newStartupWindow(test.NewTempApp(t), addr, err, open, func(st store.Store) { opened = st })
	s.Show()
	t.Cleanup(func() {
		if opened != nil {
			opened.Close()
		}
	})
	if s.signIn == nil {
		t.Fatal("the start-up window on a team store offers no Sign in")
	}
	if findButton(s.win.Content(), "Restore a backup…") != nil {
		t.Error("the start-up window offers to restore a team store from a file backup")
	}
	const wrong = "Tr0ub4dor&3"
	if s.openWithPassword(wrong) || opened != nil {
		t.Fatal("a wrong password opened the store")
	}
	if msg := s.message.Text; !strings.Contains(msg, "refused the user name or password") || strings.Contains(msg, wrong) {
		t.Errorf("a wrong password says %q", msg)
	}
	if !s.openWithPassword(pw) || opened == nil {
		t.Fatalf("the right password did not open the store: %s", s.message.Text)
	}
	if opened.Path() != addr {
		t.Errorf("the store opened is %q, want %q", opened.Path(), addr)
	}
}

// TestPasswordTypedAtOnceAndEnterOpens checks both places that ask for a
// team store's password, Sign in… on the start-up window and File > Open
// a team store… (with its address remembered), put the keyboard in the
// password box and open on Enter: the box was not focused and Enter did
// nothing.
func TestPasswordTypedAtOnceAndEnterOpens(t *testing.T) {
	const addr, pw = "postgres://officer@db.example/scorecard", "s3cret pass"
	enter := func(t *testing.T, c fyne.Canvas) {
		t.Helper()
		e, ok := c.Focused().(*widget.Entry)
		if !ok || !e.Password {
			t.Fatalf("the keyboard is on %T, not the password box", c.Focused())
		}
		test.Type(e, pw)
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	signedIn := func(t *testing.T, tried []string) {
		t.Helper()
		if len(tried) != 1 || !strings.Contains(tried[0], url.UserPassword("officer", pw).String()) {
			t.Errorf("Enter in the password box opened %q, want the store with the password typed", tried)
		}
	}
	t.Run("sign in", func(t *testing.T) {
		var tried []string
		open := func(dsn string) (store.Store, error) {
			tried = append(tried, dsn)
			return nil, errors.New("refused")
		}
		s := newStartupWindow(test.NewTempApp(t), addr, errors.New("no password supplied"), open, func(store.Store) {})
		s.Show()
		t.Cleanup(s.win.Close)
		test.Tap(s.signIn)
		enter(t, s.win.Canvas())
		signedIn(t, tried)
	})
	t.Run("open a team store", func(t *testing.T) {
		w := openFixture(t, 24)
		w.a.Preferences().SetString(prefTeamStore, addr)
		var tried []string
		w.switchTo = func(dsn string) error { tried = append(tried, dsn); return nil }
		w.chooseTeamStore()
		enter(t, w.win.Canvas())
		signedIn(t, tried)
	})
}
