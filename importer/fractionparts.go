package importer

import (
	"fmt"

	"scorecard/app"
)

// fractionsByParts reads as a percentage a figure of a percentage
// indicator given as a fraction of 1 beside its own numerator and
// denominator: 0.20 beside 80 and 400 is 20%, as the parts show, where
// read as written it would be stored 100 times too small. Only where
// the figure as written disagrees with the parts and a hundred times
// it agrees (to the places shown) is it scaled, and each is said at its
// cell; checkRanges then finds it agreeing.
//
// scaled lists the indicators every figure of which was so read: the
// places their cells show are a fraction's, two more than the
// percentage's (0.92 is 92%, not 92.00%).
func (c *collector) fractionsByParts(obs []app.Observation, units map[string]app.Indicator) (warnings []app.Warning, scaled map[string]bool) {
	scaled = map[string]bool{}
	ref, per := "", 0.0
	all := false // every figure of ref so far scaled
	for i := range obs {
		o := &obs[i]
		if o.Ref != ref {
			if ref != "" && all {
				scaled[ref] = true
			}
			ref, per, all = o.Ref, 0, true
			if ind := units[o.Ref]; ind.Unit == app.Percent {
				per, _ = partsScale(ind)
			}
		}
		if o.Value == nil {
			continue
		}
		if per != 100 || *o.Value <= 0 || *o.Value > 1 || o.Numerator == nil || o.Denominator == nil || *o.Denominator <= 0 {
			all = false
			continue
		}
		v, x := *o.Value, *o.Numerator / *o.Denominator * 100
		if shownAs(v, x) || !shownAs(v*100, x) {
			all = false
			continue
		}
		pct := hundredfold(v)
		o.Value = &pct
		sheet, cell := splitCell(o.Cell)
		warnings = append(warnings, app.Warning{Location: app.Location{File: c.file, Sheet: sheet, Cell: cell}, Message: fmt.Sprintf(
			"%s %s %s: %g read as %g%%, a fraction of 1: its numerator over its denominator, %g / %g, is %s%%, not %g%%; write it as a percentage, or format the cell as %%, to say so",
			o.Ref, o.Area, o.Period, v, pct, *o.Numerator, *o.Denominator, roundTo(x, placesOf(pct)+1), v)})
	}
	if ref != "" && all {
		scaled[ref] = true
	}
	return warnings, scaled
}
