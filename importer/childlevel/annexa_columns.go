package childlevel

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The Annex A columns this package reads.
const (
	colID = iota
	colGender
	colEthnicity
	colBirth
	colUASC
	colStarted
	colNeed
	colReentry
	colLegal
	colPlacements
	colPlacementType
	colCeased
	colReason
	colLocation
	colDistrict
	colResponsible
	colSchool
	numColumns
)

// annexAHeaders recognise each column by words in its header, which
// differ a little between authorities and Ofsted's template years. The
// first header matching a column takes it.
var annexAHeaders = [numColumns]func(h string) bool{
	colID: func(h string) bool {
		return strings.Contains(h, "unique id") || h == "child id" || h == "id" || strings.HasPrefix(h, "child id")
	},
	colGender:    func(h string) bool { return h == "gender" || h == "sex" || strings.HasPrefix(h, "gender") },
	colEthnicity: func(h string) bool { return strings.Contains(h, "ethnic") },
	colBirth:     func(h string) bool { return strings.Contains(h, "date of birth") || h == "dob" },
	colUASC: func(h string) bool {
		return (strings.Contains(h, "uasc") || strings.Contains(h, "asylum")) && !notUASCFlag(h)
	},
	colStarted: func(h string) bool {
		return strings.Contains(h, "date started") || strings.Contains(h, "started to be looked after") ||
			strings.Contains(h, "date became looked after")
	},
	colNeed: func(h string) bool { return strings.Contains(h, "category of need") },
	colReentry: func(h string) bool {
		return strings.Contains(h, "subsequent period of care") || strings.Contains(h, "re-entry") ||
			strings.Contains(h, "reentry") || strings.Contains(h, "re-entered")
	},
	colLegal:         func(h string) bool { return strings.Contains(h, "legal status") },
	colPlacements:    func(h string) bool { return strings.Contains(h, "number of placements") },
	colPlacementType: func(h string) bool { return strings.Contains(h, "placement type") },
	colCeased:        func(h string) bool { return strings.Contains(h, "date ceased") },
	colReason: func(h string) bool {
		return strings.Contains(h, "reason ceased") || strings.Contains(h, "reason for ceasing") ||
			strings.Contains(h, "reason episode ceased")
	},
	colLocation: func(h string) bool {
		return strings.Contains(h, "la of placement") || strings.Contains(h, "placement la") ||
			strings.Contains(h, "local authority of placement")
	},
	colDistrict: func(h string) bool { return strings.Contains(h, "district") || strings.Contains(h, "locality") },
	colResponsible: func(h string) bool {
		for _, w := range []string{"responsible authority", "responsible la", "responsible local authority", "placing authority",
			"placing la", "placing local authority", "placed by another", "placed by other", "other local authority"} {
			if strings.Contains(h, w) {
				return true
			}
		}
		return h == "ola" || strings.HasPrefix(h, "ola ")
	},
	colSchool: func(h string) bool { return strings.Contains(h, "school place") },
}

// notUASCFlag reports whether a heading naming UASC heads something
// else than whether the child is UASC: "Former UASC", "Date UASC status
// ceased". Placed first, such a column was read as the flag, and the
// flag's own column said to be "not read".
func notUASCFlag(h string) bool {
	for _, w := range []string{"former", "date", "ceased", "no longer", "previous", "ever "} {
		if strings.Contains(h, w) {
			return true
		}
	}
	return false
}

// annexAColumns finds each column's index in a header row, -1 where the
// row has none.
func annexAColumns(header []string) [numColumns]int {
	var idx [numColumns]int
	for i := range idx {
		idx[i] = -1
	}
	for j, h := range header {
		if strings.IndexFunc(h, unicode.IsLetter) < 0 {
			// Every heading has a word; a figure, most cells of a
			// scorecard's first rows, is no heading.
			continue
		}
		h = foldHeader(h)
		if h == "" {
			continue
		}
		for c, match := range annexAHeaders {
			if idx[c] < 0 && match(h) {
				idx[c] = j
				break
			}
		}
	}
	return idx
}

// foldHeader writes a heading in lower case with single spaces. Every
// cell of the first rows of every sheet of a workbook is asked whether it
// is an Annex A heading, so one already single-spaced, most of them, is
// not split into words to be joined again.
func foldHeader(h string) string {
	for i := 0; i < len(h); i++ {
		c := h[i]
		if c >= utf8.RuneSelf || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' ||
			c == ' ' && (i == 0 || i == len(h)-1 || h[i-1] == ' ') {
			return strings.ToLower(strings.Join(strings.Fields(h), " "))
		}
	}
	return strings.ToLower(h)
}

// DetectAnnexA reports whether header is the header row of an Ofsted
// Annex A list of children in care (List 8): it names the child, the date
// they started to be looked after, and whether they were UASC.
func DetectAnnexA(header []string) bool {
	// Every row of every sheet's first rows is asked, and a row with no
	// heading saying UASC or asylum has no UASC column: it is turned
	// away before each of its cells is folded and matched.
	if !slices.ContainsFunc(header, mayNameUASC) {
		return false
	}
	idx := annexAColumns(header)
	return idx[colStarted] >= 0 && idx[colUASC] >= 0 && (idx[colID] >= 0 || idx[colBirth] >= 0)
}

// mayNameUASC reports whether a heading could be the UASC column's:
// whether it holds "uasc" or "asylum" in any case, as its folded text
// must (annexAHeaders). No letter of either word is the lower case of
// any but its own ASCII capital, so the bytes are compared as ASCII.
func mayNameUASC(h string) bool {
	return holdsFoldASCII(h, "uasc") || holdsFoldASCII(h, "asylum")
}

// holdsFoldASCII reports whether s holds the lower-case ASCII word sub
// with its letters in either case.
func holdsFoldASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && (s[i+j] == sub[j] || s[i+j]+'a'-'A' == sub[j]) {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}
