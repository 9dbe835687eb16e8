package store

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestClearWorkFolders checks that only a work folder provably abandoned
// is removed: its lock unheld and past the grace period, or, with no lock
// (its copy killed before it made one, or an earlier version's), nothing
// in it written for a day. Every other is named as left: one a copy
// holds right now, one too young to tell. Each is given with when it was
// last written. A folder not named as os.MkdirTemp names a copy's, and
// other hidden files beside the store, are not touched.
func TestClearWorkFolders(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "offline.db")
	now := time.Now()
	later := now.Add(workLockGrace + time.Second)
	dayOn := now.Add(noLockAfter + time.Minute)

	// A copy still running: its folder's lock is held.
	running, err := NewWorkFolder(target)
	if err != nil {
		t.Fatal(err)
	}
	defer running.Remove()
	// A copy killed part way: its lock was dropped with its process, its
	// half-written store left behind.
	killed, err := NewWorkFolder(target)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(killed.Path(), "scorecard.db"), []byte("half a store"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := killed.lock.Close(); err != nil {
		t.Fatal(err)
	}
	// A folder with no lock file: an earlier version's, or one whose copy
	// was killed before it made its lock.
	noLock, err := os.MkdirTemp(dir, workFolderPrefix+"*")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(noLock, "scorecard.db"), []byte("half a store"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Not a copy's work folder, though it starts alike and holds an
	// unheld lock long past its grace.
	notOurs := filepath.Join(dir, workFolderPrefix+"notes")
	if err := os.Mkdir(notOurs, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(notOurs, workLockName), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, ".scorecard-backup-123")
	if err := os.WriteFile(other, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}

	for _, tt := range []struct {
		name          string
		now           time.Time
		removed, left []string
	}{
		{"within the grace period", now, nil, []string{killed.Path(), noLock, running.Path()}},
		{"past the grace period", later, []string{killed.Path()}, []string{noLock, running.Path()}},
		{"again", later, nil, []string{noLock, running.Path()}},
		{"a day on", dayOn, []string{noLock}, []string{running.Path()}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			removed, left := ClearWorkFolders(target, tt.now)
			paths := func(fs []WorkLeftover) []string {
				var ps []string
				for _, f := range fs {
					ps = append(ps, f.Path)
					if d := now.Sub(f.Written); d < -time.Minute || d > time.Minute {
						t.Errorf("%s: last written %s, want about %s", f.Path, f.Written, now)
					}
				}
				slices.Sort(ps)
				return ps
			}
			slices.Sort(tt.left)
			if got, gotLeft := paths(removed), paths(left); !slices.Equal(got, tt.removed) || !slices.Equal(gotLeft, tt.left) {
				t.Errorf("removed %q, left %q; want %q, %q", got, gotLeft, tt.removed, tt.left)
			}
			for _, d := range tt.removed {
				if _, err := os.Stat(d); !os.IsNotExist(err) {
					t.Errorf("%s still there: %v", d, err)
				}
			}
		})
	}
	for _, p := range []string{running.Path(), notOurs, other, filepath.Join(running.Path(), workLockName)} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was touched: %v", p, err)
		}
	}
	// The running copy still holds its folder, and removes it when done.
	if err := running.Remove(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(running.Path()); !os.IsNotExist(err) {
		t.Errorf("a finished copy's folder is still there: %v", err)
	}
}
