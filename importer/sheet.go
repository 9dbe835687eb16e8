package importer

import (
	"fmt"
	"strconv"
	"strings"

	"scorecard/importer/xlsx"
)

// maxCells caps the cells read from one sheet, blanks before the last
// cell of each row included: the large generated case has 150,000, and a
// small file of rows each claiming a cell at column XFD must not fill
// memory.
var maxCells = 4_000_000

// errGiantSheet refuses a sheet beyond maxCells.
var errGiantSheet = fmt.Errorf("refused: the sheet has more than %d million cells, far more than a scorecard (a giant or damaged sheet)", maxCells/1_000_000)

// look is what a cell's format says about its figure.
type look struct {
	italic    bool
	wingdings bool
	percent   bool // a percentage number format: 0.637 shows as 63.7%
	// percentSign is a format that writes a % sign it does not scale by,
	// 0.0"%" or 0.0\%: 63.7 shows as 63.7%, a percentage as it stands.
	percentSign bool
	decimals    int // decimal places the format shows; -1 for General
	fill        string
	date        bool // a date or time number format
	// thousands is the powers of 1,000 the format divides a figure by
	// as it shows it (formatSection.thousands).
	thousands int
	// time is a date format showing a time of day or a duration alone
	// ("h:mm", "[h]:mm", "mm:ss"): its cells hold fractions of a day.
	time bool
	// yearOnly is a date format showing the year alone ("yyyy"): its
	// cells read as the year shown (yearsShown), not as dates, so date
	// is left unset.
	yearOnly bool
	// blank is a format whose every section is empty (";;;"): Excel
	// shows its cells blank whatever they hold.
	blank bool
	// exponentText is a text cell holding a number in scientific
	// notation, "1e3" (xlsx.Grid.ExponentText): not a format's look but
	// the cell's own, set by grid.look.
	exponentText bool
	// sections are a number format's sections where they disagree on
	// scale, one multiplying by 100 and another not ([=0]0%;0.0\%): the
	// figure is read by the section Excel shows it with (sectionFor).
	// Nil where the sections agree.
	sections []formatSection
	// section is the section a figure was read by, set by sectionLook
	// for the figure's reading alone.
	section string
}

// general reports whether the format is Excel's General, or another that
// fixes no scale or places: it shows a figure as stored, so a fraction
// of 1 written by an export that formats nothing looks no different
// from a percentage below 1.
func (lk look) general() bool {
	return lk.decimals < 0 && !lk.percent && !lk.percentSign && !lk.date && !lk.yearOnly && lk.sections == nil
}

// noteFormat records whether a figure of ref was read from a cell whose
// format says its scale (checkAllFractions).
func (l *sheetLog) noteFormat(ref string, lk look) {
	if lk.general() {
		if !l.general[ref] {
			l.general[ref] = true
		}
		return
	}
	if !l.formatted[ref] {
		l.formatted[ref] = true
	}
}

// formatSection is what one ;-separated section of a number format
// shows. Excel picks a section by the figure's sign or by a condition
// such as [<0.05], so a section may be literal text ("<5%") that shows
// no number at all.
type formatSection struct {
	number   bool // shows the figure: a 0, # or ? placeholder, or General
	percent  bool // a bare %, which multiplies by 100
	sign     bool // a % written as text, quoted or escaped, which does not
	decimals int  // decimal places shown; -1 when none are fixed
	// thousands counts the commas after the figure's last placeholder,
	// each of which shows it divided by 1,000: "#,##0," shows 812000 as
	// 812, "0.0,," 12100000 as 12.1. A comma between placeholders is a
	// thousands separator.
	thousands int
	// cond is the section's condition, [=0] or [<1]; its op is "" for
	// none.
	cond formatCond
	code string // the section as written
}

// formatSections reads a number format code section by section. Quoted
// text, escaped characters, bracketed colours, conditions and locales,
// and the character after _ (a space the width of it) or * (a fill) are
// not placeholders, so "<5%" in quotes or the 0 of [<0.05] is not read as
// part of the number.
func formatSections(code string) []formatSection {
	var secs []formatSection
	cur := formatSection{decimals: -1}
	start := 0
	end := func(i int) {
		if strings.EqualFold(strings.TrimSpace(code[start:i]), "general") {
			cur.number = true
		}
		cur.code = code[start:i]
		secs = append(secs, cur)
		cur = formatSection{decimals: -1}
		start = i + 1
	}
	inQuote := false
	for i := 0; i < len(code); i++ {
		ch := code[i]
		switch {
		case ch == '"':
			inQuote = !inQuote
		case inQuote:
			if ch == '%' {
				cur.sign = true
			}
		case ch == '\\' || ch == '_' || ch == '*':
			if ch == '\\' && i+1 < len(code) && code[i+1] == '%' {
				cur.sign = true
			}
			i++
		case ch == '[':
			if j := strings.IndexByte(code[i:], ']'); j >= 0 {
				if c, ok := parseFormatCond(code[i+1 : i+j]); ok {
					cur.cond = c
				}
				i += j
			}
		case ch == ';':
			end(i)
		case ch == ',':
			n := 1
			for i+n < len(code) && code[i+n] == ',' {
				n++
			}
			if next := i + n; cur.number && (next == len(code) || !strings.ContainsRune("0#?.", rune(code[next]))) {
				cur.thousands += n
			}
			i += n - 1
		case ch == '%':
			cur.percent = true
		case ch == '0' || ch == '#' || ch == '?':
			cur.number = true
			if cur.decimals < 0 {
				cur.decimals = 0
			}
		case ch == '.':
			n := 0
			for j := i + 1; j < len(code) && (code[j] == '0' || code[j] == '#' || code[j] == '?'); j++ {
				n++
			}
			if n > 0 {
				cur.number = true
			}
			cur.decimals = n
			i += n
		}
	}
	end(len(code))
	return secs
}

// formatScale reads a number format code such as "0.0%" or "#,##0.00":
// whether it shows a percentage and how many decimal places. Only the
// sections that show a number count: in [<0.05]"<5%";0% the first section
// is the text "<5%" and the second, 0%, makes the format a percentage.
// The decimals are those of the first such section that shows a
// percentage, or else of the first that shows a number.
// It also gives the powers of 1,000 that section divides a figure by
// as it shows it (formatSection.thousands).
func formatScale(code string) (percent bool, decimals, thousands int) {
	secs := formatSections(code)
	pick := -1
	for i, s := range secs {
		if !s.number {
			continue
		}
		if pick < 0 || (s.percent && !percent) {
			pick = i
		}
		percent = percent || s.percent
	}
	if pick < 0 {
		return false, -1, 0
	}
	return percent, secs[pick].decimals, secs[pick].thousands
}

// formatPercentSign reports whether a section of a number format that
// shows a number writes a % sign as text, quoted ("%") or escaped (\%):
// Excel multiplies by 100 only for a bare %. A section of text alone,
// such as "<5%", shows no figure and so says nothing of its scale.
func formatPercentSign(code string) bool {
	for _, s := range formatSections(code) {
		if s.number && s.sign {
			return true
		}
	}
	return false
}

// cellName writes 0-based coordinates as "H12".
func cellName(r, c int) string {
	var buf [24]byte // in one allocation: many cells are named
	return string(strconv.AppendInt(xlsx.AppendColumn(buf[:0], c), int64(r+1), 10))
}

// place names a cell for a warning: "H12" in a workbook, "line 12" in a
// CSV, which has no sheet and whose users count lines, not columns.
func place(sheet string, r, c int) string {
	if sheet == "" {
		return "line " + strconv.Itoa(r+1)
	}
	return cellName(r, c)
}

// sheetCell writes where a figure was read, "CYPE Scorecard!H12" or, in a
// CSV, "line 12", in one allocation: it is made for every cell of a
// workbook.
func sheetCell(sheet, col string, r int) string {
	var buf [96]byte
	if sheet == "" {
		return string(strconv.AppendInt(append(buf[:0], "line "...), int64(r+1), 10))
	}
	b := append(buf[:0], sheet...)
	b = append(b, '!')
	b = append(b, col...)
	b = strconv.AppendInt(b, int64(r+1), 10)
	return string(b)
}

// appendCell appends to b where a figure was read, as sheetCell writes it.
func appendCell(b []byte, sheet string, c, r int) []byte {
	if sheet == "" {
		return strconv.AppendInt(append(b, "line "...), int64(r+1), 10)
	}
	b = append(append(b, sheet...), '!')
	b = xlsx.AppendColumn(b, c)
	return strconv.AppendInt(b, int64(r+1), 10)
}

// splitCell splits "Sheet!H12" into the sheet and the cell. A sheet name
// may itself hold a "!", so the last one divides them.
func splitCell(ref string) (sheet, cell string) {
	i := strings.LastIndexByte(ref, '!')
	if i < 0 {
		return "", ref
	}
	return ref[:i], ref[i+1:]
}

// grid is a sheet's cell text, read raw (numbers unformatted, dates as
// serials, formulas as their cached values), with each cell's style
// index and the sheet's merged ranges where the source has them.
type grid struct {
	rows   [][]string
	style  [][]int32 // parallel to rows; nil for a CSV
	looks  []look    // by style index
	merged []xlsx.Range
	hidden []bool // columns hidden from view, by 0-based column
	// hiddenRows are the rows hidden from view, 0-based, in order.
	hiddenRows []int
	// uncalculated are formula cells saved with no result; they read as
	// blanks.
	uncalculated []xlsx.Cell
	// unverified are formula cells read by their saved result though the
	// workbook asks to be recalculated on opening (see
	// xlsx.ScanOptions.RecalcOnLoad).
	unverified []xlsx.Cell
	// exponentText are the text cells holding a number in scientific
	// notation; nil when there are none.
	exponentText map[xlsx.Cell]bool
	// date1904 is a workbook that counts dates from 1904. The reader
	// moves the serials of cells formatted as dates to the 1900 system;
	// a plain number read as a date is moved by serialShift.
	date1904 bool
}

// isHidden reports whether 0-based column c is hidden from view.
func (g *grid) isHidden(c int) bool { return c < len(g.hidden) && g.hidden[c] }

// at returns the text at 0-based row r, column c; a cell inside a merged
// range reads as the range's top-left cell, as a merged caption spans
// the columns beneath it.
func (g *grid) at(r, c int) string {
	if r < 0 || r >= len(g.rows) || c < 0 {
		return ""
	}
	if c < len(g.rows[r]) && g.rows[r][c] != "" {
		return g.rows[r][c]
	}
	for _, m := range g.merged {
		if r >= m.Row0 && r <= m.Row1 && c >= m.Col0 && c <= m.Col1 && (r != m.Row0 || c != m.Col0) {
			if m.Row0 < len(g.rows) && m.Col0 < len(g.rows[m.Row0]) {
				return g.rows[m.Row0][m.Col0]
			}
		}
	}
	return ""
}

// look returns what the format of the cell at 0-based row r, column c
// says about its figure.
func (g *grid) look(r, c int) look {
	if r < 0 || r >= len(g.style) || c < 0 || c >= len(g.style[r]) {
		return look{decimals: -1}
	}
	lk := look{decimals: -1}
	if id := int(g.style[r][c]); id >= 0 && id < len(g.looks) {
		lk = g.looks[id]
	}
	if g.exponentText != nil {
		lk.exponentText = g.isExponentText(r, c)
	}
	return lk
}
