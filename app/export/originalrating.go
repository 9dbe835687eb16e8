package export

// The original's RAG and DoT cells, restated from the app's own analysis
// in the original's own colours and arrows.

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/trend"
)

// ratedBeside reports whether the original's RAG and DoT cells on was's
// row stand beside was and are rewritten for it: the figure the import
// attached them to, of the export's period or of a period of another
// cadence holding it (the quarter in a store of months, whose month ends
// it). Left alone, the officer's rating would stand beside a figure it
// did not rate (excluding a cohort, or withheld).
func (o *originalWriter) ratedBeside(was app.Observation) bool {
	if was.SourceRAG == app.NoRAG && was.SourceArrow == app.NoArrow {
		return false
	}
	return was.Period == o.period || was.Period.Kind != o.period.Kind && was.Period.Contains(o.period)
}

// rating rewrites the RAG and DoT cells on the row of figure was, found
// by their column headings, from the app's own analysis of the figure
// the cell at ref now shows (now, of series k in src). Where the app
// gives no rating, the original's stands only beside the figure it
// rated (unratedRAG).
func (o *originalWriter) rating(sheet, ref string, k app.SeriesKey, src *app.History, was, now app.Observation) error {
	var p trend.Point
	if pts := trend.Analyse(src, k, trend.Options{Until: was.Period}); len(pts) > 0 && pts[len(pts)-1].Period == was.Period {
		p = pts[len(pts)-1]
	}
	_, row, err := excelize.CellNameToCoordinates(ref)
	if err != nil {
		return err
	}
	heads := o.headings(sheet, row)
	if col, ok := heads["rag"]; ok {
		at := cell(col, row)
		if p.RAG == app.NoRAG {
			if err := o.unratedRAG(sheet, at, k, was, now); err != nil {
				return err
			}
		} else if err := o.writeRAG(sheet, at, p.RAG); err != nil {
			return err
		}
	}
	if p.Period.IsZero() {
		return nil // no analysis: the original's arrow is left as it is
	}
	if col, ok := heads["dot"]; ok {
		at := cell(col, row)
		old, _ := o.f.GetCellValue(sheet, at)
		color := grey
		switch p.DoT {
		case app.Improved:
			color = favourable
		case app.Worsened:
			color = unfavoured
		}
		if err := o.f.SetCellStr(sheet, at, arrowLike(old, p.Movement)); err != nil {
			return err
		}
		if err := o.recolour(sheet, at, false, "", color); err != nil {
			return err
		}
	}
	return nil
}

// writeRAG writes the app's rating r into the RAG cell at, in the word
// and colours the original gives it.
func (o *originalWriter) writeRAG(sheet, at string, r app.RAG) error {
	fill, color := ragLook(r)
	if own, ok := o.ragFills[r]; ok {
		fill, color = own.fill, own.color
	}
	word := o.ragWord(r)
	if old, _ := o.f.GetCellValue(sheet, at); strings.TrimSpace(old) == "" {
		word = "" // the original shows RAG by fill alone
	}
	if err := o.f.SetCellStr(sheet, at, word); err != nil {
		return err
	}
	return o.recolour(sheet, at, true, fill, color)
}

// unratedRAG settles the original's RAG cell at on the row of figure was
// where the app gives the figure no rating of its own (no target or
// floor for its year, a figure excluding a cohort that cannot be worked
// out, a figure withheld). The officer's rating, by the council's own
// rule, stays where the cell beside it still shows the figure it rated;
// beside any other it would rate a figure it never saw, and is cleared.
// Either way the cell says so.
func (o *originalWriter) unratedRAG(sheet, at string, k app.SeriesKey, was, now app.Observation) error {
	if was.SourceRAG == app.NoRAG {
		// The original gave none: an empty RAG stays empty.
		return o.writeRAG(sheet, at, app.NoRAG)
	}
	if now.Status == app.OK && was.Status == app.OK && now.Restates(was) {
		return o.noteAt(sheet, at, fmt.Sprintf("The workbook's own rating (%s), kept: the app rates against a target and a floor, and gives %s %s no rating of its own.",
			strings.ToLower(was.SourceRAG.String()), k.Ref, was.Period.Label()))
	}
	if err := o.writeRAG(sheet, at, app.NoRAG); err != nil {
		return err
	}
	became := "has been revised since"
	if now.Status != app.OK || now.Value == nil {
		became = fmt.Sprintf("is now %q", now.Status.String())
	}
	why := fmt.Sprintf("the workbook rated %s %s %s, but the figure beside it %s (%s), and the app gives it no rating of its own",
		k.Ref, was.Period.Label(), strings.ToLower(was.SourceRAG.String()), became, o.whose())
	return o.warnAt(sheet, at, "Rating cleared: "+why+".", "RAG cleared: "+why)
}

// headings finds, on the rows above row, the columns headed RAG and DoT.
func (o *originalWriter) headings(sheet string, row int) map[string]int {
	if h, ok := o.heads[sheet]; ok {
		return h
	}
	h := map[string]int{}
	rows, _ := o.f.GetRows(sheet)
	for r := 0; r < min(row, len(rows), 40); r++ {
		for c, text := range rows[r] {
			switch strings.ToLower(strings.TrimSpace(text)) {
			case "rag", "rag rating", "rag status":
				h["rag"] = c + 1
			case "dot", "direction of travel", "d.o.t.", "d.o.t":
				h["dot"] = c + 1
			}
		}
		if len(h) == 2 {
			break
		}
	}
	o.heads[sheet] = h
	if c, ok := h["rag"]; ok {
		o.learnFills(sheet, c, rows)
	}
	return h
}

// learnFills records the fill and font colour the original gives each
// rating in a RAG column, so that a rating that changes takes the
// workbook's own colours.
func (o *originalWriter) learnFills(sheet string, col int, rows [][]string) {
	for r, cells := range rows {
		if col > len(cells) {
			continue
		}
		rag, ok := app.ParseRAG(cells[col-1])
		if !ok {
			continue
		}
		if _, have := o.ragWords[rag]; !have && strings.TrimSpace(cells[col-1]) != "" {
			if o.ragWords == nil {
				o.ragWords = map[app.RAG]string{}
			}
			o.ragWords[rag] = strings.TrimSpace(cells[col-1])
		}
		if _, have := o.ragFills[rag]; have {
			continue
		}
		id, err := o.f.GetCellStyle(sheet, cell(col, r+1))
		if err != nil {
			continue
		}
		st, err := o.f.GetStyle(id)
		if err != nil || len(st.Fill.Color) == 0 {
			continue
		}
		c := restyle{fill: strings.TrimPrefix(st.Fill.Color[0], "FF")}
		if len(st.Fill.Color[0]) == 6 {
			c.fill = st.Fill.Color[0]
		}
		if st.Font != nil {
			c.color = st.Font.Color
		}
		o.ragFills[rag] = c
	}
}

// ragWord is the word the original writes rating r in ("Red", "R",
// "RED"): its own where its RAG column shows r, else r in the case and
// length of the words it does show.
func (o *originalWriter) ragWord(r app.RAG) string {
	if r == app.NoRAG {
		return ""
	}
	if w, ok := o.ragWords[r]; ok {
		return w
	}
	word := r.String() // GREEN, AMBER, RED
	for _, shown := range []app.RAG{app.Red, app.Amber, app.Green} {
		w, ok := o.ragWords[shown]
		if !ok {
			continue
		}
		switch {
		case len([]rune(w)) == 1:
			return word[:1]
		case w == strings.ToUpper(w):
			return word
		default:
			return word[:1] + strings.ToLower(word[1:])
		}
	}
	return word
}

// recolour gives a cell its style with a new font colour and, when
// setFill, a new fill ("" for none), keeping everything else the
// original set.
func (o *originalWriter) recolour(sheet, ref string, setFill bool, fill, color string) error {
	return o.restyle(sheet, ref, restyle{setFill: setFill, fill: fill, color: color})
}

// arrowLike writes movement m in the glyphs the original used: Wingdings
// letters, Unicode arrows or triangles.
func arrowLike(old string, m app.Arrow) string {
	families := [][3]string{{"é", "ê", "è"}, {"↑", "↓", "→"}, {"▲", "▼", "►"}}
	fam := families[1]
	for _, f := range families {
		for _, g := range f {
			if strings.Contains(old, g) {
				fam = f
			}
		}
	}
	switch m {
	case app.Up:
		return fam[0]
	case app.Down:
		return fam[1]
	case app.Across:
		return fam[2]
	}
	return ""
}
