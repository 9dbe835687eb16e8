package views

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"scorecard/app"
	"scorecard/app/store"
)

// monthsStore writes a store with the monthly files jan, feb and mar
// imported, each giving CIC05's figure for its month (40, 41, 42), and
// feb's import undone; with auto, an automatic backup is taken before
// each change after the first import, and without, a backup is written
// to a file of the officer's after jan's. It returns the store's path and
// the backup file ("" with auto).
func monthsStore(t *testing.T, auto bool) (path, backup string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "scorecard.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if !auto {
		st.SetAutoBackups(0)
	}
	for i, name := range []string{"jan.xlsx", "feb.xlsx", "mar.xlsx"} {
		ds := &app.Dataset{
			Indicators:   []app.Indicator{{Ref: "CIC05", Name: "Repeat referrals", Unit: app.Percent}},
			Observations: []app.Observation{{Ref: "CIC05", Area: app.Kent, Split: app.All, Period: app.MonthOf(2025, time.Month(1+i)), Value: app.Float(40 + float64(i)), Cell: "Scorecard!H4"}},
		}
		if _, err := st.Import(store.Source{Name: name, Kind: "workbook", SHA256: name}, ds); err != nil {
			t.Fatal(err)
		}
		if i == 0 && !auto {
			backup = filepath.Join(t.TempDir(), "after jan.db")
			if err := st.BackupFile(backup); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := st.Undo("I0002"); err != nil {
		t.Fatal(err)
	}
	return path, backup
}

// TestStartupRestoreSaysWhatIsLost: before the window's "Restore a
// backup" replaces the store, its dialog says which imports and undos the
// backup chosen lacks, as the restore command does, each to be made
// again; Cancel leaves the store as it was, Restore restores it. The
// window once replaced the store without a word of them (QA23a D3).
func TestStartupRestoreSaysWhatIsLost(t *testing.T) {
	for _, tc := range []struct {
		name string
		// store makes the store and returns its path and, where the
		// officer picks a backup as a file, the file.
		store func(t *testing.T) (string, string)
		pick  int      // the automatic backup chosen, 0 the newest
		want  []string // in the dialog
		// held is the store's CIC05 Kent figures once restored, by month
		// of 2025 (0 where none).
		held [3]float64
	}{
		{"the newest backup lacks the undo after it",
			func(t *testing.T) (string, string) { return monthsStore(t, true) }, 0,
			[]string{"The backup of ", " holds imports I0001-I0003; the undo of I0002 (feb.xlsx, ", ") is not in it: undo it again after restoring."},
			[3]float64{40, 41, 42}},
		{"an older backup lacks an import and the undo",
			func(t *testing.T) (string, string) { return monthsStore(t, true) }, 1,
			[]string{" holds imports I0001-I0002; I0003 (mar.xlsx, ", ") is not in it: import it again after restoring; the undo of I0002 (feb.xlsx, ", ") is not in it: undo it again after restoring."},
			[3]float64{40, 41, 0}},
		{"a backup picked as a file",
			func(t *testing.T) (string, string) { return monthsStore(t, false) }, 0,
			[]string{"Replace the store with after jan.db.", " holds import I0001; I0003 (mar.xlsx, ", ") is not in it: import it again after restoring."},
			[3]float64{40, 0, 0}},
		{"a damaged store whose list of imports cannot be read",
			func(t *testing.T) (string, string) { path, _ := damagedStore(t); return path, "" }, 0,
			[]string{" holds import I0001; the damaged store's own list of imports cannot be read, so any import or undo made at or after ", " is not in the backup: make it again after restoring"},
			[3]float64{0, 0, 40}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path, file := tc.store(t)
			open := func(p string) (store.Store, error) { return store.Open(p) }
			var opened store.Store
			t.Cleanup(func() {
				if opened != nil {
					opened.Close()
				}
			})
			// The damaged store's own error; a sound one's window comes up
			// when it opens but does not load (session.show).
			shown := errors.New("its records do not match their checksums")
			if st, err := open(path); err != nil {
				shown = err
			} else {
				st.Close()
			}
			s := newStartupWindow(test.NewTempApp(t), path, shown, open, func(st store.Store) { opened = st })
			s.Show()
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			// ask shows the dialog as the officer brings it up and returns
			// what it says.
			ask := func() string {
				if file != "" {
					s.confirmRestore(file) // the file chooser's choice
				} else {
					test.Tap(s.restore)
					if s.backups == nil {
						t.Fatal("restore does not offer the automatic backups")
					}
					s.backups.SetSelectedIndex(tc.pick)
				}
				return strings.Join(labelTexts(s.win.Canvas().Overlays().Top()), "\n")
			}
			said := ask()
			for _, w := range tc.want {
				if !strings.Contains(said, w) {
					t.Errorf("the restore dialog says:\n%s\nwant it to say %q", said, w)
				}
			}
			tapDialog(t, s, "Cancel")
			if after, _ := os.ReadFile(path); !bytes.Equal(after, before) || opened != nil {
				t.Error("Cancel changed or opened the store")
			}
			if kept, _ := filepath.Glob(path + ".replaced-*"); len(kept) > 0 {
				t.Errorf("Cancel replaced the store, keeping %q", kept)
			}
			ask()
			done := make(chan struct{})
			s.restored = func() { close(done) }
			tapDialog(t, s, "Restore")
			select {
			case <-done:
			case <-time.After(time.Minute):
				t.Fatal("Restore did not restore")
			}
			if opened == nil {
				t.Fatalf("after restoring, the window did not open the store: %s", s.message.Text)
			}
			h, err := opened.Load()
			if err != nil {
				t.Fatal(err)
			}
			var held [3]float64
			for i := range held {
				if o, ok := h.Observation(app.SeriesKey{Ref: "CIC05", Area: app.Kent, Split: app.All}, app.MonthOf(2025, time.Month(1+i))); ok {
					held[i] = *o.Value
				}
			}
			if held != tc.held {
				t.Errorf("restored store holds Jan-Mar %v, want %v", held, tc.held)
			}
			if kept, _ := filepath.Glob(path + ".replaced-*"); len(kept) != 1 || !slices.ContainsFunc(kept, func(k string) bool {
				b, _ := os.ReadFile(k)
				return bytes.Equal(b, before)
			}) {
				t.Errorf("the store replaced is not kept beside it: %q", kept)
			}
		})
	}
}

// tapDialog taps the button labelled text of the dialog over s.
func tapDialog(t *testing.T, s *startupWindow, text string) {
	t.Helper()
	b := findButton(s.win.Canvas().Overlays().Top(), text)
	if b == nil {
		t.Fatalf("no dialog with a %q button", text)
	}
	test.Tap(b)
}
