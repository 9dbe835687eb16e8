package dfe

import "scorecard/app"

// impossible says why v cannot be a figure of ind's value column, or ""
// where it can: a count of children is a whole number of at least 0, a
// percentage lies from 0 to 100, a rate per 10,000 cannot pass 10,000.
// What cannot be below 0 is app.Indicator.NonNegative, the rule the
// workbook reader warns by; as there, such a figure is kept as given and
// said at its line and column, for the officer to check the source.
func impossible(ind app.Indicator, v float64) string {
	switch what := ind.NonNegative(); {
	case v < 0 && what != "":
		return "below 0, which " + what + " cannot be"
	case ind.Unit == app.Percent && (v < 0 || v > 100+1e-9):
		return "not a percentage between 0 and 100"
	case ind.Unit == app.Per10k && v > 10000+1e-9:
		return "above 10,000, which a rate per 10,000 cannot be"
	case ind.Unit == app.Number && ind.Measure == app.Count && !app.Whole(v):
		return "not a whole number, which a count cannot be"
	}
	return ""
}

// impossiblePart says why v cannot be a numerator or denominator, or "":
// each counts children, cases or staff (full-time equivalents, so not
// always whole), none of which is below 0.
func impossiblePart(v float64) string {
	if v < 0 {
		return "below 0, which a count cannot be"
	}
	return ""
}
