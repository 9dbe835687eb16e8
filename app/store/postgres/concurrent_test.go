package postgres_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/app/store/postgres"
	"scorecard/app/store/postgres/pgtest"
	"scorecard/app/store/storetest"
)

// twoYears is a file of two years' figures; bump tells two files apart,
// and their figures overlap, so the second to land revises the first.
func twoYears(bump float64) *app.Dataset {
	return storetest.Monthly(storetest.Months(app.MonthOf(2025, 3), 24), bump)
}

func source(name string) store.Source {
	return store.Source{Name: name, Kind: "workbook", SHA256: fmt.Sprintf("%x", sha256.Sum256([]byte(name))), Note: "concurrency test"}
}

// checkWhole fails t unless the store holds the two imports whole: it
// loads as a bbolt store given the same files in the order they landed.
func checkWhole(t *testing.T, pg store.Store, files map[string]float64) {
	t.Helper()
	recs, err := pg.Imports()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(files) {
		t.Fatalf("%d imports landed of %d", len(recs), len(files))
	}
	b, err := store.Open(filepath.Join(t.TempDir(), "scorecard.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	b.SetAutoBackups(0)
	for i, rec := range recs {
		if want := fmt.Sprintf("I%04d", i+1); rec.ID != want {
			t.Fatalf("import %d is %s, want %s", i, rec.ID, want)
		}
		if _, err := b.Import(source(rec.Source), twoYears(files[rec.Source])); err != nil {
			t.Fatal(err)
		}
	}
	hp, err := pg.Load()
	if err != nil {
		t.Fatal(err)
	}
	hb, err := b.Load()
	if err != nil {
		t.Fatal(err)
	}
	storetest.Equivalent(t, hb, hp)
}

// TestConcurrentImports: two imports at once, through two connections
// pools as two windows would have, both land whole, one after the other.
func TestConcurrentImports(t *testing.T) {
	dsn := pgtest.DSN(t)
	first, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	second, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	files := map[string]float64{"Ashford district.xlsx": 0, "Thanet district.xlsx": 3}
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for name, st := range map[string]store.Store{"Ashford district.xlsx": first, "Thanet district.xlsx": second} {
		wg.Go(func() {
			_, err := st.Import(source(name), twoYears(files[name]))
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	checkWhole(t, first, files)
}

// TestConcurrentProcesses: two CLI runs importing at once, as two
// processes, both land whole.
func TestConcurrentProcesses(t *testing.T) {
	dsn := pgtest.DSN(t)
	st, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	files := map[string]float64{"Ashford district.xlsx": 0, "Thanet district.xlsx": 3}
	var cmds []*exec.Cmd
	for name, bump := range files {
		cmd := exec.Command(os.Args[0], "-test.run=^TestImportProcess$")
		cmd.Env = append(os.Environ(), "SCORECARD_IMPORT_HELPER="+dsn, "SCORECARD_IMPORT_NAME="+name,
			"SCORECARD_IMPORT_BUMP="+strconv.FormatFloat(bump, 'g', -1, 64))
		cmds = append(cmds, cmd)
	}
	outs := make([][]byte, len(cmds))
	var wg sync.WaitGroup
	for i, cmd := range cmds {
		wg.Go(func() {
			var err error
			outs[i], err = cmd.CombinedOutput()
			if err != nil {
				outs[i] = append(outs[i], []byte(err.Error())...)
			}
		})
	}
	wg.Wait()
	for i, cmd := range cmds {
		if !cmd.ProcessState.Success() {
			t.Fatalf("import process %d: %s", i, outs[i])
		}
	}
	checkWhole(t, st, files)
}

// TestImportProcess is the other process of TestConcurrentProcesses.
func TestImportProcess(t *testing.T) {
	dsn := os.Getenv("SCORECARD_IMPORT_HELPER")
	if dsn == "" {
		t.Skip("run by TestConcurrentProcesses")
	}
	bump, err := strconv.ParseFloat(os.Getenv("SCORECARD_IMPORT_BUMP"), 64)
	if err != nil {
		t.Fatal(err)
	}
	s, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	name := os.Getenv("SCORECARD_IMPORT_NAME")
	if _, err := s.Import(source(name), twoYears(bump)); err != nil {
		t.Fatal(err)
	}
}
