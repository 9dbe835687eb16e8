package importer

import (
	"slices"
	"strings"

	"scorecard/app"
)

// Officers qualify a figure in a cell's note (the red triangle) or
// threaded comment: "Provisional: 12 referrals not yet validated",
// "excludes the Hub pilot", "estimated". A figure read without its note
// went out as final (QA33 F9), so a note on a figure's cell is kept as
// the figure's comment (after any the row's Comments column gives it),
// and every note on a sheet read is said at its cell, naming the figure
// it is on, if any.

// sayNotes keeps each note and comment on a figure's cell of out's sheet
// as the figure's comment, and warns of every note at its cell.
func (out *sheetLog) sayNotes(book *workbook) {
	notes, err := book.Notes(out.sheet)
	if err != nil {
		out.warn(out.sheet, "A1", "the sheet's cell notes and comments not read: %v", err)
		return
	}
	if len(notes) == 0 {
		return
	}
	figs := map[[2]int32]int{} // by row and column, the first figure read there
	for i := range out.figs {
		k := [2]int32{out.figs[i].row, out.figs[i].col}
		if _, ok := figs[k]; !ok {
			figs[k] = i
		}
	}
	for _, n := range notes {
		what := "note"
		if n.Threaded {
			what = "comment"
		}
		by := ""
		if n.Author != "" {
			by = " by " + n.Author
		}
		text := strings.Join(strings.Fields(n.Text), " ")
		col, row, ok := cellColRow(n.Cell)
		i, onFigure := figs[[2]int32{int32(row - 1), int32(col)}]
		if !ok || !onFigure {
			out.warn(out.sheet, n.Cell, "%s%s at %s: %q: not kept, being on no figure's cell (a figure's note is kept as its comment)", what, by, n.Cell, text)
			continue
		}
		o := out.observation(&out.figs[i])
		kept := "kept as the figure's comment"
		if j := slices.IndexFunc(out.comments, func(c app.Comment) bool {
			return c.Ref == o.Ref && c.Area == o.Area && c.Split == o.Split && c.Period == o.Period
		}); j >= 0 {
			out.comments[j].Text += " (note: " + text + ")"
			kept = "kept after the figure's comment from its row"
		} else {
			out.comments = append(out.comments, app.Comment{Ref: o.Ref, Area: o.Area, Split: o.Split, Period: o.Period, Text: text})
		}
		out.warn(out.sheet, n.Cell, "%s%s at %s: %q, on %s %s %s's figure %s: %s; the figure is stored as given",
			what, by, n.Cell, text, o.Ref, o.Area, o.Period.Label(), describeFigure(&o), kept)
	}
}
