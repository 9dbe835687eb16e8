package store

import (
	"bytes"
	"encoding/binary"
	"math"

	"scorecard/app"
)

// Schema 2 keeps observations in blocks: one key per series (ref, area,
// split) per import, holding every figure that import gave of the series,
// oldest period first. One indicator's history is then a few keys read in
// one run, a large import writes a key per series rather than per figure,
// and its footprint for undo is the list of its blocks.
//
// A block's key is the series key (ref, area and split, each NUL-ended)
// and the 8-byte sequence number of the import, so that a series' blocks
// sort together in import order. Its value is the entries one after
// another, each:
//
//	flags byte (see the ent constants)
//	the period's 7 bytes (see appendPeriod), unless entNextPeriod
//	each number the flags say is present (see appendNumber)
//	status, raw text, source arrow, source RAG and rule, each a uvarint
//	length and its bytes, unless entSameTexts
//	the cell: a uvarint count of bytes shared with the entry before's
//	cell, then a uvarint length and the bytes that follow them
//
// A restatement (see tagRestatement) is an entry with entRestatement
// set; Undo flips that bit alone, which changes no other entry's bytes.
const (
	entValue       = hasValue
	entNumerator   = hasNumerator
	entDenominator = hasDenominator
	entStandIn     = isStandIn
	entRestatement = 1 << 4
	entNextPeriod  = 1 << 5 // the period follows the entry before's
	entSameTexts   = 1 << 6 // the texts but the cell are the entry before's
)

// numTexts counts the text fields an entry keeps before its cell.
const numTexts = 5

// AppendSeriesKey appends the series part of o's block key to b: ref,
// area and split, each NUL-ended, as both engines key a series.
func AppendSeriesKey(b []byte, o *app.Observation) ([]byte, error) {
	if err := checkText("observation", o.Ref, string(o.Area), string(o.Split)); err != nil {
		return nil, err
	}
	b = appendText(b, o.Ref)
	b = appendText(b, string(o.Area))
	return appendText(b, string(o.Split)), nil
}

// blockEncoder appends entries to a block, remembering what the next
// entry may share with the one before.
type blockEncoder struct {
	b    []byte
	n    int
	last app.Observation // the period and texts of the entry added last
	// span locates the entry added last, so that it can be compared
	// with another as encoded, and marked a restatement after.
	span entrySpan
}

// add appends o, a restatement when restated. It stores the texts it
// remembers only when they change: while the garbage collector marks,
// every pointer stored into e costs a write barrier.
func (e *blockEncoder) add(o *app.Observation, restated bool) {
	var prev *app.Observation
	if e.n > 0 {
		prev = &e.last
	}
	same := prev != nil && sameTexts(o, prev)
	e.b, e.span = appendEntry(e.b, o, prev, restated)
	e.n++
	e.last.Period, e.last.Cell = o.Period, o.Cell
	if !same {
		e.last.Status, e.last.Raw, e.last.SourceArrow, e.last.SourceRAG, e.last.Rule = o.Status, o.Raw, o.SourceArrow, o.SourceRAG, o.Rule
	}
}

// entrySpan locates an entry in its block: its flags byte at at, its
// numbers in [numsFrom, numsTo).
type entrySpan struct{ at, numsFrom, numsTo int }

// sameTexts reports whether o's texts but its cell are prev's.
func sameTexts(o, prev *app.Observation) bool {
	return o.Status == prev.Status && o.Raw == prev.Raw && o.SourceArrow == prev.SourceArrow && o.SourceRAG == prev.SourceRAG && o.Rule == prev.Rule
}

// appendEntry appends o's entry to the block b, whose last entry is
// prev's (nil for a block with none yet), a restatement when restated.
// It is a function of its arguments, storing nothing: a large import's
// encoders keep the block in a local and the figure before as a pointer
// to it, so that encoding a figure stores no pointer into the heap,
// which, while the garbage collector marks, costs a write barrier each.
func appendEntry(b []byte, o, prev *app.Observation, restated bool) ([]byte, entrySpan) {
	at := len(b)
	var flags byte
	if restated {
		flags |= entRestatement
	}
	if o.StandIn {
		flags |= entStandIn
	}
	b = append(b, 0)
	if prev != nil && prev.Period.Add(1) == o.Period {
		flags |= entNextPeriod
	} else {
		b = appendPeriod(b, o.Period)
	}
	numsFrom := len(b)
	for i, f := range [...]*float64{o.Value, o.Numerator, o.Denominator} {
		if f != nil {
			flags |= 1 << i
			b = appendNumber(b, *f)
		}
	}
	numsTo := len(b)
	if prev != nil && sameTexts(o, prev) {
		flags |= entSameTexts
	} else {
		for _, s := range [numTexts]string{o.Status.String(), o.Raw, o.SourceArrow.String(), o.SourceRAG.String(), o.Rule} {
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		}
	}
	shared := 0
	if prev != nil {
		for shared < len(prev.Cell) && shared < len(o.Cell) && prev.Cell[shared] == o.Cell[shared] {
			shared++
		}
	}
	b = binary.AppendUvarint(b, uint64(shared))
	b = binary.AppendUvarint(b, uint64(len(o.Cell)-shared))
	b = append(b, o.Cell[shared:]...)
	b[at] = flags
	return b, entrySpan{at, numsFrom, numsTo}
}

// Numbers are mostly counts and figures of a few decimals: such a number
// is kept as a zigzag uvarint of it times 10^k, with k in its low three
// bits; any other (a rate to fifteen places, -0, NaN) as numberRaw and its
// eight bytes. Decoding divides by the same power of ten, and a number is
// kept so only when that gives back its very bits.
const (
	numberRaw      = 7
	numberMaxScale = 4
	numberMaxInt   = 1 << 50
)

var pow10 = [...]float64{1, 10, 100, 1000, 10000}

func appendNumber(b []byte, f float64) []byte {
	for k := 0; k <= numberMaxScale; k++ {
		i, fits, ok := scaledNumber(f, k)
		if !fits {
			break
		}
		if ok {
			z := uint64(i<<1) ^ uint64(i>>63)
			return binary.AppendUvarint(b, z<<3|uint64(k))
		}
		// Half the figures of a large workbook are quotients given in
		// full, which no scale keeps: one that the largest scale does
		// not keep, though it fits, no smaller scale keeps either, so the
		// scales between are not tried. (Were f i/10^k for a k below it,
		// with i·10^(numberMaxScale-k) under numberMaxInt, f times
		// 10^numberMaxScale would be within a quarter of that integer,
		// rounded to it, and divided back to f: the division of exact
		// integers by exact powers of ten is rounded correctly, to the
		// double nearest the same real number.)
		if k == 0 {
			if _, fits, ok := scaledNumber(f, numberMaxScale); fits && !ok {
				break
			}
		}
	}
	b = binary.AppendUvarint(b, numberRaw)
	return binary.BigEndian.AppendUint64(b, math.Float64bits(f))
}

// scaledNumber is f times 10^k rounded, i; fits, whether i is under
// numberMaxInt; and ok, whether i divided by 10^k, the very computation
// readNumber makes, gives back f's bits (-0 and NaN never do).
func scaledNumber(f float64, k int) (i int64, fits, ok bool) {
	m := math.Round(f * pow10[k])
	if math.Abs(m) >= numberMaxInt {
		return 0, false, false
	}
	i = int64(m)
	return i, true, math.Float64bits(float64(i)/pow10[k]) == math.Float64bits(f)
}

func readNumber(b []byte) (float64, []byte, bool) {
	h, w := binary.Uvarint(b)
	if w <= 0 {
		return 0, nil, false
	}
	b = b[w:]
	k := h & 7
	if k == numberRaw {
		if len(b) < 8 {
			return 0, nil, false
		}
		return math.Float64frombits(binary.BigEndian.Uint64(b)), b[8:], true
	}
	if k > numberMaxScale {
		return 0, nil, false
	}
	z := h >> 3
	i := int64(z>>1) ^ -int64(z&1)
	return float64(i) / pow10[k], b, true
}

// entry is one decoded entry of a block. Its texts point into the block;
// its cell into the reader's buffer, valid until the next entry is read.
type entry struct {
	off    int // of the flags byte in the block
	flags  byte
	period app.Period
	pkey   [periodLen]byte // the period as a key orders it
	floats [3]float64
	texts  [numTexts][]byte
	// status, arrow and rag are texts[0], [2] and [3] read.
	status app.Status
	arrow  app.Arrow
	rag    app.RAG
	cell   []byte
}

func (e *entry) restatement() bool { return e.flags&entRestatement != 0 }

// figures returns what versionRules compare of the entry.
func (e *entry) figures() figures {
	return figures{flags: e.flags & (entValue | entNumerator | entDenominator | entStandIn), floats: e.floats, status: e.status}
}

// blockReader reads a block's entries in turn.
type blockReader struct {
	b, rest []byte
	e       entry
	n       int
	bad     bool
}

func newBlockReader(v []byte) *blockReader { return &blockReader{b: v, rest: v} }

func (r *blockReader) reset(v []byte) {
	cell := r.e.cell[:0]
	*r = blockReader{b: v, rest: v}
	r.e.cell = cell
}

// next reads the next entry into r.e, reporting false at the end or on a
// malformed block (then r.bad is set).
func (r *blockReader) next() bool {
	if len(r.rest) == 0 || r.bad {
		return false
	}
	e := &r.e
	e.off = len(r.b) - len(r.rest)
	e.flags = r.rest[0]
	rest := r.rest[1:]
	fail := func() bool { r.bad = true; return false }
	if e.flags&entNextPeriod != 0 {
		if r.n == 0 {
			return fail()
		}
		e.period = e.period.Add(1)
		appendPeriod(e.pkey[:0], e.period)
	} else {
		if len(rest) < periodLen {
			return fail()
		}
		copy(e.pkey[:], rest)
		e.period = readPeriod(rest)
		rest = rest[periodLen:]
	}
	for i := range e.floats {
		e.floats[i] = 0
		if e.flags&(1<<i) == 0 {
			continue
		}
		var ok bool
		if e.floats[i], rest, ok = readNumber(rest); !ok {
			return fail()
		}
	}
	if e.flags&entSameTexts == 0 {
		for i := range e.texts {
			n, w := binary.Uvarint(rest)
			if w <= 0 || uint64(len(rest)-w) < n {
				return fail()
			}
			e.texts[i] = rest[w : w+int(n)]
			rest = rest[w+int(n):]
		}
		var okStatus, okArrow, okRAG bool
		e.status, okStatus = app.StatusOf(e.texts[0])
		e.arrow, okArrow = app.ArrowOf(e.texts[2])
		e.rag, okRAG = app.RAGOf(e.texts[3])
		if !okStatus || !okArrow || !okRAG {
			return fail()
		}
	} else if r.n == 0 {
		return fail()
	}
	shared, w := binary.Uvarint(rest)
	if w <= 0 || shared > uint64(len(e.cell)) {
		return fail()
	}
	rest = rest[w:]
	n, w := binary.Uvarint(rest)
	if w <= 0 || uint64(len(rest)-w) < n {
		return fail()
	}
	e.cell = append(e.cell[:shared], rest[w:w+int(n)]...)
	r.rest = rest[w+int(n):]
	r.n++
	return true
}

// observation fills o's figures and texts from the entry, through d.
func (e *entry) observation(d *observationDecoder, o *app.Observation) {
	for i, p := range []**float64{&o.Value, &o.Numerator, &o.Denominator} {
		if e.flags&(1<<i) != 0 {
			*p = d.float(e.floats[i])
		}
	}
	o.Period = e.period
	o.StandIn = e.flags&entStandIn != 0
	o.Status = e.status
	o.Raw = string(e.texts[1])
	o.SourceArrow = e.arrow
	o.SourceRAG = e.rag
	o.Rule = d.intern(e.texts[4])
	o.Cell = string(e.cell)
}

// isBlockOf reports whether k is a block key of the series whose key is
// series.
func isBlockOf(k, series []byte) bool {
	return len(k) == len(series)+seqLen && bytes.HasPrefix(k, series)
}
