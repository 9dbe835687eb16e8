package app

// NonNegative names what the indicator's figures are where, by its unit
// and measure, they cannot be below 0: "a count", "an average of a
// count", "a rate", "a proportion"; "" otherwise. A percentage's range
// is said by its own check; a figure its definition says may fall (a
// change, Signed) may; days, weeks, scores and ratios are not judged.
//
// It is the one rule for it: the workbook reader and the DfE reader
// both warn by it of a figure below 0.
func (ind Indicator) NonNegative() string {
	if ind.Unit == Percent || ind.Signed() {
		return ""
	}
	switch {
	case ind.Measure == Rate || ind.Unit == Per10k || ind.Unit.OtherRate():
		return "a rate"
	case ind.Measure == Proportion:
		return "a proportion"
	case ind.Unit == Number && ind.Measure == Count:
		return "a count"
	case ind.Unit == Number && (ind.Measure == Mean || ind.Measure == Median):
		return "an average of a count"
	}
	return ""
}
