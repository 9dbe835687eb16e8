package dfe

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"scorecard/importer/breakdown"
)

// A DfE file may break its figures down by a filter column no mapping
// rule names: a download with sex, age or ethnicity beside
// population_type gives each authority's count on a row per sex and one
// for "Total". Read as one figure, the first of those rows (the Male
// count) would pass for all children, and the rest be warned of as
// repeats, which they are not. Such a column is found before the rows
// are read. Where it has a row for all ("Total", as the DfE writes it),
// that row is read and the others left, said once; where it has none,
// the rows it tells apart are refused with one warning naming it.
//
// A download filtered to one of a breakdown's values, as the explore-
// education-statistics table tool gives one with a single box ticked,
// has the column with that value on every row and no Total row: its
// figures are that group's ("Unaccompanied asylum-seeking children"),
// and were stored as all children's. Such a column is refused as one
// without a Total row is (subgroup).

// breakdownCol is a filter column no rule chooses by: its values, and
// the rows left as a breakdown of its total row, as breakdown.Column
// counts them by line.
type breakdownCol struct {
	breakdown.Column
	// splits counts, by rule, the areas and years two rows of which it
	// told apart, where it has no total.
	splits map[int]*tallied
	// blank is set where some row leaves it empty.
	blank bool
}

// subgroupColumns are the filter columns explore-education-statistics
// breaks children down by, folded (foldColumn): one value of them on
// every row picks out some children.
var subgroupColumns = map[string]bool{
	"characteristic": true, "characteristics": true, "breakdown": true, "sex": true, "gender": true,
	"age": true, "agegroup": true, "ageband": true, "ethnicity": true, "ethnicitymajor": true,
	"ethnicityminor": true, "ethnicgroup": true, "uasc": true, "uascstatus": true,
	"disability": true, "cohort": true, "subgroup": true,
}

// subgroupWords are words of a value that name some children, in
// whatever column: "Unaccompanied asylum-seeking children", "Male".
var subgroupWords = map[string]bool{
	"unaccompanied": true, "asylum": true, "uasc": true, "male": true, "males": true,
	"female": true, "females": true, "boys": true, "girls": true, "disabled": true,
	"disability": true, "disabilities": true,
}

// subgroup reports whether the column holds one value on every row, a
// value that picks out some children rather than all: the file is a
// download filtered to it. A column of one value otherwise says what
// the whole file is, a note ("provisional") or the category a
// publication files its figures under ("Referrals and Re-referrals"),
// and is said among the columns not read, its value with it.
func (c *breakdownCol) subgroup() bool {
	if !c.Text || c.N != 1 || c.Total != "" || c.blank {
		return false
	}
	if subgroupColumns[foldColumn(c.Name)] {
		return true
	}
	return slices.ContainsFunc(strings.FieldsFunc(strings.ToLower(c.Values[0]), func(r rune) bool {
		return !unicode.IsLetter(r)
	}), func(w string) bool { return subgroupWords[w] })
}

// subgroups returns the columns that pick out some children on every
// row (subgroup) and so left every row unread.
func (bd *breakdowns) subgroups() []*breakdownCol {
	var out []*breakdownCol
	for _, c := range bd.cols {
		if c.Skipped.N > 0 && c.Total == "" {
			out = append(out, c)
		}
	}
	return out
}

// oneValue writes a column's name for the warning of columns not read,
// with its value where it has one on every row and that value is not a
// total: "notes (\"provisional\" on every row)", so that a group of
// children it names is seen.
func (bd *breakdowns) oneValue(name string) string {
	for _, c := range bd.cols {
		if c.Name == name && c.Text && c.N == 1 && c.Total == "" && !c.blank {
			return fmt.Sprintf("%s (%q on every row)", name, c.Values[0])
		}
	}
	return name
}

// breakdowns are the file's columns no rule reads that may break its
// figures down.
type breakdowns struct {
	cols []*breakdownCol
}

// scanBreakdowns reads the file's rows once for the values of the
// columns named: which have a row for all, and which hold words. Errors
// are left to the reading proper, which reports them by line.
func scanBreakdowns(data []byte, cols columns, names []string) *breakdowns {
	bd := &breakdowns{}
	for _, n := range names {
		if i, ok := cols.find(n); ok {
			bd.cols = append(bd.cols, &breakdownCol{Column: breakdown.Column{Index: i, Name: n}, splits: map[int]*tallied{}})
		}
	}
	if len(bd.cols) == 0 {
		return bd
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	if _, err := cr.Read(); err != nil {
		return bd
	}
	for {
		rec, err := cr.Read()
		if err != nil {
			break
		}
		for _, c := range bd.cols {
			if c.Index < len(rec) {
				c.See(rec[c.Index])
			}
			if c.Index >= len(rec) || strings.TrimSpace(rec[c.Index]) == "" {
				c.blank = true
			}
		}
	}
	return bd
}

// notTotal returns the first column breaking figures down beside a
// total row where rec is not that row, or picking out some children on
// every row (subgroup), or nil.
func (bd *breakdowns) notTotal(rec []string) *breakdownCol {
	for _, c := range bd.cols {
		if !c.Filter() && !c.subgroup() || c.Index >= len(rec) {
			continue
		}
		if v := strings.TrimSpace(rec[c.Index]); v != "" && !breakdown.IsAll(v) {
			return c
		}
	}
	return nil
}

// skip counts a row left as a breakdown of c's total row.
func (c *breakdownCol) skip(rec []string, line int) { c.Skip(rec[c.Index], line) }

// differing returns the columns of words whose values differ between two
// rows a rule reads as one figure: what tells them apart.
func (bd *breakdowns) differing(a, b []string) []*breakdownCol {
	var out []*breakdownCol
	for _, c := range bd.cols {
		if c.Text && c.Index < len(a) && c.Index < len(b) && strings.TrimSpace(a[c.Index]) != strings.TrimSpace(b[c.Index]) {
			out = append(out, c)
		}
	}
	return out
}

// split counts an area and year of rule ri, from line, whose rows c
// told apart.
func (c *breakdownCol) split(ri, line int) {
	t, ok := c.splits[ri]
	if !ok {
		t = &tallied{first: line}
		c.splits[ri] = t
	}
	t.n++
}

// refuses reports whether rule ri's figures are refused: some column
// without a total row told two of its rows apart.
func (bd *breakdowns) refuses(ri int) bool {
	return slices.ContainsFunc(bd.cols, func(c *breakdownCol) bool { return c.splits[ri] != nil })
}

// handled reports whether a column is warned of here, so not among the
// columns merely "not read".
func (bd *breakdowns) handled(name string) bool {
	return slices.ContainsFunc(bd.cols, func(c *breakdownCol) bool {
		return c.Name == name && (c.Skipped.N > 0 || len(c.splits) > 0)
	})
}

// warn says once per column what was read and what was not. refs names
// each rule's indicator.
func (bd *breakdowns) warn(reads string, refOf func(ri int) string, warn func(int, string, ...any)) {
	for _, c := range bd.cols {
		if c.Skipped.N > 0 && c.Total == "" {
			warn(c.Skipped.First, "column %s is %q on every row, with no Total row: the file's figures are of those children alone, not all children, so none is read as %s (%s not read, the first here); to read them, map them to an indicator of their own, with %s in its rule's filters",
				c.Name, c.Values[0], reads, breakdown.Rows(c.Skipped.N), c.Name)
		} else if c.Skipped.N > 0 {
			warn(c.Skipped.First, "column %s breaks the figures down (%s): the rows where it is %q are read as the figures for all; its other %s not read, the first here (the mapping reads %s)",
				c.Name, breakdown.List(c.Skipped.Shown), c.Total, breakdown.Rows(c.Skipped.N), reads)
		}
		if len(c.splits) == 0 {
			continue
		}
		var ris []int
		for ri := range c.splits {
			ris = append(ris, ri)
		}
		slices.Sort(ris)
		var refs []string
		first, n := 0, 0
		for _, ri := range ris {
			t := c.splits[ri]
			if ref := refOf(ri); !slices.Contains(refs, ref) {
				refs = append(refs, ref)
			}
			if first == 0 || t.first < first {
				first = t.first
			}
			n += t.n
		}
		warn(first, "column %s breaks the figures down (%s) and has no Total row, so none of its rows is the figure for all: %s not read (%s told apart by it, the first here); to read one of its rows, add %s to the mapping rule's filters",
			c.Name, breakdown.List(c.Values), strings.Join(refs, ", "), areasAndYears(n), c.Name)
	}
}

// areasAndYears writes "1 area and year" or "152 areas and years".
func areasAndYears(n int) string {
	if n == 1 {
		return "1 area and year's rows"
	}
	return fmt.Sprintf("%d areas and years' rows", n)
}

// conflicts counts, by rule, the areas and years given two rows with
// different figures that no column tells apart.
type conflicts map[int]*conflict

type conflict struct {
	tallied
	other int    // the first such row's partner
	a, b  string // their figures
}

func (cs conflicts) add(ri, line, other int, a, b string) {
	if c, ok := cs[ri]; ok {
		c.n++
		return
	}
	cs[ri] = &conflict{tallied: tallied{first: line, n: 1}, other: other, a: a, b: b}
}

// warn says once per rule that such figures, of the column col names
// (its value's or its denominator's), were not read.
func (cs conflicts) warn(ris []int, rules []Rule, col func(Rule) string, warn func(int, string, ...any)) {
	for _, ri := range ris {
		c, ok := cs[ri]
		if !ok {
			continue
		}
		r := rules[ri]
		warn(c.first, "%s: %s is %q here but %q at line %d, and no column tells the two rows apart; neither read (%s in all, the first here)",
			r.Indicator.Ref, col(r), c.b, c.a, c.other, areasAndYears(c.n))
	}
}

// repeats gathers, by rule and column, the rows that repeat an earlier
// row's figure alike, for one warning each: a file of two releases
// combined repeats a thousand rows, and a warning for each buried the
// few that differ, whose figures were not read (QA probe 10).
type repeats struct {
	order []repeatKey
	by    map[repeatKey]*repeat
}

type repeatKey struct {
	rule int
	col  string
}

type repeat struct {
	tallied
	other int    // the first such row's earlier twin
	what  string // the first such figure: "children_count for Kent 2025"
}

func (rs *repeats) add(ri int, col string, line, other int, what string) {
	k := repeatKey{ri, col}
	if r, ok := rs.by[k]; ok {
		r.n++
		return
	}
	if rs.by == nil {
		rs.by = map[repeatKey]*repeat{}
	}
	rs.by[k] = &repeat{tallied: tallied{first: line, n: 1}, other: other, what: what}
	rs.order = append(rs.order, k)
}

// warn says once for each rule's column that its rows repeated earlier
// rows alike, and that the first of each was kept.
func (rs *repeats) warn(warn func(int, string, ...any)) {
	for _, k := range rs.order {
		r := rs.by[k]
		more := ""
		if r.n > 1 {
			more = fmt.Sprintf(" (%d rows repeat earlier rows alike, each kept at its first; the first here)", r.n)
		}
		warn(r.first, "%s repeats line %d; kept the first%s", r.what, r.other, more)
	}
}
