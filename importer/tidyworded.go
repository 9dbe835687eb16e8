package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// tidyWorded reads a tidy table's periods written as column headings
// are: "Q1 2024/25" (FinancialQuarter), and the forms in words of
// quarterwords.go, counting each form's rows for one note at its first.
type tidyWorded struct {
	forms []string
	first map[string]string // by form: the first row's cell
	note  map[string]string // by form: how the first was read
	rows  map[string]int
}

// read reads text, at cell, as a period in one of those forms; refused
// says why one in such a form cannot be read.
func (w *tidyWorded) read(text, cell string) (p app.Period, refused string, ok bool) {
	text = strings.TrimSpace(text)
	if q, ok := FinancialQuarter(text); ok {
		return q, "", true // as the README writes quarters: said nowhere
	}
	p, note, refused, form, ok := wordedForm(text)
	if !ok {
		return app.Period{}, refused, false
	}
	if w.rows == nil {
		w.first, w.note, w.rows = map[string]string{}, map[string]string{}, map[string]int{}
	}
	if w.rows[form] == 0 {
		w.forms = append(w.forms, form)
		w.first[form], w.note[form] = cell, fmt.Sprintf("period %q %s", text, note)
	}
	w.rows[form]++
	return p, "", true
}

// warn says how each form was read, once at its first row.
func (w *tidyWorded) warn(s *sheetReader) {
	for _, form := range w.forms {
		more := ""
		if n := w.rows[form]; n > 1 {
			more = fmt.Sprintf("; %d more rows write periods so, read alike", n-1)
		}
		s.out.warn(s.l.Sheet, w.first[form], "%s%s", w.note[form], more)
	}
}
