package export

import (
	"strings"

	"scorecard/app"
	"scorecard/app/export/pdf"
)

// regionHead is the heading of the scorecard's region column, beside
// England's as the DfE's and LAIT's tables set them: the region's name
// ("South East") where any row shows a region's figure, "" where none
// does, and the column is left out, as a workbook with no region figure
// had no such column. Rows showing different regions' figures (a store
// whose authority was changed) are headed "Region", each cell's note
// naming its region (regionNote).
func (b *book) regionHead() string {
	head := ""
	for _, ro := range b.rows {
		r := ro.shown.Region
		if !ro.hasBM || r == nil {
			continue
		}
		switch head {
		case "":
			head = r.Group
		case r.Group:
		default:
			return "Region"
		}
	}
	return head
}

// regionNote names the region of a figure shown in a column headed
// "Region"; "" where the heading names it.
func regionNote(bm *app.Benchmark, head string) string {
	if bm.Group == head {
		return ""
	}
	return bm.Group + "'s figure"
}

// packRegionWidth is the width of the pack's region column, taken from
// the indicator's name so that the table stays 277 mm across.
const packRegionWidth = 15

// packRegion puts the region's column, whose cell is cell, after
// England's in the pack's scorecard columns cols, headed as the
// workbook's (regionHead); cols as they are where no row shows a
// region's figure.
func (b *book) packRegion(cols []packColumn, cell func(ro *row) pdf.Cell) []packColumn {
	head := b.regionHead()
	if head == "" {
		return cols
	}
	var out []packColumn
	for _, c := range cols {
		switch {
		case c.Head == "Indicator":
			c.Width -= packRegionWidth
		case strings.HasPrefix(c.Head, "England"):
			out = append(out, c)
			c = packColumn{pdf.Column{Head: head + b.allChildren(), Width: packRegionWidth, Align: "R"}, cell}
		}
		out = append(out, c)
	}
	return out
}
