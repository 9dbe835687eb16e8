package trend

import (
	"testing"

	"scorecard/app"
)

// The figure formatting itself is app's (app/format_test.go); these are
// the cases trend relies on, kept as they were written against it.
func TestFormat(t *testing.T) {
	pct := app.Indicator{Unit: app.Percent, Decimals: 1}
	count := app.Indicator{Unit: app.Number}
	rate := app.Indicator{Unit: app.Per10k}
	days := app.Indicator{Unit: app.Days, Decimals: 1}
	tests := []struct {
		got, want string
	}{
		{app.FormatValue(pct, 11.65), "11.7%"}, // half away from zero, as Excel rounds
		{app.FormatValue(count, 1896), "1,896"},
		{app.FormatValue(count, 81770), "81,770"},
		{app.FormatValue(app.Indicator{Unit: app.Score, Decimals: 1}, -1234567.25), "-1,234,567.3"},
		{app.FormatValue(rate, 53.4), "53 per 10k"},
		{app.FormatValue(days, 23), "23.0 days"},
		{app.FormatChange(pct, -0.4), "0.4 pp"},
		{app.FormatChange(count, -46), "46"},
		{app.FormatPerChild(pct, 100.0/1896), "0.053 pp"},
		{app.FormatPerChild(pct, 5), "5.0 pp"},
		{app.FormatPerChild(rate, 10000.0/357700), "0.028 per 10k"},
		{periodWord(app.Quarter, 3), "3 quarters"},
		{periodWord(app.Month, 1), "month"},
		{periodWord(app.FinancialYear, 2), "2 years"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
