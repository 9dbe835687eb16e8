package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"

	"scorecard/app/heap"
)

// importHeapFloor is the heap an import may grow to before the garbage
// collector runs. Go's default collects a fresh process's heap at 4 MB,
// then each time it doubles: a cold import of a large workbook collected
// seven times, marking the same figures over and over, for a heap that
// peaks near 50 MB anyway. Letting it reach the floor first makes one or
// two collections of it; the import's peak memory stays under 100 MB
// (issue 17), the binary's own pages included.
const importHeapFloor = 48 << 20

// collectLess has the garbage collector run less often while a
// short-lived command fills a heap: none until the heap reaches floor
// bytes, and after each collection none until it reaches twice what
// was found live or floor, whichever is more. Past the floor it is Go's
// default (GOGC=100), so a workbook many times the large one uses memory
// as it did before, not a multiple of it. stop restores the collector's
// setting. Where GOGC or GOMEMLIMIT is set, the officer (or a benchmark)
// has chosen, and collectLess changes nothing.
func collectLess(floor uint64) (stop func()) { return collectFrom(floor, 100).stop }

// collectFrom is collectLess growing the heap percent per cent past what
// was found live, not Go's 100, once that is past the floor. The tuner
// it returns stops it, or drops the floor (dropFloor). Where GOGC or
// GOMEMLIMIT is set, it changes nothing.
func collectFrom(floor uint64, percent int) *gcTuner {
	t := &gcTuner{floor: floor, past: percent}
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.stopped = true
		return t
	}
	heap.SetUp() // nothing between allocates: no collection at Go's pace
	t.prev = debug.SetGCPercent(t.maxPercent())
	t.arm()
	return t
}

// goMinimumHeap is the heap Go collects at least at, at GOGC=100: its
// first goal. It scales with GOGC.
const goMinimumHeap = 4 << 20

// gcTuner sets GOGC after each collection, from the heap found live.
type gcTuner struct {
	floor   uint64
	past    int // GOGC once the heap found live is past the floor
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
	percent := t.past
	if s := t.sample[0].Value; s.Kind() == metrics.KindUint64 {
		if live := s.Uint64(); live+live*uint64(t.past)/100 < t.floor {
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

// dropFloor has the heap grow percent past what was found live from
// now on, however little that is: a command that has done with what it
// made below the floor goes on in a heap sized to what it keeps.
func (t *gcTuner) dropFloor() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.stopped {
		t.floor = 0
		debug.SetGCPercent(t.past)
	}
}

func (t *gcTuner) stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.stopped {
		t.stopped = true
		debug.SetGCPercent(t.prev)
	}
}

// exportGCPercent is the GOGC an export runs at past exportHeapFloor,
// and once it has read the figures. An export reading the store an
// indicator at a time keeps little (2 MB at first, some 8 MB at the end
// for the large case, the sheets laid out), so the heap an export grows
// past what it keeps is most of its peak: at 10 the large export's peak
// is 3 MB lower than at 30, and 1.4 MB lower than at 20.
const exportGCPercent = 10

// exportHeapFloor is the heap an export reading the store an indicator
// at a time (exportFrom) lets grow before collecting, while it reads the
// figures. At GOGC=10 alone the large export collected its 250 MB of
// garbage 280 times, each marking the figures kept and the disclosure
// reader's, for 40% of its processor time. Reading keeps 3 to 5 MB and
// laying the sheets out up to 8 MB, so a floor of 8 MB while reading,
// dropped once read (gcTuner.dropFloor), leaves the peak where laying
// out puts it: the large export collects some 120 times, not 280, for a
// fifth less processor time. Kept to the end, the floor raised the peak
// by 1 MB; a floor of 10 MB raised it by 1 to 2 MB, dropped or not.
const exportHeapFloor = 8 << 20

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
	heap.SetUp()
	prev := debug.SetGCPercent(percent)
	return func() { debug.SetGCPercent(prev) }
}
