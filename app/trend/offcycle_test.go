package trend

import (
	"testing"
	"time"

	"scorecard/app"
)

// TestOffCycleWord: a quarterly figure's cell in a month no quarter ends
// says "quarterly"; in the month its next quarter was due, or later,
// "missing" (QA25 D6), where it had said "quarterly" as between quarters.
func TestOffCycleWord(t *testing.T) {
	o := OffCycle{Kind: "quarterly", Next: app.MonthOf(2026, time.December)}
	for _, c := range []struct {
		month int
		want  string
	}{{10, "quarterly"}, {11, "quarterly"}, {12, "missing"}} {
		if got := o.Word(app.MonthOf(2026, time.Month(c.month))); got != c.want {
			t.Errorf("Word(%d-2026) = %q, want %q", c.month, got, c.want)
		}
	}
}
