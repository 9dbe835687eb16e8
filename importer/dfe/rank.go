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
	exact    exactNote
	rank     rankNote
	unranked unrankedNote
	absent   absentNote
	region   regionNote
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

// unrankedNote gathers, for one file, the figures of measures with no
// polarity, which are not ranked, so that other authorities' rows read
// for them are not left unused in silence: without a rank they serve
// only the statistical neighbours' mean and median, and an authority
// that is neither the store's nor a neighbour serves nothing.
type unrankedNote struct {
	refs       []string
	line       int  // the first such figure's row
	others     int  // the most other authorities' figures beside one of the home's
	neighbours int  // the most of them that were neighbours
	varies     bool // others differs between figures
	model      bool
}

func (u *unrankedNote) add(ref string, line, others, neighbours int, model bool) {
	if others <= neighbours {
		return // every row beside the home's was read
	}
	if len(u.refs) == 0 {
		u.line = line
	} else if others != u.others {
		u.varies = true
	}
	u.others, u.neighbours, u.model = max(u.others, others), max(u.neighbours, neighbours), model
	if !slices.Contains(u.refs, ref) {
		u.refs = append(u.refs, ref)
	}
}

// warn says once which measures were not ranked, and what the other
// authorities' rows were read for.
func (u *unrankedNote) warn(home string, warn func(int, string, ...any)) {
	if len(u.refs) == 0 {
		return
	}
	slices.Sort(u.refs)
	verb := "has"
	if len(u.refs) > 1 {
		verb = "have"
	}
	rows := fmt.Sprintf("the other %d authorities' figures", u.others)
	if u.varies {
		rows = fmt.Sprintf("the other authorities' figures (up to %d a period)", u.others)
	}
	if u.others == 1 {
		rows = "the other authority's figure"
	}
	be := "are"
	if u.others == 1 && !u.varies {
		be = "is"
	}
	used := be + " not used"
	switch {
	case u.model && u.neighbours > 0:
		used = fmt.Sprintf("%s read only for its %d statistical neighbours' mean and median; the rest are not used", be, u.neighbours)
	case u.model:
		used = be + " not used: no other authority in the file is one of its statistical neighbours"
	}
	warn(u.line, "%s is not ranked among authorities on %s, which %s no polarity (neither higher nor lower is better): %s %s",
		home, strings.Join(u.refs, ", "), verb, rows, used)
}
