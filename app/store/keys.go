package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// The file's top-level buckets. Record buckets (one per recordKind) hold
// versions keyed by what the record is about followed by the 8-byte
// sequence number of the import that wrote it, so that a record's
// versions sort together in import order and its latest is the last.
// Observations are kept so by series, a block of figures per import (see
// block.go).
var (
	bucketMeta     = []byte("meta")     // keySchema -> SchemaVersion in decimal
	bucketImports  = []byte("imports")  // seq -> JSON app.Import; its NextSequence issues import IDs
	bucketFiles    = []byte("files")    // SHA-256 -> seq of the live import that read the file
	bucketWritten  = []byte("written")  // seq + kind -> the keys that import wrote in that kind's bucket (for observations, its blocks)
	bucketSettings = []byte("settings") // one nested bucket per settings bucket, key -> JSON
)

var keySchema = []byte("schema")

// recordKind names a record bucket; its byte value is part of the
// written index's keys, so the order of the constants is fixed by the
// schema version.
type recordKind byte

const (
	kindIndicator recordKind = iota
	kindObservation
	kindTarget
	kindBenchmark
	kindBreakdown
	kindComment
	kindChartSetting // added in schema 1 without a bump: a store that lacks its bucket has none
	numKinds
)

var kindBuckets = [numKinds][]byte{
	kindIndicator:    []byte("indicators"),
	kindObservation:  []byte("figures"),
	kindTarget:       []byte("targets"),
	kindBenchmark:    []byte("benchmarks"),
	kindBreakdown:    []byte("breakdowns"),
	kindComment:      []byte("comments"),
	kindChartSetting: []byte("chart settings"),
}

// schema1Buckets are the record buckets as schema 1 named them: its
// observations bucket held a key per figure version (observationKey).
var schema1Buckets = func() [numKinds][]byte {
	bs := kindBuckets
	bs[kindObservation] = []byte("observations")
	return bs
}()

func allBuckets() [][]byte {
	bs := [][]byte{bucketMeta, bucketImports, bucketFiles, bucketWritten, bucketSettings, bucketSums, bucketRefSums}
	return append(bs, kindBuckets[:]...)
}

const seqLen = 8

func seqKey(seq uint64) []byte { return binary.BigEndian.AppendUint64(nil, seq) }

// importID writes an import's sequence number as the ID users see.
func importID(seq uint64) string { return fmt.Sprintf("I%04d", seq) }

// parseImportID reads an ID such as "I0007" (or "I7", or "i0007").
func parseImportID(id string) (uint64, bool) {
	rest, ok := strings.CutPrefix(strings.ToUpper(strings.TrimSpace(id)), "I")
	if !ok {
		return 0, false
	}
	seq, err := strconv.ParseUint(rest, 10, 64)
	return seq, err == nil && seq > 0
}

// periodLen is the width of a period in a key: its start month and length
// first, so that a series' keys sort as app.Period.Compare orders them,
// then its kind, year and number, from which it is read back.
const periodLen = 7

func appendPeriod(b []byte, p app.Period) []byte {
	// StartMonth is Start's year*12+month-1, without building a time.
	b = binary.BigEndian.AppendUint16(b, uint16(p.StartMonth()))
	b = append(b, byte(p.Months()), byte(p.Kind))
	b = binary.BigEndian.AppendUint16(b, uint16(p.Year))
	return append(b, byte(p.N))
}

func readPeriod(b []byte) app.Period {
	return app.Period{Kind: app.PeriodKind(b[3]), Year: int(binary.BigEndian.Uint16(b[4:6])), N: int(b[6])}
}

// appendText appends one text part of a key, ended by a NUL byte; checkText
// has refused text holding one.
func appendText(b []byte, s string) []byte { return append(append(b, s...), 0) }

// checkText refuses key text that would make a key ambiguous.
func checkText(what string, ss ...string) error {
	for _, s := range ss {
		if strings.IndexByte(s, 0) >= 0 {
			return fmt.Errorf("%s: %q holds a NUL byte", what, s)
		}
	}
	return nil
}

// keyReader takes a key apart in the order its parts were appended.
type keyReader struct {
	b   []byte
	bad bool
}

func (r *keyReader) text() []byte {
	i := bytes.IndexByte(r.b, 0)
	if i < 0 {
		r.bad = true
		return nil
	}
	t := r.b[:i]
	r.b = r.b[i+1:]
	return t
}

func (r *keyReader) period() app.Period {
	if len(r.b) < periodLen {
		r.bad = true
		return app.Period{}
	}
	p := readPeriod(r.b)
	r.b = r.b[periodLen:]
	return p
}

// seq reads the final part of every record key.
func (r *keyReader) seq() uint64 {
	if len(r.b) != seqLen {
		r.bad = true
		return 0
	}
	return binary.BigEndian.Uint64(r.b)
}

// seriesOfKey returns the part of an observation block's key naming its
// series (ref, area and split; see AppendSeriesKey), refusing a key not
// laid out so.
func seriesOfKey(k []byte) ([]byte, error) {
	kr := keyReader{b: k}
	kr.text()
	kr.text()
	kr.text()
	s := k[:len(k)-len(kr.b)]
	if kr.seq(); kr.bad {
		return nil, fmt.Errorf("observation key %s: %w", obsKeyName(k), errCorrupt)
	}
	return s, nil
}

// base returns a record key without its import sequence number: what the
// record is about.
func base(k []byte) []byte { return k[:len(k)-seqLen] }

func keySeq(k []byte) uint64 { return binary.BigEndian.Uint64(k[len(k)-seqLen:]) }

// previousVersion returns the last version (not a restatement) of the
// record that key is about, written before the import key names.
func previousVersion(c *bolt.Cursor, key []byte) ([]byte, bool) {
	base := base(key)
	k, v := c.Seek(key)
	if k == nil {
		k, v = c.Last()
	} else {
		k, v = c.Prev()
	}
	// Keys are built from fixed-width parts and NUL-ended text, so a key
	// of the right length that starts with base is a version of base.
	for k != nil && len(k) == len(base)+seqLen && bytes.HasPrefix(k, base) {
		if !isRestatement(v) {
			return v, true
		}
		k, v = c.Prev()
	}
	return nil, false
}
