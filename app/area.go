package app

import (
	"strings"
	"unicode"
)

// Area is a canonical area name: the county, one of its districts, or one
// of the pseudo-areas district sheets add.
type Area string

// The columns district sheets add beside the districts; every authority
// has them (see authorities.tsv).
const (
	OutOfCounty Area = "Out of County / Unknown"
	UASCService Area = "UASC Service"
)

// Kent is the default authority's area (see DefaultAuthority): the
// demo's, and every store's that has chosen no other. The name is the
// data's, not the code's.
var Kent = DefaultAuthority().Area()

// Districts are the default authority's districts in the order
// scorecards list them.
var Districts = DefaultAuthority().Districts()

// Areas are the default authority followed by its districts: the areas
// every indicator may be reported for.
var Areas = DefaultAuthority().Areas()

// ParseArea maps a spelling found in a workbook or CSV to its canonical
// area of the default authority (see Authority.ParseArea).
func ParseArea(s string) (Area, bool) { return DefaultAuthority().ParseArea(s) }

// IsDistrict reports whether a is one of the default authority's
// districts.
func (a Area) IsDistrict() bool { return DefaultAuthority().IsDistrict(a) }

// foldArea lower-cases s, reads "&" as "and", drops "and", "district" and
// "borough" (so "Folkestone & Hythe District" and "Folkestone and Hythe"
// meet) and squeezes punctuation to single spaces.
func foldArea(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "&", " and "))
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	kept := words[:0]
	for _, w := range words {
		switch w {
		case "and", "district", "borough", "council", "dc", "bc":
			if len(words) > 1 {
				continue
			}
		}
		kept = append(kept, w)
	}
	return strings.Join(kept, " ")
}
