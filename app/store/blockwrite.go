package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// flushBlocks writes obs as one block per series, in key order. A figure
// stated twice in the dataset is stated by its later statement; one whose
// latest earlier version says the same is a restatement. It returns the
// figures added, and of them the revisions.
func (w *snapshotWriter) flushBlocks(obs []app.Observation) (added, revised int, err error) {
	groups, err := groupSeries(obs)
	if err != nil || len(groups) == 0 {
		return 0, 0, err
	}
	b := w.tx.Bucket(kindBuckets[kindObservation])
	if b == nil {
		return 0, 0, fmt.Errorf("no %s bucket", kindBuckets[kindObservation])
	}
	b.FillPercent = fillPercent
	// A bucket empty before this import holds no earlier version of
	// anything, so nothing need be looked up.
	first, _ := b.Cursor().First()
	fresh := first == nil
	latest := map[[periodLen]byte]figures{}
	var (
		view figureView
		enc  blockEncoder
		pkey [periodLen]byte
		done int
	)
	w.written[kindObservation] = slices.Grow(w.written[kindObservation], len(groups)*(len(groups[0].key)+seqLen+1))
	for _, g := range groups {
		o0 := &obs[g.recs[0]]
		series := app.SeriesKey{Ref: o0.Ref, Area: o0.Area, Split: o0.Split}
		clear(latest)
		if !fresh {
			if err := latestVersions(b, g.key, latest); err != nil {
				return 0, 0, fmt.Errorf("observations of %s: %w", series, err)
			}
		}
		enc = blockEncoder{b: enc.b[:0]}
		for j, rec := range g.recs {
			if done == len(obs)/2 && testHookMidImport != nil {
				testHookMidImport()
			}
			done++
			o := &obs[rec]
			if j+1 < len(g.recs) && obs[g.recs[j+1]].Period == o.Period {
				continue // the later statement stands
			}
			appendPeriod(pkey[:0], o.Period)
			prev, hasPrev := latest[pkey]
			restated := hasPrev && o.Restates(*view.of(&prev))
			if !restated {
				added++
				if hasPrev {
					revised++
				}
			}
			enc.add(o, restated)
		}
		k := w.carve(len(g.key) + seqLen)
		binary.BigEndian.PutUint64(k[copy(k, g.key):], w.seq)
		v := w.carve(len(enc.b))
		copy(v, enc.b)
		if err := b.Put(k, v); err != nil {
			return 0, 0, fmt.Errorf("observations of %s: %w", series, err)
		}
		w.addSum(kindObservation, k, recordHash(k, v))
		w.note(kindObservation, k)
	}
	return added, revised, nil
}

// seriesGroup is one series' observations in a dataset: its key and their
// indexes, in period order, those of one period in the dataset's order.
type seriesGroup struct {
	key  []byte
	recs []int32
}

// groupSeries gathers obs by series, in key order. Hashing each figure's
// series key, then sorting the few series and each one's periods (often
// in order already), is several times quicker than sorting every figure
// by its whole key.
func groupSeries(obs []app.Observation) ([]seriesGroup, error) {
	if len(obs) == 0 {
		return nil, nil
	}
	index := map[string]int{}
	var (
		groups []seriesGroup
		key    []byte
		last   = -1
	)
	for i := range obs {
		o := &obs[i]
		var err error
		if key, err = AppendSeriesKey(key[:0], o); err != nil {
			return nil, err
		}
		// Figures come series by series, mostly: the last group is the
		// likeliest.
		g := last
		if g < 0 || !bytes.Equal(groups[g].key, key) {
			var ok bool
			if g, ok = index[string(key)]; !ok {
				g = len(groups)
				groups = append(groups, seriesGroup{key: bytes.Clone(key)})
				index[string(groups[g].key)] = g
			}
			last = g
		}
		groups[g].recs = append(groups[g].recs, int32(i))
	}
	slices.SortFunc(groups, func(a, b seriesGroup) int { return bytes.Compare(a.key, b.key) })
	for _, g := range groups {
		byPeriod := func(a, b int32) int { return periodOrder(obs[a].Period, obs[b].Period) }
		if !slices.IsSortedFunc(g.recs, byPeriod) {
			slices.SortStableFunc(g.recs, byPeriod)
		}
	}
	return groups, nil
}

// blockArena is the size of the chunks blocks are carved from: bbolt
// holds every key and value put until the commit.
const blockArena = 1 << 20

// carve returns n bytes from the writer's arena.
func (w *snapshotWriter) carve(n int) []byte {
	if n > blockArena/4 {
		return make([]byte, n)
	}
	if cap(w.blocks)-len(w.blocks) < n {
		w.blocks = make([]byte, 0, blockArena)
	}
	from := len(w.blocks)
	w.blocks = w.blocks[:from+n]
	return w.blocks[from : from+n : from+n]
}

// latestVersions fills latest with the latest version (not restatement)
// of each period in the blocks of series stored, by the period's key.
// The figures point into the store's pages, valid in this transaction.
func latestVersions(b *bolt.Bucket, series []byte, latest map[[periodLen]byte]figures) error {
	c := b.Cursor()
	r := newBlockReader(nil)
	for k, v := c.Seek(series); k != nil && isBlockOf(k, series); k, v = c.Next() {
		r.reset(v)
		for r.next() {
			if !r.e.restatement() {
				latest[r.e.pkey] = r.e.figures()
			}
		}
		if r.bad {
			return fmt.Errorf("block %q: %w", k, errCorrupt)
		}
	}
	return nil
}

// figureView shows figures as an app.Observation, for its rules, without
// allocating for each: it reuses one observation and interns statuses.
type figureView struct {
	o        app.Observation
	floats   [3]float64
	statuses map[string]app.Status
}

func (v *figureView) of(f *figures) *app.Observation {
	v.o = app.Observation{StandIn: f.flags&isStandIn != 0}
	for i, p := range [...]**float64{&v.o.Value, &v.o.Numerator, &v.o.Denominator} {
		if f.flags&(1<<i) != 0 {
			v.floats[i] = f.floats[i]
			*p = &v.floats[i]
		}
	}
	st, ok := v.statuses[string(f.status)]
	if !ok {
		if v.statuses == nil {
			v.statuses = map[string]app.Status{}
		}
		st = app.Status(f.status)
		v.statuses[string(st)] = st
	}
	v.o.Status = st
	return &v.o
}

// restatesFigures is restates on decoded figures: b, the later, says what
// a says.
func restatesFigures(a, b figures) bool { return b.observation().Restates(a.observation()) }
