package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBriefRefusesNoFigures: a brief or pack of a period, or of an area,
// with no figures is refused with exit 1 saying so, as flags refuses a
// period outside the store, rather than an all-clear ("Nothing is red")
// for no data (QA23c D12).
func TestBriefRefusesNoFigures(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	mustRun(t, db, "import", smallMonthsCSV(t)) // Kent, Jan-25 to Jan-26
	pdf := filepath.Join(dir, "dover.pdf")
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"brief"}, 0, "Exceptions: Kent, January 2026"},
		{[]string{"brief", "--period", "2026-02"}, 1, "no figures for Feb-26 (the store holds Jan-25 to Jan-26)"},
		{[]string{"brief", "--period", "2024-12"}, 1, "no figures for Dec-24 (the store holds Jan-25 to Jan-26)"},
		{[]string{"brief", "--area", "Dover"}, 1, "Dover has no figures for Jan-26"},
		{[]string{"brief", "--area", "Dover", "--period", "2025-06"}, 1, "Dover has no figures for Jun-25"},
		{[]string{"export", "--area", "Dover", "--out", pdf}, 1, "Dover has no figures for Jan-26"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := scorecard(t, db, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", r.code, tt.code, r.stdout, r.stderr)
			}
			if said := r.stdout + r.stderr; !strings.Contains(said, tt.want) {
				t.Errorf("does not say %q:\n%s", tt.want, said)
			}
			if tt.code != 0 && strings.Contains(r.stdout, "Nothing is red") {
				t.Errorf("gives an all-clear for no figures:\n%s", r.stdout)
			}
		})
	}
	if _, err := os.Stat(pdf); !os.IsNotExist(err) {
		t.Errorf("a pack of Dover, which has no figures, was written (%v)", err)
	}
}
