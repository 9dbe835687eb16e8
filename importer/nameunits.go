package importer

import (
	"fmt"
	"math"
	"strings"

	"scorecard/app"
	"scorecard/app/disclosure"
)

// sayNameUnit warns, at the name's cell, of a unit taken from a word of
// ind's name (nameUnit) that a reader would not take for granted: a rate
// that names no base, read as a percentage, and "days", "weeks", "score"
// or "ratio", which take the figures out of the small-number suppression
// counts of children get.
func (c *collector) sayNameUnit(ind *app.Indicator, word string) {
	at := c.stated[ind.Ref].Name
	switch word {
	case "":
	case "limit":
		if ind.Unit != app.Number {
			// Its numerators and denominators made it a percentage.
			return
		}
		c.warn(at.Sheet, at.Cell, "%s: the %q in its name %q is read as a limit, not its unit: its figures are read as counts of children, so exports withhold small numbers of them; if they are percentages, state \"%%\" in a Unit column",
			ind.Ref, percentLimit(strings.ToLower(ind.Name)), ind.Name)
	case "rate":
		c.warn(at.Sheet, at.Cell, "%s: %q names a rate but not its base (per cent, per 10,000 children): read as a percentage, not a count, and not recomputed when children are excluded; if it is not a percentage, state its unit in a Unit column",
			ind.Ref, ind.Name)
	case "population rate":
		c.warn(at.Sheet, at.Cell, "%s: %q names a rate of children but not its base: read as a rate per 10,000 children, as the DfE gives such rates; if its base is another, state its unit in a Unit column",
			ind.Ref, ind.Name)
	case "count":
		c.sayGuessedCount(ind)
	case "money":
		c.warn(at.Sheet, at.Cell, "%s: no Unit column states its unit, and %q in its name %q says its figures are money: kept in unit %q, which the app has no unit for, as a figure that is no count of children, so exports do not withhold small numbers of it and it is not recomputed when children are excluded; if it counts children, state \"No.\" in a Unit column",
			ind.Ref, nameMoney(strings.ToLower(ind.Name), nameWords(strings.ToLower(ind.Name))), ind.Name, ind.Unit)
	case "score", "scores", "ratio":
		if ind.Unit == app.Number {
			c.sayScoreWordCounted(ind, word)
			return
		}
		c.sayUnitWord(ind, word)
	case "rating", "timeliness", "attainment 8", "progress 8":
		if ind.Unit != app.Score {
			c.sayScoreWordCounted(ind, word)
			return
		}
		c.warn(at.Sheet, at.Cell, "%s: no Unit column states its unit, and the word %q in its name %q says its figures are not counts of children: read in unit %q, a guess, so exports do not withhold small numbers of them; state its unit in a Unit column",
			ind.Ref, word, ind.Name, ind.Unit)
	default:
		c.sayUnitWord(ind, word)
	}
}

// sayUnitWord warns, at the name's cell, that ind's unit was taken from
// word in its name, and is no count, so its small numbers are not
// withheld; an average of days or per head of staff is plainly no count
// and goes unsaid.
func (c *collector) sayUnitWord(ind *app.Indicator, word string) {
	if ind.Measure == app.Mean || ind.Measure == app.Median || perHead(nameWords(strings.ToLower(ind.Name))) != "" {
		// "Average days to ...", "Sickness days per FTE": plainly
		// no count.
		return
	}
	at := c.stated[ind.Ref].Name
	c.warn(at.Sheet, at.Cell, "%s: unit %q taken from the word %q in its name %q: its figures are not read as counts of children, so exports do not withhold small numbers of them; if they count children, state \"No.\" in a Unit column or begin the name \"Number of\"",
		ind.Ref, ind.Unit, word, ind.Name)
}

// notACount is the unit of a name, lower-cased and in words ws, that
// says its figures are scores, not counts of children, though it names
// no unit: "Key stage 4 attainment 8", "Ofsted rating", "Timeliness of
// review conferences" (a score of timeliness, which no count measures).
// Read as counts, a score of 2 to 4 was withheld on export as a small
// number of children, and its change shown as a count. It returns the
// word it went by, for sayNameUnit; "" for none. An average ("Average
// caseload") stays a count's mean, whose figure is not withheld.
func notACount(ws []string) (app.Unit, string) {
	if countsByName(ws) {
		return "", "" // "Number of children rated good" counts
	}
	for i, w := range ws {
		switch w {
		case "rating", "ratings":
			// "Ofsted rating"; "Homes with a rating of good" counts.
			if i == len(ws)-1 {
				return scoreOrCount(!countedSubject(ws[:i])), "rating"
			}
		case "timeliness":
			// "Timeliness of review conferences" is one; "Conferences
			// held within timeliness" counts them.
			return scoreOrCount(headWord(ws, i)), "timeliness"
		case "attainment", "progress":
			// Attainment 8 and Progress 8 are scores.
			if i+1 < len(ws) && ws[i+1] == "8" {
				return app.Score, w + " 8"
			}
		}
	}
	return "", ""
}

// sayStoredUnit warns, at the name's cell, where the store holds ind's
// unit as an earlier import guessed it from its name and the name now
// reads otherwise: "Number of children seen within 5 days" or "Children
// seen within 5 days" held in days is published unsuppressed, and
// "Re-referral rate" held as a count is subtracted from. A unit only
// implied never replaces the store's, so the officer is told how to state
// it.
func (c *collector) sayStoredUnit(ind *app.Indicator, stored app.Indicator) {
	if ind.Name == "" || ind.Name == ind.Ref {
		return
	}
	u, word := nameUnit(ind.Name, false)
	at := c.stated[ind.Ref].Name
	switch {
	case u == app.Number && countsByName(nameWords(strings.ToLower(ind.Name))) && (stored.Unit == app.Days || stored.Unit == app.Weeks || stored.Unit == app.Score || stored.Unit == app.Ratio):
		c.warn(at.Sheet, at.Cell, "%s: the store holds %q in unit %q, as an earlier import read it from a word in its name, but the name says it counts: exports do not withhold small numbers of it; to make it a count, state \"No.\" in a Unit column and import with --accept-definitions",
			ind.Ref, ind.Name, stored.Unit)
	case u == app.Number && (stored.Unit == app.Days || stored.Unit == app.Weeks) && nameTimeLimit(ind.Name) != "":
		c.warn(at.Sheet, at.Cell, "%s: the store holds %q in unit %q, as an earlier import read it from the %q in its name, which is a time limit, not its unit: exports do not withhold small numbers of it; to make it a count, state \"No.\" in a Unit column (or \"%%\" if its figures are percentages) and import with --accept-definitions",
			ind.Ref, ind.Name, stored.Unit, nameTimeLimit(ind.Name))
	case u == app.Number && stored.Unit == app.Percent && percentLimit(strings.ToLower(ind.Name)) != "":
		c.warn(at.Sheet, at.Cell, "%s: the store holds %q as a percentage, as an earlier import read it from the %q in its name, which is a limit, not its unit: exports do not withhold small numbers of it; to make it a count, state \"No.\" in a Unit column and import with --accept-definitions",
			ind.Ref, ind.Name, percentLimit(strings.ToLower(ind.Name)))
	case word == "money" && stored.Unit == app.Number:
		c.warn(at.Sheet, at.Cell, "%s: the store holds %q as a count, as an earlier import guessed it, but %q in its name says its figures are money: exports withhold small numbers of it; to correct it, state its unit (\"£\") in a Unit column and import with --accept-definitions",
			ind.Ref, ind.Name, nameMoney(strings.ToLower(ind.Name), nameWords(strings.ToLower(ind.Name))))
	case word == "rate" && stored.Unit == app.Number:
		c.warn(at.Sheet, at.Cell, "%s: the store holds %q as a count, as an earlier import read it, but it names a rate: excluding a cohort would subtract one rate from another; to correct it, state its unit (\"%%\") in a Unit column and import with --accept-definitions",
			ind.Ref, ind.Name)
	}
}

// fractionalCounts looks at the figures of the indicators read as counts
// only because nothing said otherwise (guessed, by index in inds): a
// count cannot be 22.5 children, so one with a figure that is not whole
// is some other measure ("Re-referrals within 12 months" as a
// percentage, a caseload per worker). It is warned at its first such
// cell, and its measure made Other, so that excluding a cohort says
// "cannot exclude" rather than subtracting one rate from another. A
// figure that looks written with a point for thousands (1.910 among
// counts such as 1896, or 1.91 as a number cell keeps it) is left to
// checkCounts.
func (c *collector) fractionalCounts(inds []app.Indicator, guessed map[string]int) {
	if len(guessed) == 0 {
		c.sayGuessedCounts(inds, nil)
		return
	}
	type seen struct {
		first, point int // index+1 of the first fraction, and of the first like 1.910
		big          bool
	}
	by := make(map[string]*seen, len(guessed))
	// Figures come a series at a time: the last series' entry is kept
	// so most figures need no lookup.
	last, cur := int32(-1), (*seen)(nil)
	for i := range c.figs {
		f := c.fig(i)
		if f.series != last {
			last, cur = f.series, nil
			ref := c.figures.keys[f.series].Ref
			if _, ok := guessed[ref]; ok {
				if cur = by[ref]; cur == nil {
					cur = &seen{}
					by[ref] = cur
				}
			}
		}
		if cur == nil || f.flags&hasValue == 0 {
			continue
		}
		v := math.Abs(f.value)
		switch {
		case v == math.Trunc(v):
			cur.big = cur.big || v >= 1000
		case cur.first != 0:
		case app.Whole(v):
			// A formula's binary remainder (1905.0000000000002), shown
			// whole: after the first fraction, as it takes a rounding.
			cur.big = cur.big || v >= 1000
		case v >= 1 && v < 1000 && (toThousandths(v) || f.raw > 0 && pointThousands(c.texts[f.raw-1])):
			if cur.point == 0 {
				cur.point = i + 1
			}
		default:
			cur.first = i + 1
		}
	}
	// at is index+1 of the figure a guessed count is warned at as not
	// whole, 0 for none.
	at := func(ref string) int {
		s := by[ref]
		if s == nil {
			return 0
		}
		if s.first == 0 && !s.big {
			return s.point
		}
		return s.first
	}
	c.sayGuessedCounts(inds, func(ref string) bool { return at(ref) != 0 })
	for i := range inds {
		ref := inds[i].Ref
		at := at(ref)
		if at == 0 {
			continue
		}
		ind := &inds[guessed[ref]]
		ind.Measure = app.Other
		f := c.fig(at - 1)
		sheet := c.sheets[f.sheet]
		// The warning says what the file says of its unit, so that its
		// advice is one the officer can follow.
		var why, advice string
		switch st := c.stated[ref].Unit; {
		case st.Cell != "":
			why = fmt.Sprintf("though its Unit column at %s says %q", st.Cell, ind.Unit)
			advice = "if it is not a count of children (FTE, a rate), give its unit there"
		case countsByName(nameWords(strings.ToLower(ind.Name))):
			why = fmt.Sprintf("though its name %q says it counts", ind.Name)
			advice = "if it is not a count of children (FTE, a rate), state its unit in a Unit column"
		default:
			why = fmt.Sprintf("and neither the name %q nor a Unit column gives a unit", ind.Name)
			advice = "state its unit in a Unit column"
		}
		c.warn(sheet, place(sheet, int(f.row), int(f.col)), "%s %s %s: %g is not a whole number, %s: it is kept in unit %q, as a plain number of unknown measure rather than a count of children, so it is not recomputed when children are excluded (exports still withhold small numbers of it); %s",
			ref, c.figures.keys[f.series].Area, f.period(), f.value, why, ind.Unit, advice)
	}
}

// threePlaces reports whether v shows exactly three decimal places,
// without formatting it: 1.906 does, 1.91 does not.
func threePlaces(v float64) bool {
	x := v * 1000
	r := math.Round(x)
	return math.Abs(x-r) <= 1e-9*math.Max(1, x) && math.Mod(r, 10) != 0
}

// toThousandths reports whether v shows at most three decimal places, as
// a count in thousands written with a point does once a cell has read it
// as a number: "1.910" typed into a number cell is 1.91.
func toThousandths(v float64) bool {
	x := v * 1000
	return math.Abs(x-math.Round(x)) <= 1e-9*math.Max(1, x)
}

// pointThousands reports whether a cell's text is a whole number of
// thousands written with a point for the comma, as a European locale
// writes it: "1.910", "2.000", one to three digits, a point and three.
// Read as a number, "1.910" is 1.91, and shows no third place.
func pointThousands(text string) bool {
	t := strings.TrimSpace(text)
	i := strings.IndexByte(t, '.')
	if i < 1 || i > 3 || len(t)-i-1 != 3 || t[0] == '0' {
		return false
	}
	for j := 0; j < len(t); j++ {
		if j != i && (t[j] < '0' || t[j] > '9') {
			return false
		}
	}
	return true
}

// sayGuessedCount warns, at the name's cell, that ind's unit is a count
// because neither a Unit column nor its name says what its figures are
// (QA23b D11): read as counts of children, they are withheld when small
// on export and a cohort's count is subtracted from them, which a score,
// a percentage or a mean must not be. A mean ("Average caseload", "moves
// per child") is a count's average, which is not withheld: said so.
// Nothing is said of an indicator with no name but its Ref, nor of one
// whose numerators and denominators made it a percentage.
func (c *collector) sayGuessedCount(ind *app.Indicator) {
	at := c.stated[ind.Ref].Name
	if ind.Unit != app.Number || at.Cell == "" || ind.Name == "" || ind.Name == ind.Ref {
		return
	}
	switch ind.Measure {
	case app.Mean, app.Median:
		what := "an average"
		if h := perHead(nameWords(strings.ToLower(ind.Name))); h != "" {
			what = "an average per " + h
		}
		c.warn(at.Sheet, at.Cell, "%s: neither a Unit column nor its name %q states its unit: read as %s (a %s of counts), not a count of children, so exports do not withhold small numbers of it; if its unit is another (a percentage, days, a score), state it in a Unit column",
			ind.Ref, ind.Name, what, ind.Measure)
	case app.Count:
		// Said once its figures are seen (sayGuessedCounts): one not
		// whole says the unit is unknown, and this would say otherwise.
		c.countGuessed = append(c.countGuessed, ind.Ref)
	default:
		c.warn(at.Sheet, at.Cell, "%s: neither a Unit column nor its name %q states its unit: read in unit %q, a guess; state its unit in a Unit column",
			ind.Ref, ind.Name, ind.Unit)
	}
}

// sayGuessedCounts says at its name, of each indicator read as a count
// because nothing said its unit (sayGuessedCount), that its figures are
// taken for counts of children, a guess, except where fractional says
// one of its figures is not whole, which fractionalCounts says instead
// (that neither its name nor a Unit column gives its unit, and that it
// is read as a figure of unknown measure). fractional may be nil.
func (c *collector) sayGuessedCounts(inds []app.Indicator, fractional func(ref string) bool) {
	if len(c.countGuessed) == 0 {
		return
	}
	guessed := make(map[string]bool, len(c.countGuessed))
	for _, ref := range c.countGuessed {
		guessed[ref] = true
	}
	for _, ind := range inds {
		if !guessed[ind.Ref] || fractional != nil && fractional(ind.Ref) {
			continue
		}
		at := c.stated[ind.Ref].Name
		if limit := nameTimeLimit(ind.Name); limit != "" {
			c.warn(at.Sheet, at.Cell, "%s: the %q in its name %q is read as a time limit, not its unit: read as %s; if its figures are percentages, state \"%%\" in a Unit column",
				ind.Ref, limit, ind.Name, guessedCount(ind))
			continue
		}
		c.warn(at.Sheet, at.Cell, "%s: neither a Unit column nor its name %q states its unit: read as %s; if it is not a count (a percentage, a score, an average), state its unit in a Unit column",
			ind.Ref, ind.Name, guessedCount(ind))
	}
	c.countGuessed = nil
}

// guessedCount says what ind, read as a count because nothing stated its
// unit, is taken to count and what follows, as the export and --exclude
// treat it (app.Indicator.Counts, disclosure.OfSchools): counts of
// schools are published whole, and a cohort of children is no part of a
// count of schools, pupils or staff.
func guessedCount(ind app.Indicator) string {
	c := ind.Counts()
	switch {
	case !c.NotChildren:
		return "a count of children, a guess, so exports withhold small numbers of it and excluding a cohort subtracts the cohort's count"
	case disclosure.OfSchools(ind):
		return "a count of schools, a guess, so exports do not withhold small numbers of it and excluding a cohort leaves it as published"
	}
	return "a count of " + c.Noun + ", a guess, so exports withhold small numbers of it and excluding a cohort leaves it as published"
}

// heads are what a figure "per" one of them is averaged over.
var heads = map[string]bool{
	"child": true, "young": true, "person": true, "pupil": true, "learner": true, "family": true, "household": true,
	"case": true, "worker": true, "social": true, "practitioner": true, "fte": true, "head": true, "capita": true,
	"caseworker": true, "carer": true, "placement": true, "referral": true, "plan": true,
}

// staff are the heads a count is a mean over when a name ends "per" one
// of them: a caseload, not a breakdown of children.
var staff = map[string]bool{
	"social worker": true, "worker": true, "practitioner": true, "caseworker": true, "fte": true,
}

// perHead returns the words after "per" that end a lower-case name's
// words ws where they name one head a figure is averaged over ("child",
// "social worker", "young person"), not a base of many ("per 10,000
// children") nor a category of a breakdown ("per placement type", "per
// child protection category", "per young person's adviser"); "" for none.
func perHead(ws []string) string {
	for i, w := range ws {
		if w != "per" || i+1 >= len(ws) || !heads[ws[i+1]] {
			continue
		}
		end := i + 2
		if (ws[i+1] == "social" || ws[i+1] == "young") && end < len(ws) {
			end++ // "social worker", "young person"
		}
		if end != len(ws) {
			// Words after the head make it a category's ("per
			// placement type", "per referral source: Police") or
			// qualify it: unsure, so no mean.
			continue
		}
		return strings.Join(ws[i+1:end], " ")
	}
	return ""
}

// perStaff reports whether a name's words end "per" a member of staff
// ("Caseload per FTE", "Children per social worker").
func perStaff(ws []string) bool {
	return staff[perHead(ws)]
}
