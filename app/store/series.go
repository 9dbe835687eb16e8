package store

import (
	"cmp"
	"fmt"
	"slices"

	"scorecard/app"
)

// This file exports the schema-2 series block (block.go) for the team
// store's engine (app/store/postgres), which keeps observations in the
// same blocks so that both engines read and write a series' figures at
// one row or key per import rather than one per figure.
//
// A block holds what one import gave of one series (ref, area, split):
// its figures in period order (ComparePeriods), one per period, each a
// version or a restatement of the version before it. The block does not
// hold the series' ref, area and split, nor the import: the key it is
// stored under does.

// SeriesEncoder builds a series block. The zero value is ready to use.
type SeriesEncoder struct{ e blockEncoder }

// Reset empties the encoder for the next block, keeping its buffer.
func (e *SeriesEncoder) Reset() { e.e = blockEncoder{b: e.e.b[:0]} }

// Add appends o's period, figures and texts (not its ref, area, split or
// import), marked a restatement when restatement is set. Figures must be
// added in period order, one per period.
func (e *SeriesEncoder) Add(o *app.Observation, restatement bool) { e.e.add(o, restatement) }

// Bytes returns the block, valid until the next Reset or Add.
func (e *SeriesEncoder) Bytes() []byte { return e.e.b }

// Len returns the number of figures added since the last Reset.
func (e *SeriesEncoder) Len() int { return e.e.n }

// SeriesDecoder reads series blocks. It interns the text that repeats
// across figures and carves the figures' number pointers from shared
// arrays, so that decoding a large history does not allocate per field.
type SeriesDecoder struct {
	r blockReader
	d *observationDecoder
}

// NewSeriesDecoder returns a decoder; call Reset with a block to read it.
func NewSeriesDecoder() *SeriesDecoder {
	return &SeriesDecoder{d: newObservationDecoder()}
}

// Reset starts reading block.
func (d *SeriesDecoder) Reset(block []byte) { d.r.reset(block) }

// Next reads the next figure, reporting false at the end of the block or
// when the block is malformed (then Err says so).
func (d *SeriesDecoder) Next() bool { return d.r.next() }

// Err reports a malformed block.
func (d *SeriesDecoder) Err() error {
	if d.r.bad {
		return fmt.Errorf("series block: %w", errCorrupt)
	}
	return nil
}

// Restatement reports whether the figure read is a restatement.
func (d *SeriesDecoder) Restatement() bool { return d.r.e.restatement() }

// Period returns the period of the figure read.
func (d *SeriesDecoder) Period() app.Period { return d.r.e.period }

// Offset returns where in the block the figure read begins, for
// SetRestatement.
func (d *SeriesDecoder) Offset() int { return d.r.e.off }

// Observation fills o's period, figures and texts from the figure read;
// its ref, area, split and import are left as they are.
func (d *SeriesDecoder) Observation(o *app.Observation) { d.r.e.observation(d.d, o) }

// Intern returns b as a string shared with every earlier equal one the
// decoder has returned.
func (d *SeriesDecoder) Intern(b []byte) string { return d.d.intern(b) }

// SetRestatement marks the figure at offset off of block (an Offset the
// decoder gave) a restatement or a version, in place; no other figure's
// bytes change.
func SetRestatement(block []byte, off int, restatement bool) {
	if restatement {
		block[off] |= entRestatement
	} else {
		block[off] &^= entRestatement
	}
}

// ComparePeriods orders periods as a series block holds them: by start
// month and length, then kind, year and number.
func ComparePeriods(p, q app.Period) int { return periodOrder(p, q) }

// SeriesHistory adds one series at a time to a History as an engine reads
// it block by block: every version of each period, the first as the
// series and the later ones as revisions, which is what adding every
// version in import order gives, without growing each series a figure at
// a time. Both engines load figures through it.
type SeriesHistory struct {
	h   *app.History
	key app.SeriesKey
	// all is the series' versions, block by block. A series handed to
	// the History as gathered takes all with it (see Flush): the next
	// is gathered into a new slice, made the length of the one before,
	// which the series of an indicator mostly share.
	all   []app.Observation
	next  int               // the capacity all is made with after it was handed over
	later []app.Observation // later versions, by period then import
	order []int32           // all's indexes, sorted by period
	runs  []periodRun       // all's runs in period order (orderRuns)
	// restated holds, by period, the imports that restated the latest
	// version read so far (Restated).
	restated map[app.Period][]string
}

// NewSeriesHistory adds series to h.
func NewSeriesHistory(h *app.History) *SeriesHistory { return &SeriesHistory{h: h} }

// Start ends the series being gathered, adding it to the History, and
// begins the series key.
func (s *SeriesHistory) Start(key app.SeriesKey) {
	s.Flush()
	s.key = key
	if s.all == nil && s.next > 0 {
		s.all = make([]app.Observation, 0, s.next)
	}
}

// Add gathers a version of the current series; blocks come in import
// order, each in period order.
func (s *SeriesHistory) Add(o app.Observation) {
	s.all = append(s.all, o)
	if len(s.restated) > 0 {
		// Those restated the version o replaces, not o.
		delete(s.restated, o.Period)
	}
}

// Restated gathers a restatement of the current series: import id gave
// the figure for p just as the latest version gathered before it. Those
// still restating the latest version when the series ends are added to
// the History (app.History.AddRestatement), so that an import's review
// of what it takes back sees every file that gave a figure.
func (s *SeriesHistory) Restated(p app.Period, id string) {
	if s.restated == nil {
		s.restated = map[app.Period][]string{}
	}
	s.restated[p] = append(s.restated[p], id)
}

// Flush adds the series gathered to the History.
//
// Each figure held is 168 bytes, and a long history's are most of what
// show reads: they are copied at most once. A series read in period
// order and never revised, as most are, is handed to the History as
// gathered, and nothing keeps it here. Any other is copied once, in
// period order, each period's first version into the series the History
// takes and the later ones added after (History.Add) as revisions: a
// monthly scorecard restates the months before, so blocks overlap, and
// sorting indexes (the index breaking ties, so an unstable sort keeps
// import order) and then moving each figure once is several times
// cheaper than a stable sort moving the figures themselves.
func (s *SeriesHistory) Flush() {
	all := s.all
	inOrder, revised := true, false
	for i := 1; i < len(all) && inOrder; i++ {
		c := periodOrder(all[i-1].Period, all[i].Period)
		inOrder, revised = c <= 0, revised || c == 0
	}
	switch {
	case len(all) == 0:
	case inOrder && !revised:
		// A series longer than the one before outgrew the slice made for
		// it, growing it by half again or double: copied to its length
		// rather than handed over, so that the History, which a window
		// or a pack holds whole, holds no room it will not use.
		if cap(all)-len(all) > len(all)/8 {
			exact := make([]app.Observation, len(all))
			copy(exact, all)
			all = exact
		}
		s.h.SetSeries(s.key, all)
		s.all, s.next = nil, len(all)
	default:
		s.order = s.order[:0]
		if inOrder || !s.orderRuns(all) {
			for j := range all {
				s.order = append(s.order, int32(j))
			}
			if !inOrder {
				slices.SortFunc(s.order, func(a, b int32) int {
					return cmp.Or(periodOrder(all[a].Period, all[b].Period), cmp.Compare(a, b))
				})
			}
		}
		n := 0
		for i, j := range s.order {
			if i == 0 || all[s.order[i-1]].Period != all[j].Period {
				n++
			}
		}
		firsts := make([]app.Observation, 0, n)
		for i, j := range s.order {
			if i == 0 || all[s.order[i-1]].Period != all[j].Period {
				firsts = append(firsts, all[j])
			} else {
				s.later = append(s.later, all[j])
			}
		}
		s.h.SetSeries(s.key, firsts)
		s.all = all[:0]
	}
	for _, o := range s.later {
		s.h.Add(o)
	}
	for p, ids := range s.restated {
		for _, id := range ids {
			s.h.AddRestatement(s.key, p, id)
		}
		delete(s.restated, p)
	}
	s.later = s.later[:0]
}

// periodRun is the figures all[from:to] of a series being gathered, in
// period order.
type periodRun struct{ from, to int32 }

// orderRuns sets s.order to all's indexes in period order, import order
// breaking ties, where all is runs in period order that do not overlap:
// files of years apart, imported other than oldest first, as a history
// is filled in backwards. The runs are ordered, not the figures: eight
// five-year files were 40 sorts of 480 figures each to show. Where runs
// overlap, or the runs are many, it returns false and sets nothing: the
// figures are sorted.
func (s *SeriesHistory) orderRuns(all []app.Observation) bool {
	runs := append(s.runs[:0], periodRun{from: 0})
	for i := 1; i < len(all); i++ {
		if periodOrder(all[i-1].Period, all[i].Period) > 0 {
			runs[len(runs)-1].to = int32(i)
			runs = append(runs, periodRun{from: int32(i)})
		}
	}
	runs[len(runs)-1].to = int32(len(all))
	s.runs = runs
	if len(runs) > max(len(all)/8, 8) {
		return false
	}
	slices.SortFunc(runs, func(a, b periodRun) int { return periodOrder(all[a.from].Period, all[b.from].Period) })
	for i := 1; i < len(runs); i++ {
		// A period in two runs is a revision: which version is the
		// later is for the sort to say.
		if periodOrder(all[runs[i-1].to-1].Period, all[runs[i].from].Period) >= 0 {
			return false
		}
	}
	for _, r := range runs {
		for j := r.from; j < r.to; j++ {
			s.order = append(s.order, j)
		}
	}
	return true
}
