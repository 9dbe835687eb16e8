package app

import "testing"

// TestIndicatorSigned checks which names and guidance make a measure one
// that can fall below zero: the one rule SPC's limits (package trend) and
// disclosure control's changes (package disclosure) both follow. It holds
// the cases of both packages' tests before the rule was one.
func TestIndicatorSigned(t *testing.T) {
	tests := []struct {
		name, guidance string
		want           bool
	}{
		{"Change in children in care since the same month last year", "", true},
		{"Net gain of foster carers", "", true},
		{"Inequality gap in Level 2 qualification", "", true},
		{"% gap", "", true},
		{"Difference between Kent and England (pp)", "", true},
		{"Variance from budget", "", true},
		{"Number of children in care", "", false},
		{"Number of children with a change of social worker", "", false},
		{"% of children with a change of placement", "", false},
		{"Children who had a change of school", "", false},
		{"Children in care with 3 or more placement changes", "", false},
		{"Internet safety sessions held", "", false},
		{"Average days between referral and closure", "The duration is calculated as the difference between the referral date and closure date.", false},
		{"Children in care on last year", "", true},
		{"Children in care compared with last year", "", true},
		{"Children in care against last year's plan", "", false},
		{"Year-on-year change in children in care", "", true},
		{"Children in care: year-on-year change", "", true},
		{"Children in care: placement change", "", false},
		{"Kent vs England difference (pp)", "", true},
		{"Care leavers in education +/-", "", true},
		{"Children who said their worker made a difference (%)", "", false},
		{"Young people saying their worker made a difference (%)", "", false},
		{"Reviews held on time: gap of more than 6 months", "", false},
		// QA18b R3: an event children experience, counted, is not signed.
		{"Children in care: change of placement in the last 12 months (%)", "", false},
		{"Change of social worker in the last 6 months (children)", "", false},
		{"Change in children in care since last year (children)", "", false},
		{"Children experiencing a change of social worker", "", false},
		{"Children receiving a change in placement", "", false},
		{"Children with 2+ changes in placement (% of children)", "", false},
		// Guidance must say the figure can be negative, not that a
		// movement is bad.
		// Disclosure's changes (QA18b R1): a count is a change only by
		// its definition.
		{"Number of children missing from care", "", false},
		{"Net change in foster carers", "", true},
		{"Foster carers +/- on last quarter", "", true},
		{"Change in children in care since the same month last year", "C01 now less C01 a year before", true},
		{"Children in care: change of placement in the last 12 months (%)", "", false},
		{"Children missing from care episodes", "Count of missing episodes in the month. A rise is negative for children.", false},
		{"Children in care placed with in-house foster carers (%)", "Numerator over denominator; a fall is negative.", false},
		{"Placement moves", "Moves can be negative for children.", false},
		{"Children in care, year on year", "Those in care less those a year earlier; negative when numbers have fallen.", false},
		{"Children in care, year on year", "Those in care less those a year earlier; negative figures mean numbers have fallen.", true},
		{"Children in care, year on year", "The figure can be negative.", true},
		{"Children in care, year on year", "It may be below zero when numbers fall.", true},
		{"Re-referrals within 12 months (%)", "High re-referral rates can indicate negative outcomes.", false},
	}
	for _, tt := range tests {
		if got := (Indicator{Name: tt.name, Guidance: tt.guidance}).Signed(); got != tt.want {
			t.Errorf("Signed(%q, %q) = %v, want %v", tt.name, tt.guidance, got, tt.want)
		}
	}
}

// TestIndicatorNamedAsCount: a name that counts or shares out children is
// never a signed measure, whatever its figures.
func TestIndicatorNamedAsCount(t *testing.T) {
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"Number of children in care", true},
		{"% of children with a change of placement", true},
		{"Children in care (children)", true},
		{"Children in care placed in county (% of children)", true},
		{"Children in care, year on year", false},
		{"Change in children in care since the same month last year", false},
	} {
		if got := (Indicator{Name: tt.name}).NamedAsCount(); got != tt.want {
			t.Errorf("NamedAsCount(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
