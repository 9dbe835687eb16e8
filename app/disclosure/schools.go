package disclosure

import "scorecard/app"

// OfSchools reports whether ind's figures count schools rather than
// children (app.Indicator.Counts). Ofsted publishes every school's
// judgement and the DfE does not suppress counts of schools, so the
// small-number rule for children does not apply: 34 of 37 primary
// schools judged good is shown, though 3 are not (QA31 6). Pupils, staff
// and carers are people, and keep the rule.
func OfSchools(ind app.Indicator) bool {
	return ind.Counts().Noun == "schools"
}
