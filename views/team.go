package views

import (
	"context"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"

	"scorecard/app"
	"scorecard/app/store"
)

// watcher is a store other processes change while the window is open,
// which says when they do: the team store (postgres.Store.Watch, on
// LISTEN/NOTIFY). Watch calls changed after each import or undo by anyone,
// and each output recorded as circulated,
// and once more after it has connected again following a lost connection,
// until ctx ends.
type watcher interface {
	Watch(ctx context.Context, changed func()) error
}

// teamBackend is a backend whose store may be a team store.
type teamBackend interface {
	// teamStore returns the store's watcher when it is a team store.
	teamStore() (watcher, bool)
	// probe makes one small read, to learn whether the store answers.
	probe() error
}

func (b storeBackend) teamStore() (watcher, bool) {
	ws, ok := b.st.(watcher)
	return ws, ok
}

func (b storeBackend) probe() error {
	_, err := b.st.Keys(store.SettingsBucket)
	return err
}

// probeEvery is how often a window on a team store checks that the server
// still answers: Watch reconnects by itself but does not say it lost the
// connection, and an officer looking at the figures should learn the store
// went away before an import fails.
var probeEvery = 3 * time.Second

// errUnreachable refuses a change while the team store is unreachable.
var errUnreachable = errors.New("the team store is unreachable: importing, undo and edits wait until it is back; what is on screen is as it was last read")

// unreachable reports whether err is the team store not answering: the
// engine says "is unreachable" in every error it gives for a lost or
// refused connection (see postgres.Store's errors), and a refused
// connection is a net.Error underneath.
func unreachable(err error) bool {
	if err == nil {
		return false
	}
	var ne net.Error
	return errors.As(err, &ne) || strings.Contains(err.Error(), "is unreachable")
}

// teamLink keeps a window on a team store current: it reloads the history
// when a colleague imports, undoes or records an output as circulated,
// says so in the status bar, and
// while the store is unreachable keeps what is on screen, read-only.
type teamLink struct {
	w      *mainWindow
	ws     watcher
	probe  func() error
	cancel context.CancelFunc

	// mu is held by every change the link makes to the window from a
	// notice or a probe, so that a test reading the window's state sees
	// one whole.
	mu sync.Mutex
	// lost is when the store was found unreachable, in Unix nanoseconds;
	// zero while it answers.
	lost atomic.Int64
	// rereading is held while the store is reread after a change.
	rereading sync.Mutex
}

// lostAt is when the store was found unreachable, or zero.
func (t *teamLink) lostAt() time.Time {
	if n := t.lost.Load(); n != 0 {
		return time.Unix(0, n)
	}
	return time.Time{}
}

// watchTeam starts keeping the window current when its store is a team
// store; closing the window stops it.
func (w *mainWindow) watchTeam() {
	tb, ok := w.st.(teamBackend)
	if !ok {
		return
	}
	ws, ok := tb.teamStore()
	if !ok {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	t := &teamLink{w: w, ws: ws, probe: tb.probe, cancel: cancel}
	w.team = t
	w.win.SetOnClosed(cancel)
	go ws.Watch(ctx, t.changed)
	go t.probing(ctx)
}

// teamPost, when set, replaces fyne.Do for the team link's work on the
// window. Fyne's test driver runs fyne.Do at once on the calling
// goroutine, so a test whose window imports while colleagues do queues
// the link's work and runs it between its own steps, as the UI thread
// would.
var teamPost func(func())

// do runs fn on the UI thread, holding mu.
func (t *teamLink) do(fn func()) {
	post := fyne.Do
	if teamPost != nil {
		post = teamPost
	}
	post(func() {
		t.mu.Lock()
		defer t.mu.Unlock()
		fn()
	})
}

// changed rereads the store, off the UI thread, after someone changed it
// (or Watch is connected again).
func (t *teamLink) changed() {
	// Watch and the probe may both ask at once: one rereads at a time and
	// posts what it read before the next rereads, so the window never
	// takes an older reading after a newer one.
	t.rereading.Lock()
	defer t.rereading.Unlock()
	h, err := t.w.st.Load()
	var imps []app.Import
	if err == nil {
		// The history holds the imports in force; the log has the undone
		// ones too, and says who undid them.
		imps, err = t.w.st.Imports()
	}
	t.do(func() {
		if err != nil {
			if unreachable(err) {
				t.setLost()
			} else {
				t.w.status.SetText(fmt.Sprintf("Cannot reread the team store: %v", err))
			}
			return
		}
		before := t.w.history.imports
		back := t.lost.Swap(0) != 0
		msg := colleagueNews(before, imps)
		// A colleague's export or brief is what the window's next brief
		// says changed since figures were last circulated against.
		circulated := circulationNews(t.w.v.stored.Circulations, h.Circulations)
		msg = strings.TrimPrefix(strings.TrimSuffix(msg+"; "+circulated, "; "), "; ")
		if !back && msg == "" && len(before) == len(imps) && sameImports(t.w.v.stored.Imports, h.Imports) {
			// Nothing the window has not shown: its own import, or a
			// notice it has already reread for. Redrawing would only
			// wipe what the status bar says.
			return
		}
		shown, latest := t.w.v.period, t.w.v.stored.Latest()
		t.w.setHistory(h)
		if moved := periodNews(shown, t.w.v.period, latest, h.Latest()); moved != "" {
			msg = strings.TrimPrefix(msg+"; "+moved, "; ")
		}
		if back {
			t.w.win.SetMainMenu(t.w.menu())
		}
		if back {
			msg = strings.TrimSuffix("The team store is back; "+msg, "; ")
			if msg == "The team store is back" {
				msg += ": the figures are current"
			}
		}
		if msg != "" {
			t.w.status.SetText(msg)
		}
	})
}

// probing checks every probeEvery that the store answers, until ctx ends.
func (t *teamLink) probing(ctx context.Context) {
	tick := time.NewTicker(probeEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		err := t.probe()
		if ctx.Err() != nil {
			return
		}
		switch {
		case unreachable(err):
			t.do(t.setLost)
		case err == nil:
			if t.lost.Load() != 0 {
				// What changed meanwhile was not announced to the window.
				t.changed()
			}
		}
	}
}

// setLost makes the window read-only, keeping what it shows, and says
// why. It is called on the UI thread.
func (t *teamLink) setLost() {
	if !t.lost.CompareAndSwap(0, time.Now().UnixNano()) {
		return
	}
	t.w.win.SetMainMenu(t.w.menu())
	t.w.history.undo.Disable()
	t.w.refreshStatus()
}

// readOnly returns errUnreachable while the window's team store is
// unreachable, and nil otherwise.
func (w *mainWindow) readOnly() error {
	if w.team == nil || w.team.lost.Load() == 0 {
		return nil
	}
	return errUnreachable
}

// lostText is what the status bar says while the team store is
// unreachable.
func (t *teamLink) lostText() string {
	return "Read-only: the team store is unreachable (since " + t.lostAt().Format("15:04:05") +
		"); the figures are as last read; importing, undo and edits wait until it is back"
}

// writable runs fn unless the team store is unreachable, which it says
// instead.
func (w *mainWindow) writable(fn func()) func() {
	return func() {
		if err := w.readOnly(); err != nil {
			w.showError(err)
			return
		}
		fn()
	}
}

// colleagueNews says what the imports after differ from before by: new
// imports and undos, each with who made it and where, such as "I0012
// imported by jsmith on PC-042 (team store)".
func colleagueNews(before, after []app.Import) string {
	known := make(map[string]app.Import, len(before))
	for _, imp := range before {
		known[imp.ID] = imp
	}
	var news []string
	for _, imp := range after {
		old, seen := known[imp.ID]
		switch {
		case !seen:
			s := imp.ID + " imported"
			if by := importedBy(imp); by != "" {
				s += " by " + by
			}
			if imp.Undone != nil {
				s += ", since undone"
			}
			news = append(news, s+" (team store)")
		case old.Undone == nil && imp.Undone != nil:
			s := imp.ID + " undone"
			if imp.UndoneBy != "" {
				s += " by " + imp.UndoneBy
			}
			news = append(news, s+" (team store)")
		}
	}
	return strings.Join(news, "; ")
}

// periodNews says how a colleague's change moved the window's period,
// from shown to now, or the store's latest, from latest to newest: an
// officer reading figures off the screen must not be left giving a
// month undone, or miss one just imported. It is "" when neither moved.
func periodNews(shown, now, latest, newest app.Period) string {
	switch {
	case shown.IsZero():
		return "" // the store's first figures: nothing moved
	case shown != now && now.IsZero():
		return shown.Label() + " no longer has figures: the store holds none"
	case shown != now:
		return shown.Label() + " no longer has figures: showing " + now.Label()
	case latest == newest || newest.IsZero():
		return ""
	case now == newest:
		return "latest period now " + newest.Label() + ", as shown"
	case now == latest:
		return "latest period now " + newest.Label() + "; still showing " + now.Label() + " (choose " + newest.Label() + " under Period)"
	}
	return "latest period now " + newest.Label() + "; showing " + now.Label()
}

// circulationNews says which outputs after records that before does
// not: a colleague's export or brief, such as "May-26 workbook may.xlsx
// recorded as circulated by jsmith on PC-042 (team store)". The window's
// own is in before already (recordCirculation).
func circulationNews(before, after []app.Circulation) string {
	known := make(map[int]bool, len(before))
	for _, c := range before {
		known[c.Seq] = true
	}
	var news []string
	for _, c := range after {
		if known[c.Seq] {
			continue
		}
		s := c.Period.Label() + " " + c.Output
		if c.File != "" {
			s += " " + filepath.Base(c.File)
		}
		s += " recorded as circulated"
		if by := importedBy(app.Import{Officer: c.Officer, Machine: c.Machine}); by != "" {
			s += " by " + by
		}
		news = append(news, s+" (team store)")
	}
	return strings.Join(news, "; ")
}

// windowTitle names the authority, so an officer keeping two stores sees
// whose figures are open, and a team store by its URL without the
// password, so that a window on the team's history is not taken for an
// officer's own file.
func windowTitle(auth *app.Authority, st backend) string {
	title := "Scorecard: " + auth.Name
	if tb, ok := st.(teamBackend); ok {
		if _, team := tb.teamStore(); team {
			if p, ok := st.(storePather); ok {
				title += " · team store " + p.Path()
			}
		}
	}
	return title
}

// engineName says which kind of store the window is on, for About.
func (w *mainWindow) engineName() string {
	if tb, ok := w.st.(teamBackend); ok {
		if _, team := tb.teamStore(); team {
			return "team store, PostgreSQL"
		}
	}
	return "bbolt"
}

// sameImports reports whether a and b list the same imports.
func sameImports(a, b []app.Import) bool {
	return slices.EqualFunc(a, b, func(x, y app.Import) bool { return x.ID == y.ID })
}
