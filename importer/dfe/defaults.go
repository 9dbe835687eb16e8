package dfe

import "scorecard/app"

// The refs the default mapping feeds: those of the directorate scorecard
// (as the demo in assets/synth has them) where it reports the same
// measure, monthly or rolling where the DfE's is annual.
const (
	RefCICCount          = "CIC01" // children in care on 31 March
	RefCICRate           = "CIC02" // children in care per 10,000 children
	RefCICPlacements     = "CIC05" // 3 or more placements in the year
	RefCICLongTermStable = "CIC06" // 2.5+ years in care, 2+ years with the same carer
	RefCICStarts         = "CIC10" // children starting to be looked after in the year
	RefReReferrals       = "SCS01" // re-referrals within 12 months
	RefRepeatCPP         = "SCS02" // second or subsequent child protection plan
	RefSWCaseload        = "SCS03" // average caseload per case holder (FTE)
	RefSWAgency          = "SCS04" // agency social workers (FTE)
	RefSWTurnover        = "SCS05" // social worker turnover (FTE)
	// The scorecard's care leavers measure (CIC08) covers ages 17-21; the
	// DfE publishes 17-18 and 19-21 apart, so the 19-21 figure, the one
	// the DfE's own tools headline, has a ref of its own.
	RefCareLeaversEET = "CL01"
)

// Format is the name an import of a DfE statistics CSV is recorded
// under (app.Import.Note), as importer.Formats names it.
const Format = "DfE statistics (explore-education-statistics)"

// FiledAsYearsItCovers reports whether the default mapping files ref's
// "Reporting year" as the year it covers rather than as a calendar year:
// such a ref's calendar years from a DfE import were filed before it did.
func FiledAsYearsItCovers(ref string) bool {
	for _, r := range DefaultMapping().Rules {
		if r.Indicator.Ref == ref && r.ReportingYear != 0 && r.ReportingYear != app.CalendarYear {
			return true
		}
	}
	return false
}

const (
	cicOn31March = "Children looked after on 31 March each year"
	careLeavers  = "19 to 21 years"
)

// DefaultMapping returns the rules for the DfE files Kent benchmarks
// against: every file in the children's social care outcomes raw data.
// Polarities, units and year types follow the DfE's LAIT data dictionary
// (e.g. "Placement 1 - % CLA with three or more placements": Low).
func DefaultMapping() Mapping {
	ind := func(ref, name, section string, p app.Polarity, u app.Unit, dec int, m app.Measure, dp app.DataPeriod) app.Indicator {
		return app.Indicator{Ref: ref, Name: name, Section: section, Polarity: p, Unit: u, Decimals: dec,
			Measure: m, DataPeriod: dp, YearType: app.FinancialYear}
	}
	m := Mapping{Rules: []Rule{
		{
			Filters:   map[string]string{"population_type": cicOn31March},
			Value:     "children_count",
			Numerator: "children_count",
			Indicator: ind(RefCICCount, "Number of children in care", "Children in Care",
				app.PolarityNone, app.Number, 0, app.Count, app.Snapshot),
		},
		{
			Filters:     map[string]string{"population_type": cicOn31March},
			Value:       "rate_per_10000",
			Numerator:   "children_count",
			Denominator: "population_estimate",
			Indicator: ind(RefCICRate, "Children in care per 10,000 children aged 0-17", "Children in Care",
				app.PolarityNone, app.Per10k, 1, app.Rate, app.Snapshot),
		},
		{
			Filters:   map[string]string{"population_type": "Children starting to be looked after each year"},
			Value:     "children_count",
			Numerator: "children_count",
			Indicator: ind(RefCICStarts, "Number of children starting to be looked after", "Children in Care",
				app.PolarityNone, app.Number, 0, app.Count, app.Annual),
		},
		{
			Filters:            map[string]string{"cla_group": "CLA on 31 March", "placement_stability": "With 3 or more placements during the year"},
			Value:              "children_percent",
			Numerator:          "children_count",
			Denominator:        "children_count",
			DenominatorFilters: map[string]string{"placement_stability": "Total children"},
			Indicator: ind(RefCICPlacements, "Percentage of children in care with 3 or more placements in the year", "Children in Care",
				app.LowerBetter, app.Percent, 1, app.Proportion, app.Annual),
		},
		{
			Filters: map[string]string{
				"cla_group":           "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
				"placement_stability": "Living with the same carer for at least 2 years",
			},
			Value:              "children_percent",
			Numerator:          "children_count",
			Denominator:        "children_count",
			DenominatorFilters: map[string]string{"placement_stability": "Total children"},
			Indicator: ind(RefCICLongTermStable, "Children in care 2.5+ years (under 16) living with the same carer for 2+ years", "Children in Care",
				app.HigherBetter, app.Percent, 1, app.Proportion, app.Annual),
		},
		{
			Value:       "rereferral_percent",
			Numerator:   "rereferral_count",
			Denominator: "referral_count",
			Indicator: ind(RefReReferrals, "Percentage of referrals that were re-referrals within 12 months", "Social Work",
				app.LowerBetter, app.Percent, 1, app.Proportion, app.Annual),
		},
		{
			Value:       "CPP_subsequent_percent",
			Numerator:   "CPP_subsequent",
			Denominator: "CPP_start",
			Indicator: ind(RefRepeatCPP, "Percentage of child protection plans that were a second or subsequent plan", "Social Work",
				app.LowerBetter, app.Percent, 1, app.Proportion, app.Annual),
		},
		{
			Value:       "turnover_rate_fte",
			Numerator:   "leavers_fte",
			Denominator: "inpost_fte",
			Indicator: ind(RefSWTurnover, "Social worker turnover rate (FTE)", "Social Work",
				app.LowerBetter, app.Percent, 1, app.Proportion, app.Annual),
		},
		{
			Value: "agency_rate_fte",
			Indicator: ind(RefSWAgency, "Percentage of social workers who are agency workers (FTE)", "Social Work",
				app.LowerBetter, app.Percent, 1, app.Other, app.Snapshot),
		},
		{
			Value:       "caseload_fte",
			Numerator:   "cases",
			Denominator: "case_holders_fte",
			Indicator: ind(RefSWCaseload, "Average caseload per case-holding social worker (FTE)", "Social Work",
				app.PolarityNone, app.Number, 1, app.Mean, app.Snapshot),
		},
		{
			Filters:            map[string]string{"care_leaver_age": careLeavers, "breakdown": "Total in education, employment or training"},
			Value:              "care_leaver_percent",
			Numerator:          "care_leaver_count",
			Denominator:        "care_leaver_count",
			DenominatorFilters: map[string]string{"breakdown": "Total"},
			Indicator: ind(RefCareLeaversEET, "Care leavers aged 19-21 in education, employment or training", "Children in Care",
				app.HigherBetter, app.Percent, 1, app.Proportion, app.Annual),
		},
	}}
	// The children looked after (SSDA903), children in need and care
	// leavers collections run to 31 March: their reporting year 2025 is
	// 2024/25. The workforce census is at 30 September, with turnover
	// over the year to it (LAIT: "Annual (end of Sept)"), a year the app
	// has none of: filed as the calendar year, with a warning.
	for i := range m.Rules {
		r := &m.Rules[i]
		switch r.Indicator.Ref {
		case RefSWCaseload, RefSWAgency, RefSWTurnover:
			r.YearNote = "the social work workforce census is at 30 September (turnover over the year to it), a year the app has no period for"
		default:
			r.ReportingYear = app.FinancialYear
		}
	}
	return m
}
