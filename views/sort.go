package views

import (
	"cmp"
	"math"
	"strings"

	"scorecard/app"
)

// Sorting: the order picker sorts within sections; a click on a column's
// heading sorts the whole scorecard by it, again reverses, and a third
// time goes back to the picker's order.

// sortBy orders the table by one of the picker's orders.
func (s *scorecardTable) sortBy(order string) {
	s.order, s.sortCol, s.sortDesc = order, -1, false
	s.relayout()
	s.table.ScrollToTop()
}

// tapHeading sorts by a column: ascending (red first for RAG, the
// largest change first), then the other way, then back to the picker's
// order.
func (s *scorecardTable) tapHeading(col int) {
	switch {
	case s.sortCol != col:
		s.sortCol, s.sortDesc = col, false
	case !s.sortDesc:
		s.sortDesc = true
	default:
		s.sortCol, s.sortDesc = -1, false
		s.order = sortScorecard
	}
	if s.onOrder != nil {
		s.onOrder(s.orderName())
	}
	s.relayout()
	s.table.ScrollToTop()
}

// orderName says how the table is sorted, for the order picker.
func (s *scorecardTable) orderName() string {
	if s.sortCol < 0 {
		return s.order
	}
	dir := "ascending"
	if s.sortDesc {
		dir = "descending"
	}
	return columnTitles[s.sortCol] + ", " + dir
}

// sortMark is the arrow a sorted column's heading carries.
func (s *scorecardTable) sortMark(col int) string {
	switch {
	case col != s.sortCol:
		return ""
	case s.sortDesc:
		return " \u2193"
	}
	return " \u2191"
}

// refilter applies a changed filter and goes back to the top, since the
// lines scrolled to may no longer be there.
func (s *scorecardTable) refilter() {
	s.relayout()
	s.table.ScrollToTop()
}

// ragRank orders red before amber before green before unrated.
func ragRank(r app.RAG) int {
	switch r {
	case app.Red:
		return 0
	case app.Amber:
		return 1
	case app.Green:
		return 2
	}
	return 3
}

// relativeChange sizes a change against the previous value, so counts
// and percentages can be ordered together.
func relativeChange(r *scoreRow) float64 {
	if !r.hasDelta {
		return -1
	}
	prev, _ := r.prev.Figure()
	if prev == 0 {
		return math.Abs(r.change)
	}
	return math.Abs(r.change / prev)
}

// compareColumn orders two indicators by a column's figure. Indicators
// without one go last whichever way the column is sorted, so a sort
// never puts the blanks ahead of the figures.
func compareColumn(a, b *scoreRow, col int, desc bool) int {
	ka, oka := sortKey(a, col)
	kb, okb := sortKey(b, col)
	switch {
	case !oka && !okb:
		return 0
	case !oka:
		return 1
	case !okb:
		return -1
	}
	var c int
	switch x := ka.(type) {
	case float64:
		c = cmp.Compare(x, kb.(float64))
	case string:
		c = strings.Compare(strings.ToLower(x), strings.ToLower(kb.(string)))
	}
	if desc {
		return -c
	}
	return c
}

// sortKey is what a column sorts on: a figure where the column holds
// figures, else its words; false when the cell is empty.
func sortKey(r *scoreRow, col int) (any, bool) {
	figure := func(ok bool, f float64) (any, bool) { return f, ok }
	switch col {
	case colRef:
		return r.ind.Ref, true
	case colName:
		return r.ind.Name, true
	case colCurrent:
		f, ok := r.cur.Figure()
		return figure(r.hasCur && ok, f)
	case colPrevious:
		f, ok := r.prev.Figure()
		return figure(r.hasPrev && ok, f)
	case colChange:
		// The largest change first, counts and rates alike.
		return figure(r.hasDelta, -relativeChange(r))
	case colTarget:
		if !r.hasTgt || r.target.Target == nil {
			return nil, false
		}
		return *r.target.Target, true
	case colFloor:
		if !r.hasTgt || r.target.Floor == nil {
			return nil, false
		}
		return *r.target.Floor, true
	case colEngland:
		if b := r.bench.England; b != nil && b.Value != nil {
			return *b.Value, true
		}
		return nil, false
	case colRegion:
		if b := r.bench.Region; b != nil && b.Value != nil {
			return *b.Value, true
		}
		return nil, false
	case colNeighbours:
		if b := r.bench.NeighbourMean; b != nil && b.Value != nil {
			return *b.Value, true
		}
		return nil, false
	case colBenchYear:
		return figure(r.hasBench, float64(r.bench.Year.Year))
	case colRAG:
		// Red first.
		return figure(true, float64(ragRank(r.rag)))
	case colDoT:
		return string(r.dot), r.dot != ""
	case colFlags:
		return figure(true, -float64(len(r.flags)))
	}
	return nil, false
}
