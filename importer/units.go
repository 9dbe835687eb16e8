package importer

// The unit and measure of an indicator, read from a Unit or Measure
// column's text or, where none states them, from the words of its name.

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"scorecard/app"
)

// unitOf infers an indicator's unit from its name, and whether its cells
// showed percentages.
func unitOf(name string, percent bool) app.Unit {
	u, _ := nameUnit(name, percent)
	return u
}

// nameUnit infers an indicator's unit from its name, and whether its
// cells showed percentages, and returns the word of the name it was taken
// from where that was one of "days", "weeks", "score" or "ratio", which
// make the figures no counts of children, "rate" for a rate that names
// no base, or "count" where nothing in the name says (a count, guessed).
// Words are matched whole: "meaningful" holds no "mean", nor
// "preparation" a "ratio". A name that says it counts ("Number of
// children seen within 5 days") is a count whatever time limit it names,
// and one that does not is read as a count with the time limit said
// (timeLimit).
// A "%" after a number is a limit, not the unit: "Number of children with
// attendance below 90%" counts, unless it ends saying otherwise ("(%)");
// a name that does not say it counts and has such a limit returns the
// word "limit", for a warning.
func nameUnit(name string, percent bool) (app.Unit, string) {
	if percent {
		return app.Percent, ""
	}
	u := nameUnits.of(name, readNameUnit)
	return u.unit, u.word
}

// nameUnits remembers what nameUnit made of each name: a district
// workbook names each indicator on every sheet, and each sheet's reader
// asks of each name.
var nameUnits = &textMemo[nameReading]{}

// nameReading is what nameUnit says of a name whose cells showed no
// percentages.
type nameReading struct {
	unit app.Unit
	word string
}

// readNameUnit works out what nameUnit says of a name.
func readNameUnit(name string) nameReading {
	u, word := unitOfName(name, false)
	return nameReading{u, word}
}

// unitOfName is nameUnit without the memo.
func unitOfName(name string, percent bool) (app.Unit, string) {
	n := rateText(strings.ToLower(name))
	ws := nameWords(n)
	counts := countsByName(ws)
	switch {
	case percent, counts && percentAtEnd(n, ws), !counts && namesPercent(n, ws):
		return app.Percent, ""
	case otherRate(n) != "":
		// A rate, not a count of children: kept in its own base, and
		// the collector says it is not recomputed (dataset).
		return rateUnit(n), ""
	case strings.Contains(n, "per 10,000"), strings.Contains(n, "per 10000"),
		strings.Contains(n, "per 10k"), strings.Contains(n, "rate per"):
		return app.Per10k, ""
	case counts:
		return app.Number, ""
	case nameMoney(n, ws) != "":
		return moneyUnit, "money" // said at its name (sayNameUnit)
	case populationRate(ws):
		// "CIN rate", "CLA rate": the DfE gives the rates of children
		// in need, on plans and in care per 10,000 children, and
		// said as a percentage a rate of 53 was 53%.
		return app.Per10k, "population rate"
	case hasWord(ws, "rate", "rates"):
		// A rate with no base named ("Re-referral rate", "Agency
		// rate") is no count; scorecards give such rates as
		// percentages, and the collector says the base was assumed.
		return app.Percent, "rate"
	}
	for _, w := range [...]struct {
		word string
		unit app.Unit
	}{{"days", app.Days}, {"weeks", app.Weeks}, {"score", app.Score}, {"scores", app.Score}, {"ratio", app.Ratio}} {
		if !hasWord(ws, w.word) {
			continue
		}
		if strings.Contains(n, "("+w.word+")") || len(ws) > 2 && ws[1] == "of" && ws[2] == w.word {
			// "Time to adoption (days)", "Number of days ...": the
			// name states its unit.
			return w.unit, ""
		}
		if (w.unit == app.Score || w.unit == app.Ratio) && countsWithWord(ws, w.word) {
			// "Children with an SDQ score of 17 or more": the children
			// have the score, and are counted (sayScoreWordCounted).
			return app.Number, w.word
		}
		if (w.unit == app.Days || w.unit == app.Weeks) && timeLimit(ws, w.word) != "" {
			// "Children seen within 5 days", "EHC plans issued within
			// 20 weeks": the time its figures are measured against, not
			// their unit. Read in days, a count of children was
			// published unwithheld.
			continue
		}
		return w.unit, w.word
	}
	if u, word := notACount(ws); u != "" {
		return u, word // said at its name (sayNameUnit)
	}
	if percentLimit(n) != "" {
		// "Children with attendance below 90%": the limit is no unit,
		// but a reader may take it for one.
		return app.Number, "limit"
	}
	// Nothing in the name says what its figures are: a count, the
	// importer's guess, said at the name (sayNameUnit).
	return app.Number, "count"
}

// namesPercent reports whether a lower-case name says its figures are
// percentages: a "%" or "per cent" that is no limit, or "percentage" or
// "proportion".
func namesPercent(n string, ws []string) bool {
	for i := 0; i < len(n); i++ {
		if n[i] == '%' && !afterNumber(n, i) {
			return true
		}
	}
	for i, w := range ws {
		switch w {
		case "percentage", "percentages", "proportion", "proportions":
			if !limitFollows(ws, i) {
				return true
			}
		case "percent":
			if i == 0 || !isNumber(ws[i-1]) {
				return true
			}
		case "per":
			if i+1 < len(ws) && ws[i+1] == "cent" && (i == 0 || !isNumber(ws[i-1])) {
				return true
			}
		}
	}
	return false
}

// limitFollows reports whether ws[i], a word such as "percentage", is
// given a limit next, "below 90" or "of 90 or more", so qualifies what
// the name counts: "CiC with attendance percentage below 90".
func limitFollows(ws []string, i int) bool {
	compared := false
	for j := i + 1; j < len(ws) && j <= i+3; j++ {
		switch ws[j] {
		case "below", "above", "under", "over", "less", "more", "than":
			compared = true
		case "of":
		default:
			// "Percentage of 2 year olds ..." names whose percentage.
			return compared && isNumber(ws[j])
		}
	}
	return false
}

// countsWithWord reports whether a name in words ws that holds word
// ("score", "ratio") counts something that has one, rather than giving
// the score: "Children with an SDQ score of 17 or more" counts children,
// where "SDQ score", "Children in care SDQ score" and "Children in care:
// average SDQ score" give scores, and "Staff to child ratio" a ratio.
// The counted subject must be said to have it ("with", "whose",
// "having", "who", "achieving" ... comes between), or a threshold of it
// follows ("CiC SDQ score 17 or more").
func countsWithWord(ws []string, word string) bool {
	i := slices.Index(ws, word)
	if i < 0 || !countedSubject(ws[:i]) || averages(ws[:i]) {
		return false
	}
	for _, w := range ws[:i] {
		switch w {
		case "with", "whose", "having", "who", "achieving", "scoring", "attaining", "reaching":
			return true
		}
	}
	// "CiC SDQ score 17 or more": a threshold of the score follows.
	if i+1 < len(ws) && isNumber(ws[i+1]) {
		if v, err := strconv.ParseFloat(ws[i+1], 64); err == nil && v < 1000 {
			return true
		}
	}
	return false
}

// averages reports whether a name in words ws names an average ("Average
// caseload", "Median days to permanence"), not a comparison with one
// ("Children with above average attendance", "Pupils achieving below the
// national average"), which counts.
func averages(ws []string) bool {
	for i, w := range ws {
		switch w {
		case "average", "averages", "avg", "mean", "means", "median", "medians":
		default:
			continue
		}
		compared := false
		for j := max(0, i-3); j < i; j++ {
			switch ws[j] {
			case "above", "below", "than", "under", "over":
				compared = true
			}
		}
		if !compared {
			return true
		}
	}
	return false
}

// percentAtEnd reports whether a lower-case name that counts ("Number of
// ...") ends stating its figures are percentages after all: "... (%)",
// "... as a percentage", or "... as a percentage of ..." naming the base. A "%" after a number there is still a limit:
// "... attendance below 90%" counts children.
func percentAtEnd(n string, ws []string) bool {
	t := strings.TrimRight(n, " )")
	if strings.HasSuffix(t, "%") {
		return !afterNumber(t, len(t)-1)
	}
	// "... as a percentage of children leaving care", "... (% of
	// referrals)", "(% within 5 days)": the percentage's base follows.
	for _, of := range []string{"as a percentage", "as a proportion", "as a %", "as %", "(%", "( %"} {
		if strings.Contains(n, of+" ") {
			return true
		}
	}
	if len(ws) == 0 {
		return false
	}
	last := ws[len(ws)-1]
	switch {
	case last == "percentage", last == "proportion":
		return true
	case last == "percent":
		return len(ws) < 2 || !isNumber(ws[len(ws)-2])
	case last == "cent" && len(ws) > 1 && ws[len(ws)-2] == "per":
		return len(ws) < 3 || !isNumber(ws[len(ws)-3])
	}
	return false
}

// percentLimit returns the first limit a lower-case name gives as a
// percentage ("90%" in "... attendance below 90%"), or "".
func percentLimit(n string) string {
	for i := 0; i < len(n); i++ {
		if n[i] != '%' || !afterNumber(n, i) {
			continue
		}
		j := strings.TrimRight(n[:i], " ")
		k := len(j)
		for k > 0 && (j[k-1] >= '0' && j[k-1] <= '9' || j[k-1] == '.' || j[k-1] == ',') {
			k--
		}
		return strings.TrimSpace(n[k : i+1])
	}
	ws := nameWords(n)
	for i := 1; i < len(ws); i++ {
		switch {
		case !isNumber(ws[i-1]):
		case ws[i] == "percent":
			return ws[i-1] + " percent"
		case ws[i] == "per" && i+1 < len(ws) && ws[i+1] == "cent":
			return ws[i-1] + " per cent"
		}
	}
	return ""
}

// timeLimit is the time limit a lower-case name in words ws gives with
// the word unit ("days" or "weeks") where every use of the word follows
// a number, "5 days", "20 working days", "five days", "2 or more days";
// "" where the word is used otherwise ("Average days to adoption"), or
// not at all, or where the name is of a time taken (durationWords): the
// number in "Duration of care proceedings (target 26 weeks)" is its
// target, and its figures are weeks.
func timeLimit(ws []string, unit string) string {
	limit := ""
	for i, w := range ws {
		if durationWords[w] {
			return ""
		}
		if w != unit {
			continue
		}
		j := i - 1
		if j > 0 && (ws[j] == "working" || ws[j] == "calendar" || ws[j] == "school") {
			j--
		}
		if j > 1 && ws[j-1] == "or" && (ws[j] == "more" || ws[j] == "fewer" || ws[j] == "less" || ws[j] == "over" || ws[j] == "longer") {
			j -= 2 // "2 or more days"
		}
		if j < 0 || !isNumber(ws[j]) && !numberWords[ws[j]] {
			return ""
		}
		if limit == "" {
			limit = strings.Join(ws[j:i+1], " ")
		}
	}
	return limit
}

// durationWords name a time taken, whose figures are days or weeks
// whatever number of them the name gives as a target.
var durationWords = map[string]bool{
	"duration": true, "durations": true, "length": true, "time": true, "times": true,
	"timescale": true, "timescales": true, "average": true, "mean": true, "median": true,
}

// numberWords are the numbers a name may give in words: "within five
// working days", "over eighteen weeks".
var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "thirteen": true,
	"fourteen": true, "fifteen": true, "sixteen": true, "seventeen": true, "eighteen": true,
	"nineteen": true, "twenty": true, "thirty": true, "forty": true, "fifty": true, "sixty": true,
}

// nameTimeLimit is the time limit a name gives in days or weeks (see
// timeLimit), "" for none.
func nameTimeLimit(name string) string {
	ws := nameWords(strings.ToLower(name))
	if limit := timeLimit(ws, "days"); limit != "" {
		return limit
	}
	return timeLimit(ws, "weeks")
}

// afterNumber reports whether the "%" at n[i] follows a number, so is a
// limit ("below 90%", "over 10 %") and not a unit: the number is a run
// of digits and points not joined to a word ("ks2%" is no number).
func afterNumber(n string, i int) bool {
	j := i
	for j > 0 && n[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && (n[k-1] >= '0' && n[k-1] <= '9' || n[k-1] == '.' || n[k-1] == ',') {
		k--
	}
	if k == j || !(n[j-1] >= '0' && n[j-1] <= '9') {
		return false
	}
	if k == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(n[:k])
	return !unicode.IsLetter(r)
}

// measureOf infers how an indicator's figure is built: a median or mean
// from its wording, a proportion when the source gives a numerator and
// denominator (or it is a percentage), a rate per 10,000, else a count.
// stated says the file (or the store) gave its unit: a count stated is
// never made a mean by a "per" in its name, as a mean is not withheld.
func measureOf(name string, unit app.Unit, hasParts, stated bool) app.Measure {
	n := strings.ToLower(name)
	ws := nameWords(n)
	switch {
	case otherRate(n) != "", unit.OtherRate():
		// A rate per 1,000 or per 100,000 is not a Rate, which is per
		// 10,000: recomputed as one it would be scaled wrongly.
		return app.Other
	case strings.Contains(n, "change in"), strings.Contains(n, "difference"), strings.HasPrefix(n, "net "):
		// A change between two dates is built from figures the row does
		// not give, so nothing can be recomputed from it.
		return app.Other
	case unit == app.Number && countsByName(ws):
		// "Number of children above average attainment" counts, and so
		// does "Number of children per placement type: residential".
		return app.Count
	case hasWord(ws, "median", "medians") && averages(ws):
		return app.Median
	case averages(ws):
		// "Average number of placement moves per child", though not
		// "Children with above average attendance", which counts.
		return app.Mean
	case unit == app.Number && !stated && perStaff(ws):
		// "Caseload per FTE", "Children per social worker": a mean
		// over the staff named. A count "per placement type" or "per
		// child protection category" is a breakdown of children, and
		// "Placement moves per child" may count them: both withheld.
		return app.Mean
	case unit != app.Number && unit != app.Percent && unit != app.Per10k && perHead(ws) != "":
		// "Sickness days per FTE": days averaged over the heads, not
		// a count, so nothing is withheld either way.
		return app.Mean
	case unit == app.Per10k:
		return app.Rate
	case hasParts, unit == app.Percent:
		return app.Proportion
	case unit == app.Number && hasWord(ws, "rate", "rates") && !strings.Contains(n, "per "):
		// A rate stated (or stored) as a count is a rate all the same:
		// subtracting a cohort's rate from it means nothing.
		return app.Other
	case unit == app.Number:
		return app.Count
	}
	return app.Other
}

// unitFromText reads a Unit column: "%", "Percentage", "Rate per 10,000",
// "Number", "Days".
func unitFromText(s string) (app.Unit, bool) {
	t := strings.ToLower(strings.TrimSpace(s))
	switch {
	case t == "":
		return "", false
	case t == "%" || strings.HasPrefix(t, "percent") || strings.HasPrefix(t, "proportion"):
		return app.Percent, true
	case otherRate(t) != "":
		return rateUnit(t), true
	case strings.Contains(t, "10,000") || strings.Contains(t, "10000") || strings.Contains(t, "10k"):
		return app.Per10k, true
	case strings.HasPrefix(t, "day"):
		return app.Days, true
	case strings.HasPrefix(t, "week"):
		return app.Weeks, true
	case strings.HasPrefix(t, "score"):
		return app.Score, true
	case strings.HasPrefix(t, "ratio"):
		return app.Ratio, true
	case t == "count" || strings.HasPrefix(t, "number") || t == "no" || t == "no." || t == "nos" || t == "nos." || t == "n" || t == "#":
		return app.Number, true
	}
	return "", false
}

// parseMeasure reads a Measure column: the app's own words, and "average"
// and "percentage" as officers write them.
func parseMeasure(s string) (app.Measure, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "proportion", "percentage", "%":
		return app.Proportion, true
	case "count", "number":
		return app.Count, true
	case "rate":
		return app.Rate, true
	case "mean", "average":
		return app.Mean, true
	case "median":
		return app.Median, true
	}
	return "", false
}
