package importer

// A tidy table's Period column written as producers write month headings
// in figures (figuredmonths.go): a warehouse's "202404" (YYYYMM), "04/24"
// (MM/YY), a month's first or last day with its month named ("01-Apr-24"),
// and a period with a footnote's mark ("Oct-24*"). A scorecard so headed
// was read, but a tidy table so written had every row skipped as no period
// (QA27b 8). They are read by the same rules as the headings: "202404" and
// "04/24" are months only where every period so written in the column is a
// month and together they run month by month, none missing (as a row of
// headings must run a month apart), so that a column of years "10/11,
// 11/12" or of codes is never read as months; any other is refused at its
// row. A column's periods run down its rows again for each indicator and
// area, so their run is of the distinct months, in order. A month's
// export has one period and no run: under a Period, Month or Date
// heading, one that can be no other period is read alone
// (loneFiguredMonth), said.

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
)

// tidyFigured is how a tidy table's period column was read in the forms
// of figuredMonths, and its footnoted periods.
type tidyFigured struct {
	rows  map[int]app.Period // by 0-based row
	forms []*tidyFiguredForm
	// footnoted are the rows read past a footnote's mark, said once.
	footnoted tidyFiguredForm
}

// tidyFiguredForm is the rows read in one form, for the note at its
// first.
type tidyFiguredForm struct {
	form   string
	first  int // 0-based row, -1 for none
	text   string
	mark   string // a footnote's mark set aside (footnoted only)
	p      app.Period
	n      int
	lo, hi app.Period
	years  []string // texts that alone read as years, as figuredRead's
	// lone is the column's heading where its one period was read
	// alone (loneFiguredMonth), "" otherwise.
	lone string
}

// readTidyFigured reads the period column c's rows from the first to
// end in figuredMonths' forms: the distinct texts, in the order of their
// months, are read as a row of headings would be.
func (s *sheetReader) readTidyFigured(c Column, end int) tidyFigured {
	tf := tidyFigured{rows: map[int]app.Period{}, footnoted: tidyFiguredForm{first: -1}}
	texts := map[int]string{}
	var heads []string
	order := map[string]int{} // a text's month's index, for the order
	written := map[string]bool{}
	for r := s.l.FirstRow - 1; r >= 0 && r < end; r++ {
		t := strings.TrimSpace(s.at(r, &c))
		if t != "" {
			written[t] = true
		}
		p, ok := yyyymm(t)
		if !ok {
			var shaped bool
			if p, shaped, ok = mmyy(t); !shaped {
				p, shaped, _ = namedMonthDay(t)
			}
			ok = shaped
		}
		if !ok {
			continue
		}
		texts[r] = t
		if _, seen := order[t]; !seen {
			order[t] = p.Index()
			heads = append(heads, t)
		}
	}
	if len(heads) == 0 {
		return tf
	}
	slices.SortStableFunc(heads, func(a, b string) int { return cmp.Compare(order[a], order[b]) })
	out, reads := figuredMonths(heads, 0)
	lone := ""
	if len(out) == 0 && len(written) == 1 {
		if f, ok := loneFiguredMonth(heads[0], c.Header); ok {
			out, reads, lone = map[int]app.Period{0: f.ps[0]}, []figuredRead{f}, strings.TrimSpace(c.Header)
		}
	}
	byText := map[string]app.Period{}
	formOf := map[string]*tidyFiguredForm{}
	for _, f := range reads {
		ff := &tidyFiguredForm{form: f.form, first: -1, years: f.years, lone: lone}
		tf.forms = append(tf.forms, ff)
		for _, i := range f.cols {
			byText[heads[i]], formOf[heads[i]] = out[i], ff
		}
	}
	for r := s.l.FirstRow - 1; r >= 0 && r < end; r++ {
		t, ok := texts[r]
		if !ok {
			continue
		}
		p, ok := byText[t]
		if !ok {
			continue
		}
		tf.rows[r] = p
		f := formOf[t]
		if f.first < 0 {
			f.first, f.text, f.p, f.lo, f.hi = r, t, p, p, p
		}
		f.n++
		if p.Compare(f.lo) < 0 {
			f.lo = p
		}
		if p.Compare(f.hi) > 0 {
			f.hi = p
		}
	}
	return tf
}

// loneFiguredMonth reads text, the one period of a tidy table's period
// column headed heading, as the month it writes in figures: a month's
// export has one month, and no run of months to prove "202406" or
// "06/24" a month, as a row of headings needs. A column headed Period,
// Month or Date holds periods, and such a text can be no other period
// than its month; one that could ("11/12", the year 2011/12) is not read
// alone.
func loneFiguredMonth(text, heading string) (figuredRead, bool) {
	switch normHeader(heading) {
	case "period", "time period", "month", "date":
	default:
		return figuredRead{}, false
	}
	t := strings.TrimSpace(text)
	if p, ok := yyyymm(t); ok {
		return figuredRead{form: formYYYYMM, cols: []int{0}, ps: []app.Period{p}}, true
	}
	if p, _, ok := mmyy(t); ok {
		if _, err := shortYear(t); err != nil {
			return figuredRead{form: formMMYY, cols: []int{0}, ps: []app.Period{p}}, true
		}
	}
	return figuredRead{}, false
}

// footnote reads a period with a footnote's mark after it, "Oct-24*" or
// "Oct-24 (1)", at row r, as the period, counting it for one note.
func (tf *tidyFigured) footnote(text string, r int) (app.Period, bool) {
	p, mark, ok := footnotedPeriod(text)
	if !ok {
		return app.Period{}, false
	}
	if mark == "" {
		return p, true // spaced otherwise, no mark: "Sep\n2024"
	}
	f := &tf.footnoted
	if f.first < 0 {
		f.first, f.text, f.mark, f.p = r, strings.TrimSpace(text), mark, p
	}
	f.n++
	return p, true
}

// refusal says why a period in one of figuredMonths' forms that was read
// no way was not read as a month, and how to write it; "" for one in
// none. As figuredRefusal, in a tidy table's words.
func tidyFiguredRefusal(text string) string {
	t := strings.TrimSpace(text)
	const only = "where every period so written in the column is a month and together they run month by month, none missing"
	if p, ok := yyyymm(t); ok {
		return fmt.Sprintf("it could be %s written year then month (YYYYMM), but is read so only %s: write it %s, or write every month so", p.Label(), only, p.String())
	}
	if p, shaped, ok := mmyy(t); shaped {
		if !ok {
			return ""
		}
		if y, err := shortYear(t); err == nil {
			return fmt.Sprintf("it could be the year %s or %s written month/year (MM/YY), and is read as a month only %s: write a year such as %s, or a month such as %s", y.Label(), p.Label(), only, y.Label(), p.String())
		}
		return fmt.Sprintf("it could be %s written month/year (MM/YY), but is read so only %s: write it %s, or write every month so", p.Label(), only, p.String())
	}
	if p, shaped, ok := namedMonthDay(t); shaped && !ok {
		return fmt.Sprintf("it is a day, not a month's first or last day: write the row's month, such as %s", p.String())
	}
	return ""
}

// warn says once, at the first row of each form, how the column's
// periods so written were read.
func (tf *tidyFigured) warn(s *sheetReader, col int) {
	for _, f := range tf.forms {
		more, months := "", f.lo.Label()
		switch {
		case f.n == 2:
			more = " here and 1 more row"
		case f.n > 2:
			more = fmt.Sprintf(" here and %d more rows", f.n-1)
		}
		if f.hi != f.lo {
			months = f.lo.Label() + " to " + f.hi.Label()
		}
		var how string
		switch {
		case f.lone != "":
			written := "year then month (YYYYMM)"
			if f.form == formMMYY {
				written = "month/year (MM/YY)"
			}
			how = fmt.Sprintf("the column's one period, written %s (%q%s), read as the month %s: its heading %q says it holds periods, and %q can be no other; with no run of months to prove it, write it %s to say so plainly", written, f.text, more, months, f.lone, f.text, f.lo.String())
		case f.form == formYYYYMM:
			how = fmt.Sprintf("periods written year then month (YYYYMM) (%q%s) read as the months %s, as every period so written in the column is a month and together they run month by month", f.text, more, months)
		case f.form == formMMYY:
			how = fmt.Sprintf("periods written month/year (MM/YY) (%q%s) read as the months %s, as every period so written in the column is a month and together they run month by month", f.text, more, months)
			if len(f.years) > 0 {
				how += " (" + strings.Join(f.years, ", ") + ")"
			}
		default:
			how = fmt.Sprintf("periods written as a month's first or last day (%q%s) read as the month each names (%s)", f.text, more, months)
		}
		s.warn(f.first, col, "%s", how)
	}
	if f := tf.footnoted; f.first >= 0 {
		more := ""
		switch {
		case f.n == 2:
			more = "; 1 more row writes a period so, read alike"
		case f.n > 2:
			more = fmt.Sprintf("; %d more rows write periods so, read alike", f.n-1)
		}
		s.warn(f.first, col, "period %q read as %s, its footnote's mark %q set aside: the note it marks is not read; check it does not qualify the row's figures%s", f.text, f.p.Label(), f.mark, more)
	}
}
