package store

import (
	"slices"

	"scorecard/app"
)

// HeldTargets reads the targets the store holds now for each of refs, as
// LoadIndicator's history gives them (History.Targets): what an import's
// targets are reviewed against (app.ReviewTargets). Each indicator's
// records are proved against its checksums, as LoadIndicator proves
// them, but its figures are not decoded: reviewing a monthly file of a
// hundred indicators' targets decoded every figure in the store, one
// indicator at a time, to read a few hundred targets. The definitions,
// which Indicators proves, are not read.
func (s *Bolt) HeldTargets(refs []string) (map[string][]app.Target, error) {
	refs = slices.Compact(slices.Sorted(slices.Values(refs)))
	// A ref no store can hold is the file's fault: found inside the
	// read, it would be reported as damage to the store.
	prefixes := make([][]byte, len(refs))
	for i, ref := range refs {
		var err error
		if prefixes[i], err = RefPrefix(ref); err != nil {
			return nil, err
		}
	}
	held := make(map[string][]app.Target, len(refs))
	h, err := s.read(func(l *loader) error {
		for i, ref := range refs {
			l.prefix = prefixes[i]
			l.sums = newPartialChecker(l.tx, ref)
			l.sums.definitionsUnread = true
			err := l.run(l.proving(kindObservation), l.targets, l.proving(kindBenchmark), l.proving(kindComment), l.proving(kindChartSetting))
			if err != nil {
				return err
			}
			if err := l.sums.check(l.tx, s.path); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, ref := range refs {
		held[ref] = h.Targets(ref)
	}
	return held, nil
}

// proving returns a step that adds the loader's records of kind to its
// checksums without decoding them.
func (l *loader) proving(kind recordKind) func() error {
	return func() error {
		b := l.tx.Bucket(kindBuckets[kind])
		if b == nil {
			return nil // a store made before chart settings
		}
		batch := sumBatch{c: l.sums, kind: kind}
		c := b.Cursor()
		for k, v := l.first(c); k != nil; k, v = l.within(c.Next()) {
			batch.add(k, v)
		}
		batch.flush()
		return nil
	}
}
