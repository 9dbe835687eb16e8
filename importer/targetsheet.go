package importer

import (
	"context"
	"strings"

	"scorecard/app"
)

// readTargets reads a targets table: Ref, Year, Target, Floor and
// optionally Tolerance.
func (s *sheetReader) readTargets(ctx context.Context) error {
	s.warnUnused()
	l := &s.l
	refCol, _ := l.column(RoleRef)
	yearCol, _ := l.column(RoleYear)
	areaCol, hasArea := l.column(RoleArea)
	auth := l.authority()
	academicQuarters := false
	for r := l.FirstRow - 1; r < len(s.g.rows); r++ {
		if r%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if blankRow(s.g.rows[r]) {
			continue
		}
		ref := stripFootnote(s.at(r, &refCol))
		ytext := strings.TrimSpace(s.at(r, &yearCol))
		if ref == "" {
			s.warn(r, refCol.index, "row skipped: no indicator Ref")
			continue
		}
		year, err := app.ParsePeriod(ytext)
		if err != nil || (year.Kind != app.FinancialYear && year.Kind != app.AcademicYear) {
			s.warn(r, yearCol.index, "%s: row skipped: %q is not a financial or academic year (expected e.g. 2024/25)", ref, ytext)
			continue
		}
		// A District (or Area) column gives a district's own target; the
		// authority's, or a blank, the year's.
		var area app.Area
		if hasArea {
			if atext := strings.TrimSpace(s.at(r, &areaCol)); atext != "" {
				a, ok := auth.ParseArea(atext)
				if !ok {
					a = s.unknownArea(r, areaCol.index, ref, atext)
				}
				if a != auth.Area() {
					area = a
				}
			}
		}
		t := app.Target{Ref: ref, Year: year}
		own := app.Level{Area: area}
		levels := map[string]*app.Level{}
		var slots []string
		for _, c := range l.Columns {
			if l.shadowed(c) {
				continue
			}
			var dst **float64
			switch c.Role {
			case RoleTarget:
				dst = &t.Target
				if area != "" {
					dst = &own.Target
				}
			case RoleFloor:
				dst = &t.Floor
				if area != "" {
					dst = &own.Floor
				}
			case RoleTolerance:
				dst = &t.Tolerance
				if area != "" {
					dst = &own.Tolerance
				}
			case RoleMilestone, RoleMilestoneFloor:
				p, ok := milestonePeriod(c.Milestone, year)
				if !ok {
					academicQuarters = true
					continue
				}
				if !c.Period.IsZero() && c.Period != p {
					// "Apr-Jun 2024 target" is 2024/25's alone.
					if strings.TrimSpace(s.at(r, &c)) != "" {
						s.warn(r, c.index, "%s %s: not read: column %s %q is a milestone for %s, which is not in %s", ref, year, c.Col, c.Header, c.Period.Label(), year)
					}
					continue
				}
				lv := levels[c.Milestone]
				if lv == nil {
					lv = &app.Level{Area: area, Period: p}
					levels[c.Milestone] = lv
					slots = append(slots, c.Milestone)
				}
				dst = &lv.Target
				if c.Role == RoleMilestoneFloor {
					dst = &lv.Floor
				}
			default:
				continue
			}
			text := s.at(r, &c)
			lk := s.g.plainLook(r, c.index)
			if c.Role == RoleTolerance {
				lk = s.look(r, &c) // 0.1 formatted as 10% is a share of the target
			}
			rd, err := readTargetFigure(text, lk, &s.floats)
			if err == nil {
				s.sayAccountingTarget(r, &c, ref, text, rd)
				s.sayExponent(r, c.index, ref, text, rd)
			}
			switch {
			case isBlank(err), err == nil && rd.status != app.OK:
			case err != nil:
				s.warn(r, c.index, "%s %s: %s skipped: %v", ref, year, c.Role, err)
			case c.Role == RoleTolerance && rd.value != nil:
				if maybe, stated := mayBeShare(c.Header, rd.percent); maybe {
					// Settled once the indicator's unit is known.
					s.out.shares = append(s.out.shares, pendingShare{cell: cellName(r, c.index), ref: ref, year: year, area: area,
						pct: *rd.value, stated: stated, percentCell: rd.percent})
					continue
				}
				*dst = rd.value
			default:
				*dst = rd.value
			}
		}
		if own.Target != nil || own.Floor != nil || own.Tolerance != nil {
			t.Levels = append(t.Levels, own)
		}
		for _, k := range slots {
			if lv := levels[k]; lv.Target != nil || lv.Floor != nil {
				t.Levels = append(t.Levels, *lv)
			}
		}
		if year.Kind == app.AcademicYear {
			s.out.indicator(app.Indicator{Ref: ref, YearType: app.AcademicYear})
		}
		s.out.target(cellName(r, refCol.index), t)
	}
	if academicQuarters {
		for _, c := range l.Columns {
			if c.Role == RoleMilestone || c.Role == RoleMilestoneFloor {
				if strings.HasPrefix(c.Milestone, "Q") {
					s.warn(l.HeaderRow-1, c.index, "column %s %q not read for academic years: their quarters are not calendar quarters; give monthly milestones (\"Milestone Dec\")", c.Col, c.Header)
				}
			}
		}
	}
	return nil
}
