package importer

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// workers call a function for each of a run of indexes in the
// background, as many at once as there are processors. Every goroutine
// of an import is one of them, so that a panic in one is raised again on
// the goroutine that waits for them, where Read recovers it: no input
// may bring the app down.
type workers struct {
	wg       sync.WaitGroup
	mu       sync.Mutex
	panicked any // the first panic recovered, raised again by wait
}

// startWorkers calls fn(0) to fn(n-1) in the background, taking them in
// order; wait waits for them.
func startWorkers(n int, fn func(i int)) *workers {
	w := &workers{}
	var next atomic.Int64
	for range min(runtime.GOMAXPROCS(0), n) {
		w.wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				w.call(fn, i)
			}
		})
	}
	return w
}

// call calls fn(i), recovering a panic for wait to raise again.
func (w *workers) call(fn func(i int), i int) {
	defer func() {
		if v := recover(); v != nil {
			debugPanic()
			w.mu.Lock()
			if w.panicked == nil {
				w.panicked = v
			}
			w.mu.Unlock()
		}
	}()
	fn(i)
}

// wait returns once every call has returned, each made even if another
// panicked. A panic in a call is raised again here, the first if there
// were several, for Read to recover.
func (w *workers) wait() {
	w.wg.Wait()
	if w.panicked != nil {
		panic(w.panicked)
	}
}

// abandon returns once every call has returned, discarding any panic:
// for work whose results are no longer wanted.
func (w *workers) abandon() { w.wg.Wait() }

// inParallel calls fn(0) to fn(n-1), as many at once as there are
// processors, and returns once all have returned. A panic in fn is
// raised again in the caller, for Read to recover.
func inParallel(n int, fn func(i int)) { startWorkers(n, fn).wait() }
