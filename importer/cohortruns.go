package importer

import (
	"scorecard/app"
	"scorecard/importer/xlsx"
)

// A sheet may give its months once for each cohort of children, side by
// side, each run under a heading naming the children it counts: "All
// children" over Oct-25 to Mar-26, then "Excluding UASC" over Oct-25 to
// Mar-26 again, as a scorecard reported with and without UASC is laid
// out. Each column is read as its month's figure for the children its
// run's heading names, as a column headed "Oct-25 Excluding UASC" is
// (monthCohortHeading). The later runs were refused column by column,
// and the figures excluding UASC, the ones an excluding-UASC report
// wants, were not read.

// cohortRun is a run of month columns read under a heading naming the
// children it counts: the heading at row r, column c, its text and split,
// and the run's columns, first to last.
type cohortRun struct {
	r, c        int
	text        string
	split       app.Split
	from, to    int
	first, last app.Period
}

// cohortRunsOf reads the headings over runs of month columns as cohorts,
// each a different one: ok is false where one is not a cohort alone, or
// two name the same, whose figures would be one another's.
func cohortRunsOf(heads []overHeading) (splits []app.Split, ok bool) {
	for _, h := range heads {
		sp, named, doubt := splitOf(h.text)
		if h.kind != cohortHeading || !named || doubt != "" {
			return nil, false
		}
		for _, seen := range splits {
			if seen == sp {
				return nil, false
			}
		}
		splits = append(splits, sp)
	}
	return splits, len(splits) >= 2
}

// cohortRunColumns reads each month column as counting the cohort its
// run's heading (the one at or left of it, in row r) names.
func cohortRunColumns(l *Layout, r int, heads []overHeading, splits []app.Split, isPeriod func(Column) bool) {
	runs := make([]cohortRun, len(heads))
	for i, h := range heads {
		runs[i] = cohortRun{r: r, c: h.c, text: h.text, split: splits[i], from: -1}
	}
	for i := range l.Columns {
		col := &l.Columns[i]
		if !isPeriod(*col) {
			continue
		}
		k := 0
		for j, h := range heads {
			if h.c <= col.index {
				k = j
			}
		}
		col.Split = splits[k]
		col.Header = heads[k].text + " / " + col.Header
		run := &runs[k]
		if run.from < 0 || col.index < run.from {
			run.from, run.first = col.index, col.Period
		}
		if col.index >= run.to {
			run.to, run.last = col.index, col.Period
		}
	}
	l.cohortRuns = runs
}

// warnCohortRuns says, at each cohort's heading after the first, what
// the columns under it were read as (cohortRunColumns).
func (s *sheetReader) warnCohortRuns() {
	runs := s.l.cohortRuns
	for _, run := range runs[min(1, len(runs)):] {
		if run.from < 0 {
			continue
		}
		span := run.first.Label()
		if run.last != run.first {
			span += " to " + run.last.Label()
		}
		s.warn(run.r, run.c, "columns %s to %s under %q: read as each row's figures for %s, counting %s, beside those under %s %q, counting %s",
			xlsx.ColumnName(run.from), xlsx.ColumnName(run.to), run.text, span, splitWords(run.split), cellName(runs[0].r, runs[0].c), runs[0].text, splitWords(runs[0].split))
	}
}
