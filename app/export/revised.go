package export

import (
	"fmt"
	"strings"

	"scorecard/app"
	"scorecard/app/trend"
)

// revisedNote says that the figure shown for period p of series k
// replaces one an earlier import gave, naming both files: a revision the
// workbook showed with no word, so that last month's circulated figure
// and this month's disagreed unexplained (QA27a 2). The earlier figure is
// not written: the workbook is circulated, and an earlier small count
// beside the later one could be worked out; `scorecard show` gives it to
// the officer. "" for a figure never revised, or one whose later version
// only added its counts (trend.FigureRevised).
func (b *book) revisedNote(k app.SeriesKey, p app.Period) string {
	revs := b.h.Revisions(k, p)
	if !trend.FigureRevised(b.h, k, p) {
		return ""
	}
	o, ok := b.h.Observation(k, p)
	if !ok {
		return ""
	}
	return fmt.Sprintf("Revised: this figure, given by %s, replaces the one %s gave first (scorecard show %s lists each).",
		b.importWords(o.Import), b.importWords(revs[0].Import), k.Ref)
}

// importWords names an import by its file and ID: "m03.xlsx (I0003)".
func (b *book) importWords(id string) string {
	for _, im := range b.h.Imports {
		if im.ID == id && im.Source != "" {
			return im.Source + " (" + id + ")"
		}
	}
	return "import " + id
}

// revisedMonthsNote says which of months hold a figure of the row that a
// later import revised, for the Trend sheet's Note: "Revised: May-25
// (its Scorecard cell names the files)"; "" for none. As revisedNote, it
// gives no earlier figure.
func (b *book) revisedMonthsNote(ro *row, months []app.Period) string {
	var revised []string
	for _, m := range months {
		p := ro.point(m)
		if p == nil || !trend.FigureRevised(b.h, ro.key, p.Period) {
			continue
		}
		revised = append(revised, p.Period.Label())
	}
	switch len(revised) {
	case 0:
		return ""
	case 1:
		return "Revised: " + revised[0] + " (its Scorecard cell names the files)"
	}
	return "Revised: " + strings.Join(revised, ", ") + " (their Scorecard cells name the files)"
}
