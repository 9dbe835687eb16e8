package main

import (
	"cmp"
	"fmt"
	"strings"
	"text/tabwriter"

	"scorecard/app"
	"scorecard/app/trend"
)

// printRankedFlags writes the flags as a committee reads them: ranked by
// what matters, grouped by indicator with a count of each kind, the
// minor flags (a district's small numbers, gaps and revisions) counted
// rather than listed. In JSON, every flag, ranked, each with its rank.
//
// left, under an exclusion, are the indicators that could not be
// assessed without the cohorts: with any, no flags is not an all-clear,
// and is not said as one.
//
// withheld says whether a flag gives a figure the release for
// circulation withholds: its JSON says so, and its text marks it, marked
// saying whether any was. as says which figure a flag gives where it is
// the one published (publishedAs): its JSON's "published"; its text says
// it after the indicator's name where all the indicator's flags share it
// (groupLabel), otherwise before each detail listed.
func printRankedFlags(e *env, h *app.History, p app.Period, flags []trend.Flag, left leftFlags, withheld func(trend.Flag) bool, as func(trend.Flag) string) (marked bool, err error) {
	ranked := trend.Rank(flags)
	if e.json {
		out := make([]markedRankedFlag, len(ranked))
		for i, f := range ranked {
			out[i] = markedRankedFlag{f, withheld(f.Flag), as(f.Flag)}
		}
		return false, writeJSON(e, out)
	}
	if len(ranked) == 0 {
		if len(left.refs) > 0 {
			fmt.Fprintf(e.out, "No flags for the indicators that could be assessed excluding %s.\n", left.who)
			return false, nil
		}
		fmt.Fprintln(e.out, "No flags.")
		return false, nil
	}
	auth, err := loadAuthority(e)
	if err != nil {
		return false, err
	}
	total := map[string]int{}
	for _, f := range ranked {
		total[f.Kind]++
	}
	noun := "flags"
	if len(ranked) == 1 {
		noun = "flag"
	}
	fmt.Fprintf(e.out, "%d %s for %s: %s (most important first; scorecard flags --all lists every one in scorecard order)\n",
		len(ranked), noun, p.Label(), kindCounts(total))
	for _, g := range trend.Group(ranked) {
		name := g.Ref
		if ind, ok := h.Indicator(g.Ref); ok && ind.Name != "" {
			name += " " + ind.Name
		}
		detailAs := as
		if label := groupLabel(g, as); label != "" {
			name += ": " + label
			detailAs = noLabel
		}
		fmt.Fprintf(e.out, "\n%s: %s\n", name, kindCounts(g.Counts))
		// The county's flags in full; the districts' signals and rating
		// changes by name; everything else counted.
		tw := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
		districts := map[string][]string{}
		minor := map[string]int{}
		nMinor := 0
		for _, f := range g.Flags {
			switch {
			case !trend.Major(f.Flag):
				minor[f.Kind]++
				nMinor++
			case f.Area == auth.Area():
				fmt.Fprintf(tw, "  %s\t%s\t%s\n", f.Area, f.Kind, markedDetail(f.Flag, withheld, detailAs, &marked))
			default:
				districts[f.Kind] = append(districts[f.Kind], string(f.Area))
			}
		}
		tw.Flush()
		for _, k := range trend.KindOrder {
			if as := districts[k]; len(as) > 0 {
				fmt.Fprintf(e.out, "  %s in %d other areas: %s\n", kindWords(k), len(as), strings.Join(as, ", "))
			}
		}
		// Where every flag is minor, the indicator's line has counted them.
		if nMinor > 0 && nMinor < len(g.Flags) {
			fmt.Fprintf(e.out, "  and %d more: %s\n", nMinor, kindCounts(minor))
		}
	}
	return marked, nil
}

// markedFlag is a flag as flags --all --json writes it: marked where it
// gives a figure the release for circulation withholds, and saying which
// figure it gives where that is the one published (publishedAs).
type markedFlag struct {
	trend.Flag
	NotForCirculation bool   `json:"not_for_circulation,omitempty"`
	Published         string `json:"published,omitempty"`
}

// markedRankedFlag is markedFlag as flags --json writes it, ranked.
type markedRankedFlag struct {
	trend.RankedFlag
	NotForCirculation bool   `json:"not_for_circulation,omitempty"`
	Published         string `json:"published,omitempty"`
}

// markedDetail is f's detail as the text of flags gives it
// (labelledDetail), marked not for circulation where withheld says it
// gives a withheld figure, which sets *marked.
func markedDetail(f trend.Flag, withheld func(trend.Flag) bool, as func(trend.Flag) string, marked *bool) string {
	d := labelledDetail(f, as)
	if !withheld(f) {
		return d
	}
	*marked = true
	return d + " " + notForCirculation
}

// kindCounts writes counts of flags by kind: "2 special cause, 1 RAG change".
func kindCounts(counts map[string]int) string {
	var parts []string
	for _, k := range trend.KindOrder {
		if n := counts[k]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, kindWords(k)))
		}
	}
	for k, n := range counts {
		if !contains(trend.KindOrder, k) {
			parts = append(parts, fmt.Sprintf("%d %s", n, k))
		}
	}
	return strings.Join(parts, ", ")
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// kindWords says a kind of flag in words.
func kindWords(kind string) string {
	switch kind {
	case trend.SpecialCause:
		return "special cause"
	case trend.RAGChange:
		return "RAG change"
	case trend.DoTReversal:
		return "direction reversed"
	case trend.Revised:
		return "revised"
	case trend.Definition:
		return "definition changed"
	case trend.DoTDisagrees:
		return "source arrow differs"
	case trend.ExcludingDisagrees:
		return "source's excluding figure differs"
	case trend.FiguresDisagree:
		return "two figures for the period differ"
	case trend.CannotExclude:
		return "cannot exclude (flags without the exclusion)"
	case trend.MissingMonth:
		return "missing"
	case trend.SmallNumbers:
		return "small numbers"
	}
	return kind
}

func runFlags(e *env, args []string) error {
	if len(args) != 0 {
		return usagef("flags takes no arguments")
	}
	if e.suppress < 0 {
		return usagef("--suppress takes a count, e.g. 5")
	}
	v, err := loadView(e)
	if err != nil {
		return err
	}
	if !v.period.IsZero() {
		ps := v.h.Periods()
		if len(ps) == 0 {
			return fmt.Errorf("%s: no figures to flag", e.db)
		}
		asked := v.period
		var read bool
		if v.period, read = v.h.ReportingPeriod(asked); read {
			sayNote(e, app.ReadAsNote(asked, v.period))
		}
		if k := ps[0].Kind; v.period.Kind != k {
			return usagef("--period: the store's figures are by %s; %s", k.Noun(), app.MonthAdvice(k, v.period, ps[len(ps)-1]))
		}
		if v.period.Compare(ps[0]) < 0 || v.period.Compare(ps[len(ps)-1]) > 0 {
			return fmt.Errorf("%s: no figures for %s (the store holds %s to %s)", e.db, v.period.Label(), ps[0].Label(), ps[len(ps)-1].Label())
		}
	}
	if v.period.IsZero() {
		noteShortfall(e, v.h, v.h.Latest())
	}
	flags, revs := trend.FlagsRevising(v.h, v.period, analysisOptions(), func(k app.SeriesKey, q app.Period) string {
		return v.disagrees[figure{k, q}]
	})
	noteOffCycle(e, v)
	left := cannotExcludeFlags(v, analysisOptions())
	flags = mergeFlags(v.h, flags, left.flags)
	all, ex := releaseOf(v, e.suppress)
	revAt := revisionsAt(revs)
	withheld := func(f trend.Flag) bool {
		if f.Kind == trend.CannotExclude {
			return flagWithheld(all, f, nil, e.suppress) // all children's flags
		}
		return flagWithheld(ex, f, revAt, e.suppress)
	}
	as := publishedAs(v)
	if !e.all {
		// The headline names the period flagged, asked or the latest, as
		// the brief's does: not the first flag's, which a missing year
		// beside quarters made "4 flags for 2024/25" (QA30 finding 15).
		marked, err := printRankedFlags(e, v.h, cmp.Or(v.period, v.h.Latest()), flags, left, withheld, as)
		if err != nil {
			return err
		}
		if err := printLeft(e, v, left); err != nil {
			return err
		}
		if marked {
			_, err = fmt.Fprintf(e.out, "\n%s\n", notForCirculationNote(e.suppress))
		}
		return err
	}
	if e.json {
		out := make([]markedFlag, len(flags))
		for i, f := range flags {
			out[i] = markedFlag{f, withheld(f), as(f)}
		}
		return writeJSON(e, out)
	}
	tw := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "REF\tAREA\tPERIOD\tKIND\tDETAIL")
	marked := false
	for _, f := range flags {
		ind, _ := v.h.Indicator(f.Ref) // its year-to-date or rolling quarters' months (app.Indicator.PeriodLabel)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", f.Ref, f.Area, indicatorPeriodCell(ind, f.Period), f.Kind, markedDetail(f, withheld, as, &marked))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if marked {
		fmt.Fprintln(e.out, notForCirculationNote(e.suppress))
	}
	return nil
}

// noteOffCycle says, of v's report of its period (zero: the latest), each
// indicator of its area whose figures are quarterly (or annual) with none
// reported in the period: its latest quarter, as that quarter's, and when
// the next is due, as the pack says it under its scorecard
// (trend.OffCycle), a measure shown as published saying so. Flags of the
// period have none of it, which unsaid reads as nothing to flag (QA23c
// D10).
func noteOffCycle(e *env, v *view) {
	p := v.period
	if p.IsZero() {
		p = v.h.Latest()
	}
	for _, n := range trend.OffCycleNotes(v.h, v.area, p, analysisOptions(), publishedNotes(v)) {
		fmt.Fprintf(e.errOut, "note: %s\n", n)
	}
}
