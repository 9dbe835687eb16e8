package importer

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"scorecard/app"
)

// checkRanges reports values out of range in obs, each at its cell:
// percentages beyond 0 to 100, numerators above their denominators.
// nonNeg is nonNegative of each indicator of units, by ref.
func (c *collector) checkRanges(obs []app.Observation, units map[string]app.Indicator, nonNeg map[string]string) []app.Warning {
	var warnings []app.Warning
	warn := func(cell, format string, args ...any) {
		sheet, cell := splitCell(cell)
		warnings = append(warnings, app.Warning{Location: app.Location{File: c.file, Sheet: sheet, Cell: cell}, Message: fmt.Sprintf(format, args...)})
	}
	var ind app.Indicator // of the last observation's ref: they come a series at a time
	var below string      // what ind's figures are, where they cannot be below 0
	for i := range obs {
		o := &obs[i]
		if o.Ref != ind.Ref {
			ind = units[o.Ref]
			var ok bool
			if below, ok = nonNeg[o.Ref]; !ok {
				below = ind.NonNegative()
			}
		}
		if o.Value != nil && ind.Unit == app.Percent && (*o.Value > 100+1e-9 || *o.Value < 0) {
			warn(o.Cell, "%s %s %s: %g is not a percentage between 0 and 100", o.Ref, o.Area, o.Period, *o.Value)
		}
		if o.Numerator != nil && o.Denominator != nil && *o.Numerator > *o.Denominator && ind.Measure == app.Proportion {
			warn(o.Cell, "%s %s %s: numerator %g is above its denominator %g", o.Ref, o.Area, o.Period, *o.Numerator, *o.Denominator)
		}
		if o.Numerator != nil && o.Denominator != nil && *o.Denominator == 0 && *o.Numerator != 0 && ind.Measure == app.Proportion {
			warn(o.Cell, "%s %s %s: numerator %g over a denominator of 0 is no proportion", o.Ref, o.Area, o.Period, *o.Numerator)
		}
		if o.Value == nil && brokenFormula(o.Raw) {
			warn(o.Cell, "%s %s %s: the cell shows Excel's error %s, a formula that failed (as when cells it used are deleted): read as %q (%s); correct the formula",
				o.Ref, o.Area, o.Period, strings.TrimSpace(o.Raw), o.Status, o.Status.Describe())
		}
		if what := below; o.Value != nil && *o.Value < 0 && what != "" {
			// "-12" is as far below 0 as "(12)": a count of a change
			// ("on last year", "+/-") names itself one, and is not said.
			raw := strings.TrimSpace(o.Raw)
			if raw == "" {
				raw = strconv.FormatFloat(*o.Value, 'f', -1, 64)
			}
			warn(o.Cell, "%s %s %s: %q read as %g, below 0, which %s cannot be; kept as given: if it is a change, not %s, say so in its name (\"Change in ...\")", o.Ref, o.Area, o.Period, raw, *o.Value, what, what)
		}
		if raw := strings.TrimSpace(o.Raw); o.Status == app.Suppressed && strings.HasPrefix(raw, "<") {
			// "<5" says more than c: that the figure is below 5. The
			// text is kept with the figure, but the bound is not used.
			warn(o.Cell, "%s %s %s: %q read as %s (%s): the source's text is kept with it, but the bound it gives is not used", o.Ref, o.Area, o.Period.Label(), raw, o.Status, o.Status.Describe())
		}
		if o.Value != nil && o.Numerator != nil && o.Denominator != nil && *o.Denominator > 0 {
			if per, what := partsScale(ind); per > 0 {
				x := *o.Numerator / *o.Denominator * per
				// A fraction of 1 for a percentage is read as one, and said, by fractionsByParts.
				if !shownAs(*o.Value, x) && !(per == 100 && shownAs(*o.Value*100, x)) {
					warn(o.Cell, "%s %s %s: %g is not its numerator over its denominator, %g / %g = %s%s; kept %g as given",
						o.Ref, o.Area, o.Period, *o.Value, *o.Numerator, *o.Denominator, roundTo(x, placesOf(*o.Value)+1), what, *o.Value)
				}
			}
		}
		if o.Value != nil && o.Denominator != nil && ind.Unit == app.Number && (ind.Measure == app.Count || ind.Measure == app.Proportion) {
			// "3/4" reads as 3 of 4, a percentage, which a count is not; a
			// mean or rate of a count unit is a quotient, and may be given so.
			if o.Numerator != nil {
				warn(o.Cell, "%s %s %s: %g of %g given for a count, read as %g: give the count alone", o.Ref, o.Area, o.Period, *o.Numerator, *o.Denominator, *o.Value)
			} else {
				// A Denominator column beside a Value with no Numerator.
				warn(o.Cell, "%s %s %s: %g given with a denominator of %g for a count: give the count alone", o.Ref, o.Area, o.Period, *o.Value, *o.Denominator)
			}
		}
	}
	return warnings
}

// checkDistrictSums compares, for counts (and numerators), the sum of the
// districts with the county figure. Districts need not sum to the county:
// children out of county or unknown, and the UASC Service, make up the
// rest. So where those columns are given, districts and the rest must
// make the county; where they are not, the districts must not exceed it.
// A difference is a warning at the county's cell. It reads only the
// figures, so may run beside observations.
func (c *collector) checkDistrictSums(units map[string]app.Indicator) []app.Warning {
	auth := c.auth
	if auth == nil {
		auth = app.DefaultAuthority()
	}
	county, nDistricts := auth.Area(), len(auth.Districts())
	// Figures come a series at a time; the (ref, split) of the last is
	// kept so most need no string hashing.
	type refSplit struct {
		ref   string
		split app.Split
	}
	ids := map[refSplit]uint64{}
	for _, key := range c.figures.keys {
		if rs := (refSplit{key.Ref, key.Split}); ids[rs] == 0 {
			ids[rs] = uint64(len(ids) + 1)
		}
	}
	var last refSplit
	var lastID uint64
	// The sums are kept in one slice, in the order first met, and found
	// by index: a pointer each would be an allocation per group. There is
	// a group for each (ref, split) and period: about as many as the
	// figures, over the series of each (ref, split). Room is made for
	// them at once: grown by appending, the slice allocated five times
	// its size (2 MB for the large workbook). Each (ref, split) finds
	// its periods' groups in slots, as the collector finds a series'
	// figures, not by hashing a key per figure.
	groups := len(c.figs) * len(ids) / max(len(c.figures.keys), 1)
	at := make([]slots, len(ids)+1) // by id
	all := make([]districtSums, 0, groups)
	for i := range c.figs {
		f := c.fig(i)
		key := c.figures.keys[f.series]
		if rs := (refSplit{key.Ref, key.Split}); rs != last || lastID == 0 {
			last, lastID = rs, ids[rs]
		}
		p := f.period()
		j, ok := at[lastID].get(p)
		if !ok {
			j = len(all)
			at[lastID].set(p, j)
			all = append(all, districtSums{period: p, series: f.series})
		}
		s := &all[j]
		hasValue := f.flags&hasValue != 0
		if hasValue && f.value < 0 {
			s.negative = true
		}
		switch {
		case key.Area == county:
			s.county = int32(i + 1)
		case auth.IsDistrict(key.Area):
			if hasValue {
				s.districts += f.value
				s.n++
			}
			if f.flags&hasNum != 0 {
				s.districtNum += f.num
				s.nNum++
			}
		case key.Area == app.OutOfCounty || key.Area == app.UASCService:
			if hasValue {
				s.extra += f.value
				s.nExtra++
			}
		}
	}
	var warnings []app.Warning
	for i := range all {
		s := &all[i]
		if s.county == 0 {
			continue
		}
		countyFig := c.fig(int(s.county) - 1)
		if countyFig.flags&hasValue == 0 {
			continue
		}
		ref := c.figures.keys[s.series].Ref
		// The cell is named only for a warning: most groups have none.
		warn := func(format string, args ...any) {
			sheet := c.sheets[countyFig.sheet]
			cell := place(sheet, int(countyFig.row), int(countyFig.col))
			warnings = append(warnings, app.Warning{Location: app.Location{File: c.file, Sheet: sheet, Cell: cell}, Message: fmt.Sprintf(format, args...)})
		}
		k := countyFig.value
		if units[ref].Measure == app.Count && nDistricts > 0 && int(s.n) == nDistricts {
			switch {
			case s.nExtra == 2 && !near(s.districts+s.extra, k):
				warn("%s %s: the %d districts with out of county and the UASC Service sum to %g but %s is %g", ref, s.period, nDistricts, s.districts+s.extra, county, k)
			case s.nExtra < 2 && !s.negative && s.districts > k+1e-9:
				warn("%s %s: the %d districts sum to %g, more than %s's %g", ref, s.period, nDistricts, s.districts, county, k)
			}
		}
		if nDistricts > 0 && int(s.nNum) == nDistricts && countyFig.flags&hasNum != 0 && s.districtNum > countyFig.num+1e-9 {
			warn("%s %s: the districts' numerators sum to %g, more than %s's %g", ref, s.period, s.districtNum, county, countyFig.num)
		}
	}
	return warnings
}

// districtSums are the figures of one indicator, split and period that
// checkDistrictSums adds up. They hold no pointers, so that the collector,
// which may run beside it, has nothing in them to trace: the group is
// named by the series of its first figure and the county's figure by its
// index plus one.
type districtSums struct {
	period                        app.Period
	districts, extra, districtNum float64
	series                        int32
	county                        int32
	n, nExtra, nNum               int32
	negative                      bool
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }

// partsScale returns what an indicator's numerator over its denominator
// is multiplied by to give its figure, and the unit as a warning says it:
// 0 for an indicator whose figure is not such a quotient.
func partsScale(ind app.Indicator) (float64, string) {
	switch {
	case ind.Unit == app.Percent && (ind.Measure == app.Proportion || ind.Measure == ""):
		return 100, "%"
	case ind.Unit == app.Per10k && (ind.Measure == app.Rate || ind.Measure == ""):
		return 10000, " per 10,000"
	case ind.Measure == app.Mean:
		return 1, ""
	}
	return 0, ""
}

// shownAs reports whether v, given to the places it shows, is x: 44.4 is
// 4 / 9 as a percentage, 44.44 too. A unit in the last place is allowed,
// for figures cut rather than rounded to it.
func shownAs(v, x float64) bool {
	return math.Abs(v-x) <= math.Pow(10, -float64(placesOf(v)))+1e-9*math.Abs(x)
}

// placesOf returns the decimal places v shows, to ten significant
// figures: 44.440000000000005, a percentage format's 0.4444 times 100,
// shows 2.
func placesOf(v float64) int {
	s := strconv.FormatFloat(v, 'g', 10, 64)
	if strings.ContainsAny(s, "e") {
		return 6
	}
	_, frac, ok := strings.Cut(s, ".")
	if !ok {
		return 0
	}
	return len(strings.TrimRight(frac, "0"))
}

// roundTo formats x to at most places decimal places, without trailing
// zeros.
func roundTo(x float64, places int) string {
	s := strconv.FormatFloat(x, 'f', places, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// partsUnit returns the unit of an indicator named for neither, whose
// figures are given with numerators and denominators: per 10,000 where
// every figure is its numerator over its denominator per 10,000 (150 of
// 350,000 given as 4.29), else a percentage.
func (c *collector) partsUnit(ref string) app.Unit {
	if c.perTenK == nil {
		c.perTenK = map[string]bool{}
		not := map[string]bool{}
		for i := range c.figs {
			f := c.fig(i)
			if f.flags&(hasValue|hasNum|hasDen) != hasValue|hasNum|hasDen || f.den == 0 {
				continue
			}
			r := c.figures.keys[f.series].Ref
			if shownAs(f.value, f.num/f.den*10000) && !shownAs(f.value, f.num/f.den*100) {
				c.perTenK[r] = true
			} else {
				not[r] = true
			}
		}
		for r := range not {
			delete(c.perTenK, r)
		}
	}
	if c.perTenK[ref] {
		return app.Per10k
	}
	return app.Percent
}

// brokenFormula reports whether raw is an Excel error a failed formula
// shows: #REF! where cells it used were deleted, #VALUE!, #NAME?. #N/A
// and #DIV/0! are left out: sources write them for "not available" and
// "no children to divide by".
func brokenFormula(raw string) bool {
	switch strings.ToUpper(strings.TrimSpace(raw)) {
	case "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!":
		return true
	}
	return false
}

// maxCountWarnings caps the figures checkCounts warns cell by cell for
// one indicator; the rest are counted in one line naming their first
// cells, so a row typed all with points is not a screen of warnings.
const maxCountWarnings = 5

// checkCounts reports each of a count's figures that looks written with
// a point for thousands: 1.102 among counts such as 1121 is most likely
// 1,102, and read as 1.102 it is a thousandth of it. Each is kept as
// given and said at its own cell, up to maxCountWarnings an indicator,
// then once for the rest. A number of no known measure is checked too:
// one figure that is no whole number (a provisional month given as an
// average) reads a row of counts as such (nameunits.go), and the
// 16.001 beside it among 16,000 referrals was stored unsaid.
func (c *collector) checkCounts(obs []app.Observation, units map[string]app.Indicator) []app.Warning {
	big := map[string]float64{} // a whole figure of 1000 or more, by ref
	var odd []int
	// Figures come a series at a time: whether the run's ref has a big
	// figure is known without a lookup for each.
	ref, count, hasBig := "", false, false
	for i := range obs {
		o := &obs[i]
		if o.Ref != ref {
			ind := units[o.Ref]
			ref, count = o.Ref, (ind.Measure == app.Count || ind.Measure == app.Other) && ind.Unit == app.Number
			_, hasBig = big[ref]
		}
		if !count || o.Value == nil {
			continue
		}
		v := math.Abs(*o.Value)
		switch {
		case v >= 1000 && v == math.Trunc(v):
			if !hasBig {
				big[ref], hasBig = v, true
			}
		case v >= 1 && v < 1000 && (v != math.Trunc(v) && toThousandths(v) || o.Raw != "" && pointThousands(o.Raw)):
			// "1.910" and "2.000" are read as 1.91 and 2: only the
			// text (or a 0.000 format's, kept as it) shows their three
			// places.
			odd = append(odd, i)
		}
	}
	if len(odd) == 0 {
		return nil
	}
	var warnings []app.Warning
	// rest holds, by ref, the suspect cells beyond maxCountWarnings.
	type rest struct {
		at    app.Location
		cells []string
	}
	said := map[string]int{}
	var over []string
	rests := map[string]*rest{}
	seen := map[string]bool{} // ref and cell: a cell read for several cohorts is said once
	for _, i := range odd {
		o := &obs[i]
		b, ok := big[o.Ref]
		if !ok || seen[o.Ref+"\x00"+o.Cell] {
			continue
		}
		seen[o.Ref+"\x00"+o.Cell] = true
		sheet, cell := splitCell(o.Cell)
		at := app.Location{File: c.file, Sheet: sheet, Cell: cell}
		if said[o.Ref] == maxCountWarnings {
			r := rests[o.Ref]
			if r == nil {
				r = &rest{at: at}
				rests[o.Ref] = r
				over = append(over, o.Ref)
			}
			r.cells = append(r.cells, o.Cell)
			continue
		}
		said[o.Ref]++
		v, given := math.Abs(*o.Value), strconv.FormatFloat(*o.Value, 'g', -1, 64)
		if o.Raw != "" {
			given = strings.TrimSpace(o.Raw)
		}
		if o.Raw == "" && !threePlaces(v) && (v*1000 < b/2 || v*1000 > b*2) {
			// 22.5 among counts such as 1896 is no thousands, but no
			// count either.
			warnings = append(warnings, app.Warning{Location: at, Message: fmt.Sprintf(
				"%s %s %s: %s is not a whole number, though its other figures are whole counts such as %g: kept as given; check the figure",
				o.Ref, o.Area, o.Period, given, b)})
			continue
		}
		warnings = append(warnings, app.Warning{Location: at, Message: fmt.Sprintf(
			"%s %s %s: %s read as %g, though its other figures are whole counts such as %g: if it is %s written with a point for thousands, write it as %s",
			o.Ref, o.Area, o.Period, given, *o.Value, b, roundTo(*o.Value*1000, 0), roundTo(*o.Value*1000, 0))})
	}
	for _, ref := range over {
		r := rests[ref]
		cells := r.cells
		for i, cl := range cells {
			_, cells[i] = splitCell(cl)
		}
		if len(cells) > maxCountWarnings {
			cells = append(cells[:maxCountWarnings:maxCountWarnings], "...")
		}
		warnings = append(warnings, app.Warning{Location: r.at, Message: fmt.Sprintf(
			"%s: and %d more figures like those above, at %s: each kept as given; if they are counts written with a point for thousands, write them without it",
			ref, len(r.cells), strings.Join(cells, ", "))})
	}
	return warnings
}
