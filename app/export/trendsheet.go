package export

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/trend"
)

// trendMonths is how many months the Trend sheet shows: two years, so a
// year-on-year pattern can be seen.
const trendMonths = 24

// chartRows is how many rows a flagged indicator's chart block takes: its
// heading, the five series it charts, a gap, and the chart itself, of
// chartHeight pixels (20 to a row), with a row to spare. Each block
// prints on a page of its own.
const (
	chartRows   = 7 + chartHeight/20 + 1
	chartWidth  = 1500
	chartHeight = 620
)

// writeTrend writes each indicator's series with a sparkline per row,
// then, for each indicator flagged in the period, its figures beside its
// target and SPC limits with a native line chart of them.
func (b *book) writeTrend(ctx context.Context) error {
	s := TrendSheet
	if streamSheets {
		b.buffer(s)
	}
	var months []app.Period
	span := trendSpan(b.period.Kind)
	for i := span - 1; i >= 0; i-- {
		months = append(months, b.period.Add(-i))
	}
	r, err := b.titleBlock(s, fmt.Sprintf("%s: trend over the %s to %s", b.opt.Area, spanWords(b.period.Kind, span), periodName(b.period)),
		exclusionWords(b.opt.Exclude))
	if err != nil {
		return err
	}
	flagged := 0
	for _, ro := range b.rows {
		if ro.flagged() {
			flagged++
		}
	}
	if err := b.reserveRows(s, r+len(b.rows)+3+flagged*chartRows); err != nil {
		return err
	}
	const firstMonth = 5
	const monthWidth = 8
	widths := []float64{8, 42, 8, 16}
	for range months {
		widths = append(widths, monthWidth)
	}
	// The Note column is narrow, and its notes short, so that the
	// sheet still prints at about the scale its footer is sized for.
	if err := b.widths(s, append(widths, 22)...); err != nil {
		return err
	}
	names := []string{"Ref", "Indicator", "Unit", "Trend"}
	for _, m := range months {
		names = append(names, m.Label())
	}
	names = append(names, "Note")
	noteCol := firstMonth + len(months)
	if err := b.header(s, r, names...); err != nil {
		return err
	}
	if err := b.fitRow(s, r, 2); err != nil {
		return err
	}
	head := r
	last := colName(firstMonth + len(months) - 1)
	spark := &excelize.SparklineOptions{Markers: true, Style: 1}
	for _, ro := range b.rows {
		if err := ctx.Err(); err != nil {
			return err
		}
		r++
		ind := ro.ind
		for i, v := range []string{ind.Ref, ind.Name, string(ind.Unit)} {
			if err := b.set(s, i+1, r, v, look{wrap: i == 1}); err != nil {
				return err
			}
		}
		merged, err := b.cannotExcludeRow(s, r, firstMonth, ro, months, monthWidth, look{})
		if err != nil {
			return err
		}
		for i, m := range months {
			if p := ro.point(m); p != nil && !merged.covers(i) {
				if err := b.figure(s, firstMonth+i, r, ind, p.Value, p.Status, look{italic: p.StandIn}); err != nil {
					return err
				}
			}
		}
		if note := b.trendNote(ro, months); note != "" {
			if err := b.set(s, noteCol, r, note, look{wrap: true}); err != nil {
				return err
			}
		}
		spark.Location = append(spark.Location, cell(4, r))
		spark.Range = append(spark.Range, fmt.Sprintf("'%s'!%s:%s%d", s, cell(firstMonth, r), last, r))
		b.step()
	}
	if len(spark.Location) > 0 {
		if err := b.f.AddSparkline(s, spark); err != nil {
			return fmt.Errorf("sparklines: %w", err)
		}
		b.sum.Sparklines = len(spark.Location)
	}
	if err := b.freeze(s, 3, head+1); err != nil {
		return err
	}
	r += 3
	for _, ro := range b.rows {
		if !ro.flagged() {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := b.f.InsertPageBreak(s, cell(1, r)); err != nil {
			return err
		}
		if err := b.chartBlock(s, r, firstMonth, months, ro); err != nil {
			return fmt.Errorf("%s chart: %w", ro.ind.Ref, err)
		}
		r += chartRows
		b.sum.Charts++
	}
	if err := b.printSetup(s, page{wide: 1, scale: 0.39}); err != nil {
		return err
	}
	if !streamSheets {
		return nil
	}
	return b.streamTrend(spark)
}

// streamTrend has the Trend sheet's cells streamed with its sparklines
// (see sheetbuf.go).
func (b *book) streamTrend(spark *excelize.SparklineOptions) error {
	var ext []byte
	if len(spark.Location) > 0 {
		var err error
		if ext, err = sparklineExt(TrendSheet, spark); err != nil {
			return fmt.Errorf("sparklines: %w", err)
		}
	}
	b.streamLater(TrendSheet, ext)
	return nil
}

// chartBlock writes a flagged indicator's figures, target and SPC limits
// as five rows from row r+1 under a heading, and charts them below.
func (b *book) chartBlock(s string, r, firstMonth int, months []app.Period, ro *row) error {
	ind := ro.ind
	heading := fmt.Sprintf("%s %s: flagged %s", ind.Ref, ind.Name, strings.Join(ro.at.Flags, ", "))
	if note := leftOutNote(ro.leftOut, b.sourceWithheld(ro)); note != "" {
		heading += ". " + note
	}
	if err := b.set(s, 1, r, heading, look{bold: true, size: 10}); err != nil {
		return err
	}
	for i, m := range months {
		if err := b.set(s, firstMonth+i, r, m.Label(), look{bold: true, align: "right"}); err != nil {
			return err
		}
	}
	series := []struct {
		name  string
		value func(*trend.Point) *float64
		color string
		dash  excelize.LineDashType
	}{
		// A stand-in (last year's outturn) is no figure of its month:
		// not plotted as its point, the chart showing the gap (QA26b S1).
		{"Value", func(p *trend.Point) *float64 {
			if p.StandIn {
				return nil
			}
			return p.Value
		}, "1F4E79", excelize.LineDashSolid},
		{"Target", func(p *trend.Point) *float64 { return p.Target }, "00823B", excelize.LineDashDash},
		{"SPC mean", chartLine(func(c *trend.Chart) float64 { return c.Mean }), "7F7F7F", excelize.LineDashSolid},
		{"Upper process limit", chartLine(func(c *trend.Chart) float64 { return c.Upper }), "C00000", excelize.LineDashSysDot},
		{"Lower process limit", chartLine(func(c *trend.Chart) float64 { return c.Lower }), "C00000", excelize.LineDashSysDot},
	}
	chart := &excelize.Chart{
		Type:         excelize.Line,
		Title:        excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: ind.Ref + " " + ind.Name}}},
		Legend:       excelize.ChartLegend{Position: "bottom"},
		Dimension:    excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
		ShowBlanksAs: "gap",
		YAxis:        excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: numFmt(ind)}},
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	lastCol := colName(firstMonth + len(months) - 1)
	cats := fmt.Sprintf("'%s'!$%s$%d:$%s$%d", s, colName(firstMonth), r, lastCol, r)
	for j, se := range series {
		rr := r + 1 + j
		if err := b.set(s, 2, rr, se.name, look{}); err != nil {
			return err
		}
		for i, m := range months {
			p := ro.point(m)
			if p == nil {
				continue
			}
			v := se.value(p)
			if v == nil || (j == 0 && p.Status != app.OK) {
				continue
			}
			if err := b.figure(s, firstMonth+i, rr, ind, v, app.OK, look{}); err != nil {
				return err
			}
			lo, hi = min(lo, cellNumber(ind, *v)), max(hi, cellNumber(ind, *v))
		}
		chart.Series = append(chart.Series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$B$%d", s, rr),
			Categories: cats,
			Values:     fmt.Sprintf("'%s'!$%s$%d:$%s$%d", s, colName(firstMonth), rr, lastCol, rr),
			Line:       excelize.LineOptions{Width: 1.5, Dash: se.dash, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{se.color}}},
			Marker:     excelize.ChartMarker{Symbol: "none"},
		})
	}
	chart.Series[0].Marker = excelize.ChartMarker{Symbol: "circle", Size: 4}
	if lo <= hi {
		// Excel and LibreOffice start a value axis at zero, which flattens
		// a series moving a few points around 50%; frame the lines instead.
		pad := max((hi-lo)*0.15, math.Abs(hi)*0.01, 1e-9)
		axisLo, axisHi := lo-pad, hi+pad
		if axisLo < 0 && lo >= 0 {
			axisLo = 0 // figures that are never negative need no negative axis
		}
		chart.YAxis.Minimum, chart.YAxis.Maximum = &axisLo, &axisHi
	}
	return b.f.AddChart(s, cell(2, r+7), chart)
}

// chartLine reads one of the XmR chart's lines at a point, nil where the
// series has too few points for a chart.
func chartLine(line func(*trend.Chart) float64) func(*trend.Point) *float64 {
	return func(p *trend.Point) *float64 {
		if p.Chart == nil {
			return nil
		}
		v := line(p.Chart)
		return &v
	}
}

// leftOutNote says, of an indicator whose analysis leaves out n figures
// withheld for small numbers (countLeftOut) and src the source withheld
// itself (c in the source), that its trend, changes and SPC are worked
// out without them, so may differ from the app's; the Guidance says why.
// A row with both says how many of each: "leave out 1 withheld figure"
// beside two c's read as a miscount (QA27a 5). "" when both are nought.
// It says nothing of the figures left out. The Trend sheet's Note, the
// pack's scorecard footnote and its chart pages all say it so.
func leftOutNote(n, src int) string {
	figures := func(n int) string {
		if n == 1 {
			return "1 withheld figure"
		}
		return fmt.Sprintf("%d withheld figures", n)
	}
	switch {
	case n == 0 && src == 0:
		return ""
	case src == 0:
		return "Trend and SPC leave out " + figures(n) + " (c): see Guidance"
	case n == 0:
		return "Trend and SPC leave out " + figures(src) + " (c), withheld by the source"
	}
	return fmt.Sprintf("Trend and SPC leave out %s (c): %d withheld here for small numbers, %d by the source: see Guidance", figures(n+src), n, src)
}

// sourceWithheld counts the row's figures up to the export's period that
// the source itself withheld: every c of the circulated series up to
// then, less those the release withheld (row.leftOut).
func (b *book) sourceWithheld(ro *row) int {
	return sourceWithheldIn(b.h, ro, b.period)
}

// sourceWithheldIn is sourceWithheld of ro's series in h, the history
// its figures were analysed from (all children's, on the pack's page of
// an indicator that cannot be worked out excluding a cohort).
func sourceWithheldIn(h *app.History, ro *row, p app.Period) int {
	end := p.End()
	c := 0
	for _, o := range h.Series(ro.key) {
		if o.Status == app.Suppressed && !o.Period.End().After(end) {
			c++
		}
	}
	return max(c-ro.leftOut, 0)
}

// trendNote is a Trend row's Note: what its analysis leaves out, and
// which of the months shown hold a figure a later import revised (each
// revised figure's Scorecard cell names the files).
func (b *book) trendNote(ro *row, months []app.Period) string {
	var notes []string
	if n := leftOutNote(ro.leftOut, b.sourceWithheld(ro)); n != "" {
		notes = append(notes, n)
	}
	if n := b.revisedMonthsNote(ro, months); n != "" {
		notes = append(notes, n)
	}
	return strings.Join(notes, ". ")
}
