package export

import (
	"scorecard/app"
)

// cannotExcludeRow writes, where every one of months in a row cannot
// exclude the cohorts for the same reason, one merged cell across them
// (from column first) saying so once with the reason, rather than "cannot
// exclude" in each month. It returns how many months the cell stands for:
// zero when it wrote nothing. The Scorecard and Trend sheets both use it.
func (b *book) cannotExcludeRow(s string, r, first int, ro *row, months []app.Period, l look) (int, error) {
	reason, n := "", 0
	for _, m := range months {
		p := ro.point(m)
		if p == nil {
			continue
		}
		if p.Status != app.CannotExclude {
			return 0, nil
		}
		o, _ := b.h.Observation(ro.key, p.Period)
		if n > 0 && o.Raw != reason {
			return 0, nil
		}
		reason = o.Raw
		n++
	}
	if n < 2 {
		return 0, nil
	}
	last := first + len(months) - 1
	if err := b.merge(s, cell(first, r), cell(last, r)); err != nil {
		return 0, err
	}
	text := string(app.CannotExclude)
	if reason != "" {
		text += ": " + reason
	}
	l.italic, l.color, l.align = true, grey, "center"
	if err := b.set(s, first, r, text, l); err != nil {
		return 0, err
	}
	// The merged cells keep the border; a value written to one would land
	// in the first.
	id, err := b.style(l)
	if err != nil {
		return 0, err
	}
	if err := b.styleRow(s, r, first, last, id); err != nil {
		return 0, err
	}
	return n, b.explain(s, first, r, app.CannotExclude, reason)
}
