package importer

import (
	"context"
	"fmt"
	"slices"

	"scorecard/importer/xlsx"
)

// colSpan is the columns of one table on a sheet, lo to hi (0-based, hi
// not included; hi 0 runs to the sheet's last column, so that the zero
// span is the whole sheet). refless marks a table beside another with no
// Ref column of its own, which is not read (reflessTable).
type colSpan struct {
	lo, hi  int
	refless bool
}

// whole is the span of every column of a sheet.
var whole = colSpan{}

func (sp colSpan) has(c int) bool { return c >= sp.lo && (sp.hi <= 0 || c < sp.hi) }

// cols returns the cells of row in sp.
func (sp colSpan) cols(row []string) []string {
	lo, hi := min(sp.lo, len(row)), len(row)
	if sp.hi > 0 {
		hi = min(sp.hi, len(row))
	}
	return row[lo:hi]
}

// sideTables splits a scorecard's header into the tables set side by side
// on it, each starting at a visible Ref column of its own ("Early Help"
// in A to F, "Youth Justice" in H to M, or a block of "Ref | Target |
// Floor" beside the figures in another row order). Read by the first Ref
// column, the right-hand table's figures, polarities and targets had been
// filed under the left-hand table's indicators row by row. A later Ref
// column starts a table only where the columns before it and after it
// hold more than Refs: "Ref | KPI | ..." is one table whose second Ref
// heading is not read (unread), and a Ref column repeated at the right
// edge is a copy, not a table. A table beside another with no Ref of its
// own is a span of its own marked refless (reflessTable). One span for a
// sheet of one table.
func (l *Layout) sideTables() []colSpan {
	if l.Kind != IndicatorSheet && l.Kind != DistrictSheet {
		return []colSpan{whole}
	}
	var refs []int
	for _, c := range l.Columns {
		if c.Role == RoleRef && !c.Hidden {
			refs = append(refs, c.index)
		}
	}
	slices.Sort(refs)
	// other reports whether a column other than a Ref lies in lo to hi.
	other := func(lo, hi int) bool {
		return slices.ContainsFunc(l.Columns, func(c Column) bool {
			return c.Role != RoleRef && c.index >= lo && (hi <= 0 || c.index < hi)
		})
	}
	starts := []int{0}
	for i := 1; i < len(refs); i++ {
		c := refs[i]
		next := 0
		if i+1 < len(refs) {
			next = refs[i+1]
		}
		if other(starts[len(starts)-1], c) && other(c, next) {
			starts = append(starts, c)
		}
	}
	var spans []colSpan
	for i, lo := range starts {
		sp := colSpan{lo: lo}
		if i+1 < len(starts) {
			sp.hi = starts[i+1]
		}
		if at, ok := l.reflessTable(sp); ok {
			spans = append(spans, colSpan{lo: sp.lo, hi: at}, colSpan{lo: at, hi: sp.hi, refless: true})
			continue
		}
		spans = append(spans, sp)
	}
	return spans
}

// reflessTable finds in span sp a second table beside the first with no
// Ref column of its own: after the first table's figures and a gap, a
// second column of a role a row gives once (oneARow), an Indicator or
// Polarity, heading figures of its own ("... Mar-25 | | Indicator |
// Polarity | Apr-25 ..."). Its figures could only be matched to the
// first table's indicators by their rows, so they are not read. It
// returns the table's first column. A second such column with no figures
// after it (a Description at the right) is not a table: it is left unread
// by itself (unread).
func (l *Layout) reflessTable(sp colSpan) (int, bool) {
	figure := func(c *Column) bool {
		return c.Role == RolePeriod && !c.Period.IsZero() || c.Role == RoleArea && c.Area != "" ||
			c.Role == RoleTarget || c.Role == RoleFloor
	}
	// The span's columns are only looked at: pointers to them, not
	// copies. Copying every column here, for each sheet detected (twice,
	// from its first rows and whole), was two fifths of what detecting
	// the large workbook's sheets allocated.
	var cols []*Column
	for i := range l.Columns {
		if c := &l.Columns[i]; sp.has(c.index) && !c.Hidden {
			cols = append(cols, c)
		}
	}
	slices.SortFunc(cols, func(a, b *Column) int { return a.index - b.index })
	seen := map[Role]bool{}
	figures := false
	for i, c := range cols {
		if figures && i > 0 && c.index > cols[i-1].index+1 {
			for _, d := range cols[i:] {
				if figure(d) {
					break
				}
				if oneARow[d.Role] && seen[d.Role] && slices.ContainsFunc(cols[i:], figure) {
					return c.index, true
				}
			}
		}
		seen[c.Role] = seen[c.Role] || oneARow[c.Role]
		figures = figures || figure(c)
	}
	return 0, false
}

// within is the layout of the table in span sp: its columns alone.
func (l *Layout) within(sp colSpan) Layout {
	nl := *l
	nl.Columns = slices.DeleteFunc(slices.Clone(l.Columns), func(c Column) bool { return !sp.has(c.index) })
	return nl
}

// spanName names a table's columns in a warning: "columns H to M".
func spanName(sp colSpan, width int) string {
	last := width - 1
	if sp.hi > 0 {
		last = sp.hi - 1
	}
	if last <= sp.lo {
		return "column " + xlsx.ColumnName(sp.lo)
	}
	return fmt.Sprintf("columns %s to %s", xlsx.ColumnName(sp.lo), xlsx.ColumnName(last))
}

// readScorecard reads an indicator sheet (periods across) or a district
// sheet (areas across), each table set side by side on it by its own
// Ref column (sideTables), so that a row's figures, polarity and targets
// are joined to the indicator by its Ref, never by its place beside
// another table's row. A table beside the first of another kind (areas
// beside months) is not read, and said so at its Ref heading.
func (s *sheetReader) readScorecard(ctx context.Context) error {
	spans := s.l.sideTables()
	if len(spans) == 1 {
		return s.readTable(ctx)
	}
	all := s.l
	defer func() { s.l, s.span = all, whole }()
	width := 0
	if h := all.HeaderRow - 1; h >= 0 && h < len(s.g.rows) {
		width = len(s.g.rows[h])
	}
	for i, sp := range spans {
		s.l, s.span = all.within(sp), sp
		if sp.refless {
			c := s.l.Columns[slices.IndexFunc(s.l.Columns, func(c Column) bool { return c.index == sp.lo })]
			s.warn(all.HeaderRow-1, sp.lo, "%s are a second table beside the first, with no Ref column of its own (column %s %q): its figures are not read, as they could be matched to indicators only by their rows; give it a Ref column, or a sheet of its own",
				spanName(sp, width), c.Col, c.Header)
			continue
		}
		if i == 0 {
			if err := s.readTable(ctx); err != nil {
				return err
			}
			continue
		}
		ref, _ := s.l.column(RoleRef)
		if k := kindOf(&s.l); k != all.Kind {
			s.warn(all.HeaderRow-1, ref.index, "%s are a second table beside the first, with its own Ref column %s, of %s where the first is of %s: its figures are not read; give it a sheet of its own",
				spanName(sp, width), ref.Col, kindWords[k], kindWords[all.Kind])
			continue
		}
		s.warn(all.HeaderRow-1, ref.index, "%s are a second table beside the first, with its own Ref column %s: its rows are read by their Ref in column %s, not by the rows beside them",
			spanName(sp, width), ref.Col, ref.Col)
		if err := s.readTable(ctx); err != nil {
			return err
		}
	}
	return nil
}

// kindWords names a kind of table in a warning.
var kindWords = map[Kind]string{
	IndicatorSheet: "months or quarters", DistrictSheet: "areas", TidySheet: "one figure a row",
	TargetSheet: "targets by year",
}

// tableRow is row r's cells in the table being read (span).
func (s *sheetReader) tableRow(r int) []string {
	if r < 0 || r >= len(s.g.rows) {
		return nil
	}
	return s.span.cols(s.g.rows[r])
}
