package dfe

import (
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
)

// minRanked is the fewest authorities' rows, for one indicator and
// period, a rank among authorities is given from. England has 153 local
// authorities with children's services; DfE's full files give a row for
// each (a suppressed one too), so a file with fewer than 140 is a
// filtered download, and Kent alone would be "1 of 1 (A)". The margin
// leaves room for years when authorities were merged or split.
const minRanked = 140

// notes are what a file's figures have in common, said once a file.
type notes struct {
	exact exactNote
	rank  rankNote
}

// rankNote gathers, for one file, the figures whose rank was not given
// because too few authorities' rows were in the file, to say so once.
type rankNote struct {
	refs  []string
	n     int    // figures not ranked
	line  int    // the first one's row
	first string // the first one: "CIC05 2024"
	rows  int    // the authorities' rows the first one had
}

func (r *rankNote) add(ref string, p app.Period, line, authorities int) {
	if r.n == 0 {
		r.line, r.first, r.rows = line, ref+" "+p.Label(), authorities
	}
	r.n++
	if !slices.Contains(r.refs, ref) {
		r.refs = append(r.refs, ref)
	}
}

// warn says once which ranks were not given, and why.
func (r *rankNote) warn(home string, warn func(int, string, ...any)) {
	if r.n == 0 {
		return
	}
	rows := fmt.Sprintf("%d authorities' rows", r.rows)
	if r.rows == 1 {
		rows = "1 authority's row"
	}
	what := "for " + r.first
	if r.n > 1 {
		what = fmt.Sprintf("for %d figures of %s, the first %s", r.n, strings.Join(slices.Sorted(slices.Values(r.refs)), ", "), r.first)
	}
	warn(r.line, "%s's rank among authorities not given %s: the file has %s for it, and a rank and quartile need every authority's (DfE's whole file, not a filtered download)",
		home, what, rows)
}
