package importer

import (
	"fmt"
	"strings"
)

// formulaText reads a CSV field written as an Excel formula of a text,
// `="1480"`, as the text Excel shows for it, 1480. SQL and report
// exports write fields so to keep Excel from turning a code such as
// "00123" into a number; Excel opens the file showing the text alone.
// A quote inside is written twice, as in any quoted field. ok is false
// for any other field.
func formulaText(field string) (string, bool) {
	if len(field) < 3 || !strings.HasPrefix(field, `="`) || !strings.HasSuffix(field, `"`) {
		return field, false
	}
	inner := field[2 : len(field)-1]
	if strings.Count(inner, `"`) != 2*strings.Count(inner, `""`) {
		// A lone quote inside: not one quoted text ("="a"&"b"").
		return field, false
	}
	return strings.ReplaceAll(inner, `""`, `"`), true
}

// readFormulaTexts rewrites the CSV's fields written `="..."` as the
// texts Excel shows for them (formulaText). What was done is said once,
// for the warning the caller gives at cell: at the first figure so
// written, or failing one the first field; "" where no field is so
// written. A figure written so had refused the whole file, its months
// holding "no figures".
func readFormulaTexts(rows [][]string) (note, cell string) {
	n := 0
	var example, shown string
	figure := false
	for r, row := range rows {
		for c, field := range row {
			text, ok := formulaText(field)
			if !ok {
				continue
			}
			n++
			row[c] = text
			if _, isFigure := plainNumber(strings.TrimSpace(text)); example == "" || isFigure && !figure {
				example, shown, cell, figure = field, text, place("", r, c), isFigure
			}
		}
	}
	if n == 0 {
		return "", ""
	}
	fields := "1 field"
	if n > 1 {
		fields = fmt.Sprintf("%d fields", n)
	}
	return fmt.Sprintf("%s written as an Excel formula giving a text (as SQL and report exports write fields to keep them as text) read as the text Excel shows: %s as %s", fields, example, shown), cell
}
