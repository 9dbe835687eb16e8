package dfe

import "scorecard/app"

// polarity is the polarity rule's figures are ranked by: the rule's own,
// or where it has none (the DfE's caseload, which the app's defaults
// leave neutral) the store's definition of the ref it is filed under.
// An officer whose scorecard says caseload is lower-is-better was told
// the indicator "has no polarity" and given no rank (QA30 finding 14).
func (rd *Reader) polarity(rule Rule) app.Polarity {
	p := rule.Indicator.Polarity
	if p != app.PolarityNone || rd.Defined == nil {
		return p
	}
	if stored, ok := rd.Defined(rule.Indicator.Ref); ok {
		return stored.Polarity
	}
	return p
}
