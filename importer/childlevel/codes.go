package childlevel

import (
	"slices"
	"strings"
	"time"
	"unicode"
)

// stripPrefix removes the list letter Annex A puts before coded values:
// "a) Male" is "Male", "b) E11: Adopted" is "E11: Adopted".
func stripPrefix(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 3 && s[1] == ')' && unicode.IsLetter(rune(s[0])) && s[2] == ' ' {
		return strings.TrimSpace(s[3:])
	}
	return s
}

// leadingCode returns the 903 code a value starts with ("E11: Adopted -
// application unopposed" gives "E11", "N1 Abuse or neglect" gives "N1"),
// upper-cased, or "" when it starts with a word rather than a code.
func leadingCode(s string) string {
	s = stripPrefix(s)
	end := strings.IndexFunc(s, func(r rune) bool { return r == ':' || r == ' ' || r == '-' || r == '.' })
	if end < 0 {
		end = len(s)
	}
	code := strings.ToUpper(s[:end])
	if len(code) < 2 || len(code) > 4 || !unicode.IsLetter(rune(code[0])) {
		return ""
	}
	hasDigit := false
	for _, r := range code {
		if unicode.IsDigit(r) {
			hasDigit = true
		}
	}
	// Ethnicity codes (WBRI) are all letters; other codes mix in digits.
	if !hasDigit && len(code) != 4 {
		return ""
	}
	return code
}

// Unknown is the category for a blank value.
const Unknown = "Not recorded"

// NotRecognised is the category for a value on none of the code lists
// this package knows. Child-level cells may hold anything an officer
// typed, a name or an NHS number among them, so a cell's own text never
// becomes a category: it is either a known code or description, mapped
// to its published group, or it is counted here and its row reported.
const NotRecognised = "Not recognised"

// gender reads Annex A's "a) Male" and 903's SEX code 1 or 2.
func gender(s string) string {
	t := strings.ToLower(stripPrefix(s))
	switch {
	case t == "1" || t == "m" || t == "boy" || strings.HasPrefix(t, "male"):
		return "Male"
	case t == "2" || t == "f" || t == "girl" || strings.HasPrefix(t, "female"):
		return "Female"
	case t == "0" || t == "9" || t == "u" || t == "other" || t == "unknown" || t == "not known" ||
		t == "indeterminate" || t == "not stated" || t == "not specified" || strings.HasPrefix(t, "other ") ||
		strings.HasPrefix(t, "not known") || strings.HasPrefix(t, "unknown"):
		return "Other or not known"
	case t == "":
		return Unknown
	}
	return NotRecognised
}

// ethnicGroups map the 903 ethnicity codes to the DfE's published
// groups.
var ethnicGroups = map[string]string{
	"WBRI": "White", "WIRI": "White", "WIRT": "White", "WOTH": "White", "WROM": "White",
	"MWBC": "Mixed or multiple ethnic groups", "MWBA": "Mixed or multiple ethnic groups",
	"MWAS": "Mixed or multiple ethnic groups", "MOTH": "Mixed or multiple ethnic groups",
	"AIND": "Asian or Asian British", "APKN": "Asian or Asian British",
	"ABAN": "Asian or Asian British", "AOTH": "Asian or Asian British",
	"BCRB": "Black, African, Caribbean or Black British", "BAFR": "Black, African, Caribbean or Black British",
	"BOTH": "Black, African, Caribbean or Black British",
	"CHNE": "Other ethnic groups", "OOTH": "Other ethnic groups",
	"REFU": "Refused or not obtained", "NOBT": "Refused or not obtained",
}

// ethnicGroup reads a 903 code or, where a list spells the ethnicity out,
// the words of the DfE's ethnicity list ("White British", "Any other
// Asian background", "Gypsy/Roma").
func ethnicGroup(s string) string {
	if g, ok := ethnicGroups[leadingCode(s)]; ok {
		return g
	}
	t := strings.ToLower(stripPrefix(s))
	if t == "" {
		return Unknown
	}
	// Whole words, so that a surname such as Whitehead is no ethnicity.
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) }) {
		words[w] = true
	}
	any := func(ws ...string) bool { return slices.ContainsFunc(ws, func(w string) bool { return words[w] }) }
	switch {
	case any("refused", "refusal") || strings.Contains(t, "not obtained") || strings.Contains(t, "not yet obtained") || strings.Contains(t, "not known") ||
		strings.Contains(t, "not stated"):
		return "Refused or not obtained"
	case any("mixed", "multiple") || strings.HasPrefix(t, "white and "):
		return "Mixed or multiple ethnic groups"
	case any("white", "gypsy", "roma", "traveller"):
		return "White"
	case any("black", "caribbean", "african"):
		return "Black, African, Caribbean or Black British"
	case any("asian", "indian", "pakistani", "bangladeshi"):
		return "Asian or Asian British"
	case any("chinese", "arab") || strings.Contains(t, "any other") || strings.Contains(t, "other ethnic"):
		return "Other ethnic groups"
	}
	return NotRecognised
}

// legalStatuses group the 903 legal status codes as the DfE publishes
// them.
var legalStatuses = map[string]string{
	"C1": "Interim care order", "C2": "Full care order",
	"D1": "Placement order granted", "E1": "Placement order granted",
	"V2": "Voluntary agreement under S20", "V3": "Short breaks", "V4": "Short breaks",
	"J1": "Youth justice legal statuses", "J2": "Youth justice legal statuses", "J3": "Youth justice legal statuses",
	"L1": "Detained for child protection", "L2": "Detained for child protection", "L3": "Detained for child protection",
}

func legalStatus(s string) string { return grouped(s, legalStatuses) }

// placementTypes group the 903 placement codes as the DfE publishes them.
var placementTypes = map[string]string{
	"U1": "Foster placements", "U2": "Foster placements", "U3": "Foster placements",
	"U4": "Foster placements", "U5": "Foster placements", "U6": "Foster placements",
	"A3": "Placed for adoption", "A4": "Placed for adoption", "A5": "Placed for adoption", "A6": "Placed for adoption",
	"P1": "Placed with parents or other person with parental responsibility",
	"P2": "Other placements in the community", "P3": "Other placements in the community",
	"K1": "Secure homes and children's homes", "K2": "Secure homes and children's homes",
	"H5": "Semi-independent and supported accommodation", "P4": "Semi-independent and supported accommodation",
	"R1": "Other residential settings", "R2": "Other residential settings",
	"R3": "Other residential settings", "R5": "Other residential settings",
	"S1": "Residential schools", "Z1": "Other placements",
	"T0": "Temporary placements", "T1": "Temporary placements", "T2": "Temporary placements",
	"T3": "Temporary placements", "T4": "Temporary placements",
}

func placementType(s string) string { return grouped(s, placementTypes) }

// categoriesOfNeed name the 903 category of need codes.
var categoriesOfNeed = map[string]string{
	"N1": "N1 Abuse or neglect", "N2": "N2 Child's disability", "N3": "N3 Parental illness or disability",
	"N4": "N4 Family in acute stress", "N5": "N5 Family dysfunction", "N6": "N6 Socially unacceptable behaviour",
	"N7": "N7 Low income", "N8": "N8 Absent parenting", "N9": "N9 Cases other than children in need",
}

func categoryOfNeed(s string) string { return grouped(s, categoriesOfNeed) }

// grouped maps a coded value ("C2", "a) C2: Full care order") or a
// group's own name ("Full care order") to its group; anything else is
// NotRecognised, never its own words.
func grouped(s string, groups map[string]string) string {
	if g, ok := groups[leadingCode(s)]; ok {
		return g
	}
	t := stripPrefix(s)
	if t == "" {
		return Unknown
	}
	for code, g := range groups {
		// Categories of need are named with their code first ("N1 Abuse
		// or neglect"); a list may give the words alone.
		if strings.EqualFold(t, g) || strings.EqualFold(t, strings.TrimPrefix(g, code+" ")) {
			return g
		}
	}
	return NotRecognised
}

// reasonsCeased group the 903 reasons an episode ceased as the DfE
// publishes them; X1 (the episode ended and another began) ends no
// period of care.
var reasonsCeased = map[string]string{
	"E11": reasonAdopted, "E12": reasonAdopted,
	"E13": "Left care to live with parents, relatives or others without parental responsibility",
	"E14": "Accommodation on remand ended", "E15": "Age assessment found the child 18 or over",
	"E16": "Moved abroad", "E17": "Aged 18 and stayed with carers", "E2": "Died",
	"E3":  "Care taken over by another local authority",
	"E41": "Child arrangement or residence order", "E43": "Special guardianship order", "E44": "Special guardianship order",
	"E45": "Special guardianship order", "E46": "Special guardianship order",
	"E47": "Special guardianship order", "E48": "Special guardianship order",
	"E4A": "Returned home to parents or others with parental responsibility",
	"E4B": "Returned home to parents or others with parental responsibility",
	"E5":  "Moved to independent living", "E6": "Moved to independent living",
	"E7": "Transferred to adult social care", "E8": "Ceased for any other reason", "E9": "Sentenced to custody",
	"X1": "Episode ended and another began",
}

func reasonCeased(s string) string { return grouped(s, reasonsCeased) }

const reasonAdopted = "Adopted"

// flag reads a Y/N column; ok is false for anything else, which is read
// as N. It is asked of every row's flags, so it compares without
// lower-casing a copy.
func flag(s string) (v, ok bool) {
	t := stripPrefix(s)
	for _, y := range []string{"y", "yes", "true", "1"} {
		if strings.EqualFold(t, y) {
			return true, true
		}
	}
	for _, n := range []string{"", "n", "no", "false", "0"} {
		if strings.EqualFold(t, n) {
			return false, true
		}
	}
	return false, false
}

// newEpisodeReasons are the 903's reasons for a new episode (RNE).
var newEpisodeReasons = map[string]bool{"S": true, "P": true, "L": true, "T": true, "U": true, "B": true}

// ageOn is the age in whole years on day d of a child born on birth.
func ageOn(birth, d time.Time) int {
	age := d.Year() - birth.Year()
	if d.Month() < birth.Month() || d.Month() == birth.Month() && d.Day() < birth.Day() {
		age--
	}
	return age
}

// ageBand is the DfE's age band for a child born on birth, on date d.
func ageBand(birth, d time.Time) string {
	if birth.IsZero() {
		return Unknown
	}
	switch age := ageOn(birth, d); {
	case age < 1:
		return "Under 1"
	case age < 5:
		return "1 to 4"
	case age < 10:
		return "5 to 9"
	case age < 16:
		return "10 to 15"
	}
	return "16 and over"
}
