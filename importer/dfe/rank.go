package dfe

import (
	"slices"
	"strings"
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
	line  int // the first such figure's row
	fewer int // the most authorities' rows any of them had
}

func (r *rankNote) add(ref string, line, authorities int) {
	if len(r.refs) == 0 {
		r.line = line
	}
	if !slices.Contains(r.refs, ref) {
		r.refs = append(r.refs, ref)
	}
	r.fewer = max(r.fewer, authorities)
}

// warn says once which ranks were not given, and why.
func (r *rankNote) warn(home string, warn func(int, string, ...any)) {
	if len(r.refs) == 0 {
		return
	}
	refs := slices.Sorted(slices.Values(r.refs))
	warn(r.line, "%s's rank among authorities not given for %s: the file has rows for at most %d authorities a period, and a rank and quartile need every authority's (DfE's whole file, not a filtered download)",
		home, strings.Join(refs, ", "), r.fewer)
}
