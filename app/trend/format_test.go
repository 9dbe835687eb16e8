package trend

import (
	"testing"

	"scorecard/app"
)

func TestFormat(t *testing.T) {
	pct := app.Indicator{Unit: app.Percent, Decimals: 1}
	count := app.Indicator{Unit: app.Number}
	rate := app.Indicator{Unit: app.Per10k}
	days := app.Indicator{Unit: app.Days, Decimals: 1}
	tests := []struct {
		got, want string
	}{
		{formatValue(pct, 11.65), "11.7%"}, // half away from zero, as Excel rounds
		{formatValue(count, 1896), "1,896"},
		{formatValue(count, 81770), "81,770"},
		{formatValue(app.Indicator{Unit: app.Score, Decimals: 1}, -1234567.25), "-1,234,567.3"},
		{formatValue(rate, 53.4), "53 per 10k"},
		{formatValue(days, 23), "23.0 days"},
		{formatChange(pct, -0.4), "0.4 pp"},
		{formatChange(count, -46), "46"},
		{formatPerChild(pct, 100.0/1896), "0.053 pp"},
		{formatPerChild(pct, 5), "5.0 pp"},
		{formatPerChild(rate, 10000.0/357700), "0.028 per 10k"},
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
