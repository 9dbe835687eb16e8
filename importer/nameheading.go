package importer

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"scorecard/app"
)

// A name column's heading may say in brackets what its rows' figures
// are: "Indicator (count, all children)", "Measure (%)". Left unknown,
// the column was not read, and with it every name, so a row named
// "Re-referrals (%)" was read as a count. The heading is read as the
// name column's, its unit taken for the rows that state none in a Unit
// column or their names (said once at the heading), and "all children"
// as what figures count unless said otherwise. Any other cohort, or
// words that are neither, leave it refused at its heading, saying how
// to head it: the sheet's figures would pass for all children's.

var nameParenthetical = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(.*?)\s*\(([^()]*)\)\s*$`)
})

// nameHeading reads a name column's heading with words in brackets
// after it: ok for such a heading, with the unit its brackets name (""
// for none) and why it is refused ("" when it is read).
func nameHeading(h string) (unit app.Unit, why string, ok bool) {
	m := nameParenthetical().FindStringSubmatch(strings.TrimSpace(h))
	if m == nil || roleWords()[normHeader(m[1])] != RoleName {
		return "", "", false
	}
	for _, part := range strings.FieldsFunc(m[2], func(r rune) bool { return r == ',' || r == ';' || r == '/' }) {
		part = strings.TrimSpace(part)
		t := strings.ToLower(part)
		switch u, isUnit := unitFromText(t); {
		case t == "" || t == "all" || allChildrenWords(part):
		case isUnit && !fractionOfOne(t) && unit == "":
			unit = u
		case isUnit && !fractionOfOne(t):
			return "", fmt.Sprintf("it names two units in its brackets (%q): state each indicator's unit in a Unit column", m[2]), true
		default:
			if sp, named, _ := splitOf(part); named && sp != app.All {
				return "", fmt.Sprintf("it says its figures count %s (%q): a sheet of a cohort's figures says so in its title or its name (\"Excl UASC\"), not in the name column's heading; head it %q", splitWords(sp), part, strings.TrimSpace(m[1])), true
			}
			return "", fmt.Sprintf("%q in its brackets is neither a unit (%%, count, per 10k, days, weeks, score, ratio) nor \"all children\": head it %q, with any unit in a Unit column", part, strings.TrimSpace(m[1])), true
		}
	}
	return unit, "", true
}

// headingUnit gives row r's indicator ind the unit its name column's
// heading names ("Indicator (count, all children)") where neither a Unit
// column nor its name states one: said once a sheet at the heading, and
// at the row where its name says another unit, which it keeps.
func (s *sheetReader) headingUnit(r int, ind *app.Indicator, st *app.Stated) {
	c, ok := s.l.column(RoleName)
	if !ok || ind.Unit != "" {
		return
	}
	hu, why, named := nameHeading(c.Header)
	if !named || why != "" || hu == "" {
		return
	}
	if ind.Name != "" && ind.Name != ind.Ref {
		if nu, _ := nameUnit(ind.Name, false); nameGivesUnit(ind.Name, nu) && nu != hu {
			s.warn(r, c.index, "%s: its name %q says unit %q where the heading %q says %q: read as %q, as its name says; state its unit in a Unit column",
				ind.Ref, ind.Name, nu, c.Header, hu, nu)
			return
		}
	}
	at := s.l.HeaderRow - 1
	ind.Unit, st.Unit = hu, s.loc(at, c.index)
	if !s.nameUnitSaid {
		s.nameUnitSaid = true
		s.warn(at, c.index, "column %s %q: unit %q taken from its heading for each indicator whose Unit column or name states none; a name stating another unit keeps it, said at its row",
			c.Col, c.Header, hu)
	}
}
