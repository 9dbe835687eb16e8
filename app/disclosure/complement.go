package disclosure

import (
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Next returns the shown cell to withhold, with its unit (Tie), so that
// withheld cell k is no longer pinned, -1 when nothing shown bounds k.
// Each cell is weighed as withheld with its unit. Of the shown cells in
// k's identities, smallest non-zero first (the next smallest category,
// then the total), it takes the first whose withholding leaves k a range
// at least width wide, else the one that widens it most. A cell a reader
// knows from an earlier release is never taken: withheld now, it is
// known still.
func (s *System) Next(k int, width float64) int {
	lo, hi := s.Ranges()
	return s.next(k, width, hi[k]-lo[k])
}

// next is Next given k's range's width as the system stands (Ranges),
// which its caller has worked out already.
func (s *System) next(k int, width, now float64) int {
	if c := s.widening(k, width, now, s.around(k)); c >= 0 {
		return c
	}
	// Pinned through a chain of identities (a revision's, whose cells
	// join the figures of two releases): a shown cell further along it.
	if c := s.widening(k, width, now, s.reachable(k)); c >= 0 {
		return c
	}
	// No one cell widens it: k is pinned several ways. Open the identity
	// pinning it hardest (fewest cells withheld), at its smallest non-zero
	// cell; an identity with only noughts shown to withhold comes last,
	// since withholding a nought tells a reader nothing new is hidden.
	best, fewest, nonzero := -1, 0, false
	for _, r := range s.byCel[k] {
		hidden, cand := 0, -1
		for _, t := range s.rels[r] {
			switch {
			case s.known[t.Cell]:
			case !s.shown[t.Cell]:
				hidden++
			case cand < 0 || better(s.vals[t.Cell], s.vals[cand]):
				cand = t.Cell
			}
		}
		if cand < 0 {
			continue
		}
		nz := s.vals[cand] != 0
		switch {
		case best < 0, nz && !nonzero:
		case nz != nonzero, hidden > fewest, hidden == fewest && !better(s.vals[cand], s.vals[best]):
			continue
		}
		best, fewest, nonzero = cand, hidden, nz
	}
	if best < 0 {
		// Every cell of k's identities is known from an earlier
		// release, and no one cell further along them widens k alone:
		// those of a month a later pack adds may pin it only together
		// (a rolling count's December beside the months before it,
		// each known). Where all of them withheld together would widen
		// it, the chain is opened at its smallest non-zero cell, and
		// another follows while k is pinned; where not even all would,
		// none is withheld for nothing.
		if cands := s.reachable(k); len(cands) > 0 && s.widenedByAll(k, now, cands) {
			best = cands[0]
		}
	}
	return best
}

// widenedByAll reports whether withholding every cell of cands, each
// with its unit, would leave k's range wider than now.
func (s *System) widenedByAll(k int, now float64, cands []int) bool {
	var held []int
	for _, c := range cands {
		held = s.withholdUnit(c, held)
	}
	defer s.showAgain(held)
	lo, hi, _ := s.rangesUntil(-1, nil, s.exact())
	return hi[k]-lo[k] > now+1e-9
}

// around returns the shown cells, not known from an earlier release, of
// k's identities, smallest non-zero first (better).
func (s *System) around(k int) []int {
	var cands []int
	for _, r := range s.byCel[k] {
		for _, t := range s.rels[r] {
			if s.shown[t.Cell] && !s.known[t.Cell] && !slices.Contains(cands, t.Cell) {
				cands = append(cands, t.Cell)
			}
		}
	}
	s.smallestFirst(cands)
	return cands
}

// smallestFirst orders cells smallest non-zero first (better), ties as
// they came.
func (s *System) smallestFirst(cells []int) {
	slices.SortStableFunc(cells, func(a, b int) int {
		switch {
		case better(s.vals[a], s.vals[b]):
			return -1
		case better(s.vals[b], s.vals[a]):
			return 1
		}
		return 0
	})
}

// reachable returns the shown cells, not known from an earlier release,
// of the identities joined to k's through cells a reader does not know,
// up to reachDepth identities away, beyond those around returns:
// smallest non-zero first (better).
func (s *System) reachable(k int) []int {
	seen := map[int]bool{k: true}
	near := map[int]bool{}
	for _, c := range s.around(k) {
		near[c] = true
	}
	var cands []int
	frontier := []int{k}
	for range reachDepth {
		var next []int
		for _, c := range frontier {
			for _, r := range s.byCel[c] {
				for _, t := range s.rels[r] {
					u := t.Cell
					if seen[u] {
						continue
					}
					seen[u] = true
					switch {
					case s.known[u]:
					case s.shown[u]:
						if !near[u] {
							cands = append(cands, u)
						}
					default:
						next = append(next, u)
					}
				}
			}
		}
		frontier = next
	}
	s.smallestFirst(cands)
	return cands
}

// reachDepth is how many identities away reachable looks: a revision
// joins a figure to another release's by one, and that release's
// identities to this one's by another.
const reachDepth = 4

// widening returns the cell of cands (with its unit) whose withholding
// leaves k a range at least width wide, the first that is not pinned
// itself, else the first that frees k, else the one that widens k most
// past now, its width as the system stands; -1 when none widens it.
func (s *System) widening(k int, width, now float64, cands []int) int {
	w := widener{s: s, k: k, width: width, best: -1, widest: now, enough: -1}
	// Where the system is exact, a cell withheld alongside others has a
	// range at least as wide as with it alone: so when a run of
	// candidates, withheld together, neither frees k nor widens it past
	// the widest yet, none of them alone would, and the run is passed
	// over at the cost of one weighing, not one each. A rolling count's
	// long release weighs some sixty candidates for each cell pinned,
	// most of them to no avail.
	w.exact = s.exact()
	runs := weighInRuns && len(cands) > 1 && w.exact
	if parts := s.weighingParts(len(cands), w.exact); parts > 1 {
		return w.weighInParts(cands, parts, runs)
	}
	if c, found := w.weigh(cands, runs); found {
		return c
	}
	if w.enough >= 0 {
		return w.enough
	}
	return w.best
}

// weighInRuns is whether widening passes over runs of candidates
// withheld together; a test turns it off to prove that doing so changes
// nothing.
var weighInRuns = true

// A widener weighs candidates for widening k's range (widening).
type widener struct {
	s      *System
	k      int
	width  float64
	best   int     // the candidate that widens k most, so far
	widest float64 // k's width with best withheld
	enough int     // the first that frees k but is itself pinned
	exact  bool    // the system is exact (System.exact)
	// at is each candidate's place in the list weighInParts weighs in
	// parts, and done the first place found to settle it: a part stops
	// at a later candidate, its answer moot.
	at   map[int]int
	done *atomic.Int64
}

// moot reports whether another part has found a candidate that settles
// it before c (weighInParts).
func (w *widener) moot(c int) bool { return w.done != nil && w.done.Load() < int64(w.at[c]) }

// passed reports whether k's range, lo to hi, is too narrow and no wider
// than the widest yet: propagation only narrows it further, so a
// candidate that has made it so is passed over at once.
func (w *widener) passed(lo, hi float64) bool {
	return hi-lo+w.s.floor(w.k) < w.width-1e-9 && hi-lo <= w.widest+1e-9
}

// weigh weighs cands in order, reporting the first that frees k and is
// not pinned itself; in runs (widening) where runs is true.
func (w *widener) weigh(cands []int, runs bool) (int, bool) {
	s := w.s
	if len(cands) > 0 && w.moot(cands[0]) {
		return -1, false
	}
	if runs && len(cands) > 1 {
		var held []int
		for _, c := range cands {
			held = s.withholdUnit(c, held)
		}
		_, _, stopped := s.rangesUntil(w.k, w.passed, w.exact)
		s.showAgain(held)
		if stopped {
			return -1, false
		}
		mid := len(cands) / 2
		if c, found := w.weigh(cands[:mid], true); found {
			return c, true
		}
		return w.weigh(cands[mid:], true)
	}
	for _, c := range cands {
		if w.moot(c) {
			return -1, false
		}
		// A cell is withheld with its unit (Tie), so it is weighed so.
		unit := s.withholdUnit(c, nil)
		lo, hi, stopped := s.rangesUntil(w.k, w.passed, w.exact)
		s.showAgain(unit)
		if stopped {
			continue
		}
		if s.Wide(w.k, lo, hi, w.width) {
			// Best of all a cell that, withheld, is not pinned itself
			// (a total shown again in another table would be), nor is
			// any withheld with it.
			free := true
			for _, u := range unit {
				free = free && (s.Wide(u, lo, hi, w.width) || math.IsNaN(s.vals[u]))
			}
			if free {
				return c, true
			}
			if w.enough < 0 {
				w.enough = c
			}
			continue
		}
		if x := hi[w.k] - lo[w.k]; x > w.widest+1e-9 {
			w.best, w.widest = c, x
		}
	}
	return -1, false
}

// withholdUnit withholds the shown cells of c's unit (Tie), appending
// them to held.
func (s *System) withholdUnit(c int, held []int) []int {
	for _, u := range s.Unit(c) {
		if s.shown[u] {
			held = append(held, u)
			s.shown[u] = false
		}
	}
	return held
}

// showAgain shows the cells withholdUnit withheld.
func (s *System) showAgain(held []int) {
	for _, u := range held {
		s.shown[u] = true
	}
}

// exact reports whether propagation's arithmetic is exact in s, so that
// the ranges it ends with are the greatest box the identities leave (the
// one and only, however reached, within the cap on rounds) and so are at
// least as wide with more withheld: every value shown or known a whole
// number (a count, a change in one), and every identity's coefficients 1
// or -1, so that every bound is a whole number or infinite, every sum of
// them exact, and every bound moved moves by at least 1, never within the
// tolerance.
func (s *System) exact() bool {
	for i, v := range s.vals {
		if s.fixed(i) && (v != math.Trunc(v) || math.Abs(v) > 1<<50) {
			return false // NaN and infinite values too
		}
	}
	for _, r := range s.rels {
		for _, t := range r {
			if t.Coef != 1 && t.Coef != -1 {
				return false
			}
		}
	}
	return true
}

// weighInParallel is whether widening weighs a long list of candidates
// in parts at once (weighInParts); a test turns it off to prove that
// doing so changes nothing.
var weighInParallel = true

// weighers is how many parts at most widening weighs candidates in at
// once: one a processor, up to four, since a part after one that finds
// its candidate early has worked for nothing.
var weighers = min(runtime.GOMAXPROCS(0), 4)

// weighingParts is how many parts widening weighs n candidates in. Each
// part weighs on a copy of what a weighing changes (System.twin), so
// parts pay only where weighings are long: an exact system of a rolling
// count's long history, where one weighing propagates over thousands of
// identities and a figure pinned has some sixty candidates. A small
// system weighs its candidates in microseconds, less than the copies.
func (s *System) weighingParts(n int, exact bool) int {
	if !weighInParallel || !exact || len(s.rels) < minParallelRelations {
		return 1
	}
	return min(weighers, n)
}

// minParallelRelations is the fewest identities a system has for
// widening to weigh its candidates in parts.
const minParallelRelations = 1024

// weighInParts is weigh over cands dealt into parts in turn (the
// first, the second, ... the first again), weighed at once, each on its
// own copy of the system but the first, and widening's answer from
// theirs: the same as weighing them all in turn. The candidate found
// earliest in the list to free k and not be pinned itself is the answer;
// a part stops at a candidate after one found so. Else the earliest that
// frees k but is pinned, as in turn; else the one that widens k most,
// the earliest of those as wide, since a part's best is the earliest of
// its widest. A part that starts from k's width now, not the widest
// another found, weighs some candidates fully that in turn would be
// passed over (passed), but takes none of them: each is no wider than
// that other's best. Exact systems only, where widths are whole numbers
// and the tolerance of 1e-9 never joins two.
func (w widener) weighInParts(cands []int, parts int, runs bool) int {
	s := w.s
	// Units are worked out (and ties' paths shortened) before the parts
	// read them at once.
	at := make(map[int]int, len(cands))
	for i, c := range cands {
		s.Unit(c)
		at[c] = i
	}
	var done atomic.Int64
	done.Store(int64(len(cands)))
	ws := make([]widener, parts)
	dealt := make([][]int, parts)
	for i, c := range cands {
		dealt[i%parts] = append(dealt[i%parts], c)
	}
	for p := range ws {
		ws[p] = w
		ws[p].at, ws[p].done = at, &done
		if p > 0 {
			// Copied before any part weighs: the first part weighs on s.
			ws[p].s = s.twin(p - 1)
		}
	}
	first := func(c int, cur int) int {
		if c >= 0 && (cur < 0 || at[c] < at[cur]) {
			return c
		}
		return cur
	}
	found := make([]int, parts)
	var wg sync.WaitGroup
	for p := range ws {
		wg.Go(func() {
			c, ok := ws[p].weigh(dealt[p], runs)
			found[p] = -1
			if ok {
				found[p] = c
				lowerTo(&done, int64(at[c]))
			}
		})
	}
	wg.Wait()
	answer := -1
	for _, c := range found {
		answer = first(c, answer)
	}
	if answer >= 0 {
		return answer
	}
	for _, pw := range ws {
		answer = first(pw.enough, answer)
	}
	if answer >= 0 {
		return answer
	}
	// Widths are whole numbers here (or infinite): compared exactly.
	best, widest := -1, w.widest
	for _, pw := range ws {
		if pw.best >= 0 && (pw.widest > widest || pw.widest == widest && best >= 0 && at[pw.best] < at[best]) {
			best, widest = pw.best, pw.widest
		}
	}
	return best
}

// lowerTo sets v to x if x is less.
func lowerTo(v *atomic.Int64, x int64) {
	for old := v.Load(); x < old && !v.CompareAndSwap(old, x); old = v.Load() {
	}
}

// twin returns the i'th copy of s for weighing candidates beside it
// (weighInParts): its own cells shown, ties and worklist, the rest
// shared and only read. The copies are kept for the next weighing.
func (s *System) twin(i int) *System {
	for len(s.twins) <= i {
		s.twins = append(s.twins, &System{})
	}
	t := s.twins[i]
	shown, tie, queue, queued := t.shown, t.tie, t.queue, t.queued
	*t = *s
	t.twins = nil
	t.shown = append(shown[:0], s.shown...)
	t.tie = append(tie[:0], s.tie...)
	t.queue, t.queued = queue[:0], queued[:0]
	return t
}
