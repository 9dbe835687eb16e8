package importer

import (
	"fmt"
	"strconv"
	"strings"

	"scorecard/app"
)

// layoutRefusal refuses a sheet's layout at the cell that shows it; the
// sheet is skipped, said there, rather than read wrongly.
type layoutRefusal struct {
	cell string // e.g. "E3"
	msg  string
}

func (e *layoutRefusal) Error() string { return e.msg }

// subColumnsUnderPeriods refuses a layout whose month or quarter headings
// each stand over sub-columns headed beneath them, "No." and "%" (the
// heading merged across them, or written once at the left): two figures
// a period, a count and its percentage. Read as one column a period, the
// count was stored as a percentage indicator's figure, the percentages
// called conflicts with it and the last one left unread. The heading's
// columns run to the next heading in its row; the sub-headings are told
// from a first row of figures by a blank Ref cell and text under two or
// more of those columns that is neither a figure, a period nor a role's
// heading ("RAG" or "Target" beside a month are columns of their own).
// Detection sees no merged ranges, so blanks right of a heading are its.
func subColumnsUnderPeriods(l *Layout, g *grid, label, caption, refCol int) error {
	raw := func(r, c int) string {
		if r < 0 || r >= len(g.rows) || c < 0 || c >= len(g.rows[r]) {
			return ""
		}
		return strings.TrimSpace(g.rows[r][c])
	}
	for _, col := range l.Columns {
		if col.Role != RolePeriod || (col.Period.Kind != app.Month && col.Period.Kind != app.Quarter) {
			continue
		}
		hr := label
		if raw(label, col.index) == "" {
			hr = caption
		}
		sub := hr + 1
		if sub >= len(g.rows) || refCol >= 0 && raw(sub, refCol) != "" {
			continue
		}
		end := col.index + 1
		for end < max(len(g.rows[sub]), len(g.rows[hr])) && raw(hr, end) == "" {
			end++
		}
		var heads []string
		for c := col.index; c < end; c++ {
			t := raw(sub, c)
			if t == "" || isFigureText(t) {
				continue
			}
			if r, _, _, _ := headerRoleGuessed(t); r != "" {
				continue
			}
			heads = append(heads, fmt.Sprintf("%s %q", cellName(sub, c), t))
		}
		if len(heads) < 2 {
			continue
		}
		return &layoutRefusal{cell: cellName(hr, col.index), msg: fmt.Sprintf(
			"%s is headed over sub-columns (%s): two figures a period, such as a count and its percentage, are not read, lest the count be stored as the indicator's figure; give each period one column of figures, and the counts rows of their own",
			col.Period.Label(), strings.Join(heads, ", "))}
	}
	return nil
}

// isFigureText reports whether a cell's text is a plain figure.
func isFigureText(t string) bool {
	_, err := strconv.ParseFloat(strings.TrimSuffix(strings.ReplaceAll(t, ",", ""), "%"), 64)
	return err == nil
}
