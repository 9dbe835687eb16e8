package trend

import (
	"fmt"

	"scorecard/app"
)

// CheckBaseline refuses a baseline setting s that holds fewer figures of
// obs (one series, in period order) than an XmR chart needs (MinBaseline,
// as Making Data Count's tools warn below): saved, it would leave the
// whole chart, not just the baseline, with no mean, limits or signals. A
// financial year of months is one short. The command line and the window
// both ask it.
func CheckBaseline(obs []app.Observation, s app.ChartSetting) error {
	n := 0
	last := s.To
	for _, o := range obs {
		if o.Period.Kind != s.From.Kind || o.Period.Compare(s.From) < 0 || !s.To.IsZero() && o.Period.Compare(s.To) > 0 {
			continue
		}
		if o.Value != nil && o.Status == app.OK {
			n++
		}
		if s.To.IsZero() && (last.IsZero() || o.Period.Compare(last) > 0) {
			last = o.Period
		}
	}
	if n >= MinBaseline {
		return nil
	}
	span := s.From.Label() + " to " + last.Label()
	if last.IsZero() {
		span = "from " + s.From.Label()
	}
	return fmt.Errorf("%s: a baseline needs at least %d points; %s has %d", s.Ref, MinBaseline, span, n)
}
