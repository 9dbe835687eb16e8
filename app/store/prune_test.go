package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// TestBackupsPrunedOnceLanded: the automatic backup of an import or undo
// that fails counts toward the backups kept only once a change lands, so
// a failure (a disk that filled, a file reviewed against the store before
// a colleague changed it, an undo of no import) does not push out the
// oldest backup, the only way back to an earlier state.
func TestBackupsPrunedOnceLanded(t *testing.T) {
	month := func(last int, bump float64) *app.Dataset {
		return monthly(months(app.MonthOf(2025, time.Month(last)), 3), bump)
	}
	tests := []struct {
		name   string
		change func(s *Bolt) error
		// kept is which of the backups before the change (0 the oldest) are
		// kept after it, beside the change's own; failed, whether the
		// change fails.
		kept   []int
		failed bool
	}{
		{"an import reviewed against the store as it was (stale)", func(s *Bolt) error {
			_, err := s.Import(Source{Name: "kent-2025-07.xlsx", Kind: "workbook", SHA256: "sha-kent-2025-07.xlsx", Basis: "before kent-2025-06.xlsx"}, month(7, 3))
			if err != nil && !errors.Is(err, ErrStale) {
				return errors.New("not refused as stale: " + err.Error())
			}
			return err
		}, []int{0, 1}, true},
		{"an undo of an import there is not", func(s *Bolt) error {
			_, err := s.Undo("I0009")
			if err != nil && !errors.Is(err, ErrNoImport) {
				return errors.New("not refused as no import: " + err.Error())
			}
			return err
		}, []int{0, 1}, true},
		{"an import that lands", func(s *Bolt) error {
			_, err := s.Import(Source{Name: "kent-2025-07.xlsx", Kind: "workbook", SHA256: "sha-kent-2025-07.xlsx"}, month(7, 3))
			return err
		}, []int{1}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			s.SetAutoBackups(2)
			// Three files make two backups: of the store after the first,
			// and after the second.
			for i, name := range []string{"kent-2025-04.xlsx", "kent-2025-05.xlsx", "kent-2025-06.xlsx"} {
				mustImport(t, s, name, month(4+i, float64(i)))
			}
			before, err := Backups(s.path)
			if err != nil || len(before) != 2 {
				t.Fatalf("backups before the change: %v, %v; want 2", before, err)
			}
			err = tc.change(s)
			if (err != nil) != tc.failed {
				t.Fatalf("the change: %v, want failed %v", err, tc.failed)
			}
			after, err := Backups(s.path)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, i := range tc.kept {
				want = append(want, before[i])
			}
			if got := after[:len(after)-1]; !slices.Equal(got, want) {
				t.Errorf("backups kept of those before the change: %v, want %v", rel(got), rel(want))
			}
			if n := after[len(after)-1]; slices.Contains(before, n) {
				t.Errorf("the change made no backup of its own: %v", rel(after))
			}
		})
	}
}

func rel(paths []string) []string {
	var out []string
	for _, p := range paths {
		out = append(out, filepath.Base(p))
	}
	return out
}

// TestOfficersBackupKept: a backup the officer names beside the store as
// the automatic ones are named ("s.db.backup-2025-26-year-end") is not
// one of them: it is never pruned, and the automatic backups are not
// named after it.
func TestOfficersBackupKept(t *testing.T) {
	s := openTemp(t)
	s.SetAutoBackups(2)
	mustImport(t, s, "kent-2025-04.xlsx", monthly(months(app.MonthOf(2025, time.April), 3), 0))
	mine := []string{s.path + ".backup-2025-26-year-end", s.path + ".backup-first-month"}
	for _, m := range mine {
		writeFile(m, []byte("the officer's copy"))
	}
	for i := range 4 {
		mustImport(t, s, fmt.Sprintf("kent-2025-%02d.xlsx", 5+i), monthly(months(app.MonthOf(2025, time.Month(5+i)), 3), float64(i)))
	}
	for _, m := range mine {
		if _, err := os.Stat(m); err != nil {
			t.Errorf("the officer's backup %s: %v, want it kept", filepath.Base(m), err)
		}
	}
	auto, err := Backups(s.path)
	if err != nil || len(auto) != 2 {
		t.Fatalf("automatic backups %v, %v; want the 2 kept", rel(auto), err)
	}
	for _, b := range auto {
		if !automatic(strings.TrimPrefix(filepath.Base(b), filepath.Base(s.path)+backupInfix)) {
			t.Errorf("automatic backup named %s", filepath.Base(b))
		}
	}
}

func TestAutomaticBackupName(t *testing.T) {
	for stamp, want := range map[string]bool{
		"20250314-093012":       true,
		"20250314-093012-01":    true,
		"20250314-093012-99-01": true,
		"2025-26-year-end":      false,
		"first-month":           false,
		"first-month-01":        false,
		"20250314-093012-1":     false,
		"20250314-093012.bak":   false,
		"20251314-093012":       false,
		"":                      false,
	} {
		if got := automatic(stamp); got != want {
			t.Errorf("automatic(%q) = %v, want %v", stamp, got, want)
		}
	}
}
