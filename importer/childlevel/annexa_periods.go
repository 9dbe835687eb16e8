package childlevel

// A child who left care and came back within the year is on an Annex A
// list once for each period of care: a row that ceased, and a row that
// started again. Each row is read as one period, and the child is
// counted once in each figure, by the rules the 903 reader applies to a
// child's episodes (current, lastCeased, latestStart, reentry): the
// period open on the snapshot date for the snapshot figures (in care,
// 3+ placements, the breakdowns), the last period ending in the 12 months
// for the leavers, and the latest start in them for the starters.

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// sameAs reports whether two rows say the same in every column read: a
// row repeated, which is one period of care, not two.
func (row annexARow) sameAs(o annexARow) bool {
	row.n, o.n = 0, 0
	return row == o
}

// periodsOf groups the rows by child, each child's rows in the order of
// their periods of care, the children in the order of their first rows.
// Rows of one child that cannot all be right are resolved as the 903's
// episodes are, and warned with their rows: of two periods beginning the
// same day the one that continues counts; a period still open, or
// ending after, when the child's next begins overlaps it.
func (r *annexAReader) periodsOf() [][]annexARow {
	// Children are numbered 0, 1, ... by their first rows. Most have one
	// row, which is its own group, not copied: a list of 100,000 children
	// must still import in under 3 s.
	count := make([]int, len(r.rows)) // no more children than rows
	for _, row := range r.rows {
		count[row.child]++
	}
	out := make([][]annexARow, 0, len(r.rows))
	at := map[int]int{} // the number of a child on several rows to its index in out
	var multi []int     // those indices, in order
	for i, row := range r.rows {
		if count[row.child] == 1 {
			out = append(out, r.rows[i:i+1:i+1])
			continue
		}
		k, ok := at[row.child]
		if !ok {
			k = len(out)
			at[row.child] = k
			multi = append(multi, k)
			out = append(out, make([]annexARow, 0, count[row.child]))
		}
		out[k] = append(out[k], row)
	}
	var several int // children on more than one row
	var first []annexARow
	for _, k := range multi {
		rows := out[k]
		if several++; first == nil {
			first = rows
		}
		out[k] = r.checkPeriods(rows)
	}
	if several > 0 {
		ns := make([]int, len(first))
		for i, row := range first {
			ns[i] = row.n
		}
		slices.Sort(ns)
		nums := make([]string, len(ns))
		for i, n := range ns {
			nums[i] = fmt.Sprint(n)
		}
		r.warnings.add(r.cellName(colID, ns[1]), fmt.Sprintf(
			"%d %s on more than one row (the first on rows %s): each row is read as one period of care, "+
				"and the child is counted once in each figure: in care by the period open on the snapshot date, "+
				"as leaving care by the last period ending in the 12 months, as starting by the latest start in them",
			several, map[bool]string{true: "child is", false: "children are"}[several == 1], strings.Join(nums, ", ")))
	}
	return out
}

// checkPeriods sorts one child's rows by start, the one still open last
// of those beginning the same day, and resolves and reports the rows
// that cannot all be right.
func (r *annexAReader) checkPeriods(rows []annexARow) []annexARow {
	slices.SortFunc(rows, func(a, b annexARow) int {
		return cmp.Or(a.started.Compare(b.started), compareEnds(a.ceased, b.ceased), cmp.Compare(a.n, b.n))
	})
	out := rows[:1]
	for _, row := range rows[1:] {
		prev := out[len(out)-1]
		switch {
		case row.started.Equal(prev.started):
			// Two periods of care cannot begin the same day: the one
			// that continues counts, so that a child in care is never
			// lost.
			keep, drop := row, prev
			if compareEnds(row.ceased, prev.ceased) <= 0 {
				keep, drop = prev, row
			}
			out[len(out)-1] = keep
			r.warnings.add(r.cellName(colStarted, drop.n), fmt.Sprintf(
				"the same child's row %d begins the same day (%s) and they differ: row %d (%s) counted, this one (%s) not",
				keep.n, drop.started.Format(dateLabel), keep.n, ceasedLabel(keep), ceasedLabel(drop)))
			continue
		case prev.ceased.IsZero():
			r.warnings.add(r.cellName(colCeased, prev.n), fmt.Sprintf(
				"no date ceased, yet the same child's row %d begins a later period of care: the two overlap; "+
					"this one is read as ending when that one begins, and not as leaving care", row.n))
		case prev.ceased.After(row.started):
			r.warnings.add(r.cellName(colCeased, prev.n), fmt.Sprintf(
				"date ceased is after the same child's row %d begins a later period of care: the two overlap; "+
					"this one is read as ending when that one begins, and not as leaving care", row.n))
		}
		out = append(out, row)
	}
	if flags := slices.IndexFunc(out, func(row annexARow) bool { return row.uasc != out[0].uasc }); flags >= 0 {
		r.warnings.add(r.cellName(colUASC, out[flags].n), fmt.Sprintf(
			"the UASC flag differs from the same child's row %d: the child is counted as UASC in every figure", out[0].n))
	}
	return out
}

// ceasedLabel says how a row's period of care ends, for a warning.
func ceasedLabel(row annexARow) string {
	if row.ceased.IsZero() {
		return "still open"
	}
	return "ceased " + row.ceased.Format(dateLabel)
}

// periodsAsEpisodes gives a child's rows as 903 episodes, each starting a
// period of care (RNE S) and ending one if it has a date ceased, so that
// the 903's rules pick the row each figure counts by; an episode's line
// is its row's index in rows. They are written over eps, to spare an
// allocation for each child.
func periodsAsEpisodes(rows []annexARow, eps []episode) []episode {
	eps = slices.Grow(eps[:0], len(rows))[:len(rows)]
	for i, row := range rows {
		eps[i] = episode{start: row.started, end: row.ceased, rne: "S", need: row.need, line: i}
		if !row.ceased.IsZero() {
			// A leaver whose reason is blank still left care: a reason
			// is what tells the 903 an episode ended a period.
			eps[i].reason = cmp.Or(row.reason, Unknown)
		}
		if i+1 < len(rows) && (row.ceased.IsZero() || row.ceased.After(rows[i+1].started)) {
			// Overlapping the next, as warned: read as ending when it
			// begins, without leaving care.
			eps[i].end, eps[i].reason = rows[i+1].started, "X1"
		}
	}
	return eps
}

// annexAChild works out one child's figures from the child's rows. about
// is the row the snapshot figures and the child's details come from: the
// period open on the snapshot date, or else the latest. A child another
// authority placed (about.ola) is in the OLA figures alone, and c is not
// to be counted. A blank a figure needs is reported at the row the figure
// used.
func (r *annexAReader) annexAChild(rows []annexARow, snapshot time.Time) (c child, about annexARow) {
	eps := periodsAsEpisodes(rows, r.episodes)
	r.episodes = eps
	about = rows[len(rows)-1]
	cur, inCare := current(eps, snapshot)
	if inCare {
		about = rows[cur.line]
	}
	for _, row := range rows {
		c.uascOnSnapshot = c.uascOnSnapshot || row.uasc
	}
	c.uascInPeriod = c.uascOnSnapshot
	c.inCare = inCare
	c.placements = about.placements
	c.gender, c.ethnicity, c.need = about.gender, about.ethnicity, about.need
	c.legal, c.placement, c.district, c.location = about.legal, about.placement, about.district, about.location
	birth := about.birth
	for _, row := range rows {
		if birth.IsZero() {
			birth = row.birth
		}
	}
	c.ageBand = ageBand(birth, snapshot)
	if about.ola {
		return c, about
	}
	if inCare && about.placementsBlank && !r.placementsUnused {
		r.blank(colPlacements, "number of placements", "not known: left out of the 3+ placements figure", about.n)
	}
	if e, ok := lastCeased(eps, snapshot); ok {
		left := rows[e.line]
		c.ceased, c.adopted = true, left.reason == reasonAdopted
		if left.reasonBlank {
			r.blank(colReason, "reason ceased", "not adopted", left.n)
		}
	}
	if e, ok := latestStart(eps, snapshot); ok {
		c.started, c.startNeed = true, rows[e.line].need
		c.reentry, c.reentryNeed = r.reentryOf(rows, eps, snapshot, rows[e.line])
		if c.reentry {
			c.startNeed = c.reentryNeed
		}
	}
	return c, about
}

// reentryOf says whether a child who started a period of care in the 12
// months (latest, the latest start) re-entered care, and the category of
// need of that start: one the list flags, or one the child's own earlier
// row shows began within 12 months of a period ending, which the 903
// reader would count and so is counted whatever the flag says, and said.
func (r *annexAReader) reentryOf(rows []annexARow, eps []episode, snapshot time.Time, latest annexARow) (bool, string) {
	if e, ok := reentry(eps, snapshot); ok {
		start := rows[e.line]
		if !start.reentry && r.idx[colReentry] >= 0 {
			earlier := slices.IndexFunc(eps[:e.line], func(p episode) bool {
				return p.ended() && !p.end.After(e.start) && !p.end.Before(yearBefore(e.start))
			})
			r.warnings.add(r.cellName(colReentry, start.n), fmt.Sprintf(
				"the re-entry flag does not say so, yet this period began within 12 months of the same child's period on row %d ending: counted as a re-entry",
				rows[earlier].n))
		}
		return true, start.need
	}
	for i := len(rows) - 1; i >= 0; i-- {
		if row := rows[i]; row.reentry && inPeriod(row.started, snapshot) {
			return true, row.need
		}
	}
	if latest.reentryBlank {
		r.blank(colReentry, reentryFlag, "N", latest.n)
	}
	return false, ""
}
