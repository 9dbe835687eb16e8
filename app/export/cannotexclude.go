package export

import (
	"scorecard/app"
)

// cannotSpan is the run of months, by index into the months written,
// that one merged "cannot exclude" cell stands for: n months, from..to.
// The zero span stands for none.
type cannotSpan struct{ from, to, n int }

// covers reports whether month i lies under the merged cell.
func (c cannotSpan) covers(i int) bool {
	return c.n > 0 && i >= c.from && i <= c.to
}

// cannotExcludeRow writes, where every one of months in a row that has a
// figure cannot exclude the cohorts for the same reason, one merged cell
// across those months (from column first on) saying so once with the
// reason, rather than "cannot exclude" in each month. It returns the
// months the cell stands for: none when it wrote nothing. The Scorecard
// and Trend sheets both use it, their month columns width wide.
//
// The cell spans only the months that have a figure, so that a month
// with none (an indicator begun mid-year) is not said to be one that
// cannot exclude, and so that the text lands in a month the sheet does
// not blank; a row whose figures have a gap between them is left to say
// it month by month. A reason too long for the cell (two lines wrapped,
// one not) is left to its note, as the Guidance sheet says, rather than
// cut off or making the row tall.
func (b *book) cannotExcludeRow(s string, r, first int, ro *row, months []app.Period, width float64, l look) (cannotSpan, error) {
	reason := ""
	sp := cannotSpan{from: -1}
	for i, m := range months {
		p := ro.point(m)
		if p == nil {
			continue
		}
		if p.Status != app.CannotExclude {
			return cannotSpan{}, nil
		}
		if sp.n > 0 && sp.to != i-1 {
			return cannotSpan{}, nil // a gap
		}
		o, _ := b.h.Observation(ro.key, p.Period)
		if sp.n > 0 && o.Raw != reason {
			return cannotSpan{}, nil
		}
		reason = o.Raw
		if sp.n == 0 {
			sp.from = i
		}
		sp.to = i
		sp.n++
	}
	if sp.n < 2 {
		return cannotSpan{}, nil
	}
	from, to := first+sp.from, first+sp.to
	if err := b.merge(s, cell(from, r), cell(to, r)); err != nil {
		return cannotSpan{}, err
	}
	text := app.CannotExclude.String()
	fits := 1
	if l.wrap {
		fits = 2
	}
	if reason != "" && b.lines(text+": "+reason, width*float64(sp.n)) <= fits {
		text += ": " + reason
	}
	l.italic, l.color, l.align = true, grey, "center"
	if err := b.set(s, from, r, text, l); err != nil {
		return cannotSpan{}, err
	}
	// The merged cells keep the border; a value written to one would land
	// in the first.
	id, err := b.style(l)
	if err != nil {
		return cannotSpan{}, err
	}
	if err := b.styleRow(s, r, from, to, id); err != nil {
		return cannotSpan{}, err
	}
	return sp, b.explain(s, from, r, app.CannotExclude, reason)
}
