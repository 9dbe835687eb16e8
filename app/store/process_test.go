package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// Tests that need a second process re-execute the test binary with
// childRole set; TestMain then plays that part instead of running tests.
const (
	childRole = "SCORECARD_STORE_CHILD"
	childDB   = "SCORECARD_STORE_DB"
)

func TestMain(m *testing.M) {
	switch os.Getenv(childRole) {
	case "":
		os.Exit(m.Run())
	case "hold":
		os.Exit(holdStore(os.Getenv(childDB)))
	case "import":
		os.Exit(importLarge(os.Getenv(childDB)))
	case "churn":
		os.Exit(churnStore(os.Getenv(childDB)))
	default:
		fmt.Fprintf(os.Stderr, "unknown %s %q\n", childRole, os.Getenv(childRole))
		os.Exit(2)
	}
}

// holdStore opens the store, says so, and keeps it open until its stdin
// closes.
func holdStore(path string) int {
	s, err := Open(path)
	if err != nil {
		fmt.Println(err)
		return 1
	}
	fmt.Println("open")
	io.Copy(io.Discard, os.Stdin)
	s.Close()
	return 0
}

// churnStore opens the store, says so, and imports and undoes a month of
// figures over and over until its stdin closes, so that a copy of the file
// races commits.
func churnStore(path string) int {
	s, err := Open(path)
	if err != nil {
		fmt.Println(err)
		return 1
	}
	defer s.Close()
	closed := make(chan struct{})
	go func() { io.Copy(io.Discard, os.Stdin); close(closed) }()
	fmt.Println("open")
	ds := monthly(months(app.MonthOf(2025, 4), 12), 3)
	for {
		select {
		case <-closed:
			return 0
		default:
		}
		rec, err := s.Import(Source{Name: "apr.xlsx", Kind: "workbook"}, ds)
		if err == nil {
			_, err = s.Undo(rec.ID)
		}
		if err != nil {
			fmt.Println(err)
			return 1
		}
	}
}

// importLarge imports the large dataset, saying "inside" half way through
// writing its observations; the parent kills it there.
func importLarge(path string) int {
	s, err := Open(path)
	if err != nil {
		fmt.Println(err)
		return 1
	}
	testHookMidImport = func() { fmt.Println("inside") }
	if _, err := s.Import(Source{Name: "large.xlsx", Kind: "workbook", SHA256: "large"}, largeDataset(5)); err != nil {
		fmt.Println(err)
		return 1
	}
	fmt.Println("committed")
	s.Close()
	return 0
}

// startChild runs the test binary as a child in role, on the store at path,
// and returns it with its first line of output.
func startChild(t *testing.T, role, path string) (*exec.Cmd, io.WriteCloser, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childRole+"="+role, childDB+"="+path)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("child %s: %v", role, err)
	}
	return cmd, stdin, strings.TrimSpace(line)
}

// TestOpenInUseByAnotherProcess: a second copy of the app gets the
// "already open" message within 2 s, and can open the store once the
// first has closed it.
func TestOpenInUseByAnotherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scorecard.db")
	cmd, stdin, line := startChild(t, "hold", path)
	if line != "open" {
		t.Fatalf("child says %q", line)
	}
	start := time.Now()
	_, err := Open(path)
	took := time.Since(start)
	if !errors.Is(err, ErrInUse) || err.Error() != path+" is in use by another Scorecard (a window, or a command such as an import)" {
		t.Fatalf("Open while another process holds the store: %v", err)
	}
	if took > 2*time.Second {
		t.Errorf("refusal took %v, want under 2 s", took)
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open after the other process closed: %v", err)
	}
	s.Close()
}

// TestOpenReadOnlyWhileWriting: a reader is told the store is open in
// another window while another process has it open to write.
func TestOpenReadOnlyWhileWriting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scorecard.db")
	cmd, stdin, line := startChild(t, "hold", path)
	if line != "open" {
		t.Fatalf("child says %q", line)
	}
	_, err := OpenReadOnly(path)
	if !errors.Is(err, ErrInUse) || err.Error() != path+" is in use by another Scorecard (a window, or a command such as an import)" {
		t.Errorf("OpenReadOnly while another process writes: %v", err)
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("OpenReadOnly after the writer closed: %v", err)
	}
	s.Close()
}

// TestKillDuringImport kills a process in the middle of importing about
// 234,000 observations. The store must open, pass bbolt's consistency
// check, and hold exactly what it held before: none of that import. Later
// kills may land while the transaction commits, or after: the import must
// then be there whole or not at all.
func TestKillDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("imports a large dataset in child processes")
	}
	for _, tc := range []struct {
		name  string
		delay time.Duration // from "inside" to the kill
		none  bool          // the kill surely lands before the commit
	}{
		{"while writing", 0, true},
		{"later", 400 * time.Millisecond, false},
		{"later still", 1200 * time.Millisecond, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "scorecard.db")
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			first := mustImport(t, s, "feb.xlsx", monthly(months(app.MonthOf(2025, 2), 12), 0))
			before := mustLoad(t, s)
			s.Close()

			cmd, _, line := startChild(t, "import", path)
			if line != "inside" {
				t.Fatalf("child says %q, want inside", line)
			}
			time.Sleep(tc.delay)
			cmd.Process.Signal(syscall.SIGKILL)
			err = cmd.Wait()
			var exit *exec.ExitError
			killed := errors.As(err, &exit) && exit.Sys().(syscall.WaitStatus).Signal() == syscall.SIGKILL
			if !killed && (tc.none || err != nil) {
				t.Fatalf("child was not killed: %v", err)
			}

			s, err = Open(path)
			if err != nil {
				t.Fatalf("open after kill: %v", err)
			}
			defer s.Close()
			if err := s.db.View(func(tx *bolt.Tx) error {
				for err := range tx.Check() {
					return err
				}
				return nil
			}); err != nil {
				t.Fatalf("store inconsistent after kill: %v", err)
			}
			recs, err := s.Imports()
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) == 2 && !tc.none {
				// The commit finished before the kill: all of it is there.
				if h := mustLoad(t, s); len(h.Keys()) != len(before.Keys())+100*13*3 {
					t.Fatalf("committed import loads %d series", len(h.Keys()))
				}
				t.Logf("kill landed after the commit (%d observations)", recs[1].Counts.Observations)
				return
			}
			if len(recs) != 1 || recs[0].ID != first.ID {
				t.Fatalf("imports after kill = %+v; want only %s", recs, first.ID)
			}
			sameHistory(t, "after kill", before, mustLoad(t, s))
			if !tc.none {
				return
			}
			// The interrupted file can be imported now.
			if rec, err := s.Import(Source{Name: "large.xlsx", SHA256: "large"}, largeDataset(5)); err != nil || rec.ID != "I0002" {
				t.Fatalf("import after kill: %+v, %v", rec, err)
			}
		})
	}
}

// TestCopyFileWhileOpen: backup works while another process has the store
// open, idle or committing imports as the bytes are copied; every copy
// passes bbolt's check and loads as the store stood at some commit.
func TestCopyFileWhileOpen(t *testing.T) {
	for _, role := range []string{"hold", "churn"} {
		t.Run(role, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "scorecard.db")
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			mustImport(t, s, "mar.xlsx", monthly(months(app.MonthOf(2025, 3), 24), 0))
			want := mustLoad(t, s)
			s.Close()

			cmd, stdin, line := startChild(t, role, path)
			if line != "open" {
				t.Fatalf("child says %q", line)
			}
			for i := range 3 {
				out := filepath.Join(dir, fmt.Sprintf("backup%d.db", i))
				if err := CopyFile(path, out, false); err != nil {
					t.Fatalf("CopyFile while another process has the store open: %v", err)
				}
				b, err := OpenReadOnly(out)
				if err != nil {
					t.Fatal(err)
				}
				got := mustLoad(t, b)
				b.Close()
				// The churning child's import may be in the copy, or its
				// undo: either way the first import's figures are there.
				if role == "hold" {
					sameHistory(t, "backup", want, got)
				} else if len(got.Imports) < 1 || got.Imports[0].ID != "I0001" || len(got.Keys()) != len(want.Keys()) {
					t.Errorf("backup %d holds imports %+v and %d series, want I0001's %d", i, got.Imports, len(got.Keys()), len(want.Keys()))
				}
			}
			// The nightly backup --out to the same file: an earlier
			// backup of the store is replaced while it is held, as when
			// it is not; another store there is still refused, naming
			// what it holds that the store lacks (QA24b D1).
			for _, tc := range []struct {
				name string
				out  func(t *testing.T) string
				says string // in the refusal; "" when replaced
			}{
				{"an earlier backup", func(*testing.T) string { return filepath.Join(dir, "backup0.db") }, ""},
				{"another store", func(t *testing.T) string {
					_, data, _ := closedStore(t, smallMonthly, 1)
					out := filepath.Join(dir, "other.db")
					if err := writeFile(out, data); err != nil {
						t.Fatal(err)
					}
					return out
				}, "a Scorecard store holding I0001 (filea.xlsx, "},
			} {
				out := tc.out(t)
				err := CopyFile(path, out, false)
				if tc.says == "" {
					if err != nil {
						t.Errorf("%s: CopyFile over it while the store is held: %v", tc.name, err)
					}
					continue
				}
				if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), tc.says) {
					t.Errorf("%s: err = %v, want ErrExists saying %q", tc.name, err, tc.says)
				}
				if left, _ := filepath.Glob(filepath.Join(dir, ".scorecard-backup-*")); len(left) > 0 {
					t.Errorf("%s: left %v", tc.name, left)
				}
			}
			stdin.Close()
			if err := cmd.Wait(); err != nil {
				t.Fatalf("child: %v", err)
			}
		})
	}
}
