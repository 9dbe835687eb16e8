// Package breakdown finds what a table's column that no reader rule reads
// says of the rows: a column such as "Gender", "Age group" or the DfE's
// sex beside population_type can give one figure on a row per value and
// one for "Total". Read as one figure, the first of those rows (the Male
// count) would pass for all children. The DfE CSV reader and the tidy
// table reader each find such columns by their own rows; this package
// holds what they share: the values seen, the row for all, and the rows
// left unread because of it.
package breakdown

import (
	"slices"
	"strconv"
	"strings"

	"scorecard/importer/value"
)

// MaxShown is how many of a column's values a warning lists.
const MaxShown = 4

// maxDistinct caps the distinct values a column keeps count of: a column
// of identifiers or free text is not a breakdown, and need not be held.
const maxDistinct = 1000

// Column is what one column's values say, seen row by row.
type Column struct {
	Index int
	Name  string
	// Total is the value naming all rows ("Total", as the DfE writes
	// it), as written; "" where none.
	Total string
	// Values are the distinct values, the first MaxShown+1, in row
	// order.
	Values []string
	// N counts the distinct values, up to a cap.
	N int
	// Text is set when some value is words, not a figure or a status
	// code: a filter rather than an indicator.
	Text bool
	// Skipped counts the rows left as a breakdown of the row for all.
	Skipped Skipped
	seen    map[string]bool
}

// Skipped tallies the rows a breakdown column left unread: how many, the
// first, and the first MaxShown+1 of their values.
type Skipped struct {
	N, First int
	Shown    []string
}

// See takes one row's value of the column.
func (c *Column) See(v string) {
	v = strings.TrimSpace(v)
	if v == "" || c.seen[v] || len(c.seen) > maxDistinct {
		return
	}
	if c.seen == nil {
		c.seen = map[string]bool{}
	}
	c.seen[v] = true
	c.N++
	if len(c.Values) <= MaxShown {
		c.Values = append(c.Values, v)
	}
	if c.Total == "" && IsAll(v) {
		c.Total = v
	}
	if _, err := value.Parse(v); err != nil {
		c.Text = true
	}
}

// Filter reports whether the column breaks figures down beside a row for
// all: words, a row for all and at least one other value.
func (c *Column) Filter() bool { return c.Text && c.Total != "" && c.N > 1 }

// Skip counts a row, at line (or row) where, whose value v left it
// unread as a breakdown.
func (c *Column) Skip(v string, where int) {
	if c.Skipped.N == 0 {
		c.Skipped.First = where
	}
	c.Skipped.N++
	v = strings.TrimSpace(v)
	if len(c.Skipped.Shown) <= MaxShown && !slices.Contains(c.Skipped.Shown, v) {
		c.Skipped.Shown = append(c.Skipped.Shown, v)
	}
}

// IsAll reports whether a breakdown's value names all rows: "Total", as
// the DfE writes it, "All", "All ages", "Total children", "Persons",
// "Both sexes", "Overall", "Grand total".
func IsAll(v string) bool {
	ws := strings.Fields(strings.ToLower(strings.Trim(v, " .*")))
	if len(ws) == 0 {
		return false
	}
	switch ws[0] {
	case "total", "totals", "all", "persons", "everyone", "overall":
		return true
	}
	s := strings.Join(ws, " ")
	return s == "both sexes" || s == "grand total"
}

// List writes values "Male, Female, ..." for a warning: the first
// MaxShown, and "..." where there are more.
func List(vs []string) string {
	s := strings.Join(vs[:min(len(vs), MaxShown)], ", ")
	if len(vs) > MaxShown {
		s += ", ..."
	}
	return s
}

// Rows writes "1 row" or "12 rows".
func Rows(n int) string {
	if n == 1 {
		return "1 row"
	}
	return strconv.Itoa(n) + " rows"
}
