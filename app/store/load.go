package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"unsafe"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// Load reads the whole store into an app.History, as if the datasets of
// the imports that are not undone were applied in import order: each
// figure's versions are added oldest first, so its latest is current and
// the earlier ones are its revisions. A figure a later file restated
// unchanged keeps the import that first gave it. History.Imports lists
// the imports that are not undone; Imports lists them all.
func (s *Bolt) Load() (*app.History, error) {
	return s.read(func(l *loader) error {
		l.sums = newSumChecker(l.tx)
		if err := l.run(l.indicators, l.observations, l.targets, l.benchmarks, l.breakdowns, l.comments, l.chartSettings, l.circulations); err != nil {
			return err
		}
		return l.sums.check(l.tx, s.path)
	})
}

// LoadIndicator reads what Load would give of one indicator, without
// reading the rest: every indicator's definitions and the imports, and
// ref's figures, targets, benchmarks, comments and chart settings, which
// are keyed by ref first, with the imports that restated each figure
// (app.History.Restated). Breakdowns, keyed by measure, are left out. What
// it reads is proved against the checksums of the definitions and of
// ref's records that each import keeps.
func (s *Bolt) LoadIndicator(ref string) (*app.History, error) {
	return s.loadIndicator(ref, nil)
}

// LoadIndicatorArea reads what LoadIndicator would give, but of ref's
// figures only area's, every split of them: what a view of one area's
// series needs, without decoding the other areas'. Every record of ref is
// still proved against its checksum, so a damaged figure of another area
// fails the read as it would fail LoadIndicator's.
func (s *Bolt) LoadIndicatorArea(ref string, area app.Area) (*app.History, error) {
	only, err := AreaPrefix(ref, area)
	if err != nil {
		return nil, err
	}
	return s.loadIndicator(ref, only)
}

// loadIndicator is LoadIndicator decoding, when only is set, the figures
// of the series whose keys begin with it alone.
func (s *Bolt) loadIndicator(ref string, only []byte) (*app.History, error) {
	prefix, err := RefPrefix(ref)
	if err != nil {
		return nil, err
	}
	return s.read(func(l *loader) error {
		l.sums = newPartialChecker(l.tx, ref)
		if err := l.indicators(); err != nil {
			return err
		}
		l.prefix, l.only, l.restated = prefix, only, true
		if err := l.run(l.observations, l.targets, l.benchmarks, l.comments, l.chartSettings); err != nil {
			return err
		}
		return l.sums.check(l.tx, s.path)
	})
}

// Indicators returns the indicators as the store defines them now, in
// the order first imported, read without the figures: what an import's
// definitions are checked against (app.ReviewDefinitions). The
// definitions are proved against their checksums.
func (s *Bolt) Indicators() ([]app.Indicator, error) {
	h, err := s.read(func(l *loader) error {
		l.sums = newPartialChecker(l.tx, "")
		if err := l.indicators(); err != nil {
			return err
		}
		return l.sums.check(l.tx, s.path)
	})
	if err != nil {
		return nil, err
	}
	return h.Indicators(), nil
}

// read fills a new history from the store in one read transaction: the
// imports, then what fill reads through the loader; its targets rate by
// the authority's RAG rule (RAGRuleIn). A read only reads, so
// whatever fails is the file: the error is a DamagedError, and a fault
// reading the memory-mapped file is one too rather than a crash.
func (s *Bolt) read(fill func(*loader) error) (_ *app.History, err error) {
	defer faultsPanic()()
	defer guard(s.path, &err)
	h := app.NewHistory()
	err = s.db.View(func(tx *bolt.Tx) error {
		ids, err := loadImports(tx, h)
		if err != nil {
			return err
		}
		return fill(&loader{tx: tx, h: h, ids: ids})
	})
	if err != nil {
		var d *DamagedError
		if !errors.As(err, &d) {
			err = damaged(s.path, "%v", err)
		}
		return nil, err
	}
	// The authority's RAG rule rates the targets read, in every reader.
	return withRAGRule(s, h)
}

// run runs the loader's steps in turn, stopping at the first error.
func (l *loader) run(steps ...func() error) error {
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
		if l.overrun {
			return fmt.Errorf("a record runs past the end of the store's pages: %w", errCorrupt)
		}
	}
	return nil
}

// loadImports fills h.Imports with the live imports and returns every
// import's ID indexed by its sequence number.
func loadImports(tx *bolt.Tx, h *app.History) ([]string, error) {
	b := tx.Bucket(bucketImports)
	ids := make([]string, b.Sequence()+1)
	err := b.ForEach(func(k, v []byte) error {
		seq := binary.BigEndian.Uint64(k)
		var rec app.Import
		if err := json.Unmarshal(v, &rec); err != nil {
			return fmt.Errorf("import %s: %w", importID(seq), err)
		}
		if seq < uint64(len(ids)) {
			ids[seq] = rec.ID
		}
		if rec.Undone == nil {
			h.Imports = append(h.Imports, rec)
		}
		return nil
	})
	return ids, err
}

type loader struct {
	tx   *bolt.Tx
	h    *app.History
	ids  []string
	sums *sumChecker
	// prefix, when set, limits the records read to those whose key
	// begins with it: one indicator's, their keys beginning with its ref.
	prefix []byte
	// only, when set, limits the figures decoded to the series whose
	// keys begin with it (one area's); the rest are only summed.
	only []byte
	// restated, when set, adds which imports restated each figure
	// (app.History.Restated): an indicator read alone carries them,
	// the whole store's history does not.
	restated bool
	// after holds the keys of the restatements after the latest version
	// of the record eachLatest gives its fn: the imports that stated it
	// unchanged since.
	after [][]byte
	// mapLo and mapHi bound the store's pages as mapped in memory
	// (mapping), and overrun says a record ran past them.
	mapLo, mapHi uintptr
	overrun      bool
}

// first positions c at the loader's first record.
func (l *loader) first(c *bolt.Cursor) (k, v []byte) {
	if l.prefix == nil {
		return l.within(c.First())
	}
	return l.within(c.Seek(l.prefix))
}

// within passes on a record the loader reads, or nil past the last. A
// record whose length, flipped on disk, runs past the store's pages ends
// the reading (run refuses the store) before any of it is read: bbolt
// does not check, and bytes past the mapping may be the program's own
// memory, which a damaged store must never make it read or print.
func (l *loader) within(k, v []byte) ([]byte, []byte) {
	if k == nil || l.prefix != nil && !bytes.HasPrefix(k, l.prefix) {
		return nil, nil
	}
	if !l.inMapping(k) || !l.inMapping(v) {
		l.overrun = true
		return nil, nil
	}
	return k, v
}

// inMapping reports whether b, where it begins in the store's mapped
// pages, ends within them. A write transaction's own copies of pages lie
// outside the mapping, and are of its own making.
func (l *loader) inMapping(b []byte) bool {
	if len(b) == 0 {
		return true
	}
	if l.mapHi == 0 {
		l.mapLo = l.tx.DB().Info().Data
		l.mapHi = l.mapLo + uintptr(l.tx.Size())
	}
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	if p < l.mapLo || p >= l.mapHi {
		return true
	}
	return uintptr(len(b)) <= l.mapHi-p
}

// importOf returns the ID of the import that wrote the record with key k.
func (l *loader) importOf(k []byte) (string, error) {
	seq := keySeq(k)
	if seq >= uint64(len(l.ids)) || l.ids[seq] == "" {
		return "", fmt.Errorf("record written by unknown import %d: %w", seq, errCorrupt)
	}
	return l.ids[seq], nil
}

// observations loads each series whole: its first versions, oldest period
// first, go in with one SetSeries, and only the later versions of revised
// figures go through History.Add, which keeps the earlier as revisions.
// That is what adding every version in import order gives, without
// growing each series a figure at a time.
func (l *loader) observations() error {
	d := newObservationDecoder()
	sh := NewSeriesHistory(l.h)
	var series app.SeriesKey
	err := l.eachBlock(d, func(key app.SeriesKey, id string, r *blockReader) {
		if key != series {
			series = key
			sh.Start(key)
		}
		for r.next() {
			if r.e.restatement() {
				if l.restated {
					sh.Restated(r.e.period, id)
				}
				continue
			}
			o := app.Observation{Ref: key.Ref, Area: key.Area, Split: key.Split, Import: id}
			r.e.observation(d, &o)
			sh.Add(o)
		}
	})
	if err != nil {
		return err
	}
	sh.Flush()
	return nil
}

// periods adds to held the periods of the figures observations would
// add, by series, decoding nothing else of them. Each series' periods
// are in the order read; one may be there more than once.
func (l *loader) periods(held map[app.SeriesKey][]app.Period) error {
	return l.eachBlock(newObservationDecoder(), func(key app.SeriesKey, _ string, r *blockReader) {
		for r.next() {
			if !r.e.restatement() {
				held[key] = append(held[key], r.e.period)
			}
		}
	})
}

// eachBlock calls read with each block of figures the loader reads, in
// key order (a series' blocks in turn, in import order), the key of its
// series, its strings interned by d, and the import that wrote it; read
// reads the block's entries with r.
func (l *loader) eachBlock(d *observationDecoder, read func(key app.SeriesKey, id string, r *blockReader)) error {
	var (
		series []byte // ref, area and split of the series being read
		key    app.SeriesKey
	)
	r := newBlockReader(nil)
	c := l.tx.Bucket(kindBuckets[kindObservation]).Cursor()
	for k, v := l.first(c); k != nil; k, v = l.within(c.Next()) {
		l.sums.add(kindObservation, k, v)
		if l.only != nil && !bytes.HasPrefix(k, l.only) {
			continue
		}
		s, err := seriesOfKey(k)
		if err != nil {
			return err
		}
		if !bytes.Equal(s, series) {
			series = s
			key = d.seriesKey(s)
		}
		id, err := l.importOf(k)
		if err != nil {
			return fmt.Errorf("observations of %s: %w", key, err)
		}
		r.reset(v)
		read(key, id, r)
		if r.bad {
			return fmt.Errorf("the figures of %s from import %s are unreadable: %w", key, id, errCorrupt)
		}
	}
	return nil
}

// periodOrder orders periods as their keys sort (see appendPeriod): by
// start month and length, then kind, year and number.
func periodOrder(p, q app.Period) int {
	return cmp.Or(cmp.Compare(p.StartMonth(), q.StartMonth()), cmp.Compare(p.Months(), q.Months()),
		cmp.Compare(p.Kind, q.Kind), cmp.Compare(p.Year, q.Year), cmp.Compare(p.N, q.N))
}

// indicators adds each indicator's definitions in import order, so that
// a later one that leaves something unstated keeps it from an earlier one
// (app.History.AddIndicator), placing the indicators in the order they
// were first imported.
func (l *loader) indicators() error {
	type placed struct {
		seq  uint64
		pos  uint32
		defs []app.Indicator
	}
	var all []placed
	c := l.tx.Bucket(kindBuckets[kindIndicator]).Cursor()
	var at []byte
	for k, v := c.First(); k != nil; k, v = c.Next() {
		l.sums.add(kindIndicator, k, v)
		if len(k) <= seqLen || len(v) < 1+indicatorPosLen {
			return fmt.Errorf("indicator %q: %w", k, errCorrupt)
		}
		if at == nil || !bytes.Equal(base(k), at) {
			at = base(k)
			all = append(all, placed{seq: keySeq(k), pos: binary.BigEndian.Uint32(v[1:])})
		}
		if isRestatement(v) {
			continue
		}
		var ind app.Indicator
		if err := json.Unmarshal(v[1+indicatorPosLen:], &ind); err != nil {
			return fmt.Errorf("indicator %q: %w", base(k), err)
		}
		p := &all[len(all)-1]
		p.defs = append(p.defs, ind)
	}
	slices.SortFunc(all, func(a, b placed) int {
		return cmp.Or(cmp.Compare(a.seq, b.seq), cmp.Compare(a.pos, b.pos))
	})
	for _, p := range all {
		if len(p.defs) == 0 {
			return fmt.Errorf("indicator defined by no version: %w", errCorrupt)
		}
		for _, ind := range p.defs {
			l.h.AddIndicator(ind)
		}
	}
	return nil
}

func (l *loader) targets() error {
	return l.eachLatest(kindTarget, func(_, _, k, v []byte) error {
		var t app.Target
		if err := l.readJSON(k, v, &t, &t.Import); err != nil {
			return fmt.Errorf("target: %w", err)
		}
		l.h.AddTarget(t)
		if l.restated {
			for _, rk := range l.after {
				id, err := l.importOf(rk)
				if err != nil {
					return fmt.Errorf("target %q: %w", base(rk), err)
				}
				l.h.AddTargetRestatement(t.Ref, t.Year, id)
			}
		}
		return nil
	})
}

func (l *loader) benchmarks() error {
	return l.eachLatest(kindBenchmark, func(_, _, k, v []byte) error {
		var b app.Benchmark
		if err := l.readJSON(k, v, &b, &b.Import); err != nil {
			return fmt.Errorf("benchmark: %w", err)
		}
		l.h.AddBenchmark(b)
		return nil
	})
}

func (l *loader) breakdowns() error {
	var ds app.Dataset
	err := l.eachLatest(kindBreakdown, func(_, _, k, v []byte) error {
		var b app.Breakdown
		if err := l.readJSON(k, v, &b, &b.Import); err != nil {
			return fmt.Errorf("breakdown: %w", err)
		}
		ds.Breakdowns = append(ds.Breakdowns, b)
		return nil
	})
	if err != nil {
		return err
	}
	// History has no method to add one breakdown; Apply keeps each
	// record's own Import.
	l.h.Apply(&ds, "")
	return nil
}

func (l *loader) comments() error {
	return l.eachLatest(kindComment, func(_, _, k, v []byte) error {
		var c app.Comment
		if err := l.readJSON(k, v, &c, &c.Import); err != nil {
			return fmt.Errorf("comment: %w", err)
		}
		l.h.AddComment(c)
		return nil
	})
}

func (l *loader) chartSettings() error {
	if l.tx.Bucket(kindBuckets[kindChartSetting]) == nil {
		return nil // a store made before chart settings
	}
	return l.eachLatest(kindChartSetting, func(_, _, k, v []byte) error {
		var c app.ChartSetting
		if err := l.readJSON(k, v, &c, &c.Import); err != nil {
			return fmt.Errorf("chart setting: %w", err)
		}
		l.h.AddChartSetting(c)
		return nil
	})
}

// readJSON decodes a record stored as JSON and sets its Import from the
// key.
func (l *loader) readJSON(k, v []byte, rec any, importField *string) error {
	if len(v) < 1 {
		return fmt.Errorf("%q: %w", base(k), errCorrupt)
	}
	if err := json.Unmarshal(v[1:], rec); err != nil {
		return fmt.Errorf("%q: %w", base(k), err)
	}
	id, err := l.importOf(k)
	*importField = id
	return err
}

// eachLatest calls fn for each record in kind's bucket with its first
// key and value (version or restatement) and its latest version's key and
// value, all still tagged, and the keys of the restatements after that
// version in l.after.
// Versions of a record are adjacent and in import order, so one pass finds
// both.
func (l *loader) eachLatest(kind recordKind, fn func(firstKey, first, lastKey, last []byte) error) error {
	c := l.tx.Bucket(kindBuckets[kind]).Cursor()
	var at, firstKey, first, lastKey, last []byte
	for k, v := l.first(c); ; k, v = l.within(c.Next()) {
		if k != nil && len(k) <= seqLen {
			return fmt.Errorf("%s key %q: %w", kindBuckets[kind], k, errCorrupt)
		}
		if at != nil && (k == nil || !bytes.Equal(base(k), at)) {
			if lastKey == nil {
				return fmt.Errorf("%s %q has no version: %w", kindBuckets[kind], at, errCorrupt)
			}
			if err := fn(firstKey, first, lastKey, last); err != nil {
				return err
			}
			lastKey = nil
		}
		if k == nil {
			return nil
		}
		l.sums.add(kind, k, v)
		if at == nil || !bytes.Equal(base(k), at) {
			at, firstKey, first = base(k), k, v
			l.after = l.after[:0]
		}
		if !isRestatement(v) {
			lastKey, last = k, v
			l.after = l.after[:0]
		} else {
			l.after = append(l.after, k)
		}
	}
}
