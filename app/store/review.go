package store

import (
	"bytes"
	"fmt"
	"sync"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// HeldReview is what an import's review says of a file against what the
// store holds, pass by pass, each pass's warnings in the order the import
// records them (Warnings).
type HeldReview struct {
	Kept, Rounded, Years, Taken, Left []app.Warning
}

// Warnings is every pass's warnings, in the order an import records them.
func (r HeldReview) Warnings() []app.Warning {
	var out []app.Warning
	for _, ws := range [][]app.Warning{r.Kept, r.Rounded, r.Years, r.Taken, r.Left} {
		out = append(out, ws...)
	}
	return out
}

// ReviewHeld checks ds, read from the file named file, against the
// figures st holds: figures it would replace with none (KeepHeldFigures,
// which also keeps them in ds), rounded restatements, benchmark years,
// figures it takes back from imports, and indicators it leaves out. The
// command line's import and the window's review both call it, so that
// they say the same of a file and read the store alike: every pass
// through one IndicatorReader, which reads a team store's histories once
// rather than an indicator a round trip (QA28 2). On a bbolt store the
// pass over rounded restatements, which reads most indicators, reads
// their latest figures alone (latestFigures), through the same pieces.
func ReviewHeld(st Store, ds *app.Dataset, file string, imports []app.Import, inds []app.Indicator) (HeldReview, error) {
	var r HeldReview
	read := IndicatorReader(st)
	figures := func(ref string) (app.HeldFigures, error) {
		h, err := read(ref)
		if err != nil {
			return nil, err
		}
		return app.HeldFiguresOf(h, ref), nil
	}
	if b, ok := st.(*Bolt); ok {
		pieces := sync.OnceValues(b.Piecewise)
		read = readPieces(pieces, (*Pieces).LoadIndicator)
		figures = func(ref string) (app.HeldFigures, error) {
			p, err := pieces()
			if err != nil {
				return nil, err
			}
			return p.latestFigures(ref)
		}
	}
	var err error
	if r.Kept, err = app.KeepHeldFigures(ds, file, read); err != nil {
		return r, err
	}
	if r.Rounded, err = app.RoundedRestatements(ds, file, figures); err != nil {
		return r, err
	}
	if r.Years, err = app.KeepHeldBenchmarkYears(ds, file, read); err != nil {
		return r, err
	}
	if r.Taken, err = app.TakenBack(ds, file, imports, read); err != nil {
		return r, err
	}
	if r.Left, err = app.LeftOutIndicators(ds, file, inds, read); err != nil {
		return r, err
	}
	return r, nil
}

// latestFigures reads of ref what a comparison of a file's figures with
// those held needs (app.RoundedRestatements): the latest version of each
// period of each series, its numbers, status and stand-in mark, and
// nothing else, neither of the figure (its texts, cell and import) nor of
// the indicator (earlier versions, restatements, targets, benchmarks,
// comments). Decoding all that was most of a re-import's review of the
// large workbook. What LoadIndicator reads is checked against the store's
// sums as it checks it, the records left undecoded included.
func (p *Pieces) latestFigures(ref string) (app.HeldFigures, error) {
	prefix, err := RefPrefix(ref)
	if err != nil {
		return nil, err
	}
	held := app.HeldFigures{}
	err = p.view(func(tx *bolt.Tx) error {
		l := &loader{tx: tx, h: app.NewHistory(), ids: p.ids, prefix: prefix, sums: newPartialChecker(tx, ref)}
		l.sums.definitionsUnread = true
		latest := func() error { return l.latestFigures(held) }
		if err := l.run(latest, l.proving(kindTarget), l.proving(kindBenchmark), l.proving(kindComment), l.proving(kindChartSetting)); err != nil {
			return err
		}
		return l.sums.check(tx, p.s.path)
	})
	if err != nil {
		return nil, err
	}
	return held, nil
}

// latestFigures adds to out each series it reads as Pieces.latestFigures
// reads it, each block summed. A period's later versions stand over its
// earlier as app.History.Add has them stand: one that restates the
// figure before it gives its status and mark with the value before it,
// and the numerator and denominator before it where it gives neither.
func (l *loader) latestFigures(out app.HeldFigures) error {
	b := l.tx.Bucket(kindBuckets[kindObservation])
	batch := sumBatch{c: l.sums, kind: kindObservation}
	versions := versionReader{c: b.Cursor()}
	d := newObservationDecoder()
	var series []byte
	c := b.Cursor()
	for k, v := l.first(c); k != nil; k, v = l.within(c.Next()) {
		batch.add(k, v)
		s, err := seriesOfKey(k)
		if err != nil {
			return err
		}
		if bytes.Equal(s, series) {
			continue // read with the series' first block
		}
		series = s
		key := d.seriesKey(s)
		held, blocks, _, err := versions.versions(s)
		if err != nil {
			return fmt.Errorf("observations of %s: %w", key, err)
		}
		figs := make([]app.HeldFigure, 0, len(held))
		for i := 0; i < len(held); {
			cur := held[i].figures(blocks[held[i].block])
			pkey := held[i].pkey
			for i++; i < len(held) && held[i].pkey == pkey; i++ {
				later := held[i].figures(blocks[held[i].block])
				if restatesFigures(cur, later) {
					later.flags = later.flags&^hasValue | cur.flags&hasValue
					later.floats[0] = cur.floats[0]
					if later.flags&(hasNumerator|hasDenominator) == 0 {
						later.flags |= cur.flags & (hasNumerator | hasDenominator)
						later.floats[1], later.floats[2] = cur.floats[1], cur.floats[2]
					}
				}
				cur = later
			}
			figs = append(figs, app.HeldFigure{
				Period:  readPeriod(pkey[:]),
				Numbers: cur.floats,
				Status:  cur.status,
				// The flags' bits of the numbers are Given's.
				Given:   cur.flags & (hasValue | hasNumerator | hasDenominator),
				StandIn: cur.flags&isStandIn != 0,
			})
		}
		if len(figs) > 0 {
			out[key] = figs
		}
	}
	batch.flush()
	return nil
}
