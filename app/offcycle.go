package app

import (
	"fmt"
	"slices"
	"strings"
)

// offCycle is an indicator whose figures come only in some months (a
// quarterly measure in the months its quarters end, an annual one in one
// month a year) at a month it is due none: it is not late, and a note
// that calls it "not yet in" says what is false.
type offCycle struct {
	ref        string
	last, next Period // its latest month before the one asked of, and the month its next figure is due
	every      int    // months between its figures: 3 or 12
}

// cycleAt returns, for indicator ref whose figures are for months (other
// periods ignored), whether month p is one it is due no figure in, and if
// so its latest month before p and the month the next is due. Its figures must
// be at least two, all in months that end quarters (March, June,
// September, December) or all in one month of the year: one figure alone
// sets no cycle.
func cycleAt(ref string, months []Period, p Period) (o offCycle, ok bool) {
	if p.Kind != Month {
		return offCycle{}, false
	}
	var last Period
	n, quarterEnds, oneMonth := 0, true, 0
	for _, m := range months {
		if m.Kind != Month {
			continue
		}
		n++
		quarterEnds = quarterEnds && m.N%3 == 0
		if oneMonth == 0 {
			oneMonth = m.N
		} else if oneMonth != m.N {
			oneMonth = -1
		}
		if m.Compare(p) < 0 && (last.IsZero() || m.Compare(last) > 0) {
			last = m
		}
	}
	if n < 2 || last.IsZero() {
		return offCycle{}, false
	}
	every := 0
	switch {
	case oneMonth > 0:
		every = 12
	case quarterEnds:
		every = 3
	default:
		return offCycle{}, false
	}
	if (p.Index()-last.Index())%every == 0 {
		return offCycle{}, false
	}
	next := last
	for next.Compare(p) < 0 {
		next = next.Add(every)
	}
	return offCycle{ref: ref, last: last, next: next, every: every}, true
}

// shortfallWords is Shortfall's answer for a latest period p that in
// indicators have figures for, and the period before it inBefore, of
// which off are due no figure in p. The rule on the counts is shortfall's,
// on all the indicators, as before; only the words change where some of
// those lacking a figure are not late.
func shortfallWords(p, before Period, in, inBefore int, off []offCycle) (Period, string) {
	b, note := shortfall(p, before, in, inBefore)
	if note == "" || len(off) == 0 {
		return b, note
	}
	slices.SortFunc(off, func(a, b offCycle) int { return strings.Compare(a.ref, b.ref) })
	var parts []string
	kind := map[int]string{3: "quarterly", 12: "annual"}[off[0].every]
	for _, o := range off {
		if o.every != off[0].every {
			kind = "quarterly or annual"
		}
		parts = append(parts, fmt.Sprintf("%s latest %s, next due %s", o.ref, o.last.Label(), o.next.Label()))
	}
	lacking := inBefore - in
	what := "the rest are not yet in"
	switch {
	case len(off) >= lacking:
		what = "none is late"
	case lacking-len(off) == 1:
		what = "the other 1 is not yet in"
	default:
		what = fmt.Sprintf("the other %d are not yet in", lacking-len(off))
	}
	return b, fmt.Sprintf("%s has figures for %d of the %d indicators %s has; %d %s %s, due no figure in %s (%s), so a report of %s gives no rating, direction or SPC reading of %s; %s",
		p.Label(), in, inBefore, before.Label(), len(off), plural(len(off), "is", "are"), kind, p.Label(), strings.Join(parts, "; "),
		p.Label(), plural(len(off), "it", "them"), what)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
