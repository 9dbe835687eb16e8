package views

import (
	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// The app's preferences (kept by the desktop, not in any store) remember
// the team store last opened, by its URL without the password, and the
// store file last opened, so that File can offer to go back to it.
const (
	prefTeamStore = "team-store"
	prefFileStore = "file-store"
	// prefOnTeamStore is true while the window was last on the team
	// store, so the next launch opens it again.
	prefOnTeamStore = "on-team-store"
)

// startPath is the store the window opens: path, unless the officer did
// not name one (opt.StoreChosen) and the window was last on a team store,
// which it then opens again; its URL is remembered without the password,
// so the start-up window asks them to sign in.
func startPath(prefs fyne.Preferences, path string, opt Options) string {
	if opt.StoreChosen || !prefs.Bool(prefOnTeamStore) {
		return path
	}
	if team := prefs.String(prefTeamStore); team != "" {
		return team
	}
	return path
}

// rememberStore notes in the app's preferences which store w is on.
func (w *mainWindow) rememberStore() {
	p, ok := w.st.(storePather)
	if !ok {
		return
	}
	key, team := prefFileStore, w.engineName() != "bbolt"
	if team {
		key = prefTeamStore
	}
	w.a.Preferences().SetString(key, p.Path())
	w.a.Preferences().SetBool(prefOnTeamStore, team)
}

// storeItems are File's items to move between the store file and a team
// store.
func (w *mainWindow) storeItems() []*fyne.MenuItem {
	items := []*fyne.MenuItem{fyne.NewMenuItem("Open a team store…", w.chooseTeamStore)}
	file := w.a.Preferences().String(prefFileStore)
	if file != "" && w.engineName() != "bbolt" {
		items = append(items, fyne.NewMenuItem("Back to the store file "+file, func() {
			if err := w.switchTo(file); err != nil {
				w.showError(err)
			}
		}))
	}
	return items
}

// chooseTeamStore asks for a team store's URL and its password, and opens
// it in place of the store on screen. The password is asked each time and
// never kept: only the URL without it is remembered.
func (w *mainWindow) chooseTeamStore() {
	addr := widget.NewEntry()
	addr.SetPlaceHolder("postgres://USER@HOST/DATABASE")
	addr.SetText(w.a.Preferences().String(prefTeamStore))
	password := widget.NewPasswordEntry()
	password.SetPlaceHolder("the database password (not kept)")
	items := []*widget.FormItem{
		widget.NewFormItem("Team store", addr),
		widget.NewFormItem("Password", password),
	}
	d := dialog.NewForm("Open a team store", "Open", "Cancel", items, func(ok bool) {
		if ok {
			w.openTeamStore(addr.Text, password.Text)
		}
	}, w.win)
	d.Resize(fyne.NewSize(560, 220))
	// Enter in the address goes on to the password, and in the password
	// opens; the keyboard starts on the password when the address is
	// remembered.
	addr.OnSubmitted = func(string) { w.win.Canvas().Focus(password) }
	password.OnSubmitted = func(string) { d.Submit() }
	d.Show()
	if addr.Text != "" {
		w.win.Canvas().Focus(password)
	} else {
		w.win.Canvas().Focus(addr)
	}
}

// withPassword returns the team store URL u with password in it (u as
// given when password is empty: a socket or a .pgpass needs none).
func withPassword(u, password string) (string, error) {
	u = strings.TrimSpace(u)
	if !isTeamURL(u) {
		return "", fmt.Errorf("a team store is named by a postgres:// or postgresql:// URL, not %q", u)
	}
	if password == "" {
		return u, nil
	}
	p, err := url.Parse(u)
	if err != nil {
		return "", fmt.Errorf("the team store's URL cannot be read: %w", err)
	}
	if p.User == nil || p.User.Username() == "" {
		// postgres://host/db?user=ann: the password goes beside the user.
		q := p.Query()
		q.Set("password", password)
		p.RawQuery = q.Encode()
		return p.String(), nil
	}
	p.User = url.UserPassword(p.User.Username(), password)
	return p.String(), nil
}

// openTeamStore opens the team store at addr, signing in with password,
// in place of the store on screen, or says why it cannot.
func (w *mainWindow) openTeamStore(addr, password string) {
	dsn, err := withPassword(addr, password)
	if err == nil {
		err = w.switchTo(dsn)
	}
	if err != nil {
		w.showError(err)
	}
}

// isTeamURL reports whether path names a team store rather than a file.
func isTeamURL(path string) bool {
	l := strings.ToLower(path)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}
