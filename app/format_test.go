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
		{FormatValue(Indicator{Unit: RatePer(100000), Decimals: 1}, 3.2), "3.2 per 100,000"},
		{FormatChange(Indicator{Unit: RatePer(1000), Decimals: 1}, -0.9), "0.9 per 1,000"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// TestBenchmarkShown: a benchmark is written at the indicator's places,
// or fewer where its source published fewer, never more.
func TestBenchmarkShown(t *testing.T) {
	ind := Indicator{Ref: "CIC02", Unit: Per10k, Decimals: 1}
	places := func(n int) *int { return &n }
	for _, tt := range []struct {
		decimals *int
		want     string
	}{
		{nil, "67.0 per 10k"},
		{places(0), "67 per 10k"},
		{places(1), "67.0 per 10k"},
		{places(3), "67.0 per 10k"},
	} {
		b := Benchmark{Ref: ind.Ref, Value: Float(67), Decimals: tt.decimals}
		if got := FormatValue(b.Shown(ind), *b.Value); got != tt.want {
			t.Errorf("published to %v places: %q, want %q", tt.decimals, got, tt.want)
		}
	}
}
