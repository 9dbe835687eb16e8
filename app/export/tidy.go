package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// tidyTable is a tidy sheet of an original workbook, such as its own Data
// sheet: a header row naming its columns, then one figure per row.
type tidyTable struct {
	header int            // the header's row, from 1
	cols   map[string]int // lower-case heading to column, from 1
}

// tidyHeads are the headings of a tidy table's columns that the export
// reads or rewrites.
var tidyHeads = []string{"ref", "period", "area", "cohort", "numerator", "denominator", "value", "status"}

// tidyTableOf finds the header of a tidy table in the first rows of a
// sheet: a row with Ref, Period and Value columns.
func tidyTableOf(rows [][]string) (tidyTable, bool) {
	for r := 0; r < min(len(rows), 5); r++ {
		cols := map[string]int{}
		for c, text := range rows[r] {
			h := strings.ToLower(strings.TrimSpace(text))
			for _, want := range tidyHeads {
				if h == want {
					if _, dup := cols[h]; !dup {
						cols[h] = c + 1
					}
				}
			}
		}
		if cols["ref"] > 0 && cols["period"] > 0 && cols["value"] > 0 {
			return tidyTable{header: r + 1, cols: cols}, true
		}
	}
	return tidyTable{}, false
}

// tidySheets finds the original's tidy sheets.
func (o *originalWriter) tidySheets() map[string]tidyTable {
	out := map[string]tidyTable{}
	for _, s := range o.f.GetSheetList() {
		rows, err := o.f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			continue
		}
		if t, ok := tidyTableOf(rows); ok {
			out[s] = t
		}
	}
	return out
}

// rewriteTidy rewrites every row of a tidy sheet whole, from the figures
// as circulated for the population its Cohort column names: the row's
// own labels say whose figures they are, so a row headed All keeps all
// children's figures (suppressed where asked), and its numerator,
// denominator, value and status always come from one figure. Rows the
// history does not hold are left as they are; rows after the export's
// month are rewritten too, since they are in the original for all to
// read.
func (o *originalWriter) rewriteTidy(sheet string, t tidyTable) error {
	rows, err := o.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return err
	}
	splits := map[string]app.Split{"": app.All, "all": app.All}
	for _, k := range o.base.Keys() {
		for _, name := range []string{cohortLabel(k.Split), k.Split.Label(), string(k.Split)} {
			splits[strings.ToLower(name)] = k.Split
		}
	}
	text := func(r []string, col string) string {
		c := t.cols[col]
		if c == 0 || c > len(r) {
			return ""
		}
		return strings.TrimSpace(r[c-1])
	}
	for i := t.header; i < len(rows); i++ {
		r, row := rows[i], i+1
		ref := text(r, "ref")
		period, ok := tidyPeriod(text(r, "period"))
		if ref == "" || !ok {
			continue
		}
		area := o.opt.authority().Area()
		if a := text(r, "area"); a != "" {
			if area, ok = o.opt.authority().ParseArea(a); !ok {
				// An area kept under its own name (see importer.UnknownArea).
				area = app.Area(a)
			}
		}
		split, ok := splits[strings.ToLower(text(r, "cohort"))]
		if !ok {
			continue
		}
		k := app.SeriesKey{Ref: ref, Area: area, Split: split}
		now, ok := o.base.Observation(k, period)
		if !ok {
			continue
		}
		ind, _ := o.base.Indicator(ref)
		if err := o.tidyRow(sheet, t, row, ind, now); err != nil {
			return fmt.Errorf("%s %s: %w", k, period, err)
		}
	}
	return nil
}

// tidyRow writes one figure across a tidy row: its components, its value
// and its status, blanking any that it does not have.
func (o *originalWriter) tidyRow(sheet string, t tidyTable, row int, ind app.Indicator, now app.Observation) error {
	put := func(col string, v *float64) error {
		c := t.cols[col]
		if c == 0 {
			return nil
		}
		at := cell(c, row)
		if v == nil {
			return o.f.SetCellValue(sheet, at, nil)
		}
		return o.f.SetCellFloat(sheet, at, *v, -1, 64)
	}
	if err := put("numerator", now.Numerator); err != nil {
		return err
	}
	if err := put("denominator", now.Denominator); err != nil {
		return err
	}
	status := ""
	if now.Status != app.OK || now.Value == nil {
		status = now.Status.String()
	}
	if c := t.cols["status"]; c > 0 {
		mark := status
		if status == "" && now.StandIn {
			// The figure is there, and the mark keeps it a stand-in when
			// read back (see writeDataRows).
			mark = app.StandInMark
		}
		if err := o.f.SetCellStr(sheet, cell(c, row), mark); err != nil {
			return err
		}
	}
	at := cell(t.cols["value"], row)
	if status != "" {
		if t.cols["status"] > 0 {
			return o.f.SetCellValue(sheet, at, nil)
		}
		// Without a Status column the code stands in the Value column,
		// as the importer reads it.
		return o.f.SetCellStr(sheet, at, status)
	}
	v := *now.Value
	if ind.Unit == app.Percent && o.percentFormat(sheet, at) {
		v /= 100
	}
	return o.f.SetCellFloat(sheet, at, v, -1, 64)
}

// tidyPeriod reads a tidy table's period: any form app.ParsePeriod knows,
// or a date's serial number.
func tidyPeriod(s string) (app.Period, bool) {
	if f, err := strconv.ParseFloat(s, 64); err == nil && f > 3000 {
		p, err := app.MonthFromExcelSerial(f)
		return p, err == nil
	}
	p, err := app.ParsePeriod(s)
	return p, err == nil
}
