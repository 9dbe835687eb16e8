package views

import (
	"context"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/app/store/postgres"
	"scorecard/app/store/postgres/pgtest"
)

// openTeam opens the team store dsn names, closed when t ends.
func openTeam(t *testing.T, dsn string) *postgres.Store {
	t.Helper()
	st, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// locked runs fn holding the team link's lock, so that what fn reads of
// the window is not being changed under it.
func locked(w *mainWindow, fn func()) {
	w.team.mu.Lock()
	defer w.team.mu.Unlock()
	fn()
}

// uiQueue holds the team link's work on the window until the test runs
// it (see teamPost).
type uiQueue struct {
	mu  sync.Mutex
	fns []func()
}

// queueTeamWork makes the team link's work wait in a queue for the test.
func queueTeamWork(t *testing.T) *uiQueue {
	q := &uiQueue{}
	teamPost = func(fn func()) {
		q.mu.Lock()
		defer q.mu.Unlock()
		q.fns = append(q.fns, fn)
	}
	t.Cleanup(func() { teamPost = nil })
	return q
}

// run runs the work queued so far, in order.
func (q *uiQueue) run() {
	for {
		q.mu.Lock()
		if len(q.fns) == 0 {
			q.mu.Unlock()
			return
		}
		fn := q.fns[0]
		q.fns = q.fns[1:]
		q.mu.Unlock()
		fn()
	}
}

// eventually polls cond, holding the team link's lock, until it holds or
// the deadline passes; q, when not nil, is run first each time.
func eventually(t *testing.T, w *mainWindow, q *uiQueue, within time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		if q != nil {
			q.run()
		}
		ok := false
		locked(w, func() { ok = cond() })
		if ok {
			return
		}
		if time.Now().After(deadline) {
			var status string
			locked(w, func() { status = w.status.Text })
			t.Fatalf("%s: not within %s; the status bar says %q", what, within, status)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitListening waits until a connection to dsn's database is listening
// for changes: an import committed before then is not announced.
func waitListening(t *testing.T, dsn string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	deadline := time.Now().Add(10 * time.Second)
	for {
		var n int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND query ILIKE 'LISTEN%'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the window never listened for changes to the team store")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// commentary is a colleague's edit: one comment, as the window saves it.
func commentary(text string) *app.Dataset {
	return &app.Dataset{Comments: []app.Comment{{Ref: "CIC05", Area: app.Kent, Period: app.MonthOf(2025, 3), Text: text}}}
}

// passwordDSN is the test cluster's URL and its password, for a test of
// what is done with the password, which fails without one: it would
// prove nothing.
func passwordDSN(t *testing.T, tested string) (dsn, pw string) {
	t.Helper()
	dsn = pgtest.DSN(t)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	pw, _ = u.User.Password()
	if pw == "" {
		t.Fatalf("the test cluster's URL has no password, so %s cannot be tested", tested)
	}
	return dsn, pw
}

// TestTeamStoreTitleHidesPassword: a window on a team store names it, in
// its title and About, by its URL without the password.
func TestTeamStoreTitleHidesPassword(t *testing.T) {
	dsn, pw := passwordDSN(t, "its hiding")
	st := openTeam(t, dsn)
	w := windowOn(t, st)
	about := w.aboutText()
	for name, s := range map[string]string{"title": w.win.Title(), "About": about} {
		if !strings.Contains(s, postgres.Redact(dsn)) || !strings.Contains(s, "team store") {
			t.Errorf("the %s %q does not name the team store %s", name, s, postgres.Redact(dsn))
		}
		if strings.Contains(s, pw) {
			t.Errorf("the %s %q shows the password", name, s)
		}
	}
	if strings.Contains(about, "bbolt") {
		t.Errorf("About calls the team store bbolt: %q", about)
	}
}

// TestColleagueImportShows: a window open on the team store sees a
// colleague's import, made through another connection, within seconds,
// and says who made it and where.
func TestColleagueImportShows(t *testing.T) {
	q := queueTeamWork(t)
	dsn := pgtest.DSN(t)
	w := windowOn(t, openTeam(t, dsn))
	waitListening(t, dsn)
	colleague := openTeam(t, dsn)
	importDemo("workbook")(t, colleague)
	recs, err := colleague.Imports()
	if err != nil || len(recs) != 1 {
		t.Fatalf("the colleague's import: %v, %v", recs, err)
	}
	imp := recs[0]
	want := imp.ID + " imported by " + imp.Officer + " on " + imp.Machine + " (team store)"
	eventually(t, w, q, 5*time.Second, "the colleague's import on screen", func() bool {
		return len(w.v.stored.Imports) == 1 && len(w.score.rows) >= 20 && strings.Contains(w.status.Text, want)
	})
	locked(w, func() {
		if len(w.history.imports) != 1 || w.history.imports[0].ID != imp.ID {
			t.Errorf("the Imports screen lists %v", w.history.imports)
		}
	})
	if _, err := colleague.Undo(imp.ID); err != nil {
		t.Fatal(err)
	}
	eventually(t, w, q, 5*time.Second, "the colleague's undo on screen", func() bool {
		return len(w.score.rows) == 0 && strings.Contains(w.status.Text, imp.ID+" undone by "+imp.Officer+" (team store)")
	})
}

// pgProxy stands between the window and the test cluster on a Unix socket
// of its own, so that a test can take the team store away from the window
// (connections refused, those open cut) and give it back, as a server
// stopped and started again would, without stopping the cluster other
// tests use.
type pgProxy struct {
	dir, target string
	mu          sync.Mutex
	ln          net.Listener
	conns       []net.Conn
}

// proxied returns dsn reached through a new proxy, and the proxy.
func proxied(t *testing.T, dsn string) (string, *pgProxy) {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	host := q.Get("host")
	if !strings.HasPrefix(host, "/") {
		t.Fatalf("the test cluster is not on a Unix socket: %s", postgres.Redact(dsn))
	}
	// A socket's path is limited to about 100 bytes: t.TempDir's are long.
	dir, err := os.MkdirTemp("", "scpx")
	if err != nil {
		t.Fatal(err)
	}
	p := &pgProxy{dir: dir, target: filepath.Join(host, ".s.PGSQL.5432")}
	t.Cleanup(func() { p.stop(); os.RemoveAll(dir) })
	p.start(t)
	q.Set("host", dir)
	u.RawQuery = q.Encode()
	return u.String(), p
}

// start listens and forwards each connection to the cluster.
func (p *pgProxy) start(t *testing.T) {
	t.Helper()
	ln, err := net.Listen("unix", filepath.Join(p.dir, ".s.PGSQL.5432"))
	if err != nil {
		t.Fatal(err)
	}
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("unix", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, s)
			p.mu.Unlock()
			go func() { io.Copy(s, c); s.Close() }()
			go func() { io.Copy(c, s); c.Close() }()
		}
	}()
}

// stop refuses new connections and cuts those open.
func (p *pgProxy) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// TestTeamStoreUnreachable: when the team store goes away the window says
// so, keeps the figures it shows, refuses imports, undo and edits with
// that message, and when the store is back shows what changed meanwhile
// and takes changes again.
func TestTeamStoreUnreachable(t *testing.T) {
	defer func(d time.Duration) { probeEvery = d }(probeEvery)
	probeEvery = 100 * time.Millisecond
	dsn := pgtest.DSN(t)
	colleague := openTeam(t, dsn)
	importDemo("workbook")(t, colleague)
	q := queueTeamWork(t)
	viaProxy, proxy := proxied(t, dsn)
	w := windowOn(t, openTeam(t, viaProxy))
	waitListening(t, dsn)
	var rows int
	locked(w, func() { rows = len(w.score.rows) })
	if rows < 20 {
		t.Fatalf("the window shows %d indicators of the demo", rows)
	}

	proxy.stop()
	eventually(t, w, q, 5*time.Second, "the window saying the store is unreachable", func() bool {
		return strings.Contains(w.status.Text, "the team store is unreachable")
	})
	locked(w, func() {
		if len(w.score.rows) != rows {
			t.Errorf("the scorecard went from %d indicators to %d when the store went away", rows, len(w.score.rows))
		}
		for _, it := range []struct{ menu, item string }{{"File", "Import..."}, {"File", "Recent files"}, {"Edit", "Undo last import"}} {
			if !menuItem(t, w, it.menu, it.item).Disabled {
				t.Errorf("%s > %s is not disabled while the store is unreachable", it.menu, it.item)
			}
		}
		if !w.history.undo.Disabled() {
			t.Error("Undo this import is not disabled while the store is unreachable")
		}
		// Reached anyway (a shortcut, a tap already on its way), each
		// change is refused with the reason, and nothing is tried.
		w.edit("commentary on CIC05", commentary("written while the store was away"))
		if got := shownText(w); !strings.Contains(got, "the team store is unreachable") {
			t.Errorf("saving commentary while the store is unreachable shows %q", got)
		}
		w.win.Canvas().Overlays().Remove(w.win.Canvas().Overlays().Top())
		w.history.undoImport(w.history.imports[0].ID)
		if got := shownText(w); !strings.Contains(got, "the team store is unreachable") {
			t.Errorf("undo while the store is unreachable shows %q", got)
		}
		w.win.Canvas().Overlays().Remove(w.win.Canvas().Overlays().Top())
	})
	// A colleague still reaching the store adds to it meanwhile.
	if _, err := colleague.Import(store.Source{Name: "edit", Kind: "edit", Note: "commentary"}, commentary("placement audit")); err != nil {
		t.Fatal(err)
	}
	recs, err := colleague.Imports()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(recs); n != 2 || recs[0].Undone != nil {
		t.Fatalf("the store holds %d imports, the first undone %v: a change was let through while it was unreachable", n, recs[0].Undone)
	}

	proxy.start(t)
	eventually(t, w, q, 10*time.Second, "the window recovering", func() bool {
		return !strings.Contains(w.status.Text, "unreachable") && len(w.v.stored.Imports) == 2 &&
			strings.Contains(w.status.Text, "The team store is back; "+recs[1].ID+" imported")
	})
	locked(w, func() {
		if menuItem(t, w, "File", "Import...").Disabled || w.history.undo.Disabled() {
			t.Error("importing or undo is still disabled after the store came back")
		}
	})
	w.edit("commentary on CIC05", commentary("written once it was back"))
	if recs, err := colleague.Imports(); err != nil || len(recs) != 3 {
		t.Errorf("commentary saved once the store was back: the store holds %d imports (%v)", len(recs), err)
	}
}

// TestTeamBackendsEnded: the server ending every connection the window has
// (pg_terminate_backend, as an administrator or a restart does) loses
// nothing: the window listens again and shows a colleague's import made
// meanwhile, and is not left read-only.
func TestTeamBackendsEnded(t *testing.T) {
	defer func(d time.Duration) { probeEvery = d }(probeEvery)
	probeEvery = 100 * time.Millisecond
	q := queueTeamWork(t)
	dsn := pgtest.DSN(t)
	w := windowOn(t, openTeam(t, dsn))
	waitListening(t, dsn)
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	var ended int
	if err := admin.QueryRow(ctx, `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE datname = current_database() AND pid <> pg_backend_pid()`).Scan(&ended); err != nil {
		t.Fatal(err)
	}
	if ended == 0 {
		t.Fatal("the window had no connection to end")
	}
	colleague := openTeam(t, dsn)
	importDemo("workbook")(t, colleague)
	recs, err := colleague.Imports()
	if err != nil || len(recs) != 1 {
		t.Fatalf("the colleague's import: %v, %v", recs, err)
	}
	eventually(t, w, q, 10*time.Second, "the colleague's import on screen after the window's connections were ended", func() bool {
		return len(w.v.stored.Imports) == 1 && len(w.score.rows) >= 20 && w.readOnly() == nil
	})
}
