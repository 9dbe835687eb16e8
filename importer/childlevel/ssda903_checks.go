package childlevel

// The checks of an SSDA903 return's lines that the DfE's own validation
// makes: each slip is reported by its line and is not counted, or counted
// once, rather than read on a guess.

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"scorecard/app"
)

// unreadDate903 says how a line whose date in a column cannot be read is
// counted.
var unreadDate903 = map[string]string{
	"DOB":   "age band not recorded",
	"DECOM": "episode not counted",
	"DEC":   "episode not counted; unless a later episode of the child's begins after it, the child is in no figure, since whether and when they left care cannot be told",
	"DUC":   "the child is counted as UASC throughout, as if the status had not ceased",
}

// noEpisodes is the error refusing a return whose Episodes table gave no
// episode. Where its lines were skipped, each with a warning (dates in a
// form not read), it names the first and why, as the Annex A reader does
// for a list of no rows read: "the Episodes table has no episodes" alone
// hid the reason of a table of 23 episodes (QA hB F12).
func (r *reader903) noEpisodes(file string) error {
	var first *app.Warning
	n := 0
	for i, w := range r.warnings.list {
		// Line 1's warnings are of the header row's columns.
		if w.File == file && w.Cell != "line 1" {
			if first == nil {
				first = &r.warnings.list[i]
			}
			n++
		}
	}
	if first == nil {
		return &app.SourceError{Location: app.Location{File: file}, Err: errors.New("the Episodes table has no episodes")}
	}
	count := fmt.Sprintf("%d %s", n, plural(n, "warning"))
	if r.warnings.more > 0 {
		count = fmt.Sprintf("%d warnings or more", n)
	}
	return &app.SourceError{Location: first.Location, Err: fmt.Errorf(
		"the Episodes table has lines, but no episode in it could be read (%s, the first here): %s", count, first.Message)}
}

// inFileOrder gives the children of the Episodes table in the order of
// their first lines, so that warnings come in the file's order.
func (r *reader903) inFileOrder() []string {
	type first struct {
		id   string
		line int
	}
	ids := make([]first, 0, len(r.episodes))
	for id, eps := range r.episodes {
		ids = append(ids, first{id, eps[0].line}) // appended in line order
	}
	slices.SortFunc(ids, func(a, b first) int { return cmp.Compare(a.line, b.line) })
	out := make([]string, len(ids))
	for i, f := range ids {
		out[i] = f.id
	}
	return out
}

// checkEpisodes sorts a child's episodes by start and reports what the
// 903's own validation would refuse: episodes beginning the same day are
// resolved by sameDay; an episode still open, or ending after, when the
// next begins is read as ending then. It returns the episodes to count.
func (r *reader903) checkEpisodes(eps []episode) []episode {
	// Of episodes beginning the same day, those ending that day (a
	// change on the day) come first and one still open last: the order
	// the child lived them.
	slices.SortFunc(eps, func(a, b episode) int {
		return cmp.Or(a.start.Compare(b.start), compareEnds(a.end, b.end), cmp.Compare(a.line, b.line))
	})
	eps = r.sameDay(eps)
	for i := 1; i < len(eps); i++ {
		prev, e := eps[i-1], eps[i]
		switch {
		case e.start.Equal(prev.start):
			// A change on the day of the previous one's start, which
			// ended that day: sameDay kept no other pair.
		case prev.end.IsZero():
			r.warnings.add(fmt.Sprintf("line %d", prev.line), fmt.Sprintf(
				"no DEC (date the episode ceased), yet the child's next episode (line %d) begins later: read as ending then", e.line))
		case prev.end.After(e.start):
			r.warnings.add(fmt.Sprintf("line %d", prev.line), fmt.Sprintf(
				"DEC (date the episode ceased) is after the child's next episode (line %d) begins: the two overlap", e.line))
		}
	}
	if last := eps[len(eps)-1]; !last.end.IsZero() && last.reason == "" {
		r.warnings.add(fmt.Sprintf("line %d", last.line),
			"DEC (date the episode ceased) but no REC (reason), and no later episode: the child is counted neither in care after it nor as leaving care")
	}
	return eps
}

// compareEnds orders episode ends, an open episode's (zero) last.
func compareEnds(a, b time.Time) int {
	switch {
	case a.Equal(b):
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

// zeroLength reports whether an episode ends the day it begins: in the
// 903 a change (of placement, or legal status) on the day, as real as
// any other episode.
func (e episode) zeroLength() bool { return !e.end.IsZero() && e.end.Equal(e.start) }

// sameDay resolves a child's episodes that begin the same day, given
// sorted by checkEpisodes. Episodes ending that day are changes on the
// day and all count, as does the one after them. Only an episode saying
// the same as another in every column read is counted once. Two that
// neither end that day nor say the same cannot both be right: the one
// that continues (still open, or ending later) counts, so that a child
// in care is never lost, or the first line of two ending alike, and the
// warning names both lines.
func (r *reader903) sameDay(eps []episode) []episode {
	out := eps[:1]
	day := 0 // the first in out beginning the day its last begins
	for _, e := range eps[1:] {
		prev := out[len(out)-1]
		if !e.start.Equal(prev.start) {
			day = len(out)
			out = append(out, e)
			continue
		}
		if i := slices.IndexFunc(out[day:], e.sameAs); i >= 0 {
			r.warnings.add(fmt.Sprintf("line %d", e.line), fmt.Sprintf(
				"the same episode as line %d: counted once", out[day+i].line))
			continue
		}
		if prev.zeroLength() {
			out = append(out, e)
			continue
		}
		keep, drop := prev, e
		if compareEnds(e.end, prev.end) > 0 {
			keep, drop = e, prev
			out[len(out)-1] = e
		}
		r.warnings.add(fmt.Sprintf("line %d", drop.line), fmt.Sprintf(
			"begins the same day (DECOM %s) as the child's episode on line %d, yet neither ends that day, as a change on the day would, "+
				"and they differ: line %d (%s) counted, this one (%s) not",
			drop.start.Format(dateLabel), keep.line, keep.line, endLabel(keep), endLabel(drop)))
	}
	return out
}

// endLabel says how an episode ends, for a warning.
func endLabel(e episode) string {
	if e.end.IsZero() {
		return "still open"
	}
	return "DEC " + e.end.Format(dateLabel)
}

// sameAs reports whether two episodes say the same in every column read.
func (e episode) sameAs(o episode) bool {
	e.line, o.line = 0, 0
	return e == o
}

// ageBand is the age band of the child of Header line h on the snapshot
// date, unless the date of birth cannot be right: after the child's
// first episode began, or after the snapshot date.
func (r *reader903) ageBand(h header903, first episode, snapshot time.Time) string {
	var why string
	switch {
	case h.birth.IsZero():
	case h.birth.After(first.start):
		why = fmt.Sprintf("DOB is after the child's first DECOM (episodes line %d)", first.line)
	case h.birth.After(snapshot):
		why = fmt.Sprintf("DOB is after the snapshot date (%s)", snapshot.Format(dateLabel))
	}
	if why == "" {
		return ageBand(h.birth, snapshot)
	}
	file := r.warnings.file
	r.warnings.file = r.headerFile
	r.warnings.add(fmt.Sprintf("line %d", h.line), why+": age band not recorded")
	r.warnings.file = file
	return Unknown
}

// maxFewStarts is how few episodes may begin in the year a return is
// dated by before the warning names their lines.
const maxFewStarts = 5

// fewStarts says, when no more than maxFewStarts episodes begin on or
// after from (1 April of the collection year the return is dated by),
// which lines they are: a year inferred from one DECOM mistyped (2026
// for 2025) moves every figure of the return a year on, and the officer
// should see the lines to check. Otherwise it is "".
func (r *reader903) fewStarts(from time.Time) string {
	var lines []int
	for _, eps := range r.episodes {
		for _, e := range eps {
			if !e.start.Before(from) {
				if lines = append(lines, e.line); len(lines) > maxFewStarts {
					return ""
				}
			}
		}
	}
	slices.Sort(lines)
	nums := make([]string, len(lines))
	for i, l := range lines {
		nums[i] = strconv.Itoa(l)
	}
	what := "episodes begin"
	if len(lines) == 1 {
		what = "episode begins"
	}
	return fmt.Sprintf("; only %d %s in that year (%s %s): if a DECOM there is a slip, give the return's own year end as its date (import --as-at %d-03-31)",
		len(lines), what, plural(len(lines), "line"), strings.Join(nums, ", "), from.Year())
}
