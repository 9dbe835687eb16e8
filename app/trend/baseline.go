package trend

import (
	"fmt"
	"slices"

	"scorecard/app"
)

// CheckChartSetting refuses a baseline or rebase s of a series (obs, in
// period order) whose settings are plan, where it would leave the
// baseline fewer figures in its chart than an XmR chart needs
// (MinBaseline, as Making Data Count's tools warn below): saved, it would
// leave that whole chart, not just the baseline, with no mean, limits or
// signals. A financial year of months is one short. A baseline counts in
// the chart holding its start (plan.go), so a rebase within it cuts it
// short: 17 months from January with a rebase in December left 11, and
// the chart before the rebase said "too few points" with nothing said
// (the SPC campaign's F1). Other settings pass. The command line and the
// window both ask it.
func CheckChartSetting(obs []app.Observation, s app.ChartSetting, plan app.ChartPlan) error {
	switch s.Kind {
	case app.SetBaseline:
		if n, span, cut, ok := baselineFigures(obs, s, plan.Rebases); !ok {
			if !cut.IsZero() {
				span += " (its chart ends at the rebase at " + cut.Label() + ")"
			}
			return fmt.Errorf("%s: a baseline needs at least %d points; %s has %d", s.Ref, MinBaseline, span, n)
		}
	case app.SetRebase:
		if plan.Baseline == nil {
			return nil
		}
		b := *plan.Baseline
		if _, _, _, ok := baselineFigures(obs, b, plan.Rebases); !ok {
			return nil // short already: the rebase shortens nothing that had a chart
		}
		if n, span, _, ok := baselineFigures(obs, b, append(slices.Clone(plan.Rebases), s)); !ok {
			return fmt.Errorf("%s: a rebase at %s would leave the baseline %d points in its chart, %s, where a baseline needs at least %d: rebase after the baseline ends, or set a baseline within one chart first",
				s.Ref, s.From.Label(), n, span, MinBaseline)
		}
	}
	return nil
}

// baselineFigures counts the figures of obs in the baseline b within the
// chart holding its start, which ends at cut, the first of rebases after
// it (zero for none), with the span counted; ok says they are enough.
func baselineFigures(obs []app.Observation, b app.ChartSetting, rebases []app.ChartSetting) (n int, span string, cut app.Period, ok bool) {
	to := b.To
	for _, r := range rebases {
		if r.From.Kind == b.From.Kind && r.From.Compare(b.From) > 0 && (to.IsZero() || r.From.Compare(to) <= 0) && (cut.IsZero() || r.From.Compare(cut) < 0) {
			cut = r.From
		}
	}
	if !cut.IsZero() {
		to = cut.Add(-1)
	}
	last := to
	for _, o := range obs {
		if o.Period.Kind != b.From.Kind || o.Period.Compare(b.From) < 0 || !to.IsZero() && o.Period.Compare(to) > 0 {
			continue
		}
		if o.Value != nil && o.Status == app.OK {
			n++
		}
		if to.IsZero() && (last.IsZero() || o.Period.Compare(last) > 0) {
			last = o.Period
		}
	}
	span = b.From.Label() + " to " + last.Label()
	if last.IsZero() {
		span = "from " + b.From.Label()
	}
	return n, span, cut, n >= MinBaseline
}
