package importer

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"scorecard/app"
)

// readTidy reads a tidy table: one row per indicator, period, area and
// cohort, with value, numerator, denominator and status. Areas default to
// the store's authority (with a warning) and cohorts to all children when
// the table has no such column.
func (s *sheetReader) readTidy(ctx context.Context, progress func(int)) error {
	// Before warnUnused, which leaves a date hierarchy's columns to it.
	s.hierarchy = s.findHierarchy(s.l.column(RolePeriod))
	// Before warnUnused, which leaves a percentage beside its parts to it.
	s.tidyPercent = s.findTidyPercent()
	defer s.tidyPercent.warn(s)
	s.warnUnused()
	l := &s.l
	refCol, _ := l.column(RoleRef)
	// A table keyed by names (tidynamed.go) is read by its Indicator
	// column where another has its Ref column.
	byName := tidyByName(l)
	if byName {
		refCol, _ = l.column(RoleName)
		defer s.warnNamedRefs()
	}
	cols := map[Role]Column{}
	for _, c := range l.Columns {
		if _, ok := cols[c.Role]; !ok {
			cols[c.Role], _ = l.column(c.Role)
		}
	}
	text := func(r int, role Role) (string, int, bool) {
		c, ok := cols[role]
		if !ok {
			return "", -1, false
		}
		return strings.TrimSpace(s.at(r, &c)), c.index, true
	}
	auth := l.authority()
	if _, ok := cols[RoleArea]; !ok {
		s.warn(l.HeaderRow-1, 0, "no area column: every figure is filed under %s, the store's authority", auth.Name)
	}
	var periods periodReading
	var dates tidyDates
	var figured tidyFigured
	if c, ok := cols[RolePeriod]; ok {
		periods = s.readPeriodsOf(c)
		periods.warn(s, c.index)
		dates = s.readTidyDates(c)
		if err := dates.warn(s, c.index); err != nil {
			return err
		}
	}
	spans := s.readTidySpans(cols)
	defer spans.warn(s)
	_, hasArea := cols[RoleArea]
	_, hasCohort := cols[RoleCohort]
	footer, err := s.readTidyFooter(hasArea, hasCohort)
	if err != nil {
		return err
	}
	end := len(s.g.rows)
	if footer.row >= 0 {
		end = footer.row
	}
	if c, ok := cols[RolePeriod]; ok {
		// "202404", "04/24", "01-Apr-24", "Oct-24*": as headings so
		// written are read (tidyfigured.go).
		figured = s.readTidyFigured(c, end)
		defer figured.warn(s, c.index)
	}
	seen := map[string]bool{}
	// Rows dated before EarliestYear are skipped, and counted for one
	// warning at the first.
	earlyRows, earlyAt := 0, ""
	// Quarters written "Q3 2024" are counted for one warning at the first.
	quarterRows, quarterAt, quarterWords := 0, "", ""
	// Periods in words, "Quarter 1 2024/25", "FY 2024/25", are read as the
	// same column headings are (wordedForm), each form said once at its
	// first row; skipped, the table's every such row was lost (QA24a D9).
	worded := tidyWorded{}
	defer worded.warn(s)
	defer s.hierarchy.warn(s)
	defer func() {
		switch {
		case quarterRows == 1:
			s.out.warn(s.l.Sheet, quarterAt, "%s", quarterWords)
		case quarterRows > 1:
			s.out.warn(s.l.Sheet, quarterAt, "%s; %d more rows write quarters so, read alike", quarterWords, quarterRows-1)
		}
		switch {
		case earlyRows == 1:
			s.out.warn(s.l.Sheet, earlyAt, "row skipped: dated before %d (a year typed wrongly?)", EarliestYear)
		case earlyRows > 1:
			s.out.warn(s.l.Sheet, earlyAt, "%d rows skipped: dated before %d (a year typed wrongly?); the first is here", earlyRows, EarliestYear)
		}
	}()
	breakdowns := s.tidyBreakdowns(refCol, cols)
	defer s.warnBreakdowns(breakdowns)
	defs := newTidyDefs()
	defer defs.warn(s)
	// units are the indicators' stated units (statedUnit), for a Value
	// giving a count and its percentage (tidyPaired).
	units := map[string]app.Unit{}
	var paired tidyPaired
	defer paired.warn(s)
	// countsSaid are the indicators said to give counts as numerators
	// with no denominator, each at its first.
	countsSaid := map[string]bool{}
	// Area names that name children ("UASC only"), by their words.
	var areaCohorts tidyAreaCohorts
	defer areaCohorts.warn(s)
	_, hasTarget := cols[RoleTarget]
	_, hasFloor := cols[RoleFloor]
	hasTargets := hasTarget || hasFloor
	for r := l.FirstRow - 1; r < end; r++ {
		if r%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := s.out.overLimit(r, len(s.g.rows)); err != nil {
				return err
			}
			progress(r)
		}
		if blankRow(s.g.rows[r]) {
			continue
		}
		ref := stripFootnote(s.at(r, &refCol))
		if byName {
			var said bool
			if ref, said = s.tidyNamedRef(r, &refCol); ref == "" && !said {
				s.warn(r, refCol.index, "row skipped: no indicator name")
			}
			if ref == "" {
				continue
			}
		}
		if ref == "" {
			s.warn(r, refCol.index, "row skipped: no indicator Ref")
			continue
		}
		if len(breakdowns) > 0 {
			if b := breakdownOf(s, breakdowns, r, s.tidyKey(r, refCol, cols)); b != nil {
				b.skip(s, r, ref)
				continue
			}
		}
		ptext, pc, _ := text(r, RolePeriod)
		// A run of months written "12/13" (Dec-13) is read as months
		// before anything reads one alone as the year 2012/13.
		period, ok := figured.rows[r]
		if !ok {
			period, ok = tidyPeriod(ptext, s.g.serialShift(r, pc))
			if m, both := yearOrMonth(ptext); both {
				period, ok = app.Period{Kind: app.FinancialYear, Year: m.Year}, true
				if periods.months {
					period = m
				}
			}
		}
		if !ok {
			period, ok = dates.rows[r]
		}
		if !ok {
			var skip bool
			if period, ok, skip = s.hierarchy.read(s, r, ptext); skip {
				continue // said once, by hierarchy.warn
			}
		}
		if !ok {
			var refused string
			period, refused, ok = worded.read(ptext, cellName(r, pc))
			if refused != "" {
				s.warn(r, pc, "%s: row skipped: %q not read: %s", ref, strings.TrimSpace(ptext), refused)
				continue
			}
		}
		if !ok {
			period, ok = figured.footnote(ptext, r)
		}
		if ok {
			var why string
			if period, why = spans.period(s, r, period); why != "" {
				s.warn(r, pc, "%s: row skipped: %s", ref, why)
				continue
			}
		}
		if !ok {
			if why := tidyFiguredRefusal(ptext); why != "" {
				s.warn(r, pc, "%s: row skipped: %q not read: %s", ref, strings.TrimSpace(ptext), why)
				continue
			}
			s.warn(r, pc, "%s: row skipped: %q is not a period (expected e.g. 2025-03, Mar-25, 2024/25)", ref, ptext)
			continue
		}
		// A row whose period does not read makes no indicator: a footer
		// line under the table ("Applied filters:") is no indicator.
		if !seen[ref] {
			seen[ref] = true
			units[ref] = s.statedUnit(s.tidyIndicator(r, ref, cols))
		}
		if q, ok := calendarQuarter(ptext); ok && q == period {
			if quarterRows == 0 {
				quarterAt, quarterWords = cellName(r, pc), calendarQuarterWords(strings.TrimSpace(ptext), q)
			}
			quarterRows++
		}
		if early(period) {
			if earlyRows == 0 {
				earlyAt = cellName(r, pc)
			}
			earlyRows++
			continue
		}
		area := auth.Area()
		// areaSplit is the cohort an Area naming children says, areaAt
		// its cell (-1 for none).
		areaSplit, areaAt, areaText := app.All, -1, ""
		if atext, ac, ok := text(r, RoleArea); ok && atext != "" {
			a, ok := auth.ParseArea(atext)
			if !ok {
				if why := s.comparatorOf(atext); why != "" {
					s.skipComparator(r, ac, atext, why)
					continue
				}
				ca, csp, skip, handled := areaCohorts.read(s, r, ac, ref, atext)
				switch {
				case skip:
					continue // said once, by areaCohorts.warn
				case handled:
					a, areaSplit, areaAt, areaText = ca, csp, ac, strings.TrimSpace(atext)
				default:
					a = s.unknownArea(r, ac, ref, atext)
				}
			}
			area = a
		}
		split := footer.split
		if ctext, cc, ok := text(r, RoleCohort); ok && ctext != "" {
			sp, ok, doubt := parseSplit(ctext)
			if why := cohortNamesTeam(auth, ctext, sp); why != "" {
				s.warn(r, cc, "%s: row skipped: %s", ref, why)
				continue
			}
			switch {
			case doubt != "":
				s.warn(r, cc, "%s: row skipped: cannot tell which children cohort %q counts, as %s (write e.g. Excluding UASC, UASC only, excl:ola+uasc)", ref, ctext, doubt)
				continue
			case !ok:
				s.warn(r, cc, "%s: row skipped: cohort %q is not understood (expected e.g. All, Excluding UASC, UASC)", ref, ctext)
				continue
			}
			split = sp
		}
		if areaAt >= 0 {
			sp, ok := nestedSplit(areaSplit, split)
			if !ok {
				s.warn(r, areaAt, "%s: row skipped: its area %q counts %s, but its cohort says %s; give the area alone in the Area column and the children in the Cohort column", ref, areaText, splitWords(areaSplit), splitWords(split))
				continue
			}
			split = sp
		}
		if !defs.agree(s, r, ref, split, cols) {
			continue
		}
		o := app.Observation{Ref: ref, Area: area, Split: split, Period: period}
		vtext, vc, _ := text(r, RoleValue)
		if vtext != "" {
			lk := s.g.look(r, vc)
			s.out.noteFormat(ref, lk)
			rd, err := readMarkedFigure(vtext, lk, &s.floats)
			pair := false
			if err != nil {
				// "45 (21.3%)": a count and its percentage, read as the
				// one the unit asks for, as a scorecard's cell is.
				if prd, ok, perr := paired.take(ref, vtext, units[ref], r, vc, &s.floats); ok {
					rd, err, pair = prd, perr, perr == nil
				}
			}
			if err != nil {
				s.warn(r, vc, "%s: row skipped: %v", ref, err)
				continue
			}
			if rd.marker != "" {
				s.warn(r, vc, "%s: %s", ref, markedNote(vtext, rd))
			}
			s.sayExponent(r, vc, ref, vtext, rd)
			o.Value, o.Status, o.Raw = rd.value, rd.status, rd.raw
			if rd.num != nil {
				o.Numerator, o.Denominator = rd.num, rd.den
			}
			if rd.percent {
				s.out.percent[ref] = true
			}
			// A tidy table holds figures at full precision: only a number
			// format says how many places are shown.
			// So does the text of a percentage written beside its count.
			if lk.decimals >= 0 || pair && rd.decimals >= 0 {
				s.out.placed[ref] = true
				s.out.indicator(app.Indicator{Ref: ref, Decimals: min(rd.decimals, 3)})
			}
		}
		for _, part := range []struct {
			role Role
			dst  **float64
		}{{RoleNumerator, &o.Numerator}, {RoleDenominator, &o.Denominator}} {
			t, c, _ := text(r, part.role)
			if t == "" {
				continue
			}
			rd, err := readFigure(t, s.g.plainLook(r, c), &s.floats)
			if err != nil || rd.value == nil {
				s.warn(r, c, "%s: %s %q skipped: not a number", ref, part.role, t)
				continue
			}
			s.sayExponent(r, c, ref, t, rd)
			*part.dst = rd.value
		}
		if st, sc, ok := text(r, RoleStatus); ok && st != "" {
			code, ok := app.ParseStatus(st)
			switch {
			case app.IsStandInMark(st):
				// A previous year's outturn standing in for the period,
				// as an export's Data sheet marks it: the figure is kept,
				// as the stand-in it is.
				o.StandIn = true
			case !ok:
				s.warn(r, sc, "%s: status %q is not a status code; ignored", ref, st)
			default:
				o.Status, o.Value = code, nil
				if o.Raw == "" {
					o.Raw = st
				}
			}
		}
		if o.Value == nil && o.Status == app.OK {
			switch {
			case o.Numerator != nil && o.Denominator != nil && *o.Denominator != 0:
				o.Value = app.Float(*o.Numerator / *o.Denominator * 100)
				s.out.percent[ref] = true
			case o.Numerator != nil && o.Denominator != nil && *o.Numerator == 0 && *o.Denominator == 0:
				// None of none (a cohort with no children): no proportion,
				// but parts a figure excluding the cohort is worked from.
			case o.Numerator != nil && o.Denominator == nil:
				// How case-management extracts give a count: in the
				// Numerator column, with Denominator and Percentage blank.
				numc := cols[RoleNumerator]
				if !countsSaid[ref] {
					countsSaid[ref] = true
					s.warn(r, numc.index, "%s: its figure given in the Numerator column with no Denominator, here and on each such row, read as the figure itself, a count", ref)
				}
				o.Value, o.Numerator = o.Numerator, nil
			default:
				at := vc
				if at < 0 {
					at = refCol.index // no Value column: the row's own cell
				}
				s.warn(r, at, "%s: row skipped: no value, status or numerator and denominator", ref)
				continue
			}
		}
		if rule, _, ok := text(r, RoleRule); ok {
			o.Rule = rule
		}
		if hasTargets {
			s.rowTarget(r, ref, area, period, cols)
		}
		s.tidyPercent.check(s, r, &o)
		s.out.observe(&o, r, max(vc, refCol.index))
	}
	s.warnComparators()
	return nil
}

// rowTarget reads the Target and Floor a tidy row gives beside its
// figure: the target for the year of the row's period, which year (the
// financial or academic) being settled once the indicator's year type is
// known (see collector.rowTargets).
//
// A district's row gives the district's own target (app.Level), not the
// authority's.
func (s *sheetReader) rowTarget(r int, ref string, area app.Area, period app.Period, cols map[Role]Column) {
	t := app.Target{Ref: ref}
	any := false
	for _, part := range []struct {
		role Role
		dst  **float64
	}{{RoleTarget, &t.Target}, {RoleFloor, &t.Floor}} {
		c, ok := cols[part.role]
		if !ok {
			continue
		}
		text := s.at(r, &c)
		rd, err := readTargetFigure(text, s.g.plainLook(r, c.index), &s.floats)
		switch {
		case isBlank(err), err == nil && rd.status != app.OK:
		case err != nil:
			s.warn(r, c.index, "%s %s: %s skipped: %v", ref, period, part.role, err)
		default:
			s.sayAccountingTarget(r, &c, ref, text, rd)
			s.sayExponent(r, c.index, ref, text, rd)
			*part.dst, any = rd.value, true
		}
	}
	if !any {
		return
	}
	if area != s.l.authority().Area() {
		t = app.Target{Ref: ref, Levels: []app.Level{{Area: area, Target: t.Target, Floor: t.Floor}}}
	}
	s.out.rowTargets = append(s.out.rowTargets, rowTarget{cell: cellName(r, 0), period: period, t: t})
}

// tidyIndicator reads what a tidy row says about its indicator: the
// optional Indicator, Section, Polarity, Unit and Data Period columns that
// the app's own export writes. It returns the indicator as the row
// states it.
func (s *sheetReader) tidyIndicator(r int, ref string, cols map[Role]Column) app.Indicator {
	ind := app.Indicator{Ref: ref}
	var st app.Stated
	if c, ok := cols[RoleName]; ok {
		if ind.Name = stripFootnote(s.at(r, &c)); ind.Name != "" && ind.Name != ref {
			st.Name = s.loc(r, c.index)
		}
	}
	if c, ok := cols[RoleSection]; ok {
		if ind.Section = strings.TrimSpace(s.at(r, &c)); ind.Section != "" {
			st.Section = s.loc(r, c.index)
		}
	}
	if c, ok := cols[RoleOwner]; ok {
		if ind.Owner = strings.TrimSpace(s.at(r, &c)); ind.Owner != "" {
			st.Owner = s.loc(r, c.index)
		}
	}
	if c, ok := cols[RolePolarity]; ok {
		text := s.at(r, &c)
		pr := readPolarity(text)
		p, err := pr.polarity, pr.err
		if err != nil {
			s.warn(r, c.index, "%s: %v; read as no polarity", ref, err)
		} else if note := pr.note; note != "" {
			s.warn(r, c.index, "%s: polarity %q read as %s; the note %q after it is not used", ref, text, p, note)
		}
		if err == nil && strings.TrimSpace(text) != "" {
			st.Polarity = s.loc(r, c.index)
		}
		ind.Polarity = p
	}
	if c, ok := cols[RoleUnit]; ok {
		// As a scorecard's Unit column is read; a tidy sheet has no
		// Measure column to outrank the measure it names.
		if m, at := s.readUnit(r, &c, ref, &ind, &st); m != "" {
			ind.Measure, st.Measure = m, at
		}
	}
	if c, ok := cols[RoleDataPeriod]; ok {
		if dr := readDataPeriod(s.at(r, &c)); dr.err == nil {
			dp, year := dr.period, dr.year
			ind.DataPeriod = dp
			if dp != "" {
				st.DataPeriod = s.loc(r, c.index)
			}
			// "AY" says the indicator runs by academic year, as a
			// scorecard's Year type column would.
			if year != 0 {
				ind.YearType, st.YearType = year, s.loc(r, c.index)
			}
		}
	}
	if ind.Name == "" {
		ind.Name = ref
	}
	s.headingUnit(r, &ind, &st) // "Indicator (%)" (nameheading.go)
	s.out.define(ind, st)
	return ind
}

// tidyPeriod reads a tidy table's period: any form ParsePeriod knows, or
// a real date (its serial, shift days from the 1900 system's).
func tidyPeriod(s string, shift float64) (app.Period, bool) {
	if f, err := strconv.ParseFloat(s, 64); err == nil && f > 3000 {
		p, err := app.MonthFromExcelSerial(f + shift)
		return p, err == nil
	}
	p, err := app.ParsePeriod(s)
	return p, err == nil
}

// parseSplit reads a tidy table's cohort: the app's own form ("",
// "uasc", "excl:uasc", "excl:ola+uasc") or words ("All", "Excluding UASC",
// "UASC only", "UASC and OLA excluded"). doubt says why words naming a
// cohort cannot be read with confidence (see splitOf).
func parseSplit(s string) (split app.Split, ok bool, doubt string) {
	t := strings.ToLower(strings.TrimSpace(s))
	if rest, ok := strings.CutPrefix(t, "excl:"); ok {
		// ParseCohorts reads a --exclude list, "ola,uasc"; the split
		// writes it "ola+uasc".
		if cs, err := app.ParseCohorts(strings.ReplaceAll(rest, "+", ",")); err == nil && len(cs) > 0 {
			return app.Excluding(cs...), true, ""
		}
	}
	if sp, ok, doubt := splitOf(t); ok || doubt != "" {
		return sp, ok, doubt
	}
	if cs, err := app.ParseCohorts(t); err == nil && len(cs) == 1 {
		// A cohort the reader does not know by name ("sen") is taken as
		// written, unless its word negates it: "non-sen" is not a cohort
		// called "non-sen".
		for _, p := range []string{"non-", "not-", "ex-", "excl-", "excluding-", "exc-"} {
			if strings.HasPrefix(t, p) {
				return app.All, true, fmt.Sprintf("%q may mean all children but %q (write excl:%s) rather than a cohort of that name", s, strings.TrimPrefix(t, p), strings.TrimPrefix(t, p))
			}
		}
		return app.Only(cs[0]), true, ""
	}
	return app.All, false, ""
}

// unknownArea reads a tidy row's area name that the authority does not
// have, at 0-based row r, column c: by the officer's mapping, or else
// kept as an area of its own, never skipped. The first row naming it is
// warned of, with how many rows name it once the table is read; each is
// listed for the review.
func (s *sheetReader) unknownArea(r, c int, ref, name string) app.Area {
	for i := range s.out.unknown {
		if u := &s.out.unknown[i]; strings.EqualFold(u.Name, name) {
			u.Rows++
			return u.Area
		}
	}
	auth := s.l.authority()
	u := UnknownArea{Name: name, Location: app.Location{File: s.out.file, Sheet: s.l.Sheet, Cell: cellName(r, c)}, Rows: 1}
	if o := app.AuthoritiesOf(name, auth); len(o) > 0 {
		u.Owner = o[0].Name
	}
	area, mapped, bad := s.l.readArea(name)
	u.Area, u.Mapped = area, mapped
	if bad != "" {
		// As every other note on a tidy row, under its indicator's Ref.
		s.warn(r, c, "%s: %s", ref, bad)
	}
	if !mapped {
		s.warn(r, c, "%s: area %q is %s; its figures here and in every row naming it are kept under %q, an area of its own, until %s",
			ref, name, u.why(auth), name, mapAdvice(auth, name))
	}
	s.out.unknown = append(s.out.unknown, u)
	return area
}
