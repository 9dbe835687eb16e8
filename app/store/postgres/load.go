package postgres

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"scorecard/app"
)

// Load reads the whole store into an app.History, as the bbolt engine's
// Load does: as if the datasets of the imports not undone were applied in
// import order. It reads in one REPEATABLE READ transaction, so an import
// committed meanwhile is either wholly in it or wholly not.
func (s *Store) Load() (*app.History, error) {
	return s.read("load", func(l *loader) error {
		for _, step := range []func() error{l.indicators, l.observations,
			l.latest(kindTarget), l.latest(kindBenchmark), l.latest(kindBreakdown), l.latest(kindComment), l.latest(kindChartSetting)} {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
}

// LoadIndicator reads what Load would give of one indicator: every
// indicator's definitions and the imports, and ref's figures, targets,
// benchmarks, comments and chart settings. Breakdowns are left out.
func (s *Store) LoadIndicator(ref string) (*app.History, error) {
	if err := checkText("indicator", ref); err != nil {
		return nil, err
	}
	return s.read("load "+ref, func(l *loader) error {
		l.prefix = refPrefix(ref)
		for _, step := range []func() error{l.indicators, l.observations,
			l.latest(kindTarget), l.latest(kindBenchmark), l.latest(kindComment), l.latest(kindChartSetting)} {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
}

// Indicators returns the indicators as the store defines them now, in the
// order first imported.
func (s *Store) Indicators() ([]app.Indicator, error) {
	h, err := s.read("read the indicators", func(l *loader) error { return l.indicators() })
	if err != nil {
		return nil, err
	}
	return h.Indicators(), nil
}

// loader fills a History from one read transaction.
type loader struct {
	ctx context.Context
	tx  pgx.Tx
	h   *app.History
	ids map[int64]string
	// prefix, when set, limits the records read to one indicator's,
	// whose keys begin with it (indicator definitions excepted).
	prefix []byte
}

func (s *Store) read(doing string, fill func(*loader) error) (*app.History, error) {
	ctx := context.Background()
	h := app.NewHistory()
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		recs, ids, err := readImports(ctx, tx)
		if err != nil {
			return err
		}
		for _, rec := range recs {
			if rec.Undone == nil {
				h.Imports = append(h.Imports, rec)
			}
		}
		return fill(&loader{ctx: ctx, tx: tx, h: h, ids: ids})
	})
	if err != nil {
		return nil, s.fail(doing, err)
	}
	return h, nil
}

// keyRange is the SQL condition and arguments limiting k to the loader's
// prefix, numbered from argument n.
func (l *loader) keyRange(n int) (string, []any) {
	if l.prefix == nil {
		return "true", nil
	}
	// Text parts end in NUL, so every key with the prefix sorts between
	// it and the prefix with its final NUL made 1.
	hi := bytes.Clone(l.prefix)
	hi[len(hi)-1] = 1
	return fmt.Sprintf("k >= $%d AND k < $%d", n, n+1), []any{l.prefix, hi}
}

func (l *loader) importOf(seq int64) (string, error) {
	id, ok := l.ids[seq]
	if !ok {
		return "", fmt.Errorf("a record was written by import %d, which the import log lacks", seq)
	}
	return id, nil
}

// indicators adds each indicator's definitions in import order, placing
// the indicators in the order they were first imported.
func (l *loader) indicators() error {
	rows, err := l.tx.Query(l.ctx, "SELECT k, seq, restatement, pos, body::text FROM records WHERE kind = $1 ORDER BY k, seq", int16(kindIndicator))
	if err != nil {
		return err
	}
	defer rows.Close()
	type placed struct {
		seq  int64
		pos  int32
		defs []app.Indicator
	}
	var all []placed
	var at []byte
	for rows.Next() {
		var k []byte
		var seq int64
		var r bool
		var pos int32
		var body []byte
		if err := rows.Scan(&k, &seq, &r, &pos, &body); err != nil {
			return err
		}
		if at == nil || !bytes.Equal(k, at) {
			at = k
			all = append(all, placed{seq: seq, pos: pos})
		}
		if r {
			continue
		}
		var ind app.Indicator
		if err := json.Unmarshal(body, &ind); err != nil {
			return fmt.Errorf("indicator %q: %w", k, err)
		}
		p := &all[len(all)-1]
		p.defs = append(p.defs, ind)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	slices.SortFunc(all, func(a, b placed) int {
		return cmp.Or(cmp.Compare(a.seq, b.seq), cmp.Compare(a.pos, b.pos))
	})
	for _, p := range all {
		for _, ind := range p.defs {
			l.h.AddIndicator(ind)
		}
	}
	return nil
}

// observations loads each series whole, as the bbolt engine does: its
// first versions in one SetSeries, then later versions of revised figures
// through History.Add, which keeps the earlier as revisions.
func (l *loader) observations() error {
	cond, args := l.keyRange(1)
	rows, err := l.tx.Query(l.ctx, `SELECT seq, ref, area, split, period_kind, period_year, period_n,
		value, numerator, denominator, stand_in, status, raw, source_arrow, source_rag, rule, cell
		FROM observations WHERE NOT restatement AND `+cond+` ORDER BY k, seq`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var (
		key    app.SeriesKey
		firsts []app.Observation
		later  []app.Observation
	)
	flush := func() {
		if len(firsts) > 0 {
			l.h.SetSeries(key, slices.Clone(firsts))
		}
		for _, o := range later {
			l.h.Add(o)
		}
		firsts, later = firsts[:0], later[:0]
	}
	intern := map[string]string{}
	in := func(s string) string {
		if t, ok := intern[s]; ok {
			return t
		}
		intern[s] = s
		return s
	}
	for rows.Next() {
		var (
			o                             app.Observation
			seq                           int64
			ref, area, split              string
			pk, py, pn                    int16
			status, arrow, rag, rule, raw string
		)
		if err := rows.Scan(&seq, &ref, &area, &split, &pk, &py, &pn, &o.Value, &o.Numerator, &o.Denominator,
			&o.StandIn, &status, &raw, &arrow, &rag, &rule, &o.Cell); err != nil {
			return err
		}
		k := app.SeriesKey{Ref: ref, Area: app.Area(area), Split: app.Split(split)}
		if k != key {
			flush()
			key = app.SeriesKey{Ref: in(ref), Area: app.Area(in(area)), Split: app.Split(in(split))}
		}
		o.Ref, o.Area, o.Split = key.Ref, key.Area, key.Split
		o.Period = app.Period{Kind: app.PeriodKind(pk), Year: int(py), N: int(pn)}
		o.Status, o.Raw = app.Status(in(status)), raw
		o.SourceArrow, o.SourceRAG, o.Rule = app.Arrow(in(arrow)), app.RAG(in(rag)), in(rule)
		var err error
		if o.Import, err = l.importOf(seq); err != nil {
			return err
		}
		if n := len(firsts); n > 0 && firsts[n-1].Period == o.Period {
			later = append(later, o)
		} else {
			firsts = append(firsts, o)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	flush()
	return nil
}

// latest returns the step that adds the latest version of each record of
// kind kd, in key order.
func (l *loader) latest(kd kind) func() error {
	return func() error {
		cond, args := l.keyRange(2)
		rows, err := l.tx.Query(l.ctx, `SELECT DISTINCT ON (k) k, seq, body::text FROM records
			WHERE kind = $1 AND NOT restatement AND `+cond+` ORDER BY k, seq DESC`, append([]any{int16(kd)}, args...)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		var ds app.Dataset
		for rows.Next() {
			var k, body []byte
			var seq int64
			if err := rows.Scan(&k, &seq, &body); err != nil {
				return err
			}
			id, err := l.importOf(seq)
			if err != nil {
				return err
			}
			if err := l.add(kd, body, id, &ds); err != nil {
				return fmt.Errorf("record %q: %w", k, err)
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if len(ds.Breakdowns) > 0 {
			// History has no method to add one breakdown; Apply keeps
			// each record's own Import.
			l.h.Apply(&ds, "")
		}
		return nil
	}
}

// add decodes one record of kind kd and adds it to the history (a
// breakdown to ds, for Apply).
func (l *loader) add(kd kind, body []byte, id string, ds *app.Dataset) error {
	switch kd {
	case kindTarget:
		var t app.Target
		if err := json.Unmarshal(body, &t); err != nil {
			return err
		}
		t.Import = id
		l.h.AddTarget(t)
	case kindBenchmark:
		var b app.Benchmark
		if err := json.Unmarshal(body, &b); err != nil {
			return err
		}
		b.Import = id
		l.h.AddBenchmark(b)
	case kindBreakdown:
		var b app.Breakdown
		if err := json.Unmarshal(body, &b); err != nil {
			return err
		}
		b.Import = id
		ds.Breakdowns = append(ds.Breakdowns, b)
	case kindComment:
		var c app.Comment
		if err := json.Unmarshal(body, &c); err != nil {
			return err
		}
		c.Import = id
		l.h.AddComment(c)
	case kindChartSetting:
		var c app.ChartSetting
		if err := json.Unmarshal(body, &c); err != nil {
			return err
		}
		c.Import = id
		l.h.AddChartSetting(c)
	}
	return nil
}
