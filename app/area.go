package app

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return foldAreaText(s)
		}
	}
	return foldASCIIArea(s)
}

// foldAreaText is foldArea of any text.
func foldAreaText(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "&", " and "))
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	kept := words[:0]
	for _, w := range words {
		if len(words) > 1 && slices.Contains(areaFillers[:], w) {
			continue
		}
		kept = append(kept, w)
	}
	return strings.Join(kept, " ")
}

// foldASCIIArea is foldArea of ASCII text, read in place and written in
// one allocation: every command folds the authorities' 1,400 spellings
// as it starts, and foldAreaText makes four strings or slices of each.
func foldASCIIArea(s string) string {
	// next returns the word starting at or after i ("and" for "&"), as
	// s holds it, and where the scan goes on; "" at the end.
	next := func(i int) (string, int) {
		for i < len(s) {
			switch c := s[i]; {
			case c == '&':
				return "and", i + 1
			case asciiWordByte(c):
				j := i
				for j < len(s) && asciiWordByte(s[j]) {
					j++
				}
				return s[i:j], j
			}
			i++
		}
		return "", i
	}
	words := 0
	for w, i := next(0); w != ""; w, i = next(i) {
		words++
	}
	b := make([]byte, 0, len(s))
	for w, i := next(0); w != ""; w, i = next(i) {
		if words > 1 && slices.ContainsFunc(areaFillers[:], func(f string) bool { return strings.EqualFold(w, f) }) {
			continue
		}
		if len(b) > 0 {
			b = append(b, ' ')
		}
		for k := 0; k < len(w); k++ {
			c := w[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
	}
	return string(b)
}

// asciiWordByte reports whether c, an ASCII byte, is a letter or digit:
// what unicode.IsLetter and unicode.IsDigit say of it.
func asciiWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// areaFillers are the words foldArea drops from a name of more than one.
var areaFillers = [...]string{"and", "district", "borough", "council", "dc", "bc"}
