package importer

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestNameUnits: the unit and measure an indicator's name gives decide
// whether exports withhold its small numbers (counts) and whether a
// cohort may be subtracted from it (counts, and proportions with their
// parts). Words are matched whole, a name that says it counts is a
// count whatever time limit it names, and a rate with no base is no
// count.
func TestNameUnits(t *testing.T) {
	tests := []struct {
		name    string
		unit    app.Unit
		measure app.Measure
		word    string // the word a warning names, "count" for a count guessed; "" for none
	}{
		{"Number of children seen within 5 days", app.Number, app.Count, ""},
		{"Number of children adopted within 26 weeks of placement order", app.Number, app.Count, ""},
		{"Number of children in care with an SDQ score of 17 or more", app.Number, app.Count, ""},
		{"Number of children with a meaningful review", app.Number, app.Count, ""},
		{"Number of care leavers with a completed preparation for adulthood plan", app.Number, app.Count, ""},
		{"Number of children above average attainment at KS2", app.Number, app.Count, ""},
		{"No. of EHC plans issued within 20 weeks", app.Number, app.Count, ""},
		{"Total number of assessments completed within 45 days", app.Number, app.Count, ""},
		{"# of visits within 6 weeks", app.Number, app.Count, ""},
		{"Care leavers with a meaningful activity", app.Number, app.Count, "count"},
		{"Young people with a preparation plan", app.Number, app.Count, "count"},
		{"Number of days from entering care to adoption", app.Days, app.Other, ""},
		{"Time to adoption (days)", app.Days, app.Other, ""},
		{"Average days between entering care and adoption", app.Days, app.Mean, "days"},
		{"Average caseload per social worker", app.Number, app.Mean, "count"},
		{"Median days to permanence", app.Days, app.Median, "days"},
		// A number of days or weeks is a time limit, not the unit.
		{"Children seen within 5 days", app.Number, app.Count, "count"},
		{"EHC plans issued within 20 weeks", app.Number, app.Count, "count"},
		{"Assessments completed in 45 working days", app.Number, app.Count, "count"},
		{"Days from referral to assessment (target 45 days)", app.Days, app.Other, "days"},
		{"Children seen within five working days", app.Number, app.Count, "count"},
		{"Children missing for 2 or more days", app.Number, app.Count, "count"},
		{"Children waiting over eighteen weeks", app.Number, app.Count, "count"},
		// A rate's base however written; the DfE's rates of children
		// in need, on plans and in care are per 10,000.
		{"CP plans per 10 000 children", app.Per10k, app.Rate, ""},
		{"Children in care per 10 thousand", app.Per10k, app.Rate, ""},
		{"CLA rate/10,000", app.Per10k, app.Rate, ""},
		{"CIN rate /10k", app.Per10k, app.Rate, ""},
		{"CIN rate", app.Per10k, app.Rate, "population rate"},
		{"Rate of children looked after", app.Per10k, app.Rate, "population rate"},
		{"Exclusions per 1 000 pupils", app.RatePer(1000), app.Other, ""},
		{"Re-referral rate", app.Percent, app.Proportion, "rate"},
		// So are the rates of what happens to those children: plans and
		// care starting and ceasing, enquiries and conferences; not a
		// rate that is a share of them (a repeat, a time limit, an
		// outcome), given as a percentage.
		{"Children starting to be looked after each year (rate)", app.Per10k, app.Rate, "population rate"},
		{"Child protection plans which ceased during the year (rate)", app.Per10k, app.Rate, "population rate"},
		{"Section 47 enquiries which started during the year - rate", app.Per10k, app.Rate, "population rate"},
		{"Rate of Initial Stage Child Protection conferences", app.Per10k, app.Rate, "population rate"},
		{"Cafcass Care applications (rate)", app.Per10k, app.Rate, "population rate"},
		{"Rate of re-referrals", app.Percent, app.Proportion, "rate"},
		{"CLA placement stability rate", app.Percent, app.Proportion, "rate"},
		{"Children in care with a health assessment in 12 months (rate)", app.Percent, app.Proportion, "rate"},
		{"Child protection plans lasting 2 years or more (rate)", app.Percent, app.Proportion, "rate"},
		{"Adoption rate", app.Percent, app.Proportion, "rate"},
		// What is counted may have a score, or a percentage below a
		// limit, or be above or below an average: it is counted.
		{"Children with an SDQ score of 17 or more", app.Number, app.Count, "score"},
		{"CiC with high SDQ score (17+)", app.Number, app.Count, "score"},
		{"Pupils with a poor attendance ratio", app.Number, app.Count, "ratio"},
		{"Children in care: average SDQ score", app.Score, app.Mean, "score"},
		{"Children in care SDQ score", app.Score, app.Other, "score"},
		{"CiC SDQ score 17 or more", app.Number, app.Count, "score"},
		{"Children achieving above the national average score", app.Number, app.Count, "score"},
		{"CLA Key Stage 4 Attainment 8 score 2024", app.Score, app.Other, "score"},
		{"CLA Key Stage 4 - AVG Attainment 8 score", app.Score, app.Mean, "score"},
		{"Staff to child ratio", app.Ratio, app.Other, "ratio"},
		{"Percentage of 2 year old children benefitting from funded early education", app.Percent, app.Proportion, ""},
		{"Children with above average attendance", app.Number, app.Count, "count"},
		{"Pupils achieving below the national average", app.Number, app.Count, "count"},
		{"CiC with attendance percentage below 90", app.Number, app.Count, "count"},
		{"Children absent for 10 or more days per term", app.Number, app.Count, "count"},
		// A time taken is in days or weeks, whatever target it names.
		{"Duration of care proceedings (target 26 weeks)", app.Weeks, app.Other, "weeks"},
		{"Care proceedings duration (26 weeks)", app.Weeks, app.Other, "weeks"},
		{"Length of care proceedings: 26 weeks", app.Weeks, app.Other, "weeks"},
		{"Time from ADM to placement (121 days)", app.Days, app.Other, "days"},
		{"Adoption timescales: entering care to placement (target 426 days)", app.Days, app.Other, "days"},
		{"Average duration of care proceedings in weeks", app.Weeks, app.Mean, "weeks"},
		{"SDQ score", app.Score, app.Other, "score"},
		{"Key stage 4 attainment 8 of children in care", app.Score, app.Other, "attainment 8"},
		{"Progress 8 score", app.Score, app.Other, "score"},
		{"Average Progress 8 of children in care", app.Score, app.Mean, "progress 8"},
		{"Timeliness of review conferences", app.Score, app.Other, "timeliness"},
		{"Ofsted rating", app.Score, app.Other, "rating"},
		{"Children's homes with a rating of good", app.Number, app.Count, "count"},
		{"Number of children in settings with a good rating", app.Number, app.Count, ""},
		{"Re-referral rate", app.Percent, app.Proportion, "rate"},
		{"Social worker agency rate", app.Percent, app.Proportion, "rate"},
		{"Rate of children in care per 10,000", app.Per10k, app.Rate, ""},
		{"CLA rate per 10,000", app.Per10k, app.Rate, ""},
		{"Under-18 conception rate per 1,000", app.RatePer(1000), app.Other, ""},
		{"Homes rated good or outstanding (%)", app.Percent, app.Proportion, ""},
		{"Proportionate assessments completed", app.Number, app.Count, "count"},
		{"Re-referrals within 12 months", app.Number, app.Count, "count"},
		// A "%" or "per cent" after a number is a limit, not the unit.
		{"Number of children in care with school attendance below 90%", app.Number, app.Count, ""},
		{"Number of children missing more than 10% of sessions", app.Number, app.Count, ""},
		{"No. of children in need with attendance below 90 per cent", app.Number, app.Count, ""},
		{"Count of pupils with over 10 % absence", app.Number, app.Count, ""},
		{"Children in care with school attendance below 90%", app.Number, app.Count, "limit"},
		{"Children whose attendance is below 90 per cent", app.Number, app.Count, "limit"},
		{"Number of children seen within 5 days (%)", app.Percent, app.Proportion, ""},
		{"Number of children adopted as a percentage of children leaving care", app.Percent, app.Proportion, ""},
		{"Number of CiC with 3+ placements as a % of all CiC", app.Percent, app.Proportion, ""},
		{"Number of re-referrals within 12 months (% of referrals)", app.Percent, app.Proportion, ""},
		{"Count of children seen (% within 5 days)", app.Percent, app.Proportion, ""},
		{"Number of children in care with school attendance below 90% (%)", app.Percent, app.Proportion, ""},
		{"Number of re-referrals as a percentage", app.Percent, app.Proportion, ""},
		{"% of children in care with school attendance below 90%", app.Percent, app.Proportion, ""},
		{"Percentage of children in care persistently absent (attendance below 90%)", app.Percent, app.Proportion, ""},
		{"Children persistently absent (%)", app.Percent, app.Proportion, ""},
		{"Care leavers in education, employment or training %", app.Percent, app.Proportion, ""},
		{"Pupils reaching the expected standard at KS2%", app.Percent, app.Proportion, ""},
		{"Per cent of assessments completed within 45 days", app.Percent, app.Proportion, ""},
		// A figure named an average, or per a member of staff, is a
		// mean (QA23b D11), said at its name as a guess of its unit when
		// nothing states one; one per child not named an average, or
		// named "Number of", may count children, so is a count, withheld
		// when small (QA25 D1; TestPerCategoryIsACount).
		{"Average number of placement moves per child", app.Number, app.Mean, "count"},
		{"Placement moves per child", app.Number, app.Count, "count"},
		{"Caseload per FTE", app.Number, app.Mean, "count"},
		{"Number of children per social worker", app.Number, app.Count, ""},
		{"Number of children per 10,000", app.Per10k, app.Rate, ""},
		// Money, which the app has no unit for, is no count of children:
		// read as counts, a budget variance of 3 was withheld. A money
		// word that is not what the name measures, or a "£" that is a
		// limit, leaves the name counting.
		{"Spend on agency staff", moneyUnit, app.Other, "money"},
		{"High needs spend", moneyUnit, app.Other, "money"},
		{"Cost per child in care", moneyUnit, app.Other, "money"},
		{"Budget variance", moneyUnit, app.Other, "money"},
		{"Unit cost of residential placement", moneyUnit, app.Other, "money"},
		{"Weekly cost of placement", moneyUnit, app.Other, "money"},
		{"Children Looked After - Gross Expenditure", moneyUnit, app.Other, "money"},
		{"Fostering - S251/Outturn weekly unit costs (approximate)", moneyUnit, app.Other, "money"},
		{"Youth Justice  (finance) - Gross", moneyUnit, app.Other, "money"},
		{"Children and Young People Budget (excluding CERA) - Gross", moneyUnit, app.Other, "money"},
		{"Spend on placements - agency (£000s)", moneyUnit, app.Other, "money"},
		{"Placements (£)", moneyUnit, app.Other, "money"},
		{"Average weekly cost of a residential placement", moneyUnit, app.Mean, "money"},
		{"Children in high cost placements", app.Number, app.Count, "count"},
		{"Placements at high cost", app.Number, app.Count, "count"},
		{"Children in placements costing over £5,000 a week", app.Number, app.Count, "count"},
		{"Number of placements costing more than £1000 a week", app.Number, app.Count, ""},
		{"Number of children in high cost placements", app.Number, app.Count, ""},
		{"Percentage of budget spent", app.Percent, app.Proportion, ""},
		{"Children with a personal budget", app.Number, app.Count, "count"},
		{"EHCPs with a personal budget", app.Number, app.Count, "count"},
		{"Children whose placement costs exceed £5,000 per week", app.Number, app.Count, "count"},
		{"Children in placements over budget", app.Number, app.Count, "count"},
		{"Placements within budget", app.Number, app.Count, "count"},
		{"Children in care - placement costs over 10k", app.Number, app.Count, "count"},
		{"Children in residential placements, weekly cost over £4,000", app.Number, app.Count, "count"},
		{"Cost of living support - families", app.Number, app.Count, "count"},
	}
	for _, tt := range tests {
		u, word := nameUnit(tt.name, false)
		m := measureOf(tt.name, u, false, false)
		if u != tt.unit || m != tt.measure || word != tt.word {
			t.Errorf("%q: unit %q, measure %q, word %q; want %q, %q, %q", tt.name, u, m, word, tt.unit, tt.measure, tt.word)
		}
	}
	// A rate stored or stated as a count is a rate all the same.
	if m := measureOf("Re-referral rate", app.Number, false, true); m != app.Other {
		t.Errorf("Re-referral rate stated as a count: measure %q, want %q", m, app.Other)
	}
}

func TestUnitFromTextCounts(t *testing.T) {
	for _, s := range []string{"No.", "No", "#", "Number", "Count", "Nos."} {
		if u, ok := unitFromText(s); !ok || u != app.Number {
			t.Errorf("unitFromText(%q) = %q, %v; want %q", s, u, ok, app.Number)
		}
	}
}

// TestNameUnitsRead: read from a scorecard, an indicator whose unit is
// only guessed is said at its cell where the guess takes its figures out
// of suppression, or where its figures show it is no count, and neither a
// rate without its base nor a "count" of 22.5 is left a count from which
// a cohort could be subtracted.
func TestNameUnitsRead(t *testing.T) {
	tests := []struct {
		name    string
		rows    [][]any
		measure map[string]app.Measure
		unit    map[string]app.Unit
		want    []string // warnings, each "cell: begins"
	}{
		{"rates with no base",
			[][]any{{"Ref", "Indicator", "Polarity", "Target", "Floor", "Jul-25", "Aug-25", "Sep-25"},
				{"RT01", "Re-referral rate", "L", 20, 25, 22.5, 21.0, 23.4},
				{"RT01", "of which UASC", "", nil, nil, 10.0, 9.5, 11.0},
				{"RT02", "Social worker agency rate", "L", 15, 20, 3.5, 4.0, 18}},
			map[string]app.Measure{"RT01": app.Proportion, "RT02": app.Proportion},
			map[string]app.Unit{"RT01": app.Percent, "RT02": app.Percent},
			[]string{`B2: RT01: "Re-referral rate" names a rate but not its base`,
				`B4: RT02: "Social worker agency rate" names a rate but not its base`}},
		{"a count with a fraction",
			[][]any{{"Ref", "Indicator", "Polarity", "Jul-25", "Aug-25", "Sep-25"},
				{"RX01", "Re-referrals within 12 months", "L", 22, 22.5, 21.0},
				{"RX02", "Children in care", "L", 1896, 1901, 1905}},
			map[string]app.Measure{"RX01": app.Other, "RX02": app.Count},
			map[string]app.Unit{"RX01": app.Number, "RX02": app.Number},
			// RX01's name is not said to be a count's: its fraction says
			// what it is read as.
			[]string{`B3: RX02: neither a Unit column nor its name "Children in care" states its unit: read as a count of children, a guess, so exports withhold small numbers of it and excluding a cohort subtracts the cohort's count; if it is not a count (a percentage, a score, an average), state its unit in a Unit column`,
				`E2: RX01 Kent 2025-08: 22.5 is not a whole number`}},
		{"a point for thousands is no fraction",
			[][]any{{"Ref", "Indicator", "Polarity", "Jun-25", "Jul-25", "Aug-25"},
				{"NA01", "Number of children in care", "", "1,905", "1.910", "1,915"}},
			map[string]app.Measure{"NA01": app.Count},
			map[string]app.Unit{"NA01": app.Number},
			[]string{`E2: NA01 Kent 2025-07: 1.910 read as 1.91`}},
		{"a point for thousands a number cell kept, and a fraction among thousands",
			[][]any{{"Ref", "Indicator", "Polarity", "Jun-25", "Jul-25", "Aug-25"},
				{"NC01", "Number of children in care", "", 1905, 1.91, 1915},
				{"NE01", "Number of children in need", "", "2,010", "2.000", "2,003"},
				{"NG01", "Number of contacts", "", 1905, 22.5, 1915}},
			map[string]app.Measure{"NC01": app.Count, "NE01": app.Count, "NG01": app.Count},
			map[string]app.Unit{"NC01": app.Number, "NE01": app.Number, "NG01": app.Number},
			[]string{`E2: NC01 Kent 2025-07: 1.91 read as 1.91, though its other figures are whole counts such as 1905: if it is 1910 written`,
				`E3: NE01 Kent 2025-07: 2.000 read as 2, though its other figures are whole counts such as 2010: if it is 2000 written`,
				`E4: NG01 Kent 2025-07: 22.5 is not a whole number, though its other figures are whole counts such as 1905`}},
		{"days per FTE",
			[][]any{{"Ref", "Indicator", "Polarity", "Jul-25", "Aug-25"},
				{"TO03", "Sickness days per FTE", "L", 0.4, 0.2}},
			map[string]app.Measure{"TO03": app.Mean}, // days averaged per FTE
			map[string]app.Unit{"TO03": app.Days},
			nil},
		{"a time limit in a count's name",
			[][]any{{"Ref", "Indicator", "Polarity", "Apr-25", "May-25"},
				{"DY01", "Number of children seen within 5 days", "H", 3, 2},
				{"DY05", "Number of children with a meaningful review", "H", 4, 2},
				{"DY08", "Children seen within 5 days", "H", 3, 2}},
			map[string]app.Measure{"DY01": app.Count, "DY05": app.Count, "DY08": app.Count},
			map[string]app.Unit{"DY01": app.Number, "DY05": app.Number, "DY08": app.Number},
			[]string{`B4: DY08: the "5 days" in its name "Children seen within 5 days" is read as a time limit, not its unit: read as a count of children, a guess, so exports withhold small numbers of it`}},
		// Read in days, as it was, a count of children was published
		// unwithheld; as percentages, its figures are not whole.
		{"a time limit in a percentage's name",
			[][]any{{"Ref", "Indicator", "Polarity", "Apr-25", "May-25"},
				{"EH01", "EHC plans issued within 20 weeks", "H", 3, 2},
				{"EH02", "EHC plans issued within 20 weeks excluding exceptions", "H", 62.5, 71.4}},
			map[string]app.Measure{"EH01": app.Count, "EH02": app.Other},
			map[string]app.Unit{"EH01": app.Number, "EH02": app.Number},
			[]string{`B2: EH01: the "20 weeks" in its name "EHC plans issued within 20 weeks" is read as a time limit, not its unit`,
				`D3: EH02 Kent 2025-04: 62.5 is not a whole number`}},
		{"a limit in a name",
			[][]any{{"Ref", "Indicator", "Polarity", "Jul-25", "Aug-25", "Sep-25"},
				{"L01", "Number of children in care with school attendance below 90%", "L", 3, 2, 4},
				{"L03", "Children in care with school attendance below 90%", "L", 3, 2, 4},
				{"L05", "Percentage of children in care with school attendance below 90%", "L", 13.5, 12.0, 14.1}},
			map[string]app.Measure{"L01": app.Count, "L03": app.Count, "L05": app.Proportion},
			map[string]app.Unit{"L01": app.Number, "L03": app.Number, "L05": app.Percent},
			[]string{`B3: L03: the "90%" in its name "Children in care with school attendance below 90%" is read as a limit, not its unit`}},
		// QA23b D11: scores named without a unit were counts, and a
		// score of 2 to 4 withheld on export as a small number of
		// children, with no warning.
		{"scores named, not counts",
			[][]any{{"Ref", "Indicator", "Polarity", "Data Period", "2021-22", "2022-23", "2023-24", "2024-25"},
				{"SC1", "Key stage 4 attainment 8 of children in care", "H", "A", 22, 21, 24, 19},
				{"SC2", "Average number of placement moves per child", "L", "A", 3, 2, 4, 3},
				{"SC3", "Timeliness of review conferences", "H", "A", 4, 3, 2, 4},
				{"SC4", "Ofsted rating", "H", "A", 2, 2, 1, 1},
				{"SC5", "Children's homes with a rating of good", "H", "A", 3, 4, 4, 5}},
			map[string]app.Measure{"SC1": app.Other, "SC2": app.Mean, "SC3": app.Other, "SC4": app.Other, "SC5": app.Count},
			map[string]app.Unit{"SC1": app.Score, "SC2": app.Number, "SC3": app.Score, "SC4": app.Score, "SC5": app.Number},
			[]string{`B2: SC1: no Unit column states its unit, and the word "attainment 8" in its name "Key stage 4 attainment 8 of children in care" says its figures are not counts of children: read in unit "score", a guess, so exports do not withhold small numbers of them; state its unit in a Unit column`,
				`B3: SC2: neither a Unit column nor its name "Average number of placement moves per child" states its unit: read as an average per child (a mean of counts), not a count of children, so exports do not withhold small numbers of it; if its unit is another (a percentage, days, a score), state it in a Unit column`,
				`B4: SC3: no Unit column states its unit, and the word "timeliness" in its name`,
				`B5: SC4: no Unit column states its unit, and the word "rating" in its name`,
				`B6: SC5: neither a Unit column nor its name "Children's homes with a rating of good" states its unit: read as a count of children's homes, a guess, so exports withhold small numbers of it and excluding a cohort leaves it as published`}},
		// Said as the export treats it: Ofsted's counts of schools are
		// published whole; "school" alone names whose children they are.
		{"counts of schools and of children at school",
			[][]any{{"Ref", "Indicator", "Polarity", "Apr-25", "May-25"},
				{"SG01", "Primary schools judged good or outstanding", "H", 3, 2},
				{"SG02", "Secondary school permanent exclusions", "L", 3, 2}},
			map[string]app.Measure{"SG01": app.Count, "SG02": app.Count},
			map[string]app.Unit{"SG01": app.Number, "SG02": app.Number},
			[]string{`B2: SG01: neither a Unit column nor its name "Primary schools judged good or outstanding" states its unit: read as a count of schools, a guess, so exports do not withhold small numbers of it`,
				`B3: SG02: neither a Unit column nor its name "Secondary school permanent exclusions" states its unit: read as a count of children, a guess, so exports withhold small numbers of it`}},
		// Read as scores or averages, these were published unwithheld
		// with no word said.
		{"counted with a score or beside an average",
			[][]any{{"Ref", "Indicator", "Polarity", "Apr-25", "May-25"},
				{"SQ01", "Children with an SDQ score of 17 or more", "L", 3, 2},
				{"SQ02", "Children with above average attendance", "H", 3, 2}},
			map[string]app.Measure{"SQ01": app.Count, "SQ02": app.Count},
			map[string]app.Unit{"SQ01": app.Number, "SQ02": app.Number},
			[]string{`B2: SQ01: no Unit column states its unit, and the word "score" in its name "Children with an SDQ score of 17 or more" qualifies what it counts rather than naming a score: read as a count of children`,
				`B3: SQ02: neither a Unit column nor its name "Children with above average attendance" states its unit: read as a count of children, a guess`}},
		{"a Unit column of No.",
			[][]any{{"Ref", "Indicator", "Polarity", "Unit", "Apr-25", "May-25"},
				{"DZ01", "Children seen within 5 days", "H", "No.", 3, 2}},
			map[string]app.Measure{"DZ01": app.Count},
			map[string]app.Unit{"DZ01": app.Number},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeBook(t, "Scorecard", tt.rows), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, ind := range res.Dataset.Indicators {
				if m, ok := tt.measure[ind.Ref]; ok && (ind.Measure != m || ind.Unit != tt.unit[ind.Ref]) {
					t.Errorf("%s: unit %q, measure %q; want %q, %q", ind.Ref, ind.Unit, ind.Measure, tt.unit[ind.Ref], m)
				}
			}
			var got []string
			for _, w := range res.Warnings {
				got = append(got, w.Cell+": "+w.Message)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("warnings %q, want %d like %q", got, len(tt.want), tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("warning %q, want it to begin %q", got[i], tt.want[i])
				}
			}
		})
	}
}

// TestStoredNameUnits: a store may hold a unit an earlier import guessed
// from a word of the name; a unit only implied never replaces it, so the
// import says where the store's makes a count unsuppressed or a rate a
// count, and how to correct it.
func TestStoredNameUnits(t *testing.T) {
	stored := map[string]app.Indicator{
		"DY01": {Ref: "DY01", Name: "Number of children seen within 5 days", Unit: app.Days},
		"RT01": {Ref: "RT01", Name: "Re-referral rate", Unit: app.Number, Measure: app.Count},
		"AD01": {Ref: "AD01", Name: "Average days to adoption", Unit: app.Days, Measure: app.Mean},
		"DY08": {Ref: "DY08", Name: "Children seen within 5 days", Unit: app.Days, Measure: app.Other},
		"CI01": {Ref: "CI01", Name: "Number of children in care", Unit: app.Number, Measure: app.Count},
		"L01":  {Ref: "L01", Name: "Number of children in care with school attendance below 90%", Unit: app.Percent, Measure: app.Proportion},
		"F01":  {Ref: "F01", Name: "Budget variance", Unit: app.Number, Measure: app.Count},
	}
	path := writeBook(t, "Scorecard", [][]any{{"Ref", "Indicator", "Polarity", "Jul-25", "Aug-25"},
		{"DY01", "Number of children seen within 5 days", "H", 3, 2},
		{"RT01", "Re-referral rate", "L", 22.5, 21},
		{"AD01", "Average days to adoption", "L", 480, 470},
		{"DY08", "Children seen within 5 days", "H", 3, 2},
		{"CI01", "Number of children in care", "L", 1896, 1901},
		{"L01", "Number of children in care with school attendance below 90%", "L", 3, 4},
		{"F01", "Budget variance", "L", 3, -2}})
	res, err := Read(context.Background(), path, Options{Defined: func(ref string) (app.Indicator, bool) {
		ind, ok := stored[ref]
		return ind, ok
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`B2: DY01: the store holds "Number of children seen within 5 days" in unit "days", as an earlier import read it from a word in its name, but the name says it counts`,
		`B3: RT01: the store holds "Re-referral rate" as a count, as an earlier import read it, but it names a rate`,
		`B5: DY08: the store holds "Children seen within 5 days" in unit "days", as an earlier import read it from the "5 days" in its name, which is a time limit, not its unit`,
		`B7: L01: the store holds "Number of children in care with school attendance below 90%" as a percentage, as an earlier import read it from the "90%" in its name, which is a limit`,
		`B8: F01: the store holds "Budget variance" as a count, as an earlier import guessed it, but "budget" in its name says its figures are money`,
	}
	var got []string
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "the store holds") {
			got = append(got, w.Cell+": "+w.Message)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("warnings %q, want %d like %q", got, len(want), want)
	}
	for i := range got {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("warning %q, want it to begin %q", got[i], want[i])
		}
	}
}

// TestPointThousandsEveryCell: each figure of a count in thousands that
// looks written with a point for thousands is said at its own cell, not
// only an indicator's first, whether its text shows the point ("2.000",
// read as 2), its number does (1.234), or a 0.000 format shows it (2);
// past maxCountWarnings in one indicator, one line names the rest.
func TestPointThousandsEveryCell(t *testing.T) {
	tests := []struct {
		name  string
		row   []any
		three string // a cell formatted 0.000, or ""
		want  []string
	}{
		{"a later text among counts", []any{"T01", "Number of children in care", "L", 1900, 1905, 1.91, 1915, "2.000", 1925}, "F2",
			[]string{`F2: T01 Kent 2025-06: 1.91 read as 1.91`, `H2: T01 Kent 2025-08: 2.000 read as 2, though its other figures are whole counts such as 1900: if it is 2000`}},
		{"a whole text first, a fraction after", []any{"T06", "Number of contacts", "-", 11000, "12.000", "1.234", 11000, 12000, 13000}, "",
			[]string{`E2: T06 Kent 2025-05: 12.000 read as 12`, `F2: T06 Kent 2025-06: 1.234 read as 1.234, though its other figures are whole counts such as 11000: if it is 1234`}},
		{"a number cell shown 2.000 by its format", []any{"T07", "Number of children in need", "L", 1900, 1905, 1910, 1915, 2, 1925}, "H2",
			[]string{`H2: T07 Kent 2025-08: 2.000 read as 2, though its other figures are whole counts such as 1900: if it is 2000`}},
		{"a whole number in a 0.000 format among small counts", []any{"T08", "Number of children adopted", "H", 12, 15, 9, 11, 2, 14}, "H2",
			nil},
		{"a row of them", []any{"T09", "Number of contacts", "-", 11000, "1.001", "1.002", "1.003", "1.004", "1.005", "1.006", "1.007"}, "",
			[]string{`E2: T09 Kent 2025-05: 1.001 read as 1.001`, `F2: T09 Kent 2025-06: 1.002 read as 1.002`,
				`G2: T09 Kent 2025-07: 1.003 read as 1.003`, `H2: T09 Kent 2025-08: 1.004 read as 1.004`,
				`I2: T09 Kent 2025-09: 1.005 read as 1.005`,
				`J2: T09: and 2 more figures like those above, at J2, K2: each kept as given`}},
	}
	months := []any{"Apr-25", "May-25", "Jun-25", "Jul-25", "Aug-25", "Sep-25", "Oct-25", "Nov-25"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			b.sheet("Scorecard")
			b.row("Scorecard", "A1", append([]any{"Ref", "Indicator", "Polarity"}, months[:len(tt.row)-3]...)...)
			b.row("Scorecard", "A2", tt.row...)
			if tt.three != "" {
				b.style("Scorecard", tt.three, tt.three, &excelize.Style{CustomNumFmt: ptr("0.000")})
			}
			res, err := Read(context.Background(), b.save("T.xlsx"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range res.Warnings {
				got = append(got, w.Cell+": "+w.Message)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("warnings %q, want %d like %q", got, len(tt.want), tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("warning %q, want it to begin %q", got[i], tt.want[i])
				}
			}
		})
	}
}

// TestFractionalCountWording: a count whose figure is not whole (23.4
// FTE) is warned in words from what the file says of its unit, so that
// its advice can be followed: a Unit column saying "count" is there
// already, and a name beginning "Number of" says it counts. It says what
// is stored: unit "count" of unknown measure, where it had said "read as
// a figure of unknown measure, not a count" while list and show gave unit
// count (QA27b 9).
func TestFractionalCountWording(t *testing.T) {
	tests := []struct {
		name, unit string
		want       []string // parts of the one warning
		not        string   // a part it must not hold
	}{
		{"Social workers (FTE)", "count",
			[]string{`H2: Z01 Kent 2025-09: 23.4 is not a whole number, though its Unit column at C2 says "count"`, "give its unit there"},
			"neither"},
		{"Number of social workers (FTE)", "",
			[]string{`H2: Z01 Kent 2025-09: 23.4 is not a whole number, though its name "Number of social workers (FTE)" says it counts`, "state its unit in a Unit column"},
			"neither"},
		{"Social workers (FTE)", "",
			[]string{`H2: Z01 Kent 2025-09: 23.4 is not a whole number, and neither the name "Social workers (FTE)" nor a Unit column gives a unit`, "state its unit in a Unit column"},
			"says it counts"},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.unit, func(t *testing.T) {
			path := writeBook(t, "Data", [][]any{
				{"Ref", "Indicator", "Unit", "Polarity", "Period", "Area", "Cohort", "Value"},
				{"Z01", tt.name, tt.unit, "H", "2025-09", "Kent", "All", 23.4},
				{"Z01", tt.name, tt.unit, "H", "2025-09", "Kent", "UASC", 11.0}})
			res, err := Read(context.Background(), path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range res.Warnings {
				got = append(got, w.Cell+": "+w.Message)
			}
			if len(got) != 1 {
				t.Fatalf("warnings %q, want one", got)
			}
			for _, w := range tt.want {
				if !strings.Contains(got[0], w) {
					t.Errorf("warning %q, want it to hold %q", got[0], w)
				}
			}
			if strings.Contains(got[0], tt.not) {
				t.Errorf("warning %q holds %q", got[0], tt.not)
			}
			said := `it is kept in unit "count", as a plain number of unknown measure rather than a count of children, so it is not recomputed when children are excluded (exports still withhold small numbers of it)`
			if !strings.Contains(got[0], said) {
				t.Errorf("warning %q, want it to say what is stored: %q", got[0], said)
			}
			if ind, ok := findInd(res.Dataset, "Z01"); !ok || ind.Unit != app.Number || ind.Measure != app.Other {
				t.Errorf("Z01 stored in unit %q, measure %q (%v); want %q of unknown measure, as said", ind.Unit, ind.Measure, ok, app.Number)
			}
		})
	}
}

// A count cell a formula left a binary remainder in (1905.0000000000002,
// which Excel shows as 1905) is a whole count: read as a fraction it made
// the indicator a number of unknown measure, not recomputed without a
// cohort. A real fraction still is one. The cell's text is written into
// the sheet's XML as Excel saves it; excelize writes 15 digits.
func TestCountWithBinaryRemainder(t *testing.T) {
	for _, tt := range []struct {
		text    string
		measure app.Measure
	}{
		{"1905.0000000000002", app.Count},
		{"54.999999999999993", app.Count},
		{"1905.5", app.Other},
		{"1905.000001", app.Other},
	} {
		t.Run(tt.text, func(t *testing.T) {
			path := writeBook(t, "Data", [][]any{
				{"Ref", "Indicator", "Polarity", "Period", "Area", "Cohort", "Value"},
				{"Z01", "Number of children in care", "L", "2025-09", "Kent", "All", 7777},
				{"Z01", "Number of children in care", "L", "2025-09", "Kent", "UASC", 12}})
			path = rewriteParts(t, path, func(name, xml string) string {
				return strings.Replace(xml, "<v>7777</v>", "<v>"+tt.text+"</v>", 1)
			})
			res, err := Read(context.Background(), path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			want, _ := strconv.ParseFloat(tt.text, 64)
			if !slices.ContainsFunc(res.Dataset.Observations, func(o app.Observation) bool { return o.Value != nil && *o.Value == want }) {
				t.Fatalf("no figure stored as given, %s: %+v", tt.text, res.Dataset.Observations)
			}
			ind, ok := findInd(res.Dataset, "Z01")
			if !ok || ind.Measure != tt.measure {
				t.Errorf("Z01 read as measure %q (%v), want %q; warnings %v", ind.Measure, ok, tt.measure, res.Warnings)
			}
			warned := slices.ContainsFunc(res.Warnings, func(w app.Warning) bool { return strings.Contains(w.Message, "not a whole number") })
			if warned != (tt.measure == app.Other) {
				t.Errorf("warned of a fraction: %v, want %v: %v", warned, tt.measure == app.Other, res.Warnings)
			}
		})
	}
}
