package importer

import (
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"scorecard/app"
	"scorecard/importer/childlevel"
	"scorecard/importer/xlsx"
)

// A child-level list is guarded as a scorecard is (areaCheck's titles):
// a list whose file name or title names another council, and nothing in
// it the store's authority, is refused, so that one council's children
// are never counted as another's; a list naming both is read as the
// store's, with a warning at each name of the other (QA30 finding 8:
// Southwark's list 8 was filed as Kent's in a store not yet given its
// authority, while Southwark's scorecard was refused).

// listCouncil refuses, or warns of, a child-level list naming another
// council than the store's: in the file names (an Annex A list's one, or
// a 903 return's three tables) or in the title rows above an Annex A
// header, found in the sample's head of sheet (none for a 903 return).
func listCouncil(s *Sample, sheet string, files []string, opt Options) ([]app.Warning, error) {
	ac := newAreaCheck(opt.authority(), nil)
	for _, f := range files {
		ac.fileName(filepath.Base(f))
	}
	if sheet, ok := annexASheet(s); ok {
		for _, h := range s.Heads {
			if h.Sheet != sheet {
				continue
			}
			for i, row := range h.Rows {
				if childlevel.DetectAnnexA(row) {
					l := &Layout{Sheet: sheetOf(s, sheet), Kind: IndicatorSheet, HeaderRow: i + 1}
					ac.titles(filepath.Base(s.Path), l, h.Rows)
					ac.labelled(filepath.Base(s.Path), l, h.Rows)
					ac.authorityColumn(filepath.Base(s.Path), l, h.Rows, "list")
					break
				}
			}
		}
	}
	if err := ac.titleRefusal(); err != nil {
		if s.book == nil {
			var se *app.SourceError
			if errors.As(err, &se) {
				se.Cell = csvLine(se.Cell)
			}
		}
		return nil, err
	}
	ws := ac.titleWarnings()
	if s.book == nil {
		for i := range ws {
			ws[i].Cell = csvLine(ws[i].Cell)
		}
	}
	return ws, nil
}

// labelled reads the rows above a list's header (at l.HeaderRow) for a
// cell labelling its authority, as Ofsted's template does: "Local
// authority: Kent", or the name in the next cell. The name is an
// authority's, or one of the store's districts, whole.
func (ac *areaCheck) labelled(file string, l *Layout, rows [][]string) {
	for r := 0; r < l.HeaderRow-1 && r < len(rows); r++ {
		for c, cell := range rows[r] {
			label, name, _ := strings.Cut(cell, ":")
			label = strings.ToLower(strings.TrimSpace(label))
			if label != "local authority" && label != "la" && label != "authority" && label != "la name" {
				continue
			}
			if name = strings.TrimSpace(name); name == "" {
				for _, next := range rows[r][c+1:] {
					if name = strings.TrimSpace(next); name != "" {
						break
					}
				}
			}
			if name == "" {
				continue
			}
			if a, own := ac.auth.ParseArea(name); own && (a == ac.auth.Area() || ac.auth.IsDistrict(a)) {
				ac.titledOwn = true
				continue
			}
			if o, found := app.LookupAuthority(name); found && o.Old != ac.auth.Old {
				ac.titled = append(ac.titled, titled{auth: o, name: name,
					at: app.Location{File: file, Sheet: l.Sheet, Cell: xlsx.ColumnName(c) + strconv.Itoa(r+1)}})
			}
		}
	}
}

// fileName reads a file's name, less its extension, as a title of what
// it holds: "Southwark CLA list 8 2025-03-31" names Southwark. A council
// named first, or as a title names one (councilsNamed), is taken: a
// list's name, unlike a title, need not say "council" or "scorecard".
func (ac *areaCheck) fileName(base string) {
	name := strings.TrimSuffix(base, filepath.Ext(base))
	words := placeWords(name)
	var runs []councilRun
	for r := range councilRuns(words, ac.auth) {
		if a := r.a; r.district || a == ac.auth || a.Old == ac.auth.Old {
			ac.titledOwn = true
			return
		}
		if r.i == 0 || namesCouncil(words, r.i, r.n) {
			ac.titled = append(ac.titled, titled{auth: r.a, name: r.phrase(words),
				at: app.Location{File: base}, names: "the file is named for"})
			return
		}
		runs = append(runs, r)
	}
	if a, phrase := onlyCouncilOf(words, runs); a != nil {
		// "Copy of Essex scorecard", "2026-03_Essex_scorecard".
		ac.titled = append(ac.titled, titled{auth: a, name: phrase,
			at: app.Location{File: base}, names: "the file is named for"})
		return
	}
	ac.initials(name, app.Location{File: base}, "the file is named for")
}

// authorityColumns are headings of a column giving, on each child's row,
// the authority whose list it is, by name or LA code: a list several
// authorities' rows were extracted into has one.
var authorityColumns = []string{"la", "la code", "la name", "la number", "local authority", "old la code", "new la code"}

// authorityColumn reads the first value of each authority column below a
// list's or sheet's header (at l.HeaderRow), among the rows sampled (what
// says which, "list" or "sheet"): the store's authority (or a district of
// it) marks the file as its own; another authority's is a council named,
// at its cell. A scorecard's such column, unread, was said to be so and
// no more, its rows filed as the store's authority's (QA probe p09f).
func (ac *areaCheck) authorityColumn(file string, l *Layout, rows [][]string, what string) {
	if l.HeaderRow < 1 || l.HeaderRow > len(rows) {
		return
	}
	header := rows[l.HeaderRow-1]
	for c, h := range header {
		if !slices.Contains(authorityColumns, strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(h, "_", " ")), " "))) {
			continue
		}
		for r := l.HeaderRow; r < len(rows); r++ {
			if c >= len(rows[r]) || strings.TrimSpace(rows[r][c]) == "" {
				continue
			}
			name := strings.TrimSpace(rows[r][c])
			if a, own := ac.auth.ParseArea(name); own && (a == ac.auth.Area() || ac.auth.IsDistrict(a)) {
				ac.titledOwn = true
			} else if o, found := app.LookupAuthority(name); found && o.Old == ac.auth.Old {
				ac.titledOwn = true
			} else if found {
				ac.titled = append(ac.titled, titled{auth: o, name: name, names: "the " + what + "'s " + h + " column gives",
					at: app.Location{File: file, Sheet: l.Sheet, Cell: xlsx.ColumnName(c) + strconv.Itoa(r+1)}})
			}
			break
		}
	}
}
