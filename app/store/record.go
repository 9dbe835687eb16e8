package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"scorecard/app"
)

// Observations are the bulk of a store (a quarter of a million in a large
// one), so they get a compact binary encoding that Load reads without
// reflection (block.go); the other records are few and are kept as JSON.
//
// Schema 1 kept a key per observation version: its ref, area, split and
// period and the import's sequence number. The value was the tag byte
// (see tagVersion), a flags byte, the float64s the flags say are present,
// then the text fields, each as a uvarint length and its bytes;
// observationDecoder reads it for the upgrade (migrate.go). Both schemas
// share the flags.
const (
	hasValue = 1 << iota
	hasNumerator
	hasDenominator
	isStandIn
)

var errCorrupt = errors.New("corrupt record")

// observationDecoder reads observation values. It interns the text that
// repeats across records (status codes, arrows, rules, and the ref, area
// and split of consecutive keys), so that loading a large store does not
// allocate a string per field.
type observationDecoder struct {
	interned map[string]string
	floats   []float64 // backing store for Value, Numerator, Denominator
}

func newObservationDecoder() *observationDecoder {
	return &observationDecoder{interned: map[string]string{}}
}

// seriesKey is the series s names, a prefix seriesOfKey returned, its
// strings interned.
func (d *observationDecoder) seriesKey(s []byte) app.SeriesKey {
	kr := keyReader{b: s}
	ref, area, split := kr.text(), kr.text(), kr.text()
	return app.SeriesKey{Ref: d.intern(ref), Area: app.Area(d.intern(area)), Split: app.Split(d.intern(split))}
}

// intern returns b as a string, shared with every earlier equal one.
func (d *observationDecoder) intern(b []byte) string {
	if s, ok := d.interned[string(b)]; ok {
		return s
	}
	s := string(b)
	d.interned[s] = s
	return s
}

// float returns a pointer to f. Pointers are carved from shared blocks
// because one allocation per figure dominates loading otherwise. The
// blocks double from a small first one: an export reads one indicator
// at a time, a few hundred figures, and a full block for each made a
// tenth of its garbage.
func (d *observationDecoder) float(f float64) *float64 {
	if len(d.floats) == cap(d.floats) {
		d.floats = make([]float64, 0, min(max(2*cap(d.floats), 256), 4096))
	}
	d.floats = append(d.floats, f)
	return &d.floats[len(d.floats)-1]
}

// decode fills the fields of o held in value v, past its tag byte.
func (d *observationDecoder) decode(v []byte, o *app.Observation) error {
	if len(v) < 1 {
		return errCorrupt
	}
	flags, rest := v[0], v[1:]
	for i, p := range []**float64{&o.Value, &o.Numerator, &o.Denominator} {
		if flags&(1<<i) == 0 {
			continue
		}
		if len(rest) < 8 {
			return errCorrupt
		}
		*p = d.float(math.Float64frombits(binary.BigEndian.Uint64(rest)))
		rest = rest[8:]
	}
	o.StandIn = flags&isStandIn != 0
	var texts [6][]byte
	for i := range texts {
		n, w := binary.Uvarint(rest)
		if w <= 0 || uint64(len(rest)-w) < n {
			return errCorrupt
		}
		texts[i] = rest[w : w+int(n)]
		rest = rest[w+int(n):]
	}
	var okStatus, okArrow, okRAG bool
	o.Status, okStatus = app.StatusOf(texts[0])
	o.SourceArrow, okArrow = app.ArrowOf(texts[2])
	o.SourceRAG, okRAG = app.RAGOf(texts[3])
	if !okStatus || !okArrow || !okRAG {
		return errCorrupt
	}
	o.Raw = string(texts[1])
	o.Rule = d.intern(texts[4])
	o.Cell = string(texts[5])
	return nil
}

// The other kinds of record are keyed by what makes one replace another
// in an app.History (AddTarget, AddBenchmark, AddComment), and stored as
// JSON without their Import, which the key's sequence number gives. Both
// engines file records under these keys, so that they read them, and
// build a History, in the same order.

// IndicatorKey is the key of an indicator's definition: its ref.
func IndicatorKey(ind *app.Indicator) ([]byte, error) {
	if err := checkText("indicator", ind.Ref); err != nil {
		return nil, err
	}
	return appendText(nil, ind.Ref), nil
}

// TargetKey is the key of a year's target: ref and year.
func TargetKey(t *app.Target) ([]byte, error) {
	if err := checkText("target", t.Ref); err != nil {
		return nil, err
	}
	return appendPeriod(appendText(nil, t.Ref), t.Year), nil
}

// BenchmarkKey is the key of a benchmark: ref, period, group and model.
func BenchmarkKey(b *app.Benchmark) ([]byte, error) {
	if err := checkText("benchmark", b.Ref, b.Group, b.Model); err != nil {
		return nil, err
	}
	k := appendPeriod(appendText(nil, b.Ref), b.Period)
	return appendText(appendText(k, b.Group), b.Model), nil
}

// BreakdownKey is the key of a breakdown: measure, period, area, split,
// dimension and category.
func BreakdownKey(b *app.Breakdown) ([]byte, error) {
	if err := checkText("breakdown", b.Measure, string(b.Area), string(b.Split), b.Dimension, b.Category); err != nil {
		return nil, err
	}
	k := appendPeriod(appendText(nil, b.Measure), b.Period)
	for _, s := range []string{string(b.Area), string(b.Split), b.Dimension, b.Category} {
		k = appendText(k, s)
	}
	return k, nil
}

// CommentKey is the key of a comment: ref, area, period and split.
func CommentKey(c *app.Comment) ([]byte, error) {
	if err := checkText("comment", c.Ref, string(c.Area), string(c.Split)); err != nil {
		return nil, err
	}
	k := appendPeriod(appendText(appendText(nil, c.Ref), string(c.Area)), c.Period)
	if c.Split != app.All {
		// All children's comments keep the keys stored before comments
		// had a split, so that a later one still replaces an earlier.
		k = appendText(k, string(c.Split))
	}
	return k, nil
}

// ChartSettingKey is the key of a chart setting: ref, kind and, for a
// rebase, the month it starts.
func ChartSettingKey(c *app.ChartSetting) ([]byte, error) {
	if err := checkText("chart setting", c.Ref, string(c.Kind)); err != nil {
		return nil, err
	}
	k := appendText(appendText(nil, c.Ref), string(c.Kind))
	if c.Kind == app.SetRebase {
		k = appendPeriod(k, c.From)
	}
	return k, nil
}

// indicatorPosLen prefixes an indicator's JSON with its place in its
// import's list, because a History keeps indicators in the order first
// imported and a ref-keyed bucket would lose it.
const indicatorPosLen = 4

func encodeIndicator(ind app.Indicator, pos int) ([]byte, error) {
	b := binary.BigEndian.AppendUint32([]byte{tagVersion}, uint32(pos))
	j, err := json.Marshal(ind)
	if err != nil {
		return nil, fmt.Errorf("indicator %s: %w", ind.Ref, err)
	}
	return append(b, j...), nil
}

// RefPrefix is what the keys of ref's records begin with, in both
// engines: reading those keys alone reads one indicator.
func RefPrefix(ref string) ([]byte, error) {
	if err := checkText("indicator", ref); err != nil {
		return nil, err
	}
	return appendText(nil, ref), nil
}

// AreaPrefix is what the keys of ref's series for area begin with, in
// both engines: every split of the area's figures, and nothing of an area
// whose name begins with area's.
func AreaPrefix(ref string, area app.Area) ([]byte, error) {
	if err := checkText("series", ref, string(area)); err != nil {
		return nil, err
	}
	return appendText(appendText(nil, ref), string(area)), nil
}
