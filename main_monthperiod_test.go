package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestMonthOfQuarterlyStore: --period given as a month, as an officer
// names the month they report in, of a store whose figures are
// quarterly: a month that ends a quarter is that quarter, said in a note
// (March's report is of Jan-Mar); a month inside a quarter is refused,
// naming both quarters it could mean, the one it falls in (not yet over)
// and the last to end, as --period takes them. The note is on stderr, in
// the same words from each command: export's stdout is its path and
// one-line summary (QA26b L4).
func TestMonthOfQuarterlyStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	csvPath := filepath.Join(t.TempDir(), "quarters.csv")
	var b strings.Builder
	b.WriteString("Ref,Period,Area,Value\n")
	for i, q := range []string{"2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"} {
		b.WriteString("CIC05," + q + ",Kent," + strconv.Itoa(10+i) + "\n")
	}
	if err := os.WriteFile(csvPath, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, "import", csvPath)
	refusal := "Nov-24 ends no quarter: give 2024-Q4 for Oct-Dec 2024, the quarter it falls in, or 2024-Q3 for Jul-Sep 2024, the last to end before it"
	out := filepath.Join(t.TempDir(), "q.xlsx")
	tests := []struct {
		args   []string
		code   int
		stdout string // a part of stdout, "" for none
		said   string // a part of stderr
	}{
		{[]string{"export", "--out", out, "--period", "2024-12"}, 0, "Kent, Oct-Dec 2024:",
			"note: --period 2024-12 read as Oct-Dec 2024, the quarter ending in Dec-24: the store's figures are by quarter\n"},
		{[]string{"export", "--out", out, "--period", "2024-09"}, 0, "Kent, Jul-Sep 2024:", "read as Jul-Sep 2024, the quarter ending in Sep-24"},
		{[]string{"export", "--out", out, "--period", "2024-11"}, 1, "", "export period 2024-11: the store's figures are by quarter; " + refusal},
		{[]string{"flags", "--period", "2024-12"}, 0, "", "note: --period 2024-12 read as Oct-Dec 2024, the quarter ending in Dec-24"},
		{[]string{"flags", "--period", "2024-11"}, 2, "", refusal},
		{[]string{"brief", "--period", "2024-12"}, 0, "Kent, Oct-Dec 2024", "read as Oct-Dec 2024, the quarter ending in Dec-24"},
		{[]string{"brief", "--period", "2024-11"}, 2, "", refusal},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[:1], " ")+" "+tt.args[len(tt.args)-1], func(t *testing.T) {
			r := scorecard(t, db, tt.args...)
			if r.code != tt.code || !strings.Contains(r.stdout, tt.stdout) || !strings.Contains(r.stderr, tt.said) {
				t.Errorf("scorecard %v: exit %d\nstdout:\n%s\nstderr:\n%s\nwant exit %d, %q on stdout and %q on stderr", tt.args, r.code, r.stdout, r.stderr, tt.code, tt.stdout, tt.said)
			}
			if strings.Contains(r.stdout, "read as") {
				t.Errorf("scorecard %v: the note is on stdout:\n%s", tt.args, r.stdout)
			}
			if tt.args[0] == "export" && tt.code == 0 {
				if lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n"); len(lines) != 2 || lines[0] != out {
					t.Errorf("scorecard %v: stdout %q, want the path and a one-line summary", tt.args, lines)
				}
			}
		})
	}
}
