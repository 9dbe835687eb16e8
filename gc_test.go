package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// gcPercent is the collector's GOGC setting now.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// tunedAfterCollection runs a collection and returns GOGC once the
// tuner has set it from the heap that collection found live, waiting up
// to a few seconds for a setting ok accepts: the tuner runs as a cleanup,
// on the runtime's cleanup goroutine, some time after the collection
// (the test once read GOGC before it ran, failing one run in six).
func tunedAfterCollection(ok func(int) bool) int {
	runtime.GC()
	runtime.GC() // the first collection's cleanup tunes; the second's sees it
	p := gcPercent()
	for deadline := time.Now().Add(5 * time.Second); !ok(p) && time.Now().Before(deadline); p = gcPercent() {
		time.Sleep(time.Millisecond)
	}
	return p
}

// churn allocates n bytes of garbage in 64 KB pieces.
func churn(n int) {
	var keep []byte
	for range n >> 16 {
		keep = make([]byte, 64<<10)
		keep[0] = 1
	}
	runtime.KeepAlive(keep)
}

func TestCollectLess(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	os.Unsetenv("GOGC")
	os.Unsetenv("GOMEMLIMIT")
	before := gcPercent()
	const floor = 64 << 20

	// Below the floor, garbage is not collected at all; Go's default
	// collects it every few megabytes.
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	n := m.NumGC
	stop := collectLess(floor)
	churn(24 << 20)
	runtime.ReadMemStats(&m)
	if got := m.NumGC - n; got > 0 {
		t.Errorf("24 MB of garbage under a %d MB floor: %d collections, want none", floor>>20, got)
	}

	// Past the floor, the heap found live sets the next goal: twice it
	// (Go's default) once that is beyond the floor.
	live := make([][]byte, 0, 64)
	for range 48 {
		live = append(live, make([]byte, 1<<20))
	}
	if got := tunedAfterCollection(func(p int) bool { return p == 100 }); got != 100 {
		t.Errorf("GOGC with 48 MB live under a 64 MB floor: %d, want 100", got)
	}
	clear(live[4:])
	live = live[:4]
	if got := tunedAfterCollection(func(p int) bool { return p > 300 && p <= 1600 }); got <= 300 || got > 1600 {
		t.Errorf("GOGC with about 4 MB live under a 64 MB floor: %d, want over 300 and at most 1600 (a minimum heap of 64 MB)", got)
	}
	runtime.KeepAlive(live)

	stop()
	if got := gcPercent(); got != before {
		t.Errorf("GOGC after stop: %d, want %d as before", got, before)
	}
	runtime.GC()
	runtime.GC()
	if got := gcPercent(); got != before {
		t.Errorf("GOGC after stop and a collection: %d, want %d as before", got, before)
	}

	// A GOGC the officer set is left alone.
	t.Setenv("GOGC", "100")
	stop = collectLess(floor)
	if got := gcPercent(); got != before {
		t.Errorf("GOGC set in the environment: collectLess changed it to %d", got)
	}
	stop()
}

func TestCollectMore(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	os.Unsetenv("GOGC")
	os.Unsetenv("GOMEMLIMIT")
	before := gcPercent()

	// The heap grows by percent past what was live, not by Go's 100: with
	// 32 MB live, 24 MB of garbage is collected at least once at 30 and
	// not at all at 100.
	live := make([][]byte, 0, 32)
	for range 32 {
		live = append(live, make([]byte, 1<<20))
	}
	for _, percent := range []int{100, exportGCPercent} {
		stop := func() {}
		if percent != 100 {
			stop = collectMore(percent)
		}
		if got := gcPercent(); got != percent {
			t.Errorf("GOGC under collectMore(%d): %d", percent, got)
		}
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		n := m.NumGC
		churn(24 << 20)
		runtime.ReadMemStats(&m)
		got := m.NumGC - n
		if percent == 100 && got != 0 || percent != 100 && got == 0 {
			t.Errorf("24 MB of garbage beside 32 MB live at GOGC %d: %d collections", percent, got)
		}
		stop()
	}
	runtime.KeepAlive(live)
	if got := gcPercent(); got != before {
		t.Errorf("GOGC after stop: %d, want %d as before", got, before)
	}

	// A GOGC or memory limit the officer set is left alone.
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Setenv(env, "100")
		stop := collectMore(exportGCPercent)
		if got := gcPercent(); got != before {
			t.Errorf("%s set in the environment: collectMore changed GOGC to %d", env, got)
		}
		stop()
		os.Unsetenv(env)
	}
}

// TestCollectFrom holds an export's collector setting: no collection
// below the floor, the heap growing percent past what was live once that
// is past it, and, the floor dropped, percent however little is live.
func TestCollectFrom(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	os.Unsetenv("GOGC")
	os.Unsetenv("GOMEMLIMIT")
	before := gcPercent()
	const floor, percent = 64 << 20, 10

	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	n := m.NumGC
	gc := collectFrom(floor, percent)
	churn(24 << 20)
	runtime.ReadMemStats(&m)
	if got := m.NumGC - n; got > 0 {
		t.Errorf("24 MB of garbage under a %d MB floor: %d collections, want none", floor>>20, got)
	}

	// Past the floor, percent: 60 MB live is past it at 10, though
	// under it at Go's 100 it would be far under twice.
	live := make([][]byte, 0, 64)
	for range 60 {
		live = append(live, make([]byte, 1<<20))
	}
	if got := tunedAfterCollection(func(p int) bool { return p == percent }); got != percent {
		t.Errorf("GOGC with 60 MB live under a 64 MB floor at %d%%: %d, want %d", percent, got, percent)
	}
	clear(live[4:])
	live = live[:4]
	if got := tunedAfterCollection(func(p int) bool { return p > 300 }); got <= 300 {
		t.Errorf("GOGC with about 4 MB live under a 64 MB floor: %d, want over 300", got)
	}

	// The floor dropped, percent however little is live.
	gc.dropFloor()
	if got := gcPercent(); got != percent {
		t.Errorf("GOGC once the floor is dropped: %d, want %d", got, percent)
	}
	if got := tunedAfterCollection(func(p int) bool { return p == percent }); got != percent {
		t.Errorf("GOGC with 4 MB live once the floor is dropped: %d, want %d", got, percent)
	}
	runtime.KeepAlive(live)

	gc.stop()
	gc.dropFloor() // stopped: changes nothing
	if got := gcPercent(); got != before {
		t.Errorf("GOGC after stop: %d, want %d as before", got, before)
	}

	// A GOGC the officer set is left alone, the floor dropped or not.
	t.Setenv("GOGC", "100")
	gc = collectFrom(floor, percent)
	gc.dropFloor()
	if got := gcPercent(); got != before {
		t.Errorf("GOGC set in the environment: collectFrom changed it to %d", got)
	}
	gc.stop()
}
