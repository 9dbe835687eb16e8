package importer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// The revised report a council circulates "excluding UASC" is often the
// monthly scorecard again, its title or sheet name saying so ("Kent CYPE
// Scorecard - excluding unaccompanied asylum seeking children", sheet
// "Excl UASC"), its rows worded as on the all-children sheet. Read as
// all children's, such a sheet overwrote their history as revisions. Its
// title rows and name are therefore read for a cohort as a row's label
// is (splitOf): a sheet that says it leaves a cohort out, or counts it
// alone, gives that split's figures; one naming only some of a cohort
// ("excluding UASC over 16") or saying it both ways is not read.

// titleText is a title row's text and where it is.
type titleText struct {
	text string
	cell string // "A1"
}

// titleTexts are a sheet's title rows above its header: rows holding one
// cell of words and nothing else (a heading row of captions over
// columns is not a title), a note or a line about one indicator left
// out ("Note: CIC05 excludes UASC" is not the sheet's cohort).
func titleTexts(l *Layout, rows [][]string) []titleText {
	var ts []titleText
	for r := 0; r < l.HeaderRow-1 && r < len(rows); r++ {
		c, n := -1, 0
		for i, s := range rows[r] {
			if strings.TrimSpace(s) != "" {
				n++
				if c < 0 {
					c = i
				}
			}
		}
		if n != 1 || strings.IndexFunc(rows[r][c], unicode.IsLetter) < 0 {
			continue
		}
		text := strings.TrimSpace(rows[r][c])
		if noteLine(text) {
			continue
		}
		ts = append(ts, titleText{text: text, cell: xlsx.ColumnName(c) + strconv.Itoa(r+1)})
	}
	return ts
}

// noteLine reports whether a line above the header is a note rather than
// a title: a footnote mark or a note's opening word, or an indicator's
// Ref ("CIC05"), which makes it a note on that indicator.
func noteLine(s string) bool {
	low := strings.ToLower(s)
	if strings.ContainsAny(s[:1], "*([¹²³†‡#") {
		return true
	}
	for _, p := range []string{"note", "source", "footnote", "key", "please", "n.b", "nb ", "rag "} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if refLike(w) {
			return true
		}
	}
	return false
}

// refLike reports whether a word is written as an indicator's Ref is:
// two or more capitals, one to three digits and perhaps a letter
// ("CIC05", "SCS02a"); not a quarter or year ("Q3", "FY2024").
func refLike(w string) bool {
	i := strings.IndexFunc(w, func(r rune) bool { return r < 'A' || r > 'Z' })
	if i < 2 {
		return false
	}
	j := i
	for j < len(w) && w[j] >= '0' && w[j] <= '9' {
		j++
	}
	rest := w[j:]
	return j-i >= 1 && j-i <= 3 && (rest == "" || len(rest) == 1 && rest[0] >= 'a' && rest[0] <= 'z')
}

// cohortReading is what a sheet's name or one of its title rows says of
// the children its figures count.
type cohortReading struct {
	split app.Split
	doubt string
	text  string
	cell  string // the title's cell; "" for the sheet's name
}

// where says where a reading was found, for a warning.
func (cr cohortReading) where() string {
	if cr.cell == "" {
		return fmt.Sprintf("the sheet's name %q", cr.text)
	}
	return fmt.Sprintf("the title %q at %s", cr.text, cr.cell)
}

// sheetCohort reads the cohort an indicator or district sheet's figures
// count from its name and title rows (rows, the sheet's first), setting
// l.split. It reports the warnings saying so, and, where the sheet is
// not to be read, the reason, said at the cell it was read from.
func sheetCohort(l *Layout, rows [][]string) (warns []sheetNote, refused *sheetNote) {
	if l.Kind != IndicatorSheet && l.Kind != DistrictSheet {
		return nil, nil
	}
	var rs []cohortReading
	// A sheet named for an area ("UASC Service") is that area's, read
	// as such by its name; its title may still say a cohort.
	if _, isArea := app.AnyArea(l.Sheet); !isArea {
		rs = append(rs, cohortReadings(l.Sheet, "")...)
	}
	for _, t := range titleTexts(l, rows) {
		rs = append(rs, cohortReadings(t.text, t.cell)...)
	}
	var got *cohortReading
	for i := range rs {
		r := &rs[i]
		switch {
		case r.doubt != "":
			return nil, &sheetNote{cell: r.cell, msg: fmt.Sprintf(
				"%s names a cohort, but cannot tell which children its figures count, as %s; read as all children's they would replace theirs, read as a cohort's they would pass for the whole cohort's. Put these figures on the all-children sheet as twin rows with Refs of their own (such as CIC01a), or word the title as e.g. \"Excluding UASC\"",
				r.where(), r.doubt)}
		case got == nil:
			got = r
		case got.split != r.split:
			return nil, &sheetNote{cell: r.cell, msg: fmt.Sprintf(
				"%s says its figures count %s, but %s says %s; cannot tell which children they count",
				r.where(), splitWords(r.split), got.where(), splitWords(got.split))}
		}
	}
	if got == nil || got.split == app.All {
		return nil, nil
	}
	l.split = got.split
	warns = append(warns, sheetNote{cell: got.cell, msg: fmt.Sprintf(
		"%s says its figures count %s: every figure on the sheet is read as %s, not all children's",
		got.where(), splitWords(got.split), got.split.Label())})
	return warns, nil
}

// sheetNote is a warning or refusal about a sheet, at a cell of it ("" for
// the sheet as a whole).
type sheetNote struct {
	cell, msg string
}

// cohortReadings reads text, a sheet's name or title, for the cohort its
// figures count: none where it names no cohort (or only all children,
// which is recorded so that it meets any other reading). A cohort named
// with no word saying it is counted alone ("Kent scorecard: CiC and
// UASC" names UASC among other things) is taken only where the text is
// little more than the cohort's name.
func cohortReadings(text, cell string) []cohortReading {
	sp, ok, doubt := splitOf(text)
	switch {
	case !ok:
		return nil
	case doubt != "":
		return []cohortReading{{doubt: doubt, text: text, cell: cell}}
	}
	if _, alone := sp.Cohort(); alone && !plainlyCohort(text) {
		return nil
	}
	return []cohortReading{{split: sp, text: text, cell: cell}}
}

// plainlyCohort reports whether text says its cohort is counted alone:
// a word such as "only", or nothing beside the cohort's name but words
// such as "children" ("UASC", "Unaccompanied children").
func plainlyCohort(text string) bool {
	ws := cohortTokens(text)
	plain := true
	for i := 0; i < len(ws); {
		if _, n := cohortAt(ws, i); n > 0 {
			i += n
			continue
		}
		w := ws[i].w
		switch {
		case slices.Contains(onlyBefore, w), slices.Contains(onlyAfter, w):
			return true
		case !fillers[w] && len(wordsOnly(ws[i:i+1])) > 0:
			plain = false
		}
		i++
	}
	return plain
}

// splitWords names the children a split counts, in a sentence.
func splitWords(sp app.Split) string {
	if sp == app.All {
		return "all children"
	}
	if c, ok := sp.Cohort(); ok {
		return strings.ToUpper(string(c)) + " alone"
	}
	return "all children " + strings.ToLower(sp.Label()[:1]) + sp.Label()[1:]
}

// sheetSplit is the cohort a row of the sheet counts: the row's own
// (read from its label or Cohort cell), within the sheet's. A row
// excluding one cohort on a sheet excluding another excludes both; a
// row counting a cohort the sheet says something else of keeps its own,
// as nearer the figure, and is warned of.
func (s *sheetReader) sheetSplit(r int, ref string, row app.Split) app.Split {
	sheet := s.l.split
	if sp, ok := nestedSplit(sheet, s.sectionSplit); ok {
		// Both exclusions (sectionCohort takes no other), so nested.
		sheet = sp
	}
	if sp, ok := nestedSplit(sheet, row); ok {
		return sp
	}
	says := "the sheet's title or name says"
	if s.sectionSplit != app.All && s.l.split == app.All {
		says = "its section's heading says"
	}
	s.warn(r, 0, "%s: the row counts %s, though %s %s: read as the row says", ref, splitWords(row), says, splitWords(sheet))
	return row
}
