package importer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"scorecard/app"
)

// TestInParallelRaisesPanic checks that a panic in a worker is raised
// again on the caller's goroutine, where Read can recover it, rather
// than ending the process, and that the other calls are still made.
func TestInParallelRaisesPanic(t *testing.T) {
	for _, tc := range []struct {
		name   string
		n      int
		panics []int // the calls that panic
	}{
		{"none", 10, nil},
		{"nothing to do", 0, nil},
		{"the first", 10, []int{0}},
		{"the last", 10, []int{9}},
		{"several", 50, []int{3, 17, 18, 49}},
		{"every one", 8, []int{0, 1, 2, 3, 4, 5, 6, 7}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int64
			got := func() (v any) {
				defer func() { v = recover() }()
				inParallel(tc.n, func(i int) {
					calls.Add(1)
					for _, p := range tc.panics {
						if i == p {
							panic(fmt.Sprint("call ", i))
						}
					}
				})
				return nil
			}()
			if n := calls.Load(); n != int64(tc.n) {
				t.Errorf("%d calls made, want %d", n, tc.n)
			}
			if len(tc.panics) == 0 {
				if got != nil {
					t.Errorf("panicked with %v, want no panic", got)
				}
				return
			}
			s, _ := got.(string)
			ok := false
			for _, p := range tc.panics {
				ok = ok || s == fmt.Sprint("call ", p)
			}
			if !ok {
				t.Errorf("panicked with %v, want one of the calls' panics %v", got, tc.panics)
			}
		})
	}
}

// TestDatasetRaisesPanic checks that a panic in the workers finishing an
// import (making the observations, checking the district sums) reaches
// the caller rather than ending the process. A collector whose figures
// name a sheet it does not have stands in for a bug.
func TestDatasetRaisesPanic(t *testing.T) {
	c := newCollector("broken.xlsx")
	l := newSheetLog("broken.xlsx", "Scorecard")
	v := 12.5
	l.observe(&app.Observation{Ref: "CIC01", Area: app.Kent, Period: app.MonthOf(2025, 3), Value: &v}, 4, 5)
	c.replay(l)
	c.sheets = nil
	defer func() {
		if recover() == nil {
			t.Error("dataset returned, want the workers' panic")
		}
	}()
	c.dataset()
}

// TestReadRecoversWorkerPanic checks that Read turns a panic in a
// worker into an error naming the file, as it does one on its own
// goroutine.
func TestReadRecoversWorkerPanic(t *testing.T) {
	path := filepath.Join(t.TempDir(), "panics.csv")
	if err := os.WriteFile(path, []byte("Ref,Period,Value\nCIC01,2025-03,1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	saved := Formats
	t.Cleanup(func() { Formats = saved })
	Formats = []Format{{
		Name:   "panics in a worker",
		Detect: func(*Sample) bool { return true },
		Read: func(context.Context, *Sample, Options) (*Result, error) {
			inParallel(4, func(i int) {
				if i == 2 {
					panic("a bug")
				}
			})
			return nil, errors.New("the panic was not raised")
		},
	}}
	res, err := Read(context.Background(), path, Options{})
	var se *app.SourceError
	if res != nil || !errors.As(err, &se) || se.File != "panics.csv" || !strings.Contains(err.Error(), "internal error: a bug") {
		t.Fatalf("Read = %v, %v; want an internal error naming panics.csv", res, err)
	}
}
