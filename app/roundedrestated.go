package app

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// RoundedRestatements warns, once for the file, of the figures of ds
// that restate the store's only to the places they are given
// (SameToPlaces): next month's workbook whose history cells were rounded
// to what they show gives 95.4 for the 95.3846... held with its 62 of 65.
// Such a figure is read as restating the one held, which stands, with its
// numerator and denominator, rather than as a revision of it; that reading
// is said, naming the first at its cell. held reads the latest figures
// the store holds of one indicator (HeldFiguresOf a store's LoadIndicator
// gives them); it is called from several goroutines at once.
func RoundedRestatements(ds *Dataset, file string, held func(ref string) (HeldFigures, error)) ([]Warning, error) {
	// Only a value given to one or more places, but few enough to have
	// been rounded, can restate a figure to its places (SameToPlaces); a
	// count, given whole and held whole, never differs so.
	units := map[string]Unit{}
	for _, ind := range ds.Indicators {
		units[ind.Ref] = ind.Unit
	}
	// Each indicator's history is read once, and its figures found by an
	// index made in one pass: asked of every figure for each indicator in
	// turn, the large workbook's re-import compared twelve million refs,
	// an eighth of its processor time. A file gives an indicator's figures
	// together, so the ref of the figure before is mostly this one's too,
	// and the maps are asked once for each run of them. Which of them are
	// given to places (Places, a few roundings a figure, most of this
	// pass's time) is asked by the readers below, each of its own
	// indicator's, not here on one processor while the other waits.
	byRef := map[string][]int32{}
	var refs []string
	var (
		ref     string
		indexes []int32
		number  bool
		started bool
	)
	for i := range ds.Observations {
		o := &ds.Observations[i]
		if !started || o.Ref != ref {
			if started {
				byRef[ref] = indexes
			}
			ref, number, started = o.Ref, units[o.Ref] == Number, true
			var seen bool
			indexes, seen = byRef[o.Ref]
			if !seen && !number {
				byRef[ref] = nil
				refs = append(refs, ref)
			}
		}
		if o.Value == nil || number {
			continue
		}
		indexes = append(indexes, int32(i))
	}
	if started {
		byRef[ref] = indexes
	}
	// Reading the histories is most of the pass (the re-import of the
	// large workbook read 124 of them, some 40 ms), and one indicator's
	// figures are compared with its history alone: the indicators are
	// shared among as many readers as there are processors, each count
	// kept with the place of its indicator's first figure given to a
	// number of places (rounded or whole), so that the first said is the
	// first in the file's order whatever the readers' timing.
	type found struct {
		at          int // the place of the indicator's first figure given to places; -1 for none
		n           int
		first, stat Observation
		err         error
	}
	founds := make([]found, len(refs))
	compare := func(i int) {
		ref := refs[i]
		f := &founds[i]
		f.at = -1
		// Only the figures given to one or more places are compared,
		// kept in place of the indicator's index, which is this reader's
		// alone; an indicator whose every figure is whole restates
		// nothing to its places, and its history is not read (a third of
		// the large workbook's).
		rounded := byRef[ref][:0]
		for _, j := range byRef[ref] {
			d, ok := Places(*ds.Observations[j].Value)
			if !ok {
				continue
			}
			if f.at < 0 {
				f.at = int(j)
			}
			if d > 0 {
				rounded = append(rounded, j)
			}
		}
		if len(rounded) == 0 {
			return
		}
		h, err := held(ref)
		if err != nil {
			f.err = fmt.Errorf("the figures held for %s: %w", ref, err)
			return
		}
		// The series too is looked up once for the run of its figures.
		var (
			key    SeriesKey
			series []HeldFigure
			looked bool
		)
		for _, j := range rounded {
			o := &ds.Observations[j]
			if k := o.Key(); !looked || k != key {
				key, series, looked = k, h[k], true
			}
			at, ok := heldIndex(series, o.Period)
			if !ok {
				continue
			}
			have := series[at].Observation()
			if nearlyEqual(o.Value, have.Value) || !o.Restates(have) {
				continue
			}
			if f.n == 0 {
				f.first, f.stat = *o, have
			}
			f.n++
		}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(refs)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(refs); i = int(next.Add(1)) - 1 {
				compare(i)
			}
		})
	}
	wg.Wait()
	slices.SortFunc(founds, func(a, b found) int { return cmp.Compare(a.at, b.at) })
	var (
		n           int
		first, stat Observation
	)
	for _, f := range founds {
		if f.err != nil {
			return nil, f.err
		}
		if n == 0 && f.n > 0 {
			first, stat = f.first, f.stat
		}
		n += f.n
	}
	if n == 0 {
		return nil, nil
	}
	loc := Location{File: file}
	loc.Sheet, loc.Cell, _ = strings.Cut(first.Cell, "!")
	heldWords := FormatNumber(*stat.Value, 4)
	if strings.Contains(heldWords, ".") {
		heldWords = strings.TrimRight(strings.TrimRight(heldWords, "0"), ".")
	}
	if stat.Numerator != nil && stat.Denominator != nil {
		heldWords += fmt.Sprintf(", %s of %s", FormatNumber(*stat.Numerator, 0), FormatNumber(*stat.Denominator, 0))
	}
	places, _ := Places(*first.Value)
	return []Warning{{Location: loc, Message: fmt.Sprintf(
		"%d %s given to fewer decimal places than the store holds %s, and the same to those places, the first %s %s %s: %s here, %s held: read as restating the figures held, which stand, with any numerators and denominators held, not as revisions",
		n, plural(n, "figure", "figures"), plural(n, "it", "them"), first.Ref, first.Area, first.Period.Label(),
		FormatNumber(*first.Value, places), heldWords)}}, nil
}

// HeldFigures is the latest figure held of each period of each series of
// an indicator, in period order, as RoundedRestatements compares a
// file's figures with them.
type HeldFigures map[SeriesKey][]HeldFigure

// HeldFigure is what RoundedRestatements compares of a figure held: its
// numbers, status and stand-in mark, and nothing else. A large
// re-import's review reads every figure of most indicators held, and an
// Observation, with its texts, cell and import, is 168 bytes and ten
// pointers to make and for the collector to follow; this is 56 bytes
// and none.
type HeldFigure struct {
	Period Period
	// Numbers are the value, numerator and denominator, each given
	// where Given's bit of its place (1, 2, 4) is set.
	Numbers [3]float64
	Status  Status
	Given   uint8
	StandIn bool
}

// Observation is the figure as an Observation, for the rules that compare
// figures; its numbers point into f.
func (f *HeldFigure) Observation() Observation {
	o := Observation{Period: f.Period, Status: f.Status, StandIn: f.StandIn}
	for i, p := range [...]**float64{&o.Value, &o.Numerator, &o.Denominator} {
		if f.Given&(1<<i) != 0 {
			*p = &f.Numbers[i]
		}
	}
	return o
}

// heldFigureOf is what RoundedRestatements compares of o.
func heldFigureOf(o *Observation) HeldFigure {
	f := HeldFigure{Period: o.Period, Status: o.Status, StandIn: o.StandIn}
	for i, p := range [...]*float64{o.Value, o.Numerator, o.Denominator} {
		if p != nil {
			f.Numbers[i] = *p
			f.Given |= 1 << i
		}
	}
	return f
}

// HeldFiguresOf is the latest figures of h's series of ref, for an engine
// that reads histories whole.
func HeldFiguresOf(h *History, ref string) HeldFigures {
	out := HeldFigures{}
	for k, series := range h.series {
		if k.Ref != ref {
			continue
		}
		fs := make([]HeldFigure, len(series))
		for i := range series {
			fs[i] = heldFigureOf(&series[i])
		}
		out[k] = fs
	}
	return out
}

// heldIndex finds the figure for p in s, as periodIndex does in a
// History's series.
func heldIndex(s []HeldFigure, p Period) (int, bool) {
	i := sort.Search(len(s), func(i int) bool { return s[i].Period.Compare(p) >= 0 })
	return i, i < len(s) && s[i].Period.Compare(p) == 0
}
