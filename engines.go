package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"time"

	"scorecard/app/store"
	"scorecard/app/store/postgres"
)

// A --db names a bbolt file, the embedded default, or a team's shared
// store in PostgreSQL as a postgres:// or postgresql:// URL. Every command
// and the window open their store through openDB or openDBReader, which
// choose the engine.

// teamURLs maps the name a team store is shown by (its URL without the
// password) back to the URL given, so that messages, the window's title and
// exports never show the password while the store can still be opened.
var teamURLs sync.Map

// storeName returns the name to show db by: a file path as given, a URL
// without its password (remembering the URL, to open the store by).
func storeName(db string) string {
	if !postgres.IsURL(db) {
		return db
	}
	name := postgres.Redact(db)
	if name != db {
		teamURLs.Store(name, db)
	}
	return name
}

// lookalike matches what can only be meant as a connection string: a URL
// with a scheme of two letters or more (a Windows drive letter is one),
// and libpq's keyword form ("host=… dbname=…").
var lookalike = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]+:/|(^|\s)(host|hostaddr|dbname|user|password|port|sslmode)\s*=`)
})

// checkStoreName refuses, as wrong usage, a --db that is neither a store
// file nor a team store's postgres:// URL but is plainly meant as a
// connection string (a mistyped scheme, a single slash, libpq's keyword
// form): used as a file path it would quietly make a new store, named
// with the password. The message never shows the password.
func checkStoreName(db string) error {
	if isTeamStore(db) || !lookalike().MatchString(db) {
		return nil
	}
	return usagef("%s is not a store file nor a team store's URL: a team store is given as postgres://USER@HOST/DATABASE", hidePassword(db))
}

// passwordPart matches a password in a URL's user part or query, or in
// libpq's keyword form.
var passwordPart = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(:/+[^:/@\s]*:)[^@\s]*@|(password\s*=\s*)('[^']*'|[^\s&]*)`)
})

// hidePassword replaces any password in s with ***.
func hidePassword(s string) string {
	return passwordPart().ReplaceAllStringFunc(s, func(m string) string {
		sub := passwordPart().FindStringSubmatch(m)
		if sub[1] != "" {
			return sub[1] + "***@"
		}
		return sub[2] + "***"
	})
}

// isTeamStore reports whether db names a PostgreSQL team store.
func isTeamStore(db string) bool { return postgres.IsURL(db) }

// openTeam connects to the team store named db.
func openTeam(db string) (store.Store, error) {
	dsn := db
	if raw, ok := teamURLs.Load(db); ok {
		dsn = raw.(string)
	}
	st, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		return nil, err // A nil *postgres.Store must not become a non-nil Store.
	}
	return st, nil
}

// openDB opens the store db names to change it, creating a bbolt file
// that does not exist yet, with room mapped for an import of about room
// bytes (see store.OpenSized; a team store needs none).
func openDB(db string, room int64) (store.Store, error) {
	if isTeamStore(db) {
		return openTeam(db)
	}
	st, err := store.OpenSized(db, room)
	if err != nil {
		return nil, err
	}
	return st, nil
}

// openDBReader opens the store db names to read it. A bbolt file that does
// not exist yet is errNoStore; one is opened read-only, so several readers
// may read at once, and one a window holds is read through a consistent
// copy (store.OpenReading).
func openDBReader(db string) (store.Store, error) {
	if isTeamStore(db) {
		return openTeam(db)
	}
	if _, err := os.Stat(db); errors.Is(err, os.ErrNotExist) {
		if err := store.CheckMissing(db); err != nil {
			return nil, err
		}
		return nil, noStoreError{db}
	}
	st, err := store.OpenReading(db)
	if err != nil {
		return nil, err
	}
	return st, nil
}

// backupTeam writes a team store's consistent copy as a bbolt file.
func backupTeam(e *env) error {
	st, err := openTeam(e.db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := backupTeamFile(st, e.outPath, e.force); err != nil {
		return fmt.Errorf("backup of %s to %s: %w", e.db, e.outPath, err)
	}
	fmt.Fprintln(e.out, e.outPath)
	return nil
}

// backupTeamFile writes st's backup to out. BackupFile refuses a file
// already there; asked to replace it (--force), the backup is written
// beside it under a new name and then moved over it, so that out holds
// the old file or the whole backup, never neither.
func backupTeamFile(st store.Store, out string, replace bool) error {
	have, err := st.Imports()
	if err != nil {
		return err
	}
	if err := store.CheckBackupTarget(st.Path(), out, replace, have); err != nil {
		return err
	}
	if !replace {
		return st.BackupFile(out)
	}
	dir, err := os.MkdirTemp(filepath.Dir(out), ".scorecard-backup-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, "scorecard.db")
	if err := st.BackupFile(tmp); err != nil {
		return err
	}
	return store.PlaceBackup(tmp, out, true)
}

// copyFlags are copy's --from and --to.
func copyFlags(fs *flag.FlagSet, e *env) {
	fs.StringVar(&e.copyFrom, "from", "", "the store `file or URL` to copy")
	fs.StringVar(&e.copyTo, "to", "", "the new store `file or URL` to copy it to")
}

// runCopy copies a whole store between engines: every import in order
// with its provenance, undone ones included, and every setting. The copy
// is then proved: both stores load the same history, and show --json of
// every indicator is the same from each.
func runCopy(e *env, args []string) error {
	if len(args) != 0 || e.copyFrom == "" || e.copyTo == "" {
		return usagef("name the store to copy with --from and the new store with --to")
	}
	for _, db := range []string{e.copyFrom, e.copyTo} {
		if err := checkStoreName(db); err != nil {
			return err
		}
	}
	from, to := storeName(e.copyFrom), storeName(e.copyTo)
	if from == to {
		return usagef("--from and --to name the same store")
	}
	if !isTeamStore(to) {
		if _, err := os.Stat(to); err == nil {
			return fmt.Errorf("copy to %s: the file exists; name a new file", to)
		}
		clearCopyLeftovers(e, to)
	}
	return copyStore(e, from, to)
}

// clearCopyLeftovers removes the work folders that copies killed part way
// left beside to, and names those it leaves because another copy may be
// writing them, so that none is left unsaid.
func clearCopyLeftovers(e *env, to string) {
	removed, left := store.ClearWorkFolders(to, time.Now())
	for _, f := range removed {
		fmt.Fprintf(e.errOut, "note: removed %s, left by a copy that did not finish (last written %s)\n", f.Path, f.Written.Local().Format("2 Jan 15:04"))
	}
	for _, f := range left {
		fmt.Fprintf(e.errOut, "note: left %s: a copy may still be writing it (last written %s); delete it if none is running\n", f.Path, f.Written.Local().Format("2 Jan 15:04"))
	}
}

// copyStore copies the store from into to, all or nothing: a team store
// is filled and the copy proved in one transaction, and a file is written
// and proved under a temporary name beside it and renamed into place. A
// copy interrupted at any point (killed, the lid shut, the network gone)
// leaves to as it was, empty or absent, and can simply be run again. A
// team store is read in one snapshot, so a colleague's import meanwhile
// is not part of the copy and does not fail it.
func copyStore(e *env, from, to string) error {
	src, err := openDBReader(from)
	if errors.Is(err, errNoStore) {
		return fmt.Errorf("copy from %s: no such store", from)
	}
	if err != nil {
		return err
	}
	defer src.Close()
	if team, ok := src.(*postgres.Store); ok {
		return team.Snapshot(e.ctx, func(snap *postgres.Store) error { return copyFrom(e, snap, from, to) })
	}
	return copyFrom(e, src, from, to)
}

// copyFrom copies the open store src, named from, into to and says so.
func copyFrom(e *env, src store.Store, from, to string) error {
	var n, inds int
	var err error
	if isTeamStore(to) {
		n, inds, err = copyToTeam(e, src, from, to)
	} else {
		n, inds, err = copyToFile(src, from, to)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.out, "copied %d imports from %s to %s; show --json is identical for all %d indicators\n", n, from, to, inds)
	return nil
}

// copyToTeam copies src into the empty team store to in one transaction
// holding the store's import lock, proving the copy before committing it.
func copyToTeam(e *env, src store.Store, from, to string) (imports, indicators int, err error) {
	st, err := openTeam(to)
	if err != nil {
		return 0, 0, err
	}
	defer st.Close()
	team, ok := st.(*postgres.Store)
	if !ok {
		return 0, 0, fmt.Errorf("copy to %s: not a team store", to)
	}
	have, err := team.Imports()
	if err != nil {
		return 0, 0, err
	}
	if len(have) > 0 {
		return 0, 0, fmt.Errorf("copy to %s: it already holds %d imports; copy into a new store", to, len(have))
	}
	err = team.InOne(e.ctx, func(dst *postgres.Store) error {
		// Empty a moment ago; another officer's copy or import may have
		// landed while this one waited for the lock.
		have, err := dst.Imports()
		if err != nil {
			return err
		}
		if len(have) > 0 {
			return fmt.Errorf("copy to %s: another copy or import into it got there first (it now holds %d imports); nothing was written", to, len(have))
		}
		imports, indicators, err = copyInto(dst, src, from, to)
		return err
	})
	return imports, indicators, err
}

// copyToFile copies src into a new store file under a temporary name
// beside to, proves it, and only then renames it to to.
func copyToFile(src store.Store, from, to string) (imports, indicators int, err error) {
	work, err := store.NewWorkFolder(to)
	if err != nil {
		return 0, 0, fmt.Errorf("copy to %s: %w", to, err)
	}
	defer work.Remove()
	dst, err := store.Open(filepath.Join(work.Path(), "scorecard.db"))
	if err != nil {
		return 0, 0, fmt.Errorf("copy to %s: %w", to, err)
	}
	imports, indicators, err = copyInto(dst, src, from, to)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, 0, err
	}
	if _, err := os.Stat(to); err == nil {
		return 0, 0, fmt.Errorf("copy to %s: the file was made by something else during the copy; nothing was written", to)
	}
	if err := os.Rename(dst.Path(), to); err != nil {
		return 0, 0, fmt.Errorf("copy to %s: %w", to, err)
	}
	return imports, indicators, nil
}

// copyInto copies src into dst, then proves the copy: both load the same
// history (store.Copy) and show --json of every indicator is the same
// from each. It returns how many imports and indicators dst then holds.
func copyInto(dst, src store.Store, from, to string) (imports, indicators int, err error) {
	rs, ok1 := src.(store.Replayer)
	rd, ok2 := dst.(store.Replayer)
	if !ok1 || !ok2 {
		return 0, 0, fmt.Errorf("copy %s to %s: one of these engines cannot be copied exactly", from, to)
	}
	if err := store.Copy(rd, rs); err != nil {
		return 0, 0, err
	}
	recs, err := dst.Imports()
	if err != nil {
		return 0, 0, err
	}
	inds, err := dst.Indicators()
	if err != nil {
		return 0, 0, err
	}
	for _, ind := range inds {
		a, err := showJSON(src, from, ind.Ref)
		if err != nil {
			return 0, 0, fmt.Errorf("copy: check %s in %s: %w", ind.Ref, from, err)
		}
		b, err := showJSON(dst, to, ind.Ref)
		if err != nil {
			return 0, 0, fmt.Errorf("copy: check %s in %s: %w", ind.Ref, to, err)
		}
		if !bytes.Equal(a, b) {
			return 0, 0, fmt.Errorf("copy %s to %s: show --json %s differs between them; the copy is not to be trusted", from, to, ind.Ref)
		}
	}
	return len(recs), len(inds), nil
}

// showJSON is what `scorecard show REF --json` prints from the open store
// st, named name.
func showJSON(st store.Store, name, ref string) ([]byte, error) {
	var out bytes.Buffer
	e := newEnv(&out, io.Discard)
	e.db, e.st, e.json = name, st, true
	if err := runShow(e, []string{ref}); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
