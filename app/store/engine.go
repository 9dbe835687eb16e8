package store

import (
	"hash/fnv"
	"io"
	"os"
	"os/user"
	"strconv"

	"scorecard/app"
)

// Store is what the app asks of a store, whichever engine holds it: the
// embedded bbolt file (Bolt) or a team's shared database. Every engine
// passes the same contract tests, so a caller never needs to know which
// one it has.
type Store interface {
	// Import records ds as one snapshot, all or nothing; see Bolt.Import
	// for how records are versioned. A file already imported returns that
	// import with an error wrapping ErrAlreadyImported.
	Import(src Source, ds *app.Dataset) (app.Import, error)
	// Imports lists every import, undone ones included, oldest first.
	Imports() ([]app.Import, error)
	// Undo removes what import id added; the entry stays, marked undone.
	Undo(id string) (app.Import, error)

	// Load reads the whole history as it stands.
	Load() (*app.History, error)
	// LoadIndicator reads one indicator's history and every definition,
	// and, which Load leaves out, the imports that restated each figure
	// (app.History.Restated), which an import's review of what it takes
	// back needs.
	LoadIndicator(ref string) (*app.History, error)
	// HeldTargets reads the targets held now for each of refs, as
	// LoadIndicator's history gives them, without the figures.
	HeldTargets(refs []string) (map[string][]app.Target, error)
	// LoadIndicatorArea reads what LoadIndicator gives, with ref's figures
	// of area alone (every split of them).
	LoadIndicatorArea(ref string, area app.Area) (*app.History, error)
	// Indicators reads the definitions only, in scorecard order.
	Indicators() ([]app.Indicator, error)

	// Authority is the store's local authority (the default profile when
	// none was chosen); SetAuthority chooses it and SetDistricts names its
	// districts where the profile has none.
	Authority() (*app.Authority, error)
	SetAuthority(a *app.Authority) error
	SetDistricts(a *app.Authority, names []string) error

	// RecordCirculation appends c to the store's record of outputs
	// circulated (a table or bucket made by the first), numbering it; it
	// is never changed or removed, an undo of an import included.
	// Circulations lists them, oldest first, and Load gives them as
	// app.History.Circulations.
	RecordCirculation(c app.Circulation) (app.Circulation, error)
	Circulations() ([]app.Circulation, error)

	// Get, Put, Delete and Keys keep small unversioned settings as JSON,
	// grouped in named buckets.
	Get(bucket, key string, v any) (found bool, err error)
	Put(bucket, key string, v any) error
	Delete(bucket, key string) error
	Keys(bucket string) ([]string, error)

	// SetAutoBackups sets how many automatic backups are kept; zero turns
	// them off.
	SetAutoBackups(n int)
	// Backup writes a consistent copy of the whole store, as a bbolt
	// file, to w.
	Backup(w io.Writer) (int64, error)
	// BackupFile writes that copy to path, never leaving half a copy,
	// and refuses a file already there (ErrExists).
	BackupFile(path string) error
	// Path names the store for people: a file path, or a database URL
	// without its password.
	Path() string
	Close() error
}

var _ Store = (*Bolt)(nil)

// Operator names who is changing the store and from where: the
// operating-system user and the computer's host name, each empty when the
// system will not say. Engines record both with every import and undo.
func Operator() (officer, machine string) {
	if u, err := user.Current(); err == nil {
		officer = u.Username
	}
	machine, _ = os.Hostname()
	return officer, machine
}

// Basis fingerprints the store's state as a review of a file saw it: the
// imports in force (Imports, undone ones left out). Any import or undo
// since changes it, so an engine can tell, as it imports, whether the
// definitions and targets a file was reviewed against are still the
// store's (Source.Basis).
func Basis(imports []app.Import) string {
	h := fnv.New64a()
	for _, imp := range imports {
		if imp.Undone == nil {
			h.Write([]byte(imp.ID))
			h.Write([]byte{0})
		}
	}
	return strconv.FormatUint(h.Sum64(), 16)
}
