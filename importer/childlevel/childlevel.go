// Package childlevel reads child-level lists of children in care (an
// Ofsted Annex A "List 8" sheet, or the SSDA903 return's CSV tables) and
// turns them into aggregates split by cohort: all children, UASC only and
// excluding UASC. Child-level data is personal data, so only aggregates
// leave this package: no child's identifier, date of birth or postcode is
// ever put into the Dataset it returns, nor into a warning. This holds by
// construction, whatever a list's cells hold: a cell's text only ever
// selects a category from a closed code list (the 903 codes, the DfE's
// ethnicity, legal status and placement groups, categories of need N1 to
// N9, reasons ceased), and anything else is counted as "Not recognised",
// its rows reported by number. Warnings name a row and column, never a
// cell's content.
//
// The figures, all for the snapshot date's month and the 12 months to it
// (from the day after the same date a year earlier; to a month's last day,
// the twelve whole months ending with its month, as the DfE's year ending
// 31 March runs from 1 April: as at 28 February 2025, from 1 March 2024):
//
//   - children in care on the snapshot date (RefChildrenInCare, CIC01);
//   - of those, the % with 3 or more placements in the 12 months
//     (RefThreePlacements, CIC05); a child whose number of placements is
//     blank or unreadable is left out of the denominator, not counted as
//     having none;
//   - of the children who ceased to be looked after in the 12 months, the %
//     adopted (reason E11 or E12; RefAdopted), from a list that gives
//     reasons; a child who ceased twice is counted once, by the last time;
//   - re-entries: children who started a period of care in the 12 months
//     within 12 months of the end of a previous one (RefReentries), broken
//     down by category of need; from the 903 only where the tables hold
//     the earlier period;
//   - of the children who started to be looked after in the 12 months,
//     the % who re-entered so (RefReentryRate), and the same for each
//     category of need (RefReentryRateFor("N1") and so on), each with its
//     count and the starters it is a share of;
//   - from an Annex A list with a responsible-authority column, the
//     children placed in Kent by other local authorities (RefOLAPlaced)
//     and, with a school place column, the % of them without one
//     (RefOLANoSchool); their rows are in no other figure;
//   - breakdowns of the children in care by gender, age band on the
//     snapshot date, ethnicity group, legal status, placement type and
//     category of need and, from an Annex A list with such columns,
//     district and whether placed in Kent. The 903 gives postcodes, not
//     districts, and postcodes are never read into a figure.
//
// A child on several rows of an Annex A list (one who left care and came
// back) is one child whose rows are periods of care, counted once in
// each figure by the rules the 903 reader applies to a child's episodes
// (annexa_periods.go); a row repeated in every column read is counted
// once, and rows that overlap are reported with both rows.
//
// A slip the 903's own validation would refuse (an episode repeated, or
// ending before it begins, a date after the list's own, a child's second
// Header line) is not counted, or counted once, and a flag or count a
// figure needs left blank is counted as the warning says; each is
// reported by line or row.
//
// Who counts as UASC is recorded on every figure (Observation.Rule,
// Breakdown.Rule). From 903 tables it is exact: a snapshot measure (CIC01
// and the breakdowns) counts children UASC on the snapshot date (in the
// UASC table with no date UASC ceased, or one after it); a 12-month
// measure (CIC05, as the scorecard defines it, adoptions and re-entries)
// counts children UASC at any point in the 12 months. An Annex A list only
// says whether a child was UASC "within the last 12 months", so every
// Annex A figure uses that rule, and says so. Those 12 months, like its
// number of placements, end on the list's extract date: as at another
// date neither is used, so no 3+ placements figure and no UASC split is
// drawn, and the splits' figures are refused with the reason.
package childlevel

import (
	"cmp"
	"fmt"
	"slices"
	"sync"
	"time"

	"scorecard/app"
	"scorecard/app/cohort"
)

// The indicator refs of the figures. Children in care and 3+ placements
// are the demo scorecard's CIC01 and CIC05, defined the same way, so that
// child-level figures line up with scorecard ones; the scorecard has no
// adoption or re-entry row, so those take the next free refs. A store that
// defines one of them as another measure keeps it: the importer leaves
// the list's figures of that ref out, and says so.
const (
	RefChildrenInCare  = "CIC01"
	RefThreePlacements = "CIC05"
	RefAdopted         = "CIC12"
	RefReentries       = "CIC13"
)

// The measures child-level breakdowns are of.
const (
	MeasureInCare    = "Children in care"
	MeasureReentries = "Re-entries to care"
)

// The dimensions of the breakdowns.
const (
	DimGender            = "gender"
	DimAgeBand           = "age band"
	DimEthnicity         = "ethnicity group"
	DimLegalStatus       = "legal status"
	DimPlacementType     = "placement type"
	DimCategoryOfNeed    = "category of need"
	DimDistrict          = "district"
	DimPlacementLocation = "placement location"
)

// Indicators are the definitions of the figures this package produces;
// CIC01 and CIC05 are word for word the demo scorecard's, since a
// Dataset's indicator replaces the one the store holds.
var Indicators = sync.OnceValue(func() []app.Indicator {
	return append([]app.Indicator{
		{Ref: RefChildrenInCare, Name: "Number of children in care", Section: section,
			Unit: app.Number, DataPeriod: app.Snapshot, Measure: app.Count, YearType: app.FinancialYear,
			Guidance: "Children looked after on the last day of the month."},
		{Ref: RefThreePlacements, Name: "Children in care with 3 or more placements in the last 12 months (%)", Section: section,
			Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, DataPeriod: app.Rolling12, Measure: app.Proportion,
			YearType: app.FinancialYear,
			Guidance: "Children in care on the last day of the month who had three or more placements in the previous 12 months, as a percentage of all children in care."},
		{Ref: RefAdopted, Name: "Children leaving care who were adopted (%)", Section: section,
			Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1, DataPeriod: app.Rolling12, Measure: app.Proportion,
			YearType: app.FinancialYear,
			Guidance: "Children who ceased to be looked after in the 12 months to the end of the month because they were adopted (reasons E11, E12), as a percentage of all who ceased; a child who ceased twice counts once, by the last time."},
		{Ref: RefReentries, Name: "Number of children re-entering care within 12 months of leaving", Section: section,
			Unit: app.Number, DataPeriod: app.Rolling12, Measure: app.Count, YearType: app.FinancialYear,
			Guidance: "Children who started to be looked after in the 12 months to the end of the month within 12 months of a previous period of care ending."},
	}, reentryIndicators()...)
})

const section = "Children in Care"

// snapshotMeasure reports whether the indicator ref is a snapshot
// measure, whose UASC split counts children UASC on the snapshot date;
// the others count children UASC at any point in the 12 months.
func snapshotMeasure(ref string) bool {
	for _, ind := range Indicators() {
		if ind.Ref == ref {
			return ind.DataPeriod == app.Snapshot
		}
	}
	return false
}

// uasc returns whether c counts as UASC for the figures of indicator ref.
func (c *child) uasc(ref string) bool {
	if snapshotMeasure(ref) {
		return c.uascOnSnapshot
	}
	return c.uascInPeriod
}

// rule returns who counted as UASC for the figures of indicator ref.
func (r rules) rule(ref string) string {
	if snapshotMeasure(ref) {
		return r.snapshot
	}
	return r.period
}

// child is what aggregation needs to know of one child, already reduced
// to categories: it holds no identifier, date of birth or postcode.
type child struct {
	inCare         bool // looked after on the snapshot date
	uascOnSnapshot bool
	uascInPeriod   bool
	placements     int  // in the 12 months to the snapshot date
	ceased         bool // ceased to be looked after in the 12 months
	adopted        bool
	reentry        bool
	reentryNeed    string
	// started a period of care in the 12 months, with the category of
	// need of that start (of the re-entry, for a child who re-entered).
	started   bool
	startNeed string

	gender, ageBand, ethnicity, legal, placement, need, district, location string
}

// fields says which optional facts a source gave, so that a figure it
// cannot support is left out rather than shown as nought.
type fields struct {
	placements, legal, placement, reentry, district, location bool
	// reason is the reason a child ceased: without it every leaver
	// would count as not adopted.
	reason bool
}

// rules say who counted as UASC for snapshot and for period measures.
type rules struct{ snapshot, period string }

// splits are the three ways every figure is drawn.
var splits = []app.Split{app.All, app.Only(app.UASC), app.Excluding(app.UASC)}

// in reports whether a child flagged (or not) as UASC counts in split i.
func in(i int, uasc bool) bool {
	switch i {
	case 1:
		return uasc
	case 2:
		return !uasc
	}
	return true
}

// tally is one split's counts for one area.
type tally struct {
	inCare, known, three float64
}

// aggregate turns auth's children into the Dataset of figures for the
// month of the snapshot date.
func aggregate(auth *app.Authority, children []child, snapshot time.Time, have fields, r rules) *app.Dataset {
	month := app.MonthOf(snapshot.Year(), snapshot.Month())
	county := auth.Area()
	areas := map[app.Area]*[3]tally{county: {}}
	var ceased, adoptedN, reentries, starters [3]float64
	var startersByNeed, reentriesByNeed [3]map[string]float64
	for i := range splits {
		startersByNeed[i], reentriesByNeed[i] = map[string]float64{}, map[string]float64{}
	}
	// breakdowns[measure][dimension][category][split]
	counts := map[string]map[string]map[string]*[3]float64{MeasureInCare: {}, MeasureReentries: {}}
	add := func(measure, dim, cat string, i int) {
		d := counts[measure][dim]
		if d == nil {
			d = map[string]*[3]float64{}
			counts[measure][dim] = d
		}
		c := d[cat]
		if c == nil {
			c = &[3]float64{}
			d[cat] = c
		}
		c[i]++
	}
	for k := range children {
		c := &children[k]
		for i := range splits {
			if c.ceased && in(i, c.uasc(RefAdopted)) {
				ceased[i]++
				if c.adopted {
					adoptedN[i]++
				}
			}
			if c.reentry && in(i, c.uasc(RefReentries)) {
				reentries[i]++
				add(MeasureReentries, DimCategoryOfNeed, c.reentryNeed, i)
			}
			if c.started && in(i, c.uasc(RefReentryRate)) {
				starters[i]++
				startersByNeed[i][c.startNeed]++
				if c.reentry {
					reentriesByNeed[i][c.startNeed]++
				}
			}
			if !c.inCare {
				continue
			}
			count, three := in(i, c.uasc(RefChildrenInCare)), in(i, c.uasc(RefThreePlacements))
			tallies := []*tally{&areas[county][i]}
			if have.district {
				a := districtArea(auth, c.district)
				if areas[a] == nil {
					areas[a] = &[3]tally{}
				}
				tallies = append(tallies, &areas[a][i])
			}
			for _, t := range tallies {
				if count {
					t.inCare++
				}
				if three && c.placements >= 0 {
					t.known++
					if c.placements >= 3 {
						t.three++
					}
				}
			}
			if !count {
				continue
			}
			add(MeasureInCare, DimGender, c.gender, i)
			add(MeasureInCare, DimAgeBand, c.ageBand, i)
			add(MeasureInCare, DimEthnicity, c.ethnicity, i)
			add(MeasureInCare, DimCategoryOfNeed, c.need, i)
			if have.legal {
				add(MeasureInCare, DimLegalStatus, c.legal, i)
			}
			if have.placement {
				add(MeasureInCare, DimPlacementType, c.placement, i)
			}
			if have.district {
				// As the area figures count them: a blank district had
				// been "Not recorded" here and Out of County / Unknown
				// there, one workbook giving two counts of it.
				add(MeasureInCare, DimDistrict, string(districtArea(auth, c.district)), i)
			}
			if have.location {
				add(MeasureInCare, DimPlacementLocation, c.location, i)
			}
		}
	}

	d := &app.Dataset{Indicators: slices.Clone(Indicators())}
	obs := func(ref string, area app.Area, i int, rule string) app.Observation {
		return app.Observation{Ref: ref, Area: area, Split: splits[i], Period: month, Rule: rule}
	}
	for _, area := range append(auth.Areas(), app.OutOfCounty) {
		ts := areas[area]
		if ts == nil {
			continue
		}
		for i, t := range ts {
			o := obs(RefChildrenInCare, area, i, r.rule(RefChildrenInCare))
			o.Value, o.Numerator = app.Float(t.inCare), app.Float(t.inCare)
			d.Observations = append(d.Observations, o)
			if have.placements {
				d.Observations = append(d.Observations, proportion(obs(RefThreePlacements, area, i, r.rule(RefThreePlacements)), t.three, t.known,
					"no children were in care on the snapshot date"))
			}
		}
	}
	for i := range splits {
		if have.reason {
			d.Observations = append(d.Observations, proportion(obs(RefAdopted, county, i, r.rule(RefAdopted)), adoptedN[i], ceased[i],
				"no children ceased to be looked after in the 12 months"))
		}
		if have.reentry {
			o := obs(RefReentries, county, i, r.rule(RefReentries))
			o.Value, o.Numerator = app.Float(reentries[i]), app.Float(reentries[i])
			d.Observations = append(d.Observations, o)
			d.Observations = append(d.Observations, reentryRates(func(ref string) app.Observation {
				return obs(ref, county, i, r.rule(ref))
			}, starters[i], reentries[i], startersByNeed[i], reentriesByNeed[i])...)
		}
	}
	totals := map[string][3]float64{MeasureReentries: reentries}
	for i := range splits {
		t := totals[MeasureInCare]
		t[i] = areas[county][i].inCare
		totals[MeasureInCare] = t
	}
	for _, measure := range []string{MeasureInCare, MeasureReentries} {
		if measure == MeasureReentries && !have.reentry {
			// No re-entry figure is drawn: a breakdown of re-entries
			// would count what the figure says cannot be worked out.
			continue
		}
		rule := r.snapshot
		if measure == MeasureReentries {
			rule = r.period
		}
		for _, dim := range dimensionOrder {
			cats := counts[measure][dim]
			for _, cat := range sortedCategories(dim, cats) {
				for i, split := range splits {
					d.Breakdowns = append(d.Breakdowns, app.Breakdown{
						Measure: measure, Period: month, Area: county, Split: split,
						Dimension: dim, Category: cat, Count: cats[cat][i], Total: totals[measure][i], Rule: rule,
					})
				}
			}
		}
	}
	d.Indicators = figured(d)
	return d
}

// figured are d's indicators that d gives a figure of: a list without a
// column a figure needs (reasons ceased, the re-entry flag) draws none,
// says so once, and adds no indicator to fill an empty row of every
// scorecard (QA30 finding 10).
func figured(d *app.Dataset) []app.Indicator {
	has := map[string]bool{}
	for _, o := range d.Observations {
		has[o.Ref] = true
	}
	return slices.DeleteFunc(d.Indicators, func(ind app.Indicator) bool { return !has[ind.Ref] })
}

// proportion fills o as num of den per cent, or as not applicable (with
// why) when den is nought.
func proportion(o app.Observation, num, den float64, why string) app.Observation {
	o.Numerator, o.Denominator = app.Float(num), app.Float(den)
	if den == 0 {
		o.Status, o.Raw = app.NotApplicable, why
		return o
	}
	o.Value = app.Float(num / den * 100)
	return o
}

var dimensionOrder = []string{DimGender, DimAgeBand, DimEthnicity, DimLegalStatus, DimPlacementType,
	DimCategoryOfNeed, DimDistrict, DimPlacementLocation}

var ageBands = []string{"Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over", Unknown}

// sortedCategories orders a dimension's categories: age bands youngest
// first, others alphabetically with "Not recorded", then "Not recognised", last.
func sortedCategories(dim string, cats map[string]*[3]float64) []string {
	out := make([]string, 0, len(cats))
	for c := range cats {
		out = append(out, c)
	}
	rank := func(c string) int {
		if dim == DimAgeBand {
			return slices.Index(ageBands, c)
		}
		switch c {
		case Unknown:
			return 1
		case NotRecognised:
			return 2
		}
		return 0
	}
	slices.SortFunc(out, func(a, b string) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a, b))
	})
	return out
}

// uascRules return the rules a source with exact UASC dates draws its
// splits by, for the 12 months to snapshot.
func uascRules(snapshot time.Time) rules {
	start := periodStart(snapshot)
	return rules{
		snapshot: fmt.Sprintf("%s (%s)", cohort.SnapshotRule(app.UASC), snapshot.Format(dateLabel)),
		period:   fmt.Sprintf("%s (%s to %s)", cohort.PeriodRule(app.UASC), start.Format(dateLabel), snapshot.Format(dateLabel)),
	}
}

const dateLabel = "2 Jan 2006"

// periodStart is the first day of the 12 months ending on snapshot: the
// day after the date a year before it (yearBefore). The DfE counts a
// year ending 31 March as 1 April to 31 March, twelve whole months, and
// so a list as at a month's end counts the twelve whole months ending
// with that month: as at 28 February 2025, from 1 March 2024, not from
// 29 February 2024.
func periodStart(snapshot time.Time) time.Time { return yearBefore(snapshot).AddDate(0, 0, 1) }

// inPeriod reports whether d falls in the 12 months ending on snapshot.
func inPeriod(d, snapshot time.Time) bool {
	return !d.IsZero() && !d.Before(periodStart(snapshot)) && !d.After(snapshot)
}

// districtArea is the area a child of district (as district reads the
// column) is counted in: one of the authority's districts, or, of none
// of them or none known, Out of County / Unknown, where the scorecards
// count them, so that the areas sum to the county. The area figures and
// the breakdown by district count alike by it.
func districtArea(auth *app.Authority, district string) app.Area {
	if a, ok := auth.ParseArea(district); ok && auth.IsDistrict(a) {
		return a
	}
	return app.OutOfCounty
}
