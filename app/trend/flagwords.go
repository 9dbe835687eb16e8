package trend

import (
	"strconv"
	"strings"

	"scorecard/app"
)

func thisPeriod(p app.Period) string { return "this " + periodWord(p.Kind, 1) }

func (a *analysis) reversalText(p *Point, run int, runDoT app.DoT) string {
	was := "improving"
	if runDoT == app.Worsened {
		was = "worsening"
	}
	d := was + " for " + periodWord(p.Period.Kind, run) + ", " + string(p.DoT) + " " + thisPeriod(p.Period) +
		" by " + app.FormatChange(a.ind, *p.Change)
	if a.ytd {
		d += " on " + p.Period.Add(-lagOf(p.Period.Kind)).Label()
	}
	return d
}

func (a *analysis) ragChangeText(i int, t app.Target) string {
	p, prev := &a.pts[i], &a.pts[i-1]
	d := prev.RAG.String() + " to " + p.RAG.String() + " (" + app.FormatValue(a.ind, a.vals[i]) + "; " + RatedAgainst(a.ind, t) + ")"
	if y := a.ind.TargetYear(p.Period); y != a.ind.TargetYear(prev.Period) {
		d += "; the " + y.String() + " target applies from " + thisPeriod(p.Period)
	}
	if cur, was := a.years[a.scratch.year[i]], a.years[a.scratch.year[i-1]]; cur.from != was.from && !cur.from.IsZero() {
		d += "; the " + milestoneWords(cur.from) + " milestone applies from " + thisPeriod(p.Period)
	}
	return d
}

// milestoneWords names a milestone's period by its months, which read the
// same in a financial or an academic year: "Jul-Sep 2025", "Aug-25".
func milestoneWords(p app.Period) string {
	if p.Kind != app.Quarter {
		return p.Label()
	}
	first := p.Start()
	last := first.AddDate(0, 2, 0)
	return first.Format("Jan") + "-" + last.Format("Jan 2006")
}

func (a *analysis) ragDisagreeText(i int, t *app.Target) string {
	p := &a.pts[i]
	d := "the workbook shows " + p.SourceRAG.String() + ", but " + app.FormatValue(a.ind, a.vals[i])
	if t != nil {
		d += " (" + RatedAgainst(a.ind, *t) + ")"
	}
	return d + " rates " + p.RAG.String()
}

func (a *analysis) specialText(i int) string {
	d := "special cause"
	switch a.pts[i].Signal {
	case SpecialImproving:
		d += ", improving"
	case SpecialConcerning:
		d += ", concerning"
	}
	// The mean and limits to a place more than the figures, as SPC
	// charts give them: limits of 9.6 and 10.4 about whole numbers would
	// otherwise read "10 to 10".
	finer := a.ind
	finer.Decimals++
	return d + ": " + a.pts[i].Rule + " (" + app.FormatValue(a.ind, a.vals[i]) + "; mean " + app.FormatValue(finer, a.c.mean) +
		", limits " + app.FormatValue(finer, a.c.lower) + " to " + app.FormatValue(finer, a.c.upper) + ")"
}

func (a *analysis) smallText(p *Point) string {
	c := p.Children
	var parts []string
	if n, to := c.More(); a.small(n) {
		parts = append(parts, childrenTurn(n, "more", to))
	}
	if n, to := c.Fewer(); a.small(n) {
		parts = append(parts, childrenTurn(n, "fewer", to))
	}
	return strings.Join(parts, "; ") + " (1 child = " + app.FormatPerChild(a.ind, c.PerChild) + ")"
}

func (a *analysis) missingText(i int) string {
	p := &a.pts[i]
	if absent(p) {
		d := "no figure for " + p.Period.Label()
		switch {
		case p.StandIn && p.Value != nil:
			d += " yet: last year's outturn " + app.FormatValue(a.ind, *p.Value) + " stands in"
		case !p.Missing:
			d += " (" + p.Status.Describe() + ")"
		}
		return d + "; the chart does not bridge the gap" + strayWords(a.ind, a.stray)
	}
	gap := 1
	for gap < i && absent(&a.pts[i-1-gap]) {
		gap++
	}
	d := "no figure for " + a.pts[i-gap].Period.Label()
	if gap > 1 {
		d = "no figures for " + a.pts[i-gap].Period.Label() + " to " + a.pts[i-1].Period.Label()
	}
	return d + ", so no direction of travel " + thisPeriod(p.Period) + " and the moving range restarts" + strayWords(a.ind, a.stray)
}

func (a *analysis) disagreeText(i int) string {
	p := &a.pts[i]
	d := "the workbook's arrow shows " + arrowWords(p.SourceArrow) + ", but the figure "
	prev, cur := app.FormatValue(a.ind, a.vals[i-1]), app.FormatValue(a.ind, a.vals[i])
	switch p.Movement {
	case app.Up:
		return d + "went up from " + prev + " to " + cur
	case app.Down:
		return d + "went down from " + prev + " to " + cur
	}
	return d + "is unchanged at " + cur
}

// childrenTurn writes "1 more child counted turns this RED".
func childrenTurn(n int, way string, to app.RAG) string {
	if n == 1 {
		return "1 " + way + " child counted turns this " + to.String()
	}
	return strconv.Itoa(n) + " " + way + " children counted turn this " + to.String()
}

// targetText writes the target and floor in force: "target 10.0%, floor 12.0%".
func targetText(ind app.Indicator, t app.Target) string {
	var parts []string
	if t.Target != nil {
		s := "target " + app.FormatValue(ind, *t.Target)
		if ind.Polarity == app.NearTarget && t.Tolerance != nil {
			s += " ± " + app.FormatChange(ind, *t.Tolerance)
		}
		parts = append(parts, s)
	}
	if t.Floor != nil && ind.Polarity != app.NearTarget {
		parts = append(parts, "floor "+app.FormatValue(ind, *t.Floor))
	}
	return strings.Join(parts, ", ")
}

// RatedAgainst writes what a figure is rated against by the authority's
// rule (app.RAGRule): targetText under the floor rule; the target and
// its band under the band rule ("target 20.0%, AMBER within 1.0 pp");
// the target alone under the target rule, whose rating no floor moves.
func RatedAgainst(ind app.Indicator, t app.Target) string {
	if ind.Polarity == app.NearTarget || t.Rule.Kind == app.RuleFloor {
		return targetText(ind, t)
	}
	t.Floor = nil
	s := targetText(ind, t)
	if tol, ok := t.RatingTolerance(); ok && t.Rule.Kind == app.RuleBand && s != "" {
		s += ", AMBER within " + app.FormatChange(ind, tol)
	}
	return s
}

// placesApart is ind with enough decimal places to write a and b apart
// where both are figures that differ; ind itself otherwise.
func placesApart(ind app.Indicator, a, b *float64) app.Indicator {
	if a == nil || b == nil || *a == *b {
		return ind
	}
	for d := max(ind.Decimals, 0); d <= 9; d++ {
		apart := ind
		apart.Decimals = d
		if app.FormatValue(apart, *a) != app.FormatValue(apart, *b) {
			return apart
		}
	}
	return ind
}

func pointText(ind app.Indicator, p Point) string {
	return observationText(ind, p.Value, p.Status, "")
}

func observationText(ind app.Indicator, v *float64, st app.Status, raw string) string {
	switch {
	case v != nil:
		return app.FormatValue(ind, *v)
	case raw != "":
		return raw
	case st != app.OK:
		return "[" + st.String() + "]"
	}
	return "no figure"
}

func arrowWords(a app.Arrow) string {
	if a == app.Across {
		return "no change"
	}
	return a.String()
}
