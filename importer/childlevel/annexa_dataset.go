package childlevel

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"scorecard/app"
)

// dataset turns the rows into aggregates for the snapshot date.
func (r *annexAReader) dataset() (*app.Dataset, []app.Warning, error) {
	if err := r.order.refusal(); err != nil {
		return nil, nil, err
	}
	if len(r.rows) == 0 && len(r.warnings.list) > 0 {
		// Each row skipped ("dd.mm.yyyy" dates): the refusal said only
		// that no child was below the header, its warnings unprinted.
		first := r.warnings.list[0]
		return nil, nil, &app.SourceError{Location: first.Location, Err: fmt.Errorf(
			"the list has a header row, but no child's row below it was read (%d warnings, the first here): %s", len(r.warnings.list)+r.warnings.more, first.Message)}
	}
	if len(r.rows) == 0 {
		return nil, nil, &app.SourceError{Location: app.Location{File: r.file, Sheet: r.sheet, Cell: fmt.Sprintf("row %d", r.headerRow+1)},
			Err: errors.New("the list has a header row but no children below it")}
	}
	if why, ok := r.order.mixed(r.file); ok {
		r.warnings.list = append(r.warnings.list, app.Warning{Location: app.Location{File: r.file, Sheet: r.sheet}, Message: why})
	}
	snapshot := r.snapshot
	if snapshot.IsZero() {
		var why string
		snapshot, why = r.inferSnapshot()
		r.warnings.list = append([]app.Warning{{Location: app.Location{File: r.file, Sheet: r.sheet},
			Message: fmt.Sprintf("no snapshot date given: took %s, %s", snapshot.Format(dateLabel), why)}},
			r.warnings.list...)
	}
	r.checkDates(snapshot)
	// A list's "last 12 months" columns count to its extract date: as at
	// another date they would count the wrong 12 months.
	stale := !r.extract.IsZero() && !r.extract.Equal(snapshot)
	r.placementsUnused = stale
	r.laterDates(snapshot)
	periods := r.periodsOf()
	children := make([]child, 0, len(periods))
	var olaRows []annexARow // one a child another authority placed
	for _, rows := range periods {
		c, about := r.annexAChild(rows, snapshot)
		if about.ola {
			if about.schoolBlank && inCareOn(about, snapshot) {
				r.blank(colSchool, "school place flag (Y or N)", "not known: left out of the without-a-school-place figure", about.n)
			}
			olaRows = append(olaRows, about)
			continue // another authority's child: in the OLA figures alone
		}
		children = append(children, c)
	}
	have := fields{
		placements: r.idx[colPlacements] >= 0, legal: r.idx[colLegal] >= 0,
		placement: r.idx[colPlacementType] >= 0, reentry: r.idx[colReentry] >= 0,
		district: r.idx[colDistrict] >= 0, location: r.idx[colLocation] >= 0,
		reason: r.idx[colReason] >= 0,
	}
	if stale && have.placements {
		have.placements = false
		r.warnings.add(r.cellName(colPlacements, r.headerRow), fmt.Sprintf(
			"the number of placements in the last 12 months counts to the list's extract date (%s, %s), not to the snapshot date asked (%s): "+
				"not used, and no 3+ placements figure (%s) drawn or added, since no dated column gives the placements in the 12 months to %s",
			r.extract.Format(dateLabel), r.extractCell, snapshot.Format(dateLabel), RefThreePlacements, snapshot.Format(dateLabel)))
	}
	if r.idx[colPlacements] < 0 {
		r.warnings.add(fmt.Sprintf("row %d", r.headerRow), fmt.Sprintf(
			"no Number of Placements in the Last 12 months column: no 3+ placements figure (%s) drawn or added", RefThreePlacements))
	}
	if !have.reason {
		r.warnings.add(fmt.Sprintf("row %d", r.headerRow), "no Reason Ceased to be Looked After column: no % adopted (CIC12) drawn or added, since no leaver could be told adopted")
	}
	if !have.reentry {
		// The list's own rows show a re-entry only where the earlier
		// period is in it too: one that ended before the list's 12
		// months is not, and a count of the rest would be too low.
		r.warnings.add(fmt.Sprintf("row %d", r.headerRow), fmt.Sprintf(
			"no subsequent period of care (re-entry) column: no re-entries (%s), re-entry rates (%s, %s to %s) or re-entries breakdown drawn, and those indicators not added, "+
				"since a child whose earlier period of care ended before the list's own rows cannot be told a re-entry",
			RefReentries, RefReentryRate, RefReentryRateFor(needCodes[0]), RefReentryRateFor(needCodes[len(needCodes)-1])))
	}
	rule := fmt.Sprintf("UASC at any point in the 12 months to %s (Annex A's \"UASC within the last 12 months\" flag)",
		snapshot.Format(dateLabel))
	var refused string // why no figure is split by UASC
	if stale {
		refused = fmt.Sprintf("the list's UASC flag says who was UASC in the 12 months to its extract date (%s, %s), not to the snapshot date asked (%s)",
			r.extract.Format(dateLabel), r.extractCell, snapshot.Format(dateLabel))
		rule = "Not split by UASC: " + refused
		r.warnings.add(r.cellName(colUASC, r.headerRow), refused+": not used, and no figure drawn for UASC only or excluding UASC")
		r.unrec.forget(uascFlag)
	}
	warns := append(r.unrec.warnings(), r.warnings.done()...)
	var ds *app.Dataset
	if len(children) > 0 {
		ds = aggregate(r.auth, children, snapshot, have, rules{snapshot: rule, period: rule})
	} else {
		// A list of other authorities' children alone says nothing of
		// the county's own: no figure of them, not even a nought.
		ds = &app.Dataset{}
	}
	if r.idx[colResponsible] >= 0 {
		inds := OLAIndicators(r.auth)
		if r.idx[colSchool] < 0 {
			inds = inds[:1]
		}
		ds.Indicators = append(ds.Indicators, inds...)
		ds.Observations = append(ds.Observations, olaFigures(r.auth, olaRows, snapshot, rule, r.idx[colSchool] >= 0)...)
	}
	if refused != "" {
		refuseSplits(ds, refused)
	}
	ds.AsAt = snapshot
	return ds, warns, nil
}

// refuseSplits turns each of ds's figures for UASC only or excluding UASC
// into a refusal saying why, and drops those splits' breakdowns: counted
// by a flag for other 12 months, they would be wrong with no sign of it.
func refuseSplits(ds *app.Dataset, why string) {
	for i, o := range ds.Observations {
		if o.Split != app.All {
			ds.Observations[i] = app.Observation{Ref: o.Ref, Area: o.Area, Split: o.Split, Period: o.Period, Rule: o.Rule,
				Status: app.CannotExclude, Raw: why}
		}
	}
	ds.Breakdowns = slices.DeleteFunc(ds.Breakdowns, func(b app.Breakdown) bool { return b.Split != app.All })
}

// inferSnapshot dates a list given no date: by its own extract date, if
// a title row above the header gives one, or else by the end of the
// month of the latest date it holds; never after today, since a list
// cannot record what has not happened.
// laterDates says of a list with no extract date, read as at a snapshot
// date given, that holds dates after it, that its "last 12 months"
// columns (the UASC flag, the number of placements) may count to a
// later date than the snapshot's: they are used as they stand. A list of
// dates to December read as at September used them unsaid. (A list
// giving its extract date is not read by them at another date.) A start
// a few days after the snapshot, an extract run just after the month
// ended, is the common case: said once, not refused.
func (r *annexAReader) laterDates(snapshot time.Time) {
	if !r.extract.IsZero() || r.snapshot.IsZero() {
		return
	}
	latest, at := r.latestDate()
	if !latest.After(snapshot) {
		return
	}
	var cols []string
	for _, c := range []struct {
		col  int
		name string
	}{{colUASC, "UASC flag"}, {colPlacements, "number of placements"}} {
		if r.idx[c.col] >= 0 {
			cols = append(cols, c.name)
		}
	}
	if len(cols) == 0 {
		return
	}
	r.warnings.add(at, fmt.Sprintf(
		"the list holds dates up to %s, after the snapshot date asked (%s), and gives no extract date: its %s, of the last 12 months, may count to a later date than %s; used as they stand (a list giving its extract date is not read by them at another date)",
		latest.Format(dateLabel), snapshot.Format(dateLabel), strings.Join(cols, " and "), snapshot.Format(dateLabel)))
}

// latestDate is the latest date started or ceased the list holds, and
// the cell it is in ("" where the list holds none).
func (r *annexAReader) latestDate() (time.Time, string) {
	var latest time.Time
	col, n := -1, 0 // named once found: a list in date order has a new latest each row
	for _, row := range r.rows {
		if row.started.After(latest) {
			latest, col, n = row.started, colStarted, row.n
		}
		if row.ceased.After(latest) {
			latest, col, n = row.ceased, colCeased, row.n
		}
	}
	if col < 0 {
		return latest, ""
	}
	return latest, r.cellName(col, n)
}

func (r *annexAReader) inferSnapshot() (time.Time, string) {
	now := today()
	if !r.extract.IsZero() {
		if r.extract.After(now) {
			return now, fmt.Sprintf("today, since the list's extract date (%s) is in the future", r.extract.Format(dateLabel))
		}
		return r.extract, fmt.Sprintf("the list's extract date (%s)", r.extractCell)
	}
	latest, _ := r.latestDate()
	if snapshot := endOfMonth(latest); !snapshot.After(now) {
		return snapshot, "the end of the month of the latest date in the list"
	}
	return now, "today: the latest date in the list is this month, and the month has not ended"
}
