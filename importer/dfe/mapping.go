package dfe

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"scorecard/app"
)

// Rule maps one measure in an explore-education-statistics CSV to an app
// indicator: the rows whose filter columns hold the given values, and the
// indicator column holding the figure. Column names and filter values are
// matched ignoring case, spacing and punctuation, and through the known
// renamings between releases (number became children_count).
type Rule struct {
	// File, when set, limits the rule to CSVs whose name contains it,
	// ignoring case. Default rules leave it empty and match by columns,
	// so a renamed download still maps.
	File string `json:"file,omitempty"`
	// Filters are the filter columns and the value each must hold, e.g.
	// {"population_type": "Children looked after on 31 March each year"}.
	Filters map[string]string `json:"filters,omitempty"`
	// Value is the indicator column holding the figure, e.g.
	// "rate_per_10000".
	Value string `json:"value"`
	// Numerator and Denominator name the columns holding the figure's
	// parts, where the file has them (for a rate, the count and the
	// population). The denominator is read from the row picked by
	// DenominatorFilters, which override Filters, when the file puts the
	// total on a row of its own ("Total children").
	Numerator          string            `json:"numerator,omitempty"`
	Denominator        string            `json:"denominator,omitempty"`
	DenominatorFilters map[string]string `json:"denominator_filters,omitempty"`
	// ReportingYear is the year a row whose time_identifier is "Reporting
	// year" covers, which explore-education-statistics leaves to each
	// publication: FinancialYear where the collection runs to 31 March
	// (children looked after "at 31 March 2025" are reporting year 2025,
	// filed as 2024/25), AcademicYear where it runs to 31 August,
	// CalendarYear where it is the calendar year. Zero, not known, files
	// the year as a calendar year with a warning saying so.
	ReportingYear app.PeriodKind `json:"reporting_year,omitempty"`
	// YearNote says, for that warning, what a reporting year of the
	// publication is where it is none of the app's kinds of year (the
	// social work workforce census, at 30 September).
	YearNote string `json:"year_note,omitempty"`
	// Indicator is the app indicator the measure feeds. Ref is required;
	// Polarity decides the ranking (none: no rank); the rest describes the
	// indicator to an app that does not know it yet.
	Indicator app.Indicator `json:"indicator"`
}

// Mapping is the set of rules an import applies: the defaults, or a
// user's own saved as JSON in the store's settings.
type Mapping struct {
	Rules []Rule `json:"rules"`
}

// Validate reports the first rule that cannot work.
func (m Mapping) Validate() error {
	if len(m.Rules) == 0 {
		return errors.New("mapping has no rules")
	}
	for i, r := range m.Rules {
		switch {
		case r.Indicator.Ref == "":
			return fmt.Errorf("mapping rule %d: no indicator ref", i+1)
		case r.Value == "":
			return fmt.Errorf("mapping rule %d (%s): no value column", i+1, r.Indicator.Ref)
		case len(r.DenominatorFilters) > 0 && r.Denominator == "":
			return fmt.Errorf("mapping rule %d (%s): denominator filters without a denominator column", i+1, r.Indicator.Ref)
		case r.ReportingYear != 0 && !(app.Period{Kind: r.ReportingYear}).IsYear():
			return fmt.Errorf("mapping rule %d (%s): reporting_year %q is not a kind of year (financial, academic or calendar)", i+1, r.Indicator.Ref, r.ReportingYear)
		}
	}
	return nil
}

// Refs returns the indicator refs the mapping feeds, in rule order and
// without repeats.
func (m Mapping) Refs() []string {
	seen := map[string]bool{}
	var refs []string
	for _, r := range m.Rules {
		if !seen[r.Indicator.Ref] {
			seen[r.Indicator.Ref] = true
			refs = append(refs, r.Indicator.Ref)
		}
	}
	return refs
}

// applies reports whether the rule fits a file of this name and header:
// its File (if any) is in the name and every column it reads is present.
func (r Rule) applies(name string, cols columns) bool {
	if r.File != "" && !strings.Contains(strings.ToLower(filepath.Base(name)), strings.ToLower(r.File)) {
		return false
	}
	for _, c := range r.columnsRead() {
		if _, ok := cols.find(c); !ok {
			return false
		}
	}
	return true
}

// FigureColumns returns the indexes in header of the columns the rules
// fitting a file of this name read figures from (values, numerators and
// denominators), in header order: a CSV Excel saved in a European locale
// writes them its own way ("1.896" for 1896 children), for the importer
// to read as such before Read.
func (m Mapping) FigureColumns(name string, header []string) []int {
	cols := newColumns(header)
	var out []int
	for _, r := range m.Rules {
		if !r.applies(name, cols) {
			continue
		}
		for _, c := range []string{r.Value, r.Numerator, r.Denominator} {
			if i, ok := cols.find(c); c != "" && ok && !slices.Contains(out, i) {
				out = append(out, i)
			}
		}
	}
	slices.Sort(out)
	return out
}

func (r Rule) columnsRead() []string {
	cs := []string{r.Value}
	for _, c := range []string{r.Numerator, r.Denominator} {
		if c != "" {
			cs = append(cs, c)
		}
	}
	for c := range r.Filters {
		cs = append(cs, c)
	}
	for c := range r.DenominatorFilters {
		cs = append(cs, c)
	}
	return cs
}

// Renamings between releases of the same statistics. Each group is one
// column or one filter value under its successive names.
var (
	columnRenames = [][]string{
		{"number", "children_count"},
	}
	valueRenames = [][]string{
		{"Non-unaccompanied asylum-seeking children", "Children excluding unaccompanied asylum-seeking children"},
	}
)

// foldColumn reduces a column name or filter value to lower-case letters
// and digits, dropping a byte-order mark, spaces and punctuation, so that
// "SN_1", "SN1" and " sn 1" meet.
func foldColumn(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// sameValue reports whether a cell holds the filter value wanted, under
// any of its names. fold is foldColumn or a memo of it.
func sameValue(fold func(string) string, cell, want string) bool {
	c, w := fold(cell), fold(want)
	if c == w {
		return true
	}
	for _, g := range valueRenames {
		in := func(s string) bool {
			for _, v := range g {
				if fold(v) == s {
					return true
				}
			}
			return false
		}
		if in(c) && in(w) {
			return true
		}
	}
	return false
}

// memoFold returns foldColumn remembering its answers: a file repeats the
// same few filter values on every row.
func memoFold() func(string) string {
	seen := map[string]string{}
	return func(s string) string {
		f, ok := seen[s]
		if !ok {
			f = foldColumn(s)
			seen[s] = f
		}
		return f
	}
}

// columns indexes a CSV header by folded name.
type columns map[string]int

func newColumns(header []string) columns {
	cols := columns{}
	for i, h := range header {
		f := foldColumn(h)
		if _, dup := cols[f]; !dup {
			cols[f] = i
		}
	}
	return cols
}

// find returns the index of a column by its name or any other name it has
// had between releases.
func (cols columns) find(name string) (int, bool) {
	f := foldColumn(name)
	if i, ok := cols[f]; ok {
		return i, true
	}
	for _, g := range columnRenames {
		for _, n := range g {
			if foldColumn(n) != f {
				continue
			}
			for _, alt := range g {
				if i, ok := cols[foldColumn(alt)]; ok {
					return i, true
				}
			}
		}
	}
	return 0, false
}
