package trend

import (
	"math"

	"scorecard/app"
)

// direction is app.Direction of two figures already at the displayed
// precision: app.Direction rounds each figure as it comes, and the
// analysis has rounded every figure once. It must agree with
// app.Direction exactly (TestDirectionAgrees).
func direction(pol app.Polarity, a, b float64, decimals int, target *float64) app.DoT {
	switch pol {
	case app.HigherBetter, app.LowerBetter:
		if a == b {
			return app.Same
		}
		if (b > a) == (pol == app.HigherBetter) {
			return app.Improved
		}
		return app.Worsened
	case app.NearTarget:
		if target == nil {
			return app.NoDoT
		}
		t := *target
		da, db := app.RoundTo(math.Abs(a-t), decimals), app.RoundTo(math.Abs(b-t), decimals)
		switch {
		case da == db:
			return app.Same
		case db < da:
			return app.Improved
		}
		return app.Worsened
	}
	return app.NoDoT
}

// sourceDoT is the direction of travel a source's arrow shows for an
// indicator of polarity pol: an arrow across is the same; up or down is
// improved or worsened as the polarity says, and says nothing for an
// indicator without one or kept close to its target.
func sourceDoT(pol app.Polarity, a app.Arrow) app.DoT {
	switch {
	case a == app.Across:
		return app.Same
	case a == app.NoArrow || pol != app.HigherBetter && pol != app.LowerBetter:
		return app.NoDoT
	case (a == app.Up) == (pol == app.HigherBetter):
		return app.Improved
	}
	return app.Worsened
}
