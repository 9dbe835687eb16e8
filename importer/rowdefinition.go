package importer

import (
	"strconv"
	"strings"

	"scorecard/app"
)

// A row of a scorecard defines its indicator in the columns beside its
// Ref and name: polarity, unit, data period, year type, measure,
// decimals, guidance, owner, the cohorts it cannot count. readIndicator
// reads them, with where each was stated (app.Stated), for the review of
// definitions.

// readIndicator reads the descriptive columns of an indicator's row.
func (s *sheetReader) readIndicator(r int, ref, name, section string, sectionAt app.Location) app.Indicator {
	ind := app.Indicator{Ref: ref, Name: name, Section: section}
	var st app.Stated
	// The year a Data period code names ("AY"), and its column, settled
	// against any Year type column once every column is read.
	var dpYear app.PeriodKind
	dpAt, dpText := -1, ""
	// How a Unit column says the figure is built ("Median days").
	var unitMeasure app.Measure
	var unitMeasureAt app.Location
	if section != "" {
		st.Section = sectionAt
	}
	if ind.Name == "" {
		ind.Name = ref
	} else if c, ok := s.l.column(RoleName); ok {
		st.Name = s.loc(r, c.index)
	}
	for i := range s.l.Columns {
		c := &s.l.Columns[i]
		if oneARow[c.Role] {
			// The first column of each role said once a row is read;
			// warnUnused says the others are not.
			if f, _ := s.l.column(c.Role); f.index != c.index {
				continue
			}
		}
		if p := s.countPercent; p != nil && c.index == p.label {
			// "No." over "%": the figure is the percentage, the count
			// its numerator (countpercentrows.go).
			ind.Unit, st.Unit = app.Percent, s.loc(p.percent, p.label)
			if c.Role == RoleMeasure {
				s.out.measured[ref] = true
				ind.Measure, st.Measure = app.Proportion, s.loc(p.percent, p.label)
			}
			continue
		}
		text := strings.TrimSpace(s.at(r, c))
		switch c.Role {
		case RoleSection:
			if text != "" {
				ind.Section = text
				st.Section = s.loc(r, c.index)
			}
		case RoleOwner:
			if ind.Owner = text; text != "" {
				st.Owner = s.loc(r, c.index)
			}
		case RolePolarity:
			pr := readPolarity(text)
			p, err := pr.polarity, pr.err
			if err != nil {
				s.warn(r, c.index, "%s: %v; read as no polarity", ref, err)
			} else if note := pr.note; note != "" {
				s.warn(r, c.index, "%s: polarity %q read as %s; the note %q after it is not used", ref, text, p, note)
			}
			ind.Polarity = p
			if text != "" && err == nil {
				st.Polarity = s.loc(r, c.index)
			}
		case RoleDataPeriod:
			dr := readDataPeriod(text)
			dp, year, err := dr.period, dr.year, dr.err
			if err != nil {
				s.warn(r, c.index, "%s: %v; left blank", ref, err)
			}
			if dp == app.Monthly {
				s.warn(r, c.index, "%s: data period %q does not say whether the figure is a snapshot on the month's last day (MS) or counted over the month; read as M, the month shown, and described so", ref, text)
			}
			if dp == app.YearToDate {
				s.sayYearToDateQuarters(r, c.index, ref, text)
			}
			if year != 0 {
				dpYear, dpAt, dpText = year, c.index, text
			}
			if ind.DataPeriod = dp; dp != "" {
				st.DataPeriod = s.loc(r, c.index)
			}
		case RoleUnit:
			// "Median days", "Average": a Measure column, wherever it
			// stands, says more.
			if m, at := s.readUnit(r, c, ref, &ind, &st); m != "" {
				unitMeasure, unitMeasureAt = m, at
			}
		case RoleGuidance:
			if ind.Guidance = text; text != "" {
				st.Guidance = s.loc(r, c.index)
			}
		case RoleDecimals:
			if n, err := strconv.Atoi(text); err == nil && n >= 0 && n <= 6 {
				s.out.declareDecimals(ref, n)
				st.Decimals = s.loc(r, c.index)
			} else if text != "" {
				s.warn(r, c.index, "%s: decimals %q is not a whole number from 0 to 6; ignored", ref, text)
			}
		case RoleMeasure:
			s.out.measured[ref] = true
			if m, ok := parseMeasure(text); ok {
				ind.Measure = m
				st.Measure = s.loc(r, c.index)
			} else if text != "" {
				s.warn(r, c.index, "%s: measure %q is not proportion, count, rate, mean or median; inferred instead", ref, text)
			}
		case RoleUnaffected:
			cs, err := app.ParseCohorts(strings.ToLower(text))
			if err != nil {
				s.warn(r, c.index, "%s: %v; ignored", ref, err)
			}
			if ind.Unaffected = cs; len(cs) > 0 {
				st.Unaffected = s.loc(r, c.index)
			}
		case RoleYearType:
			switch low := strings.ToLower(text); {
			case strings.HasPrefix(low, "academic"), low == "ay":
				ind.YearType = app.AcademicYear
				st.YearType = s.loc(r, c.index)
			case strings.HasPrefix(low, "financial"), low == "fy":
				ind.YearType = app.FinancialYear
				st.YearType = s.loc(r, c.index)
			case text == "":
			default:
				// A scorecard's "Target Year" column giving each row's
				// year ("2025/26") dates its targets (rowTargetYear).
				y, ok := targetYearCell(text)
				switch {
				case !ok:
					s.warn(r, c.index, "%s: target year %q is not a year such as 2025/26, nor financial or academic; ignored", ref, text)
				case y.Kind == app.AcademicYear:
					ind.YearType = app.AcademicYear
					st.YearType = s.loc(r, c.index)
				}
			}
		case RoleTarget, RoleFloor:
			if c.Period.Kind == app.AcademicYear {
				ind.YearType = app.AcademicYear
			}
		}
	}
	if unitMeasure != "" && ind.Measure == "" {
		ind.Measure, st.Measure = unitMeasure, unitMeasureAt
	}
	if dpYear != 0 {
		s.yearFromDataPeriod(r, dpAt, dpText, dpYear, &ind, &st)
	}
	if ind.YearType == 0 && containsFoldASCII(name, "academic year") {
		ind.YearType = app.AcademicYear
	}
	// A measure named as leaving a cohort out ("Rate per 10,000
	// (excluding UASC)") cannot count its children: excluding them
	// leaves its figures as they stand, where it had said "cannot
	// exclude" of the very figures a report excluding UASC wants.
	if ind.Unaffected == nil && st.Name.Cell != "" {
		if sp, ok, doubt := splitOf(name); ok && doubt == "" && len(sp.Excluded()) > 0 {
			ind.Unaffected, st.Unaffected = sp.Excluded(), st.Name
		}
	}
	s.headingUnit(r, &ind, &st)
	s.out.define(ind, st)
	return ind
}

// yearFromDataPeriod makes year, which the Data period code at row r,
// column c names ("AY"), the indicator's year type, as a Year type column
// saying it would; where a Year type column or academic-year target
// headings say otherwise, those stand and the code's cell is warned.
func (s *sheetReader) yearFromDataPeriod(r, c int, code string, year app.PeriodKind, ind *app.Indicator, st *app.Stated) {
	switch {
	case ind.YearType == 0:
		ind.YearType, st.YearType = year, s.loc(r, c)
	case ind.YearType != year:
		said := "the target columns' headings say"
		if st.YearType.Cell != "" {
			said = "the year type at " + st.YearType.Cell + " says"
		}
		s.warn(r, c, "%s: data period %q names the %s, but %s %s; the indicator's targets are taken as set per %s",
			ind.Ref, code, year.Noun(), said, ind.YearType.Noun(), ind.YearType.Noun())
	}
}

// sayYearToDateQuarters says, at a year-to-date row's Data period cell,
// that its figures under quarter columns are each the year so far, not
// the quarter's own: shown under "Jul-Sep 2024", 298 was April to
// September's (Jul-Sep alone 147), with nothing said.
func (s *sheetReader) sayYearToDateQuarters(r, c int, ref, code string) {
	var q app.Period
	for _, col := range s.l.Columns {
		if col.Role != RolePeriod || col.Period.Kind != app.Quarter {
			continue
		}
		// The example a quarter after the year's first (Apr-Jun, whose
		// year to date is itself, for a financial year).
		if q.IsZero() || q.N == 2 && col.Period.N != 2 {
			q = col.Period
		}
	}
	if q.IsZero() {
		return
	}
	s.warn(r, c, "%s: data period %q: its figures under quarter columns are each the year to date, to the quarter's end, filed under that quarter (under %s, the year from its start to %s), not the quarter's own; compare one only with the same quarter of another year",
		ref, code, q.Label(), q.End().Format("January 2006"))
}
