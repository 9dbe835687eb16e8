package export

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// writeData writes the tidy Data sheet under its notPrinted row: one row
// per figure exported, up to the export's month, for every area and population, in the form the
// importer reads back (DataHeader). Percentages are held 0-100, as the
// app holds them, since a tidy table carries its meaning in its text.
// Figures that cannot exclude a cohort are left out: they are not
// figures, and the Scorecard sheet says why. A previous year's outturn
// standing in for a month not yet published is kept, its Status
// app.StandInMark, so that read back it is the stand-in it was, not the
// month's figure, and not lost.
func (b *book) writeData(ctx context.Context) error {
	// A streamed sheet keeps only the settings made before streaming.
	widths := make([]float64, len(DataHeader))
	for i := range widths {
		widths[i] = 12
	}
	if err := b.hideFromPrint(DataSheet, widths); err != nil {
		return err
	}
	// A streamed sheet's dimension is written before its rows, and a
	// reader in streaming mode (openpyxl's read-only mode, pandas) reads
	// no column past it: count the rows first.
	n := 0
	if b.spool != nil {
		n = b.spool.rows
	} else if err := b.eachDataRow(ctx, false, func(app.Observation, string, bool) error { n++; return nil }); err != nil {
		return err
	}
	if n+2 > sheetRows {
		return fmt.Errorf("the %s sheet would need %d rows, %d figures below its notice and headings, where a sheet holds %d in Excel: export one area, or an earlier period", DataSheet, n+2, n, sheetRows)
	}
	cols := max(len(DataHeader), noticeCols(widths))
	if err := b.f.SetSheetDimension(DataSheet, "A1:"+cell(cols, n+2)); err != nil {
		return err
	}
	b.streamed[DataSheet] = true
	sw, err := b.f.NewStreamWriter(DataSheet)
	if err != nil {
		return err
	}
	if err := sw.SetColWidth(1, 8, 12); err != nil {
		return err
	}
	head := make([]any, len(DataHeader))
	bold, err := b.style(look{bold: true})
	if err != nil {
		return err
	}
	for i, h := range DataHeader {
		head[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	notice, err := b.style(noticeLook)
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: notice, Value: notPrinted}}, excelize.RowOpts{Height: noticeHeight(widths)}); err != nil {
		return err
	}
	if err := sw.MergeCell("A1", cell(noticeCols(widths), 1)); err != nil {
		return err
	}
	if err := sw.SetRow("A2", head); err != nil {
		return err
	}
	b.sum.DataRows = n
	if n > 0 {
		// The figures' rows are written as the workbook is saved (see
		// dataRows), in place of this placeholder.
		mark, err := newPlaceholder()
		if err != nil {
			return err
		}
		if err := sw.SetRow("A3", []any{mark}); err != nil {
			return err
		}
		var enc bytes.Buffer
		pw := newRowWriter(&enc)
		pw.row(3, []any{mark})
		if err := pw.Flush(); err != nil {
			return err
		}
		b.data = &dataRows{placeholder: enc.Bytes(), write: func(w *rowWriter) error { return b.writeDataRows(ctx, w) }}
		if b.spool != nil {
			b.data.write = b.spool.copyTo
		}
	}
	return sw.Flush()
}

// sheetRows is the most rows an Excel sheet holds. A store of decades of
// monthly figures for every area can pass it; past it excelize fails on
// a cell reference it cannot name, which told the officer nothing.
var sheetRows = excelize.TotalRows

// writeDataRows writes the Data sheet's figures from row 3.
func (b *book) writeDataRows(ctx context.Context, w *rowWriter) error {
	r := 2
	return b.eachDataRow(ctx, true, func(o app.Observation, label string, _ bool) error {
		r++
		w.dataRow(r, o, label)
		return nil
	})
}

// eachDataRow calls row with each figure the Data sheet holds, in order,
// with its Cohort column's label and whether it excludes the cohorts;
// step says whether to count each series as a unit of the export's
// progress.
func (b *book) eachDataRow(ctx context.Context, step bool, row func(o app.Observation, label string, excluded bool) error) error {
	return dataFigures(ctx, b.base, b.h, b.dataKeys(), b.opt.Exclude, b.period, row, func() {
		if step {
			b.step()
		}
	})
}

// dataFigures calls row with each figure of the series keys the Data
// sheet holds, of base (as circulated) and ex (excluding the cohorts cs),
// up to period (onDataSheet), with its Cohort column's label and whether
// it is ex's; done is called after each series.
func dataFigures(ctx context.Context, base, ex *app.History, keys []app.SeriesKey, cs []app.Cohort, period app.Period, row func(o app.Observation, label string, excluded bool) error, done func()) error {
	end := period.End()
	for _, k := range keys {
		if err := ctx.Err(); err != nil {
			return err
		}
		src, label, excluded := base, cohortLabel(k.Split), false
		if len(cs) > 0 && k.Split == app.Excluding(cs...) {
			// The exported figures excluding the cohorts are the All
			// series of the excluded history.
			src, k.Split, excluded = ex, app.All, true
		}
		for _, o := range src.Series(k) {
			if !onDataSheet(o.Period, period, end) || o.Status == app.CannotExclude {
				continue
			}
			if err := row(o, label, excluded); err != nil {
				return err
			}
		}
		done()
	}
	return nil
}

// suppressedOn counts the figures of the Data sheet of base and ex
// (dataFigures) that the release withheld: withheld there, and not in
// held, the figures before it (figures, for those excluding the
// cohorts). The summary's count is of the file written, not of every
// period the store holds (the export campaign's F5: an export to April
// said 9 figures suppressed of a Data sheet withholding 2).
func suppressedOn(base, ex, held, figures *app.History, keys []app.SeriesKey, cs []app.Cohort, period app.Period) int {
	n := 0
	_ = dataFigures(context.Background(), base, ex, keys, cs, period, func(o app.Observation, _ string, excluded bool) error {
		if o.Status != app.Suppressed {
			return nil
		}
		before := held
		if excluded {
			before = figures
		}
		if was, ok := before.Observation(o.Key(), o.Period); !ok || was.Status != app.Suppressed {
			n++
		}
		return nil
	}, func() {})
	return n
}

// onDataSheet reports whether a figure for p belongs on the Data sheet of
// an export to period, which ends on end: one that ends by then, or one
// the Scorecard sheet shows in period's column though it ends after
// (app.ReportedIn: an academic year 2024/25, to August 2025, in the
// financial year 2024/25). Every figure the Scorecard sheet shows must be
// on the Data sheet, which the app imports again (QA24a D16).
func onDataSheet(p, period app.Period, end time.Time) bool {
	return !p.End().After(end) || app.ReportedIn(p, period)
}

// dataKeys are the series the Data sheet holds, in ref, area and split
// order: every series of the history as circulated, with the split
// excluding the export's cohorts standing for the figures recomputed
// without them.
func (b *book) dataKeys() []app.SeriesKey {
	return dataKeys(b.base, b.h, b.opt.Exclude)
}

// dataKeys are the series the Data sheet holds of base and ex, excluding
// the cohorts cs (see book.dataKeys).
func dataKeys(base, ex *app.History, cs []app.Cohort) []app.SeriesKey {
	keys := base.Keys()
	if len(cs) == 0 {
		return keys
	}
	excl := app.Excluding(cs...)
	have := map[app.SeriesKey]bool{}
	for _, k := range keys {
		have[k] = true
	}
	for _, k := range ex.Keys() {
		if k.Split != app.All {
			continue
		}
		if x := (app.SeriesKey{Ref: k.Ref, Area: k.Area, Split: excl}); !have[x] {
			keys = append(keys, x)
			have[x] = true
		}
	}
	slices.SortFunc(keys, func(a, c app.SeriesKey) int {
		if n := strings.Compare(a.Ref, c.Ref); n != 0 {
			return n
		}
		if n := strings.Compare(string(a.Area), string(c.Area)); n != 0 {
			return n
		}
		return strings.Compare(string(a.Split), string(c.Split))
	})
	return keys
}

// cohortLabel writes a split as the Data sheet's Cohort column does:
// "All", "Excluding UASC", "UASC".
func cohortLabel(s app.Split) string {
	if s == app.All {
		return "All"
	}
	if c, ok := s.Cohort(); ok {
		return strings.ToUpper(string(c))
	}
	return s.Label()
}

// number returns a figure for a cell, or nil (an empty cell) for none.
func number(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}
