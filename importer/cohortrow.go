package importer

import (
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
)

// A cohort's row under its indicator on a scorecard sheet (a twin row,
// "CIC10u ... - UASC only", or a row labelled "Excluding UASC") is read
// as the indicator's figures for that cohort, and a report excluding
// UASC takes the one from the other. That is only honest where both rows
// give one measure: a twin row saying its own figures are monthly under
// a rolling year, or a share under a count, gives a remainder that is
// neither (3000 starters over 12 months less 150 in one month).

// definitionOf is what the sheet's row defining ref stated of it, and
// where: the latest definition read, for the indicator above is the one
// last defined.
func (s *sheetReader) definitionOf(ref string) (app.Indicator, app.Stated) {
	for i := len(s.out.indicators) - 1; i >= 0; i-- {
		if ind := s.out.indicators[i]; ind.Ref == ref && s.out.stated[i].Defines() {
			return ind, *s.out.stated[i]
		}
	}
	return app.Indicator{Ref: ref}, app.Stated{}
}

// rowSays is one part of a measure's definition a cohort's row gives
// beside its figures, as against its indicator's row.
type rowSays struct {
	what       string // "data period"
	cell       string // the cohort row's
	own, ind   string // each as words
	indCell    string // the indicator's row's, "" where it states none
	contradict bool
}

// cohortRowAgrees reports whether row r, a row of ind's cohort split
// (ref its own Ref, "" for a row labelled by name alone), may be read as
// ind's figures for that cohort. Where the row states a Data period,
// Unit, Measure or Polarity that contradicts its indicator's row, it is
// refused, said at its cell with what differs and how to mend it. Where
// the indicator's row states none, it is read, and said that it could
// not be checked. Where it states none or the same, it is read unsaid.
func (s *sheetReader) cohortRowAgrees(r int, ind *rowIndicator, split app.Split, ref, name string) bool {
	def, st := s.definitionOf(ind.ref)
	var says []rowSays
	add := func(what string, c Column, own, indWords string, at app.Location, same bool) {
		if same {
			return
		}
		rs := rowSays{what: what, cell: cellName(r, c.index), own: own, ind: indWords, indCell: at.Cell}
		rs.contradict = at.Cell != ""
		says = append(says, rs)
	}
	if c, ok := s.l.column(RoleDataPeriod); ok {
		if text := strings.TrimSpace(s.at(r, &c)); text != "" {
			dp, _, err := app.ParseDataPeriodYear(text)
			own := string(dp)
			if err != nil {
				own = fmt.Sprintf("%q, not a data period the app reads", text)
			}
			if err != nil || dp != "" {
				add("data period", c, own, string(def.DataPeriod), st.DataPeriod, err == nil && dp == def.DataPeriod)
			}
		}
	}
	if c, ok := s.l.column(RoleUnit); ok {
		if text := strings.TrimSpace(s.at(r, &c)); text != "" {
			uc := readUnitCell(ind.ref, text, name)
			if uc.unit != "" {
				add("unit", c, string(uc.unit), string(def.Unit), st.Unit, uc.unit == def.Unit)
			}
			if uc.measure != "" {
				add("measure", c, string(uc.measure), string(def.Measure), st.Measure, uc.measure == def.Measure)
			}
		}
	}
	if c, ok := s.l.column(RoleMeasure); ok {
		if text := strings.TrimSpace(s.at(r, &c)); text != "" {
			m, ok := parseMeasure(text)
			own := string(m)
			if !ok {
				own = fmt.Sprintf("%q, not a measure the app reads", text)
			}
			add("measure", c, own, string(def.Measure), st.Measure, ok && m == def.Measure)
		}
	}
	if c, ok := s.l.column(RolePolarity); ok {
		if text := strings.TrimSpace(s.at(r, &c)); text != "" {
			p, err := app.ParsePolarity(text)
			switch {
			case err != nil:
				s.warn(r, c.index, "%s: polarity %q on the %s row not read: %v; its figures are read as %s's %s figures", cmpRef(ref, ind.ref), text, split.Label(), err, ind.ref, split.Label())
			case p == app.PolarityNone:
				// "-" or "n/a" beside a cohort's figures is as often a
				// placeholder (its RAG is its indicator's) as a statement.
			default:
				add("polarity", c, polarityWords(p), polarityWords(def.Polarity), st.Polarity, p == def.Polarity)
			}
		}
	}
	var differ, unchecked []string
	at := ""
	for _, d := range says {
		if d.contradict {
			if at == "" {
				at = d.cell
			}
			differ = append(differ, fmt.Sprintf("its %s %s is not %s's %s (%s)", d.what, d.own, ind.ref, d.ind, d.indCell))
		} else {
			unchecked = append(unchecked, fmt.Sprintf("%s %s (%s)", d.what, d.own, d.cell))
		}
	}
	who := ref + ": row"
	if ref == "" {
		who = fmt.Sprintf("%s: row %q", ind.ref, name)
	}
	if len(differ) > 0 {
		mend := "a name naming no cohort to read it as an indicator of its own"
		if ref == "" {
			mend = "a Ref and name of its own to read it as another indicator"
		}
		s.out.warn(s.l.Sheet, at, "%s not read as %s's %s figures: %s; figures of another measure taken from %s's would leave a figure of neither; give this row %s's %s if it is the same measure, or %s",
			who, ind.ref, split.Label(), strings.Join(differ, ", and "), ind.ref, ind.ref, whats(says), mend)
		return false
	}
	if len(unchecked) > 0 {
		s.out.warn(s.l.Sheet, firstCell(says), "%s read as %s's %s figures, taken to be the same measure, though its own %s is not checked: %s's row gives none; state it on %s's row too to have them checked",
			who, ind.ref, split.Label(), strings.Join(unchecked, ", "), ind.ref, ind.ref)
	}
	return true
}

// cmpRef is how a warning names a cohort's row: by its own Ref, or its
// indicator's where it has none.
func cmpRef(ref, ind string) string {
	if ref == "" {
		return ind
	}
	return ref
}

// polarityWords writes a polarity for a warning: its code, or "none".
func polarityWords(p app.Polarity) string {
	if w := p.String(); w != "" {
		return w
	}
	return "none"
}

// whats lists the parts a cohort's row states differently from its
// indicator's: "data period and unit".
func whats(says []rowSays) string {
	var ws []string
	for _, d := range says {
		if d.contradict && !slices.Contains(ws, d.what) {
			ws = append(ws, d.what)
		}
	}
	return strings.Join(ws, " and ")
}

func firstCell(says []rowSays) string {
	if len(says) == 0 {
		return ""
	}
	return says[0].cell
}

// cohortRowExtras says what a cohort's row gives beside its figures that
// is not read (readRowExtras reads a row's benchmarks and targets only on
// the indicator's own row): a previous year's outturn at its cell, as the
// store keeps an indicator's outturn as a benchmark for all children and
// has none for a cohort; its other benchmarks and targets once for the
// sheet (notOwns). A row of an Area or Cohort column counts its own.
func (s *sheetReader) cohortRowExtras(r int, ind *rowIndicator, split app.Split, ref string) {
	if s.breakdown || split == app.All {
		return
	}
	l := &s.l
	for i := range l.Columns {
		c := &l.Columns[i]
		text := strings.TrimSpace(s.at(r, c))
		if text == "" || l.shadowed(*c) {
			continue
		}
		switch c.Role {
		case RolePrevious:
			if !l.benchmarkRead(*c) {
				continue // said at its heading
			}
			s.warn(r, c.index, "%s: previous year's outturn %s on the %s row (column %s %q) not read: the app keeps a previous year's outturn for all children only, not a cohort's; an export excluding children works it out from the year's own figures where the store has them, else says it cannot; to have the year's figure read, give it in a column headed by the year alone (such as 2024/25) beside the months, on %s's row and this one",
				cmpRef(ref, ind.ref), text, split.Label(), c.Col, c.Header, ind.ref)
		case RoleEngland, RoleNeighbours, RoleRegion:
			if l.benchmarkRead(*c) {
				s.notOwns.add(r, c.index)
			}
		case RoleTarget, RoleFloor, RoleTolerance:
			s.notOwns.add(r, c.index)
		}
	}
}
