package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"scorecard/app/store/postgres/pgtest"
	"scorecard/assets/synth"
)

// longHistory makes a store file holding ten imports: the demo, three
// five-year large workbooks revising one another and six DfE files. A
// copy of it takes long enough to be interrupted.
func longHistory(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "officer.db")
	mustRun(t, db, "demo")
	for seed := range uint64(3) {
		big := filepath.Join(dir, fmt.Sprintf("large-%d.xlsx", seed))
		if err := synth.Write(big, synth.Large(seed+1), synth.LargeLayout); err != nil {
			t.Fatalf("writing the large workbook: %v", err)
		}
		mustRun(t, db, "import", big)
	}
	dfe, err := filepath.Glob(filepath.Join("..", "shared", "realdata", "[a-z]*_*.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range dfe {
		if !strings.Contains(f, "dictionary") && !strings.Contains(f, "sn_model") {
			mustRun(t, db, "import", f)
		}
	}
	return db
}

// importCount is how many imports the store db lists, -1 when it cannot
// be read.
func importCount(t *testing.T, db string) int {
	t.Helper()
	r := scorecard(t, db, "imports", "--json")
	if r.code != 0 {
		return -1
	}
	var recs []json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &recs); err != nil {
		t.Fatalf("imports --json of %s: %v", db, err)
	}
	return len(recs)
}

// TestCopyKilledMidway kills `scorecard copy` with SIGKILL at several
// moments, in both directions, and checks that the store copied to then
// holds nothing (the team store no imports, the file does not exist) or
// the whole copy, never part of it, and that the copy can then be run
// again.
func TestCopyKilledMidway(t *testing.T) {
	if testing.Short() {
		t.Skip("copies a large history several times")
	}
	file := longHistory(t)
	want := importCount(t, file)
	team, spare := pgtest.DSN(t), pgtest.DSN(t)
	dir := t.TempDir()
	for _, tt := range []struct {
		name     string
		from, to func(try int) string
	}{
		{"file to team store", func(int) string { return file }, func(int) string { return team }},
		{"team store to file", func(int) string { return spare }, func(try int) string { return filepath.Join(dir, fmt.Sprintf("offline-%d.db", try)) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.from(0) == spare {
				mustRun(t, file, "copy", "--from", file, "--to", spare)
			}
			// The kills land at fractions of the first half of a whole
			// copy timed here, so that some fall while it writes and some
			// while it proves what it wrote.
			start := time.Now()
			mustRun(t, file, "copy", "--from", tt.from(0), "--to", tt.to(0))
			whole := time.Since(start)
			if tt.to(0) == team {
				// Empty the team store again for the copies to kill.
				team = pgtest.DSN(t)
			}
			killedMidway := 0
			for try := 1; try <= 6; try++ {
				delay := whole * time.Duration(try) / 12
				to := tt.to(try)
				cmd := exec.Command(bin, "copy", "--from", tt.from(try), "--to", to)
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				done := make(chan error, 1)
				go func() { done <- cmd.Wait() }()
				killed := false
				select {
				case <-done:
				case <-time.After(delay):
					cmd.Process.Signal(syscall.SIGKILL)
					<-done
					killed = true
				}
				gone := false
				if !isTeamStore(to) {
					_, err := os.Stat(to)
					gone = os.IsNotExist(err)
				}
				switch n := importCount(t, to); {
				case n == want && !gone:
					// Copied whole before the kill: start again empty.
					if to == team {
						team = pgtest.DSN(t)
					}
				case n == 0 && to == team, gone:
					if killed {
						killedMidway++
					}
				default:
					t.Fatalf("after SIGKILL at %v of %v, %s holds %d of the %d imports: want all or nothing", delay, whole, to, n, want)
				}
			}
			if killedMidway == 0 {
				t.Fatal("no kill landed during a copy: copy a longer history")
			}
			// Run again, the copy completes.
			to := tt.to(99)
			if out := mustRun(t, file, "copy", "--from", tt.from(99), "--to", to); !strings.Contains(out, fmt.Sprintf("copied %d imports", want)) {
				t.Fatalf("copy run again said %q", out)
			}
		})
	}
}
