package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"slices"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// An import into a store holding its figures finds, for each series, the
// latest version stored of each period (versionReader), and compares
// each figure with it: as encoded where it can (heldFigure.sameAs), by
// app.Observation.Restates where they differ (restatesHeld).

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
	status app.Status
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
		bytes.Equal(hb[h.nums[0]:h.nums[1]], b[e.numsFrom:e.numsTo]) && h.status == o.Status
}

// figures decodes h's figures from its block, b.
func (h *heldFigure) figures(b []byte) figures {
	f := figures{flags: h.flags, status: h.status}
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
	held, blocks, inOrder, err := vr.versions(series)
	if err != nil || inOrder {
		return held, blocks, err
	}
	latest := held[:0]
	for i := range held {
		if i+1 < len(held) && held[i+1].pkey == held[i].pkey {
			continue
		}
		latest = append(latest, held[i])
	}
	return latest, blocks, nil
}

// versions returns every version (not restatement) stored of each period
// of the series whose key is series, in the periods' key order, a
// period's versions in the order written, valid until the next call, and
// the series' blocks they are in; inOrder says each period has one.
func (vr *versionReader) versions(series []byte) (held []heldFigure, blocks [][]byte, inOrder bool, err error) {
	held = vr.held[:0]
	defer func() { vr.held = held[:0] }()
	vr.blocks = vr.blocks[:0]
	inOrder = true
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
			return nil, nil, false, fmt.Errorf("block %q: %w", k, errCorrupt)
		}
	}
	if !inOrder {
		// Stable, so that a period's versions stay in the order written
		// and the last of each is its latest.
		slices.SortStableFunc(held, func(a, b heldFigure) int { return bytes.Compare(a.pkey[:], b.pkey[:]) })
	}
	return held, vr.blocks, inOrder, nil
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
			text := rest[w : w+int(n)]
			switch i {
			case 0:
				var ok bool
				if f.status, ok = app.StatusOf(text); !ok {
					return fail()
				}
			case 2:
				// Read only to fail where blockReader does.
				if _, ok := app.ArrowOf(text); !ok {
					return fail()
				}
			case 3:
				if _, ok := app.RAGOf(text); !ok {
					return fail()
				}
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

// restatesHeld reports whether o restates the stored figures f, by
// app.Observation.Restates, without allocating: the figures are copied
// to the stack.
func restatesHeld(o *app.Observation, f figures) bool {
	prev := app.Observation{StandIn: f.flags&isStandIn != 0, Status: f.status}
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

// restatesFigures is restates on decoded figures: b, the later, says what
// a says.
func restatesFigures(a, b figures) bool { return b.observation().Restates(a.observation()) }
