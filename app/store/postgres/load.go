package postgres

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"scorecard/app"
	"scorecard/app/store"
)

// Load reads the whole store into an app.History, as the bbolt engine's
// Load does: as if the datasets of the imports not undone were applied in
// import order. It reads in one REPEATABLE READ transaction, so an import
// committed meanwhile is either wholly in it or wholly not.
func (s *Store) Load() (*app.History, error) {
	return s.read("load", func(l *loader) error {
		for _, step := range []func() error{l.indicators, l.observations,
			l.latest(kindTarget), l.latest(kindBenchmark), l.latest(kindBreakdown), l.latest(kindComment), l.latest(kindChartSetting), l.circulations} {
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
	return s.loadIndicator(ref, "", nil)
}

// LoadEveryIndicator reads, in one transaction, what LoadIndicator gives
// of every indicator at once: an import's review of the figures held asks
// after each indicator the file gives in turn, and reading the imports and
// every definition again for each (some 6,000 transactions for a large
// revising file) made it twelve times as slow as on bbolt. Breakdowns are
// left out, as LoadIndicator leaves them.
func (s *Store) LoadEveryIndicator() (*app.History, error) {
	return s.read("load the figures held", func(l *loader) error {
		l.restated = true
		for _, step := range []func() error{l.indicators, l.observations,
			l.latest(kindTarget), l.targetRestatements, l.latest(kindBenchmark), l.latest(kindComment), l.latest(kindChartSetting)} {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
}

// LoadIndicatorArea reads what LoadIndicator would give, but of ref's
// figures only area's, every split of them: the other areas' blocks are
// not sent.
func (s *Store) LoadIndicatorArea(ref string, area app.Area) (*app.History, error) {
	only, err := store.AreaPrefix(ref, area)
	if err != nil {
		return nil, err
	}
	return s.loadIndicator(ref, " of "+string(area), only)
}

// loadIndicator is LoadIndicator reading, when only is set, the figures
// of the series whose keys begin with it alone; of names them for errors.
func (s *Store) loadIndicator(ref, of string, only []byte) (*app.History, error) {
	prefix, err := store.RefPrefix(ref)
	if err != nil {
		return nil, err
	}
	return s.read("load "+ref+of, func(l *loader) error {
		l.prefix, l.only, l.restated = prefix, only, true
		for _, step := range []func() error{l.indicators, l.observations,
			l.latest(kindTarget), l.targetRestatements, l.latest(kindBenchmark), l.latest(kindComment), l.latest(kindChartSetting)} {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
}

// HeldTargets reads the targets held now for each of refs, as
// LoadIndicator's history gives them, in one transaction and without the
// figures: what an import's targets are reviewed against.
func (s *Store) HeldTargets(refs []string) (map[string][]app.Target, error) {
	refs = slices.Compact(slices.Sorted(slices.Values(refs)))
	// A ref no store can hold is the file's fault, not the store's.
	prefixes := make([][]byte, len(refs))
	for i, ref := range refs {
		var err error
		if prefixes[i], err = store.RefPrefix(ref); err != nil {
			return nil, err
		}
	}
	h, err := s.read("read the targets held", func(l *loader) error {
		for i := range refs {
			l.prefix = prefixes[i]
			if err := l.latest(kindTarget)(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	held := make(map[string][]app.Target, len(refs))
	for _, ref := range refs {
		held[ref] = h.Targets(ref)
	}
	return held, nil
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
	// only, when set, limits the figures read to the series whose keys
	// begin with it (one area's).
	only []byte
	// restated, when set, adds which imports restated each figure
	// (app.History.Restated), as the bbolt engine's LoadIndicator does.
	restated bool
}

func (s *Store) read(doing string, fill func(*loader) error) (*app.History, error) {
	ctx := context.Background()
	h := app.NewHistory()
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		// Right after a large import, until autovacuum has analysed the
		// tables, the planner's statistics are stale and it may sort on
		// disk: a query that must sort is given room in memory. Sorting
		// is no longer turned off, as it was when a figure was a row
		// (schema 1): the planner's alternatives took 400 ms to load even
		// a small store, and blocks leave a few thousand rows to sort.
		if _, err := tx.Exec(ctx, "SET LOCAL work_mem = '64MB'"); err != nil {
			return err
		}
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
	// The authority's RAG rule rates the targets read, as the bbolt
	// engine's do.
	r, err := store.RAGRuleIn(s)
	if err != nil {
		return nil, s.fail(doing, err)
	}
	h.SetRAGRule(r)
	return h, nil
}

// keyRange is the SQL condition and arguments limiting column (a key) to
// keys beginning with prefix, none if it is nil, numbered from argument n.
func keyRange(prefix []byte, column string, n int) (string, []any) {
	if prefix == nil {
		return "true", nil
	}
	// Text parts end in NUL, so every key with the prefix sorts between
	// it and the prefix with its final NUL made 1.
	hi := bytes.Clone(prefix)
	hi[len(hi)-1] = 1
	return fmt.Sprintf("%[1]s >= $%[2]d AND %[1]s < $%[3]d", column, n, n+1), []any{prefix, hi}
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

// latest returns the step that adds the latest version of each record of
// kind kd, in key order.
func (l *loader) latest(kd kind) func() error {
	return func() error {
		cond, args := keyRange(l.prefix, "k", 2)
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

// targetRestatements adds the imports that stated each target held
// unchanged after the import that set it (app.History.TargetRestated),
// as the bbolt engine's LoadIndicator does: the restatements later than
// the target's latest version. A restatement's body is its version's.
func (l *loader) targetRestatements() error {
	cond, args := keyRange(l.prefix, "r.k", 2)
	rows, err := l.tx.Query(l.ctx, `SELECT r.k, r.seq, r.body::text FROM records r
		WHERE r.kind = $1 AND r.restatement AND `+cond+`
		AND r.seq > (SELECT max(v.seq) FROM records v WHERE v.kind = r.kind AND v.k = r.k AND NOT v.restatement)
		ORDER BY r.k, r.seq`, append([]any{int16(kindTarget)}, args...)...)
	if err != nil {
		return err
	}
	defer rows.Close()
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
		var t app.Target
		if err := json.Unmarshal(body, &t); err != nil {
			return fmt.Errorf("record %q: %w", k, err)
		}
		l.h.AddTargetRestatement(t.Ref, t.Year, id)
	}
	return rows.Err()
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

var errBadValue = errors.New("observation: a value of an unexpected width")
