package importer

import (
	"fmt"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// figures finds a figure already read for a series and period. Figures
// arrive a series at a time, so the series is looked up once per run and
// its periods are slots in a slice: a hundred thousand figures need no
// hashing each.
type figures struct {
	keys   []app.SeriesKey
	series map[app.SeriesKey]*slots
	last   struct {
		key   app.SeriesKey
		slots *slots
	}
}

// slots are one series' figures by period: at[p.Index()-base] holds the
// index of the figure plus one, for periods of kind; other periods (a
// series mixing months and quarters) go in a map.
type slots struct {
	id    int32 // the series' index in figures.keys
	kind  app.PeriodKind
	base  int
	at    []int32
	other map[app.Period]int
}

func (f *figures) slotsOf(k app.SeriesKey) *slots {
	if f.last.slots != nil && f.last.key == k {
		return f.last.slots
	}
	s, ok := f.series[k]
	if !ok {
		s = &slots{id: int32(len(f.keys))}
		f.series[k] = s
		f.keys = append(f.keys, k)
	}
	f.last.key, f.last.slots = k, s
	return s
}

// get returns the index of the figure for period p.
func (s *slots) get(p app.Period) (int, bool) {
	if p.Kind == s.kind && s.at != nil {
		i := p.Index() - s.base
		if i >= 0 && i < len(s.at) && s.at[i] > 0 {
			return int(s.at[i]) - 1, true
		}
		return 0, false
	}
	i, ok := s.other[p]
	return i, ok
}

// set records that the figure for period p is at index i.
func (s *slots) set(p app.Period, i int) {
	const span = 1200 // a century of months: beyond it, a period is odd enough for the map
	if s.at == nil && s.kind == 0 {
		s.kind, s.base = p.Kind, p.Index()
	}
	if p.Kind == s.kind {
		at := p.Index() - s.base
		switch {
		case at >= 0 && at < span:
			if at >= len(s.at) {
				if s.at == nil {
					// Five years of months, the most a scorecard
					// shows, without growing a slot at a time.
					s.at = make([]int32, 0, max(at+1, 60))
				}
				s.at = append(s.at, make([]int32, at+1-len(s.at))...)
			}
			s.at[at] = int32(i + 1)
			return
		case at < 0 && len(s.at)-at < span:
			s.at = append(make([]int32, -at), s.at...)
			s.base = p.Index()
			s.at[0] = int32(i + 1)
			return
		}
	}
	if s.other == nil {
		s.other = map[app.Period]int{}
	}
	s.other[p] = i
}

// figAt is where a figure is kept: logFigs[log][i].
type figAt struct{ log, i int32 }

// fig returns the i'th figure read.
func (c *collector) fig(i int) *figure {
	at := c.figs[i]
	return &c.logFigs[at.log][at.i]
}

// figure is an observation as the collector holds it while reading:
// without pointers, so that the garbage collector has nothing to trace in
// the hundred thousand an import may hold. Observations are made from
// figures once, at the end (see dataset).
//
// Its period is kept in its parts, packed beside the small fields: 56
// bytes a figure rather than 80, so that the large workbook's figures
// take 5.4 MB of fresh memory rather than 8, which a cold import pays for
// page by page.
type figure struct {
	value, num, den float64
	series          int32 // index into figures.keys
	row, col        int32 // 0-based, where it was read
	raw, rule       int32 // index+1 into collector.texts; 0 for none
	sheet           int32 // index into collector.sheets
	year            int16 // the period's Year: four digits
	n               int8  // the period's N: a month, quarter or none
	kind            uint8 // the period's Kind
	flags           uint8
	status          app.Status
	arrow           app.Arrow
	rag             app.RAG
}

// period returns the period f was read for.
func (f *figure) period() app.Period {
	return app.Period{Kind: app.PeriodKind(f.kind), Year: int(f.year), N: int(f.n)}
}

// setPeriod keeps p as f's period. Every period the readers make is of a
// year of four digits; one that would not fit is a fault, raised rather
// than kept as another period.
func (f *figure) setPeriod(p app.Period) {
	f.kind, f.year, f.n = uint8(p.Kind), int16(p.Year), int8(p.N)
	if app.PeriodKind(f.kind) != p.Kind || int(f.year) != p.Year || int(f.n) != p.N {
		panic(fmt.Sprintf("importer: period %+v out of a figure's range", p))
	}
}

// The flags of a figure.
const (
	hasValue uint8 = 1 << iota
	hasNum
	hasDen
	standIn
)

// encode packs o, read at sheet row, col, adding its raw and rule texts
// to texts.
func encode(o *app.Observation, series, sheet int32, row, col int, texts *[]string) figure {
	f := figure{series: series, sheet: sheet, row: int32(row), col: int32(col),
		status: o.Status, arrow: o.SourceArrow, rag: o.SourceRAG}
	f.setPeriod(o.Period)
	if o.Value != nil {
		f.value, f.flags = *o.Value, f.flags|hasValue
	}
	if o.Numerator != nil {
		f.num, f.flags = *o.Numerator, f.flags|hasNum
	}
	if o.Denominator != nil {
		f.den, f.flags = *o.Denominator, f.flags|hasDen
	}
	if o.StandIn {
		f.flags |= standIn
	}
	if o.Raw != "" {
		*texts = append(*texts, o.Raw)
		f.raw = int32(len(*texts))
	}
	if o.Rule != "" {
		*texts = append(*texts, o.Rule)
		f.rule = int32(len(*texts))
	}
	return f
}

// encode packs o, read at sheet row, col, for the collector.
func (c *collector) encode(o *app.Observation, series int32, sheet string, row, col int) figure {
	return encode(o, series, c.sheetIndex(sheet), row, col, &c.texts)
}

// sheetIndex numbers sheet names for figures; an import reads few
// sheets, each a run of figures, so the last is checked first.
func (c *collector) sheetIndex(sheet string) int32 {
	if n := len(c.sheets); n > 0 && c.sheets[n-1] == sheet {
		return int32(n - 1)
	}
	for i, s := range c.sheets {
		if s == sheet {
			return int32(i)
		}
	}
	c.sheets = append(c.sheets, sheet)
	return int32(len(c.sheets) - 1)
}

// decode makes the observation a figure holds, with fl giving its
// numbers a home.
func (c *collector) decode(f *figure, fl *floats) app.Observation {
	var o app.Observation
	fill(&o, f, c.figures.keys, c.texts, fl, sheetCell(c.sheets[f.sheet], xlsx.ColumnName(int(f.col)), int(f.row)))
	return o
}

// fill writes into o what figure f holds, read at cell, its series and
// texts indexing keys and texts.
func fill(o *app.Observation, f *figure, keys []app.SeriesKey, texts []string, fl *floats, cell string) {
	k := keys[f.series]
	o.Ref, o.Area, o.Split, o.Period = k.Ref, k.Area, k.Split, f.period()
	o.Status, o.SourceArrow, o.SourceRAG = f.status, f.arrow, f.rag
	o.StandIn = f.flags&standIn != 0
	o.Cell = cell
	if f.flags&hasValue != 0 {
		o.Value = fl.of(f.value)
	}
	if f.flags&hasNum != 0 {
		o.Numerator = fl.of(f.num)
	}
	if f.flags&hasDen != 0 {
		o.Denominator = fl.of(f.den)
	}
	if f.raw > 0 {
		o.Raw = texts[f.raw-1]
	}
	if f.rule > 0 {
		o.Rule = texts[f.rule-1]
	}
}
