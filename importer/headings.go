package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"scorecard/app"
)

// roleWords maps a normalised header (see normHeader) to the role it names.
// Matching is exact after normalisation, so "Target" is a target but
// "Target met?" is not; containsWords below covers the freer wordings.
var roleWords = sync.OnceValue(func() map[string]Role {
	return map[string]Role{
		"ref": RoleRef, "ref no": RoleRef, "reference": RoleRef, "code": RoleRef,
		"indicator ref": RoleRef, "pi ref": RoleRef, "kpi ref": RoleRef, "measure ref": RoleRef, "measure code": RoleRef,
		"id": RoleRef, "indicator code": RoleRef, "indicator id": RoleRef, "kpi": RoleRef,
		"indicator": RoleName, "indicators": RoleName, "description": RoleName,
		"indicator description": RoleName, "measure": RoleName, "performance indicator": RoleName,
		"indicator name": RoleName, "name": RoleName, "measure description": RoleName,
		// "Measure Names": Tableau's heading in every crosstab it downloads.
		"performance measure": RoleName, "indicator title": RoleName, "title": RoleName, "measure names": RoleName,
		"section": RoleSection, "service area": RoleSection, "theme": RoleSection, "service": RoleSection,
		"polarity": RolePolarity, "good is": RolePolarity, "good performance": RolePolarity,
		"data period": RoleDataPeriod, "period type": RoleDataPeriod, "frequency": RoleDataPeriod,
		"reporting period": RoleDataPeriod, "data type": RoleDataPeriod,
		"unit": RoleUnit, "units": RoleUnit, "format": RoleUnit, "measure type": RoleUnit,
		"guidance": RoleGuidance, "definition": RoleGuidance, "how calculated": RoleGuidance,
		"calculation": RoleGuidance, "how it is calculated": RoleGuidance,
		"decimals": RoleDecimals, "decimal places": RoleDecimals, "dp": RoleDecimals,
		"year type": RoleYearType, "target year type": RoleYearType,
		"cohorts not counted": RoleUnaffected, "not counted": RoleUnaffected, "unaffected by": RoleUnaffected,
		"target": RoleTarget, "targets": RoleTarget,
		"floor": RoleFloor, "floor standard": RoleFloor, "minimum": RoleFloor, "floor target": RoleFloor,
		"tolerance": RoleTolerance,
		"rag":       RoleRAG, "rag rating": RoleRAG, "rag status": RoleRAG, "rating": RoleRAG,
		"dot": RoleDoT, "direction of travel": RoleDoT, "direction": RoleDoT, "d o t": RoleDoT,
		"trend":   RoleDoT,
		"england": RoleEngland, "national": RoleEngland, "england average": RoleEngland,
		"national average": RoleEngland, "eng": RoleEngland, "england avg": RoleEngland,
		"previous year outturn": RolePrevious, "previous year": RolePrevious, "outturn": RolePrevious,
		"prev yr outturn": RolePrevious, "last year": RolePrevious, "last year outturn": RolePrevious,
		// "Year end 2023/24", "YE 23/24": the year's outturn, as council
		// scorecards often head it.
		"year end": RolePrevious, "ye": RolePrevious, "year end outturn": RolePrevious,
		"stat neighbours": RoleNeighbours, "statistical neighbours": RoleNeighbours,
		"stat neighbours average": RoleNeighbours, "statistical neighbours average": RoleNeighbours,
		"sn": RoleNeighbours, "sns": RoleNeighbours, "sn average": RoleNeighbours, "sn avg": RoleNeighbours,
		"region": RoleRegion, "regional": RoleRegion, "regional average": RoleRegion, "region average": RoleRegion,
		"regional avg": RoleRegion, "regional figure": RoleRegion,
		"comments": RoleComments, "comment": RoleComments, "commentary": RoleComments,
		"narrative": RoleComments, "comments and actions": RoleComments,
		"numerator": RoleNumerator, "num": RoleNumerator,
		"denominator": RoleDenominator, "den": RoleDenominator, "denom": RoleDenominator,
		"period": RolePeriod, "month": RolePeriod, "time period": RolePeriod, "date": RolePeriod,
		"period end": RolePeriod, "period end date": RolePeriod, "period start": RolePeriodStart, "period start date": RolePeriodStart,
		"area": RoleArea, "district": RoleArea, "geography": RoleArea, "area name": RoleArea,
		// A Power BI matrix's row hierarchy heads its areas so (QA33 F12).
		"locality": RoleArea, "localities": RoleArea,
		// A local authority's column as Power BI, SQL and DfE-shaped
		// extracts head it ("la_name" normalised).
		"la": RoleArea, "la name": RoleArea, "local authority": RoleArea, "local authority name": RoleArea,
		"council": RoleArea, "council name": RoleArea,
		"cohort": RoleCohort, "split": RoleCohort, "population": RoleCohort, "group": RoleCohort,
		"value": RoleValue, "figure": RoleValue, "result": RoleValue, "actual": RoleValue,
		"status": RoleStatus, "status code": RoleStatus,
		"year": RoleYear, "financial year": RoleYear, "academic year": RoleYear, "target year": RoleYear,
		"rule": RoleRule, "cohort rule": RoleRule,
		"lead officer": RoleOwner, "owner": RoleOwner, "responsible officer": RoleOwner,
		"indicator owner": RoleOwner, "measure owner": RoleOwner, "officer": RoleOwner,
	}
})

// guessRole recognises a heading by words within it, after roleWords has
// not known the whole of it: "Previous year outturn (2023/24)", "Stat
// Neighbours average", "RAG 2024/25". A heading whose words qualify a
// figure the import stores names something else, and is not read as that
// figure: "England rank", "Gap to target", "Previous month", "Previous
// year target", "Regional average" (not a RAG). It comes back as no role,
// with the reason (see unknownWhy), and warnUnused says so at its cell.
func guessRole(n string) (Role, string) {
	ws := strings.Fields(n)
	has := func(set map[string]bool) string {
		for _, w := range ws {
			if set[w] {
				return w
			}
		}
		return ""
	}
	prefix := func(p string) bool {
		for _, w := range ws {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
		return false
	}
	switch {
	case prefix("polarity"):
		return RolePolarity, ""
	case prefix("numerator"):
		return RoleNumerator, ""
	case prefix("denominator"):
		return RoleDenominator, ""
	case strings.Contains(" "+n+" ", " direction of travel "):
		return RoleDoT, ""
	}
	bench := Role("")
	switch {
	case prefix("neighbour"), prefix("neighbor"), strings.Contains(" "+n, " stat n"), has(snWords) != "":
		bench = RoleNeighbours
	case has(englandWords) != "":
		bench = RoleEngland
	}
	if bench != "" {
		for _, set := range []map[string]bool{qualifierWords, periodWords, setWords} {
			if q := has(set); q != "" {
				return "", otherThan(q, bench)
			}
		}
		// A bare "England" is taken to be the latest published figure
		// (readBenchmark); "England (previous year)" is the one before
		// it, and read as the bare one it would replace it, silently.
		if q := has(previousWords); q != "" && (q != "last" || has(yearWords) != "") {
			return "", fmt.Sprintf("%q makes it a year earlier than the latest published, as which %s is read: head it with the year it is for", q, guessedAs[bench])
		}
		return bench, ""
	}
	if prefix("comment") {
		return RoleComments, ""
	}
	if w := has(previousWords); w != "" || prefix("outturn") {
		yearly := has(yearWords) != "" || prefix("outturn")
		for _, x := range ws {
			if !previousAllowed[x] && !strings.HasPrefix(x, "outturn") {
				return "", otherThan(x, RolePrevious)
			}
		}
		if !yearly {
			return "", "it does not say which earlier period it is for"
		}
		return RolePrevious, ""
	}
	if has(map[string]bool{"rag": true}) != "" {
		return RoleRAG, ""
	}
	value := Role("")
	switch {
	case prefix("toleran"):
		value = RoleTolerance // "Tolerance (pp)", "Tolerance (% of target)"
	case has(map[string]bool{"floor": true, "floors": true}) != "":
		value = RoleFloor
	case prefix("target"):
		value = RoleTarget
	}
	if value != "" {
		for _, set := range []map[string]bool{qualifierWords, periodWords} {
			if q := has(set); q != "" {
				return "", otherThan(q, value)
			}
		}
		if y := slices.IndexFunc(ws, isPlainYear); y >= 0 {
			// Read as no year at all, "Target 2025" and "Target 2026"
			// were both the latest month's year's, the second dropped.
			n, _ := strconv.Atoi(ws[y])
			heading := map[Role]string{RoleTarget: "Target", RoleFloor: "Floor", RoleTolerance: "Tolerance"}[value]
			return "", fmt.Sprintf("%q names a year but not which kind: the year to March %d, the year from April %d or calendar %d; head it with the year it is for, such as %s %d/%02d",
				ws[y], n, n, n, heading, n-1, n%100)
		}
		return value, ""
	}
	return "", ""
}

// isPlainYear reports whether a heading's word is a year alone, "2025":
// as plainYear, but a target's year may be some way ahead.
func isPlainYear(w string) bool {
	n, err := strconv.Atoi(w)
	return err == nil && len(w) == 4 && allDigits(w) && n >= EarliestYear
}

// otherThan says that word w of a heading makes it name something other
// than role r's figure.
func otherThan(w string, r Role) string {
	return fmt.Sprintf("%q makes it something other than %s", w, guessedAs[r])
}

// guessedAs says what guessRole's roles name, for warnings.
var guessedAs = map[Role]string{
	RoleEngland: "England's figure", RoleNeighbours: "the statistical neighbours' figure", RoleRegion: "the region's figure",
	RolePrevious: "the previous year's outturn", RoleTarget: "the year's target", RoleFloor: "the year's floor", RoleTolerance: "the year's tolerance",
	RolePolarity: "the polarity", RoleNumerator: "the numerator", RoleDenominator: "the denominator",
	RoleDoT: "the direction of travel", RoleComments: "comments", RoleRAG: "the RAG rating",
}

// Words of guessed headings (guessRole).
var (
	englandWords = map[string]bool{"england": true, "national": true, "eng": true}
	snWords      = map[string]bool{"sn": true, "sns": true}
	// qualifierWords make a heading naming a benchmark, target or floor
	// name something derived from it, or another of its kind.
	qualifierWords = map[string]bool{
		"rank": true, "ranking": true, "ranked": true, "position": true, "quartile": true, "quintile": true,
		"decile": true, "percentile": true, "band": true, "banding": true,
		"difference": true, "diff": true, "gap": true, "variance": true, "change": true, "distance": true,
		"vs": true, "v": true, "versus": true, "against": true, "compared": true, "comparison": true,
		"highest": true, "lowest": true, "best": true, "worst": true, "top": true, "bottom": true,
		"max": true, "maximum": true, "min": true, "minimum": true, "range": true,
		"met": true, "achieved": true, "stretch": true, "aspirational": true, "ambition": true,
	}
	// periodWords make a heading naming a benchmark, target or floor
	// name another period's.
	periodWords = map[string]bool{
		"month": true, "monthly": true, "quarter": true, "quarterly": true, "ytd": true, "same": true,
		"q1": true, "q2": true, "q3": true, "q4": true,
	}
	// setWords are what a benchmark heading may speak of besides its
	// figure: a target or floor set against it.
	setWords      = map[string]bool{"target": true, "targets": true, "floor": true}
	previousWords = map[string]bool{"previous": true, "prev": true, "last": true, "prior": true}
	yearWords     = map[string]bool{"year": true, "yr": true, "years": true}
	// previousAllowed are the words a previous-year outturn's heading
	// may have: "Previous year's outturn", "Outturn last reported",
	// "Last year final outturn (%)".
	previousAllowed = map[string]bool{
		"previous": true, "prev": true, "last": true, "prior": true, "year": true, "yr": true, "years": true,
		"s": true, "final": true, "annual": true, "full": true, "end": true, "actual": true, "figure": true,
		"result": true, "performance": true, "value": true, "latest": true, "reported": true, "published": true,
		"the": true, "for": true, "of": true, "%": true,
	}
)

// unknownWhy says why a heading that names no role is not read: what in
// it made guessRole turn it away, or that it is not known at all.
func unknownWhy(h string) string {
	if why := wordedRefusal(h); why != "" {
		return why
	}
	if why := figuredRefusal(h); why != "" {
		return why
	}
	if _, why, ok := nameHeading(h); ok && why != "" {
		return why
	}
	if why := monthlessCohort(h); why != "" {
		return why
	}
	_, rest := cutYear(strings.TrimSpace(h))
	if _, why := guessRole(normHeader(rest)); why != "" {
		return why
	}
	if why := regionUndated(normHeader(rest)); why != "" {
		return why
	}
	if yearlessQuarter(h) {
		// The commonest quarterly layout: the year in the title alone.
		return "it names a quarter but not its year: head it with the year it is of, Q1 2024/25 or Apr-Jun 2024 (a title's year is not taken for a column's)"
	}
	return "its heading is not one the importer knows"
}

// yearlessQuarter reports whether a heading names a quarter and nothing
// else, no year: "Q1", "Qtr 1", "Quarter 1", "Apr-Jun", "Jan to Mar". It
// asks the readers of quarter headings of the heading with a year put
// after it, so that what a quarter is written as stays theirs to say.
func yearlessQuarter(h string) bool {
	// "Qtr2" as a title writes it ("Qtr 2").
	h = strings.Join(gluedQuarters(rangeFields(h)), " ")
	if h == "" {
		return false
	}
	for _, y := range []string{" 2024/25", " 2024"} {
		if _, ok := FinancialQuarter(h + y); ok {
			return true
		}
		if p, ok := periodHeading(h + y); ok && p.Kind == app.Quarter {
			return true
		}
		if p, _, _, ok := wordedPeriod(h + y); ok && p.Kind == app.Quarter {
			return true
		}
	}
	return false
}

// normHeader lower-cases a heading, drops footnote markers and
// punctuation, and squeezes spaces, so that "Ref." and " REF " and
// "Indicator*" meet their entries in roleWords. It is asked of the same
// headings and names on every sheet, and of each row's Ref and name as a
// table is read: from memory, where it was asked before.
func normHeader(s string) string { return normalHeadings.of(s, normHeaderText) }

// normHeaderText is normHeader, worked out.
func normHeaderText(s string) string {
	s = strings.ToLower(stripFootnote(s))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '/' && r != '%'
	}), " ")
}

// headerRole says what a heading names. Period columns come back as
// RolePeriod with their month or quarter, district columns as RoleArea
// with their area; a year in a target, floor, previous-year or benchmark
// heading ("Target 2024/25") comes back as its period.
func headerRole(h string) (Role, app.Period, app.Area) {
	r, p, a, _ := headerRoleGuessed(h)
	return r, p, a
}

// headerRoleGuessed is headerRole, also reporting whether the role was
// guessed from words within the heading (guessRole) rather than
// known from the whole of it.
func headerRoleGuessed(h string) (Role, app.Period, app.Area, bool) {
	if h == "" {
		return "", app.Period{}, "", false
	}
	r := headingRoles.of(h, readHeading)
	return r.role, r.period, r.area, r.guessed
}

// readHeading works out what headerRoleGuessed says of a heading.
func readHeading(h string) headingReading {
	r, p, a, guessed := roleOfHeading(h)
	return headingReading{role: r, period: p, area: a, guessed: guessed}
}

// roleOfHeading is headerRoleGuessed without the memo.
func roleOfHeading(h string) (Role, app.Period, app.Area, bool) {
	t := strings.TrimSpace(h)
	if t == "" {
		return "", app.Period{}, "", false
	}
	if r, _, at, ok := milestoneHeading(t); ok {
		return r, at, "", false
	}
	if p, ok := periodHeading(t); ok {
		return RolePeriod, p, "", false
	}
	if a, ok := app.AnyArea(t); ok {
		return RoleArea, app.Period{}, a, false
	}
	if r, p, ok := exportBenchmark(t); ok {
		return r, p, "", false
	}
	year, rest := cutYear(t)
	n := normHeader(rest)
	if r, ok := roleWords()[n]; ok {
		if year.IsZero() || yearRole(r) {
			return r, year, "", false
		}
	}
	if _, why, ok := nameHeading(t); ok && why == "" {
		return RoleName, app.Period{}, "", false
	}
	if _, dated, ok := headingRegion(t); ok {
		// Named with no year, a region may be a locality ("North
		// West"): unknownWhy says how to head it. Nor is "East of
		// England" England's, as guessRole would read its words.
		if !dated {
			return "", app.Period{}, "", false
		}
		return RoleRegion, year, "", false
	}
	if r, _ := guessRole(n); r != "" {
		return r, year, "", true
	}
	return "", app.Period{}, "", false
}

// The app's own export heads its benchmark columns "England (all
// children)" where the figures beside them exclude a cohort (a revised
// original's region column too: "South East 2023/24 (all children)"),
// and "Stat neighbours (2025 model)" naming the neighbour model's year
// (see app/export): neither is the benchmark's period, and a model's
// year read as one would file the figure under the wrong year.
var (
	neighbourModel = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\s*\(\s*\d{4}(\s*(,|and)\s*\d{4})*\s+models?\s*\)\s*$`)
	})
	allChildren = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\s*\(\s*all children\s*\)\s*$`)
	})
)

// exportBenchmark reads a benchmark heading qualified as the app's
// export qualifies them: by the neighbour model's year (neighbours
// only) or as all children's figure. A region's, which is read only
// with its year (headerRoleGuessed), comes back with it.
func exportBenchmark(t string) (Role, app.Period, bool) {
	if !strings.HasSuffix(t, ")") {
		return "", app.Period{}, false
	}
	rest, model := t, false
	if m := neighbourModel().FindStringIndex(rest); m != nil {
		rest, model = rest[:m[0]], true
	}
	if m := allChildren().FindStringIndex(rest); m != nil {
		rest = rest[:m[0]]
	}
	if rest == t {
		return "", app.Period{}, false
	}
	switch r := roleWords()[normHeader(rest)]; {
	case r == RoleNeighbours, r == RoleEngland && !model:
		return r, app.Period{}, true
	}
	// Without it the label left the revised original's region column
	// unread on import, though the column it labels was read.
	if year, name := cutYear(strings.TrimSpace(rest)); !model && !year.IsZero() {
		if _, ok := regionNamed(normHeader(name)); ok {
			return RoleRegion, year, true
		}
	}
	return "", app.Period{}, false
}

// yearRole reports whether a role's heading may carry the year it is for.
func yearRole(r Role) bool {
	switch r {
	case RoleTarget, RoleFloor, RoleTolerance, RolePrevious, RoleEngland, RoleNeighbours, RoleRegion:
		return true
	}
	return false
}
