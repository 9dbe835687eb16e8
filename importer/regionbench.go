package importer

import (
	"cmp"
	"fmt"
	"strings"
	"sync"

	"scorecard/app"
)

// regions are the DfE's regions by their normalised names (normHeader),
// with the names as the DfE writes them, the benchmark group a DfE
// file's regional figure is stored under; and the spelling without
// "The" a workbook may use.
var regions = sync.OnceValue(func() map[string]string {
	m := map[string]string{"yorkshire and humber": "Yorkshire and The Humber", "yorkshire humber": "Yorkshire and The Humber",
		// Names and initials councils' workbooks use: "Eastern 2023/24"
		// (the region's older name, Essex's usual heading) and "NW
		// 2023/24" were dropped as unknown headings.
		"eastern": "East of England", "nw": "North West", "ne": "North East", "se": "South East", "sw": "South West",
		"em": "East Midlands", "wm": "West Midlands", "yh": "Yorkshire and The Humber", "y h": "Yorkshire and The Humber"}
	for _, a := range app.Authorities() {
		if a.Region != "" {
			m[normHeader(a.Region)] = a.Region
		}
	}
	return m
})

// regionNamed returns the region a normalised heading names, with no
// year ("london", "south east"): ok is false for any other heading.
func regionNamed(n string) (string, bool) {
	r, ok := regions()[n]
	return r, ok
}

// regionUndated says why a heading naming a region and no year is not
// read ("South East", "Yorkshire and Humber"): a sheet's localities may
// be named so ("North West"), and a comparator's column stands beside
// the authority's on a sheet of benchmarks too. "" for another heading.
func regionUndated(n string) string {
	r, ok := regionNamed(n)
	if !ok {
		return ""
	}
	return fmt.Sprintf("it names the region %s but no year, and may be a locality of that name; to have it read as the region's benchmark, head it with the year its figures are for, such as %q",
		r, r+" 2023/24")
}

// headingRegion returns the region a heading names (ok), and whether it
// names its year too (dated), in any form England's heading may take it:
// a financial or academic year ("South East 2023/24"), which headerRole
// reads, or a calendar year or a date ("South East 2023", "South East
// (Mar-24)"), which datedBenchmarks reads, as it reads England's.
func headingRegion(h string) (region string, dated, ok bool) {
	t := strings.TrimSpace(h)
	if year, rest := cutYear(t); !year.IsZero() {
		r, ok := regionNamed(normHeader(rest))
		return r, true, ok
	}
	if _, rest, _, ok := headingDate(t); ok {
		if r, ok := regionNamed(normHeader(rest)); ok {
			return r, true, true
		}
	}
	r, ok := regionNamed(normHeader(t))
	return r, false, ok
}

// columnRegion returns the region a region column's heading names, ""
// for one that names none ("Regional average", "Region 2023/24"). The
// label a revised original's heading gains beside figures excluding a
// cohort ("South East 2023/24 (all children)") is not part of the name.
func columnRegion(c Column) string {
	r, _, _ := headingRegion(allChildren().ReplaceAllString(c.Header, ""))
	return r
}

// regionUnread says why a region's column (RoleRegion) is not read, ""
// when it is: beside the authority's months, a column naming its own
// region, or one naming none, which is its own region's, is read as
// that region's benchmark, as a DfE file's regional figure is. Another
// region's is not the authority's comparator, and the scorecard has no
// place for it; a sheet of areas' column named as a region may name a
// locality ("North West"), and one naming no region there may be any
// area's: refused, each said at its heading.
func (l *Layout) regionUnread(c Column) string {
	auth := l.authority()
	named := columnRegion(c)
	if l.Kind == DistrictSheet {
		return fmt.Sprintf("a region's column on a sheet of areas is not read, lest a locality of that name be taken for a region or a region for a locality; give the region's figures beside %s's months, headed such as %q",
			auth.Area(), cmp.Or(auth.Region, "South East")+" 2023/24")
	}
	if auth.Region == "" {
		return fmt.Sprintf("%s has no region to compare it with", auth.Area())
	}
	if named != "" && named != auth.Region {
		return fmt.Sprintf("%s is not the region of %s (%s), and a scorecard compares an authority with its own region only; give %s's figures to have them read",
			named, auth.Area(), auth.Region, auth.Region)
	}
	return ""
}

// regionNote is what a region's column read as a benchmark says at its
// heading: which region it is taken for, a reading of the heading
// where it names none; "" for a column not read, or any other. One
// not read for any reason (beside a cohort's figures, as England's is
// not) says that alone, not also that it is read.
func (l *Layout) regionNote(c Column) string {
	if c.Role != RoleRegion || l.unread(c) != "" || l.Kind != IndicatorSheet {
		return ""
	}
	auth := l.authority()
	if columnRegion(c) == "" {
		return fmt.Sprintf("column %s %q names no region: read as %s's figure, the region of %s, a benchmark; head it with the region's name, such as %q, if it is another's",
			c.Col, c.Header, auth.Region, auth.Area(), auth.Region+" 2023/24")
	}
	return fmt.Sprintf("column %s %q read as %s's figure, the region of %s, a benchmark", c.Col, c.Header, auth.Region, auth.Area())
}
