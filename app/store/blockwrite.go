package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"runtime"
	"slices"
	"sync"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// flushBlocks writes obs as one block per series, in key order. A figure
// stated twice in the dataset is stated by its later statement; one whose
// latest earlier version says the same is a restatement. It returns the
// figures added, and of them the revisions.
//
// The blocks are encoded first, the series shared among the processors,
// and only then put, in key order, by this goroutine: a large import's
// encoding (and, into a store with history, its reading of each series'
// latest versions) is most of its write, and the officer waits for it.
// Nothing is put while they are encoded, so the transaction is only read
// from the encoders, which bbolt allows.
func (w *snapshotWriter) flushBlocks(obs []app.Observation) (added, revised int, err error) {
	var groups []seriesGroup
	if w.grouped != nil {
		g := <-w.grouped
		if g.panicked != nil {
			panic(g.panicked) // for Import's guard to report
		}
		groups, err = g.groups, g.err
	} else {
		groups, err = groupSeries(obs)
	}
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
	parts := encodeInParallel(obs, groups, b, w.seq, first == nil)
	for i := range parts {
		if parts[i].panicked != nil {
			// A fault reading a damaged page: raised again here, for
			// Import's guard to report.
			panic(parts[i].panicked)
		}
		if parts[i].err != nil {
			return 0, 0, parts[i].err
		}
		added += parts[i].added
		revised += parts[i].revised
	}
	w.written[kindObservation] = slices.Grow(w.written[kindObservation], len(groups)*(len(groups[0].key)+seqLen+1))
	done, hooked := 0, false
	for i := range parts {
		p := &parts[i]
		for j, g := range groups[p.from:p.to] {
			if done >= len(obs)/2 && !hooked && testHookMidImport != nil {
				testHookMidImport()
				hooked = true
			}
			done += len(g.recs)
			k := p.keys[p.keyEnds[j]:p.keyEnds[j+1]:p.keyEnds[j+1]]
			v := p.blocks[p.ends[j]:p.ends[j+1]:p.ends[j+1]]
			if err := b.Put(k, v); err != nil {
				o := &obs[g.recs[0]]
				return 0, 0, fmt.Errorf("observations of %s: %w", app.SeriesKey{Ref: o.Ref, Area: o.Area, Split: o.Split}, err)
			}
			w.addSum(kindObservation, k, p.hashes[j])
			w.note(kindObservation, k)
		}
	}
	return added, revised, nil
}

// encodedPart is the blocks of the series groups[from:to], one after
// another in blocks: the j'th ends at ends[j+1]. Its key is
// keys[keyEnds[j]:keyEnds[j+1]], and hashes[j] its recordHash: hashing
// every byte of a large import is work shared among the encoders too,
// not left to the goroutine that puts the blocks.
type encodedPart struct {
	from, to       int
	blocks         []byte
	ends           []int
	keys           []byte
	keyEnds        []int
	hashes         []uint64
	added, revised int
	err            error
	panicked       any
}

// minObsPerEncoder keeps a small import's encoding on one goroutine,
// where starting another would cost more than it saves.
const minObsPerEncoder = 8192

// encodeInParallel encodes the blocks of groups, the import seq's, in
// parts of about equal numbers of figures, one goroutine each; fresh says
// the bucket b holds no earlier version to look up.
func encodeInParallel(obs []app.Observation, groups []seriesGroup, b *bolt.Bucket, seq uint64, fresh bool) []encodedPart {
	n := max(1, min(runtime.GOMAXPROCS(0), len(obs)/minObsPerEncoder))
	parts := make([]encodedPart, 0, n)
	from, seen := 0, 0
	for i, g := range groups {
		seen += len(g.recs)
		if seen*n >= len(obs)*(len(parts)+1) || i == len(groups)-1 {
			parts = append(parts, encodedPart{from: from, to: i + 1})
			from = i + 1
		}
	}
	var wg sync.WaitGroup
	for i := range parts {
		p := &parts[i]
		encode := func() {
			defer func() {
				if r := recover(); r != nil {
					p.panicked = r
				}
			}()
			// The setting is each goroutine's own (see faultsPanic).
			defer faultsPanic()()
			p.encode(obs, groups, b, seq, fresh)
		}
		if i == len(parts)-1 {
			encode()
		} else {
			wg.Go(encode)
		}
	}
	wg.Wait()
	return parts
}

// encode encodes p's series as the import seq's blocks, with their latest
// stored versions from b unless fresh.
func (p *encodedPart) encode(obs []app.Observation, groups []seriesGroup, b *bolt.Bucket, seq uint64, fresh bool) {
	var (
		held   []heldFigure
		blocks [][]byte
		stored versionReader
		pkey   [periodLen]byte
	)
	if !fresh {
		stored.c = b.Cursor()
	}
	figs, keyBytes := 0, 0
	for _, g := range groups[p.from:p.to] {
		figs += len(g.recs)
		keyBytes += len(g.key) + seqLen
	}
	// Entries of a monthly series average under 24 bytes; the buffer
	// grows if not.
	p.blocks = make([]byte, 0, 24*figs)
	p.ends = make([]int, 1, p.to-p.from+1)
	p.keys = make([]byte, 0, keyBytes)
	p.keyEnds = make([]int, 1, p.to-p.from+1)
	for _, g := range groups[p.from:p.to] {
		if !fresh {
			var err error
			if held, blocks, err = stored.latest(g.key); err != nil {
				o := &obs[g.recs[0]]
				p.err = fmt.Errorf("observations of %s: %w", app.SeriesKey{Ref: o.Ref, Area: o.Area, Split: o.Split}, err)
				return
			}
		}
		// The figures come in period order, as held is, so each one's
		// latest version is looked for from where the one before's was.
		at := 0
		blk := p.blocks
		var last *app.Observation // whose entry blk ends with
		for j, rec := range g.recs {
			o := &obs[rec]
			if j+1 < len(g.recs) && obs[g.recs[j+1]].Period == o.Period {
				continue // the later statement stands
			}
			var prev *heldFigure
			if len(held) > 0 {
				last := pkey
				appendPeriod(pkey[:0], o.Period)
				if bytes.Compare(pkey[:], last[:]) < 0 {
					at = 0
				}
				for at < len(held) && bytes.Compare(held[at].pkey[:], pkey[:]) < 0 {
					at++
				}
				if at < len(held) && held[at].pkey == pkey {
					prev = &held[at]
				}
			}
			var span entrySpan
			blk, span = appendEntry(blk, o, last, false)
			last = o
			restated := prev != nil && (prev.sameAs(blocks[prev.block], blk, span, o) || restatesHeld(o, prev.figures(blocks[prev.block])))
			if restated {
				blk[span.at] |= entRestatement
			} else {
				p.added++
				if prev != nil {
					p.revised++
				}
			}
		}
		p.blocks = blk
		p.ends = append(p.ends, len(p.blocks))
		p.keys = binary.BigEndian.AppendUint64(append(p.keys, g.key...), seq)
		p.keyEnds = append(p.keyEnds, len(p.keys))
	}
	p.hashes = make([]uint64, p.to-p.from)
	recordHashes(p.hashes, func(j int) ([]byte, []byte) {
		return p.keys[p.keyEnds[j]:p.keyEnds[j+1]], p.blocks[p.ends[j]:p.ends[j+1]]
	})
}

// seriesGroup is one series' observations in a dataset: its key and their
// indexes, in period order, those of one period in the dataset's order.
type seriesGroup struct {
	key  []byte
	recs []int32
	// unsorted says recs came out of period order, as they seldom do.
	unsorted bool
}

// groupSeries gathers obs by series, in key order. Hashing each figure's
// series key, then sorting the few series and each one's periods (often
// in order already), is several times quicker than sorting every figure
// by its whole key. Figures come series by series, mostly, so a figure of
// the series before's is placed without making its key at all.
//
// It is a pass over every figure, on the path the officer waits on: a
// large import's two halves are grouped at once, each on a processor,
// and the second's groups then added to the first's.
func groupSeries(obs []app.Observation) ([]seriesGroup, error) {
	if len(obs) == 0 {
		return nil, nil
	}
	var (
		all seriesGrouping
		err error
	)
	if mid := len(obs) / 2; mid >= minObsPerEncoder && runtime.GOMAXPROCS(0) > 1 {
		var (
			hi       seriesGrouping
			hiErr    error
			panicked any
			done     = make(chan struct{})
		)
		go func() {
			defer close(done)
			defer func() { panicked = recover() }()
			hi, hiErr = groupRange(obs, mid, len(obs))
		}()
		all, err = groupRange(obs, 0, mid)
		<-done
		if panicked != nil {
			panic(panicked) // for Import's guard to report
		}
		if err == nil {
			// The first half's error is the first figure's that has one.
			err = hiErr
		}
		if err == nil {
			all.add(obs, hi)
		}
	} else {
		all, err = groupRange(obs, 0, len(obs))
	}
	if err != nil {
		return nil, err
	}
	groups := all.groups
	slices.SortFunc(groups, func(a, b seriesGroup) int { return bytes.Compare(a.key, b.key) })
	for _, g := range groups {
		if g.unsorted {
			slices.SortStableFunc(g.recs, func(a, b int32) int { return periodOrder(obs[a].Period, obs[b].Period) })
		}
	}
	return groups, nil
}

// groupedSeries is groupSeries' result, made on another goroutine.
type groupedSeries struct {
	groups   []seriesGroup
	err      error
	panicked any
}

// groupInBackground is groupSeries for a goroutine of its own: a panic
// is passed to the receiver rather than ending the program.
func groupInBackground(obs []app.Observation) (g groupedSeries) {
	defer func() {
		if r := recover(); r != nil {
			g = groupedSeries{panicked: r}
		}
	}()
	g.groups, g.err = groupSeries(obs)
	return g
}

// seriesGrouping is the series groups of a run of figures, in the order
// first met, with each one's index by key.
type seriesGrouping struct {
	groups []seriesGroup
	index  map[string]int
}

// groupRange groups obs[from:to]. It passes over them twice: first to
// find the groups and count each one's figures, then to place the figures
// in one block, each group's run of it made at its size. Appending each
// group's figures as found grew every run by doubling, allocating some
// three times what they hold, which a cold import pays for page by page.
func groupRange(obs []app.Observation, from, to int) (seriesGrouping, error) {
	s := seriesGrouping{index: map[string]int{}}
	var key []byte
	// group returns the group of obs[i], made if it is the first of its
	// series; last is the group of obs[i-1], or -1.
	group := func(i, last int) (int, error) {
		o := &obs[i]
		if last >= 0 {
			if p := &obs[i-1]; o.Ref == p.Ref && o.Area == p.Area && o.Split == p.Split {
				return last, nil
			}
		}
		var err error
		if key, err = AppendSeriesKey(key[:0], o); err != nil {
			return 0, err
		}
		g, ok := s.index[string(key)]
		if !ok {
			g = len(s.groups)
			s.groups = append(s.groups, seriesGroup{key: bytes.Clone(key)})
			s.index[string(s.groups[g].key)] = g
		}
		return g, nil
	}
	counts := []int32(nil)
	for i, last := from, -1; i < to; i++ {
		g, err := group(i, last)
		if err != nil {
			return seriesGrouping{}, err
		}
		if g == len(counts) {
			counts = append(counts, 0)
		}
		counts[g]++
		last = g
	}
	block, at := make([]int32, to-from), int32(0)
	for g := range s.groups {
		s.groups[g].recs = block[at : at : at+counts[g]]
		at += counts[g]
	}
	for i, last := from, -1; i < to; i++ {
		g, _ := group(i, last)
		sg := &s.groups[g]
		if n := len(sg.recs); n > 0 && periodOrder(obs[sg.recs[n-1]].Period, obs[i].Period) > 0 {
			sg.unsorted = true
		}
		sg.recs = append(sg.recs, int32(i))
		last = g
	}
	return s, nil
}

// add adds the groups of the figures after s's, as if grouped with them:
// a series in both continues, out of period order if its first figure
// in later comes before its last in s.
func (s *seriesGrouping) add(obs []app.Observation, later seriesGrouping) {
	for _, lg := range later.groups {
		j, ok := s.index[string(lg.key)]
		if !ok {
			s.index[string(lg.key)] = len(s.groups)
			s.groups = append(s.groups, lg)
			continue
		}
		g := &s.groups[j]
		g.unsorted = g.unsorted || lg.unsorted || periodOrder(obs[g.recs[len(g.recs)-1]].Period, obs[lg.recs[0]].Period) > 0
		g.recs = append(g.recs, lg.recs...)
	}
}
