package importer

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// maxCells caps the cells read from one sheet, blanks before the last
// cell of each row included: a scorecard has tens of thousands, and a
// sheet claiming a cell at XFD1048576 must not fill memory.
var maxCells = 50_000_000

// errGiantSheet refuses a sheet beyond maxCells.
var errGiantSheet = fmt.Errorf("refused: the sheet has more than %d million cells, far more than a scorecard (a giant or damaged sheet)", maxCells/1_000_000)

// readRows reads a sheet's cell text raw (numbers unformatted, dates as
// serials, formulas as their cached values) with excelize's streaming
// iterator, stopping after max rows when max > 0. Raw text keeps full
// precision; the few cells whose format matters are looked up by
// cellStyle.
func readRows(ctx context.Context, book *excelize.File, sheet string, max int) ([][]string, error) {
	rows, err := book.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]string
	cells := 0
	for rows.Next() {
		if max > 0 && len(out) >= max {
			break
		}
		if len(out)%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("row %d: %w", len(out)+1, err)
		}
		if cells += len(cols) + 1; cells > maxCells {
			return nil, errGiantSheet
		}
		out = append(out, cols)
	}
	if err := rows.Error(); err != nil {
		return nil, err
	}
	return out, nil
}

// look is what a cell's format says about its figure.
type look struct {
	italic    bool
	wingdings bool
	percent   bool // a percentage number format: 0.637 shows as 63.7%
	decimals  int  // decimal places the format shows; -1 for General
	fill      string
}

// styles reads cell formats for one sheet, caching by style index so a
// workbook with thousands of cells and a dozen styles decodes each once.
type styles struct {
	book   *excelize.File
	sheet  string
	byID   map[int]look
	failed bool
}

// cellStyle returns the look of the cell at 0-based row r, column c. The
// first call loads the sheet's XML, so it is only made for sheets whose
// formats carry meaning (scorecard layouts, not tidy tables).
func (s *styles) cellStyle(r, c int) look {
	plain := look{decimals: -1}
	if s.failed {
		return plain
	}
	name, err := excelize.CoordinatesToCellName(c+1, r+1)
	if err != nil {
		return plain
	}
	id, err := s.book.GetCellStyle(s.sheet, name)
	if err != nil {
		s.failed = true
		return plain
	}
	if lk, ok := s.byID[id]; ok {
		return lk
	}
	lk := plain
	if st, err := s.book.GetStyle(id); err == nil && st != nil {
		lk = lookOf(st)
	}
	if s.byID == nil {
		s.byID = map[int]look{}
	}
	s.byID[id] = lk
	return lk
}

// lookOf distils an excelize style.
func lookOf(st *excelize.Style) look {
	lk := look{decimals: -1}
	if st.Font != nil {
		lk.italic = st.Font.Italic
		lk.wingdings = strings.HasPrefix(strings.ToLower(st.Font.Family), "wingdings")
	}
	if st.Fill.Type == "pattern" && st.Fill.Pattern > 0 && len(st.Fill.Color) > 0 {
		lk.fill = strings.TrimPrefix(strings.ToUpper(st.Fill.Color[0]), "#")
	}
	switch st.NumFmt {
	case 1, 3, 37, 38:
		lk.decimals = 0
	case 2, 4, 39, 40:
		lk.decimals = 2
	case 9:
		lk.percent, lk.decimals = true, 0
	case 10:
		lk.percent, lk.decimals = true, 2
	}
	if st.CustomNumFmt != nil {
		lk.percent, lk.decimals = formatDecimals(*st.CustomNumFmt)
	}
	return lk
}

// formatDecimals reads a number format code such as "0.0%" or "#,##0.00":
// whether it shows a percentage and how many decimal places. Only the
// first section (positive numbers) counts; quoted text is skipped.
func formatDecimals(code string) (percent bool, decimals int) {
	section, _, _ := strings.Cut(code, ";")
	decimals = -1
	inQuote := false
	for i := 0; i < len(section); i++ {
		ch := section[i]
		switch {
		case ch == '"':
			inQuote = !inQuote
		case inQuote:
		case ch == '\\':
			i++
		case ch == '%':
			percent = true
		case ch == '0' || ch == '#':
			if decimals < 0 {
				decimals = 0
			}
		case ch == '.':
			n := 0
			for j := i + 1; j < len(section) && (section[j] == '0' || section[j] == '#'); j++ {
				n++
			}
			decimals = n
			i += n
		}
	}
	if strings.EqualFold(strings.TrimSpace(section), "general") {
		decimals = -1
	}
	return percent, decimals
}

// textDecimals counts the decimal places a figure's text shows, as a
// fallback for General-formatted cells: "63.7" shows 1.
func textDecimals(s string) int {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if _, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64); err != nil {
		return -1
	}
	if strings.ContainsAny(s, "eE") {
		return -1
	}
	_, frac, ok := strings.Cut(s, ".")
	if !ok {
		return 0
	}
	return len(frac)
}

// cellName writes 0-based coordinates as "H12".
func cellName(r, c int) string {
	n, err := excelize.CoordinatesToCellName(c+1, r+1)
	if err != nil {
		return "?"
	}
	return n
}
