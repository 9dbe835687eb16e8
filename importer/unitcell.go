package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// unitCell is what a Unit column's cell says of an indicator.
type unitCell struct {
	unit app.Unit // "" where the cell gives none: the name's is taken
	// measure is how the cell says the figure is built ("Median days",
	// "Average"), or "" where it does not say.
	measure app.Measure
	// unknown says the measure is unknown (app.Other, which is ""), not
	// left to be inferred: the cell says the figure is no plain count.
	unknown bool
	// note is a warning for the cell, saying what was taken and why,
	// where the reading is not plainly what the cell says; "" for none.
	note string
	// fraction says the figures are fractions of 1 ("Proportion",
	// "Rate (0-1)"), kept as percentages (readProportions).
	fraction bool
}

// ppUnit is the unit kept for a figure in percentage points: a
// difference between two percentages, which the app has no unit for.
// It is no proportion (a gap may be negative) and no count of children.
const ppUnit app.Unit = "pp"

// readUnitCell reads a Unit column's cell for the indicator named name.
// Beyond the units unitFromText knows it reads the words officers write:
// "Per cent" and "% (rolling)" as %, "Median days" as days and a median,
// "Average" as a mean whose unit is the name's. A unit the app has no
// unit for ("£000s", "Percentage points", "Months") is kept as written,
// as a figure that is not a count of children, so it is neither withheld
// as a small number nor subtracted from when children are excluded. Text
// that is no unit at all leaves the unit to the name, and the note says
// which unit that gives.
func readUnitCell(ref, text, name string) unitCell {
	t := strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(text, "\u00a0", " "))), " ")
	if t == "" {
		return unitCell{}
	}
	if percentagePoints(t) {
		return unitCell{unit: ppUnit, unknown: true, note: fmt.Sprintf(
			"%s: unit %q is percentage points, a difference between two percentages, which the app has no unit for: kept in unit %q, not as a percentage of children nor a count, so exports do not withhold small numbers of it and it is not recomputed when children are excluded",
			ref, text, ppUnit)}
	}
	rest, measure := measureWords(t)
	if fractionOfOne(rest) {
		return unitCell{unit: app.Percent, measure: measure, fraction: true}
	}
	if n := unitThousands(app.Unit(t)); n > 0 && !strings.Contains(t, "£") {
		// "Number (000s)", "Thousands": read as a count, 12 thousand
		// children were stored as 12 with nothing said (QA probe 9).
		// Money in thousands ("£000s") is kept as money is, below.
		kept := app.Unit(strings.TrimSpace(text))
		return unitCell{unit: kept, measure: measure, unknown: measure == "", note: fmt.Sprintf(
			"%s: unit %q counts in %s: kept in unit %q, each figure as given (12 for %s), as a figure that is no count of children, so exports do not withhold small numbers of it and it is not recomputed when children are excluded",
			ref, text, scaleWord(n), kept, map[bool]string{true: "12,000", false: "12 million"}[n == 1])}
	}
	if u, ok := unitFromText(rest); ok {
		// "Median days", "Days", "No. (average)": the unit is plain.
		return unitCell{unit: u, measure: measure}
	}
	if measure != "" && rest == "" {
		nu, _ := nameUnit(name, false)
		return unitCell{measure: measure, note: fmt.Sprintf(
			"%s: unit %q says how the figure is built, not what it is in: read as a %s, which is no count of children, so exports do not withhold small numbers of it and no cohort is subtracted from it; its unit is taken from its name %q (%s)",
			ref, text, measure, name, nameUnitWords(name, nu))}
	}
	if pct, after, ok := percentWords(rest); ok {
		uc := unitCell{unit: app.Percent, measure: measure}
		if after != "" {
			uc.note = fmt.Sprintf("%s: unit %q read as %s; the words %q after it are not read", ref, text, pct, after)
		}
		return uc
	}
	if rest == "rate" || rest == "rates" {
		nu, _ := nameUnit(name, false)
		if nu == app.Per10k || nu.OtherRate() {
			return unitCell{unit: nu, measure: measure}
		}
		return unitCell{unit: app.Percent, measure: measure, unknown: measure == "", note: fmt.Sprintf(
			"%s: unit %q names no base (per cent, per 10,000 children), nor does the name %q: read as a percentage, as scorecards give such rates, and not recomputed when children are excluded; if it is not a percentage, state \"per 10,000\" or the base",
			ref, text, name)}
	}
	if kept, what := keptUnit(rest, text); kept != "" {
		return unitCell{unit: kept, measure: measure, unknown: measure == "", note: fmt.Sprintf(
			"%s: unit %q is %s, which the app has no unit for: kept in unit %q, as a figure that is no count of children, so exports do not withhold small numbers of it and it is not recomputed when children are excluded",
			ref, text, what, kept)}
	}
	nu, _ := nameUnit(name, false)
	uc := unitCell{measure: measure}
	if nameGivesUnit(name, nu) {
		uc.note = fmt.Sprintf("%s: unit %q is not one the app has (%%, count, per 10k, days, weeks, score, ratio); taken from the indicator's name %q instead: %q",
			ref, text, name, nu)
		return uc
	}
	// Neither the cell nor the name says what the figure is in: it may
	// count children, so it is withheld as a count would be, but it is
	// not taken for a plain count a cohort can be subtracted from.
	uc.unknown = measure == ""
	uc.note = fmt.Sprintf("%s: unit %q is not one the app has (%%, count, per 10k, days, weeks, score, ratio), and the name %q gives none either: read as a plain number (unit %q) of unknown measure, so exports withhold small numbers of it as they would a count but it is not recomputed when children are excluded; state its unit in the Unit column",
		ref, text, name, app.Number)
	return uc
}

// percentagePoints reports whether a lower-case unit says percentage
// points: "Percentage points", "% points", "ppts", "pp".
func percentagePoints(t string) bool {
	switch strings.Trim(t, " .()") {
	case "pp", "ppt", "ppts", "p.p", "p.p.", "pps", "%pts", "%pt", "%points", "%-points":
		return true
	}
	ws := nameWords(strings.ReplaceAll(t, "%", " percent "))
	pointed := hasWord(ws, "point", "points", "pts", "pt")
	percent := hasWord(ws, "percent", "percentage", "pct", "cent")
	return pointed && percent
}

// measureWords takes from a lower-case unit the words that say how the
// figure is built, "median", "average", "mean", and returns the rest and
// the measure they say.
func measureWords(t string) (string, app.Measure) {
	var keep []string
	var m app.Measure
	for _, w := range strings.Fields(t) {
		switch strings.Trim(w, "()[],;:-") {
		case "median":
			m = app.Median
			continue
		case "average", "avg", "avg.", "mean":
			if m == "" {
				m = app.Mean
			}
			continue
		case "":
			continue
		}
		keep = append(keep, w)
	}
	rest := strings.Join(keep, " ")
	// "Days (median)" leaves "days ()".
	rest = strings.TrimSpace(strings.NewReplacer("()", "", "[]", "").Replace(rest))
	return rest, m
}

// percentWords reads a lower-case unit that begins with a percentage
// ("%", "per cent", "pct", "%age"), and returns how it was written and
// what follows it: "% (rolling)" gives "%" and "(rolling)".
func percentWords(t string) (pct, after string, ok bool) {
	for _, p := range [...]string{"%age", "%", "per cent", "per-cent", "pct.", "pct", "percent", "percentage"} {
		if !strings.HasPrefix(t, p) {
			continue
		}
		after = strings.TrimSpace(t[len(p):])
		if after != "" && len(p) > 1 && p != "%age" && isLetterByte(after[0]) && t[len(p)] != ' ' {
			// "pctile" is no percentage.
			continue
		}
		return p, strings.Trim(after, " -–:"), true
	}
	return "", "", false
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' }

// keptUnit reads a unit the app has no unit for but which plainly is one,
// money or a time other than days and weeks, and returns the unit kept
// for it and what it is; "" where t is no such unit.
func keptUnit(t, text string) (app.Unit, string) {
	ws := nameWords(t)
	switch {
	case strings.ContainsAny(t, "£$€") || hasWord(ws, "cost", "costs", "spend", "gbp", "pounds", "budget"):
		return app.Unit(strings.Join(strings.Fields(text), " ")), "money"
	case hasWord(ws, "months", "month"):
		return "months", "a number of months"
	case hasWord(ws, "years", "year", "yrs"):
		return "years", "a number of years"
	case hasWord(ws, "hours", "hour", "hrs"):
		return "hours", "a number of hours"
	case hasWord(ws, "minutes", "mins"):
		return "minutes", "a number of minutes"
	case hasWord(ws, "fte"):
		return "FTE", "full-time equivalent staff"
	}
	return "", ""
}

// nameGivesUnit reports whether an indicator's name says its unit (nu,
// as nameUnit read it), rather than its unit being a count for want of
// anything else.
func nameGivesUnit(name string, nu app.Unit) bool {
	return nu != app.Number || countsByName(nameWords(strings.ToLower(name)))
}

// nameUnitWords says what unit a name gives, for a warning.
func nameUnitWords(name string, nu app.Unit) string {
	if nameGivesUnit(name, nu) {
		return fmt.Sprintf("unit %q", nu)
	}
	return fmt.Sprintf("which gives none, so a plain number, unit %q", nu)
}

// readUnit reads row r's Unit cell (column c) into the indicator ind
// and where it was stated, st, as a scorecard's and a tidy sheet's rows
// both read one: its unit, that the measure is unknown where the cell
// says the figure is no plain count, and its note, said at the cell. It
// returns the measure the cell names ("Median days") and its cell, ""
// for none, for the caller to weigh against a Measure column.
func (s *sheetReader) readUnit(r int, c *Column, ref string, ind *app.Indicator, st *app.Stated) (app.Measure, app.Location) {
	uc := readUnitCell(ref, s.at(r, c), ind.Name)
	if uc.unit != "" {
		ind.Unit, st.Unit = uc.unit, s.loc(r, c.index)
	}
	if uc.fraction {
		s.out.fractionUnit(ref, s.loc(r, c.index), s.at(r, c))
	}
	if uc.unknown {
		// No plain count, and no measure to infer from its name
		// either: the collector leaves it unknown.
		s.out.measured[ref] = true
	}
	if uc.note != "" {
		s.warn(r, c.index, "%s", uc.note)
	}
	if uc.measure == "" {
		return "", app.Location{}
	}
	return uc.measure, s.loc(r, c.index)
}
