package importer

import (
	"slices"

	"scorecard/app"
)

// A word such as "rating" or "timeliness" makes a name a score's only
// where it is what the name measures: "Ofsted rating", "Timeliness of
// review conferences". Where it qualifies what the name counts
// ("Children in care placed in provision with a good or outstanding
// Ofsted rating", "Initial child protection conferences held within
// timeliness") the figures are counts of children, and read as scores
// their small numbers were exported unsuppressed (QA24a D1). When a name
// leaves it in doubt, a count is the safe reading for disclosure, and it
// is said at the name (sayScoreWordCounted).

// countedSubjects are the words for what a scorecard counts: children
// and the cases, plans and meetings about them.
var countedSubjects = []string{
	"children", "child", "young", "people", "pupils", "learners", "leavers", "families",
	"cases", "conferences", "assessments", "referrals", "plans", "placements", "visits",
	"reviews", "homes", "settings", "providers", "schools", "carers", "households",
	"cic", "cla", "lac", "uasc",
}

// countedSubject reports whether the lower-case words ws name something
// counted; a possessive ("children's services") qualifies, not counts.
func countedSubject(ws []string) bool {
	for i, w := range ws {
		if slices.Contains(countedSubjects, w) && (i+1 >= len(ws) || ws[i+1] != "s") {
			return true
		}
	}
	return false
}

// headWord reports whether ws[i] is what the name measures: its first
// word, or after only "overall", "average", "mean" or "median".
func headWord(ws []string, i int) bool {
	for _, w := range ws[:i] {
		switch w {
		case "overall", "average", "mean", "median":
		default:
			return false
		}
	}
	return true
}

// scoreOrCount is a score where the name says so, else a count.
func scoreOrCount(score bool) app.Unit {
	if score {
		return app.Score
	}
	return app.Number
}

// sayScoreWordCounted warns, at the name's cell, that ind's name holds a
// word that names a score elsewhere but here qualifies what is counted,
// and that it is read as a count, whose small numbers exports withhold.
// Nothing is said where its numerators and denominators made it a
// percentage: they show what it is.
func (c *collector) sayScoreWordCounted(ind *app.Indicator, word string) {
	if ind.Unit != app.Number {
		return
	}
	at := c.stated[ind.Ref].Name
	c.warn(at.Sheet, at.Cell, "%s: no Unit column states its unit, and the word %q in its name %q qualifies what it counts rather than naming a score: read as a count of children, the safe reading, so exports withhold small numbers of it; if its figures are scores, state \"score\" in a Unit column",
		ind.Ref, word, ind.Name)
}
