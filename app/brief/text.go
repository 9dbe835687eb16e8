package brief

// The brief as text for an e-mail, and its foot on small numbers.

import (
	"fmt"
	"strings"

	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/app/disclosure"
	"scorecard/app/trend"
)

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

// maxNamed is the most indicators Foot, or a sentence of Quiet, names;
// past it, it counts them.
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

// OffCycle says, for a brief of a month, each indicator of its area whose
// figures are quarterly (or annual) with none reported in the month
// (trend.OffCycle): its latest quarter, labelled as that quarter's and
// rated as it, and when the next is due, as the pack says it under its
// scorecard. A brief that passed over it would leave a red quarter
// unsaid beside "nothing is red" (QA23c D10). "" for none. h and opt are
// those given to Items.
func OffCycle(h *app.History, opt Options) string {
	return strings.Join(OffCycleNotes(h, opt), " ")
}

// OffCycleNotes are OffCycle's sentences, one an indicator, in scorecard
// order: the pack's first page, short of room, gives as many as fit and
// counts the rest. A measure shown as published excluding the cohorts
// (cohort.Published) says so after its name, as its item would.
func OffCycleNotes(h *app.History, opt Options) []string {
	opt, ok := opt.settled(h)
	if !ok {
		return nil
	}
	shown := h
	if opt.Shown != nil {
		shown = opt.Shown
	}
	return trend.OffCycleNotes(shown, opt.Area, opt.Period, opt.Trend, func(ind app.Indicator) string {
		return cohort.Published(h, ind, opt.Area, opt.Excluded)
	})
}
