package importer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Before December 2026 a name keyed by its sheet was keyed by the
// sheet's whole name, its date in it: "Number of referrals" on "EH Feb
// 25" is NREF2-9691 in such a store. Keyed now without the date, the
// same sheet next month ("EH Mar 25") would start NRE-6327, and the
// store's series would end with nothing said but flags calling it
// missing (QA26a L2). A store's indicator of the name keyed by another
// month's name of the sheet is found by naming the sheet for each month
// near its own, in its own words, and matching the refs those names
// make (earlierKeyed). One found is continued: it is this sheet's history
// under its old key. Two or more (each month was a new indicator then)
// are named, and none is guessed.

// earlierName is a store's indicator keyed by another month's name of a
// sheet: its ref and the sheet's name it was keyed by.
type earlierName struct {
	ref, sheet string
}

// earlierKeyed returns the refs among bySheet (the store's refs of the
// name of key keyed by sheets) made from key and another month's whole
// name of sheet, or its own whole name, as imports before December 2026
// made them; sorted by ref.
func earlierKeyed(key, sheet string, bySheet []string) []earlierName {
	var out []earlierName
	for _, name := range datedForms(sheet) {
		ref := keyRef(key + " / " + nameKey(name))
		if slices.Contains(bySheet, ref) && !slices.ContainsFunc(out, func(e earlierName) bool { return e.ref == ref }) {
			out = append(out, earlierName{ref: ref, sheet: name})
		}
	}
	slices.SortFunc(out, func(a, b earlierName) int { return strings.Compare(a.ref, b.ref) })
	return out
}

// namedEarlier lists earlier names for a warning: NREF2-9691 (keyed by
// "EH Feb 25"), ...
func namedEarlier(es []earlierName) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = fmt.Sprintf("%s (keyed by %q)", e.ref, e.sheet)
	}
	return strings.Join(parts, ", ")
}

// datedForms are a sheet's name dated for each month, quarter or year
// near its own date (three years before to one after), in its own words
// and the date written as it writes it ("EH Feb 25" for "EH Mar 25",
// and "EH February 25"), its own name among them. A name with no date,
// or two, has none.
func datedForms(sheet string) []string {
	words := strings.FieldsFunc(sheet, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '%' && r != '+'
	})
	lower := make([]string, len(words))
	for i, w := range words {
		lower[i] = strings.ToLower(w)
	}
	lo, hi, ok := dateSpan(lower)
	if !ok {
		return nil
	}
	var dates [][]string
	first := lower[lo]
	switch {
	case monthNames()[first] != "":
		dates = monthForms(words[lo], lower[lo+1:hi])
	case len(first) == 2 && first[0] == 'q':
		for q := '1'; q <= '4'; q++ {
			for k := -3; k <= 1; k++ {
				dates = append(dates, append([]string{string([]rune{rune(words[lo][0]), q})}, shiftYears(lower[lo+1:hi], k)...))
			}
		}
	default:
		for k := -3; k <= 1; k++ {
			dates = append(dates, shiftYears(lower[lo:hi], k))
		}
	}
	var out []string
	for _, d := range dates {
		name := strings.Join(slices.Concat(words[:lo], d, words[hi:]), " ")
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// dateSpan finds the one date among a sheet name's words (lower case),
// as sheetWords reads one: the index of its first word and of the word
// after its last. ok is false where the name has no date or more than
// one, or is nothing but its date (sheetWords keeps such a name whole).
func dateSpan(all []string) (lo, hi int, ok bool) {
	found := 0
	for i := 0; i < len(all); i++ {
		end, ok := dateAt(all, i)
		if !ok {
			continue
		}
		found++
		lo, hi = i, end
		i = end - 1
	}
	return lo, hi, found == 1 && hi-lo < len(all)
}

// monthForms are a month's word (as written: "Feb", "FEB") and its year
// (its words after the month, lower case: "25", "2025", or none) for each
// month from three years before to one after, each month in short and
// in full ("Feb", "February", and "Sept"), the year as wide as given. A
// month without a year is each month of the year.
func monthForms(month string, year []string) [][]string {
	m0 := monthIndex(strings.ToLower(month))
	y0, width := 2001, 0
	if len(year) == 1 {
		y0, _ = strconv.Atoi(year[0])
		if width = len(year[0]); width == 2 {
			y0 += 2000
		}
	}
	from, to := -36, 12
	if width == 0 {
		from, to = 0, 11
	}
	var out [][]string
	for d := from; d <= to; d++ {
		t := time.Date(y0, m0+time.Month(d), 1, 0, 0, 0, 0, time.UTC)
		names := []string{t.Month().String()[:3], t.Month().String()}
		if t.Month() == time.September {
			names = append(names, "Sept")
		}
		for _, n := range names {
			form := []string{likeCase(month, n)}
			switch width {
			case 2:
				form = append(form, fmt.Sprintf("%02d", t.Year()%100))
			case 4:
				form = append(form, strconv.Itoa(t.Year()))
			}
			out = append(out, form)
		}
	}
	return out
}

// monthIndex is the month a month's word (lower case) names.
func monthIndex(w string) time.Month {
	short := strings.ToLower(monthNames()[w])
	for m := time.January; m <= time.December; m++ {
		if strings.ToLower(m.String()[:3]) == short {
			return m
		}
	}
	return time.January
}

// shiftYears is a date's year words moved k years, each as wide as
// given: "2024 25" by -1 is "2023 24".
func shiftYears(years []string, k int) []string {
	out := make([]string, len(years))
	for i, y := range years {
		v, _ := strconv.Atoi(y)
		if len(y) == 2 {
			out[i] = fmt.Sprintf("%02d", (v+k+100)%100)
		} else {
			out[i] = strconv.Itoa(v + k)
		}
	}
	return out
}

// likeCase writes word in the case of as: "FEB", "feb" or "Feb".
func likeCase(as, word string) string {
	switch {
	case as == strings.ToUpper(as):
		return strings.ToUpper(word)
	case as == strings.ToLower(as):
		return strings.ToLower(word)
	}
	return word
}

// continuedFiling files e under the store's indicator keyed by an
// earlier month's name of its sheet, the one found (earlierKeyed): why
// says why the name is keyed by its sheet at all.
func continuedFiling(e *namedEntry, earlier earlierName, why string) nameFiling {
	words, _ := sheetWords(e.sheet)
	return nameFiling{ref: earlier.ref, stored: true, why: fmt.Sprintf("filed under %s: continues %s, keyed by the sheet's earlier name %q, the store's indicator of this name on this sheet, keyed with its date as imports before December 2026 keyed it; not under %s, keyed by the sheet's name without its date (%q), nor under %s made from the name: %s; if this sheet's is another measure than %q gave, give it another name or the sheet a Ref column",
		earlier.ref, earlier.ref, earlier.sheet, keyRef(sheetKey(e.key, e.sheet)), words, keyRef(e.key), why, earlier.sheet)}
}

// earlierUnguessed is said where the store holds the name keyed by two
// or more earlier months' names of the sheet: which one the sheet
// continues is not guessed, and how to say it.
func earlierUnguessed(es []earlierName) string {
	return fmt.Sprintf("; the store holds this name keyed by earlier months' names of this sheet, each its own indicator, as imports before December 2026 keyed them with the sheet's date: %s; which of them this sheet continues is not guessed: a Ref column giving that one's ref on this row continues it",
		namedEarlier(es))
}
