package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
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
		view   figureView
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
	p.hashes = make([]uint64, 0, p.to-p.from)
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
			restated := prev != nil && (prev.sameAs(blocks[prev.block], blk, span, o) || view.restates(o, prev.figures(blocks[prev.block])))
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
		k := len(p.keys)
		p.keys = binary.BigEndian.AppendUint64(append(p.keys, g.key...), seq)
		p.keyEnds = append(p.keyEnds, len(p.keys))
		p.hashes = append(p.hashes, recordHash(p.keys[k:], p.blocks[p.ends[len(p.ends)-2]:]))
	}
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

// groupRange groups obs[from:to].
func groupRange(obs []app.Observation, from, to int) (seriesGrouping, error) {
	s := seriesGrouping{index: map[string]int{}}
	var (
		key  []byte
		last = -1
	)
	for i := from; i < to; i++ {
		o := &obs[i]
		if last >= 0 {
			if p := &obs[i-1]; o.Ref == p.Ref && o.Area == p.Area && o.Split == p.Split {
				g := &s.groups[last]
				g.unsorted = g.unsorted || periodOrder(p.Period, o.Period) > 0
				g.recs = append(g.recs, int32(i))
				continue
			}
		}
		var err error
		if key, err = AppendSeriesKey(key[:0], o); err != nil {
			return seriesGrouping{}, err
		}
		g, ok := s.index[string(key)]
		if !ok {
			g = len(s.groups)
			s.groups = append(s.groups, seriesGroup{key: bytes.Clone(key)})
			s.index[string(s.groups[g].key)] = g
		}
		last = g
		sg := &s.groups[g]
		if n := len(sg.recs); n > 0 && periodOrder(obs[sg.recs[n-1]].Period, o.Period) > 0 {
			sg.unsorted = true
		}
		sg.recs = append(sg.recs, int32(i))
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

// versionReader reads the latest versions of series, reusing its memory
// from one series to the next.
type versionReader struct {
	c      *bolt.Cursor
	held   []heldFigure
	blocks [][]byte // the blocks of the series read last
}

// heldFigure is the latest version stored of one period of a series: the
// period's key, and where its block holds its figures as encoded. An
// import restating a series gives most of its figures just as they are
// stored, so they are compared as encoded, and decoded only when they
// differ. It holds offsets, not slices of the block: a figure of every
// period of every series is kept, and storing a pointer costs a write
// barrier while the garbage collector marks, as it usually does then.
type heldFigure struct {
	pkey  [periodLen]byte
	flags byte // of the entry: which numbers it has, and the stand-in mark
	// finite says every number is: a figure restates one just like it
	// unless a number is NaN or infinite.
	finite bool
	block  int32    // the block's index in its series' blocks
	nums   [2]int32 // the numbers, as appendNumber wrote them, in the block
	status [2]int32
}

// figureFlags are the flags of an entry that are part of its figures.
const figureFlags = entValue | entNumerator | entDenominator | entStandIn

// sameAs reports whether o's entry, at e in the block b, states h's
// figures, in the block hb, just as h does, and so restates it: the same
// numbers, present and absent, encoded alike (the encoding of a number is
// one, and gives the number back to the bit), the same stand-in mark and
// status, none of them NaN or infinite, which app.Observation.Restates
// holds apart from themselves.
func (h *heldFigure) sameAs(hb, b []byte, e entrySpan, o *app.Observation) bool {
	return h.finite && h.flags == b[e.at]&figureFlags &&
		bytes.Equal(hb[h.nums[0]:h.nums[1]], b[e.numsFrom:e.numsTo]) && string(hb[h.status[0]:h.status[1]]) == string(o.Status)
}

// figures decodes h's figures from its block, b.
func (h *heldFigure) figures(b []byte) figures {
	f := figures{flags: h.flags, status: b[h.status[0]:h.status[1]]}
	rest := b[h.nums[0]:h.nums[1]]
	for i := range f.floats {
		if h.flags&(1<<i) != 0 {
			f.floats[i], rest, _ = readNumber(rest)
		}
	}
	return f
}

// latest returns the latest version (not restatement) stored of each
// period of the series whose key is series, one a period, in the periods'
// key order, valid until the next call, and the series' blocks they are
// in. The blocks are the store's pages, valid in this transaction.
//
// A series' blocks are read in import order, each in period order, so a
// store holding one version of each period (a series imported once, or
// restated since) gives them in order already; only a series with
// revisions is sorted, its latest version of each period kept.
func (vr *versionReader) latest(series []byte) ([]heldFigure, [][]byte, error) {
	held := vr.held[:0]
	defer func() { vr.held = held[:0] }()
	vr.blocks = vr.blocks[:0]
	inOrder := true
	var sk blockSkimmer
	for k, v := vr.c.Seek(series); k != nil && isBlockOf(k, series); k, v = vr.c.Next() {
		sk = blockSkimmer{b: v, block: int32(len(vr.blocks))}
		vr.blocks = append(vr.blocks, v)
		for sk.next() {
			if sk.f.flags&entRestatement != 0 {
				continue
			}
			if n := len(held); n > 0 && bytes.Compare(held[n-1].pkey[:], sk.f.pkey[:]) >= 0 {
				inOrder = false
			}
			f := sk.f
			f.flags &= figureFlags
			held = append(held, f)
		}
		if sk.bad {
			return nil, nil, fmt.Errorf("block %q: %w", k, errCorrupt)
		}
	}
	if inOrder {
		return held, vr.blocks, nil
	}
	// Stable, so that a period's versions stay in the order written and
	// the last of each is its latest.
	slices.SortStableFunc(held, func(a, b heldFigure) int { return bytes.Compare(a.pkey[:], b.pkey[:]) })
	latest := held[:0]
	for i := range held {
		if i+1 < len(held) && held[i+1].pkey == held[i].pkey {
			continue
		}
		latest = append(latest, held[i])
	}
	return latest, vr.blocks, nil
}

// blockSkimmer reads a block's entries as blockReader does, finding each
// one's figures as encoded without decoding them, or copying its cell.
// It refuses what blockReader refuses.
type blockSkimmer struct {
	b       []byte
	off     int        // of the next entry in b
	block   int32      // b's index, for the figures read
	f       heldFigure // the entry read, its flags whole
	period  app.Period
	n       int
	cellLen int // of the entry before's cell
	bad     bool
}

func (s *blockSkimmer) next() bool {
	if s.off >= len(s.b) || s.bad {
		return false
	}
	b := s.b
	at := func(rest []byte) int32 { return int32(len(b) - len(rest)) }
	f := &s.f
	f.block = s.block
	f.flags = b[s.off]
	rest := b[s.off+1:]
	fail := func() bool { s.bad = true; return false }
	if f.flags&entNextPeriod != 0 {
		if s.n == 0 {
			return fail()
		}
		s.period = s.period.Add(1)
		appendPeriod(f.pkey[:0], s.period)
	} else {
		if len(rest) < periodLen {
			return fail()
		}
		copy(f.pkey[:], rest)
		s.period = readPeriod(rest)
		rest = rest[periodLen:]
	}
	f.nums[0] = at(rest)
	f.finite = true
	for i := range 3 {
		if f.flags&(1<<i) == 0 {
			continue
		}
		h, w := binary.Uvarint(rest)
		if w <= 0 {
			return fail()
		}
		rest = rest[w:]
		switch k := h & 7; {
		case k == numberRaw:
			if len(rest) < 8 {
				return fail()
			}
			x := math.Float64frombits(binary.BigEndian.Uint64(rest))
			f.finite = f.finite && !math.IsNaN(x) && !math.IsInf(x, 0)
			rest = rest[8:]
		case k > numberMaxScale:
			return fail()
		}
	}
	f.nums[1] = at(rest)
	if f.flags&entSameTexts == 0 {
		for i := range numTexts {
			n, w := binary.Uvarint(rest)
			if w <= 0 || uint64(len(rest)-w) < n {
				return fail()
			}
			if i == 0 {
				f.status = [2]int32{at(rest[w:]), at(rest[w+int(n):])}
			}
			rest = rest[w+int(n):]
		}
	} else if s.n == 0 {
		return fail()
	}
	shared, w := binary.Uvarint(rest)
	if w <= 0 || shared > uint64(s.cellLen) {
		return fail()
	}
	rest = rest[w:]
	n, w := binary.Uvarint(rest)
	if w <= 0 || uint64(len(rest)-w) < n {
		return fail()
	}
	s.cellLen = int(shared) + int(n)
	s.off = int(at(rest[w+int(n):]))
	s.n++
	return true
}

// figureView shows stored figures as an app.Observation, for its rules,
// without allocating for each: the figures are copied to the stack, and
// the status is the figure's own when the two say the same (as they do
// when the figure restates), else one interned.
type figureView struct {
	statuses []app.Status
}

// restates reports whether o restates the figures f, by app.Observation.Restates.
func (v *figureView) restates(o *app.Observation, f figures) bool {
	prev := app.Observation{StandIn: f.flags&isStandIn != 0, Status: v.status(o, f.status)}
	// Set one by one, not through pointers to the fields, so that the
	// copy stays on the stack.
	floats := f.floats
	if f.flags&hasValue != 0 {
		prev.Value = &floats[0]
	}
	if f.flags&hasNumerator != 0 {
		prev.Numerator = &floats[1]
	}
	if f.flags&hasDenominator != 0 {
		prev.Denominator = &floats[2]
	}
	return o.Restates(prev)
}

// status returns the status s says, as a string: o's own where they are
// the same.
func (v *figureView) status(o *app.Observation, s []byte) app.Status {
	if string(o.Status) == string(s) {
		return o.Status
	}
	for _, st := range v.statuses {
		if string(st) == string(s) {
			return st
		}
	}
	st := app.Status(s)
	v.statuses = append(v.statuses, st)
	return st
}

// restatesFigures is restates on decoded figures: b, the later, says what
// a says.
func restatesFigures(a, b figures) bool { return b.observation().Restates(a.observation()) }
