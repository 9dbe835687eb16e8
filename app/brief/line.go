package brief

// The words of one item's line: its figure and rating, how it moved,
// what would change its rating, and a withheld figure's line.

import (
	"fmt"
	"strings"

	"scorecard/app"
	"scorecard/app/trend"
)

// withheldItem writes the line of a figure withheld for small numbers,
// shown as c: pts is the series' analysis before suppression, which says
// whether it is in the brief and its rating, and shown is the point as
// circulated. The line gives the rating and the reasons in words, and no
// figure, change, count of children or reading, any of which could let
// the figure be worked out.
func withheldItem(ind app.Indicator, pts []trend.Point, shown trend.Point) (Item, bool) {
	at := pointAt(pts, shown.Period)
	if at < 0 {
		return Item{}, false
	}
	p := pts[at]
	why, severity, _ := reasons(pts, at)
	if len(why) == 0 {
		return Item{}, false
	}
	s := ind.Name + ": " + app.Suppressed.String()
	if p.RAG != app.NoRAG {
		s += " (" + p.RAG.String() + ")"
	}
	s += ", figure withheld (small numbers), so no figure, change or count of children is given; " + andList(why) + " this " + p.Period.Kind.Word()
	return Item{Ref: ind.Ref, Name: ind.Name, Why: why, RAG: p.RAG, Line: s, Point: shown, Withheld: true, severity: severity}, true
}

// andList joins words as a list in English: "red, worsened and special
// cause".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// item writes the line of the point at pts[at], reporting false when the
// indicator has nothing to report. Under suppression (suppressed) a
// revision is said without the figure it replaced, which the export does
// not circulate and which may be a count it would withhold.
func item(ind app.Indicator, pts []trend.Point, at int, suppressed bool) (Item, bool) {
	p := pts[at]
	it := Item{Ref: ind.Ref, Name: ind.Name, RAG: p.RAG, Point: p}
	var fresh []int // indexes into p.Flags of the kinds not raised the period before
	it.Why, it.severity, fresh = reasons(pts, at)
	if len(it.Why) == 0 {
		return Item{}, false
	}
	special := p.Signal.IsSpecial()

	parts := []string{figure(ind, p)}
	if m := movement(ind, pts, at); m != "" {
		parts = append(parts, m)
	}
	line := ind.Name + ": " + strings.Join(parts, ", ")
	var more []string
	if special && p.VariationReading != "" {
		// Making Data Count's reading ("Concerning: 7 months in a row
		// above the average"), not the SPC term.
		more = append(more, strings.TrimSuffix(p.VariationReading, "."))
	}
	for _, i := range fresh {
		kind := p.Flags[i]
		if kind == trend.SpecialCause || kind == trend.SmallNumbers || i >= len(p.FlagDetails) {
			continue // said above, or in the caveat
		}
		detail := p.FlagDetails[i]
		if kind == trend.Revised && suppressed {
			detail = "revised since first reported (the earlier figure is not circulated)"
		}
		more = append(more, "new this "+p.Period.Kind.Word()+": "+detail)
	}
	if s := nextRating(ind, p); s != "" {
		more = append(more, s)
	}
	if len(more) > 0 {
		line += "; " + strings.Join(more, "; ")
	}
	it.Line = line
	for i, kind := range p.Flags {
		if kind == trend.SmallNumbers && i < len(p.FlagDetails) {
			it.Caveat = p.FlagDetails[i]
		}
	}
	return it, true
}

// figure writes the point's figure and rating: "38.6% (RED)".
func figure(ind app.Indicator, p trend.Point) string {
	var s string
	switch {
	case p.StandIn:
		// Last year's outturn standing in is not the month's figure;
		// the missing flag's words name it.
		s = "no figure"
	case p.Value != nil && p.Status == app.OK:
		s = app.FormatValue(ind, *p.Value)
	case p.Status != app.OK:
		s = p.Status.Describe()
		if s == "" {
			s = p.Status.String()
		}
	default:
		s = "no figure"
	}
	if p.RAG != app.NoRAG {
		s += " (" + p.RAG.String() + ")"
	}
	return s
}

// movement says how the figure moved since the period before, and for
// how many periods it has moved that way: "down 1.3 pp, 8th month
// falling"; or, for a figure compared with another period (a year-to-date
// figure with the same month last year), how it moved since then: "down
// 12 on Sep-24 (improved)".
func movement(ind app.Indicator, pts []trend.Point, at int) string {
	p := pts[at]
	if p.Change == nil {
		return ""
	}
	var s, way string
	switch p.Movement {
	case app.Up:
		s, way = "up "+app.FormatChange(ind, *p.Change), "rising"
	case app.Down:
		s, way = "down "+app.FormatChange(ind, *p.Change), "falling"
	case app.Across:
		return "unchanged"
	default:
		return ""
	}
	if p.ChangeLag > 0 {
		// A year-to-date figure against the same month last year: its
		// months all rise, so a run of them says nothing.
		s += " on " + p.Period.Add(-p.ChangeLag).Label()
		if p.DoT == app.Improved || p.DoT == app.Worsened {
			s += " (" + string(p.DoT) + ")"
		}
		return s
	}
	if p.DoT == app.Improved || p.DoT == app.Worsened {
		s += " (" + string(p.DoT) + ")"
	}
	run := 1
	for i := at - 1; i > 0 && pts[i].Movement == p.Movement && pts[i].Change != nil; i-- {
		run++
	}
	if run > 1 {
		s += ", " + ordinal(run) + " " + p.Period.Kind.Word() + " " + way
	}
	return s
}

// nextRating says how many children would lift a red or amber figure to
// the next rating: "47 more counted would make it AMBER".
func nextRating(ind app.Indicator, p trend.Point) string {
	c := p.Children
	if c == nil || (p.RAG != app.Red && p.RAG != app.Amber) {
		return ""
	}
	better := func(r app.RAG) bool {
		return r == app.Green || r == app.Amber && p.RAG == app.Red
	}
	if n, r := c.More(); n > 0 && better(r) {
		return children(n, "more") + " would make it " + r.String()
	}
	if n, r := c.Fewer(); n > 0 && better(r) {
		return children(n, "fewer") + " would make it " + r.String()
	}
	return ""
}

func children(n int, way string) string {
	if n == 1 {
		return "1 " + way + " counted"
	}
	return fmt.Sprintf("%d %s counted", n, way)
}

// ordinal writes 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th, 21st.
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprint(n) + suffix
}
