package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// unitAt is a Unit cell's text and where it is.
type unitAt struct {
	at   app.Location
	text string
}

// fractionOfOne reports whether a lower-case unit, its measure words
// taken out, says the figures are fractions of 1: "Proportion",
// "Fraction", "Rate (0-1)", as Power BI and SQL exports label a
// percentage measure they write as 0.213. A unit naming a percentage
// ("Proportion (%)") is a percentage.
func fractionOfOne(t string) bool {
	if strings.Contains(t, "%") || strings.Contains(t, "percent") || strings.Contains(t, "per cent") {
		return false
	}
	base := strings.TrimSpace(strings.NewReplacer("(0-1)", "", "(0 - 1)", "", "(0 to 1)", "", "0-1", "", "0 to 1", "").Replace(t))
	ranged := base != t
	switch strings.Trim(base, " .()") {
	case "proportion", "proportions", "fraction", "fractions", "decimal fraction":
		return true
	case "rate", "rates", "":
		return ranged
	}
	return false
}

// fractionUnit records that ref's Unit cell at says its figures are
// fractions of 1; the first cell for each ref is kept.
func (l *sheetLog) fractionUnit(ref string, at app.Location, text string) {
	if _, ok := l.fractionUnits[ref]; ok {
		return
	}
	if l.fractionUnits == nil {
		l.fractionUnits = map[string]unitAt{}
	}
	l.fractionUnits[ref] = unitAt{at, strings.TrimSpace(text)}
}

// readProportions reads as percentages the figures of each indicator
// whose Unit cell says they are fractions of 1 ("Proportion"): where
// every figure of it here is from 0 to 1, each is multiplied by 100
// (0.213 is 21.3%), as are its targets and floors of at most 1, said once
// at the Unit cell; these had been kept as 0.213%. Figures above 1 are
// percentages whatever the unit says, and are kept as given, said there
// too. scaled lists the indicators so read, whose cells showed the
// places of a fraction, two more than the percentage's.
func (c *collector) readProportions(obs []app.Observation, units map[string]app.Indicator) (warnings []app.Warning, scaled map[string]bool) {
	if len(c.fractionUnits) == 0 {
		return nil, nil
	}
	type bounds struct {
		lo, hi float64
		first  *app.Observation
		n      int
	}
	by := map[string]*bounds{}
	for i := range obs {
		o := &obs[i]
		if _, ok := c.fractionUnits[o.Ref]; !ok || o.Value == nil || units[o.Ref].Unit != app.Percent {
			continue
		}
		b := by[o.Ref]
		if b == nil {
			b = &bounds{lo: *o.Value, hi: *o.Value, first: o}
			by[o.Ref] = b
		}
		b.lo, b.hi = min(b.lo, *o.Value), max(b.hi, *o.Value)
		b.n++
	}
	scaled = map[string]bool{}
	for _, ref := range c.indOrder {
		b := by[ref]
		if b == nil {
			continue
		}
		u := c.fractionUnits[ref]
		if b.lo < 0 || b.hi > 1 {
			if odd, frac := mixedProportion(obs, ref); odd != nil && c.refusal == nil {
				// 0.82 and 0.9 beside 1.2: read either way, part of
				// the row is 100 times wrong.
				sheet, cell := splitCell(odd.Cell)
				unitCell := u.at.Cell
				if c.csv {
					unitCell = csvLine(unitCell)
				}
				c.refusal = &app.SourceError{Location: app.Location{File: c.file, Sheet: sheet, Cell: cell}, Err: fmt.Errorf(
					"refused: %s: unit %q (%s) says its figures are fractions of 1, but %g here is not one, beside figures from 0 to 1 (%g as a fraction is %g%%): read by the unit, %g would be %g%%, and read as given, every other figure 100 times too small; give every figure as a fraction of 1 (%g as %g), or write its unit as \"%%\" and give every figure as a percentage",
					ref, u.text, unitCell, *odd.Value, *frac.Value, hundredfold(*frac.Value), *odd.Value, hundredfold(*odd.Value), hundredfold(*frac.Value), *frac.Value)}
			}
			if c.refusal != nil {
				continue
			}
			warnings = append(warnings, app.Warning{Location: u.at, Message: fmt.Sprintf(
				"%s: unit %q says its figures are fractions of 1, but here they run from %g to %g, which no fraction of 1 does: read as the percentages they are, as given (%g as %g%%); if they are percentages, write its unit as \"%%\"",
				ref, u.text, b.lo, b.hi, *b.first.Value, *b.first.Value)})
			continue
		}
		first := *b.first.Value
		scaled[ref] = true
		for i := range obs {
			if o := &obs[i]; o.Ref == ref && o.Value != nil {
				o.Value = app.Float(hundredfold(*o.Value))
			}
		}
		targets := c.proportionTargets(ref)
		figures := "its figure here is read as a percentage"
		if b.n > 1 {
			figures = fmt.Sprintf("its %d figures here are read as percentages", b.n)
		}
		warnings = append(warnings, app.Warning{Location: u.at, Message: fmt.Sprintf(
			"%s: unit %q says its figures are fractions of 1: %s, %g as %g%%%s",
			ref, u.text, figures, first, hundredfold(first), targets)})
	}
	return warnings, scaled
}

// proportionTargets multiplies by 100 the targets and floors of ref of
// at most 1, whose Unit cell says it is a fraction of 1, and says which,
// for readProportions' warning: "" for none.
func (c *collector) proportionTargets(ref string) string {
	var read []string
	scale := func(what string, v **float64) {
		if *v == nil || **v < 0 || **v > 1 {
			return
		}
		x := hundredfold(**v)
		read = append(read, fmt.Sprintf("%s %g as %g%%", what, **v, x))
		*v = app.Float(x)
	}
	for i := range c.targetList {
		t := &c.targetList[i]
		if t.Ref != ref {
			continue
		}
		eachTargetValue(t, scale)
	}
	if len(read) == 0 {
		return ""
	}
	return "; so are its " + strings.Join(read, ", ")
}

// mixedProportion is the first figure of ref, under a unit saying its
// figures are fractions of 1, that is not one (below 0 or above 1) where
// others of it are fractions above 0, and the first such fraction: nil
// where none is, or where none of the figures is such a fraction (all
// percentages, kept as given).
func mixedProportion(obs []app.Observation, ref string) (odd, fraction *app.Observation) {
	for i := range obs {
		o := &obs[i]
		if o.Ref != ref || o.Value == nil {
			continue
		}
		switch v := *o.Value; {
		case v < 0 || v > 1:
			if odd == nil {
				odd = o
			}
		case v > 0 && fraction == nil:
			fraction = o
		}
	}
	if fraction == nil {
		return nil, nil
	}
	return odd, fraction
}
