package importer

import (
	"fmt"

	"scorecard/app"
)

// tidyPaired reads a tidy table's Value cells that give a count and its
// percentage together ("45 (21.3%)", "21.3% (45)", as SSRS and Power BI
// write them), as a scorecard's are (pairedCells): the figure the
// indicator's unit asks for. Each had been skipped, row by row, as not a
// number. A tidy table gives an indicator's figures down its rows, not
// across one, so it is said once an indicator, at its first such cell.
type tidyPaired struct {
	order []string
	byRef map[string]*tidyPairedRows
}

type tidyPairedRows struct {
	p   pairedCells
	row int // the first such cell's 0-based row
}

// take is pairedCells.take for indicator ref's row r, column c.
func (tp *tidyPaired) take(ref, text string, unit app.Unit, r, c int, fl *floats) (reading, bool, error) {
	if tp.byRef == nil {
		tp.byRef = map[string]*tidyPairedRows{}
	}
	pr := tp.byRef[ref]
	if pr == nil {
		pr = &tidyPairedRows{p: newPairedCells(), row: r}
	}
	rd, ok, err := pr.p.take(text, unit, c, fl)
	if ok && err == nil && tp.byRef[ref] == nil {
		tp.byRef[ref] = pr
		tp.order = append(tp.order, ref)
	}
	return rd, ok, err
}

// warn says, at each indicator's first cell giving a count and its
// percentage, how its cells were read and how many more are so.
func (tp *tidyPaired) warn(s *sheetReader) {
	for _, ref := range tp.order {
		pr := tp.byRef[ref]
		more := ""
		switch n := pr.p.n; {
		case n == 2:
			more = ", as is 1 more of its rows"
		case n > 2:
			more = fmt.Sprintf(", as are %d more of its rows", n-1)
		}
		s.warn(pr.row, pr.p.col, "%s: %q gives a count and its percentage in one cell, as reports write them: read as %s%s; to keep both, give the count, or the numerator and denominator, in columns of their own",
			ref, pr.p.text, pr.p.read, more)
	}
}
