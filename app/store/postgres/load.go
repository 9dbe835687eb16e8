package postgres

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
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
		// Right after a large import, until autovacuum has analysed the
		// tables, the planner's statistics are stale and it sorts a
		// quarter of a million figures on disk rather than read them in
		// the primary key's order, taking three times as long: every read
		// here is in key order, so sorting is turned off, and given room
		// in memory where a query must sort.
		if _, err := tx.Exec(ctx, "SET LOCAL work_mem = '64MB'; SET LOCAL enable_sort = off"); err != nil {
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
//
// The figures are read in whatever order the server finds them and put in
// order here, series by series: ordering a quarter of a million rows took
// the server longer than sorting each series' few dozen takes.
func (l *loader) observations() error {
	cond, args := l.keyRange(1)
	rows, err := l.tx.Query(l.ctx, `SELECT seq, ref, area, split, period_kind, period_year, period_n,
		value, numerator, denominator, stand_in, status, raw, source_arrow, source_rag, rule, cell
		FROM observations WHERE NOT restatement AND `+cond, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	d := &decoder{interned: map[string]string{}}
	// Text is the same in either format; numbers and bytes must be binary.
	raw := true
	for i, f := range rows.FieldDescriptions() {
		switch i {
		case 0, 4, 5, 6, 7, 8, 9, 10, 12, 16:
			raw = raw && f.Format == pgx.BinaryFormatCode
		}
	}
	type version struct {
		seq int64
		o   app.Observation
	}
	at := map[app.SeriesKey]int{}
	var series [][]version
	var keys []app.SeriesKey
	for rows.Next() {
		var v version
		var err error
		if raw {
			v.seq, err = d.observation(rows.RawValues(), &v.o)
		} else {
			v.seq, err = d.scan(rows, &v.o)
		}
		if err != nil {
			return err
		}
		if v.o.Import, err = l.importOf(v.seq); err != nil {
			return err
		}
		k := app.SeriesKey{Ref: v.o.Ref, Area: v.o.Area, Split: v.o.Split}
		i, ok := at[k]
		if !ok {
			i = len(series)
			at[k] = i
			series = append(series, nil)
			keys = append(keys, k)
		}
		series[i] = append(series[i], v)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	var firsts, later []app.Observation
	for i, s := range series {
		// The order of the bbolt engine's keys: period, then import.
		slices.SortFunc(s, func(a, b version) int {
			return cmp.Or(a.o.Period.Compare(b.o.Period), cmp.Compare(a.o.Period.Kind, b.o.Period.Kind),
				cmp.Compare(a.o.Period.Year, b.o.Period.Year), cmp.Compare(a.o.Period.N, b.o.Period.N), cmp.Compare(a.seq, b.seq))
		})
		firsts, later = firsts[:0], later[:0]
		for _, v := range s {
			if n := len(firsts); n > 0 && firsts[n-1].Period == v.o.Period {
				later = append(later, v.o)
			} else {
				firsts = append(firsts, v.o)
			}
		}
		l.h.SetSeries(keys[i], slices.Clone(firsts))
		for _, o := range later {
			l.h.Add(o)
		}
		series[i] = nil
	}
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

// decoder reads observations from the rows of the load query (seq, ref,
// area, split, period_kind, period_year, period_n, value, numerator,
// denominator, stand_in, status, raw, source_arrow, source_rag, rule,
// cell). A large store holds a quarter of a million, so it reads the
// binary values itself rather than through Scan's reflection, interns the
// text that repeats, and carves the figures' pointers from shared blocks:
// one allocation per field dominated loading otherwise.
type decoder struct {
	interned map[string]string
	floats   []float64
}

func (d *decoder) intern(b []byte) string {
	if s, ok := d.interned[string(b)]; ok {
		return s
	}
	s := string(b)
	d.interned[s] = s
	return s
}

func (d *decoder) float(b []byte) (*float64, error) {
	if b == nil {
		return nil, nil
	}
	if len(b) != 8 {
		return nil, errBadValue
	}
	if len(d.floats) == cap(d.floats) {
		d.floats = make([]float64, 0, 4096)
	}
	d.floats = append(d.floats, math.Float64frombits(binary.BigEndian.Uint64(b)))
	return &d.floats[len(d.floats)-1], nil
}

var errBadValue = errors.New("observation: a value of an unexpected width")

func (d *decoder) observation(v [][]byte, o *app.Observation) (seq int64, err error) {
	if len(v) != 17 || len(v[0]) != 8 || len(v[4]) != 2 || len(v[5]) != 2 || len(v[6]) != 2 || len(v[10]) != 1 {
		return 0, errBadValue
	}
	seq = int64(binary.BigEndian.Uint64(v[0]))
	o.Ref, o.Area, o.Split = d.intern(v[1]), app.Area(d.intern(v[2])), app.Split(d.intern(v[3]))
	o.Period = app.Period{Kind: app.PeriodKind(int16(binary.BigEndian.Uint16(v[4]))),
		Year: int(int16(binary.BigEndian.Uint16(v[5]))), N: int(int16(binary.BigEndian.Uint16(v[6])))}
	for i, p := range []**float64{&o.Value, &o.Numerator, &o.Denominator} {
		if *p, err = d.float(v[7+i]); err != nil {
			return 0, err
		}
	}
	o.StandIn = v[10][0] != 0
	o.Status, o.Raw = app.Status(d.intern(v[11])), string(v[12])
	o.SourceArrow, o.SourceRAG, o.Rule = app.Arrow(d.intern(v[13])), app.RAG(d.intern(v[14])), d.intern(v[15])
	o.Cell = string(v[16])
	return seq, nil
}

// scan reads an observation through Scan, for a connection that returns
// the values as text.
func (d *decoder) scan(rows pgx.Rows, o *app.Observation) (seq int64, err error) {
	var (
		ref, area, split, status, arrow, rag, rule string
		pk, py, pn                                 int16
		raw, cell                                  []byte
	)
	if err := rows.Scan(&seq, &ref, &area, &split, &pk, &py, &pn, &o.Value, &o.Numerator, &o.Denominator,
		&o.StandIn, &status, &raw, &arrow, &rag, &rule, &cell); err != nil {
		return 0, err
	}
	o.Raw, o.Cell = string(raw), string(cell)
	o.Ref, o.Area, o.Split = d.intern([]byte(ref)), app.Area(d.intern([]byte(area))), app.Split(d.intern([]byte(split)))
	o.Period = app.Period{Kind: app.PeriodKind(pk), Year: int(py), N: int(pn)}
	o.Status, o.SourceArrow, o.SourceRAG, o.Rule = app.Status(status), app.Arrow(arrow), app.RAG(rag), rule
	return seq, nil
}
