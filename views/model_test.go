package views

import (
	"testing"

	"scorecard/app"
)

func TestFormatPerChild(t *testing.T) {
	pct := app.Indicator{Unit: app.Percent, Decimals: 1}
	rate := app.Indicator{Unit: app.Per10k, Decimals: 1}
	for _, tc := range []struct {
		ind  app.Indicator
		step float64
		want string
	}{
		{pct, 100.0 / 1896, "0.053 pp"}, // Kent's children in care
		{pct, 100.0 / 20, "5.0 pp"},     // a district's handful
		{pct, 100.0 / 200, "0.50 pp"},
		{pct, 100.0 / 3, "33.3 pp"},
		{pct, 100.0 / 24035, "0.0042 pp"}, // a year's referrals
		{rate, 10000.0 / 355390, "0.028 per 10k"},
	} {
		if got := app.FormatPerChild(tc.ind, tc.step); got != tc.want {
			t.Errorf("app.FormatPerChild(%s, %v) = %q, want %q", tc.ind.Unit, tc.step, got, tc.want)
		}
	}
}
