package app

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// Counted is what an indicator's figures count, as its definition says.
type Counted struct {
	// Noun names what is counted, in the plural: "children", "schools",
	// "pupils", "social workers".
	Noun string
	// NotChildren says the figures count schools, pupils, staff or carers,
	// not the children known to children's services (children in care,
	// referrals, care leavers, plans) among whom a cohort such as UASC or
	// OLA is a part a split can take out: excluding a cohort leaves such
	// a measure as published, and saying its figure has "UASC counted"
	// would misread it. The zero Counted is a measure of children.
	NotChildren bool
}

// Counts reads what the indicator's figures count from its definition,
// not from its ref, so that it holds for any authority's indicators: the
// base of a rate ("per 10,000 pupils"), in its name or guidance, then the
// denominator its guidance states ("Denominator: primary schools ..."),
// then its name ("Primary schools judged good ..."), each read for the
// first thing it names that is counted. A definition that names nothing
// the app knows counts children, as the directorate's measures do.
func (ind Indicator) Counts() Counted {
	var phrases []string
	for _, s := range []string{ind.Name, ind.Guidance} {
		if m := rateBase().FindStringSubmatch(s); m != nil {
			phrases = append(phrases, m[1])
		}
	}
	if m := denominator().FindStringSubmatch(ind.Guidance); m != nil {
		phrases = append(phrases, m[1])
	}
	if head, rest, ok := strings.Cut(ind.Name, ":"); ok {
		// "Foster carers: children placed": a heading before the colon
		// says where the children are, and what follows what is counted.
		phrases = append(phrases, rest, head)
	} else {
		phrases = append(phrases, ind.Name)
	}
	for _, p := range phrases {
		if c, ok := countedIn(p); ok {
			return c
		}
	}
	return Counted{Noun: "children"}
}

// rateBase finds the words after a rate's base: "per 10,000 pupils on
// roll" gives "pupils on roll".
var rateBase = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\bper\s+[0-9][0-9,.]*\s+([^.;()]*)`)
})

// denominator finds what a guidance note gives as the denominator, up to
// the end of its sentence or clause.
var denominator = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\bdenominator\b\s*(?:is|:|-|–|=)?\s*([^.;]*)`)
})

// countedWords are the words a definition names what it counts with, as
// one or two words, and the noun the app says it with. Children's words
// are here so that the first thing a phrase names wins: "Children in
// care placed with foster carers" counts children, not carers.
var countedWords = []struct {
	words      string
	noun       string
	ofChildren bool
}{
	{"children's homes", "children's homes", false},
	{"children's centres", "children's centres", false},
	{"social workers", "social workers", false},
	{"social worker", "social workers", false},
	{"foster carers", "foster carers", false},
	{"foster carer", "foster carers", false},
	{"young people", "children", true},
	{"young carers", "children", true},
	{"cases", "children", true},
	{"young person", "children", true},
	{"care leavers", "children", true},
	{"children", "children", true},
	{"child", "children", true},
	{"babies", "children", true},
	{"infants", "children", true},
	{"adolescents", "children", true},
	{"teenagers", "children", true},
	{"leavers", "children", true},
	{"cla", "children", true},
	{"cic", "children", true},
	{"lac", "children", true},
	{"uasc", "children", true},
	// Only the plural counts schools: "school" or "academy" alone is
	// what something belongs to ("Secondary school permanent
	// exclusions", "Free school meals", "School stability"), and read
	// as schools, which the small-number rule spares, it published
	// small counts of children.
	{"school leavers", "pupils", false},
	{"schools", "schools", false},
	{"academies", "schools", false},
	{"nurseries", "settings", false},
	{"settings", "settings", false},
	{"providers", "providers", false},
	{"colleges", "colleges", false},
	{"pupils", "pupils", false},
	{"pupil", "pupils", false},
	{"students", "students", false},
	{"learners", "learners", false},
	{"staff", "staff", false},
	{"workers", "staff", false},
	{"employees", "staff", false},
	{"practitioners", "staff", false},
	{"posts", "staff", false},
	{"vacancies", "staff", false},
	{"carers", "carers", false},
	{"adopters", "adopters", false},
	{"households", "households", false},
}

// countedIn finds the first thing phrase names that countedWords knows.
// A possessive ("children's social care", "Kent's schools") names what
// something belongs to, not what is counted, unless it is part of a name
// countedWords gives whole ("children's homes").
func countedIn(phrase string) (Counted, bool) {
	words := strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(phrase, "’", "'")), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '-'
	})
	for i := range words {
		for _, c := range countedWords {
			ws := strings.Fields(c.words)
			if i+len(ws) <= len(words) && strings.Join(words[i:i+len(ws)], " ") == c.words {
				return Counted{Noun: c.noun, NotChildren: !c.ofChildren}, true
			}
		}
	}
	return Counted{}, false
}
