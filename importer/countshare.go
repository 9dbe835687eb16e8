package importer

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"scorecard/app"
)

// countsShownAsShares settles, for one row of a count, the figures that
// came as percentages: typed with a % sign ("97.3%"), as a fraction
// ("1850 / 1901"), or in a cell formatted as a percentage. Read as they
// were, 97.3% became 97.3 children and 1,840 children formatted 0%,
// which Excel shows as 184000%, became 184,000, with nothing said (QA
// probe 11). The row's unit, stated or the store's, says it counts, so:
//   - a whole number a percentage's format shows is the count the cell
//     stores, read as such and said once for the row;
//   - any other is a share of something, not a count: it is skipped,
//     said at its cell.
type countsShownAsShares struct {
	first string // the first cell read as the count stored
	shown string // what Excel shows there
	n     int
}

// settle returns the reading a count's row takes from a cell whose
// reading rd is a percentage, and false where the cell is skipped (said
// at the cell by s).
func (p *countsShownAsShares) settle(s *sheetReader, r, c int, ref, text string, lk look, rd reading) (reading, bool) {
	v, stored := plainNumber(text)
	switch {
	case !stored || !(lk.percent || lk.percentSign):
		what := "a percentage"
		if rd.num != nil && rd.den != nil {
			what = fmt.Sprintf("a fraction, %g of %g", *rd.num, *rd.den)
		}
		s.warn(r, c, "%s: cell skipped: %q is %s, but %s is a count: no count is read from it; give the count alone", ref, strings.TrimSpace(text), what, ref)
		return rd, false
	case v != math.Trunc(v):
		s.warn(r, c, "%s: cell skipped: %s is formatted as a percentage, which shows it as %s, but %s is a count: no count is read from it; give the count alone", ref, text, shownPercent(v, lk), ref)
		return rd, false
	}
	if p.n == 0 {
		p.first, p.shown = cellName(r, c), shownPercent(v, lk)
	}
	p.n++
	rd.value, rd.percent = app.Float(v), false
	return rd, true
}

// say warns once for the row of the counts read from cells formatted as
// percentages.
func (p *countsShownAsShares) say(s *sheetReader, r int, ref string) {
	if p.n == 0 {
		return
	}
	if p.n == 1 {
		s.out.warn(s.l.Sheet, p.first, "%s is a count, but %s is formatted as a percentage, which shows it as %s: read as the count the cell holds; format it as a number", ref, p.first, p.shown)
		return
	}
	s.out.warn(s.l.Sheet, p.first, "%s is a count, but its figures at %s and %d more cells of the row are formatted as percentages, which show %s's as %s: read as the counts the cells hold; format them as numbers", ref, p.first, p.n-1, p.first, p.shown)
}

// shownPercent is how a cell formatted as a percentage shows v: 1840 as
// "184000%" under 0%, 1840 under 0"%", a literal sign.
func shownPercent(v float64, lk look) string {
	if lk.percent {
		v = hundredfold(v)
	}
	places := max(lk.decimals, 0)
	return strconv.FormatFloat(v, 'f', places, 64) + "%"
}
