package importer

import (
	"slices"
	"strings"

	"scorecard/app"
	"scorecard/importer/value"
	"scorecard/importer/xlsx"
)

// An officer tidying a scorecard merges the identical cells of adjacent
// rows: a Polarity "L" over two L indicators, a shared Data period or
// target. Excel shows the merged value against every row it spans, but
// the file holds it in the top cell alone, and read so the rows below
// lost their polarity, targets and RAG with nothing said (hA F1). What
// rows share of a definition, a target, a rating or a comment is read
// for each row, as shown (spreadDown). A figure is another matter: one
// number shown against two indicators is neither's with any confidence,
// so it is read for none of them and said at its cell (sharedAt); a
// status such as "c" says of each row that it has no figure, and is read
// for each.

// spreadDown are the roles of the columns whose cell merged down over
// rows is read for each row it spans. The name is not among them: a row
// without a Ref of its own reads a blank name as one of its indicator's
// rows (areas, cohorts), so readTable gives a merged name only to a row
// with a Ref (nameAt).
var spreadDown = map[Role]bool{
	RoleSection: true, RoleOwner: true, RolePolarity: true, RoleDataPeriod: true,
	RoleUnit: true, RoleGuidance: true, RoleDecimals: true, RoleMeasure: true,
	RoleYearType: true, RoleUnaffected: true, RoleTarget: true, RoleFloor: true,
	RoleTolerance: true, RoleMilestone: true, RoleMilestoneFloor: true,
	RoleRAG: true, RoleDoT: true, RoleComments: true,
}

// sharedDown are the roles beside the figures whose cell holds a figure
// of its row's own, as the figures' columns do: merged down, it is read
// as sharedAt reads a figure.
var sharedDown = map[Role]bool{
	RoleNumerator: true, RoleDenominator: true, RolePrevious: true,
	RoleEngland: true, RoleNeighbours: true, RoleRegion: true,
}

// mergedDown returns the range merged down over more than one row of the
// table's body whose first column is 0-based column c and which spans
// 0-based row r. A range merged across columns as well is the first
// column's: the others are blank as they are for its top row.
func (s *sheetReader) mergedDown(r, c int) (xlsx.Range, bool) {
	if !s.downsMade {
		s.downsMade = true
		for _, m := range s.g.merged {
			if m.Row1 > m.Row0 && m.Col0 >= 0 {
				if m.Col0 >= len(s.downs) {
					s.downs = append(s.downs, make([][]xlsx.Range, m.Col0+1-len(s.downs))...)
				}
				s.downs[m.Col0] = append(s.downs[m.Col0], m)
			}
		}
		// By top row, for a search: a column's ranges do not overlap,
		// and a report may merge every row's cells down over two.
		for _, ms := range s.downs {
			slices.SortFunc(ms, func(a, b xlsx.Range) int { return a.Row0 - b.Row0 })
		}
	}
	if c < 0 || c >= len(s.downs) {
		return xlsx.Range{}, false
	}
	ms := s.downs[c]
	i, _ := slices.BinarySearchFunc(ms, r+1, func(m xlsx.Range, row int) int { return m.Row0 - row })
	// ms[i-1] is the last range starting at or above row r. A header
	// merged down over its rows is the header's.
	if i > 0 && r <= ms[i-1].Row1 && ms[i-1].Row0 >= s.l.FirstRow-1 {
		return ms[i-1], true
	}
	return xlsx.Range{}, false
}

// downText returns the text of the top-left cell of range m.
func (s *sheetReader) downText(m xlsx.Range) string {
	if m.Row0 < len(s.g.rows) && m.Col0 < len(s.g.rows[m.Row0]) {
		return s.g.rows[m.Row0][m.Col0]
	}
	return ""
}

// spreadAt returns the text Excel shows at row r of column c where the
// cell is blank in the file but merged down from a cell above, "" else.
func (s *sheetReader) spreadAt(r int, c *Column) string {
	if m, ok := s.mergedDown(r, c.index); ok && r > m.Row0 {
		return s.downText(m)
	}
	return ""
}

// nameAt returns the name at row r, a row with a Ref of its own: a name
// merged down over its rows (a count's row and its percentage's, each
// with its Ref) is each row's, as Excel shows it (hA F1e).
func (s *sheetReader) nameAt(r int, c *Column) string {
	if t := s.at(r, c); strings.TrimSpace(t) != "" {
		return t
	}
	return s.spreadAt(r, c)
}

// sharedAt returns the text of a figure's cell at row r of column c for
// ref's row. A cell merged down over other rows the table reads is shown
// against each of them: a status ("c", "n/a") says each has no figure and
// is read for each; a figure is no one row's, and is read for none, said
// once at its cell, where before the top row took it and the others lost
// theirs without a word. A cell merged down over rows otherwise blank is
// a tall cell, its top row's alone.
func (s *sheetReader) sharedAt(r int, c *Column, ref string) string {
	text := s.at(r, c)
	m, ok := s.mergedDown(r, c.index)
	if !ok || !s.spansRead(m) {
		return text
	}
	top := s.downText(m)
	if f, err := value.Parse(top); err != nil || f.Status == app.OK {
		if s.downSaid == nil {
			s.downSaid = map[xlsx.Range]bool{}
		}
		if !s.downSaid[m] && strings.TrimSpace(top) != "" {
			s.downSaid[m] = true
			at := cellName(m.Row0, m.Col0) + ":" + cellName(m.Row1, m.Col1)
			s.warn(m.Row0, m.Col0, "%s: %q merged down over %s, %d rows, not read for any of them: one figure shown against several rows is no one row's, and giving it to each would be a guess; unmerge it and give each row its own figure",
				ref, strings.TrimSpace(top), at, m.Row1-m.Row0+1)
		}
		return ""
	}
	return top
}

// spansRead reports whether a row below the top of range m has a cell
// of its own in the table: the range is then shown against rows read,
// not a tall cell of its top row.
func (s *sheetReader) spansRead(m xlsx.Range) bool {
	for r := m.Row0 + 1; r <= m.Row1 && r < len(s.g.rows); r++ {
		if !blankRow(s.tableRow(r)) {
			return true
		}
	}
	return false
}
