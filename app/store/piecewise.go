package store

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sync"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// Piecewise reads a store an indicator at a time, as it stood when
// Piecewise was called: a caller holding one indicator's history at a
// time (an export of a large store) reads what Load would give, piece by
// piece. The definitions and imports are read once. Each read is its own
// transaction, and fails with ErrChanged if anything was written to the
// store since the first, so the pieces always make one history.
func (s *Bolt) Piecewise() (*Pieces, error) {
	p := &Pieces{s: s}
	h, err := s.read(func(l *loader) error {
		p.txid, p.ids = l.tx.ID(), l.ids
		l.sums = newPartialChecker(l.tx, "")
		if err := l.indicators(); err != nil {
			return err
		}
		return l.sums.check(l.tx, s.path)
	})
	if err != nil {
		return nil, err
	}
	p.defs, p.inds = h, h.Indicators()
	return p, nil
}

// ErrChanged is returned by a Pieces read when the store was written
// since the first.
var ErrChanged = errors.New("the store changed while it was being read: read it again")

// Pieces reads a store an indicator at a time (Bolt.Piecewise).
type Pieces struct {
	s    *Bolt
	txid int
	ids  []string        // import IDs by sequence number
	defs *app.History    // the definitions and imports, no records
	inds []app.Indicator // defs' indicators, in scorecard order
}

// Indicators returns the definitions, in scorecard order.
func (p *Pieces) Indicators() ([]app.Indicator, error) { return slices.Clone(p.inds), nil }

// Imports lists the live imports as the first read found them: those
// the pieces read reflect.
func (p *Pieces) Imports() []app.Import { return slices.Clone(p.defs.Imports) }

// Load reads the whole history, as Bolt.Load.
func (p *Pieces) Load() (*app.History, error) {
	h, err := p.s.Load()
	if err != nil {
		return nil, err
	}
	// Nothing was written since the first read, so nothing before Load's.
	if err := p.view(func(*bolt.Tx) error { return nil }); err != nil {
		return nil, err
	}
	return h, nil
}

// LoadIndicator reads what Bolt.LoadIndicator gives of ref. The
// history's Imports are shared with every other piece's: do not change
// them.
func (p *Pieces) LoadIndicator(ref string) (*app.History, error) {
	prefix, err := RefPrefix(ref)
	if err != nil {
		return nil, err
	}
	h := app.NewHistory()
	h.Imports = p.defs.Imports
	h.AddIndicators(p.inds)
	h.SetRAGRule(p.defs.RAGRule())
	err = p.view(func(tx *bolt.Tx) error {
		l := &loader{tx: tx, h: h, ids: p.ids, prefix: prefix, sums: newPartialChecker(tx, ref), restated: true}
		l.sums.definitionsUnread = true
		if err := l.run(l.observations, l.targets, l.benchmarks, l.comments, l.chartSettings); err != nil {
			return err
		}
		return l.sums.check(tx, p.s.path)
	})
	if err != nil {
		return nil, err
	}
	return h, nil
}

// Periods returns, for each of ref's series, the periods it holds a
// figure for, in order: what LoadIndicator(ref) gives of the series'
// periods, without reading the figures themselves or anything else of
// the indicator. A caller settling which period to export reads these
// first (the store's every figure, for a large store 100,000), then
// the indicators it lays out. Nothing is checked against the store's
// sums: LoadIndicator checks what the caller goes on to read.
func (p *Pieces) Periods(ref string) (map[app.SeriesKey][]app.Period, error) {
	prefix, err := RefPrefix(ref)
	if err != nil {
		return nil, err
	}
	held := map[app.SeriesKey][]app.Period{}
	err = p.view(func(tx *bolt.Tx) error {
		l := &loader{tx: tx, ids: p.ids, prefix: prefix}
		return l.periods(held)
	})
	if err != nil {
		return nil, err
	}
	for k, ps := range held {
		slices.SortFunc(ps, app.Period.Compare)
		held[k] = slices.Compact(ps)
	}
	return held, nil
}

// FigureRefs returns the ref of every indicator the store holds figures
// for, each once. A caller reading the store an indicator at a time reads
// these beside the indicators defined to have read every figure: nothing
// stops a file giving figures for an indicator it does not define.
func (p *Pieces) FigureRefs() ([]string, error) {
	var refs []string
	err := p.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(kindBuckets[kindObservation]).Cursor()
		var last []byte
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			kr := keyReader{b: k}
			ref := kr.text()
			if kr.bad {
				return fmt.Errorf("observation key %s: %w", obsKeyName(k), errCorrupt)
			}
			if last == nil || !bytes.Equal(ref, last) {
				refs = append(refs, string(ref))
				last = ref
			}
		}
		return nil
	})
	return refs, err
}

// LoadBreakdowns reads the breakdowns, which LoadIndicator leaves out,
// having proved every record of the store against its import's checksum
// as Load does: a breakdown counts in its import's total alone, so the
// breakdowns are proved only with everything else.
func (p *Pieces) LoadBreakdowns() ([]app.Breakdown, error) {
	h := app.NewHistory()
	err := p.view(func(tx *bolt.Tx) error {
		l := &loader{tx: tx, h: h, ids: p.ids}
		if err := l.breakdowns(); err != nil {
			return err
		}
		return verifySums(tx, p.s.path)
	})
	if err != nil {
		return nil, err
	}
	return h.Breakdowns(), nil
}

// view runs fn in a read transaction of the store as it stood at the
// first read, turning a failure to read into a DamagedError as Bolt's
// reads do.
func (p *Pieces) view(fn func(*bolt.Tx) error) (err error) {
	defer faultsPanic()()
	defer guard(p.s.path, &err)
	changed := false
	err = p.s.db.View(func(tx *bolt.Tx) error {
		if tx.ID() != p.txid {
			changed = true
			return nil
		}
		return fn(tx)
	})
	if changed {
		return ErrChanged
	}
	if err != nil {
		var d *DamagedError
		if !errors.As(err, &d) {
			err = damaged(p.s.path, "%v", err)
		}
		return err
	}
	return nil
}

// everyIndicatorReader is a store that reads what LoadIndicator gives of
// every indicator in one go (the team store's LoadEveryIndicator), where
// a read an indicator at a time costs a round trip or more each.
type everyIndicatorReader interface {
	LoadEveryIndicator() (*app.History, error)
}

// IndicatorReader returns a reader of st an indicator at a time, for a
// caller asking after many indicators in turn (an import's review of
// what it would take back): a bbolt store's Pieces, which read the
// definitions and imports once, not for each indicator, and hold one
// indicator's history at a time, not the whole store's; for an engine
// that can (everyIndicatorReader), every indicator's history, read once
// and given for each ref; another engine's LoadIndicator. The first read
// opens the pieces, or reads every indicator. The reader may be called
// from several goroutines at once, as the engine's LoadIndicator may.
func IndicatorReader(st Store) func(ref string) (*app.History, error) {
	b, ok := st.(*Bolt)
	if !ok {
		if every, ok := st.(everyIndicatorReader); ok {
			load := sync.OnceValues(every.LoadEveryIndicator)
			return func(string) (*app.History, error) { return load() }
		}
		return st.LoadIndicator
	}
	// Each Pieces read is a transaction of its own (view).
	return readPieces(sync.OnceValues(b.Piecewise), (*Pieces).LoadIndicator)
}

// readPieces returns a reader of an indicator at a time by read, through
// the pieces opened on first use by pieces.
func readPieces(pieces func() (*Pieces, error), read func(p *Pieces, ref string) (*app.History, error)) func(ref string) (*app.History, error) {
	return func(ref string) (*app.History, error) {
		p, err := pieces()
		if err != nil {
			return nil, err
		}
		return read(p, ref)
	}
}
