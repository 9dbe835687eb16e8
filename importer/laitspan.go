package importer

import (
	"regexp"
	"strings"
	"sync"

	"scorecard/app"
)

// LAIT titles a download by its indicator and the years it spans,
// "Children looked after rate per 10,000 children aged under 18
// (2014-2024)", and next year's download "(2015-2025)". Known by the
// whole title, each download started an indicator of its own, its
// figures never meeting the last one's. The span is the download's, not
// the indicator's: it is left out of the name, said at the title.

// titleSpan matches a span of years at a title's end, bracketed or after
// a dash, colon or comma: "(2014-2024)", "[2014 to 2024]", ": 2014/15 -
// 2023/24".
var titleSpan = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(.*[\p{L}\p{N}%)\]])\s*[-–:,]?\s*([(\[]?)\s*((?:19|20)\d{2}(?:[-/](?:\d{4}|\d{2}))?\s*(?:-|–|to)\s*(?:19|20)\d{2}(?:[-/](?:\d{4}|\d{2}))?)\s*([)\]]?)$`)
})

// cutTitleSpan returns title without the span of years at its end, and
// the span as written; ok is false where it ends in none.
func cutTitleSpan(title string) (name, span string, ok bool) {
	m := titleSpan().FindStringSubmatch(strings.TrimSpace(title))
	if m == nil || m[2] == "(" != (m[4] == ")") || m[2] == "[" != (m[4] == "]") {
		return title, "", false
	}
	name = strings.TrimSpace(m[1])
	if !strings.ContainsFunc(name, func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' }) {
		return title, "", false
	}
	return name, strings.TrimSpace(m[2] + m[3] + m[4]), true
}

// spannedStored returns the store's indicators (indicators) made from a
// title of name with a span of years after it, as imports before spans
// were left out named a download ("... (2014-2024)"), so that the next
// download continues the one the store holds.
func spannedStored(name string, indicators []app.Indicator) []app.Indicator {
	var out []app.Indicator
	for _, ind := range indicators {
		if bare, _, ok := cutTitleSpan(ind.Name); ok && madeFromName(ind) && nameKey(bare) == nameKey(name) {
			out = append(out, ind)
		}
	}
	return out
}
