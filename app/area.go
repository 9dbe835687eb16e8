package app

import (
	"strings"
	"unicode"
)

// Area is a canonical area name: the county, one of its districts, or one
// of the pseudo-areas district sheets add.
type Area string

// The county and the columns district sheets add beside the districts.
const (
	Kent        Area = "Kent"
	OutOfCounty Area = "Out of County / Unknown"
	UASCService Area = "UASC Service"
)

// Districts are Kent's 12 districts in the order scorecards list them.
var Districts = []Area{
	"Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe",
	"Gravesham", "Maidstone", "Sevenoaks", "Swale", "Thanet",
	"Tonbridge and Malling", "Tunbridge Wells",
}

// Areas are the county followed by its districts: the 13 areas every
// indicator may be reported for.
var Areas = append([]Area{Kent}, Districts...)

// areaSpellings are the spellings seen in workbooks and DfE files beside
// each area's canonical name; init folds them (see foldArea) into
// areaVariants, which absorbs case, "&" for "and" and punctuation.
var areaSpellings = map[string]Area{
	"Kent County Council": Kent, "KCC": Kent, "Kent total": Kent,
	"Kent overall": Kent, "County": Kent, "886": Kent, "E10000016": Kent,
	"Shepway": "Folkestone and Hythe", "Folkestone": "Folkestone and Hythe",
	"Tonbridge": "Tonbridge and Malling", "Tunbridge": "Tunbridge Wells",
	"Out of County": OutOfCounty, "Unknown": OutOfCounty, "OOC": OutOfCounty,
	"Out of County or Unknown": OutOfCounty,
	"UASC":                     UASCService, "UASC Team": UASCService,
	"Unaccompanied Service": UASCService,
}

var areaVariants = map[string]Area{}

func init() {
	for _, a := range append(Areas, OutOfCounty, UASCService) {
		areaVariants[foldArea(string(a))] = a
	}
	for s, a := range areaSpellings {
		areaVariants[foldArea(s)] = a
	}
}

// ParseArea maps a spelling found in a workbook or CSV ("Shepway",
// "Tonbridge & Malling", "KENT", "Out of County/Unknown") to its canonical
// area. It reports false for anything that is not a Kent area.
func ParseArea(s string) (Area, bool) {
	a, ok := areaVariants[foldArea(s)]
	return a, ok
}

// IsDistrict reports whether a is one of the 12 districts.
func (a Area) IsDistrict() bool {
	for _, d := range Districts {
		if a == d {
			return true
		}
	}
	return false
}

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
