// Package brief writes the exceptions brief: the first page of the
// committee pack and a text to paste into an e-mail. It lists every
// indicator that is red, worsened, special cause or newly flagged in a
// month, one plain-English line each, most serious first, with the
// small-number caveat where one or two children change the rating:
//
//	EHCPs issued within 20 weeks: 38.6% (RED), down 1.3 pp (worsened), 8th month falling; 47 more counted would make it AMBER
//
// Every judgement in it comes from package trend, analysed as at the
// month, so the brief says what `scorecard show` and `scorecard flags`
// say.
//
// A brief for circulation (Options.Shown) says only what the export
// circulates: it is worked out from the figures with small numbers
// withheld (package disclosure), as the export's are, so a withheld
// figure is "c" and no change, count of children or trend lets it be
// worked out. A withheld figure that is red, worsened or special cause
// is still listed, by its rating and in words, so that suppression never
// reads as an all-clear.
package brief

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
	"scorecard/app/disclosure"
	"scorecard/app/trend"
)

// Options say which month and area the brief is for.
type Options struct {
	Period app.Period // zero = the history's latest month
	Area   app.Area   // zero = the authority whose figures h holds (app.AuthorityOf)
	// Trend sets the analysis's windows and thresholds; zero takes its
	// defaults, as `scorecard show` does.
	Trend trend.Options
	// Shown, when set, is the history's figures as circulated, small
	// numbers withheld (disclosure.Release's, released at Suppress). The
	// brief then shows and analyses Shown's figures, as the export does,
	// and reads the history given to Items only for what it says, in
	// words, of a figure Shown withholds. Nil shows every figure.
	Shown *app.History
	// Suppress is the threshold Shown was released at: counts below it
	// are withheld; 1 or less withholds none. Foot says it.
	Suppress int
	// Excluded are the cohorts the history's figures exclude, and All
	// all children's figures (before suppression; AllShown as
	// circulated, released with Shown). With them, Assessed says which
	// indicators could not be worked out without the cohorts, and what
	// all children's figures say of them.
	Excluded      []app.Cohort
	All, AllShown *app.History
}

// Why an indicator is in the brief; an item may have several reasons.
const (
	Red          = "red"
	Worsened     = "worsened"
	SpecialCause = "special cause"
	NewlyFlagged = "newly flagged"
)

// Item is one indicator's line of the brief.
type Item struct {
	Ref  string
	Name string
	// Why lists the reasons it is in the brief: Red, Worsened,
	// SpecialCause, NewlyFlagged, in that order.
	Why  []string
	RAG  app.RAG
	Line string // the plain-English line, beginning with the name
	// Caveat is the small-number warning, "" for none: how many children
	// change the rating, and what one child is worth.
	Caveat string
	// Point is the indicator's analysed point for the month.
	Point trend.Point
	// Withheld says the figure is withheld for small numbers: Line gives
	// its rating and why it is in the brief, but no figure, and Point is
	// the point as circulated (c).
	Withheld bool

	severity, order int
}

// Text is the item as one line of text, its caveat after it.
func (it Item) Text() string {
	if it.Caveat == "" {
		return it.Line
	}
	return it.Line + ". Small numbers: " + it.Caveat
}

// Items returns the brief's items for h (whose All series are the
// figures reported, any cohorts already excluded; with opt.Shown, before
// suppression) in opt's month and area, most serious first: red and worsened, red, special cause of
// concern, worsened, newly flagged, then improving signals; ties in
// scorecard order.
func Items(h *app.History, opt Options) []Item {
	if opt.Area == "" {
		opt.Area = app.AuthorityOf(h).Area()
	}
	if opt.Period.IsZero() {
		opt.Period = h.Latest()
	}
	if opt.Period.IsZero() {
		return nil
	}
	to := opt.Trend
	to.Until, to.Details = opt.Period, true
	shown := h
	if opt.Shown != nil {
		shown = opt.Shown
	}
	var out []Item
	for i, ind := range shown.Indicators() {
		k := app.SeriesKey{Ref: ind.Ref, Area: opt.Area}
		if it, ok := itemOf(h, shown, ind, k, to, opt.Shown != nil && opt.Suppress > 1); ok {
			it.order = i
			out = append(out, it)
		}
	}
	slices.SortStableFunc(out, func(a, b Item) int {
		return cmp.Or(cmp.Compare(b.severity, a.severity), cmp.Compare(a.order, b.order))
	})
	return out
}

// itemOf is ind's item in series k of shown (h's figures as circulated,
// or h itself), analysed to.Until, reporting false when it has nothing to
// report or no point then. A figure shown withholds is said by its rating
// in h, without the figure.
func itemOf(h, shown *app.History, ind app.Indicator, k app.SeriesKey, to trend.Options, suppressed bool) (Item, bool) {
	pts := trend.Analyse(shown, k, to)
	at := pointAt(pts, to.Until)
	if at < 0 {
		return Item{}, false
	}
	if shown != h && slices.Contains(disclosure.Withheld(h.Series(k), shown.Series(k)), pts[at].Period) {
		return withheldItem(ind, trend.Analyse(h, k, to), pts[at])
	}
	return item(ind, pts, at, suppressed)
}

// pointAt finds the point reported in period m: its own, or that of a
// longer period ending with it (a year in its last month or quarter); -1
// for none.
func pointAt(pts []trend.Point, m app.Period) int {
	for i := len(pts) - 1; i >= 0; i-- {
		p := pts[i].Period
		if app.ReportedIn(p, m) {
			return i
		}
		if p.Start().Before(m.Start()) {
			break
		}
	}
	return -1
}

// reasons says why the point at pts[at] is in the brief, how serious that
// is, and which of its flags (indexes into its Flags) were not raised
// the period before.
func reasons(pts []trend.Point, at int) (why []string, severity int, fresh []int) {
	p := pts[at]
	for i, kind := range p.Flags {
		if at == 0 || !slices.Contains(pts[at-1].Flags, kind) {
			fresh = append(fresh, i)
		}
	}
	if p.RAG == app.Red {
		why = append(why, Red)
		severity += 8
	}
	if p.DoT == app.Worsened {
		why = append(why, Worsened)
		severity += 2
	}
	if p.Signal.IsSpecial() {
		why = append(why, SpecialCause)
		if p.Signal == trend.SpecialConcerning {
			severity += 4
		}
	}
	if len(fresh) > 0 {
		why = append(why, NewlyFlagged)
		severity++
	}
	return why, severity, fresh
}

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
	s := ind.Name + ": " + string(app.Suppressed)
	if p.RAG != app.NoRAG {
		s += " (" + string(p.RAG) + ")"
	}
	s += ", figure withheld (small numbers), so no figure, change or count of children is given; " + andList(why) + " this " + periodWord(p.Period.Kind)
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
		more = append(more, "new this "+periodWord(p.Period.Kind)+": "+detail)
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
	case p.Value != nil && p.Status == app.OK:
		s = app.FormatValue(ind, *p.Value)
	case p.Status != app.OK:
		s = p.Status.Describe()
		if s == "" {
			s = string(p.Status)
		}
	default:
		s = "no figure"
	}
	if p.RAG != app.NoRAG {
		s += " (" + string(p.RAG) + ")"
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
		s += ", " + ordinal(run) + " " + periodWord(p.Period.Kind) + " " + way
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
		return children(n, "more") + " would make it " + string(r)
	}
	if n, r := c.Fewer(); n > 0 && better(r) {
		return children(n, "fewer") + " would make it " + string(r)
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

func periodWord(k app.PeriodKind) string {
	switch k {
	case app.Month:
		return "month"
	case app.Quarter:
		return "quarter"
	}
	return "year"
}

// Text writes the brief as plain text for an e-mail: a heading (with
// left's count), then one paragraph per item, each beginning with a dash,
// then what left could not assess and all children's figures for it,
// then each of the notes (such as Foot's) as a paragraph of its own.
// With no items it says nothing is red only when nothing was left out.
func Text(heading string, items []Item, left Left, notes ...string) string {
	var b strings.Builder
	b.WriteString(left.Heading(heading))
	b.WriteString("\n\n")
	if len(items) == 0 {
		b.WriteString(left.Empty() + "\n")
	}
	for _, it := range items {
		b.WriteString("- ")
		b.WriteString(it.Text())
		b.WriteString(".\n")
	}
	if intro := left.Intro(); intro != "" {
		b.WriteString("\n" + intro + "\n")
		for _, it := range left.Flagged() {
			b.WriteString("- ")
			b.WriteString(it.Text())
			b.WriteString(".\n")
		}
		if q := left.Quiet(); q != "" {
			b.WriteString(q + "\n")
		}
	}
	for _, n := range notes {
		if n != "" {
			b.WriteString("\n")
			b.WriteString(n)
			b.WriteString("\n")
		}
	}
	return b.String()
}

// Foot says, for the foot of a brief for circulation, which small-number
// threshold it applied, and names the indicators whose changes, trends
// and SPC readings leave out figures withheld up to the month, so differ
// from the app's; "" for a brief that is not for circulation (no
// Options.Shown). h and opt are those given to Items.
func Foot(h *app.History, opt Options) string {
	if opt.Shown == nil {
		return ""
	}
	if opt.Suppress <= 1 {
		// A figure the source withheld stays withheld at any threshold
		// (disclosure.Release), so "no figure is withheld" would be untrue.
		return fmt.Sprintf("Small numbers: no threshold applied, so counts of 1 to %d children are shown; only figures the source withheld are c, with any that would let one be worked out. Check before circulating.",
			disclosure.DefaultThreshold-1)
	}
	counts := fmt.Sprintf("counts of 1 to %d children", opt.Suppress-1)
	if opt.Suppress == 2 {
		counts = "counts of 1 child"
	}
	s := fmt.Sprintf("Small numbers: %s, and figures that would let one be worked out, are withheld (c), as in the export (threshold %d). "+
		"Changes, trends and SPC readings are worked out from the figures shown, so that no withheld figure can be worked out from them", counts, opt.Suppress)
	changed := Changed(h, opt)
	switch {
	case len(changed) == 0:
		return s + "."
	case len(changed) > maxNamed:
		return fmt.Sprintf("%s; for %d indicators that leaves figures out, so their readings may differ from the app's, which uses every figure.", s, len(changed))
	}
	return fmt.Sprintf("%s; for %s that leaves figures out, so their readings may differ from the app's, which uses every figure.", s, andList(changed))
}

// maxNamed is the most indicators Foot names; past it, it counts them.
const maxNamed = 6

// Changed returns the names of the indicators whose analysis as
// circulated (opt.Shown) leaves out figures of the area withheld for
// small numbers in or before the month: their changes, trends and SPC
// limits are worked out without them, and may differ from the app's.
func Changed(h *app.History, opt Options) []string {
	if opt.Shown == nil {
		return nil
	}
	if opt.Area == "" {
		opt.Area = app.AuthorityOf(h).Area()
	}
	if opt.Period.IsZero() {
		opt.Period = h.Latest()
	}
	end := opt.Period.End()
	var out []string
	for _, ind := range opt.Shown.Indicators() {
		k := app.SeriesKey{Ref: ind.Ref, Area: opt.Area}
		for _, p := range disclosure.Withheld(h.Series(k), opt.Shown.Series(k)) {
			if !p.End().After(end) {
				out = append(out, ind.Name)
				break
			}
		}
	}
	return out
}

// Heading is the brief's heading: "Exceptions: Kent, October 2026,
// excluding UASC (12 indicators)".
func Heading(area app.Area, p app.Period, cohort string, n int) string {
	when := p.Label()
	if p.Kind == app.Month {
		when = p.Start().Format("January 2006")
	}
	s := fmt.Sprintf("Exceptions: %s, %s", area, when)
	if cohort != "" {
		s += ", " + cohort
	}
	word := "indicators"
	if n == 1 {
		word = "indicator"
	}
	return fmt.Sprintf("%s (%d %s red, worsened, special cause or newly flagged)", s, n, word)
}
