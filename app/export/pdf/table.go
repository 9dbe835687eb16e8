package pdf

import "strings"

// Column is a table's column: its heading, width in millimetres and
// alignment ("L", "C", "R").
type Column struct {
	Head  string
	Width float64
	Align string
}

// Cell is one cell of a table.
type Cell struct {
	Text  string
	Fill  RGB // background, "" for none
	Color RGB // text colour, "" for black (or white on a dark fill)
	Bold  bool
	// Draw, when set, draws in the cell after its text (a sparkline),
	// given the cell's box.
	Draw func(d *Doc, x, y, w, h float64)
}

// Row is a table row; a Section row spans the table as a caption.
type Row struct {
	Cells   []Cell
	Section string
}

// Table is a table set at Size points.
type Table struct {
	Columns []Column
	Rows    []Row
	Size    float64
}

// The house table colours.
const (
	headFill    RGB = "1F4E79"
	sectionFill RGB = "D9E1F2"
	ruleColour  RGB = "BFBFBF"
)

// Table draws t from the current line, starting a new page, headed again,
// where a row does not fit.
func (d *Doc) Table(t Table) {
	f := d.f
	lh := lineHeight(t.Size)
	width := 0.0
	for _, c := range t.Columns {
		width += c.Width
	}
	head := func() {
		// A point smaller than the body, so that a heading's longest
		// word fits its column.
		n := 1
		split := make([][]string, len(t.Columns))
		sizes := make([]float64, len(t.Columns))
		for i, c := range t.Columns {
			// Smaller still where a word of the heading would be broken
			// ("Canterb|ury": QA23c D4), down to a size still legible.
			sizes[i] = t.Size - 1
			for _, w := range strings.Fields(c.Head) {
				f.SetFont(family, "B", sizes[i])
				for f.GetStringWidth(w) > c.Width-1.2-2*f.GetCellMargin() && sizes[i] > 4.5 {
					sizes[i] -= 0.25
					f.SetFont(family, "B", sizes[i])
				}
			}
			f.SetFont(family, "B", sizes[i])
			split[i] = f.SplitText(c.Head, c.Width-1)
			n = max(n, len(split[i]))
		}
		h := float64(n)*lh + 1
		d.room(h + lh + 1)
		y, x := f.GetY(), margin
		d.fill(headFill)
		f.SetTextColor(255, 255, 255)
		for i, c := range t.Columns {
			f.Rect(x, y, c.Width, h, "F")
			f.SetFont(family, "B", sizes[i])
			for j, l := range split[i] {
				f.SetXY(x, y+0.5+float64(j)*lh)
				f.CellFormat(c.Width, lh, l, "", 0, align(c.Align), false, 0, "")
			}
			x += c.Width
		}
		f.SetTextColor(0, 0, 0)
		f.SetY(y + h)
	}
	head()
	for _, row := range t.Rows {
		if row.Section != "" {
			h := lh + 1
			if !d.room(h + lh + 1) {
				head()
			}
			y := f.GetY()
			d.fill(sectionFill)
			f.SetFont(family, "B", t.Size)
			f.SetXY(margin, y)
			f.CellFormat(width, h, row.Section, "", 0, "L", true, 0, "")
			f.SetY(y + h)
			continue
		}
		split := make([][]string, len(t.Columns))
		n := 1
		for i, c := range t.Columns {
			if i >= len(row.Cells) {
				break
			}
			style := ""
			if row.Cells[i].Bold {
				style = "B"
			}
			f.SetFont(family, style, t.Size)
			split[i] = f.SplitText(row.Cells[i].Text, c.Width-1)
			n = max(n, len(split[i]))
		}
		h := float64(n)*lh + 1
		if !d.room(h) {
			head()
		}
		y, x := f.GetY(), margin
		f.SetDrawColor(ruleColour.parts())
		f.SetLineWidth(0.15)
		for i, c := range t.Columns {
			var cell Cell
			if i < len(row.Cells) {
				cell = row.Cells[i]
			}
			style := "D"
			if cell.Fill != "" {
				d.fill(cell.Fill)
				style = "FD"
			}
			f.Rect(x, y, c.Width, h, style)
			fs := ""
			if cell.Bold {
				fs = "B"
			}
			f.SetFont(family, fs, t.Size)
			if cell.Color != "" {
				f.SetTextColor(cell.Color.parts())
			} else {
				f.SetTextColor(textOn(cell.Fill))
			}
			for j, l := range split[i] {
				f.SetXY(x, y+0.5+float64(j)*lh)
				f.CellFormat(c.Width, lh, l, "", 0, align(c.Align), false, 0, "")
			}
			if cell.Draw != nil {
				cell.Draw(d, x, y, c.Width, h)
			}
			x += c.Width
		}
		f.SetTextColor(0, 0, 0)
		f.SetY(y + h)
	}
	d.Gap(2)
}

func align(a string) string {
	switch a {
	case "C", "R":
		return a
	}
	return "L"
}
