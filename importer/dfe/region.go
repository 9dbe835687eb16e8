package dfe

import (
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
)

// regionNames are the DfE's regions by their ONS codes, named as the
// DfE's files and the app's benchmark groups name them (London's
// sub-regions too: a borough's regional figure is its sub-region's).
var regionNames = map[string]string{
	"E12000001": "North East",
	"E12000002": "North West",
	"E12000003": "Yorkshire and The Humber",
	"E12000004": "East Midlands",
	"E12000005": "West Midlands",
	"E12000006": "East of England",
	"E12000007": "London",
	"E12000008": "South East",
	"E12000009": "South West",
	"E13000001": "Inner London",
	"E13000002": "Outer London",
}

// regionCodeOf returns the ONS code of a region named name: its DfE
// name under any spelling, or with "England" or "region" after it
// ("South East England", as files of other publishers name it).
func regionCodeOf(name string) (string, bool) {
	f := foldColumn(name)
	if f == "" {
		return "", false
	}
	for _, suffix := range []string{"", "england", "region"} {
		g, ok := strings.CutSuffix(f, suffix)
		if !ok || g == "" {
			continue
		}
		for code, n := range regionNames {
			if foldColumn(n) == g {
				return code, true
			}
		}
	}
	return "", false
}

// regionKey keys a region's rows, and an authority's region, by its ONS
// code where the row gives one, as names vary ("South East England") and
// a blank name left two regions' rows keyed alike; else by the code its
// name is known by, else by its name.
func regionKey(code, name string) string {
	if c := strings.ToUpper(strings.TrimSpace(code)); c != "" {
		return "region:" + c
	}
	if c, ok := regionCodeOf(name); ok {
		return "region:" + c
	}
	return "region:" + foldColumn(name)
}

// homeRegion is the key of the home authority's region and the group its
// benchmark is stored under: from the home's row where it names its
// region, else from the authority's profile, so that the region's
// figure does not hang on the home's row for the year (QA hB F4).
func (rd *Reader) homeRegion(home *areaRows) (key, group string) {
	code, name := "", ""
	if home != nil {
		code, name = home.regionCode, home.region
	}
	if code == "" && name == "" {
		h := rd.home()
		name = h.SubRegion()
		if name == "" {
			name = h.Region
		}
	}
	key = regionKey(code, name)
	group = name
	if n, ok := regionNames[strings.TrimPrefix(key, "region:")]; ok {
		group = n
	}
	return key, group
}

// absentNote gathers, for one file, the figures for which the file has
// other authorities' rows but none of the home's: the benchmarks beside
// them are read, and the home's figure is said to be missing, not
// left out unsaid.
type absentNote struct {
	refs  []string
	n     int
	line  int    // the first such figure's first row
	first string // "CIC01 2024/25"
}

func (a *absentNote) add(ref string, p app.Period, line int) {
	if a.n == 0 {
		a.line, a.first = line, ref+" "+p.Label()
	}
	a.n++
	if !slices.Contains(a.refs, ref) {
		a.refs = append(a.refs, ref)
	}
}

func (a *absentNote) warn(home string, warn func(int, string, ...any)) {
	if a.n == 0 {
		return
	}
	what := a.first
	if a.n > 1 {
		what = fmt.Sprintf("%d figures of %s, the first %s", a.n, strings.Join(slices.Sorted(slices.Values(a.refs)), ", "), a.first)
	}
	warn(a.line, "no row of %s's for %s, where the file has other authorities' rows: %s's figure not read, England's, the region's and the neighbours' read as benchmarks", home, what, home)
}

// regionNote gathers the figures whose home region has no row, where the
// file has other regions' rows: the region's benchmark is not read.
type regionNote struct {
	refs  []string
	line  int
	group string
	key   string
}

func (r *regionNote) add(ref string, line int, key, group string) {
	if len(r.refs) == 0 {
		r.line, r.key, r.group = line, key, group
	}
	if !slices.Contains(r.refs, ref) {
		r.refs = append(r.refs, ref)
	}
}

func (r *regionNote) warn(home string, warn func(int, string, ...any)) {
	if len(r.refs) == 0 {
		return
	}
	warn(r.line, "%s: no regional row is %s's region, %s (%s), though the file has other regions' rows: its benchmark not read; give the regional rows their region_code or the DfE's region_name",
		strings.Join(slices.Sorted(slices.Values(r.refs)), ", "), home, r.group, strings.TrimPrefix(r.key, "region:"))
}
