package importer

import (
	"slices"
	"strconv"
	"strings"

	"scorecard/importer/xlsx"
)

// A tidy table may break a figure down by a column the importer does
// not know ("Gender", "Age group", "Breakdown"): CIC01 for Kent in
// April on a row per age band and one for "Total". Read as one figure,
// the first row (the under-1s) would pass for all children and the
// others be warned of as conflicting with it. Such a column is found
// before the rows are read, by its telling apart rows of one indicator,
// period, area and cohort. Where it has a row for all ("Total", "All"),
// that row is read and the others left, said once; where it has none,
// the rows it tells apart are not read, with one warning naming it.

// maxTidyShown is how many of a column's values a warning lists.
const maxTidyShown = 4

// tidyBreakdown is a column of a tidy table the importer does not read,
// and what its values say.
type tidyBreakdown struct {
	index  int
	header string
	total  string   // the value naming all rows, as written; "" where none
	values []string // distinct values, first maxTidyShown+1, in row order
	text   bool     // some value is words, not a figure
	// splits are the rows' keys (Ref, period, area, cohort) it tells
	// apart.
	splits map[string]bool
	// skipped are the rows left, by ref, and the first of them.
	skipped      int
	skippedAt    int
	skippedRefs  []string
	skippedShown []string
}

// filter reports whether the column breaks figures down beside a row
// for all: words, a row for all and another value, telling some rows
// apart.
func (b *tidyBreakdown) filter() bool {
	return b.text && b.total != "" && len(b.values) > 1 && len(b.splits) > 0
}

// tidyBreakdowns finds the columns of the table's heading that no role
// reads and that tell apart rows of one Ref, period, area and cohort.
func (s *sheetReader) tidyBreakdowns(refCol Column, cols map[Role]Column) []*tidyBreakdown {
	l := &s.l
	h := l.HeaderRow - 1
	if h < 0 || h >= len(s.g.rows) {
		return nil
	}
	read := map[int]bool{}
	for _, c := range l.Columns {
		read[c.index] = true
	}
	var bs []*tidyBreakdown
	for c, head := range s.g.rows[h] {
		if head = strings.TrimSpace(head); head != "" && !read[c] {
			bs = append(bs, &tidyBreakdown{index: c, header: head, splits: map[string]bool{}})
		}
	}
	if len(bs) == 0 {
		return nil
	}
	keyOf := func(r int) string { return s.tidyKey(r, refCol, cols) }
	firsts := make([]map[string]string, len(bs))
	seen := make([]map[string]bool, len(bs))
	for i := range bs {
		firsts[i], seen[i] = map[string]string{}, map[string]bool{}
	}
	for r := l.FirstRow - 1; r < len(s.g.rows); r++ {
		if blankRow(s.g.rows[r]) {
			continue
		}
		key := keyOf(r)
		for i, b := range bs {
			v := strings.TrimSpace(s.g.at(r, b.index))
			if v == "" {
				continue
			}
			if !seen[i][v] && len(seen[i]) <= 1000 {
				seen[i][v] = true
				if len(b.values) <= maxTidyShown {
					b.values = append(b.values, v)
				}
				if b.total == "" && isAllRows(v) {
					b.total = v
				}
				if _, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", ""), 64); err != nil {
					b.text = true
				}
			}
			if f, ok := firsts[i][key]; !ok {
				firsts[i][key] = v
			} else if f != v {
				b.splits[key] = true
			}
		}
	}
	return slices.DeleteFunc(bs, func(b *tidyBreakdown) bool { return len(b.splits) == 0 })
}

// tidyKey is row r's Ref, period, area and cohort as written: rows of
// one figure share it.
func (s *sheetReader) tidyKey(r int, refCol Column, cols map[Role]Column) string {
	k := []string{stripFootnote(s.at(r, &refCol))}
	for _, role := range []Role{RolePeriod, RoleArea, RoleCohort} {
		if c, ok := cols[role]; ok {
			k = append(k, strings.ToLower(strings.TrimSpace(s.at(r, &c))))
		}
	}
	return strings.Join(k, "\x00")
}

// isAllRows reports whether a breakdown's value names all rows: "Total",
// "All", "All ages", "Total children", "Persons", "Both sexes".
func isAllRows(v string) bool {
	ws := strings.Fields(strings.ToLower(strings.Trim(v, " .*")))
	if len(ws) == 0 {
		return false
	}
	switch ws[0] {
	case "total", "totals", "all", "persons", "everyone", "overall":
		return true
	}
	return strings.Join(ws, " ") == "both sexes" || strings.Join(ws, " ") == "grand total"
}

// breakdownOf returns the column whose value leaves row r unread: not
// the row for all of a column that has one; of a column that has none,
// a row it tells apart from another, key (see tidyBreakdowns) being the
// row's.
func breakdownOf(s *sheetReader, bs []*tidyBreakdown, r int, key string) *tidyBreakdown {
	for _, b := range bs {
		v := strings.TrimSpace(s.g.at(r, b.index))
		switch {
		case v == "":
		case b.filter() && !isAllRows(v):
			return b
		case !b.filter() && b.splits[key]:
			return b
		}
	}
	return nil
}

// skip counts row r of ref as left.
func (b *tidyBreakdown) skip(s *sheetReader, r int, ref string) {
	if b.skipped == 0 {
		b.skippedAt = r
	}
	b.skipped++
	if !slices.Contains(b.skippedRefs, ref) {
		b.skippedRefs = append(b.skippedRefs, ref)
	}
	if v := strings.TrimSpace(s.g.at(r, b.index)); len(b.skippedShown) <= maxTidyShown && !slices.Contains(b.skippedShown, v) {
		b.skippedShown = append(b.skippedShown, v)
	}
}

// warnBreakdowns says once per column what was read and what was not.
func (s *sheetReader) warnBreakdowns(bs []*tidyBreakdown) {
	for _, b := range bs {
		if b.skipped == 0 {
			continue
		}
		col := xlsx.ColumnName(b.index)
		if b.filter() {
			s.warn(b.skippedAt, b.index, "column %s %q breaks the figures down (%s): the rows where it is %q are read as the figures for all; its other %s, of %s, not read, the first here",
				col, b.header, tidyValues(b.skippedShown), b.total, rowsCounted(b.skipped), strings.Join(b.skippedRefs, ", "))
			continue
		}
		s.warn(b.skippedAt, b.index, "column %s %q breaks the figures down (%s) and has no Total or All row, so none of its rows is the figure for all: its %s, of %s, not read, the first here; add a row for all, or give each breakdown a Ref of its own",
			col, b.header, tidyValues(b.skippedShown), rowsCounted(b.skipped), strings.Join(b.skippedRefs, ", "))
	}
}

// tidyValues writes values "Male, Female, ..." for a warning.
func tidyValues(vs []string) string {
	s := strings.Join(vs[:min(len(vs), maxTidyShown)], ", ")
	if len(vs) > maxTidyShown {
		s += ", ..."
	}
	return s
}

// rowsCounted writes "1 row" or "12 rows".
func rowsCounted(n int) string {
	if n == 1 {
		return "1 row"
	}
	return strconv.Itoa(n) + " rows"
}
