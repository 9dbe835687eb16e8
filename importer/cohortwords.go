package importer

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"scorecard/app"
)

// Producers name the children a row counts in many ways: "Excluding
// UASC", "(UASC excluded)", "Not UASC", "All children (UASC removed)",
// "of which UASC", "excl. OLA & UASC". A misread makes a figure that
// excludes a cohort pass as the cohort itself, so that the app subtracts
// it from all children and shows a wrong figure as the source's own. The
// reader below therefore attaches each word of sense (excluding,
// including, only) to the cohort names it governs, on either side, and
// reports a doubt instead of a guess when the wording does not settle
// what is counted.

// cohortPhrases names each cohort as scorecards write it, in lower-case
// words; longer phrases are tried first.
var cohortPhrases = sync.OnceValue(func() []cohortPhrase {
	uasc := []string{
		"uasc", "uascs",
		"unaccompanied asylum seeking children", "unaccompanied asylum seeking child",
		"unaccompanied asylum seeking young people", "unaccompanied asylum seekers",
		"unaccompanied asylum seeker", "unaccompanied asylum seeking",
		"unaccompanied minors", "unaccompanied children", "unaccompanied",
	}
	var ps []cohortPhrase
	for _, w := range uasc {
		ps = append(ps, cohortPhrase{cohort: app.FormerUASC, text: "former " + w}, cohortPhrase{cohort: app.FormerUASC, text: "formerly " + w})
		ps = append(ps, cohortPhrase{cohort: app.UASC, text: w})
	}
	for _, w := range []string{"ola", "olas", "other local authority", "other local authorities",
		"other las", "other la"} {
		ps = append(ps, cohortPhrase{cohort: app.OLA, text: w})
	}
	for _, w := range []string{"disability", "disabilities", "disabled", "with a disability",
		"with disabilities", "with disability", "a disability"} {
		ps = append(ps, cohortPhrase{cohort: app.Disability, text: w})
	}
	for i := range ps {
		ps[i].words = strings.Fields(ps[i].text)
	}
	slices.SortStableFunc(ps, func(a, b cohortPhrase) int { return len(b.words) - len(a.words) })
	return ps
})

type cohortPhrase struct {
	cohort app.Cohort
	text   string
	words  []string
}

// sense is what a label says of a cohort it names.
type sense int

const (
	unmarked sense = iota // named with no word of sense: "UASC"
	only                  // counted alone: "UASC only", "of which UASC"
	left                  // left out: "excluding UASC", "UASC removed"
	included              // counted among all children: "including UASC"
)

// Words of sense, one or two words each. negBefore, inclBefore and
// onlyBefore are written before a cohort's name ("excluding UASC"),
// negAfter, inclAfter and onlyAfter after it ("(UASC excluded)").
var (
	negBefore = []string{"excluding", "exclude", "excludes", "excl", "exc", "excld", "exclu", "exl",
		"ex", "without", "not", "non", "minus", "less", "except", "excepting", "omitting", "removing",
		"other than", "apart from", "but not", "except for", "exclusive of", "not including",
		"not counting", "net of", "leaving out"}
	// strayWords, found in a label but governing none of its cohorts,
	// leave it in doubt. "not", "non", "without" and "ex" are left out:
	// indicator names use them of other things ("Care leavers not in
	// EET", "non-attendance"), and they govern a cohort only beside it.
	strayWords = []string{"excluding", "exclude", "excludes", "excl", "exc", "excld", "exclu", "exl",
		"minus", "less", "except", "excepting", "omitting", "removing", "other than", "apart from",
		"exclusive of", "not including", "not counting", "net of", "leaving out"}
	inclBefore = []string{"including", "include", "includes", "incl", "inc", "inclusive of"}
	onlyBefore = []string{"only", "just", "solely", "of which", "of whom"}
	negAfter   = []string{"excluded", "removed", "omitted", "not included", "not counted", "taken out", "excl", "exc", "deducted", "subtracted"}
	inclAfter  = []string{"included", "incl", "inc", "counted"}
	onlyAfter  = []string{"only", "alone"}
	// fillers may stand between a word of sense and the cohort it
	// governs: "excluding all those who are UASC", "UASC children removed".
	fillers = map[string]bool{"the": true, "all": true, "any": true, "those": true, "these": true,
		"children": true, "child": true, "childrens": true, "young": true, "people": true, "person": true,
		"persons": true, "that": true, "were": true, "is": true, "was": true, "be": true, "being": true,
		"been": true, "have": true, "has": true, "cohort": true, "cohorts": true, "category": true,
		"status": true, "placed": true, "by": true, "here": true, "both": true, "either": true, "an": true,
		":": true, "-": true, "who": true, "are": true}
	// conjunctions join cohorts governed by one word of sense: "excluding
	// UASC and OLA", "excl. OLA & UASC", "UASC/OLA removed".
	conjunctions = map[string]bool{"and": true, "or": true, "nor": true, "/": true, ",": true}
	// figureWords may follow a word of sense written after a cohort:
	// "UASC not included in the figures".
	figureWords = map[string]bool{"in": true, "from": true, "the": true, "this": true, "these": true,
		"figure": true, "figures": true, "total": true, "totals": true, "count": true, "counts": true,
		"data": true, "numbers": true, "calculation": true, "measure": true, "indicator": true}
	// allWords are labels for all children that name no cohort.
	allWords = []string{"all", "all cic", "all cla", "all children", "all clas", "total",
		"all young people", "all care leavers"}
)

// cword is one word or mark of a label, lower case.
type cword struct {
	w      string
	joined bool // hyphenated to the word before: "uasc" in "non-UASC"
}

// splitOf reads the children a label counts: "Excluding UASC" and "(UASC
// excluded)" are Excluding(UASC), "excl. OLA & UASC" is Excluding(OLA,
// UASC), "UASC only" or "UASC" is Only(UASC), "All CiC" or "Including
// UASC" is All. ok is false for a label naming no cohort. doubt says why
// a label naming a cohort cannot be read with confidence ("Not excluding
// UASC", "UASC and OLA", "ex-UASC"); split is then All and is not to be
// used. A name such as "Children in care (excluding UASC)" is read the
// same way, so twin rows are recognised by their wording.
func splitOf(label string) (split app.Split, ok bool, doubt string) {
	if isASCII(label) && !mayNameCohort(label) {
		return app.All, false, ""
	}
	ws := cohortTokens(label)
	type mention struct {
		cohort   app.Cohort
		from, to int // words [from, to)
		how      sense
		doubt    string
	}
	var ms []mention
	isCohort := make([]bool, len(ws))
	for i := 0; i < len(ws); {
		p, n := cohortAt(ws, i)
		if n == 0 {
			i++
			continue
		}
		ms = append(ms, mention{cohort: p.cohort, from: i, to: i + n})
		for j := i; j < i+n; j++ {
			isCohort[j] = true
		}
		i += n
	}
	// A cohort spelled out with its abbreviation in brackets after it
	// ("unaccompanied asylum seeking children (UASC)") is named once.
	for k := 1; k < len(ms); k++ {
		a, b := ms[k-1], ms[k]
		if a.cohort == b.cohort && b.from == a.to+1 && ws[a.to].w == "(" && b.to < len(ws) && ws[b.to].w == ")" {
			isCohort[a.to], isCohort[b.to] = true, true
			ms[k-1].to = b.to + 1
			ms = slices.Delete(ms, k, k+1)
			k--
		}
	}
	if len(ms) == 0 {
		t := strings.Join(wordsOnly(ws), " ")
		if slices.Contains(allWords, t) {
			return app.All, true, ""
		}
		return app.All, false, ""
	}
	used := make([]bool, len(ws))
	for k := range ms {
		m := &ms[k]
		before, bAt, bn := senseBefore(ws, m.from, isCohort)
		after, aAt, an := senseAfter(ws, m.to, isCohort)
		switch {
		case before == left && ws[bAt].w == "ex" && bAt+1 < len(ws) && ws[bAt+1].joined:
			m.doubt = fmt.Sprintf("\"ex-%s\" may mean former %s as well as excluding them", strings.ToUpper(string(m.cohort)), strings.ToUpper(string(m.cohort)))
		case bn > 0 && bAt > 0 && (ws[bAt-1].w == "not" || ws[bAt-1].w == "non"):
			// "not excluding UASC", "not only UASC"
			m.doubt = fmt.Sprintf("%q is a double negative", ws[bAt-1].w+" "+phraseAt(ws, bAt, bn))
		case bn == 0 && an == 0 && m.from > 0 && ws[m.from-1].w == "-" && slices.Contains(allWords, strings.Join(wordsOnly(ws[:m.from-1]), " ")):
			m.doubt = fmt.Sprintf("%q may mean all children less %s as well as %s alone", phraseAt(ws, 0, m.from-1)+" - "+strings.ToUpper(string(m.cohort)), strings.ToUpper(string(m.cohort)), strings.ToUpper(string(m.cohort)))
		case bn == 0 && an == 0:
			m.how = unmarked
		case bn == 0:
			m.how = after
		case an == 0, before == after, before == left && after == only:
			m.how = before
		default:
			m.doubt = fmt.Sprintf("%q and %q pull %s both ways", phraseAt(ws, bAt, bn), phraseAt(ws, aAt, an), strings.ToUpper(string(m.cohort)))
		}
		if sub := subsetOf(ws, m.from, m.to); sub != "" && m.doubt == "" {
			m.doubt = subsetDoubt(string(m.cohort), sub)
		}
		for j := bAt; j < bAt+bn; j++ {
			used[j] = true
		}
		for j := aAt; j < aAt+an; j++ {
			used[j] = true
		}
	}
	var leftOut, alone, counted []app.Cohort
	unsure, stray := "", ""
	for _, m := range ms {
		switch {
		case m.doubt != "":
			if unsure == "" {
				unsure = m.doubt
			}
		case m.how == left:
			leftOut = append(leftOut, m.cohort)
		case m.how == only, m.how == unmarked:
			alone = append(alone, m.cohort)
		case m.how == included:
			counted = append(counted, m.cohort)
		}
	}
	if slices.ContainsFunc(ms, func(m mention) bool { return m.how == unmarked && m.doubt == "" }) {
		// A word of exclusion the reader could not attach to a cohort
		// ("Figures excluding respite, UASC") may still govern it.
		for i := 0; i < len(ws); i++ {
			if used[i] || isCohort[i] {
				continue
			}
			n := phraseIn(ws, i, strayWords)
			switch {
			case n == 0, ws[i].w == "less" && i+1 < len(ws) && ws[i+1].w == "than":
				continue
			}
			stray = phraseAt(ws, i, n)
			break
		}
	}
	names := func(cs []app.Cohort) string {
		var n []string
		for _, c := range cs {
			n = append(n, strings.ToUpper(string(c)))
		}
		return strings.Join(n, " and ")
	}
	alone = compactCohorts(alone)
	leftOut = compactCohorts(leftOut)
	switch {
	case unsure != "":
		return app.All, true, unsure
	case slices.ContainsFunc(counted, func(c app.Cohort) bool { return slices.Contains(leftOut, c) }):
		return app.All, true, fmt.Sprintf("it names %s both as counted in and as left out", names(counted))
	case stray != "":
		return app.All, true, fmt.Sprintf("it says %q but not plainly of %s", stray, names(alone))
	case len(alone) > 0 && len(leftOut) > 0:
		if slices.ContainsFunc(alone, func(c app.Cohort) bool { return slices.Contains(leftOut, c) }) {
			return app.All, true, fmt.Sprintf("it names %s both as counted and as left out", names(alone))
		}
		return app.All, true, fmt.Sprintf("it counts %s alone yet leaves out %s, which no cohort split holds", names(alone), names(leftOut))
	case len(alone) > 1:
		return app.All, true, fmt.Sprintf("it names %s together, not whether they are counted alone or left out", names(alone))
	case len(alone) == 1:
		return app.Only(alone[0]), true, ""
	case len(leftOut) > 0:
		return app.Excluding(leftOut...), true, ""
	}
	return app.All, true, "" // only cohorts counted among all children: "Including UASC"
}

func compactCohorts(cs []app.Cohort) []app.Cohort {
	slices.Sort(cs)
	return slices.Compact(cs)
}

// cohortStems are the words, in lower case, without one of which an
// ASCII label names no cohort nor all children.
var cohortStems = []string{"uasc", "unaccompanied", "ola", "other l", "disab", "all", "total"}

// mayNameCohort reports whether an ASCII label could name a cohort or all
// children (holds one of cohortStems, in any case); most indicator names
// do not, and are answered without splitting them into words. Every row
// of every sheet asks, so the label is read once, each stem tried only
// where its first letter is.
func mayNameCohort(s string) bool {
	for i := 0; i < len(s); i++ {
		switch lowerASCII(s[i]) {
		case 'u', 'o', 'd', 'a', 't':
			for _, w := range cohortStems {
				if w[0] == lowerASCII(s[i]) && hasPrefixFoldASCII(s[i:], w) {
					return true
				}
			}
		}
	}
	return false
}

// hasPrefixFoldASCII reports whether s begins with the lower-case ASCII
// prefix, in any case.
func hasPrefixFoldASCII(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for j := 0; j < len(prefix); j++ {
		if lowerASCII(s[j]) != prefix[j] {
			return false
		}
	}
	return true
}

// cohortAt returns the cohort phrase starting at word i, and its length
// in words, or 0.
func cohortAt(ws []cword, i int) (cohortPhrase, int) {
	for _, p := range cohortPhrases() {
		if i+len(p.words) > len(ws) {
			continue
		}
		match := true
		for j, w := range p.words {
			if ws[i+j].w != w {
				match = false
				break
			}
		}
		if match {
			return p, len(p.words)
		}
	}
	return cohortPhrase{}, 0
}

// senseBefore finds the word of sense governing the cohort named from
// word i, looking back over fillers, conjunctions and other cohorts'
// names: "excluding" in "excluding OLA and UASC". It returns the sense
// and where its words are, or n 0.
func senseBefore(ws []cword, i int, isCohort []bool) (sense, int, int) {
	for j := i - 1; j >= 0; j-- {
		w := ws[j].w
		if isCohort[j] || conjunctions[w] {
			continue
		}
		// Two-word senses end at j: "other than", "of which".
		for _, set := range []struct {
			s  sense
			ps []string
		}{{left, negBefore}, {included, inclBefore}, {only, onlyBefore}} {
			for _, n := range []int{2, 1} {
				if j-n+1 < 0 {
					continue
				}
				if phraseIn(ws, j-n+1, set.ps) == n {
					if w == "less" && j+1 < len(ws) && ws[j+1].w == "than" {
						continue
					}
					return set.s, j - n + 1, n
				}
			}
		}
		if fillers[w] {
			continue
		}
		return unmarked, 0, 0
	}
	return unmarked, 0, 0
}

// senseAfter finds the word of sense written after the cohort named up to
// word i: "excluded" in "(OLA and UASC excluded)". It must end its clause,
// or be followed only by words such as "from the figures": "UASC excluded
// from school" names pupils excluded, not a cohort left out.
func senseAfter(ws []cword, i int, isCohort []bool) (sense, int, int) {
	for j := i; j < len(ws); j++ {
		w := ws[j].w
		if isCohort[j] || conjunctions[w] {
			continue
		}
		for _, set := range []struct {
			s  sense
			ps []string
		}{{left, negAfter}, {included, inclAfter}, {only, onlyAfter}} {
			for _, n := range []int{2, 1} {
				if phraseIn(ws, j, set.ps) == n && endsClause(ws, j+n) {
					return set.s, j, n
				}
			}
		}
		if fillers[w] {
			continue
		}
		return unmarked, 0, 0
	}
	return unmarked, 0, 0
}

// endsClause reports whether the words from i end a clause, allowing
// words that only say where the cohort is left out: "from the figures".
func endsClause(ws []cword, i int) bool {
	for ; i < len(ws); i++ {
		switch w := ws[i].w; {
		case w == ")" || w == "," || w == ";" || w == "-":
			return true
		case !figureWords[w]:
			return false
		}
	}
	return true
}

// phraseIn returns the length in words of the phrase of ps found at word
// i, or 0; a word only counts whole.
func phraseIn(ws []cword, i int, ps []string) int {
	best := 0
	for _, p := range ps {
		if n := phraseWordsAt(ws, i, p); n > best {
			best = n
		}
	}
	return best
}

// phraseWordsAt returns the number of words of the phrase p, its words
// parted by spaces, if they are the words of ws from i, or 0. It parts
// p in place: called for every word of every label against every
// phrase, splitting each phrase into a new slice was a large
// workbook's most frequent allocation.
func phraseWordsAt(ws []cword, i int, p string) int {
	n := 0
	for {
		p = strings.TrimLeftFunc(p, unicode.IsSpace)
		if p == "" {
			return n
		}
		w := p
		if j := strings.IndexFunc(p, unicode.IsSpace); j >= 0 {
			w, p = p[:j], p[j:]
		} else {
			p = ""
		}
		if i+n >= len(ws) || ws[i+n].w != w {
			return 0
		}
		n++
	}
}

func phraseAt(ws []cword, i, n int) string {
	return strings.Join(wordsOnly(ws[i:i+n]), " ")
}

// wordsOnly returns the words of ws without marks.
func wordsOnly(ws []cword) []string {
	var out []string
	for _, w := range ws {
		if c := w.w[0]; c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			out = append(out, w.w)
		}
	}
	return out
}

// cohortTokens splits a label into lower-case words and the marks that
// bound or join them: "(", ")", ",", ";", ":", "/" and a spaced dash "-".
// "&" and "+" are read as "and", "w/o" as "without"; full stops are
// dropped ("excl."), and apostrophes with a possessive s ("UASC's"); a
// hyphen inside a word joins two words ("non-UASC").
func cohortTokens(label string) []cword {
	var ws []cword
	var cur []rune
	joinNext := false
	flush := func() {
		if len(cur) > 0 {
			ws = append(ws, cword{w: string(cur), joined: joinNext})
			cur, joinNext = cur[:0], false
		}
	}
	mark := func(m string) {
		flush()
		joinNext = false
		ws = append(ws, cword{w: m})
	}
	rs := []rune(strings.ToLower(label))
	letter := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	skip := false
	for i, r := range rs {
		if skip {
			skip = false
			continue
		}
		switch {
		case letter(r):
			cur = append(cur, r)
		case r == '.':
			flush()
		case r == '\'' || r == '\u2019':
			// "authority's" is "authority", "UASC's" "UASC".
			skip = i+1 < len(rs) && rs[i+1] == 's' && (i+2 == len(rs) || !letter(rs[i+2]))
		case r == '-' || isDash(r):
			if len(cur) > 0 && i+1 < len(rs) && letter(rs[i+1]) {
				flush()
				joinNext = true
				continue
			}
			mark("-")
		case r == '&' || r == '+':
			mark("and")
		case r == '(' || r == '[':
			mark("(")
		case r == ')' || r == ']':
			mark(")")
		case r == ',' || r == ';' || r == ':' || r == '/':
			mark(string(r))
		default:
			flush()
			joinNext = false
		}
	}
	flush()
	// "w/o" is "without".
	for i := 0; i+2 < len(ws); i++ {
		if ws[i].w == "w" && ws[i+1].w == "/" && ws[i+2].w == "o" {
			ws = slices.Replace(ws, i, i+3, cword{w: "without"})
		}
	}
	return ws
}

func isDash(r rune) bool {
	return r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2013' || r == '\u2014'
}
