package export

import (
	"fmt"

	"scorecard/app"
)

// revisedNote says that the figure shown for period p of series k
// replaces one an earlier import gave, naming both files: a revision the
// workbook showed with no word, so that last month's circulated figure
// and this month's disagreed unexplained (QA27a 2). The earlier figure is
// not written: the workbook is circulated, and an earlier small count
// beside the later one could be worked out; `scorecard show` gives it to
// the officer. "" for a figure never revised.
func (b *book) revisedNote(k app.SeriesKey, p app.Period) string {
	revs := b.h.Revisions(k, p)
	if len(revs) == 0 {
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
