package importer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"scorecard/app"
)

// Once a workbook has given a name on two sheets keyed by names that
// disagree, the store holds it keyed by each sheet's name (NREH-8800 for
// "Number of referrals" on "Early Help"). A later workbook giving the
// name on one sheet only would file it under the name's own ref
// (NR-3343), a third indicator: the month's figure would never meet its
// sheet's history. So a name the store keys by sheets is keyed by its
// sheet in every later workbook too, where the sheets agree or the name
// is given once. And a workbook that splits a name the store holds under
// its own ref leaves that history where it is, saying so.

// storedNames are the store's indicators whose refs are made from their
// names, by the words each ref is made from (madeKey): a name's own ref,
// and the refs keyed by a sheet's name besides.
type storedNames map[string][]app.Indicator

// add files ind under its key if its ref is made from its name.
func (x storedNames) add(ind app.Indicator) {
	if ind.Name == "" || !madeFromName(ind) {
		return
	}
	k := madeKey(ind.Name, ind.Section)
	x[k] = append(x[k], ind)
}

// madeKey is the words the ref of an indicator named name (with any
// footnote mark) under section is made from, as namedRef makes them.
func madeKey(name, section string) string {
	key, _ := markedKey(name, stripFootnote(name))
	if section != "" {
		key += " / " + nameKey(section)
	}
	return key
}

// sheetKey is the words the ref of the name of key keyed by sheet is
// made from: after the name's, as a section's, so that the ref's
// initials are the name's first.
func sheetKey(key, sheet string) string {
	words, _ := sheetWords(sheet)
	return key + " / " + words
}

// sheetWords are the words of a sheet's name a name keyed by it is
// filed under, and whether a date was left out of them. Sheets named for
// their month ("EH Feb 25", "CSC 2025-26") are renamed each month; keyed
// with the date, a name split by sheets would start new indicators every
// month and never meet its history. A name that is all date is kept
// whole: there is nothing else to key by.
func sheetWords(sheet string) (words string, dated bool) {
	all := strings.Fields(nameKey(sheet))
	var kept []string
	for i := 0; i < len(all); i++ {
		end, ok := dateAt(all, i)
		if !ok {
			kept = append(kept, all[i])
			continue
		}
		dated = true
		i = end - 1
	}
	if !dated || len(kept) == 0 {
		return strings.Join(all, " "), false
	}
	return strings.Join(kept, " "), true
}

// dateAt reports whether a date starts at word i of a sheet name's words
// (lower case), a month's, a quarter's or a year's, and returns the index
// of the word after it. The year after a month or quarter ("Feb 25"),
// or the end of a span after a year ("2024 25" of "2024-25"), is the
// date's too; a number elsewhere ("CL 17-18", "Team 12") is the sheet's
// own.
func dateAt(all []string, i int) (end int, ok bool) {
	w := all[i]
	_, month := monthNames()[w]
	quarter := len(w) == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4'
	year := len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && allDigits(w)
	if !month && !quarter && !year {
		return i, false
	}
	if (month || quarter) && i+1 < len(all) && allDigits(all[i+1]) && (len(all[i+1]) == 2 || len(all[i+1]) == 4) {
		i++
		w = all[i]
	}
	if len(w) == 4 && i+1 < len(all) && allDigits(all[i+1]) && yearSpanEnd(w, all[i+1]) {
		i++
	}
	return i + 1, true
}

// yearSpanEnd reports whether end closes a span of years from year:
// "2024" then "25" or "2025".
func yearSpanEnd(year, end string) bool {
	y, _ := strconv.Atoi(year)
	e, _ := strconv.Atoi(end)
	return len(end) == 2 && e == (y+1)%100 || len(end) == 4 && e == y+1
}

// sheetNamed is how a warning names the sheet a name is keyed by,
// saying where its date was left out.
func sheetNamed(sheet string) string {
	if words, dated := sheetWords(sheet); dated {
		return fmt.Sprintf("%q (as %q, its date left out, so that the sheet renamed for another month continues it)", sheet, words)
	}
	return fmt.Sprintf("%q", sheet)
}

// keyed returns the refs the store holds the name of key under keyed by
// a sheet's name, sorted, and its own ref if the store holds it ("" if
// not). A stored ref made from the name's words with more after them is
// a sheet's: a section's and a mark's words are in key already.
func (x storedNames) keyed(key string) (bySheet []string, own string) {
	for _, ind := range x[key] {
		if ind.Ref == keyRef(key) {
			own = ind.Ref
		} else if !slices.Contains(bySheet, ind.Ref) {
			bySheet = append(bySheet, ind.Ref)
		}
	}
	slices.Sort(bySheet)
	return bySheet, own
}

// storedFiling is how e is filed where the store keys its name by the
// sheets in bySheet (own is the name's own ref if the store holds it
// too), and the workbook gives it on one sheet or on sheets that agree.
//
// A sheet the store keys the name by is that sheet's indicator: filed
// under it, its figures join that sheet's history. A sheet of another
// name is kept apart, keyed by its own sheet's name, rather than refused
// or filed under either: the store's indicators are two measures that
// disagreed, and which of them (if either) this sheet gives cannot be
// told from the name, so filing it under one would put one service's
// figure in another's series with nothing to show for it; refusing it
// would drop figures the officer gave that nothing else holds. Kept
// apart, the figures are there to see, the warning names the stored
// indicators, and the same sheet next month joins them. The name's own
// ref, if the store holds it from a workbook before the split, is no
// better known: it may be either sheet's history.
func storedFiling(e *namedEntry, bySheet []string, own string) nameFiling {
	mine := keyRef(sheetKey(e.key, e.sheet))
	held := strings.Join(bySheet, ", ")
	if own != "" {
		held += "; and under " + own + " from a workbook that gave the name once"
	}
	if slices.Contains(bySheet, mine) {
		return nameFiling{bySheet: true, stored: true, why: fmt.Sprintf("filed under %s, the store's indicator of this name on the sheet %s, not under %s made from the name: an earlier workbook gave the name on sheets that disagree, so the store keys it by each sheet's name (%s), and this sheet's figures join its own history; if this sheet gives another measure, give it another name or the sheets a Ref column", mine, sheetNamed(e.sheet), keyRef(e.key), held)}
	}
	earlier := earlierKeyed(e.key, e.sheet, bySheet)
	if len(earlier) == 1 {
		return continuedFiling(e, earlier[0], fmt.Sprintf("an earlier workbook gave the name on sheets that disagree, so the store keys it by each sheet's name (%s)", held))
	}
	why := fmt.Sprintf("kept apart under %s, keyed by the sheet's name %s and its own, not under %s made from the name nor under any the store holds: an earlier workbook gave the name on sheets that disagree, so the store keys it by each sheet's name (%s), none of them this sheet's, and which of those measures this sheet gives (if either) is not guessed; if it continues one, give this sheet that sheet's name or a Ref column giving that indicator's ref", mine, sheetNamed(e.sheet), keyRef(e.key), held)
	if len(earlier) > 1 {
		why += earlierUnguessed(earlier)
	} else if _, dated := sheetWords(e.sheet); dated {
		// Stores keyed before dates were left out hold sheets' whole
		// names, which no sheet of another month continues (QA25 D5).
		why += "; the store's may be keyed by earlier sheets' whole names, their dates in them (as imports before December 2026 keyed them), which a sheet of another month does not continue"
	}
	return nameFiling{bySheet: true, stored: true, why: why}
}

// ownLeft is said, after why a split name is keyed by its sheet, where
// the store holds the name under its own ref own from a workbook that
// gave it on one sheet: that history is not joined to either sheet's,
// as which sheet's measure it was is not known.
func ownLeft(own string) string {
	return fmt.Sprintf("; the store's %s, from an earlier workbook that gave the name on one sheet, keeps the history it has and is joined to neither sheet's indicator, as which sheet's measure it was is not guessed; if it was this sheet's measure, a Ref column giving %s on this row files them together", own, own)
}
