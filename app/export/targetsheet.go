package export

import (
	"context"
	"fmt"
	"slices"

	"scorecard/app"
)

// TargetsHeader heads the Targets sheet: one row per indicator and year,
// in the tidy form the importer reads as targets. A store with district
// targets or in-year milestones adds a District column and a column per
// milestone (see writeTargets).
var TargetsHeader = []string{"Ref", "Year", "Target", "Floor", "Tolerance"}

// writeTargets writes the Targets sheet: every target the history holds,
// whichever year, so that ratings of earlier months read back too, with
// its milestones and district targets under the headings the importer
// reads ("Q2 target", "Sep floor", a District column and a row of its
// own for each district), so that an export imported again rates every
// figure as the store did.
func (b *book) writeTargets(ctx context.Context) error {
	var targets []app.Target
	for _, ind := range b.inds {
		for _, t := range b.h.Targets(ind.Ref) {
			if !t.Milestone { // a plan, not a target in force; the importer has no column for it
				targets = append(targets, t)
			}
		}
	}
	cols := targetColumns(targets)
	header, widths := slices.Clone(TargetsHeader), slices.Clone(targetsWidths)
	for _, c := range cols {
		header, widths = append(header, c.head), append(widths, 12)
	}
	if err := b.tidyHeader(TargetsSheet, header, widths); err != nil {
		return err
	}
	r := 2
	for _, t := range targets {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, area := range targetAreas(t) {
			row := []any{t.Ref, t.Year.Label(), nil, nil, nil}
			if area == "" {
				row[2], row[3], row[4] = number(t.Target), number(t.Floor), number(t.Tolerance)
			} else if own, ok := levelOf(t, area, app.Period{}); ok {
				row[2], row[3], row[4] = number(own.Target), number(own.Floor), number(own.Tolerance)
			}
			for _, c := range cols {
				var v any
				switch {
				case c.district:
					if area != "" {
						v = string(area)
					}
				default:
					if p, ok := c.period(t.Year); ok {
						if l, ok := levelOf(t, area, p); ok {
							v = number(l.Target)
							if c.floor {
								v = number(l.Floor)
							}
						}
					}
				}
				row = append(row, v)
			}
			r++
			if err := b.f.SetSheetRow(TargetsSheet, cell(1, r), &row); err != nil {
				return fmt.Errorf("%s %s: %w", t.Ref, t.Year, err)
			}
		}
	}
	b.step()
	return b.hideFromPrint(TargetsSheet, widths)
}

// targetColumn is a column the Targets sheet adds for district targets
// or milestones.
type targetColumn struct {
	head     string
	district bool
	slot     string // "Q1" to "Q4", a financial year's quarter, or a month "Jan"
	floor    bool
}

// period is the milestone period the column's slot names in year y, as
// the importer reads it: a financial year's quarter, or the month of y.
func (c targetColumn) period(y app.Period) (app.Period, bool) {
	for _, p := range yearSlots(y) {
		if milestoneSlot(p, y) == c.slot {
			return p, true
		}
	}
	return app.Period{}, false
}

// yearSlots are the periods a milestone of year y may be for: its
// months, and for a financial year its quarters.
func yearSlots(y app.Period) []app.Period {
	var out []app.Period
	start := y.Start()
	for i := range 12 {
		m := start.AddDate(0, i, 0)
		out = append(out, app.MonthOf(m.Year(), m.Month()))
		if y.Kind == app.FinancialYear && i%3 == 0 {
			out = append(out, app.Period{Kind: app.Quarter, Year: m.Year(), N: (int(m.Month())-1)/3 + 1})
		}
	}
	return out
}

// milestoneSlot names a milestone's period in y as a heading does: "Q2"
// for the financial year's second quarter (July to September), "Sep";
// "" for a period a heading cannot name (an academic year's quarter).
func milestoneSlot(p, y app.Period) string {
	switch {
	case p.Kind == app.Month:
		return p.Start().Format("Jan")
	case p.Kind == app.Quarter && y.Kind == app.FinancialYear:
		return fmt.Sprintf("Q%d", (p.N+2)%4+1)
	}
	return ""
}

// targetColumns are the columns the targets need beyond TargetsHeader:
// District where any has a district's level, then a target (and where
// any has one, a floor) column per milestone slot, quarters first, then
// months from April.
func targetColumns(targets []app.Target) []targetColumn {
	district := false
	slots := map[string]bool{}
	floors := map[string]bool{}
	for _, t := range targets {
		for _, l := range t.Levels {
			district = district || l.Area != ""
			if l.Period.IsZero() {
				continue
			}
			if s := milestoneSlot(l.Period, t.Year); s != "" {
				slots[s] = true
				floors[s] = floors[s] || l.Floor != nil
			}
		}
	}
	var cols []targetColumn
	if district {
		cols = append(cols, targetColumn{head: "District", district: true})
	}
	order := []string{"Q1", "Q2", "Q3", "Q4", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"}
	for _, s := range order {
		if slots[s] {
			cols = append(cols, targetColumn{head: s + " target", slot: s})
			if floors[s] {
				cols = append(cols, targetColumn{head: s + " floor", slot: s, floor: true})
			}
		}
	}
	return cols
}

// targetAreas are the rows t takes on the Targets sheet: the
// authority's ("") and each district's with a level, in order.
func targetAreas(t app.Target) []app.Area {
	areas := []app.Area{""}
	for _, l := range t.Levels {
		if !slices.Contains(areas, l.Area) {
			areas = append(areas, l.Area)
		}
	}
	return areas
}

// levelOf finds t's level for area and period.
func levelOf(t app.Target, area app.Area, p app.Period) (app.Level, bool) {
	i := slices.IndexFunc(t.Levels, func(l app.Level) bool { return l.Area == area && l.Period == p })
	if i < 0 {
		return app.Level{}, false
	}
	return t.Levels[i], true
}
