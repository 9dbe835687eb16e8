package store

import (
	"bytes"
	"encoding/binary"
	"math"

	"scorecard/app"
)

// Every stored record value starts with a tag byte. A version holds what
// its import said, where it differed from the version before. A
// restatement holds what an import said that repeated the version before:
// Load passes over it, but Undo turns it back into a version when the one
// it repeated is removed, so that undoing an earlier import never takes
// away a figure that a later one still gives.
const (
	tagVersion     byte = 0
	tagRestatement byte = 1
)

func isRestatement(v []byte) bool { return len(v) > 0 && v[0] == tagRestatement }

// retag returns a copy of v with the given tag.
func retag(v []byte, tag byte) []byte {
	c := bytes.Clone(v)
	c[0] = tag
	return c
}

// versionRule says how two versions of one kind of record compare.
type versionRule struct {
	// skip counts the bytes after the tag that are not part of what the
	// record says: an indicator's place in its file's list.
	skip  int
	equal func(a, b []byte) bool
}

var versionRules = [numKinds]versionRule{
	kindIndicator:    {skip: indicatorPosLen, equal: bytes.Equal},
	kindObservation:  {equal: restates},
	kindTarget:       {equal: bytes.Equal},
	kindBenchmark:    {equal: bytes.Equal},
	kindBreakdown:    {equal: bytes.Equal},
	kindComment:      {equal: bytes.Equal},
	kindChartSetting: {equal: bytes.Equal},
}

// same reports whether b, a tagged value following a, says the same thing.
func (r versionRule) same(a, b []byte) bool {
	n := 1 + r.skip
	return len(a) >= n && len(b) >= n && r.equal(a[n:], b[n:])
}

// restates is app.Observation.Restates on encoded observations: b, the
// later version, gives a's value, status and stand-in mark, and either no
// components or a's. Such a version is kept as a restatement, so that Load
// keeps the components a gave.
func restates(a, b []byte) bool {
	fa, oka := figuresOf(a)
	fb, okb := figuresOf(b)
	return oka && okb && fb.observation().Restates(fa.observation())
}

type figures struct {
	flags  byte
	floats [3]float64
	status app.Status
}

func figuresOf(v []byte) (figures, bool) {
	var f figures
	if len(v) < 1 {
		return f, false
	}
	f.flags, v = v[0], v[1:]
	for i := range f.floats {
		if f.flags&(1<<i) == 0 {
			continue
		}
		if len(v) < 8 {
			return f, false
		}
		f.floats[i] = math.Float64frombits(binary.BigEndian.Uint64(v))
		v = v[8:]
	}
	n, w := binary.Uvarint(v)
	if w <= 0 || uint64(len(v)-w) < n {
		return f, false
	}
	var ok bool
	f.status, ok = app.StatusOf(v[w : w+int(n)])
	return f, ok
}

// observation returns the figures as an app.Observation, for its rules.
func (f figures) observation() app.Observation {
	var o app.Observation
	for i, p := range []**float64{&o.Value, &o.Numerator, &o.Denominator} {
		if f.flags&(1<<i) != 0 {
			*p = &f.floats[i]
		}
	}
	o.Status = f.status
	o.StandIn = f.flags&isStandIn != 0
	return o
}
