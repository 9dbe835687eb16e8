package importer

import (
	"strconv"
	"strings"

	"scorecard/app"
)

// Dates shown only as their year. A BI export often heads its year
// columns with dates (1 January 2022, 2023, 2024) formatted "yyyy", so
// that the sheet shows 2022, 2023, 2024 as typed years would. Read as the
// dates they hold they would be Januaries a year apart; the importer reads
// such a cell as the year it shows, and plain years are then read, and
// warned, as typed ones are (yearHeadings).

// yearOnlyFormat reports whether a custom number format code shows a
// date as its year alone: its first section, bracketed colours and
// locales aside, is nothing but y letters ("yyyy", "yy", "[$-809]yyyy").
// A code that also shows a month or day ("mmm-yy") shows a month, and
// one with literal text ("FY"yyyy) is left a date, as it was read before.
func yearOnlyFormat(code string) bool {
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i]
	}
	ys := 0
	for i := 0; i < len(code); i++ {
		switch ch := code[i]; {
		case ch == '[':
			end := strings.IndexByte(code[i:], ']')
			if end < 0 {
				return false
			}
			i += end
		case ch == 'y' || ch == 'Y':
			ys++
		default:
			return false
		}
	}
	return ys > 0
}

// yearsShown rewrites, in a copy of rows, each number in a cell whose
// format shows a date as its year alone (look.yearOnly) as that year in
// four figures: the text the sheet shows, not the serial it stores.
// Rows without such a cell are shared with the given ones, which are
// left as they are (a sheet's grid may be read again).
func yearsShown(rows [][]string, style [][]int32, looks []look) [][]string {
	if !anyYearOnly(looks) {
		return rows
	}
	out := rows
	copied := false
	for r, row := range rows {
		if r >= len(style) {
			break
		}
		var fresh []string
		for c, s := range row {
			if c >= len(style[r]) {
				break
			}
			id := int(style[r][c])
			if id < 0 || id >= len(looks) || !looks[id].yearOnly {
				continue
			}
			y, ok := serialYear(s)
			if !ok {
				continue
			}
			if fresh == nil {
				fresh = append([]string(nil), row...)
			}
			fresh[c] = strconv.Itoa(y)
		}
		if fresh == nil {
			continue
		}
		if !copied {
			out, copied = append([][]string(nil), rows...), true
		}
		out[r] = fresh
	}
	return out
}

// anyYearOnly reports whether any cell format shows a date as its year
// alone, so that most workbooks skip the look at every cell.
func anyYearOnly(looks []look) bool {
	for _, lk := range looks {
		if lk.yearOnly {
			return true
		}
	}
	return false
}

// serialYear is the year of the date serial s (of the 1900 system, as the
// reader gives every date cell), from 1 January 1900 on.
func serialYear(s string) (int, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || f < 1 || f > 2958465 { // 31 December 9999
		return 0, false
	}
	return app.ExcelDate(f).Year(), true
}
