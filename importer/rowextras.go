package importer

import (
	"cmp"
	"strings"

	"scorecard/app"
)

// readRowExtras reads the columns beside the figures: components, RAG
// and DoT for the latest figure; targets, benchmarks and comments for the
// indicator.
func (s *sheetReader) readRowExtras(r int, ind *rowIndicator, split app.Split, area app.Area, obs []app.Observation, latest int) {
	l := &s.l
	// A district's row (an Area column's) gives the district's figures
	// and its own targets; the indicator's benchmarks are its
	// authority's, and a cohort's row has no targets of its own.
	own := split == app.All && area == l.Area
	district := s.breakdown && split == app.All && area != l.Area && area != ""
	month := s.latest
	if latest >= 0 {
		month = obs[latest].Period
	}
	targets := map[app.Period]*app.Target{}
	type yearRole struct {
		year app.Period
		role Role
	}
	from := map[yearRole]*Column{} // the column each year's target, floor and tolerance came from
	type benchAt struct {
		c *Column
		i int // in s.out.benchmarks
	}
	benchFrom := map[yearRole]benchAt{} // the column each year's benchmark came from
	type setAside struct {
		k yearRole
		c *Column
		b app.Benchmark
	}
	var earlier []setAside // benchmarks of a period before the year's latest (periodBenchmark)
	var years []app.Period
	for i := range l.Columns {
		c := &l.Columns[i]
		if l.shadowed(*c) {
			continue
		}
		text := s.at(r, c)
		if sharedDown[c.Role] {
			text = s.sharedAt(r, c, ind.ref)
		}
		if strings.TrimSpace(text) == "" && c.Role != RoleRAG {
			continue
		}
		switch c.Role {
		case RoleNumerator, RoleDenominator:
			if isSubPart(*c) {
				continue // read with its period's figure (readSubParts)
			}
			rd, err := readFigure(text, s.look(r, c), &s.floats)
			if err != nil || rd.value == nil {
				s.warn(r, c.index, "%s: %s skipped: %v", ind.ref, c.Role, cmp.Or(err, errNotANumber))
				continue
			}
			if latest < 0 {
				s.warn(r, c.index, "%s: %s skipped: the row has no figure to attach it to", ind.ref, c.Role)
				continue
			}
			s.sayExponent(r, c.index, ind.ref, text, rd)
			if c.Role == RoleNumerator {
				obs[latest].Numerator = rd.value
			} else {
				obs[latest].Denominator = rd.value
			}
		case RoleRAG:
			if latest >= 0 && !isSubPart(*c) { // a period's own: readSubMark
				obs[latest].SourceRAG = ragOf(text, s.look(r, c))
			}
		case RoleDoT:
			if latest >= 0 && !isSubPart(*c) {
				obs[latest].SourceArrow = arrowOf(text, s.look(r, c), ind.polarity)
			}
		case RoleTarget, RoleFloor, RoleTolerance:
			if isSubPart(*c) {
				continue // a period's own target: readSubTarget
			}
			if !own && !district {
				s.notOwn(r, c.index)
				continue
			}
			rd, err := readTargetFigure(text, s.look(r, c), &s.floats)
			if err != nil || rd.value == nil {
				if err == nil && rd.status != app.OK {
					continue
				}
				s.warn(r, c.index, "%s: %s skipped: %v", ind.ref, c.Role, cmp.Or(err, errNotANumber))
				continue
			}
			s.sayAccountingTarget(r, c, ind.ref, text, rd)
			s.sayExponent(r, c.index, ind.ref, text, rd)
			year := c.Period
			if year.IsZero() {
				year = s.rowTargetYear(r)
			}
			if year.IsZero() {
				year = targetYear(ind.yearType, cmp.Or(s.figuredUntil(), month))
			}
			if year.IsZero() {
				s.warn(r, c.index, "%s: %s skipped: no year in its heading and no month figures to date it", ind.ref, c.Role)
				continue
			}
			if c.Role == RoleTolerance {
				if maybe, stated := mayBeShare(c.Header, rd.percent); maybe {
					// Settled once the indicator's unit is known.
					ps := pendingShare{cell: cellName(r, c.index), ref: ind.ref, year: year,
						pct: *rd.value, stated: stated, percentCell: rd.percent}
					if district {
						ps.area = area
					}
					s.out.shares = append(s.out.shares, ps)
					continue
				}
			}
			if year == c.Period && year.Kind == app.FinancialYear && ind.yearType == app.AcademicYear && headingYearKind(c.Header, c.Period) == app.FinancialYear {
				// Refused as its figures under such headings are
				// (yearClash): read as the academic year, the one
				// import told opposite things on the same evidence
				// (QA24a D7).
				s.warn(r, c.index, "%s: %s under %q not read: its heading says financial year but %s runs by academic year, and which is meant cannot be told, as for its figures under such headings; set its year type to Financial if the target is for a financial year, or head it with the academic year, such as \"%s %s\"",
					ind.ref, c.Role, c.Header, ind.ref, strings.ToUpper(string(c.Role)[:1])+string(c.Role)[1:], app.Period{Kind: app.AcademicYear, Year: year.Year}.Label())
				continue
			}
			t := targets[year]
			if t == nil {
				t = &app.Target{Ref: ind.ref, Year: year}
				if district {
					t.Levels = []app.Level{{Area: area}}
				}
				targets[year] = t
				years = append(years, year)
				if year.Kind == app.FinancialYear && ind.yearType == app.AcademicYear && own && len(years) == 1 {
					s.sayAcademicTarget(r, c, ind.ref, year)
				}
			}
			target, floor, tolerance := &t.Target, &t.Floor, &t.Tolerance
			if district {
				lv := &t.Levels[0]
				target, floor, tolerance = &lv.Target, &lv.Floor, &lv.Tolerance
			}
			field := target
			switch c.Role {
			case RoleFloor:
				field = floor
			case RoleTolerance:
				field = tolerance
			}
			k := yearRole{year, c.Role}
			if first, ok := from[k]; ok {
				if *field != nil && *rd.value != **field {
					// Two columns giving one year different targets: the
					// plain heading's is taken over the one guessed from
					// part of its heading, else the first, never silently.
					keep, drop := first, c
					if first.guessed && !c.guessed {
						keep, drop = c, first
						*field = rd.value
						from[k] = c
					}
					s.warn(r, drop.index, "%s: %s %s in column %s (%q) differs from %s in column %s (%q) for %s; took column %s's",
						ind.ref, c.Role, s.at(r, drop), drop.Col, drop.Header, s.at(r, keep), keep.Col, keep.Header, year.Label(), keep.Col)
				}
				continue
			}
			from[k] = c
			*field = rd.value
		case RolePrevious, RoleEngland, RoleNeighbours, RoleRegion:
			if !l.benchmarkRead(*c) {
				continue
			}
			if !own {
				s.notOwn(r, c.index)
				continue
			}
			b, from, ok := s.readBenchmark(r, c, ind, text, month)
			if !ok {
				continue
			}
			k := yearRole{b.Period, c.Role}
			if first, ok := benchFrom[k]; ok {
				// Two columns read as one group's figure for one year
				// ("England" twice): the plain heading's is kept over one
				// guessed from part of its heading, else the first, and
				// never silently.
				had := &s.out.benchmarks[first.i]
				if isSubPart(*c) && isSubPart(*first.c) {
					keep, drop, dropped := periodBenchmark(had, first.c, b, c)
					benchFrom[k] = benchAt{keep, first.i}
					earlier = append(earlier, setAside{k, drop, dropped})
					continue
				}
				if sameValue(had.Value, b.Value) && had.Status == b.Status {
					continue
				}
				keep, drop := first.c, c
				if first.c.guessed && !c.guessed {
					keep, drop = c, first.c
					*had = b
					s.out.datedFrom(first.i, from)
					benchFrom[k] = benchAt{c, first.i}
				}
				s.warn(r, drop.index, "%s: %s %s in column %s (%q) differs from %s in column %s (%q) for %s; took column %s's",
					ind.ref, c.Role, s.at(r, drop), drop.Col, drop.Header, s.at(r, keep), keep.Col, keep.Header, b.Period.Label(), keep.Col)
				continue
			}
			benchFrom[k] = benchAt{c, len(s.out.benchmarks)}
			s.out.datedFrom(len(s.out.benchmarks), from)
			s.out.benchmarks = append(s.out.benchmarks, b)
		case RoleComments:
			if month.IsZero() {
				s.warn(r, c.index, "%s: comment not read: the sheet gives no month for it to be about", ind.ref)
				continue
			}
			// A cohort's row's comment is about its figures ("excluding
			// UASC, level"), kept as theirs rather than dropped.
			s.out.comments = append(s.out.comments, app.Comment{Ref: ind.ref, Area: area, Split: split, Period: month, Text: strings.TrimSpace(text)})
		}
	}
	for _, e := range earlier {
		kept := benchFrom[e.k]
		s.sayEarlierBenchmark(r, ind.ref, e.c, e.b, kept.c, s.out.benchmarks[kept.i])
	}
	for _, y := range years {
		// At the row's first cell, or a table's beside another
		// (sideTables), so that it names this table's row.
		s.out.target(cellName(r, s.span.lo), *targets[y])
	}
}

// figuredUntil is the latest period on a sheet of months with a figure
// in any row: a Target, Floor or Tolerance column naming no year is that
// period's year's, for every row of the sheet. A placeholder ("tbc",
// "[x]") in next month's column is no figure, and made the targets the
// next year's, so that no month was rated (QA24b L8); a row lagging the
// others, its new month's figure not yet in, took last year's for this
// year's (QA25 D3). A district sheet's figures are its period's.
func (s *sheetReader) figuredUntil() app.Period {
	if s.l.Kind == DistrictSheet {
		return s.l.Period
	}
	if !s.figured.done {
		s.figured.done = true
		for _, c := range s.l.Columns {
			if c.Role != RolePeriod || c.Period.IsZero() || isSubPart(c) || s.ahead.empty[c.index] ||
				!s.figured.until.IsZero() && c.Period.Compare(s.figured.until) <= 0 {
				continue
			}
			for r := s.l.FirstRow - 1; r < len(s.g.rows); r++ {
				if isFigureText(strings.TrimSpace(s.at(r, &c))) {
					s.figured.until = c.Period
					break
				}
			}
		}
	}
	return s.figured.until
}

// rowTargetYear is the year a scorecard row's "Target Year" cell gives
// its targets ("2025/26"), zero where it gives none.
func (s *sheetReader) rowTargetYear(r int) app.Period {
	for i := range s.l.Columns {
		if c := &s.l.Columns[i]; c.Role == RoleYearType {
			if y, ok := targetYearCell(strings.TrimSpace(s.at(r, c))); ok {
				return y
			}
		}
	}
	return app.Period{}
}

// targetYearCell reads a cell giving the financial or academic year of a
// row's targets: "2025/26", "2025-26 AY", "FY 25/26".
func targetYearCell(text string) (app.Period, bool) {
	y, rest := cutYear(text)
	return y, !y.IsZero() && strings.TrimSpace(rest) == ""
}

// benchmarkGroups names the comparator each benchmark column gives.
var benchmarkGroups = map[Role]string{
	RolePrevious:   app.OutturnGroup,
	RoleEngland:    "England",
	RoleNeighbours: "Statistical neighbours",
}

// readBenchmark reads a previous-year, England, region or
// statistical-neighbour cell, false if it is not read (and said so). Its year is the one its heading or caption names; failing that, a
// previous-year outturn is the year before the latest month's, and a
// benchmark the latest published, taken as that same year and said at
// its heading (warnUndatedBenchmarks).
//
// from is the month its year was taken from where its heading names
// none, zero where the heading dates it: of two sheets' undated
// benchmarks for one year, the later month's is kept (addBenchmarks).
func (s *sheetReader) readBenchmark(r int, c *Column, ind *rowIndicator, text string, month app.Period) (b app.Benchmark, from app.Period, ok bool) {
	rd, err := readFigure(text, s.look(r, c), &s.floats)
	if err != nil {
		s.warn(r, c.index, "%s: %s skipped: %v", ind.ref, c.Role, err)
		return app.Benchmark{}, app.Period{}, false
	}
	year, undated := c.Period, false
	if year.Kind == app.Month || year.Kind == app.Quarter {
		// A heading dated by a month (datedBenchmarks), or a month's or
		// quarter's benchmark under it (periodSubColumns): the year it
		// falls in, as the indicator runs.
		year = targetYear(ind.yearType, year)
	}
	if year.IsZero() && !month.IsZero() {
		year, from = targetYear(ind.yearType, month).Add(-1), month
		if c.Role != RolePrevious && c.yearNote == "" {
			// The previous year's outturn is that year by its name;
			// England's or the neighbours' figure is dated by a guess:
			// the latest year published by the month.
			year, undated = latestPublished(ind.yearType, month), true
			if s.datesBenchmark(c.Role, year) {
				// The sheet gives that year's figure in a column of
				// its own: this one is a year on, published since.
				year = year.Add(1)
			}
			s.noteUndatedBenchmark(r, c, year, month)
		}
	}
	if year.IsZero() {
		s.warn(r, c.index, "%s: %s skipped: no year in its heading and no month figures to date it", ind.ref, c.Role)
		return app.Benchmark{}, app.Period{}, false
	}
	if rd.percent {
		s.out.percent[ind.ref] = true
	}
	s.sayExponent(r, c.index, ind.ref, text, rd)
	group := benchmarkGroups[c.Role]
	if c.Role == RoleRegion {
		group = s.l.authority().Region // the only region read (regionUnread)
	}
	return app.Benchmark{
		Ref: ind.ref, Period: year, Group: group,
		Value: rd.value, Status: rd.status, Source: s.l.Sheet + "!" + cellName(r, c.index), Undated: undated,
	}, from, true
}

// sameValue reports whether two values, either perhaps missing, are one.
func sameValue(a, b *float64) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// later compares periods as Period.Compare does, cheaply for the usual
// case of two months: it runs for every figure.
func later(p, q app.Period) int {
	if p.Kind == q.Kind {
		return p.Index() - q.Index()
	}
	return p.Compare(q)
}

// targetYear is the financial or academic year a month's targets are set
// for.
func targetYear(kind app.PeriodKind, month app.Period) app.Period {
	if month.IsZero() {
		return app.Period{}
	}
	return app.Indicator{YearType: kind}.TargetYear(month)
}
