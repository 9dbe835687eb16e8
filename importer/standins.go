package importer

import (
	"strconv"
	"strings"
)

// standInKey finds, in the first rows of every sheet of a workbook, the
// key saying italic figures are the previous reporting year's outturn
// standing in for a period not yet available, and returns its cell
// ("Key!A3"), or "" where no sheet has it. Packs put the key on a cover,
// Key or Notes sheet as often as under the table; it applies to every
// sheet. A key elsewhere must say what italics stand for, not merely
// mention them ("italics are provisional" is no such key).
func (s *Sample) standInKey() string {
	for _, h := range s.Heads {
		for r, row := range h.Rows {
			for c, t := range row {
				if len(t) > 6 && (t[0] < '0' || t[0] > '9') && isKeyForStandIns(t) {
					return h.Sheet + "!" + cellName(r, c)
				}
			}
		}
	}
	return ""
}

// isKeyForStandIns reports whether text, found on any sheet, is the key
// saying italic figures are the previous year's outturn.
func isKeyForStandIns(t string) bool {
	if !isLegendForStandIns(t) {
		return false
	}
	low := strings.ToLower(t)
	if strings.Contains(low, "previous reporting year") {
		return true
	}
	if !strings.Contains(low, "italic") {
		return false
	}
	for _, w := range []string{"previous", "last year", "prior year", "last reporting year", "outturn"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// noteItalic remembers the first italic figure of a sheet read without a
// key for italics (see warnItalics).
func (s *sheetReader) noteItalic(r, c int) {
	if s.italics == 0 {
		s.italicAt = cellName(r, c)
	}
	s.italics++
}

// warnItalics says, once for the sheet at its first italic figure, that
// italic figures were read as their periods' own: with no key on any
// sheet saying what italics mean, they may be last year's outturn
// standing in, which a figure of the period would not be.
func (s *sheetReader) warnItalics() {
	if s.italics == 0 {
		return
	}
	more := ""
	if s.italics > 1 {
		more = " (the first of " + strconv.Itoa(s.italics) + " italic figures on the sheet)"
	}
	s.out.warn(s.l.Sheet, s.italicAt, "figure in italics%s read as its period's own: no sheet of the workbook has a key saying what italics mean; if italic figures are the previous year's outturn standing in, add the key (\"Figures in italics are the previous reporting year's outturn\") and import again", more)
}
