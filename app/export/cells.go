package export

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// look is the appearance of a cell; each distinct look becomes one
// workbook style.
type look struct {
	numFmt string
	fill   string // RRGGBB, "" for none
	color  string // font colour
	bold   bool
	italic bool
	wrap   bool
	align  string // horizontal alignment
	size   float64
	border bool
	shrink bool // shrink to fit rather than wrap: a status code in a figure's column
}

// style returns the workbook style for l, creating it on first use.
func (b *book) style(l look) (int, error) {
	if l.size == 0 {
		l.size = b.textPoints()
	}
	if id, ok := b.styles[l]; ok {
		return id, nil
	}
	s := &excelize.Style{
		Font:      &excelize.Font{Bold: l.bold, Italic: l.italic, Color: l.color, Size: l.size, Family: "Arial"},
		Alignment: &excelize.Alignment{Horizontal: l.align, Vertical: "top", WrapText: l.wrap, ShrinkToFit: l.shrink},
	}
	if l.numFmt != "" {
		f := l.numFmt
		s.CustomNumFmt = &f
	}
	if l.fill != "" {
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{l.fill}}
	}
	if l.border {
		for _, side := range []string{"left", "right", "top", "bottom"} {
			s.Border = append(s.Border, excelize.Border{Type: side, Color: "BFBFBF", Style: 1})
		}
	}
	id, err := b.f.NewStyle(s)
	if err != nil {
		return 0, fmt.Errorf("style %+v: %w", l, err)
	}
	b.styles[l] = id
	return id, nil
}

// The colours of the house style.
const (
	headerFill  = "1F4E79"
	sectionFill = "D9E1F2"
	white       = "FFFFFF"
	grey        = "7F7F7F"
	favourable  = "00823B"
	unfavoured  = "C00000"
)

// ragLook gives a RAG cell its fill and font: strong enough to read at a
// glance, with the word itself for black-and-white printing.
func ragLook(r app.RAG) (fill, color string) {
	switch r {
	case app.Green:
		return "92D050", "000000"
	case app.Amber:
		return "FFC000", "000000"
	case app.Red:
		return "FF0000", white
	}
	return "", ""
}

// numFmt is the number format showing an indicator's figures at its
// displayed precision; percentages are written as fractions under a %
// format, as Excel users expect.
func numFmt(ind app.Indicator) string {
	f := "#,##0"
	if d := min(max(ind.Decimals, 0), 6); d > 0 {
		f += "." + strings.Repeat("0", d)
	}
	if ind.Unit == app.Percent {
		return strings.TrimPrefix(f, "#,##") + "%"
	}
	return f
}

// cellNumber converts a figure (a percentage held 0-100) to what its cell
// holds under numFmt. A percentage's fraction is the one Excel holds for
// it, to Excel's 15 significant digits: 23.4 / 100 in binary is a hair
// below 0.234, and was written 0.233999999999999, which a reader of the
// cell, or a formula comparing it with 23.4%, sees as another number.
func cellNumber(ind app.Indicator, v float64) float64 {
	if ind.Unit == app.Percent {
		return excelDigits(v / 100)
	}
	return v
}

// excelDigits is x to 15 significant digits, as Excel holds a number:
// the float nearest those digits. (Rounding x scaled by a power of ten
// is not the same: the scaling rounds too, and tips halves.)
func excelDigits(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	var buf [32]byte
	f, err := strconv.ParseFloat(string(strconv.AppendFloat(buf[:0], x, 'g', 15, 64)), 64)
	if err != nil {
		return x
	}
	return f
}

// cell names the cell at column col and row row, both from 1.
func cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// colName names column col (from 1): 1 is "A".
func colName(col int) string {
	c, _ := excelize.ColumnNumberToName(col)
	return c
}

// set writes v into a cell with look l. Strings are written as string
// cells whatever they begin with: the workbook holds no formulas, so text
// from an imported file can never run as one.
func (b *book) set(sheet string, col, row int, v any, l look) error {
	if buf := b.buffers[sheet]; buf != nil {
		id, err := b.style(l)
		if err != nil {
			return err
		}
		c := buf.cell(col, row)
		c.style, c.value = id, v
		if v == "" {
			// Written to give a cell its look: the stream writer would
			// write a cell of empty text (from memory, the library shares
			// one); the cell is left blank, with its style.
			c.value = nil
		}
		return nil
	}
	ref := cell(col, row)
	if s, ok := v.(string); ok {
		if err := b.f.SetCellStr(sheet, ref, s); err != nil {
			return err
		}
	} else if err := b.f.SetCellValue(sheet, ref, v); err != nil {
		return err
	}
	id, err := b.style(l)
	if err != nil {
		return err
	}
	return b.f.SetCellStyle(sheet, ref, ref, id)
}

// note attaches a cell note, e.g. why a figure cannot exclude a cohort.
func (b *book) note(sheet string, col, row int, text string) error {
	return b.noteAt(sheet, cell(col, row), text)
}

// noteAt attaches a note to cell ref. A cell holds one note, and two
// things may want saying of one figure (it stands in for the month and
// is suppressed, say): a cell already noted, by this export or in the
// workbook it writes into, gets one note saying both.
func (b *book) noteAt(sheet, ref, text string) error {
	if b.notes == nil {
		b.notes = map[string]map[string]excelize.Comment{}
	}
	f := b.f
	notes, ok := b.notes[sheet]
	if !ok {
		// Each sheet's notes are read from the workbook once: reading
		// them for every note would take time growing with their square.
		cs, err := f.GetComments(sheet)
		if err != nil {
			return fmt.Errorf("reading the notes of sheet %q: %w", sheet, err)
		}
		notes = make(map[string]excelize.Comment, len(cs))
		for _, c := range cs {
			notes[c.Cell] = c
		}
		b.notes[sheet] = notes
	}
	c, ok := notes[ref]
	if !ok {
		c = excelize.Comment{Author: "Scorecard", Cell: ref, Text: text}
	} else {
		if strings.Contains(noteText(c), text) {
			return nil
		}
		if err := f.DeleteComment(sheet, ref); err != nil {
			return err
		}
		// The note is written again whole, keeping what it said, its
		// author and the look of its runs.
		if len(c.Paragraph) > 0 {
			c.Paragraph = append(c.Paragraph, excelize.RichTextRun{Text: "\n" + text})
		} else {
			c.Text += "\n" + text
		}
	}
	if err := f.AddComment(sheet, c); err != nil {
		return err
	}
	notes[ref] = c
	return nil
}

// noteText is all a note says, its runs' text included.
func noteText(c excelize.Comment) string {
	s := c.Text
	for _, p := range c.Paragraph {
		s += p.Text
	}
	return s
}

// figure writes one figure: the number under the indicator's format, or
// its status code as text. The code's meaning is in the Guidance sheet;
// explain adds it, with any reason, as a note where the reader needs it.
func (b *book) figure(sheet string, col, row int, ind app.Indicator, v *float64, st app.Status, l look) error {
	if v != nil && st == app.OK {
		l.numFmt = numFmt(ind)
		l.align = "right"
		return b.set(sheet, col, row, cellNumber(ind, *v), l)
	}
	if st == app.OK {
		return nil
	}
	l.align = "right"
	l.color = grey
	// A code of words ("cannot exclude") wraps, as shrunk to fit its
	// column it would print too small to read; a letter or two fits.
	l.wrap = strings.Contains(st.String(), " ")
	l.shrink = !l.wrap
	return b.set(sheet, col, row, st.String(), l)
}

// explain notes on a status code's cell what the code means and, for a
// figure that cannot exclude a cohort, why.
func (b *book) explain(sheet string, col, row int, st app.Status, raw string) error {
	why := st.Describe()
	if st == app.CannotExclude && raw != "" {
		why = "Cannot exclude: " + raw
	}
	if why == "" {
		return nil
	}
	return b.note(sheet, col, row, why)
}

// widths sets column widths from column 1 on.
func (b *book) widths(sheet string, ws ...float64) error {
	for i, w := range ws {
		c := colName(i + 1)
		if err := b.f.SetColWidth(sheet, c, c, w); err != nil {
			return err
		}
	}
	return nil
}

// freeze freezes the panes above row and left of col (both from 1).
func (b *book) freeze(sheet string, col, row int) error {
	return b.f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, XSplit: col - 1, YSplit: row - 1,
		TopLeftCell: cell(col, row), ActivePane: "bottomRight",
	})
}

// titleBlock writes a sheet's title lines from row 1 and returns the next
// free row.
func (b *book) titleBlock(sheet string, lines ...string) (int, error) {
	for i, s := range lines {
		l := look{}
		if i == 0 {
			l = look{bold: true, size: 14, color: headerFill}
		}
		if err := b.set(sheet, 1, i+1, s, l); err != nil {
			return 0, err
		}
	}
	return len(lines) + 2, nil
}

// reserveRows has the library make a sheet's rows up to row n, empty,
// before they are written. Each row it makes has room for as many cells
// as the sheet's last row holds: written from the top, a sheet whose rows
// of 28 figures are followed by a chart's 30 empty rows gave each empty
// row room for 28 cells (over 10 MB on the Trend sheet of a large
// export, a third of the export's live memory), where rows made while the
// last row holds a title's one cell have room for one. Rows left empty
// are not saved, so the workbook is the same.
func (b *book) reserveRows(sheet string, n int) error {
	if b.buffers[sheet] != nil {
		return nil
	}
	return b.f.SetCellStyle(sheet, cell(1, n), cell(1, n), 0)
}

// merge merges the cells of sheet from one cell to another.
func (b *book) merge(sheet, from, to string) error {
	if buf := b.buffers[sheet]; buf != nil {
		buf.merges = append(buf.merges, [2]string{from, to})
		return nil
	}
	return b.f.MergeCell(sheet, from, to)
}

// styleRow gives the cells of row r of sheet from column first to last
// the style id.
func (b *book) styleRow(sheet string, r, first, last, id int) error {
	if buf := b.buffers[sheet]; buf != nil {
		for c := first; c <= last; c++ {
			buf.cell(c, r).style = id
		}
		return nil
	}
	return b.f.SetCellStyle(sheet, cell(first, r), cell(last, r), id)
}

// header writes a header row from column 1.
func (b *book) header(sheet string, row int, names ...string) error {
	for i, n := range names {
		if err := b.set(sheet, i+1, row, n, look{bold: true, fill: headerFill, color: white, wrap: true, border: true}); err != nil {
			return err
		}
	}
	return nil
}

// lineHeight is the height in points of one line of 9-point text.
const lineHeight = 12

// textPoints is the size of the text of the sheet being written.
func (b *book) textPoints() float64 {
	if b.points > 0 {
		return b.points
	}
	return 9
}

// lines is lines for the sheet's text size.
func (b *book) lines(text string, width float64) int {
	return lines(text, width*9/b.textPoints())
}

// lines estimates how many lines text takes when wrapped in a column of
// the given width (in Excel's character units). Row heights are set from
// it because neither Excel nor LibreOffice refits a row's height to
// wrapped text when opening a file.
func lines(text string, width float64) int {
	perLine := max(int(width*1.15), 1)
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n += max(1, (utf8.RuneCountInString(para)+perLine-1)/perLine)
	}
	return n
}

// maxRowHeight is the tallest row Excel allows, in points.
const maxRowHeight = 409

// fitRow makes row tall enough for the most lines any of its wrapped
// cells needs, up to the tallest row Excel allows: a cell of more text
// (Excel holds 32,767 characters) is clipped on screen, its text whole.
func (b *book) fitRow(sheet string, row, n int) error {
	if n <= 1 {
		return nil
	}
	h := min(float64(n)*lineHeight*b.textPoints()/9+1, maxRowHeight)
	if buf := b.buffers[sheet]; buf != nil {
		buf.cell(1, row)
		buf.rows[row].height = h
		// The library sizes a note's box from the heights of the rows it
		// spans, as it stands when the note is added: set them there too.
	}
	return b.f.SetRowHeight(sheet, row, h)
}
