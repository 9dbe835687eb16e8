package childlevel

import (
	"strings"
	"time"
	"unicode"

	"scorecard/app"
)

// Children placed in the county by other local authorities (OLA) are not
// the county's children in care, but members ask how many there are and
// how many lack a school place. A list holds them when it has a column
// naming each child's responsible (placing) authority, or a Y/N flag for
// "placed by another local authority"; their rows are counted here and
// left out of every figure of the county's own children.
const (
	// RefOLAPlaced counts the children placed in the county by other
	// local authorities on the snapshot date.
	RefOLAPlaced = "OLA01"
	// RefOLANoSchool is the % of those, where the list says, without a
	// school place.
	RefOLANoSchool = "OLA02"
)

// OLAIndicators define the OLA figures of auth's lists; a Dataset
// carries them only when its list has the column they come from.
func OLAIndicators(auth *app.Authority) []app.Indicator {
	return []app.Indicator{
		{Ref: RefOLAPlaced, Name: "Children placed in " + auth.Name + " by other local authorities", Section: section,
			Unit: app.Number, DataPeriod: app.Snapshot, Measure: app.Count, YearType: app.FinancialYear,
			Guidance: "Children looked after by other local authorities and placed in " + auth.Name + " on the last day of the month, from a child-level list naming each child's responsible authority."},
		{Ref: RefOLANoSchool, Name: "Children placed in " + auth.Name + " by other local authorities without a school place (%)", Section: section,
			Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, DataPeriod: app.Snapshot, Measure: app.Proportion,
			YearType: app.FinancialYear,
			Guidance: "Of the children placed in " + auth.Name + " by other local authorities on the last day of the month whose school place the list records, the % without one."},
	}
}

// placedByOther reads a responsible-authority column: a Y/N flag, or the
// authority's name or LA code. The home authority, its districts or a
// blank is the county's own child; another authority's name or code is
// another's. ok is false for a value that is none of these, which is
// read as the county's own child.
func placedByOther(auth *app.Authority, s string) (ola, ok bool) {
	t := stripPrefix(s)
	if v, isFlag := flag(t); isFlag {
		return v, true
	}
	if a, known := auth.ParseArea(t); known && (a == auth.Area() || auth.IsDistrict(a)) {
		return false, true
	}
	switch {
	case laCode(t):
		return !homeCode(auth, t), true
	case authorityName(t):
		return true, true
	}
	return false, false
}

// homeCode reports whether s is auth's old or new LA code.
func homeCode(auth *app.Authority, s string) bool {
	return s == auth.Old || strings.EqualFold(s, auth.New)
}

// laCode reports whether s is an old (three-digit) or new (E06, E08, E09
// or E10 and six digits) local authority code.
func laCode(s string) bool {
	s = strings.ToUpper(s)
	allDigits := func(s string) bool {
		return s != "" && strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
	}
	switch {
	case len(s) == 3:
		return allDigits(s)
	case len(s) == 9 && (strings.HasPrefix(s, "E06") || strings.HasPrefix(s, "E08") || strings.HasPrefix(s, "E09") || strings.HasPrefix(s, "E10")):
		return allDigits(s[3:])
	}
	return false
}

// authorityName reports whether s could be an authority's name: words of
// letters, with the punctuation council names use, and no digits.
func authorityName(s string) bool {
	if len(s) < 4 || len(s) > 80 {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !strings.ContainsRune(" &-',.()", r) {
			return false
		}
	}
	return true
}

// schoolPlace reads a school place column: 1 has a place, 0 has none, -1
// unknown; without inverts a column headed as "without a school place".
func schoolPlace(s string, without bool) (place int, ok bool) {
	if strings.TrimSpace(s) == "" {
		return -1, true
	}
	v, ok := flag(s)
	if !ok {
		return -1, false
	}
	if v != without {
		return 1, true
	}
	return 0, true
}

// olaTally is one split's OLA counts.
type olaTally struct{ placed, knownSchool, noSchool float64 }

// olaFigures are the OLA observations for the rows placed by other
// authorities, on the snapshot date, split by the rows' UASC flag.
func olaFigures(auth *app.Authority, rows []annexARow, snapshot time.Time, rule string, haveSchool bool) []app.Observation {
	month := app.MonthOf(snapshot.Year(), snapshot.Month())
	var t [3]olaTally
	for _, row := range rows {
		if !row.ola || !inCareOn(row, snapshot) {
			continue
		}
		for i := range splits {
			if !in(i, row.uasc) {
				continue
			}
			t[i].placed++
			if row.school >= 0 {
				t[i].knownSchool++
				if row.school == 0 {
					t[i].noSchool++
				}
			}
		}
	}
	var out []app.Observation
	for i, split := range splits {
		o := app.Observation{Ref: RefOLAPlaced, Area: auth.Area(), Split: split, Period: month, Rule: rule}
		o.Value, o.Numerator = app.Float(t[i].placed), app.Float(t[i].placed)
		out = append(out, o)
		if haveSchool {
			o := app.Observation{Ref: RefOLANoSchool, Area: auth.Area(), Split: split, Period: month, Rule: rule}
			out = append(out, proportion(o, t[i].noSchool, t[i].knownSchool,
				"no child placed by another authority had a school place recorded"))
		}
	}
	return out
}
