package store

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestGuardWords: a page whose bytes make bbolt panic (a length read from
// a damaged page, a pointer to a page that is not there) is said to be
// damaged, with the restore advice, and without the Go runtime's words,
// which are added only under SCORECARD_DEBUG.
func TestGuardWords(t *testing.T) {
	read := func(path string, fault func()) (err error) {
		defer guard(path, &err)
		fault()
		return nil
	}
	var pages []byte
	var meta *struct{ root uint64 }
	n := 3031745972
	tests := []struct {
		name, debug string
		fault       func()
		want        string // the problem said
	}{
		{"slice bounds", "", func() { _ = pages[:n] }, "a page is damaged and cannot be read"},
		{"nil pointer", "", func() { _ = meta.root }, "a page is damaged and cannot be read"},
		{"slice bounds under SCORECARD_DEBUG", "1", func() { _ = pages[:n] },
			"a page is damaged and cannot be read: runtime error: slice bounds out of range [:3031745972] with capacity 0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("SCORECARD_DEBUG", tc.debug)
			s := openTemp(t)
			mustImport(t, s, "jan.xlsx", smallMonthly(0))
			mustImport(t, s, "feb.xlsx", smallMonthly(1)) // after a backup
			err := read(s.path, tc.fault)
			d, ok := err.(*DamagedError)
			if !ok {
				t.Fatalf("got %v, want a DamagedError", err)
			}
			if d.Problem != tc.want {
				t.Errorf("problem %q, want %q", d.Problem, tc.want)
			}
			msg := err.Error()
			if tc.debug == "" && strings.Contains(msg, "runtime error") {
				t.Errorf("message quotes the runtime: %s", msg)
			}
			if !strings.Contains(msg, " is damaged (a page is damaged and cannot be read") ||
				!strings.Contains(msg, "; nothing was changed; restore the newest backup with: scorecard --db ") ||
				!strings.Contains(msg, filepath.Base(s.path)+".backup-") {
				t.Errorf("message %s\nwant it damaged, nothing changed, and the restore advice", msg)
			}
		})
	}
}
