package trend

import (
	"testing"
	"time"

	"scorecard/app"
)

// TestOffCycleWord: a quarterly figure's cell in a month no quarter ends
// says "quarterly"; in the month its next quarter was due, "missing"
// (QA25 D6), where it had said "quarterly" as between quarters; after
// it, "quarterly" again, as flags raises nothing then (QA26b S2).
func TestOffCycleWord(t *testing.T) {
	o := OffCycle{Kind: "quarterly", Next: app.MonthOf(2026, time.December)}
	for _, c := range []struct {
		p    app.Period
		want string
	}{
		{app.MonthOf(2026, time.October), "quarterly"},
		{app.MonthOf(2026, time.November), "quarterly"},
		{app.MonthOf(2026, time.December), "missing"},
		{app.MonthOf(2027, time.January), "quarterly"},
	} {
		if got := o.Word(c.p); got != c.want {
			t.Errorf("Word(%s) = %q, want %q", c.p.Label(), got, c.want)
		}
	}
}
