package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// Power BI's "Export data" writes a long table with no indicator codes:
// `Month, Measure, Value` or `Indicator, Period, Area, Value`. Refused for
// want of a Ref column, the officer could not import it at all, though a
// scorecard without Refs is read by its names. So a tidy table with an
// Indicator (Measure) column and no Ref column is read as such a
// scorecard is: each row's indicator is known by its name, filed under
// the ref made from it (keyRef), or under the Ref of the one indicator
// of that name in the workbook or the store (Layout.nameFilings, settled
// by settleNamedSheets as for a scorecard keyed by names); one warning at
// the Indicator heading names the refs (warnNamedRefs).

// tidyByName reports whether a layout is a tidy table keyed by names: a
// Period column of periods written in its rows, an Indicator column, no
// Ref column, and a column of figures, so that a list of names and
// dates ("Name, Date of birth") is not taken for one.
func tidyByName(l *Layout) bool {
	if l.Kind != TidySheet {
		return false
	}
	_, ref := l.column(RoleRef)
	_, name := l.column(RoleName)
	_, value := l.column(RoleValue)
	_, num := l.column(RoleNumerator)
	return !ref && name && (value || num)
}

// tidyNamedRef is the ref of row r of a tidy table keyed by names, whose
// Indicator column is nameCol: "" where the row is not read, said
// (said is set) where its name clashes with another's. Unlike a
// scorecard's, a tidy table gives a name on a row for each period and
// area, so a name read again is the same indicator, not a row to skip.
func (s *sheetReader) tidyNamedRef(r int, nameCol *Column) (ref string, said bool) {
	raw := s.at(r, nameCol)
	name := stripFootnote(raw)
	if name == "" {
		return "", false
	}
	n := &s.named
	if n.seen == nil || n.header != s.l.HeaderRow {
		*n = namedRows{header: s.l.HeaderRow, col: nameCol.index, seen: map[string]int{}, names: map[string]string{}, keys: map[string]string{}}
	}
	key, mark := markedKey(raw, name)
	if i, ok := n.seen[key]; ok {
		if i < 0 {
			return "", true // said at its first row
		}
		return n.refs[i], false
	}
	shown := name + mark
	ref = keyRef(key)
	if f, ok := s.l.nameFilings[ref]; ok {
		if ref = s.fileName(r, nameCol.index, shown, key, ref, f); ref == "" {
			n.seen[key] = -1 // said by fileName, at its first row
			return "", true
		}
	}
	if other, ok := n.keys[ref]; ok && other != key {
		// Two names whose made refs meet would merge silently.
		s.warn(r, nameCol.index, "row skipped, and every row naming it: %q makes the same ref %s as %q above; give the table a Ref column", shown, ref, n.names[ref])
		n.seen[key] = -1
		return "", true
	}
	if mark != "" {
		s.warnMark(r, nameCol.index, name, mark, ref, "")
	}
	n.seen[key] = len(n.refs)
	n.names[ref], n.keys[ref] = strings.TrimSpace(shown), key
	n.refs = append(n.refs, ref)
	return ref, false
}

// csvNameFilings are the filings of the names of a CSV tidy table keyed
// by names (g its rows, l its layout) under the store's indicators
// (indicators, those retired as retired says) of the same name with a
// Ref, as settleNames files a workbook's: a CSV has no other sheets to
// weigh them against, and without this next month's export of a measure
// the store holds under its Ref would start a second indicator of the
// same name. Its rows' periods are not yet read, so a retirement in
// force decides between a retired Ref and another.
func csvNameFilings(g *grid, l *Layout, indicators []app.Indicator, retired map[string]app.Period) map[string]nameFiling {
	if !tidyByName(l) || len(indicators) == 0 {
		return nil
	}
	refs := nameIndex{}
	refs.addStored(indicators, retired)
	nameCol, _ := l.column(RoleName)
	filings := map[string]nameFiling{}
	for r := l.FirstRow - 1; r < len(g.rows); r++ {
		raw := g.at(r, nameCol.index)
		name := stripFootnote(raw)
		if key, mark := markedKey(raw, name); name != "" && mark == "" {
			made := keyRef(key)
			if _, ok := filings[made]; ok {
				continue
			}
			cs := refs.candidates(name, "")
			if f, ok := retiredFiling(cs, app.Period{}, made, "give the table a Ref column saying which it is"); ok {
				filings[made] = f
				continue
			}
			switch {
			case len(cs) == 1:
				filings[made] = nameFiling{ref: cs[0].ref, why: fmt.Sprintf("filed under %s, the indicator of the same name %s, not under %s made from the name; if it is another measure, give it another name or the table a Ref column", cs[0].ref, cs[0].at, made)}
			case len(cs) > 1:
				var names []string
				for _, c := range cs {
					names = append(names, c.ref)
				}
				filings[made] = nameFiling{why: fmt.Sprintf("kept under %s made from the name, not guessed: indicators of the same name in the store have the Refs %s; give the table a Ref column to say which it is", made, strings.Join(names, " and "))}
			}
		}
	}
	return filings
}
