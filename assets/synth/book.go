package synth

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// book is a workbook laid out in memory: the sheets' cells with their
// styles, and alongside, what an importer should read from them. Building
// both in one pass keeps the workbook and its Truth from disagreeing.
type book struct {
	sheets []*sheet
	truth  truthSet
}

type sheet struct {
	name    string
	rows    [][]cell // rows[0] is row 1
	merges  [][2]string
	widths  map[int]float64 // by column, 1-based
	hidden  []int
	heights map[int]float64
}

// cell is one cell's content. v is a float64, string or time.Time, or nil.
type cell struct {
	v       any
	st      style
	formula string
	// isError writes the cell as an Excel error value (v is its text).
	isError bool
}

// style is a cell's look; the writer turns each distinct style into one
// excelize style.
type style struct {
	numFmt string
	bold   bool
	italic bool
	fill   string // RGB hex
	color  string // font colour, RGB hex
	font   string
	size   float64
	wrap   bool
	center bool
}

func (b *book) add(name string) *sheet {
	s := &sheet{name: name, widths: map[int]float64{}, heights: map[int]float64{}}
	b.sheets = append(b.sheets, s)
	return s
}

// set puts c at row r, column col (both 1-based).
func (s *sheet) set(r, col int, c cell) {
	for len(s.rows) < r {
		s.rows = append(s.rows, nil)
	}
	row := s.rows[r-1]
	for len(row) < col {
		row = append(row, cell{})
	}
	row[col-1] = c
	s.rows[r-1] = row
}

func (s *sheet) merge(r1, c1, r2, c2 int) {
	s.merges = append(s.merges, [2]string{axis(r1, c1), axis(r2, c2)})
}

// axis names a cell: axis(3, 2) is "B3". Rows and columns are always
// within Excel's limits here, so there is no error to report.
func axis(r, col int) string {
	name, _ := excelize.CoordinatesToCellName(col, r)
	return name
}

// build lays out m in layout l.
func build(m *Model, l Layout) *book {
	b := &book{}
	switch l.Kind {
	case PerArea:
		for _, a := range app.Areas {
			b.scorecard(m, l, a, sheetName(a))
		}
	case Breakdown:
		b.breakdown(m, l)
	default:
		b.scorecard(m, l, app.Kent, "CYPE Scorecard")
	}
	if l.Districts {
		b.districts(m, l)
	}
	if l.Tidy {
		b.data(m)
		b.targets(m)
		b.guidance(m)
	}
	return b
}

// sheetName is an area as district workbooks name their sheets, with the
// ampersands people type.
func sheetName(a app.Area) string {
	return strings.ReplaceAll(string(a), " and ", " & ")
}

// row is one line of a scorecard: an indicator for an area and split.
type row struct {
	ind   app.Indicator
	area  app.Area
	split app.Split
	ref   string // as shown: "CIC05" or "CIC05a"
	name  string // as shown, with marker and "(excluding UASC)"
}

// columns are where a scorecard sheet puts things, 1-based.
type columns struct {
	ref, name, polarity, period, owner, outturn, target, floor, spacer int
	month0, rag, dot, england, neighbours, comments, last              int
}

func scorecardColumns(months int) columns {
	c := columns{ref: 1, name: 2, polarity: 3, period: 4, owner: 5, outturn: 6, target: 7, floor: 8, spacer: 9, month0: 10}
	c.rag = c.month0 + months
	c.dot, c.england, c.neighbours, c.comments = c.rag+1, c.rag+2, c.rag+3, c.rag+4
	c.last = c.comments
	return c
}

// scorecard writes one area's scorecard sheet in the house layout.
func (b *book) scorecard(m *Model, l Layout, area app.Area, name string) {
	s := b.add(name)
	c := scorecardColumns(len(m.Months))
	latest := m.Latest()
	fy := latest.FinancialYearOf()
	r := 1
	title := fmt.Sprintf("%s - %s %d", m.Title, latest.Start().Month(), latest.Year)
	if area != app.Kent {
		title = fmt.Sprintf("%s - %s - %s %d", m.Title, sheetName(area), latest.Start().Month(), latest.Year)
	}
	for i := range l.TitleRows {
		extra := []string{"Kent County Council", "Children, Young People and Education Directorate", "OFFICIAL - SENSITIVE", "Management Information Unit", "Draft for Cabinet Committee"}
		s.set(r, 1, cell{v: extra[i%len(extra)], st: style{bold: i == 0}})
		r++
	}
	s.set(r, 1, cell{v: title, st: style{bold: true, size: 14, color: navy}})
	s.merge(r, 1, r, c.last)
	s.heights[r] = 22
	r++
	s.set(r, 1, cell{v: fmt.Sprintf("Data to the end of %s %d. Produced by Management Information, CYPE. Published %s.",
		latest.Start().Month(), latest.Year, publication.Format("2 January 2006")), st: style{italic: true}})
	s.merge(r, 1, r, c.last)
	r += 2 // and a blank row

	// The two-row header: group captions above, column names below; the
	// columns without a caption span both rows.
	hdr := style{bold: true, fill: navy, color: white, wrap: true, center: true}
	top, bottom := r, r+1
	single := []struct {
		col  int
		text string
	}{{c.ref, "Ref"}, {c.name, "Indicator"}, {c.polarity, "Polarity"}, {c.period, "Data Period"},
		{c.owner, "Lead Officer"}, {c.outturn, fy.Add(-1).String() + " Outturn"}, {c.rag, "RAG"}, {c.dot, "DoT"}, {c.comments, "Comments"}}
	for _, h := range single {
		s.set(top, h.col, cell{v: h.text, st: hdr})
		s.set(bottom, h.col, cell{st: hdr})
		s.merge(top, h.col, bottom, h.col)
	}
	s.set(top, c.target, cell{v: fy.String(), st: hdr})
	s.set(top, c.floor, cell{st: hdr})
	s.merge(top, c.target, top, c.floor)
	s.set(bottom, c.target, cell{v: "Target", st: hdr})
	s.set(bottom, c.floor, cell{v: "Floor", st: hdr})
	s.set(top, c.month0, cell{v: "Monthly trend", st: hdr})
	s.merge(top, c.month0, top, c.rag-1)
	for i, p := range m.Months {
		s.set(bottom, c.month0+i, monthHeader(p, l.Months, hdr))
	}
	by := BenchmarkYear(latest)
	s.set(top, c.england, cell{v: "Benchmarks", st: hdr})
	s.set(top, c.neighbours, cell{st: hdr})
	s.merge(top, c.england, top, c.neighbours)
	s.set(bottom, c.england, cell{v: "England " + by.String(), st: hdr})
	s.set(bottom, c.neighbours, cell{v: "Stat Neighbours " + by.String(), st: hdr})
	s.heights[bottom] = 30
	r = bottom + 1

	s.widths[c.ref], s.widths[c.name], s.widths[c.owner], s.widths[c.spacer] = 9, 62, 24, 2
	s.widths[c.comments] = 60
	s.hidden = append(s.hidden, c.owner)

	section := ""
	rated := 0
	for _, ind := range m.Dataset.Indicators {
		if !m.hasSeries(ind.Ref, area) {
			continue
		}
		if ind.Section != section {
			section = ind.Section
			s.set(r, 1, cell{v: section, st: style{bold: true, fill: paleBlue, color: navy}})
			for col := 2; col <= c.last; col++ {
				s.set(r, col, cell{st: style{fill: paleBlue}})
			}
			s.merge(r, 1, r, c.last)
			r++
		}
		b.truth.indicator(app.Indicator{Ref: ind.Ref, Name: ind.Name, Section: ind.Section, Polarity: ind.Polarity, DataPeriod: ind.DataPeriod, Owner: m.Owners[ind.Ref]})
		rows := []row{{ind: ind, area: area, split: app.All, ref: ind.Ref, name: ind.Name}}
		if mk := m.Markers[ind.Ref]; mk != "" {
			rows[0].name += " " + mk
		}
		if area == app.Kent && m.Twins[ind.Ref] {
			rows = append(rows, row{ind: ind, area: area, split: excl, ref: ind.Ref + "a", name: ind.Name + " (excluding UASC)"})
		}
		for _, rw := range rows {
			fillOnly := l.RAGFillOnly
			if rw.split == app.All && ind.Polarity != app.PolarityNone {
				rated++
				fillOnly = fillOnly || rated%5 == 0
			}
			b.scorecardRow(m, l, s, c, r, rw, fillOnly)
			r++
		}
	}
	r++
	s.set(r, 1, cell{v: "Notes", st: style{bold: true}})
	r++
	for _, fn := range m.Footnotes {
		st := style{}
		if strings.Contains(fn, "italics") {
			st.italic = true
		}
		s.set(r, 1, cell{v: fn, st: st})
		r++
	}
}

// publication is when the demo scorecard was published; it is fixed so that
// the workbook's bytes do not change from one generation to the next.
var publication = time.Date(2026, time.November, 12, 9, 0, 0, 0, time.UTC)

// hasSeries reports whether the model has any figure for ref in area.
func (m *Model) hasSeries(ref string, area app.Area) bool {
	for _, p := range m.Months {
		if _, ok := m.Observation(app.SeriesKey{Ref: ref, Area: area}, p); ok {
			return true
		}
	}
	return false
}

func monthHeader(p app.Period, ms MonthStyle, st style) cell {
	switch ms {
	case MonthShort:
		return cell{v: p.Label(), st: st}
	case MonthLong:
		return cell{v: fmt.Sprintf("%s %d", p.Start().Month(), p.Year), st: st}
	}
	st.numFmt = "mmm-yy"
	return cell{v: p.Start(), st: st}
}

// scorecardRow writes one indicator row: its definition, the months, RAG,
// DoT, benchmarks and comment, and records what it shows.
func (b *book) scorecardRow(m *Model, l Layout, s *sheet, c columns, r int, rw row, fillOnly bool) {
	ind := rw.ind
	latest := m.Latest()
	s.set(r, c.ref, cell{v: rw.ref})
	s.set(r, c.name, cell{v: rw.name, st: style{wrap: true}})
	pol := ind.Polarity.String()
	if pol == "" {
		pol = "-"
	}
	s.set(r, c.polarity, cell{v: pol, st: style{center: true}})
	s.set(r, c.period, cell{v: string(ind.DataPeriod), st: style{center: true}})
	s.set(r, c.owner, cell{v: m.Owners[ind.Ref]})
	fyCaption := latest.FinancialYearOf()
	if rw.split == app.All && rw.area == app.Kent {
		if o, ok := m.Outturn(ind.Ref); ok {
			v, _ := b.figure(l, ind, *o.Value, style{})
			s.set(r, c.outturn, v)
			// The caption names a financial year; only a workbook whose
			// Guidance sheet says an indicator runs by academic year lets
			// an importer date its outturn by that year instead.
			year := fyCaption.Add(-1)
			if l.Quirks.Tidy {
				year = OutturnYear(ind, latest)
			}
			b.truth.Outturns = append(b.truth.Outturns, app.Observation{Ref: ind.Ref, Area: app.Kent,
				Period: year, Value: app.Float(shownValue(l, ind, *o.Value))})
		}
	}
	t, hasTarget := m.Target(ind, latest)
	if hasTarget && rw.split == app.All {
		tv, _ := b.figure(l, ind, *t.Target, style{})
		s.set(r, c.target, tv)
		shown := app.Target{Ref: ind.Ref, Year: fyCaption, Target: app.Float(shownValue(l, ind, *t.Target))}
		if t.Floor != nil {
			fv, _ := b.figure(l, ind, *t.Floor, style{})
			s.set(r, c.floor, fv)
			shown.Floor = app.Float(shownValue(l, ind, *t.Floor))
		}
		if !l.Tidy {
			b.truth.target(shown)
		}
	}
	var prev *app.Observation
	for i, p := range m.Months {
		o, ok := m.Observation(app.SeriesKey{Ref: ind.Ref, Area: rw.area, Split: rw.split}, p)
		if !ok {
			prev = nil
			continue
		}
		col := c.month0 + i
		shown := b.monthCell(l, s, r, col, ind, o)
		if p == latest && shown.Value != nil && !shown.StandIn && hasTarget {
			rag := app.Rating(ind.Polarity, *o.Value, t, ind.Decimals)
			if rag != app.NoRAG {
				text := rag.String()
				if fillOnly {
					text = ""
				}
				fill := map[app.RAG]string{app.Green: ragGreen, app.Amber: ragAmber, app.Red: ragRed}[rag]
				s.set(r, c.rag, cell{v: text, st: style{bold: true, fill: fill, center: true}})
				shown.SourceRAG = rag
			}
		}
		if p == latest && shown.Value != nil && !shown.StandIn && prev != nil && prev.Value != nil && ind.Polarity != app.PolarityNone {
			arrow := app.Movement(*prev.Value, *o.Value, ind.Decimals)
			var target *float64
			if hasTarget {
				target = t.Target
			}
			colour := neutral
			switch app.Direction(ind.Polarity, *prev.Value, *o.Value, ind.Decimals, target) {
			case app.Improved:
				colour = goodGreen
			case app.Worsened:
				colour = badRed
			}
			s.set(r, c.dot, arrowCell(arrow, l.Arrows, colour))
			shown.SourceArrow = arrow
		}
		b.truth.observe(shown)
		if shown.Value != nil && !shown.StandIn {
			prev = &o
		} else {
			prev = nil
		}
	}
	if rw.split == app.All && rw.area == app.Kent {
		for i, group := range []string{England, Neighbours} {
			col := c.england + i
			if bm, ok := m.Benchmark(ind.Ref, group); ok {
				v, _ := b.figure(l, ind, *bm.Value, style{})
				s.set(r, col, v)
				b.truth.benchmark(app.Benchmark{Ref: ind.Ref, Period: bm.Period, Group: group, Value: app.Float(shownValue(l, ind, *bm.Value))})
			}
		}
		if text := m.Comment(ind.Ref); text != "" {
			s.set(r, c.comments, cell{v: text, st: style{wrap: true}})
			b.truth.Comments = append(b.truth.Comments, app.Comment{Ref: ind.Ref, Area: app.Kent, Period: latest, Text: text})
		}
	}
}

// arrowCell draws a movement in the layout's glyphs, coloured by whether it
// was favourable.
func arrowCell(a app.Arrow, as ArrowStyle, colour string) cell {
	glyphs := map[ArrowStyle]map[app.Arrow]string{
		ArrowWingdings: {app.Up: "é", app.Down: "ê", app.Across: "è"},
		ArrowUnicode:   {app.Up: "↑", app.Down: "↓", app.Across: "→"},
		ArrowTriangles: {app.Up: "▲", app.Down: "▼", app.Across: "►"},
	}
	st := style{bold: true, color: colour, center: true, size: 12}
	if as == ArrowWingdings {
		st.font = "Wingdings"
	}
	return cell{v: glyphs[as][a], st: st}
}

// quirkCodes are the spellings StatusCodes writes, in turn; "#N/A" is an
// error cell.
var quirkCodes = []string{"c", "[c]", "x", "..", "#N/A", "Data to be supplied"}

// monthCell writes one month's figure and returns the observation as an
// importer should read it.
func (b *book) monthCell(l Layout, s *sheet, r, col int, ind app.Indicator, o app.Observation) app.Observation {
	shown := app.Observation{Ref: o.Ref, Area: o.Area, Split: o.Split, Period: o.Period}
	if l.StatusCodes && o.Value != nil && !o.StandIn && (r*7+col*3)%41 == 0 {
		code := quirkCodes[(r+col)%len(quirkCodes)]
		o.Value, o.Numerator, o.Denominator, o.Raw = nil, nil, nil, code
		o.Status, _ = app.ParseStatus(code)
	}
	if o.Value == nil {
		// Record the code as it reads back: the model's 0/0 "-" is read as
		// not available, whatever the model meant by it.
		shown.Status, shown.Raw = o.Status, o.Raw
		if st, ok := app.ParseStatus(o.Raw); ok {
			shown.Status = st
		}
		s.set(r, col, cell{v: o.Raw, st: style{center: true}, isError: strings.HasPrefix(o.Raw, "#")})
		return shown
	}
	st := style{}
	if o.StandIn {
		st.italic = true
		shown.StandIn = true
	}
	v := *o.Value
	if ind.Measure == app.Proportion && o.Numerator != nil && o.Denominator != nil && !o.StandIn {
		num, den := *o.Numerator, *o.Denominator
		switch {
		case l.Fractions:
			s.set(r, col, cell{v: fmt.Sprintf("%g/%g", num, den), st: style{center: true}})
			shown.Value, shown.Numerator, shown.Denominator = app.Float(v), app.Float(num), app.Float(den)
			return shown
		case l.Formulas && (l.Percent == PercentFraction || l.Percent == PercentHundred):
			c, _ := b.figure(l, ind, v, st)
			c.formula = fmt.Sprintf("%g/%g", num, den)
			if l.Percent == PercentHundred {
				c.formula += "*100"
			}
			s.set(r, col, c)
			shown.Value = app.Float(v)
			return shown
		}
	}
	c, shownV := b.figure(l, ind, v, st)
	s.set(r, col, c)
	shown.Value = app.Float(shownV)
	return shown
}

// figure writes a value of ind in the layout's style, returning the cell
// and the value an importer reads from it.
func (b *book) figure(l Layout, ind app.Indicator, v float64, st style) (cell, float64) {
	dec := ind.Decimals
	if ind.Unit == app.Percent {
		switch l.Percent {
		case PercentHundred:
			st.numFmt = numFormat(dec, false)
			return cell{v: v, st: st}, v
		case PercentText, PercentTextNBSP:
			sep := ""
			if l.Percent == PercentTextNBSP {
				sep = "\u00a0"
			}
			rounded := app.RoundTo(v, dec)
			return cell{v: strconv.FormatFloat(rounded, 'f', dec, 64) + sep + "%", st: st}, rounded
		}
		st.numFmt = numFormat(dec, true)
		return cell{v: v / 100, st: st}, v
	}
	if l.BracketNegatives && v < 0 {
		rounded := app.RoundTo(v, dec)
		return cell{v: "(" + strconv.FormatFloat(-rounded, 'f', dec, 64) + ")", st: st}, rounded
	}
	if l.CountsAsText && ind.Unit == app.Number && dec == 0 && math.Abs(v) >= 1000 {
		return cell{v: thousands(v), st: st}, v
	}
	st.numFmt = numFormat(dec, false)
	if ind.Unit == app.Number && dec == 0 {
		st.numFmt = "#,##0"
	}
	return cell{v: v, st: st}, v
}

// shownValue is the value an importer reads back from figure's cell.
func shownValue(l Layout, ind app.Indicator, v float64) float64 {
	_, shown := (&book{}).figure(l, ind, v, style{})
	return shown
}

func numFormat(dec int, percent bool) string {
	f := "0"
	if dec > 0 {
		f += "." + strings.Repeat("0", dec)
	}
	if percent {
		f += "%"
	}
	return f
}

// thousands writes a whole number with comma separators: 24035 as "24,035".
func thousands(v float64) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', 0, 64)
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if v < 0 {
		return "-" + string(out)
	}
	return string(out)
}
