package importer

import (
	"fmt"
	"strconv"

	"scorecard/importer/xlsx"
)

// exponentCells indexes a sheet's text cells that hold a number in
// scientific notation (xlsx.Grid.ExponentText); nil when it has none, as
// nearly every sheet has.
func exponentCells(cells []xlsx.Cell) map[xlsx.Cell]bool {
	if len(cells) == 0 {
		return nil
	}
	m := make(map[xlsx.Cell]bool, len(cells))
	for _, c := range cells {
		m[c] = true
	}
	return m
}

// isExponentText reports whether the cell at 0-based row r, column c is
// text in scientific notation.
func (g *grid) isExponentText(r, c int) bool {
	return g.exponentText != nil && g.exponentText[xlsx.Cell{Row: r, Col: c}]
}

// plainLook is the look of a cell read as a plain number whatever its
// format (a target, a count), keeping only whether it is text in
// scientific notation, which is said wherever it is read.
func (g *grid) plainLook(r, c int) look {
	return look{decimals: -1, exponentText: g.isExponentText(r, c)}
}

// exponentNote says how a figure typed as text in scientific notation was
// read, for a warning at its cell. Excel stores "1e3" typed into a cell
// as the number 1000; kept as text it was typed into a cell formatted as
// text, or after an apostrophe, where it is easily a slip. It is read as
// the number it writes, as other figures typed as text ("1,896") are,
// but not without a word: the officer sees the figure it became.
func exponentNote(text string, rd reading) string {
	shown := strconv.FormatFloat(*rd.value, 'f', -1, 64)
	if rd.percent {
		shown += "%"
	}
	return fmt.Sprintf("%q is text in scientific notation, read as %s: a number typed so is stored as a number, so check that the cell means %s (retype it as a number to keep it, or correct it)",
		text, shown, shown)
}

// sayExponent warns at row r, column c when its figure, read as rd from
// text, was typed as text in scientific notation.
func (s *sheetReader) sayExponent(r, c int, ref, text string, rd reading) {
	if rd.exponent {
		s.warn(r, c, "%s: %s", ref, exponentNote(text, rd))
	}
	s.saySection(r, c, ref, text, rd)
	s.sayStoredScale(r, c, ref, text, rd)
	s.sayBlank(r, c, ref, text, rd)
}

// sayBlank says, once a sheet, a figure read from a cell whose format
// shows nothing (";;;"): the officer sees an empty cell, and a producer
// may so hide a figure not meant to be seen, a small number among them
// (QA probe 9).
func (s *sheetReader) sayBlank(r, c int, ref, text string, rd reading) {
	if !rd.blank || s.blankSaid {
		return
	}
	s.blankSaid = true
	s.warn(r, c, "%s: %s read, though its cell's number format (\";;;\") shows it blank in Excel; every figure in a cell so formatted on this sheet is read; if they are hidden so as not to be shown, write c (suppressed) in their cells, or delete them; said at the first", ref, text)
}
