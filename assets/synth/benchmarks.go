package synth

import "scorecard/app"

// BenchmarkYear is the year the benchmarks describe for a scorecard of
// month latest: DfE publishes a year's figures in the autumn after it
// ends, so an October scorecard compares with the year before last.
func BenchmarkYear(latest app.Period) app.Period {
	return app.Period{Kind: app.FinancialYear, Year: latest.FinancialYearOf().Year - 2}
}

// The benchmark groups the scorecard shows.
const (
	England    = "England"
	Neighbours = "Statistical neighbours"
)

func benchmarks(s spec, latest app.Period) []app.Benchmark {
	var bs []app.Benchmark
	y := BenchmarkYear(latest)
	if s.england != 0 {
		bs = append(bs, app.Benchmark{Ref: s.ind.Ref, Period: y, Group: England, Value: app.Float(s.england)})
	}
	if s.neighbours != 0 {
		bs = append(bs, app.Benchmark{Ref: s.ind.Ref, Period: y, Group: Neighbours, Value: app.Float(s.neighbours)})
	}
	return bs
}
