package storetest

import (
	"fmt"
	"math"

	"scorecard/app"
	"scorecard/app/store"
)

// Monthly is a month's scorecard as a directorate circulates it: four
// indicators across sections, the county and three districts, all
// children, excluding UASC and UASC only, with numerators and denominators,
// a suppressed small district, targets, commentary, a benchmark and a
// breakdown. Each of months gets figures; bump shifts the numerators, as a
// re-issued file with revised figures would.
func Monthly(months []app.Period, bump float64) *app.Dataset {
	inds := []app.Indicator{
		{Ref: "CIC05", Name: "Children in care with 3 or more placements in 12 months (%)", Section: "Children in Care", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, DataPeriod: app.Rolling12, Measure: app.Proportion},
		{Ref: "SCS02", Name: "Re-referrals to children's social care within 12 months (%)", Section: "Social Work", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, DataPeriod: app.Rolling12, Measure: app.Proportion},
		{Ref: "EH01", Name: "Early help cases closed with outcomes achieved (%)", Section: "Early Help", Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1, DataPeriod: app.YearToDate, Measure: app.Proportion},
		{Ref: "SEND01", Name: "EHCPs issued within 20 weeks (%)", Section: "SEND", Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1, DataPeriod: app.Rolling12, Measure: app.Proportion, YearType: app.AcademicYear},
	}
	areas := []app.Area{app.Kent, "Ashford", "Folkestone and Hythe", "Thanet"}
	bases := []float64{1896, 160, 141, 212}
	splits := []app.Split{app.All, app.Excluding(app.UASC), app.Only(app.UASC)}
	shares := []float64{1, 0.78, 0.22}
	ds := &app.Dataset{Indicators: inds}
	for i, ind := range inds {
		for j, area := range areas {
			for k, split := range splits {
				for m, p := range months {
					den := math.Round(bases[j]*shares[k]) + float64(m+i)
					num := float64(int(den*(0.10+0.02*float64(i)+0.001*float64(m)) + bump))
					o := app.Observation{Ref: ind.Ref, Area: area, Split: split, Period: p,
						Numerator: app.Float(num), Denominator: app.Float(den),
						Value: app.Float(app.RoundTo(100*num/den, 1)), Cell: fmt.Sprintf("%s!%c%d", ind.Section, 'D'+m, 5+4*j+k)}
					if split != app.All {
						o.Rule = "UASC at any point in the 12 months"
					}
					if area == "Thanet" && split == app.Only(app.UASC) {
						o = app.Observation{Ref: ind.Ref, Area: area, Split: split, Period: p, Status: app.Suppressed, Raw: "[c]", Rule: o.Rule, Cell: o.Cell}
					}
					if m == len(months)-1 && area == app.Kent && split == app.All {
						o.SourceArrow, o.SourceRAG = app.Down, app.Amber
					}
					ds.Observations = append(ds.Observations, o)
				}
			}
		}
		for _, p := range months {
			y := ind.TargetYear(p)
			if n := len(ds.Targets); n > 0 && ds.Targets[n-1].Ref == ind.Ref && ds.Targets[n-1].Year == y {
				continue
			}
			ds.Targets = append(ds.Targets, app.Target{Ref: ind.Ref, Year: y, Target: app.Float(10 + float64(i)), Floor: app.Float(12 + float64(i))})
		}
		last := months[len(months)-1]
		ds.Comments = append(ds.Comments, app.Comment{Ref: ind.Ref, Area: app.Kent, Period: last,
			Text: fmt.Sprintf("%s: %s moved by %.0f children; see the district table.", last.Label(), ind.Ref, bump)})
	}
	last := months[len(months)-1]
	for _, cat := range []struct {
		name  string
		count float64
	}{{"N1 Abuse or neglect", 1102 + bump}, {"N4 Family in acute stress", 212}, {"N8 Absent parenting", 430}} {
		ds.Breakdowns = append(ds.Breakdowns, app.Breakdown{Measure: "Children in care", Period: last, Area: app.Kent,
			Dimension: "category of need", Category: cat.name, Count: cat.count, Total: 1896 + bump, Rule: "on the snapshot date"})
	}
	ds.Benchmarks = append(ds.Benchmarks, app.Benchmark{Ref: "CIC05", Period: app.Period{Kind: app.FinancialYear, Year: 2024}, Group: "Statistical neighbours (mean)", Value: app.Float(10.8), Model: "2025"})
	return ds
}

// Months returns n consecutive months ending with last.
func Months(last app.Period, n int) []app.Period {
	ps := make([]app.Period, n)
	for i := range ps {
		ps[i] = last.Add(i - n + 1)
	}
	return ps
}

// Large is the sizing case: 100 indicators x 13 areas x 3 splits x 60
// months, about 234,000 observations.
func Large(bump float64) *app.Dataset {
	ds := &app.Dataset{}
	splits := []app.Split{app.All, app.Excluding(app.UASC), app.Only(app.UASC)}
	ps := Months(app.MonthOf(2025, 3), 60)
	for i := range 100 {
		ref := fmt.Sprintf("KPI%03d", i+1)
		ds.Indicators = append(ds.Indicators, app.Indicator{Ref: ref, Name: "Indicator " + ref, Section: fmt.Sprintf("Section %d", i/20), Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1, Measure: app.Proportion})
		for a, area := range app.Areas {
			for s, split := range splits {
				for m, p := range ps {
					den := float64(200 + 10*a + 50*s + m)
					num := float64((i*7+a*3+s+m)%150) + bump
					ds.Observations = append(ds.Observations, app.Observation{Ref: ref, Area: area, Split: split, Period: p,
						Value: app.Float(100 * num / den), Numerator: app.Float(num), Denominator: app.Float(den),
						Cell: fmt.Sprintf("S%d!%c%d", i/20, 'D'+m%20, 5+a*3+s)})
				}
			}
		}
	}
	return ds
}

// file is the Source of a workbook called name whose fingerprint is
// derived from it, so two files of one name are one file.
func file(name string) store.Source {
	return store.Source{Name: name, Kind: "workbook", SHA256: fmt.Sprintf("%064x", fnv(name)), Note: "directorate scorecard layout"}
}

func fnv(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
