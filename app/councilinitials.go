package app

import (
	"strings"
	"sync"
	"unicode"
)

// CouncilsByInitials are the authorities whose council goes by the
// initials s, written in capitals: "WSCC" is West Sussex County Council,
// "LBH" the London Borough of Hackney or of Harrow, "LCC" Lancashire
// County Council or Leeds City Council, among others. Councils' own
// papers often name them so and no other way.
func CouncilsByInitials(s string) []*Authority { return councilInitials()[s] }

// MayGoBy reports whether a's council may go by the initials s, written
// in capitals, whatever it calls itself: the initials of its name then
// those of "County Council", "City Council", "Borough Council",
// "Metropolitan Borough Council" or "Council" (Leeds's LCC, Wigan's
// WMBC), or of "London Borough of" or "Royal Borough of" then its name.
func (a *Authority) MayGoBy(s string) bool {
	name := initialsOf(a.CommonName())
	if rest, ok := strings.CutPrefix(s, name); ok {
		switch rest {
		case "CC", "BC", "MBC", "C":
			return true
		}
	}
	return s == "LB"+name || s == "RB"+name
}

// councilInitials maps the initials each authority's council is known
// by to the authorities: a shire county's "County Council" (KCC, WSCC),
// a city the DfE names so ("Bristol, City of") its "City Council", and a
// London borough's "London Borough of" (LBH). Other councils' names vary
// ("Council", "Borough Council", "Metropolitan Borough Council"), and
// their initials are not read.
var councilInitials = sync.OnceValue(func() map[string][]*Authority {
	m := map[string][]*Authority{}
	for _, a := range authorities() {
		name := initialsOf(everydayName(a.Name))
		var initials string
		switch {
		case a.Type == "SC", strings.HasSuffix(a.Name, ", City of"):
			initials = name + "CC"
		case a.Type == "OLB", a.Type == "ILB":
			initials = "LB" + name
		}
		if len(initials) >= 3 {
			m[initials] = append(m[initials], a)
		}
	}
	return m
})

// CommonName is the authority's name as it is said: the DfE's
// "Bristol, City of" is Bristol.
func (a *Authority) CommonName() string { return everydayName(a.Name) }

// everydayName is an authority's name as it is said (CommonName).
func everydayName(name string) string {
	if i := strings.Index(name, ", "); i > 0 {
		return name[:i]
	}
	return name
}

// initialsOf is the capitals of a name's words, less "and", "of" and
// "upon": "West Sussex" is "WS", "Kingston upon Thames" "KT".
func initialsOf(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == ',' }) {
		switch strings.ToLower(w) {
		case "and", "of", "upon", "the", "on":
			continue
		}
		b.WriteRune(unicode.ToUpper([]rune(w)[0]))
	}
	return b.String()
}
