package dfe

import (
	"fmt"
	"strings"
	"unicode"

	"scorecard/app"
)

// A DfE measure new to the store is filed under the mapping's ref (the
// care leavers file's CL01) even where the officer's scorecard holds the
// same measure under a ref of its own (SCS04 "Care leavers aged 19-21 in
// education, employment or training (%)"): the England, regional and
// neighbour figures then sit beside an indicator of the same name, not
// beside the officer's row, unsaid. The definitions are never merged
// (the officer's may count otherwise); the import says so at the line
// of the home authority's first figure.

// namesake returns the store's indicator, under another ref, whose name
// is ind's but for case, punctuation and a "(%)" or "%" mark: the
// officer's own row for the measure ind files anew.
func namesake(ind app.Indicator, stored []app.Indicator) (app.Indicator, bool) {
	key := namesakeKey(ind.Name)
	if key == "" {
		return app.Indicator{}, false
	}
	for _, s := range stored {
		if s.Ref != ind.Ref && namesakeKey(s.Name) == key {
			return s, true
		}
	}
	return app.Indicator{}, false
}

// namesakeKey is a name's words, lower case, without punctuation or a
// percentage mark: "Care leavers aged 19-21 in education, employment or
// training (%)" is "care leavers aged 19 21 in education employment or
// training".
func namesakeKey(name string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// namesakeWarning says that ind, new to the store, is filed under its
// own ref beside the store's indicator s of the same name, and why the
// two are not tied.
func namesakeWarning(ind, s app.Indicator) string {
	return fmt.Sprintf("%s %s: filed as %s; your %s has the same name: %q. They are kept apart, their definitions not merged: "+
		"a DfE measure cannot yet be filed under another ref, so this file's England, regional and neighbour figures are %s's benchmarks, not %s's "+
		"(scorecard show %s lists them beside its own figures). If %s is not the same measure, nothing needs doing",
		ind.Ref, ind.Name, ind.Ref, s.Ref, s.Name, ind.Ref, s.Ref, ind.Ref, s.Ref)
}

// homeLine is the line of the home authority's first row rule ri read,
// where a warning about the measure's figures is said; else its first
// row of any area, else line 1.
func homeLine(groups map[seriesKey]map[string]*areaRows, ri int, order []seriesKey) int {
	first, home := 0, 0
	for _, sk := range order {
		if sk.rule != ri {
			continue
		}
		for _, a := range groups[sk] {
			if first == 0 || a.line < first {
				first = a.line
			}
			if a.home && (home == 0 || a.line < home) {
				home = a.line
			}
		}
	}
	switch {
	case home > 0:
		return home
	case first > 0:
		return first
	}
	return 1
}
