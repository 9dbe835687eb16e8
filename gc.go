package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// importHeapFloor is the heap an import may grow to before the garbage
// collector runs. Go's default collects a fresh process's heap at 4 MB,
// then each time it doubles: a cold import of a large workbook collected
// seven times, marking the same figures over and over, for a heap that
// peaks near 50 MB anyway. Letting it reach the floor first makes one or
// two collections of it; the import's peak memory stays under 100 MB
// (issue 17), the binary's own pages included.
const importHeapFloor = 48 << 20

// importHeapPerByte is about how many bytes of heap an import touches per
// byte of the file it reads, once the packages are set up: 60 for the
// large workbook, more for the demo's, 50 to 55 for tidy CSVs. Populated
// beyond what the import touches, memory is taken for nothing; short of
// it, the rest faults in a page at a time.
const importHeapPerByte = 60

// importHeapOvershoot is how far past the floor the heap of an import
// grows before the first collection has freed anything: the collector
// marks while the import goes on allocating (some 8 MB for the large
// workbook, whose heap touches 56 MB in all).
const importHeapOvershoot = 8 << 20

// importHeap is the heap an import of paths will grow to, for
// populateHeap: its largest file's, each file's heap freed before the
// next is read, and at most the floor and its overshoot, past which the
// heap is collected and its pages reused. A file that cannot be read
// counts for nothing: the import says why.
func importHeap(paths []string) uint64 {
	var largest int64
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			largest = max(largest, fi.Size())
		}
	}
	return min(uint64(largest)*importHeapPerByte, importHeapFloor+importHeapOvershoot)
}

// collectLess has the garbage collector run less often while a
// short-lived command fills a heap: none until the heap reaches floor
// bytes, and after each collection none until it reaches twice what
// was found live or floor, whichever is more. Past the floor it is Go's
// default (GOGC=100), so a workbook many times the large one uses memory
// as it did before, not a multiple of it. stop restores the collector's
// setting. Where GOGC or GOMEMLIMIT is set, the officer (or a benchmark)
// has chosen, and collectLess changes nothing.
func collectLess(floor uint64) (stop func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	t := &gcTuner{floor: floor}
	t.prev = debug.SetGCPercent(t.maxPercent())
	t.arm()
	return t.stop
}

// goMinimumHeap is the heap Go collects at least at, at GOGC=100: its
// first goal. It scales with GOGC.
const goMinimumHeap = 4 << 20

// gcTuner sets GOGC after each collection, from the heap found live.
type gcTuner struct {
	floor   uint64
	prev    int // GOGC before
	mu      sync.Mutex
	stopped bool
	sample  [1]metrics.Sample
}

// arm has tune called once the next collection has run: a new object
// is unreachable at once, and its cleanup runs after the collection
// that finds it so.
func (t *gcTuner) arm() {
	runtime.AddCleanup(new([32]byte), func(t *gcTuner) { t.tune() }, t)
}

func (t *gcTuner) tune() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return
	}
	t.sample[0].Name = "/gc/heap/live:bytes"
	metrics.Read(t.sample[:])
	percent := 100
	if s := t.sample[0].Value; s.Kind() == metrics.KindUint64 {
		if live := s.Uint64(); live < t.floor/2 {
			// The next goal is live*(1+percent/100): floor.
			percent = min(int((t.floor-live)*100/max(live, 1)), t.maxPercent())
		}
	}
	debug.SetGCPercent(percent)
	t.arm()
}

// maxPercent is the GOGC that makes Go's minimum heap the floor; more
// would make it more.
func (t *gcTuner) maxPercent() int { return int(max(100, t.floor*100/goMinimumHeap)) }

func (t *gcTuner) stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.stopped {
		t.stopped = true
		debug.SetGCPercent(t.prev)
	}
}

// exportGCPercent is the GOGC an export runs at. An export reading the
// store an indicator at a time keeps little (2 MB at first, some 10 MB
// at the end for the large case, the sheets laid out), so the heap an
// export grows past what it keeps is most of its peak: at 10 the large
// export's peak is 3 MB lower than at 30, for some 180 collections of
// its 180 MB of garbage, each of a heap of a few megabytes. Letting the
// heap reach a floor first (as an import does) cut the collections'
// time but raised the peak by 3 MB for every floor tried from 6 to 16
// MB, the pages of the early garbage staying resident.
const exportGCPercent = 10

// collectMore has the garbage collector run more often than Go's default
// while a command keeps most of its heap to the end: each time the heap
// has grown percent per cent past what the last collection found live,
// rather than 100. stop restores the collector's setting. Where GOGC or
// GOMEMLIMIT is set, the officer (or a benchmark) has chosen, and
// collectMore changes nothing.
func collectMore(percent int) (stop func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prev := debug.SetGCPercent(percent)
	return func() { debug.SetGCPercent(prev) }
}
