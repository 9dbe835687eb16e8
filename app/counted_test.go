package app

import "testing"

// TestCountsReadsDefinition: what a measure counts is read from its name
// and guidance, however an authority names it, so that a measure of
// schools or pupils is never said to have "UASC counted" (QA R6).
func TestCountsReadsDefinition(t *testing.T) {
	tests := []struct {
		name, guidance string
		want           Counted
	}{
		// the demo's school measures
		{"Primary schools judged good or outstanding (%)",
			"Numerator: Kent's state-funded primary schools whose latest graded Ofsted inspection judged overall effectiveness good or outstanding. Denominator: Kent's state-funded primary schools with a graded judgement, at the end of the month.",
			Counted{"schools", true}},
		{"Permanent exclusions per 10,000 pupils", "", Counted{"pupils", true}},
		{"Pupils persistently absent (%)", "", Counted{"pupils", true}},
		// another authority's wording: the rate's base or the denominator decides
		{"Permanent exclusions (rate)", "Exclusions in the year per 10,000 pupils on roll at the January census.", Counted{"pupils", true}},
		{"Good or better settings (%)", "Denominator: all early years settings inspected", Counted{"settings", true}},
		{"% judged good or better", "Denominator: secondary academies and maintained schools with a judgement.", Counted{"schools", true}},
		{"Agency staff (%)", "Denominator: all full-time equivalent children's social workers that day", Counted{"social workers", true}},
		{"Children's homes rated good or outstanding", "", Counted{"children's homes", true}},
		{"Number of approved foster carers", "", Counted{"foster carers", true}},
		{"School leavers not in education (%)", "", Counted{"pupils", true}},
		// measures of children, however they open
		{"Children in care placed with in-house foster carers (%)", "Denominator: all children in care that day (CIC01).", Counted{"children", false}},
		{"Rate of children in care per 10,000 children", "", Counted{"children", false}},
		{"Re-referrals to children's social care within 12 months (%)", "Denominator: all referrals in the last 12 months.", Counted{"children", false}},
		{"Care leavers aged 17-21 in education, employment or training (%)", "", Counted{"children", false}},
		{"Number of children missing education", "", Counted{"children", false}},
		{"Children in care absent from school (%)", "Denominator: children in care of school age.", Counted{"children", false}},
		{"EHCPs issued within 20 weeks (%)", "", Counted{"children", false}},
		{"Median weeks from request to plan", "", Counted{"children", false}},
		// "school" or "academy" alone says whose, not what is counted
		{"Secondary school permanent exclusions", "", Counted{"children", false}},
		{"Academy permanent exclusions", "", Counted{"children", false}},
		{"Free school meals eligibility", "", Counted{"children", false}},
		{"School stability: CLA with a mid-year school move", "", Counted{"children", false}},
		{"Home to school transport: children eligible", "", Counted{"children", false}},
		{"Number of primary school pupils permanently excluded", "", Counted{"pupils", true}},
		{"Secondary academies judged good or better (%)", "", Counted{"schools", true}},
		// a heading before a colon says where the children counted are
		{"Foster carers: children placed", "", Counted{"children", false}},
		{"Children's homes: children placed in Kent homes", "", Counted{"children", false}},
		{"Social worker: children seen alone", "", Counted{"children", false}},
		{"Foster carers: approvals", "", Counted{"foster carers", true}},
		{"Cases held by agency staff", "", Counted{"children", false}},
		{"Young carers assessed", "", Counted{"children", false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Indicator{Name: tt.name, Guidance: tt.guidance}.Counts()
			if got != tt.want {
				t.Errorf("Counts() = %+v, want %+v", got, tt.want)
			}
		})
	}
}
