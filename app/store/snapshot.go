package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// snapshotWriter writes one import's records and remembers their keys, so
// that Undo can remove exactly them. A record the import states just as
// its latest version already does is written as a restatement (see
// tagRestatement), which adds nothing to the history.
//
// It writes each bucket's records in key order: bbolt then appends to a
// leaf rather than inserting into its middle, which, with a large import
// into a new store's one growing leaf, moved the whole leaf for every
// record and took seconds.
type snapshotWriter struct {
	tx      *bolt.Tx
	seq     uint64
	written [numKinds][]byte // uvarint-length-prefixed keys, per kind
	sum     uint64           // of recordHash over the records written (see sums.go)
	defs    uint64           // of recordHash over the definitions written
	refs    map[string]uint64
	pending []pendingPut // one kind's records, waiting to be sorted
	grouped <-chan groupedSeries
}

// addSum counts h, the hash of the record of kind with key k, in the
// import's sums; -h takes it out again.
func (w *snapshotWriter) addSum(kind recordKind, k []byte, h uint64) {
	w.sum += h
	switch defs, ref := sumGroup(kind, k); {
	case defs:
		w.defs += h
	case ref != nil:
		if w.refs == nil {
			w.refs = map[string]uint64{}
		}
		w.refs[string(ref)] += h
	}
}

// saveSums records the import's sums.
func (w *snapshotWriter) saveSums() error {
	if err := putSum(w.tx, w.seq, sumRecords, w.sum); err != nil {
		return err
	}
	if err := putSum(w.tx, w.seq, sumDefinitions, w.defs); err != nil {
		return err
	}
	b := w.tx.Bucket(bucketRefSums)
	if b == nil {
		return nil // a store opened read-only
	}
	for ref, sum := range w.refs {
		if err := b.Put(refSumKey([]byte(ref), w.seq), binary.BigEndian.AppendUint64(nil, sum)); err != nil {
			return err
		}
	}
	return nil
}

// pendingPut is a record waiting to be written: its full key, its tagged
// value, and its index in the dataset's list, to name it in an error.
type pendingPut struct {
	k, v []byte
	rec  int
}

func (w *snapshotWriter) write(ds *app.Dataset, n *app.Counts) error {
	for i, ind := range ds.Indicators {
		k, err := IndicatorKey(&ind)
		if err != nil {
			return err
		}
		v, err := encodeIndicator(ind, i)
		if err != nil {
			return err
		}
		w.queue(k, v, i)
	}
	added, _, err := w.flush(kindIndicator, func(i int) string { return "indicator " + ds.Indicators[i].Ref })
	if err != nil {
		return err
	}
	n.Indicators += added
	added, revised, err := w.flushBlocks(ds.Observations)
	if err != nil {
		return err
	}
	n.Observations += added
	n.Revisions += revised
	for i, t := range ds.Targets {
		t.Import = ""
		k, err := TargetKey(&t)
		if err := w.queueJSON(k, err, t, i); err != nil {
			return fmt.Errorf("target %s %s: %w", t.Ref, t.Year, err)
		}
	}
	added, _, err = w.flush(kindTarget, func(i int) string {
		return fmt.Sprintf("target %s %s", ds.Targets[i].Ref, ds.Targets[i].Year)
	})
	if err != nil {
		return err
	}
	n.Targets += added
	for i, b := range ds.Benchmarks {
		b.Import = ""
		k, err := BenchmarkKey(&b)
		if err := w.queueJSON(k, err, b, i); err != nil {
			return fmt.Errorf("benchmark %s %s %s: %w", b.Ref, b.Period, b.Group, err)
		}
	}
	added, _, err = w.flush(kindBenchmark, func(i int) string {
		b := &ds.Benchmarks[i]
		return fmt.Sprintf("benchmark %s %s %s", b.Ref, b.Period, b.Group)
	})
	if err != nil {
		return err
	}
	n.Benchmarks += added
	for i, b := range ds.Breakdowns {
		b.Import = ""
		k, err := BreakdownKey(&b)
		if err := w.queueJSON(k, err, b, i); err != nil {
			return fmt.Errorf("breakdown %s %s %s: %w", b.Measure, b.Period, b.Area, err)
		}
	}
	added, _, err = w.flush(kindBreakdown, func(i int) string {
		b := &ds.Breakdowns[i]
		return fmt.Sprintf("breakdown %s %s %s", b.Measure, b.Period, b.Area)
	})
	if err != nil {
		return err
	}
	n.Breakdowns += added
	for i, c := range ds.Comments {
		c.Import = ""
		k, err := CommentKey(&c)
		if err := w.queueJSON(k, err, c, i); err != nil {
			return fmt.Errorf("comment %s %s %s: %w", c.Ref, c.Area, c.Period, err)
		}
	}
	added, _, err = w.flush(kindComment, func(i int) string {
		c := &ds.Comments[i]
		return fmt.Sprintf("comment %s %s %s", c.Ref, c.Area, c.Period)
	})
	if err != nil {
		return err
	}
	n.Comments += added
	if len(ds.ChartSettings) > 0 {
		// Stores made before chart settings lack the bucket.
		if _, err := w.tx.CreateBucketIfNotExists(kindBuckets[kindChartSetting]); err != nil {
			return err
		}
	}
	for i, c := range ds.ChartSettings {
		c.Import = ""
		k, err := ChartSettingKey(&c)
		if err := w.queueJSON(k, err, c, i); err != nil {
			return fmt.Errorf("chart setting %s %s: %w", c.Ref, c.Kind, err)
		}
	}
	if _, _, err = w.flush(kindChartSetting, func(i int) string {
		c := &ds.ChartSettings[i]
		return fmt.Sprintf("chart setting %s %s", c.Ref, c.Kind)
	}); err != nil {
		return err
	}
	return nil
}

// queue holds the record with base key k and tagged value v until flush.
func (w *snapshotWriter) queue(k, v []byte, rec int) {
	w.pending = append(w.pending, pendingPut{k: binary.BigEndian.AppendUint64(k, w.seq), v: v, rec: rec})
}

// queueJSON queues rec as JSON under key. An error from building the key
// is passed through, so that callers wrap both alike.
func (w *snapshotWriter) queueJSON(key []byte, keyErr error, rec any, i int) error {
	if keyErr != nil {
		return keyErr
	}
	v, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	w.queue(key, append([]byte{tagVersion}, v...), i)
	return nil
}

// flush writes the queued records of one kind in key order, keeping the
// dataset's order among records with one key so that the later statement
// stands, and returns what put counted. name describes a record for an
// error.
func (w *snapshotWriter) flush(kind recordKind, name func(rec int) string) (added, revised int, err error) {
	// Ties keep the dataset's order by its index: an unstable sort so
	// ordered is stable, and quicker than SortStableFunc's merging.
	slices.SortFunc(w.pending, func(a, b pendingPut) int {
		return cmp.Or(bytes.Compare(a.k, b.k), cmp.Compare(a.rec, b.rec))
	})
	b := w.tx.Bucket(kindBuckets[kind])
	if b == nil {
		if len(w.pending) == 0 {
			return 0, 0, nil
		}
		return 0, 0, fmt.Errorf("no %s bucket", kindBuckets[kind])
	}
	b.FillPercent = fillPercent
	// A bucket empty before this import holds no earlier version of
	// anything, so nothing need be looked up.
	fresh, _ := b.Cursor().First()
	pw := putWriter{snapshotWriter: w, b: b, kind: kind, fresh: fresh == nil}
	if len(w.pending) > 0 {
		// The index of keys written grows by about a key a record.
		w.written[kind] = slices.Grow(w.written[kind], len(w.pending)*(len(w.pending[0].k)+1))
	}
	for j, p := range w.pending {
		if kind == kindObservation && j == len(w.pending)/2 && testHookMidImport != nil {
			testHookMidImport()
		}
		a, r, err := pw.put(p.k, p.v)
		if err != nil {
			return 0, 0, fmt.Errorf("%s: %w", name(p.rec), err)
		}
		added += a
		revised += r
	}
	w.pending = w.pending[:0]
	return added, revised, nil
}

// putWriter writes one kind's records, in key order, into its bucket.
type putWriter struct {
	*snapshotWriter
	b     *bolt.Bucket
	kind  recordKind
	fresh bool // the bucket was empty before this import
	// last is the key and value of the record put before, which a
	// record stated twice in the dataset follows, the keys being sorted.
	lastK, lastV []byte
}

// put stores v, a value tagged as a version, as this import's version k
// of a record, or as a restatement when the latest earlier version says
// the same. It returns 1 in added when it stored a version, and 1 in
// revised when that version replaces an earlier one. When the dataset
// gives the record twice, the later replaces the earlier and the counts
// are corrected.
func (w *putWriter) put(k, v []byte) (added, revised int, err error) {
	var prev []byte
	var hasPrev bool
	if !w.fresh {
		prev, hasPrev = previousVersion(w.b.Cursor(), k)
	}
	if hasPrev && versionRules[w.kind].same(prev, v) {
		v[0] = tagRestatement
	} else {
		added = 1
		if hasPrev {
			revised = 1
		}
	}
	w.addSum(w.kind, k, recordHash(k, v))
	own := w.lastV
	if !bytes.Equal(w.lastK, k) {
		own = nil
	}
	w.lastK, w.lastV = k, v
	if own != nil {
		w.addSum(w.kind, k, -recordHash(k, own))
		if !isRestatement(own) {
			added--
			if hasPrev {
				revised--
			}
		}
		return added, revised, w.b.Put(k, v)
	}
	if err := w.b.Put(k, v); err != nil {
		return 0, 0, err
	}
	w.note(w.kind, k)
	return added, revised, nil
}

func (w *snapshotWriter) note(kind recordKind, k []byte) {
	w.written[kind] = binary.AppendUvarint(w.written[kind], uint64(len(k)))
	w.written[kind] = append(w.written[kind], k...)
}

// saveIndex stores the keys written, one value per kind, under the
// import's sequence number.
func (w *snapshotWriter) saveIndex() error {
	idx := w.tx.Bucket(bucketWritten)
	for kind, keys := range w.written {
		if len(keys) == 0 {
			continue
		}
		if err := idx.Put(writtenKey(w.seq, recordKind(kind)), keys); err != nil {
			return err
		}
	}
	return nil
}

func writtenKey(seq uint64, kind recordKind) []byte { return append(seqKey(seq), byte(kind)) }
