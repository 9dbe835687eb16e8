package trend

import (
	"strconv"

	"scorecard/app"
)

// periodWord names n periods of kind k: "month", "4 months", "quarter".
func periodWord(k app.PeriodKind, n int) string {
	w := k.Word()
	if n == 1 {
		return w
	}
	return strconv.Itoa(n) + " " + w + "s"
}
