package export

// The original's RAG and DoT cells, restated from the app's own analysis
// in the original's own colours and arrows.

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/trend"
)

// rating rewrites the RAG and DoT cells on the row of a series' latest
// figure, found by their column headings, from the app's own analysis.
func (o *originalWriter) rating(sheet, ref string, k app.SeriesKey, src *app.History) error {
	pts := trend.Analyse(src, k, trend.Options{Until: o.period})
	if len(pts) == 0 || pts[len(pts)-1].Period != o.period {
		return nil
	}
	p := pts[len(pts)-1]
	_, row, err := excelize.CellNameToCoordinates(ref)
	if err != nil {
		return err
	}
	heads := o.headings(sheet, row)
	if col, ok := heads["rag"]; ok {
		at := cell(col, row)
		fill, color := ragLook(p.RAG)
		if own, ok := o.ragFills[p.RAG]; ok {
			fill, color = own.fill, own.color
		}
		word := string(p.RAG)
		if old, _ := o.f.GetCellValue(sheet, at); strings.TrimSpace(old) == "" {
			word = "" // the original shows RAG by fill alone
		}
		if err := o.f.SetCellStr(sheet, at, word); err != nil {
			return err
		}
		if err := o.recolour(sheet, at, true, fill, color); err != nil {
			return err
		}
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
		if _, have := o.ragFills[rag]; !ok || have {
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
