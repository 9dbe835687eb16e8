package importer

// Plain years that are not years' figures. "Jan-25 | Feb-25 | Mar-25 |
// 2025 | 2026" on a monthly scorecard: the years are targets or
// forecasts far more often than outturns, and read as financial years
// they filed 2025/26 a figure in a March 2025 report. A plain year
// under a caption saying Target, Aim or Ambition is refused at its
// heading, and so is a run of plain years beside month columns with a
// year that ends after the latest of them, each saying how to head it;
// a run of past years beside months (last years' outturns before this
// year's months) is read, and said to be read as outturns.

import (
	"fmt"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// targetCaptionWords are the words of a caption over plain years that
// make them targets, not figures.
var targetCaptionWords = map[string]bool{
	"target": true, "targets": true, "aim": true, "aims": true, "ambition": true, "ambitions": true,
}

// targetCaption finds a caption in the two rows above column c's
// heading (row, 0-based) that says the column's figures are targets:
// its text and cell. A title merged across the sheet from column A
// ("Performance against targets") is no caption of the column.
func targetCaption(g *grid, row, c int) (string, string, bool) {
	for r := row - 1; r >= 0 && r >= row-2; r-- {
		t := strings.TrimSpace(g.at(r, c))
		if c > 0 && t == strings.TrimSpace(g.at(r, 0)) {
			continue
		}
		for _, w := range words(t) {
			if targetCaptionWords[w] {
				return t, cellName(r, c), true
			}
		}
	}
	return "", "", false
}

// latestMonthBeside is the latest month a header row's headings name
// (text, or a date cell), and its column; ok is false for none.
func latestMonthBeside(g *grid, h int, heads []string, rowOf func(c int) int) (app.Period, int, bool) {
	var latest app.Period
	at := -1
	asDates, _ := dateHeadings(heads, h)
	for c, head := range heads {
		p, ok := asDates[c]
		if !ok {
			var role Role
			role, p, _ = headerRole(strings.TrimSpace(head))
			if role != RolePeriod {
				continue
			}
			if g.look(rowOf(c), c).date {
				p = g.headingSerial(rowOf(c), c, head, p)
			}
		}
		if p.Kind == app.Month && (at < 0 || p.Compare(latest) > 0) {
			latest, at = p, c
		}
	}
	return latest, at, at >= 0
}

// refuseTargetYears refuses the plain years under a caption saying
// they are targets: a target's year cannot be told from a plain one (a
// financial or an academic year), and read as figures they would file a
// target as the year's outturn. The rest are returned.
func refuseTargetYears(gs *headingGuesses, g *grid, rowOf func(c int) int, cols, years []int, kinds []string) ([]int, []int, []string) {
	var oc, oy []int
	var ok []string
	for i, c := range cols {
		if text, cell, is := targetCaption(g, rowOf(c), c); is {
			why := fmt.Sprintf("a plain year under %q at %s gives a target, not the year's figure, and a target's year cannot be told from a plain one (a financial or an academic year): head it Target 2024/25 (or Target 2024/25 AY) to read it as that year's target", text, cell)
			gs.refused[c] = why
			gs.unsure = append(gs.unsure, fmt.Sprintf("column %s headed by a plain year not read: %s", xlsx.ColumnName(c), why))
			continue
		}
		oc, oy, ok = append(oc, c), append(oy, years[i]), append(ok, kinds[i])
	}
	return oc, oy, ok
}

// notYearFigures says why a run of plain years (cols, years, read as
// kind) beside month columns is not read as years' figures, "" where it
// is; where it is, note says as what. latest is the latest month beside
// them, zero for none.
//
// With no month columns, the report's month or quarter as the title
// rows or sheet name give it (reportDateOf) bounds them the same way:
// "Scorecard - December 2024" over 2023 | 2024 | 2025 filed 2024/25 a
// figure before the year had ended.
func notYearFigures(sheet string, g *grid, h int, heads []string, rowOf func(c int) int, cols, years []int, kind app.PeriodKind) (why, note string, latest app.Period) {
	m, mc, beside := latestMonthBeside(g, h, heads, rowOf)
	var bound string
	switch d := reportDateOf(sheet, g, h); {
	case beside:
		bound = fmt.Sprintf("%s (column %s), the sheet's latest month", m.Label(), xlsx.ColumnName(mc))
	case d.period.Kind == app.Month || d.period.Kind == app.Quarter:
		m, bound = d.period, fmt.Sprintf("%s, the report's date as %s gives it", d.period.Label(), d.from)
	default:
		return "", "", app.Period{}
	}
	for i, c := range cols {
		if p := yearOf(kind, years[i]); p.End().After(m.End()) {
			what := "plain years beside month columns are targets or forecasts as often as years' figures, and"
			if !beside {
				what = "plain years in a report dated by its month are years' figures only up to it, and"
			}
			return fmt.Sprintf("%s of the run (columns %s to %s) column %s %q, read as %s, would end after %s, so it cannot have a figure yet: head a target Target %s, and a past year's figure with its year, 2023/24",
				what, xlsx.ColumnName(cols[0]), xlsx.ColumnName(cols[len(cols)-1]), xlsx.ColumnName(c), strings.TrimSpace(heads[c]), p.Label(), bound, p.Label()), "", m
		}
	}
	if !beside {
		return "", "", m
	}
	return "", fmt.Sprintf("beside month columns (the latest %s, column %s) they are taken for years' outturns: if they are targets, head them Target 2024/25", m.Label(), xlsx.ColumnName(mc)), m
}
