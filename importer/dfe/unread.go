package dfe

import (
	"fmt"
	"slices"
	"strings"

	"scorecard/importer/breakdown"
)

// maxKindWarnings is how many kinds of unread row a file warns of one by
// one; beyond it, one warning names them all. A file of breakdowns (the
// care leavers' activities, 22 kinds beside the two read) would otherwise
// fill the import summary, which prints 40.
const maxKindWarnings = 3

// unread gathers a file's rows that no mapping rule reads, by kind: the
// values of the filter columns the file's rules look at. Rows at a
// geography the app does not keep are gathered by that level.
type unread struct {
	header []string
	cols   []int // the filter columns, in header order
	kinds  tally
	levels tally
}

// newUnread looks up the filter columns the rules read.
func newUnread(header []string, cols columns, rules []Rule) *unread {
	u := &unread{header: header}
	for _, r := range rules {
		for _, fs := range []map[string]string{r.Filters, r.DenominatorFilters} {
			for c := range fs {
				if i, ok := cols.find(c); ok && !slices.Contains(u.cols, i) {
					u.cols = append(u.cols, i)
				}
			}
		}
	}
	slices.Sort(u.cols)
	return u
}

// row records a row no rule read. A file whose rules read no filter
// column reads every row, so has none.
func (u *unread) row(rec []string, line int) {
	if len(u.cols) == 0 {
		return
	}
	parts := make([]string, len(u.cols))
	for j, i := range u.cols {
		parts[j] = fmt.Sprintf("%s %q", strings.TrimSpace(u.header[i]), strings.TrimSpace(rec[i]))
	}
	u.kinds.add(strings.Join(parts, ", "), line)
}

// level records a row at a geography the app does not keep, described
// by levelSkipped.
func (u *unread) level(what string, line int) { u.levels.add(what, line) }

// levelReasons says the geographies skipped, for a refusal of a file
// with no figure read, where the warnings are not shown: each, with its
// rows and first line. Nil when none was.
func (u *unread) levelReasons() []string {
	if len(u.levels.order) == 0 {
		return nil
	}
	var each []string
	for _, lv := range u.levels.order {
		c := u.levels.counts[lv]
		each = append(each, fmt.Sprintf("%s (%s, the first at line %d)", lv, breakdown.Rows(c.n), c.first))
	}
	return []string{fmt.Sprintf("geographic_level %s: the app reads National, Regional and Local authority rows", strings.Join(each, ", "))}
}

// warn reports the unread rows: a geography once each; a kind once each,
// or, past maxKindWarnings kinds, all in one warning. reads names what
// the rules do read, so the officer can tell a measure left out on
// purpose from one a rule is missing for.
func (u *unread) warn(reads string, warn func(int, string, ...any)) {
	for _, lv := range u.levels.order {
		c := u.levels.counts[lv]
		warn(c.first, "geographic_level %s: the app reads England, regions and local authorities; %s skipped, the first here", lv, breakdown.Rows(c.n))
	}
	kinds := u.kinds.order
	if len(kinds) == 0 {
		return
	}
	if len(kinds) <= maxKindWarnings {
		for _, k := range kinds {
			c := u.kinds.counts[k]
			warn(c.first, "%s: no mapping rule reads these rows (the mapping reads %s); %s skipped, the first here", k, reads, breakdown.Rows(c.n))
		}
		return
	}
	rows, first := 0, 0
	for _, k := range kinds {
		c := u.kinds.counts[k]
		rows += c.n
		if first == 0 || c.first < first {
			first = c.first
		}
	}
	warn(first, "%s of %d breakdowns no mapping rule reads were skipped, the first here: %s; and %d more (the mapping reads %s)",
		breakdown.Rows(rows), len(kinds), strings.Join(kinds[:2], "; "), len(kinds)-2, reads)
}

// tally counts rows skipped for one reason, remembering the first, so
// that a file warns once per reason rather than once per row.
type tally struct {
	order  []string
	counts map[string]*tallied
}

type tallied struct{ first, n int }

func (t *tally) add(key string, line int) {
	if t.counts == nil {
		t.counts = map[string]*tallied{}
	}
	c, ok := t.counts[key]
	if !ok {
		c = &tallied{first: line}
		t.counts[key] = c
		t.order = append(t.order, key)
	}
	c.n++
}

// unreadColumns returns the header's columns that neither the rules
// applied nor the app's reading of time and geography look at: an
// indicator no rule maps (vacancy_rate_fte beside the caseloads read),
// a note, a filter no rule chooses by. Columns naming a geography
// (_code, _name) are read with their level or skipped with it.
func unreadColumns(header []string, cols columns, rules []Rule) []string {
	read := map[int]bool{}
	look := func(name string) {
		if i, ok := cols.find(name); ok {
			read[i] = true
		}
	}
	for _, c := range []string{colTimePeriod, colTimeID, colLevel} {
		look(c)
	}
	for _, r := range rules {
		for _, c := range []string{r.Value, r.Numerator, r.Denominator} {
			if c != "" {
				look(c)
			}
		}
		for _, fs := range []map[string]string{r.Filters, r.DenominatorFilters} {
			for c := range fs {
				look(c)
			}
		}
	}
	var out []string
	for i, h := range header {
		name := strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		// The codes and names say whose a row is, read as the home's
		// or a benchmark's whatever their headings' case ("La_Name").
		low := strings.ToLower(name)
		if read[i] || name == "" || strings.HasSuffix(low, "_code") || strings.HasSuffix(low, "_name") {
			continue
		}
		out = append(out, name)
	}
	return out
}

// warnColumns says once which columns were left unread.
func warnColumns(unread []string, reads string, warn func(int, string, ...any)) {
	if len(unread) == 0 {
		return
	}
	what, them := "column "+unread[0], "it"
	if len(unread) > 1 {
		what, them = fmt.Sprintf("%d columns (%s)", len(unread), strings.Join(unread, ", ")), "them"
	}
	warn(1, "%s not read: no mapping rule reads %s (the mapping reads %s)", what, them, reads)
}
