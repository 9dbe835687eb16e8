package importer

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"scorecard/app"
)

// A district named in an indicator sheet's title makes the sheet that
// district's: "Ashford District Scorecard", "CYPE scorecard: Dover",
// "District: Gravesham". But titles name places in passing too: the
// council's address ("Sessions House, County Hall, Maidstone, ME14
// 1XQ"), the committee it went to ("Cabinet Committee, Maidstone, 15
// April 2026"), a road, a port or a team ("by the Canterbury Road data
// team"). Read as the district's, the county's whole scorecard was filed
// under Maidstone, a dozen times too large for it, and Kent had none,
// with nothing said (QA probe 7). So a district is the sheet's only
// where its title says little else: words such as "district",
// "scorecard" or "children's services", dates, and other councils'
// names. Named among other words, it is said, and the sheet read as the
// authority's.

// titleMention is a district a sheet's title names, and how.
type titleMention struct {
	area       app.Area
	cell, text string
	// passing is set where the title names it among other words, so the
	// sheet was not read as its; alsoOwn where the same title names the
	// authority too ("Kent County Council (Maidstone) - CYPE Scorecard"),
	// so the district's reading is said.
	passing, alsoOwn bool
}

// titleArea finds the area an indicator sheet reports: its sheet name if
// that is an area ("Ashford"), else a district its title rows name as
// their subject (districtTitle), else none, which the import reads as
// the store's authority (see areaCheck.settle). The mention it reports
// is the district read from a title, or the first named in passing.
func titleArea(sheet string, g *grid, h int) (app.Area, titleMention) {
	if a, ok := app.AnyArea(sheet); ok {
		return a, titleMention{}
	}
	var passing titleMention
	for r := 0; r < h; r++ {
		for c, s := range g.rows[r] {
			a, auth, ok := districtIn(s)
			if !ok {
				continue
			}
			if _, _, together := areasTogether(s, app.DefaultAuthority()); together {
				// "Ashford and Canterbury scorecard" names no one
				// district: it was read as the longer-named, until
				// the settling read it as the areas together
				// (localityOf).
				return "", titleMention{}
			}
			m := titleMention{area: a, cell: cellName(r, c), text: strings.TrimSpace(s)}
			subject, own := districtTitle(s, auth)
			if subject {
				m.alsoOwn = own
				return a, m
			}
			if passing.area == "" {
				m.passing = true
				passing = m
			}
		}
	}
	return "", passing
}

// sheetTitledOtherwise refuses a sheet named for one district whose
// title is another's: a sheet copied for the next district and renamed,
// its title left as it was ("Ashford District Scorecard" on the sheet
// "Dover"), or renamed wrongly. Read by its name, as it was, all its
// figures went to Dover with nothing said, Ashford's if the name was
// the slip (QA probe 11). Nothing tells which is right.
func sheetTitledOtherwise(sheet string, g *grid, h int) error {
	named, ok := app.AnyArea(sheet)
	if !ok {
		return nil
	}
	auth := authorityHolding(named)
	if auth == nil {
		return nil
	}
	for r := 0; r < h && r < len(g.rows); r++ {
		for c, s := range g.rows[r] {
			if strings.TrimSpace(s) == "" {
				continue
			}
			titled, ok := auth.DistrictIn(s)
			if !ok || titled == named {
				continue
			}
			if _, _, together := areasTogether(s, auth); together {
				continue
			}
			if subject, _ := districtTitle(s, auth); subject {
				return &layoutRefusal{cell: cellName(r, c), msg: fmt.Sprintf(
					"the sheet's name says its figures are %s's, but its title at %s says %s's (%q); cannot tell which: rename the sheet, or correct the title, and import again",
					named, cellName(r, c), titled, strings.TrimSpace(s))}
			}
		}
	}
	return nil
}

// defaultFirst is every authority the profiles know, the default
// authority first: a name is read as its before any other's.
func defaultFirst() []*app.Authority {
	return append([]*app.Authority{app.DefaultAuthority()}, app.Authorities()...)
}

// authorityHolding is the authority whose own area or district a is, the
// default authority's first; nil for none (a pseudo-area).
func authorityHolding(a app.Area) *app.Authority {
	for _, auth := range defaultFirst() {
		if auth.Area() == a || auth.IsDistrict(a) {
			return auth
		}
	}
	return nil
}

// districtTitle reports whether a title naming one of auth's districts
// names it as its subject: beside the councils it names, it says only
// what a district's scorecard is and when. ownToo reports whether it
// names auth itself as well. An address, by its postcode, names no
// subject.
func districtTitle(title string, auth *app.Authority) (subject, ownToo bool) {
	if postcode().MatchString(title) {
		return false, false
	}
	words := placeWords(title)
	var runs []councilRun
	for r := range councilRuns(words, auth) {
		runs = append(runs, r)
		ownToo = ownToo || r.a == auth && !r.district
	}
	return saysOnlyTitle(words, runs), ownToo
}

// saysOnlyTitle reports whether words, less the councils' names runs
// finds in them, say no more than a scorecard's title does (titleWord).
func saysOnlyTitle(words []string, runs []councilRun) bool {
	for i, k := 0, 0; i < len(words); {
		if k < len(runs) && runs[k].i == i {
			i += runs[k].n
			k++
			continue
		}
		if !titleWord(words[i]) && !paperNumber(words, i) {
			return false
		}
		i++
	}
	return true
}

// paperWords are the words numbering a committee's papers, in lower
// case: a scorecard goes to members as "Appendix A" or "Annex 2" to an
// agenda's "Item 7", and its file and title are numbered so ("Appendix A
// - Essex CYPS Scorecard"). A meeting's own words ("Cabinet Committee")
// are not among them: a meeting's place is not its papers' area.
var paperWords = map[string]bool{
	"appendix": true, "appx": true, "app": true, "annex": true, "annexe": true, "item": true,
	"agenda": true, "enclosure": true, "enc": true, "paper": true, "attachment": true, "schedule": true,
}

// paperNumber reports whether words[i] numbers a paper: a paper word, or
// the letter, number or roman numeral after one ("Appendix A", "Item
// 7b", "Annex iv"), or a code of a letter or two and digits opening the
// words ("a02_Essex_scorecard"), as papers' files are numbered in a
// pack's order.
func paperNumber(words []string, i int) bool {
	w := strings.ToLower(words[i])
	if paperWords[w] {
		return true
	}
	if i > 0 && paperWords[strings.ToLower(words[i-1])] {
		return len(w) == 1 || romanNumeral(w) || paperCode(w) || itemNumber(w)
	}
	return i == 0 && paperCode(w)
}

// paperCode reports whether w, in lower case, is a letter or two then
// one to three digits: "a02", "b3".
func paperCode(w string) bool {
	digits := strings.TrimLeft(w, "abcdefghijklmnopqrstuvwxyz")
	letters := len(w) - len(digits)
	return letters >= 1 && letters <= 2 && len(digits) >= 1 && len(digits) <= 3 && strings.Trim(digits, "0123456789") == ""
}

// itemNumber reports whether w, in lower case, is a number, perhaps
// with a letter after it: "7", "12b".
func itemNumber(w string) bool {
	n := strings.TrimRight(w, "abcdefghijklmnopqrstuvwxyz")
	return n != "" && len(w)-len(n) <= 1 && strings.Trim(n, "0123456789") == ""
}

// romanNumeral reports whether w, in lower case, is a roman numeral up
// to twelve, as annexes are numbered.
func romanNumeral(w string) bool {
	switch w {
	case "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii":
		return true
	}
	return false
}

// titleWord reports whether a word of a title or file name is one a
// scorecard's title holds beside its area's name (titleWords), perhaps
// numbered ("v2", "draft3"), or a date's.
func titleWord(word string) bool {
	w := strings.ToLower(word)
	return titleWords[w] || titleWords[strings.TrimRight(w, "0123456789")] || dateWord(w)
}

// dateWord reports whether a title's word, in lower case, is part of a
// date or period: "march", "2026", "15", "q4", "fy25".
func dateWord(w string) bool {
	if _, rest, ok := quarterWord([]string{w}); ok && len(rest) == 0 {
		return true
	}
	return monthWords[strings.TrimRight(w, "0123456789")] || strings.Trim(strings.TrimPrefix(w, "fy"), "0123456789") == ""
}

// titleWords are the words, in lower case, a scorecard's title or file
// name may hold beside its area's name and dates: what it reports, on
// which children (the cohort its figures count is read apart, by
// sheetCohort), and for whom.
var titleWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`district districts borough council councils locality area city county
		dc bc cc cbc mbc scorecard scorecards score card dashboard report reports summary data
		performance monthly quarterly annual month year to date ytd end as at of for the and in on by
		is applied filter filters selected indicators indicator kpi kpis measures key pack
		cype cyp children children's childrens young people person family families services service
		social care early help education send safeguarding integrated directorate draft final
		provisional version v figures cyps copy of updated latest new
		csc cscs cs cin cic cla lac cp eh ehs yjs ics mi looked after need protection plan plans
		leavers child youth justice school schools
		all only excl excluding exc ex incl including inc excluded removed without with
		uasc ola unaccompanied asylum seeking disability disabilities disabled`) {
		m[w] = true
	}
	return m
}()

// postcode matches a UK postcode ("ME14 1XQ"), which marks a line as an
// address.
var postcode = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}\b`)
})

// titleMentionNote is the warning a title's mention of a district
// gives, as read: "" for a title whose district is plainly its subject.
func titleMentionNote(m titleMention, read app.Area) string {
	switch {
	case m.passing:
		return fmt.Sprintf("the title at %s names %s among other words (%q): its figures are read as %s's, not %s's; if they are %s's, name the sheet %q", m.cell, m.area, m.text, read, m.area, m.area, string(m.area))
	case m.alsoOwn:
		return fmt.Sprintf("the title at %s names %s, and %s too (%q): its figures are read as %s's, the district's; if they are %s's, name the sheet %q", m.cell, m.area, read, m.text, m.area, read, string(read))
	}
	return ""
}

// districtOnlyIn finds the one district a sheet's name names among
// other words ("Canterbury CC", "Dartford DC", "Maidstone 0-17"), of the
// default authority or, where it names none, of any other: a sheet so
// named and titled by no area was read as the authority's, its
// district's figures stored as the county's with nothing said. A name
// naming two districts ("Ashford and Canterbury") names neither.
func districtOnlyIn(sheet string) (app.Area, bool) {
	auths := defaultFirst()
	for _, auth := range auths {
		found := districtsNamed(auth, sheet)
		switch len(found) {
		case 0:
			continue
		case 1:
			return found[0], true
		}
		return "", false
	}
	return "", false
}

// districtsNamed are auth's districts text names by any of their
// spellings, as whole words.
func districtsNamed(auth *app.Authority, text string) []app.Area {
	var found []app.Area
	for _, a := range auth.AreasIn(text) {
		if auth.IsDistrict(a) {
			found = append(found, a)
		}
	}
	return found
}

// districtIn finds a district named within a title such as "Ashford
// District Scorecard": the default authority's first, then any other's,
// whose sheet the import then refuses or files by the store's authority
// (see areaCheck.settle).
func districtIn(s string) (app.Area, *app.Authority, bool) {
	if a, ok := app.DefaultAuthority().DistrictIn(s); ok {
		return a, app.DefaultAuthority(), true
	}
	for _, auth := range app.Authorities() {
		if a, ok := auth.DistrictIn(s); ok {
			return a, auth, true
		}
	}
	return "", nil, false
}
