package brief

// What changed in figures and definitions already circulated: members
// who had last month's pack must not see 631 become 645, or a RED turn
// GREEN under a new polarity, with nothing said (QA27a 2, 3).

import (
	"fmt"
	"strings"

	"scorecard/app"
	"scorecard/app/disclosure"
	"scorecard/app/trend"
)

// RevisionsHeading introduces the brief's lines on what changed since
// the figures were last circulated.
const RevisionsHeading = "Changed since figures were last circulated:"

// Revisions returns a line for each figure, target or definition of the
// area the month's revised and definition flags name (trend.Revisions,
// the one place revisions are found). A district's brief lists its own
// figures and every target and definition changed, which rate its
// figures as they do the authority's; the authority's brief ends with
// how many districts' figures were revised, each listed in its own
// brief: "SG01 Children subject to a child
// protection plan: May-25 revised from 631 to 645 (m03.xlsx, import
// I0003)". A brief for circulation (opt.Shown) gives no figure the
// release withholds, and no earlier figure that would undo it
// (disclosure.RevisedFromShown): it says the figure was revised and that
// the figures are withheld. Where the store records what was circulated,
// a figure is revised against the one the last output showing it gave;
// an indicator retired since its figure went out is named so: "SG07
// Children missing from care (retired from Jun-25): May-25 revised from
// 12 to 14 (m06.xlsx, import I0003)". h and opt are those given to Items.
func Revisions(h *app.History, opt Options) []string {
	opt, ok := opt.settled(h)
	if !ok {
		return nil
	}
	shown := h
	if opt.Shown != nil {
		shown = opt.Shown
	}
	var out []string
	auth := app.AuthorityOf(h)
	district := auth.IsDistrict(opt.Area)
	districts := map[app.Area]bool{}
	// Like with like: figures excluding UASC against the last output of
	// figures excluding UASC (RevisionsAgainst says which).
	for _, r := range trend.Revisions(h.CirculatedExcluding(opt.Excluded), opt.Period, opt.Trend) {
		switch {
		case r.Standing:
			continue
		case r.Key.Area == opt.Area:
		case district && (r.Target != nil || r.Definition != nil):
			// Said once, on the authority's series, but the
			// district's figures are rated by them too.
			r = r.InArea(h, opt.Area)
		default:
			if opt.Area == auth.Area() && auth.IsDistrict(r.Key.Area) {
				districts[r.Key.Area] = true
			}
			continue
		}
		ind, _ := h.Indicator(r.Key.Ref)
		out = append(out, revisionLine(h, shown, opt, ind, r))
	}
	if n := len(districts); n > 0 {
		out = append(out, districtsRevised(n, len(out) > 0))
	}
	return out
}

// districtsRevised says, in the authority's brief, that n districts'
// figures were revised too, without listing each (the districts' own
// briefs and packs do): "and 3 districts' figures, each listed in its
// district's brief (scorecard brief --area NAME)".
func districtsRevised(n int, after bool) string {
	s := fmt.Sprintf("%d districts' figures", n)
	if n == 1 {
		s = "1 district's figures"
	}
	if after {
		s = "and " + s
	}
	return s + ", each listed in its district's brief and pack (scorecard brief --area NAME, scorecard export --area NAME)"
}

// RevisionsText is Revisions as a paragraph of the brief's text, headed
// by RevisionsHeading and what they are against (RevisionsAgainst); ""
// for none.
func RevisionsText(h *app.History, opt Options) string {
	lines := Revisions(h, opt)
	if len(lines) == 0 {
		return ""
	}
	head := RevisionsHeading
	if against := RevisionsAgainst(h, opt); against != "" {
		head += "\n" + against
	}
	return head + "\n- " + strings.Join(lines, ".\n- ") + "."
}

// RevisionsAgainst says which output Revisions compares the figures
// with, where the store records what was circulated: the last output
// of figures excluding the same cohorts as these ("Against the May-26
// workbook may.xlsx, excluding UASC, recorded as circulated on 3 Jun
// 2026."), or, where none of them was recorded but another was, that the
// changes are counted from the imports before, as without a record. ""
// where nothing was recorded before the report.
func RevisionsAgainst(h *app.History, opt Options) string {
	opt, ok := opt.settled(h)
	if !ok {
		return ""
	}
	if c, ok := trend.LastCirculated(h.CirculatedExcluding(opt.Excluded), opt.Period); ok {
		return "Against " + c.Words() + "."
	}
	c, ok := trend.LastCirculated(h, opt.Period)
	if !ok {
		return ""
	}
	who := app.Excluding(opt.Excluded...).Label()
	return fmt.Sprintf("No output of these figures (%s) was recorded as circulated before: the last, %s, gave other figures, so changes are counted from the imports before.",
		strings.ToLower(who[:1])+who[1:], c.Words())
}

// revisionLine says r as a line of the brief.
func revisionLine(h, shown *app.History, opt Options, ind app.Indicator, r trend.Revision) string {
	lead := ind.Ref + " " + ind.Name + ": "
	if !r.RetiredFrom.IsZero() {
		// Left out of the scorecard now, but members had the figure.
		lead = ind.Ref + " " + ind.Name + " (retired from " + r.RetiredFrom.Label() + "): "
	}
	from := " (" + importWords(h, r.Import) + ")"
	switch {
	case r.Definition != nil:
		return ind.Ref + " " + ind.Name + ": " + strings.TrimPrefix(r.Detail, ind.Ref+" ")
	case r.Target != nil:
		return lead + r.Detail + from
	}
	when := r.Period.Label()
	detail := r.Detail
	if !strings.HasPrefix(detail, when+" ") {
		detail = when + " " + detail // the month's own figure's flag names no month
	}
	now, ok := shown.Observation(r.Key, r.Period)
	if !ok || now.Status == app.Suppressed {
		// The figure is withheld as circulated: that it changed is said,
		// no figure of it.
		if r.Late {
			return lead + when + " given late; figure withheld (small numbers)" + from
		}
		return lead + when + " revised; figures withheld (small numbers)" + from
	}
	if opt.Shown != nil && r.Now.Import != "" && r.Now.Import != now.Import && !disclosure.RevisedFromShown(h, shown, r.Key, r.Period, r.Now, opt.Suppress) {
		// A past month's brief says the figure as its circulation
		// gave it, which a later import has since revised: never one
		// a release withholds (trend.Revisions).
		if r.Late {
			return lead + when + " given late; figure withheld (small numbers), since revised" + from
		}
		return lead + when + " revised; figures withheld (small numbers), since revised" + from
	}
	if !r.Late && opt.Shown != nil && !disclosure.RevisedFromShown(h, shown, r.Key, r.Period, r.Was, opt.Suppress) {
		return lead + when + " revised to " + valueWords(ind, now) + "; the earlier figure is withheld (small numbers)" + from
	}
	// The flag's words: both figures to as many places as tell them
	// apart.
	return lead + detail + from
}

// valueWords writes a figure as the brief does, or its status ("c",
// "tbc") where it has none.
func valueWords(ind app.Indicator, o app.Observation) string {
	switch {
	case o.Value != nil:
		return app.FormatValue(ind, *o.Value)
	case o.Raw != "":
		return o.Raw
	case o.Status != app.OK:
		return o.Status.String()
	}
	return "no figure"
}

// importWords names an import by its file and ID: "m03.xlsx, import
// I0003".
func importWords(h *app.History, id string) string {
	for _, im := range h.Imports {
		if im.ID == id && im.Source != "" {
			return im.Source + ", import " + id
		}
	}
	return "import " + id
}
