package app

import "testing"

func TestFormat(t *testing.T) {
	pct := Indicator{Unit: Percent, Decimals: 1}
	days := Indicator{Unit: Days}
	count := Indicator{Unit: Number}
	rate := Indicator{Unit: Per10k, Decimals: 1}
	tests := []struct {
		got, want string
	}{
		{FormatNumber(1896, 0), "1,896"},
		{FormatNumber(-1234567.25, 1), "-1,234,567.3"},
		{FormatNumber(-0.04, 1), "0.0"},
		{FormatValue(pct, 221.0/1896*100), "11.7%"},
		{FormatValue(count, 1896), "1,896"},
		{FormatValue(rate, 53.35), "53.4 per 10k"},
		{FormatValue(days, 1), "1 day"},
		{FormatValue(days, 23), "23 days"},
		{FormatChange(pct, -0.4), "0.4 pp"},
		{FormatChange(days, 1), "1 day"},
		{FormatChange(Indicator{Unit: Weeks}, -2), "2 weeks"},
		{FormatPerChild(pct, 100.0/1896), "0.053 pp"},
		{FormatPerChild(pct, 5), "5.0 pp"},
		{ChangeUnit(Percent), "pp"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
