package disclosure

import (
	"math"
	"slices"
)

// A System is what a reader of a release knows about its withheld
// figures: the figures shown, the identities that hold among all of them
// (a total is the sum of its parts; all children are a cohort plus the
// rest; the districts and the columns beside them make up the county),
// and that no count is negative. Ranges works out, from that alone, how
// far each withheld figure could be from nought to as much as the
// identities allow.
type System struct {
	vals   []float64 // each cell's true value
	shown  []bool
	signed []bool // may be negative (a change), so not bounded below by nought
	rels   [][]Term
	byCel  [][]int // the relations each cell is in
	// known says a reader knows a cell's value from an earlier release,
	// whatever this one shows (Know); counted, that a cell is a count
	// printed as c when withheld (Counted).
	known, counted []bool
	// aux marks cells of no figure that only join identities (Aux): a
	// reader works them out as any other, but nothing is printed of them
	// to protect.
	aux []bool
	// tie joins cells that are withheld together (union-find parents): a
	// figure's counts, and two figures an identity says are equal (a
	// district's figure excluding a cohort that is its own), since one
	// shown beside the other withheld gives it away.
	tie []int
	// terms holds the terms of the identities Sum records, one after
	// another: a system is built for every group of a release, and most
	// of its identities are sums.
	terms []Term
	// queue and queued are Ranges' worklist of identities, kept for the
	// next call: a release weighs thousands of candidates a group.
	queue  []int
	queued []bool
	// units are the cells of each unit of more than one (Tie), by root,
	// worked out when first asked for after a change (Unit): a release
	// asks for the unit of each candidate it weighs.
	units map[int][]int
	// twins are copies of the system that weigh candidates beside it
	// (twin).
	twins []*System
}

// reset empties s for the cells of another group, keeping the room its
// lists have grown to: a release builds a system for each group of
// periods of every indicator, hundreds for a long history.
func (s *System) reset() {
	s.vals, s.shown, s.signed = s.vals[:0], s.shown[:0], s.signed[:0]
	s.known, s.counted, s.tie, s.aux = s.known[:0], s.counted[:0], s.tie[:0], s.aux[:0]
	s.rels, s.byCel, s.terms = s.rels[:0], s.byCel[:0], s.terms[:0]
	s.units = nil
}

// A Term is coef times cell in an identity Σ terms = 0.
type Term struct {
	Cell int
	Coef float64
}

// Add adds a cell with its true value, shown or withheld, and returns its
// index. A withheld cell's value may be NaN: unknown.
func (s *System) Add(v float64, shown bool) int {
	s.vals = append(s.vals, v)
	s.shown = append(s.shown, shown)
	s.signed = append(s.signed, false)
	s.known = append(s.known, false)
	s.counted = append(s.counted, false)
	s.aux = append(s.aux, false)
	if n := len(s.byCel); n < cap(s.byCel) {
		s.byCel = s.byCel[:n+1] // a list of a system before reset
		s.byCel[n] = s.byCel[n][:0]
	} else {
		s.byCel = append(s.byCel, nil)
	}
	s.tie = append(s.tie, len(s.vals)-1)
	s.units = nil
	return len(s.vals) - 1
}

// Tie says cells a and b are withheld together: Next weighs withholding
// one as withholding both, so that the cell it chooses frees a pinned
// cell through every identity at once, not through one while the cell's
// twin keeps it pinned through another.
func (s *System) Tie(a, b int) {
	if ra, rb := s.root(a), s.root(b); ra != rb {
		s.tie[ra] = rb
		s.units = nil
	}
}

func (s *System) root(i int) int {
	for s.tie[i] != i {
		s.tie[i] = s.tie[s.tie[i]]
		i = s.tie[i]
	}
	return i
}

// Unit returns the cells withheld with cell i (Tie), i among them, in
// order; the caller must not change it.
func (s *System) Unit(i int) []int {
	if s.units == nil {
		s.units = map[int][]int{}
		for j := range s.vals {
			r := s.root(j)
			s.units[r] = append(s.units[r], j)
		}
		for r, u := range s.units {
			if len(u) == 1 {
				delete(s.units, r) // a cell alone: Unit makes its own
			}
		}
	}
	if u, ok := s.units[s.root(i)]; ok {
		return u
	}
	return []int{i}
}

// Signed says cell i may be negative, as a change may.
func (s *System) Signed(i int) { s.signed[i] = true }

// Know says a reader knows cell i's value whatever this release shows:
// an earlier release circulated it (QA31 1). It bounds the cells it is
// related to as a shown cell does, and is never proposed for withholding,
// which would hide nothing.
func (s *System) Know(i int) { s.known[i] = true }

// fixed reports whether a reader knows cell i's value.
func (s *System) fixed(i int) bool { return s.shown[i] || s.known[i] }

// Aux says cell i is no figure, only a quantity identities join (a
// figure's revision, its earlier value less its value now): its range is
// worked out, and tells of the figures it joins, but it is never itself
// protected.
func (s *System) Aux(i int) { s.aux[i] = true }

// Auxiliary reports whether cell i is such a cell (Aux).
func (s *System) Auxiliary(i int) bool { return s.aux[i] }

// Counted says cell i is a count of children printed as c when withheld,
// beside noughts printed as 0: a reader takes it for at least one child.
func (s *System) Counted(i int) { s.counted[i] = true }

// floor is the least a reader knows withheld cell i is: noughts are
// shown, so a count printed as c that is not nought is at least one
// child. A reader taking every c for at least 1 is right about each that
// is, and five c's beside noughts summing to a county's 6 are each 1 or 2
// (QA31 2); a nought withheld (a complement) is only known to be at least
// 0, and so is what is never printed (a month's own count between two
// years to date, the children outside a proportion's numerator) or
// printed as c whatever it is (a proportion's numerator: 0 of 3 is c).
func (s *System) floor(i int) float64 {
	if !s.counted[i] || s.signed[i] || !(s.vals[i] >= 1) {
		return 0
	}
	return 1
}

// Wide reports whether cell i's range, lo[i] to hi[i] (Ranges), is at
// least width wide counted from nought: a count known to be at least one
// child ranges over one value fewer than one that may be nought, so 1 to
// 4 is as wide as 0 to 4, the threshold's 1 to 4 children either way.
func (s *System) Wide(i int, lo, hi []float64, width float64) bool {
	return hi[i]-lo[i]+s.floor(i) >= width-1e-9
}

// Len is the number of cells.
func (s *System) Len() int { return len(s.vals) }

// Value returns cell i's true value.
func (s *System) Value(i int) float64 { return s.vals[i] }

// Shown reports whether cell i is published.
func (s *System) Shown(i int) bool { return s.shown[i] }

// Withhold marks cell i as not published.
func (s *System) Withhold(i int) { s.shown[i] = false }

// Relate records the identity Σ terms = 0 if it holds on the true values
// (a reader can only use what is true), reporting whether it did. A cell
// whose true value is unknown (NaN: the source withheld it) takes the
// value the identity gives it, when it is the only such cell: a reader
// would work it out so.
func (s *System) Relate(terms ...Term) bool {
	if len(terms) < 2 {
		return false
	}
	sum, scale := 0.0, 1.0
	unknown := -1
	for i, t := range terms {
		v := s.vals[t.Cell]
		if math.IsNaN(v) {
			if unknown >= 0 {
				return false
			}
			unknown = i
			continue
		}
		sum += t.Coef * v
		scale = max(scale, math.Abs(t.Coef*v))
	}
	if unknown >= 0 {
		s.vals[terms[unknown].Cell] = -sum / terms[unknown].Coef
	} else if math.Abs(sum) > 1e-9*scale {
		return false
	}
	n := len(s.rels)
	s.rels = append(s.rels, terms)
	for _, t := range terms {
		if !slices.Contains(s.byCel[t.Cell], n) {
			s.byCel[t.Cell] = append(s.byCel[t.Cell], n)
		}
	}
	return true
}

// Sum records total = Σ parts if it holds.
func (s *System) Sum(total int, parts ...int) bool {
	from := len(s.terms)
	s.terms = append(s.terms, Term{total, -1})
	for _, p := range parts {
		s.terms = append(s.terms, Term{p, 1})
	}
	// Capped, the identity's terms are never overwritten by the next's.
	if !s.Relate(s.terms[from:len(s.terms):len(s.terms)]...) {
		s.terms = s.terms[:from]
		return false
	}
	return true
}

// Relations returns the identities cell i is in.
func (s *System) Relations(i int) [][]Term {
	var out [][]Term
	for _, r := range s.byCel[i] {
		out = append(out, s.rels[r])
	}
	return out
}

// Ranges returns, for every cell, the least and greatest value a reader
// can work out it has: a shown (or known) cell's own value, a withheld
// cell's range by interval propagation through the identities from
// [floor, +Inf), floor 1 for a count printed as c that is not nought
// (floor). The
// ranges are never narrower than the exact ones (a linear program would
// give), so a range found too narrow is too narrow.
func (s *System) Ranges() (lo, hi []float64) {
	lo, hi, _ = s.rangesUntil(-1, nil, s.exact())
	return lo, hi
}

// rangesUntil is Ranges stopping early, with stopped true, once settled
// reports true of watch's range: propagation only narrows a range, so a
// caller asking whether a cell's range ends up too narrow has its answer
// as soon as it is (widening weighs hundreds of candidates for a rolling
// count's long release, most of them soon found to leave the cell
// pinned). exact says the system is exact (System.exact), as it stays
// with more withheld: each identity's parts are then summed once, not
// once for each of its terms, to the same bounds.
func (s *System) rangesUntil(watch int, settled func(lo, hi float64) bool, exact bool) (lo, hi []float64, stopped bool) {
	n := len(s.vals)
	lo, hi = make([]float64, n), make([]float64, n)
	for i := range n {
		if s.fixed(i) {
			lo[i], hi[i] = s.vals[i], s.vals[i]
		} else if s.signed[i] {
			lo[i], hi[i] = math.Inf(-1), math.Inf(1)
		} else {
			lo[i], hi[i] = s.floor(i), math.Inf(1)
		}
	}
	// Relations are tightened until none tightens a bound: at first
	// each, then only those of a cell whose bound moved, since the
	// others would tighten nothing more (a pass over every relation
	// each time a bound moved was a rolling count's long release's
	// minutes). The cap, 200 rounds of every relation, guards against
	// slow convergence towards a limit.
	queued := s.queued[:0]
	for range s.rels {
		queued = append(queued, true)
	}
	queue := s.queue[:0]
	for r := range s.rels {
		queue = append(queue, r)
	}
	defer func() { s.queued, s.queue = queued[:0], queue[:0] }()
	for head, budget := 0, 200*len(s.rels); head < len(queue) && budget > 0; budget-- {
		ri := queue[head]
		head++
		queued[ri] = false
		r := s.rels[ri]
		var sum partSums // summed when first needed, and again after a move
		summed := false
		for _, t := range r {
			k := t.Cell
			if s.fixed(k) {
				continue
			}
			if exact && sumOnce && !summed {
				sum.of(r, lo, hi)
				summed = true
			}
			// coef_k x_k = -Σ_{j≠k} coef_j x_j
			var rlo, rhi float64
			if summed && sum.whole {
				rlo, rhi = sum.others(t, lo, hi)
			} else {
				for _, u := range r {
					if u.Cell == k {
						continue
					}
					a, b := part(u, lo, hi)
					rlo, rhi = addInf(rlo, a), addInf(rhi, b)
				}
			}
			nlo, nhi := rlo/t.Coef, rhi/t.Coef
			if nlo > nhi {
				nlo, nhi = nhi, nlo
			}
			moved := false
			if nlo > lo[k]+1e-9 {
				lo[k], moved = nlo, true
			}
			if nhi < hi[k]-1e-9 {
				hi[k], moved = nhi, true
			}
			if !moved {
				continue
			}
			if k == watch && settled(lo[k], hi[k]) {
				return lo, hi, true
			}
			summed = false // the later terms see k's new bounds
			for _, other := range s.byCel[k] {
				if other != ri && !queued[other] {
					queued[other] = true
					queue = append(queue, other)
				}
			}
		}
		if head > len(queue)/2 && head > 1024 {
			// The queue's head is consumed: its room is used again.
			queue = queue[:copy(queue, queue[head:])]
			head = 0
		}
	}
	return lo, hi, false
}

// part is term t's part of the bounds an identity gives its other
// terms: -coef x_t over x_t's range, least first.
func part(t Term, lo, hi []float64) (a, b float64) {
	a, b = -t.Coef*lo[t.Cell], -t.Coef*hi[t.Cell]
	if a > b {
		a, b = b, a
	}
	return a, b
}

// sumOnce is whether an exact system's propagation sums each identity's
// parts once (partSums); a test turns it off to prove that doing so
// changes nothing.
var sumOnce = true

// partSums are an identity's parts (part) summed once, so that each
// term's bounds from the others are the sums less its own part: one
// subtraction, not a sum over the others, which for a rolling count's
// twelve months is twelve times the work. In an exact system (exact)
// every bound is a whole number or infinite, a lower part never +Inf
// nor an upper one -Inf (coefficients of 1 and -1, lower bounds below
// upper ones), so while the parts' magnitudes sum below 2^52 every sum
// is exact and the sums less a part are, to the bit, the others' own
// sums term by term (addInf's): whole is then true.
type partSums struct {
	lo, hi       float64 // Σ finite parts, lower and upper
	infLo, infHi int     // parts -Inf (lower) and +Inf (upper)
	whole        bool
}

func (p *partSums) of(r []Term, lo, hi []float64) {
	*p = partSums{}
	mag := 0.0
	for _, t := range r {
		a, b := part(t, lo, hi)
		if math.IsInf(a, -1) {
			p.infLo++
		} else {
			p.lo += a
			mag += math.Abs(a)
		}
		if math.IsInf(b, 1) {
			p.infHi++
		} else {
			p.hi += b
			mag += math.Abs(b)
		}
	}
	p.whole = mag < 1<<52
}

// others returns the bounds the terms of the identity other than t give,
// as the sums of their parts.
func (p *partSums) others(t Term, lo, hi []float64) (rlo, rhi float64) {
	a, b := part(t, lo, hi)
	switch ownInf := math.IsInf(a, -1); {
	case p.infLo > 1 || p.infLo == 1 && !ownInf:
		rlo = math.Inf(-1)
	case ownInf:
		rlo = p.lo
	default:
		rlo = p.lo - a
	}
	switch ownInf := math.IsInf(b, 1); {
	case p.infHi > 1 || p.infHi == 1 && !ownInf:
		rhi = math.Inf(1)
	case ownInf:
		rhi = p.hi
	default:
		rhi = p.hi - b
	}
	return rlo, rhi
}

// addInf adds, taking -Inf + Inf (an unbounded side) as unbounded in the
// direction being computed: callers add lower bounds to lower bounds and
// upper to upper, so the sum of an infinite and a finite term is the
// infinite one.
func addInf(a, b float64) float64 {
	if math.Abs(a) > math.MaxFloat64 { // infinite, as math.IsInf(a, 0) is, in one test
		return a
	}
	return a + b
}

// Narrow returns the withheld cells whose range is narrower than width
// (Wide), among those check reports true for; a cell a reader knows from
// an earlier release is beyond protecting.
func (s *System) Narrow(width float64, check func(int) bool) []int {
	lo, hi := s.Ranges()
	var out []int
	for i := range s.vals {
		if !s.fixed(i) && !s.aux[i] && !math.IsNaN(s.vals[i]) && check(i) && !s.Wide(i, lo, hi, width) {
			out = append(out, i)
		}
	}
	return out
}
