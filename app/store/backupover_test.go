package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestBackupRefusesAFileThere: a backup is not written over a file
// already at its name unless replacing it is asked: the store and a
// backup named the wrong way round (an officer meaning to restore) put
// an old backup over the live store, losing every import since, with no
// word (QA23a D2). Refused, the file is left as it was and the one line
// names it; a store there is named as one, with how to restore.
func TestBackupRefusesAFileThere(t *testing.T) {
	src, _, want := closedStore(t, smallMonthly, 2)
	for _, tc := range []struct {
		name    string
		there   func(t *testing.T, out string) // makes the file at out
		replace bool
		says    string // in the refusal, OUT the file there, SRC the store; "" when written
	}{
		{"another store", func(t *testing.T, out string) {
			s, err := Open(out)
			if err != nil {
				t.Fatal(err)
			}
			mustImport(t, s, "other.xlsx", smallMonthly(0))
			s.Close()
		}, false, "is already there, a Scorecard store holding I0001 (other.xlsx, "},
		// The slip it guards: meaning to restore, the store and backup
		// named the wrong way round. The restore is offered as what may
		// have been meant, not as the way to make this backup.
		{"another store, the restore offered as the slip", func(t *testing.T, out string) {
			s, err := Open(out)
			if err != nil {
				t.Fatal(err)
			}
			mustImport(t, s, "other.xlsx", smallMonthly(0))
			s.Close()
		}, false, "which the store does not; name a new file, or give --force to replace it (if you meant instead to restore SRC over OUT, keeping it beside, use: scorecard --db OUT restore SRC)"},
		// After a damaged store is restored and the file the backup
		// lacked imported again, its ID and file are the nightly
		// backup's but not its time: nothing is lost by replacing it,
		// and the nightly job was refused every night (QA24b D8).
		{"the same files made again, as after a restore", func(t *testing.T, out string) {
			_, data, _ := closedStore(t, smallMonthly, 1)
			if err := writeFile(out, data); err != nil {
				t.Fatal(err)
			}
		}, false, ""},
		{"a file of another kind", func(t *testing.T, out string) {
			if err := writeFile(out, []byte("notes\n")); err != nil {
				t.Fatal(err)
			}
		},
			false, "is already there, a file; name a new file, or give --force to replace it"},
		{"an older store, replacing it asked", func(t *testing.T, out string) {
			_, data, _ := closedStore(t, smallMonthly, 1)
			if err := writeFile(out, data); err != nil {
				t.Fatal(err)
			}
		}, true, ""},
		{"no file there", func(t *testing.T, out string) {}, false, ""},
		// The contract's backup --out FILE, run again each night to the
		// same file, replaces its last copy: nothing in it is lost.
		{"an earlier backup of the same store", func(t *testing.T, out string) {
			data, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			if err := writeFile(out, data); err != nil {
				t.Fatal(err)
			}
		}, false, ""},
		{"an empty file, as mktemp makes", func(t *testing.T, out string) {
			if err := writeFile(out, nil); err != nil {
				t.Fatal(err)
			}
		}, false, ""},
	} {
		for _, how := range []string{"CopyFile", "BackupFile"} {
			if how == "BackupFile" && tc.replace {
				continue // BackupFile never replaces
			}
			t.Run(tc.name+" by "+how, func(t *testing.T) {
				out := filepath.Join(t.TempDir(), "scorecard.db")
				tc.there(t, out)
				before, _ := os.ReadFile(out)
				var err error
				if how == "CopyFile" {
					err = CopyFile(src, out, tc.replace)
				} else {
					s, oerr := OpenReadOnly(src)
					if oerr != nil {
						t.Fatal(oerr)
					}
					err = s.BackupFile(out)
					s.Close()
				}
				if tc.says != "" {
					says := strings.NewReplacer("OUT", out, "SRC", src).Replace(tc.says)
					if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), says) || strings.Contains(err.Error(), "\n") {
						t.Fatalf("err = %v, want one line with %q", err, says)
					}
					if got, _ := os.ReadFile(out); !bytes.Equal(got, before) {
						t.Error("the file there was changed")
					}
					if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".scorecard-backup-*")); len(left) > 0 {
						t.Errorf("left %v", left)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				b, err := OpenReadOnly(out)
				if err != nil {
					t.Fatal(err)
				}
				defer b.Close()
				if got := mustLoad(t, b); !reflect.DeepEqual(got.Keys(), want.Keys()) || len(got.Imports) != len(want.Imports) {
					t.Errorf("the backup holds %d imports, want the store's %d", len(got.Imports), len(want.Imports))
				}
			})
		}
	}
}
