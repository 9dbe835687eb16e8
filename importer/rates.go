package importer

// The rates a name or Unit cell gives: per 10,000 children, the app's
// own rate, or per another base, kept as given.

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"scorecard/app"
)

// otherRate finds in s a rate per a base other than 10,000, the one
// rate the app keeps (app.Per10k): "per 1,000 children", "per 100,000
// population", "per 100k". It returns the base as written, or "".
func otherRate(s string) string {
	b, _ := rateBase(s)
	return b
}

// rateUnit is the unit of the rate per a base other than 10,000 that s
// names (app.RatePer), or "".
func rateUnit(s string) app.Unit {
	if _, n := rateBase(s); n > 0 {
		return app.RatePer(n)
	}
	return ""
}

// rateBase finds in s a rate per a base other than 10,000, and returns
// the base as written and as a number, or "" and 0.
func rateBase(s string) (string, int) {
	ws := strings.Fields(rateText(strings.ToLower(s)))
	for i := 0; i+1 < len(ws); i++ {
		if ws[i] != "per" {
			continue
		}
		b := strings.Trim(ws[i+1], "().,;:")
		n := strings.ReplaceAll(b, ",", "")
		if strings.HasSuffix(n, "k") {
			n = strings.TrimSuffix(n, "k") + "000"
		}
		if v, err := strconv.Atoi(n); err == nil && v > 1 && v != 10000 {
			return b, v
		}
	}
	return "", 0
}

// rateText is a lower-case name with a rate's base written one way:
// "/10k" and "/ 10,000" as "per 10k" and "per 10,000", and "10 000" and
// "10 thousand" as "10,000", so that "CP plans per 10 000 children" is
// read per 10,000, not per 10.
func rateText(n string) string {
	if !strings.ContainsAny(n, "/0123456789") {
		return n
	}
	n = rateSlash().ReplaceAllString(n, " per $1")
	return rateThousands().ReplaceAllString(n, "$1,000")
}

var (
	rateSlash     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s*/\s*([0-9])`) })
	rateThousands = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b([0-9]+) (?:000|thousand)\b`) })
)

// populationRate reports whether a name in words ws is the rate of a
// group of children, or of what happens to them, that the DfE gives per
// 10,000 children (populationSubjects), with no word saying the rate is
// a share of something else (shareWords): "CIN rate", "Rate of children
// in care", "Children starting to be looked after each year (rate)",
// "Section 47 enquiries which started during the year - rate", but not
// "Re-referral rate" or "CLA placement stability rate", percentages.
func populationRate(ws []string) bool {
	rest := withoutRate(ws)
	if rest == nil {
		return false
	}
	phrase := " " + strings.Join(rest, " ") + " "
	if !slices.ContainsFunc(populationSubjects, func(s string) bool { return strings.Contains(phrase, " "+s+" ") }) {
		return false
	}
	return !slices.ContainsFunc(rest, func(w string) bool { return slices.Contains(shareWords, w) })
}

// populationSubjects are the groups of children, and what happens to
// them, whose rates the DfE gives per 10,000 children, as names give them.
var populationSubjects = []string{
	"cin", "cp", "cpp", "cla", "cic", "lac", "s47",
	"children in need", "child protection", "looked after", "children in care",
	"section 47", "referrals", "care applications",
}

// shareWords say a rate of one of populationSubjects is a share of them,
// given as a percentage: a repeat, a time limit, an outcome.
var shareWords = []string{
	"re", "repeat", "second", "subsequent", "within", "timeliness", "timely",
	"conversion", "turnover", "vacancy", "vacancies", "agency", "stability",
	"lasting", "duration", "more", "percentage", "proportion", "per",
	"attendance", "absence", "absent", "exclusion", "exclusions", "eet", "neet",
	"outcome", "outcomes", "visits", "visited", "seen", "review", "reviews",
	"health", "dental", "immunisation", "immunisations", "placement", "placements",
	"adoption", "adopted", "sdq", "missing", "offending", "reoffending", "achieving",
	"attainment", "success", "completed", "completion", "compliance", "returned",
}

// withoutRate is ws with its "rate", "rates" and "of" left out, when it
// has a "rate" or "rates"; nil otherwise.
func withoutRate(ws []string) []string {
	if !hasWord(ws, "rate", "rates") {
		return nil
	}
	var out []string
	for _, w := range ws {
		if w != "rate" && w != "rates" && w != "of" {
			out = append(out, w)
		}
	}
	return out
}
