package brief

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
	"scorecard/app/cohort"
)

// Left is what a brief excluding cohorts could not assess: the
// indicators whose figure for the month cannot be worked out without the
// cohorts (app.CannotExclude), so have no rating, change or reading
// excluding them. A brief that left them out unsaid would read as an
// all-clear where the officer, without the exclusion, would see a red
// figure; so each is named, and what all children's figure says of it,
// labelled as all children's.
type Left struct {
	// Cohorts are those the brief excludes; none leaves nothing out.
	Cohorts []app.Cohort
	// Indicators are those left out: first those whose figure for all
	// children is in the brief's terms red, worsened, special cause or
	// newly flagged, most serious first, then the rest in scorecard order.
	Indicators []Unassessed
	// every says no indicator could be assessed at all.
	every bool
}

// Unassessed is one indicator a brief excluding cohorts could not assess.
type Unassessed struct {
	Ref, Name string
	// Counted is what the indicator counts: a measure of children has
	// the cohorts counted in all children's figure, a measure of schools
	// or pupils no part a cohort split could take out.
	Counted app.Counted
	// All is the indicator's item for all children, the cohorts counted:
	// nil when all children's figure has nothing the brief would list.
	// Its Line begins with the name and says which figure it is
	// (AllLabel).
	All *Item
}

// Assessed returns what a brief of h (figures excluding opt.Excluded;
// opt.Shown as circulated) leaves out: each indicator whose figure for
// opt's month in opt's area cannot be worked out without the cohorts,
// with all children's item from opt.All (opt.AllShown as circulated).
// Without opt.Excluded or opt.All nothing is left out.
func Assessed(h *app.History, opt Options) Left {
	left := Left{Cohorts: opt.Excluded}
	if len(opt.Excluded) == 0 || opt.All == nil {
		return left
	}
	opt, ok := opt.settled(h)
	if !ok {
		return left
	}
	to := opt.Trend
	to.Until, to.Details = opt.Period, true
	allShown := opt.All
	if opt.AllShown != nil {
		allShown = opt.AllShown
	}
	type ranked struct {
		u               Unassessed
		severity, order int
	}
	var out []ranked
	assessed := 0
	for i, ind := range h.Indicators() {
		k := app.SeriesKey{Ref: ind.Ref, Area: opt.Area}
		if !cannotExclude(h.Series(k), opt.Period) {
			if _, held := figureIn(h.Series(k), opt.Period); held {
				assessed++
			}
			continue
		}
		r := ranked{u: Unassessed{Ref: ind.Ref, Name: ind.Name, Counted: ind.Counts()}, order: i}
		if it, ok := itemOf(opt.All, allShown, ind, k, to, opt.AllShown != nil && opt.Suppress > 1); ok {
			it.label(AllLabel(ind, opt.Excluded))
			r.u.All, r.severity = &it, it.severity+1 // anything said before nothing
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.severity, a.severity), cmp.Compare(a.order, b.order))
	})
	for _, r := range out {
		left.Indicators = append(left.Indicators, r.u)
	}
	left.every = assessed == 0
	return left
}

// cannotExclude reports whether the figure of obs reported in month m
// cannot be worked out without the cohorts.
func cannotExclude(obs []app.Observation, m app.Period) bool {
	o, ok := figureIn(obs, m)
	return ok && o.Status == app.CannotExclude
}

// figureIn is the figure of obs reported in month m: its own, or a
// longer period's ending with it.
func figureIn(obs []app.Observation, m app.Period) (app.Observation, bool) {
	for i := len(obs) - 1; i >= 0; i-- {
		if app.ReportedIn(obs[i].Period, m) {
			return obs[i], true
		}
	}
	return app.Observation{}, false
}

// CohortWords names cohorts for a sentence: "UASC and OLA".
func CohortWords(cs []app.Cohort) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = strings.ToUpper(string(c))
	}
	return andList(names)
}

// Heading is heading (Heading's) with the count of indicators left out:
// "... (5 indicators red, worsened, special cause or newly flagged; 4
// not assessed excluding UASC)".
func (l Left) Heading(heading string) string {
	if len(l.Indicators) == 0 {
		return heading
	}
	if s, ok := strings.CutSuffix(heading, ")"); ok {
		return fmt.Sprintf("%s; %d not assessed excluding %s)", s, len(l.Indicators), CohortWords(l.Cohorts))
	}
	return heading
}

// Empty is the line a brief with no items prints: an all-clear only when
// nothing was left out.
func (l Left) Empty() string {
	switch n := len(l.Indicators); {
	case n == 0:
		return "Nothing is red, worsened, special cause or newly flagged."
	case l.allLeft():
		return fmt.Sprintf("No indicator could be assessed excluding %s, so this is not an all-clear: see below.", CohortWords(l.Cohorts))
	default:
		return fmt.Sprintf("Of the indicators that could be assessed excluding %s, none is red, worsened, special cause or newly flagged; %s could not be, so this is not an all-clear: see below.",
			CohortWords(l.Cohorts), indicators(n))
	}
}

// allLeft says no indicator with a figure for the month could be
// assessed excluding the cohorts.
func (l Left) allLeft() bool { return l.every }

// Intro is the paragraph that heads the indicators left out; "" for none.
func (l Left) Intro() string {
	if len(l.Indicators) == 0 {
		return ""
	}
	who := CohortWords(l.Cohorts)
	they, have := "they", "have"
	if len(l.Indicators) == 1 {
		they, have = "it", "has"
	}
	s := fmt.Sprintf("Not assessed excluding %s (cannot exclude): %s, whose figure for the month cannot be worked out excluding %s, so %s %s no rating, change or reading excluding them (scorecard show REF --exclude says why).",
		who, indicators(len(l.Indicators)), who, they, have)
	var children, others []Unassessed
	for _, u := range l.Indicators {
		switch {
		case u.All == nil:
		case !u.Counted.NotChildren:
			children = append(children, u)
		default:
			others = append(others, u)
		}
	}
	their, figures, say := "their", "figures", "say"
	if len(l.Indicators) == 1 {
		their, figures, say = "its", "figure", "says"
	}
	switch {
	case len(others) == 0 && len(children) > 0:
		s += fmt.Sprintf(" What %s %s for all children, %s counted, %s:", their, figures, who, say)
	case len(children) == 0 && len(others) > 0:
		s += fmt.Sprintf(" What %s %s as published %s (%s, to which no %s split applies):", their, figures, say, measuresOf(others), who)
	case len(others) > 0:
		s += fmt.Sprintf(" What their figures say, for all children, %s counted, or as published for %s, to which no %s split applies:", who, measuresOf(others), who)
	}
	return s
}

// Flagged are the all-children items of the indicators left out, most
// serious first.
func (l Left) Flagged() []Item {
	var out []Item
	for _, u := range l.Indicators {
		if u.All != nil {
			out = append(out, *u.All)
		}
	}
	return out
}

// Quiet says which indicators left out have nothing the brief would list
// in their figure for all children; "" for none. A measure of schools or
// pupils (app.Counted) is said apart, as published, since no figure of
// it has the cohorts counted.
func (l Left) Quiet() string {
	var children, others []Unassessed
	for _, u := range l.Indicators {
		switch {
		case u.All != nil:
		case !u.Counted.NotChildren:
			children = append(children, u)
		default:
			others = append(others, u)
		}
	}
	who := CohortWords(l.Cohorts)
	var out []string
	if len(children) > 0 {
		what := ""
		if len(others) > 0 {
			what = "measures of children"
		}
		out = append(out, quietSentence(children, len(l.Flagged()) > 0, what, fmt.Sprintf("for all children, %s counted", who)))
	}
	if len(others) > 0 {
		what := ""
		if len(children) > 0 {
			what = "measures of " + nounsOf(others)
		}
		out = append(out, quietSentence(others, len(l.Flagged()) > 0, what,
			fmt.Sprintf("as published (%s, to which no %s split applies)", measuresOf(others), who)))
	}
	return strings.Join(out, " ")
}

// quietSentence says of us that nothing in them is red, worsened, special
// cause or newly flagged in the figures label names, in English for one,
// two or more, naming them up to maxNamed and counting them past it
// ("the other 10", "the other 10 measures of children" where what says
// which; "other" only when others were listed before them).
func quietSentence(us []Unassessed, after bool, what, label string) string {
	const not = "red, worsened, special cause or newly flagged"
	names := make([]string, len(us))
	for i, u := range us {
		names[i] = u.Name
	}
	switch n := len(us); {
	case n == 1:
		return fmt.Sprintf("%s is not %s %s.", names[0], not, label)
	case n == 2:
		return fmt.Sprintf("Neither %s nor %s is %s %s.", names[0], names[1], not, label)
	case n <= maxNamed:
		return fmt.Sprintf("None of %s is %s %s.", andList(names), not, label)
	default:
		many := fmt.Sprint(n)
		if what != "" {
			many += " " + what
		}
		if after {
			return fmt.Sprintf("The other %s are not %s %s.", many, not, label)
		}
		return fmt.Sprintf("None of the %s is %s %s.", many, not, label)
	}
}

// AllLabel says which figure of ind a brief excluding cohorts cs gives
// when it cannot be worked out excluding them: all children's, the
// cohorts counted, or for a measure that does not count children
// (app.Indicator.Counts: schools, pupils, staff) the figure as published,
// which no cohort split applies to. "for all children, UASC counted";
// "a measure of schools, shown as published (no UASC split applies)".
func AllLabel(ind app.Indicator, cs []app.Cohort) string {
	return labelFor(ind.Counts(), cs)
}

func labelFor(c app.Counted, cs []app.Cohort) string {
	if !c.NotChildren {
		return "for all children, " + CohortWords(cs) + " counted"
	}
	return cohort.AsPublished(c, cs)
}

// measuresOf names what us count: "a measure of schools", "measures of
// schools and pupils".
func measuresOf(us []Unassessed) string {
	if len(us) == 1 {
		return "a measure of " + us[0].Counted.Noun
	}
	return "measures of " + nounsOf(us)
}

// nounsOf names, once each and in order, what us count: "schools and
// pupils".
func nounsOf(us []Unassessed) string {
	var nouns []string
	for _, u := range us {
		if !slices.Contains(nouns, u.Counted.Noun) {
			nouns = append(nouns, u.Counted.Noun)
		}
	}
	return andList(nouns)
}

func indicators(n int) string {
	if n == 1 {
		return "1 indicator"
	}
	return fmt.Sprintf("%d indicators", n)
}
