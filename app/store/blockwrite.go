package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// flushBlocks writes the queued observations, each pending key a series
// key and period, as one block per series, in key order. A figure stated
// twice in the dataset is stated by its later statement; one whose latest
// earlier version says the same is a restatement. It returns the figures
// added, and of them the revisions.
func (w *snapshotWriter) flushBlocks(obs []app.Observation) (added, revised int, err error) {
	slices.SortFunc(w.pending, func(a, b pendingPut) int {
		return cmp.Or(bytes.Compare(a.k, b.k), cmp.Compare(a.rec, b.rec))
	})
	defer func() { w.pending = w.pending[:0] }()
	b := w.tx.Bucket(kindBuckets[kindObservation])
	if b == nil {
		return 0, 0, fmt.Errorf("no %s bucket", kindBuckets[kindObservation])
	}
	b.FillPercent = fillPercent
	// A bucket empty before this import holds no earlier version of
	// anything, so nothing need be looked up.
	first, _ := b.Cursor().First()
	fresh := first == nil
	latest := map[[periodLen]byte]figures{}
	var enc blockEncoder
	half := len(w.pending) / 2
	for start := 0; start < len(w.pending); {
		series := w.pending[start].k[:len(w.pending[start].k)-periodLen]
		end := start + 1
		for end < len(w.pending) && len(w.pending[end].k) == len(series)+periodLen && bytes.HasPrefix(w.pending[end].k, series) {
			end++
		}
		clear(latest)
		if !fresh {
			if err := latestVersions(b, series, latest); err != nil {
				return 0, 0, fmt.Errorf("observations of %s: %w", app.SeriesKey{Ref: obs[w.pending[start].rec].Ref, Area: obs[w.pending[start].rec].Area, Split: obs[w.pending[start].rec].Split}, err)
			}
		}
		enc = blockEncoder{b: enc.b[:0]}
		for j := start; j < end; j++ {
			if j == half && testHookMidImport != nil {
				testHookMidImport()
			}
			p := w.pending[j]
			if j+1 < end && bytes.Equal(w.pending[j+1].k, p.k) {
				continue // the later statement stands
			}
			o := &obs[p.rec]
			prev, hasPrev := latest[[periodLen]byte(p.k[len(series):])]
			restated := hasPrev && o.Restates(prev.observation())
			if !restated {
				added++
				if hasPrev {
					revised++
				}
			}
			enc.add(o, restated)
		}
		k := w.carve(len(series) + seqLen)
		binary.BigEndian.PutUint64(k[copy(k, series):], w.seq)
		v := w.carve(len(enc.b))
		copy(v, enc.b)
		if err := b.Put(k, v); err != nil {
			o := &obs[w.pending[start].rec]
			return 0, 0, fmt.Errorf("observations of %s: %w", app.SeriesKey{Ref: o.Ref, Area: o.Area, Split: o.Split}, err)
		}
		w.addSum(kindObservation, k, recordHash(k, v))
		w.note(kindObservation, k)
		start = end
	}
	return added, revised, nil
}

// blockArena is the size of the chunks blocks are carved from: bbolt
// holds every key and value put until the commit.
const blockArena = 1 << 20

// carve returns n bytes from the writer's arena.
func (w *snapshotWriter) carve(n int) []byte {
	if n > blockArena/4 {
		return make([]byte, n)
	}
	if cap(w.blocks)-len(w.blocks) < n {
		w.blocks = make([]byte, 0, blockArena)
	}
	from := len(w.blocks)
	w.blocks = w.blocks[:from+n]
	return w.blocks[from : from+n : from+n]
}

// latestVersions fills latest with the latest version (not restatement)
// of each period in the blocks of series stored, by the period's key.
// The figures point into the store's pages, valid in this transaction.
func latestVersions(b *bolt.Bucket, series []byte, latest map[[periodLen]byte]figures) error {
	c := b.Cursor()
	r := newBlockReader(nil)
	for k, v := c.Seek(series); k != nil && isBlockOf(k, series); k, v = c.Next() {
		r.reset(v)
		for r.next() {
			if !r.e.restatement() {
				latest[r.e.pkey] = r.e.figures()
			}
		}
		if r.bad {
			return fmt.Errorf("block %q: %w", k, errCorrupt)
		}
	}
	return nil
}

// restatesFigures is restates on decoded figures: b, the later, says what
// a says.
func restatesFigures(a, b figures) bool { return b.observation().Restates(a.observation()) }

// undoBlock removes the block with key k, keeping the rule removeVersion
// keeps for each of its figures: for each period the block gave a version
// of, the next later statement of that period, in a later block, becomes a
// version if it was a restatement, and a restatement if it is a version
// that now repeats the version before the removed one.
func undoBlock(b *bolt.Bucket, k []byte) error {
	series := base(k)
	type block struct {
		k, v  []byte
		dirty bool
	}
	var blocks []block
	at := -1
	c := b.Cursor()
	for bk, bv := c.Seek(series); bk != nil && isBlockOf(bk, series); bk, bv = c.Next() {
		if bytes.Equal(bk, k) {
			at = len(blocks)
		}
		blocks = append(blocks, block{k: bytes.Clone(bk), v: bytes.Clone(bv)})
	}
	if at < 0 {
		return fmt.Errorf("%s %q: %w", kindBuckets[kindObservation], k, errCorrupt)
	}
	// What the removed block gave, and for each of its versions' periods,
	// the latest version before it and the next statement after it.
	type next struct {
		block, off int
		fig        figures
		restated   bool
	}
	gave := map[[periodLen]byte]bool{}
	r := newBlockReader(blocks[at].v)
	for r.next() {
		if !r.e.restatement() {
			gave[r.e.pkey] = true
		}
	}
	if r.bad {
		return fmt.Errorf("block %q: %w", k, errCorrupt)
	}
	before := map[[periodLen]byte]figures{}
	for _, bl := range blocks[:at] {
		r.reset(bl.v)
		for r.next() {
			if gave[r.e.pkey] && !r.e.restatement() {
				before[r.e.pkey] = r.e.figures()
			}
		}
		if r.bad {
			return fmt.Errorf("block %q: %w", bl.k, errCorrupt)
		}
	}
	after := map[[periodLen]byte]next{}
	for i := at + 1; i < len(blocks) && len(after) < len(gave); i++ {
		r.reset(blocks[i].v)
		for r.next() {
			if _, found := after[r.e.pkey]; gave[r.e.pkey] && !found {
				after[r.e.pkey] = next{block: i, off: r.e.off, fig: r.e.figures(), restated: r.e.restatement()}
			}
		}
		if r.bad {
			return fmt.Errorf("block %q: %w", blocks[i].k, errCorrupt)
		}
	}
	for p, n := range after {
		var flip bool
		if n.restated {
			flip = true // it repeated the version removed
		} else if prev, ok := before[p]; ok && restatesFigures(prev, n.fig) {
			flip = true
		}
		if flip {
			blocks[n.block].v[n.off] ^= entRestatement
			blocks[n.block].dirty = true
		}
	}
	if err := b.Delete(k); err != nil {
		return err
	}
	for _, bl := range blocks {
		if !bl.dirty {
			continue
		}
		old := b.Get(bl.k)
		if err := adjustSum(b.Tx(), kindObservation, bl.k, old, bl.v); err != nil {
			return err
		}
		if err := b.Put(bl.k, bl.v); err != nil {
			return err
		}
	}
	return nil
}
