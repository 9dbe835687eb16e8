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
		var heads, texts []string
		for c := col.index; c < end; c++ {
			t := raw(sub, c)
			if t == "" || isFigureText(t) {
				continue
			}
			if r, _, _, _ := headerRoleGuessed(t); r != "" {
				continue
			}
			heads = append(heads, fmt.Sprintf("%s %q", cellName(sub, c), t))
			texts = append(texts, t)
		}
		if len(heads) < 2 {
			continue
		}
		if cohortsOnly(texts) {
			return cohortsUnderPeriod(l, cellName(hr, col.index), col.Period, heads, texts)
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

// areasUnderPeriods refuses a layout whose month or quarter headings each
// stand over area sub-columns, "Leeds | England" or "Leeds | Stat
// neighbours": the authority's figure and its benchmarks, a period. The
// sub-headings are area and benchmark headings, so the columns were read
// as a district sheet dated from the title: the months above were lost,
// January's figure stored as the title's month and the others called
// conflicts with it. The month a sub-column is under is the caption at
// or left of it (a merged heading is written at its left). One area's
// column beside England's or the neighbours' is read by periodSubColumns
// (subsets.go) before this runs; what is refused here is what it left,
// such as an area beside a "Value" column, or two England columns.
func areasUnderPeriods(l *Layout, g *grid, label, caption, refCol int) error {
	if caption < 0 || caption == label {
		return nil
	}
	raw := func(r, c int) string {
		if r < 0 || r >= len(g.rows) || c < 0 || c >= len(g.rows[r]) {
			return ""
		}
		return strings.TrimSpace(g.rows[r][c])
	}
	for _, col := range l.Columns {
		if col.Role != RoleArea || col.Area == "" {
			continue
		}
		c := col.index
		for c > refCol+1 && c > 0 && raw(caption, c) == "" {
			c--
		}
		role, p, _, _ := headerRoleGuessed(raw(caption, c))
		if role != RolePeriod || p.Kind != app.Month && p.Kind != app.Quarter {
			continue
		}
		// One date over district columns dates them all, as does a title
		// row such as "Produced: 03/09/2025 Data as at: 31/08/2025"; a
		// row of months only is refused when a benchmark stands beside
		// the area under one of them, or a second month heads the row.
		var subs, texts []string
		bench := false
		for s := c; s < len(g.rows[label]) && (s == c || raw(caption, s) == ""); s++ {
			if t := raw(label, s); t != "" {
				subs = append(subs, fmt.Sprintf("%s %q", cellName(label, s), t))
				texts = append(texts, t)
				r, _, _, _ := headerRoleGuessed(t)
				bench = bench || r == RoleEngland || r == RoleNeighbours
			}
		}
		if n, only := periodsOnly(g, caption, c, raw); !only || !bench && n < 2 {
			continue
		}
		if !bench && cohortsOnly(texts) {
			return cohortsUnderPeriod(l, cellName(caption, c), p, subs, texts)
		}
		if !bench {
			// Areas alone, such as "Kent | Kent excl UASC": there is no
			// benchmark to speak of, and the month and area each
			// column's own heading gives are read (monthAreaHeading).
			return &layoutRefusal{cell: cellName(caption, c), msg: fmt.Sprintf(
				"%s is headed over area sub-columns (%s): a month written once over several areas' columns is not read with them, lest one area's figure be stored as another's; give each column a heading naming its month and area, such as %q and %q, which are read",
				p.Label(), strings.Join(subs, ", "), p.Label()+" "+texts[0], p.Label()+" "+texts[len(texts)-1])}
		}
		return &layoutRefusal{cell: cellName(caption, c), msg: fmt.Sprintf(
			"%s is headed over area sub-columns (%s): a period's own figure beside its England or statistical neighbours' figure is not read, lest one month's figure be stored as another's; give each month one column of the authority's figures, and the benchmarks in columns headed \"England\" or \"Stat neighbours\" beside it, or on sheets of their own",
			p.Label(), strings.Join(subs, ", "))}
	}
	return nil
}

// cohortsOnly reports whether every sub-heading names the children its
// column counts, and nothing else: "All", "Total", "UASC", "Excl UASC".
func cohortsOnly(texts []string) bool {
	for _, t := range texts {
		if _, ok, doubt := splitOf(t); !ok || doubt != "" {
			return false
		}
	}
	return len(texts) > 0
}

// cohortsUnderPeriod refuses, at cell, a period p written once over
// columns each of some children (subs, their cells and texts): which is
// the area's figure is plain, but such columns are not read. Its advice
// is the headings that are read, naming the area too: "Mar-25 UASC"
// alone may be the UASC Service's (QA probe 7: the refusal had
// suggested just such headings).
func cohortsUnderPeriod(l *Layout, cell string, p app.Period, subs, texts []string) error {
	own := app.DefaultAuthority().Area()
	if l.auth != nil {
		own = l.auth.Area()
	}
	heading := func(text string) string {
		if sp, _, _ := splitOf(text); sp == app.All {
			return p.Label() + " " + string(own)
		}
		return p.Label() + " " + string(own) + " " + text
	}
	return &layoutRefusal{cell: cell, msg: fmt.Sprintf(
		"%s is headed over sub-columns of the children counted (%s): a month written once over its columns is not read with them; give each column a heading naming its month, area and children, such as %q and %q, which are read",
		p.Label(), strings.Join(subs, ", "), heading(texts[0]), heading(texts[len(texts)-1]))}
}

// periodsOnly counts the month or quarter headings in the row from
// column c on, or reports false where another cell stands among them, as
// a title row's "Produced:" and "Data as at:" beside their dates do.
func periodsOnly(g *grid, row, c int, raw func(r, c int) string) (int, bool) {
	n := 0
	for s := c; s < len(g.rows[row]); s++ {
		t := raw(row, s)
		if t == "" {
			continue
		}
		if role, p, _, _ := headerRoleGuessed(t); role != RolePeriod || p.Kind != app.Month && p.Kind != app.Quarter {
			return n, false
		}
		n++
	}
	return n, true
}
