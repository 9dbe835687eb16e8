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
	"scorecard/app/cohort"
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
	// Overdue: a quarter's (year's) figure not in by the month it was
	// due, listed while flags has it missing (trend.OffCycle.Overdue),
	// after the month it was newly flagged in.
	Overdue = "overdue"
)

// Item is one indicator's line of the brief.
type Item struct {
	Ref  string
	Name string
	// Why lists the reasons it is in the brief: Red, Worsened,
	// SpecialCause, NewlyFlagged, in that order; or Overdue alone.
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

// label says after the item's name which figure its line gives: "for
// all children, UASC counted", "a measure of schools, shown as published
// (no UASC split applies)".
func (it *Item) label(which string) {
	it.Line = it.Name + ": " + which + ": " + strings.TrimPrefix(it.Line, it.Name+": ")
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
	opt, ok := opt.settled(h)
	if !ok {
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
			if w := cohort.Published(h, ind, opt.Area, opt.Excluded); w != "" {
				// Its figure is the one published, not one worked out
				// without the cohorts: said, as for one left out.
				it.label(w)
			}
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
	m := to.Until
	// A year reported in m that ends after it (2024/25 AY in 2024/25)
	// is analysed to its own end, or m's column would lose it.
	to.Until = shown.AnalysedUntil(k, m)
	pts := trend.Analyse(shown, k, to)
	at := pointAt(pts, m)
	if at < 0 {
		// No figure for m (a blank cell, or a quarter not in by the
		// month it was due), yet flags has it missing: an exception,
		// as a figure marked "tbc" is (QA26b S2, QA27a 4).
		if f, ok := trend.MissingFlag(shown, k, m, to); ok {
			return missingItem(ind, f, m), true
		}
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

// Heading is the brief's heading over items: "Exceptions: Kent, October
// 2026, excluding UASC (12 indicators red, worsened, special cause or
// newly flagged)", "or overdue" added where an item is in it only for a
// figure Overdue, which the count would otherwise misname.
func Heading(area app.Area, p app.Period, cohort string, items []Item) string {
	when := p.Label()
	if p.Kind == app.Month {
		when = p.Start().Format("January 2006")
	}
	s := fmt.Sprintf("Exceptions: %s, %s", area, when)
	if cohort != "" {
		s += ", " + cohort
	}
	word := "indicators"
	if len(items) == 1 {
		word = "indicator"
	}
	return fmt.Sprintf("%s (%d %s %s)", s, len(items), word, Listed(items))
}

// Listed says what items are listed for: "red, worsened, special cause
// or newly flagged", with "or overdue" where one is listed only for a
// figure Overdue.
func Listed(items []Item) string {
	if slices.ContainsFunc(items, func(it Item) bool { return slices.Contains(it.Why, Overdue) }) {
		return "red, worsened, special cause, newly flagged or overdue"
	}
	return "red, worsened, special cause or newly flagged"
}

// settled gives opt the area and month h is briefed for where opt names
// none (the authority whose figures h holds, h's latest period), and
// reports whether h has a period to brief at all.
func (opt Options) settled(h *app.History) (Options, bool) {
	if opt.Area == "" {
		opt.Area = app.AuthorityOf(h).Area()
	}
	if opt.Period.IsZero() {
		opt.Period = h.Latest()
	}
	return opt, !opt.Period.IsZero()
}
