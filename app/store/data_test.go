package store

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"reflect"
	"strconv"
	"testing"

	"scorecard/app"
)

// claDataset reads testdata's extract of the DfE's children looked after
// release (Kent and England, 2021-2025) as an import would: Kent's counts
// over its population as observations, England's rates as benchmarks.
func claDataset(t testing.TB) *app.Dataset {
	t.Helper()
	const file = "testdata/cla_number_and_rate_kent_england.csv"
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	refs := map[string]app.Indicator{
		"Children looked after on 31 March each year":    {Ref: "CLA01", Name: "Children in care per 10,000 children", Section: "Children in Care", Polarity: app.PolarityNone, Unit: app.Per10k, DataPeriod: app.Annual, Measure: app.Rate},
		"Children starting to be looked after each year": {Ref: "CLA02", Name: "Children starting to be looked after per 10,000", Section: "Children in Care", Unit: app.Per10k, DataPeriod: app.Annual, Measure: app.Rate},
		"Children ceasing to be looked after each year":  {Ref: "CLA03", Name: "Children ceasing to be looked after per 10,000", Section: "Children in Care", Unit: app.Per10k, DataPeriod: app.Annual, Measure: app.Rate},
	}
	ds := &app.Dataset{}
	seen := map[string]bool{}
	number := func(row []string, name string) *float64 {
		v, err := strconv.ParseFloat(row[col[name]], 64)
		if err != nil {
			t.Fatalf("%s: %s %q: %v", file, name, row[col[name]], err)
		}
		return &v
	}
	for line, row := range rows[1:] {
		ind, ok := refs[row[col["population_type"]]]
		if !ok {
			t.Fatalf("%s line %d: unknown population_type %q", file, line+2, row[col["population_type"]])
		}
		if !seen[ind.Ref] {
			seen[ind.Ref] = true
			ds.Indicators = append(ds.Indicators, ind)
		}
		p, err := app.ParseDfEPeriod(row[col["time_period"]], row[col["time_identifier"]])
		if err != nil {
			t.Fatalf("%s line %d: %v", file, line+2, err)
		}
		switch row[col["geographic_level"]] {
		case "National":
			ds.Benchmarks = append(ds.Benchmarks, app.Benchmark{Ref: ind.Ref, Period: p, Group: "England",
				Value: number(row, "rate_per_10000"), Source: file + " rate_per_10000"})
		case "Local authority":
			ds.Observations = append(ds.Observations, app.Observation{Ref: ind.Ref, Area: app.Kent, Period: p,
				Value: number(row, "rate_per_10000"), Numerator: number(row, "children_count"),
				Denominator: number(row, "population_estimate"), Cell: fmt.Sprintf("line %d", line+2)})
		}
	}
	return ds
}

// monthly is a month's scorecard as the directorate circulates it: a few
// indicators across sections, Kent and three districts, all children,
// excluding UASC and UASC only, with numerators and denominators, a
// suppressed small district, targets, commentary and a breakdown. Each of
// months gets figures; bump shifts every value, as a re-issued file with
// revised figures would.
func monthly(months []app.Period, bump float64) *app.Dataset {
	inds := []app.Indicator{
		{Ref: "CIC05", Name: "Children in care with 3 or more placements in 12 months (%)", Section: "Children in Care", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, DataPeriod: app.Rolling12, Measure: app.Proportion, Guidance: "Of children in care at month end, those with 3+ placements in the last 12 months."},
		{Ref: "SCS02", Name: "Re-referrals to children's social care within 12 months (%)", Section: "Social Work", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, DataPeriod: app.Rolling12, Measure: app.Proportion},
		{Ref: "EH01", Name: "Early help cases closed with outcomes achieved (%)", Section: "Early Help", Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1, DataPeriod: app.YearToDate, Measure: app.Proportion},
		{Ref: "SEND01", Name: "EHCPs issued within 20 weeks (%)", Section: "SEND", Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1, DataPeriod: app.Rolling12, Measure: app.Proportion, YearType: app.AcademicYear},
	}
	areas := []app.Area{app.Kent, "Ashford", "Folkestone and Hythe", "Thanet"}
	bases := []float64{1896, 160, 141, 212} // children in care in each area
	splits := []app.Split{app.All, app.Excluding(app.UASC), app.Only(app.UASC)}
	shares := []float64{1, 0.78, 0.22} // of them, how many each split counts
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
			if len(ds.Targets) > 0 && ds.Targets[len(ds.Targets)-1].Ref == ind.Ref && ds.Targets[len(ds.Targets)-1].Year == y {
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

// months returns n consecutive months ending with last.
func months(last app.Period, n int) []app.Period {
	ps := make([]app.Period, n)
	for i := range ps {
		ps[i] = last.Add(i - n + 1)
	}
	return ps
}

// largeDataset is the store's sizing case: 100 indicators x 13 areas x 3
// splits x 60 months, about 234,000 observations.
func largeDataset(bump float64) *app.Dataset {
	return gridDataset(100, 60, app.MonthOf(2025, 3), bump)
}

// gridDataset is indicators x 13 areas x 3 splits x months observations,
// the months ending with last. A month's figures are the same in every
// grid holding it, as in monthly files that restate the months before.
func gridDataset(indicators, nMonths int, last app.Period, bump float64) *app.Dataset {
	ds := &app.Dataset{}
	splits := []app.Split{app.All, app.Excluding(app.UASC), app.Only(app.UASC)}
	ps := months(last, nMonths)
	// Figures are numbered by month from the sizing case's first.
	first := app.MonthOf(2025, 3).Add(-59).Index()
	for i := range indicators {
		ref := fmt.Sprintf("KPI%03d", i+1)
		ds.Indicators = append(ds.Indicators, app.Indicator{Ref: ref, Name: "Indicator " + ref, Section: fmt.Sprintf("Section %d", i/20), Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1, Measure: app.Proportion})
		for a, area := range app.Areas {
			for s, split := range splits {
				for m, p := range ps {
					at := p.Index() - first
					// Months before the first wrap round, so that the
					// denominator stays positive however far back a
					// grid reaches (the 8x history goes back 40 years).
					den := float64(200 + 10*a + 50*s + (at%400+400)%400)
					num := float64(((i*7+a*3+s+at)%150+150)%150) + bump
					ds.Observations = append(ds.Observations, app.Observation{Ref: ref, Area: area, Split: split, Period: p,
						Value: app.Float(100 * num / den), Numerator: app.Float(num), Denominator: app.Float(den),
						Cell: fmt.Sprintf("S%d!%c%d", i/20, 'D'+m%20, 5+a*3+s)})
				}
			}
		}
	}
	return ds
}

// sameHistory fails t when got is not deeply equal to want, naming the
// first difference it can find through History's accessors.
func sameHistory(t *testing.T, what string, want, got *app.History) {
	t.Helper()
	if reflect.DeepEqual(want, got) {
		return
	}
	if !reflect.DeepEqual(want.Imports, got.Imports) {
		t.Fatalf("%s: imports differ:\nwant %+v\n got %+v", what, want.Imports, got.Imports)
	}
	if !reflect.DeepEqual(want.Indicators(), got.Indicators()) {
		t.Fatalf("%s: indicators differ:\nwant %+v\n got %+v", what, want.Indicators(), got.Indicators())
	}
	if !reflect.DeepEqual(want.Keys(), got.Keys()) {
		t.Fatalf("%s: series differ: want %d, got %d", what, len(want.Keys()), len(got.Keys()))
	}
	for _, k := range want.Keys() {
		if !reflect.DeepEqual(want.Series(k), got.Series(k)) {
			t.Fatalf("%s: series %s differs:\nwant %s\n got %s", what, k, showSeries(want.Series(k)), showSeries(got.Series(k)))
		}
		for _, o := range want.Series(k) {
			if !reflect.DeepEqual(want.Revisions(k, o.Period), got.Revisions(k, o.Period)) {
				t.Fatalf("%s: revisions of %s %s differ:\nwant %s\n got %s", what, k, o.Period, showSeries(want.Revisions(k, o.Period)), showSeries(got.Revisions(k, o.Period)))
			}
		}
	}
	for _, ind := range want.Indicators() {
		if !reflect.DeepEqual(want.Targets(ind.Ref), got.Targets(ind.Ref)) {
			t.Fatalf("%s: targets of %s differ", what, ind.Ref)
		}
		if !reflect.DeepEqual(want.Benchmarks(ind.Ref), got.Benchmarks(ind.Ref)) {
			t.Fatalf("%s: benchmarks of %s differ", what, ind.Ref)
		}
	}
	if !reflect.DeepEqual(want.Breakdowns(), got.Breakdowns()) {
		t.Fatalf("%s: breakdowns differ:\nwant %+v\n got %+v", what, want.Breakdowns(), got.Breakdowns())
	}
	t.Fatalf("%s: histories differ (in commentary or other state without an accessor)", what)
}

func showSeries(s []app.Observation) string {
	var b bytes.Buffer
	for _, o := range s {
		v := "-"
		if o.Value != nil {
			v = strconv.FormatFloat(*o.Value, 'g', -1, 64)
		}
		fmt.Fprintf(&b, "[%s %s%s %s r%d] ", o.Period, v, o.Status, o.Import, o.Revision)
	}
	return b.String()
}
