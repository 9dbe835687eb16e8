package cohort

import (
	"strings"

	"scorecard/app"
)

// SnapshotRule is the rule for who counts as in cohort c in a snapshot
// measure (children in care on a date): those in the cohort on that date.
func SnapshotRule(c app.Cohort) string {
	return strings.ToUpper(string(c)) + " on the snapshot date"
}

// PeriodRule is the rule for who counts as in cohort c in a period measure
// (children leaving care in the year): those in the cohort at any point in
// the period.
func PeriodRule(c app.Cohort) string {
	return strings.ToUpper(string(c)) + " at any point in the period"
}

// stated returns the rule the cohort figures give for who counted, joined
// for several cohorts, or says that the source stated none.
func (ex *excluder) stated(parts []app.Observation) string {
	var key string
	switch len(parts) {
	case 0:
	case 1:
		key = parts[0].Rule
	default:
		for _, p := range parts {
			key += p.Rule + "\x00"
		}
	}
	if r, ok := ex.rules[key]; ok {
		return r
	}
	r := ex.state(parts)
	ex.rules[key] = r
	return r
}

func (ex *excluder) state(parts []app.Observation) string {
	var rules []string
	for i, c := range ex.cs {
		r := ""
		if i < len(parts) {
			r = parts[i].Rule
		}
		if r == "" {
			r = strings.ToUpper(string(c)) + " as the source counted them (it states no rule)"
		}
		rules = append(rules, r)
	}
	return "excluding " + strings.Join(rules, "; ")
}
