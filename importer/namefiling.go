package importer

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"scorecard/app"
)

// A sheet keyed by names files each indicator under a ref made from its
// name (nameRef), which on its own reads two things wrongly. The name
// may be an indicator's that another sheet of the workbook, or the
// store, gives a Ref: filed under the made ref, its figures would start
// a second indicator that never meets the first, however they differ.
// And the same name on two sheets keyed by names may be two services'
// measures ("Number of referrals" on Early Help and on Social Care):
// filed under one ref, the second sheet's figures would be dropped as a
// disagreement and its definition lost. So once every sheet is read, the
// names of the sheets keyed by names are weighed against the rest, and
// those sheets read again with how each name is to be filed
// (Layout.nameFilings), said at each name's cell.

// nameFiling is how a name-made ref of one sheet keyed by names is filed
// instead of under itself.
type nameFiling struct {
	// ref is the Ref the name is filed under: the one indicator of the
	// same name with a Ref, in the workbook or the store; "" for none.
	ref string
	// bySheet keys the name by the sheet's name and its own, as a
	// section keys it: the same name on another sheet keyed by names
	// gives another definition or other figures.
	bySheet bool
	// stored is set where the sheet keys the name because the store
	// does (storedFiling): why says it all, after the name.
	stored bool
	// whole keys the name by the sheet's whole name, its date kept:
	// two sheets of the workbook differ in nothing else (sheetWords).
	whole bool
	// refused leaves the name's rows unread, why said at its cell: it
	// is the name of a retired indicator and of others, none of them
	// alone in circulation (retiredFiling).
	refused bool
	// why is said at the name's cell, after the name.
	why string
}

// refName is an indicator with a real Ref that a name may be filed
// under, and where its name is given.
type refName struct {
	ref, section string
	at           string // "on Summary!B5", "in the store"
	// retired is the period the store's indicator was retired from
	// (scorecard retire); zero for one in circulation.
	retired app.Period
}

// nameIndex holds the indicators with real Refs by their names' keys.
type nameIndex map[string][]refName

// add files ind under its name's key, unless its ref is made from its
// name (a sheet keyed by names gave it) or it has no name of its own.
func (x nameIndex) add(ind app.Indicator, at string) {
	if ind.Name == "" || ind.Name == ind.Ref || madeFromName(ind) {
		return
	}
	key := nameKey(ind.Name)
	for _, have := range x[key] {
		if have.ref == ind.Ref {
			return
		}
	}
	x[key] = append(x[key], refName{ref: ind.Ref, section: ind.Section, at: at})
}

// addLog adds the indicators a sheet with Refs defines, each where its
// name was read.
func (x nameIndex) addLog(out *sheetLog) { x.addDefinitions(out.definitions()) }

// addDefinitions adds the indicators d defines, each where its name was
// read.
func (x nameIndex) addDefinitions(d definitions) {
	for i, ind := range d.indicators {
		if at := d.stated[i].Name; at.Cell != "" {
			x.add(ind, "on "+whereStated(at))
		}
	}
}

// definitions are what a sheet's log says of indicators, kept apart
// from the rest of the log: its indicators, and where each states its
// parts (sheetLog.stated).
type definitions struct {
	indicators []app.Indicator
	stated     []*app.Stated
}

// definitions returns what l says of indicators.
func (l *sheetLog) definitions() definitions { return definitions{l.indicators, l.stated} }

// madeFromName reports whether ind's ref looks made from its name: the
// initials of the name's words start it (a section's or sheet's may
// follow), and four digits end it (keyRef). A real Ref that happens to
// look so is only left unmatched, as before.
func madeFromName(ind app.Indicator) bool {
	head, digits, ok := strings.Cut(ind.Ref, "-")
	if !ok || len(digits) != 4 || !allDigits(digits) {
		return false
	}
	made, _, _ := strings.Cut(keyRef(nameKey(ind.Name)), "-")
	return strings.HasPrefix(head, made)
}

// candidates are the indicators with real Refs a name under section
// may be: of the same name, under the same section or none.
func (x nameIndex) candidates(name, section string) []refName {
	var out []refName
	for _, c := range x[nameKey(name)] {
		if section == "" || c.section == "" || nameKey(c.section) == nameKey(section) {
			out = append(out, c)
		}
	}
	return out
}

// namedEntry is what one sheet keyed by names gives under one made ref.
type namedEntry struct {
	sheet     string
	name      string       // as shown, with any footnote mark
	key       string       // the words its made ref is made from (madeKey)
	section   string       // its section heading, "" for none
	at        app.Location // its name's cell
	unmarked  bool         // the ref is the name's (and section's) alone, with no footnote mark
	polarity  app.Polarity
	polAt     app.Location
	unit      app.Unit
	unitAt    app.Location
	decimals  int
	figs      map[namedFig]app.Observation
	figsOrder []namedFig
}

// namedFig is a figure's place in a series, its ref aside.
type namedFig struct {
	area   app.Area
	split  app.Split
	period app.Period
}

// namedEntries gathers, by made ref, what the log of a sheet keyed by
// names gives of each indicator.
func namedEntries(out *sheetLog) map[string]*namedEntry {
	es := map[string]*namedEntry{}
	entry := func(ref string) *namedEntry {
		e, ok := es[ref]
		if !ok {
			e = &namedEntry{sheet: out.sheet, figs: map[namedFig]app.Observation{}}
			es[ref] = e
		}
		return e
	}
	for i, ind := range out.indicators {
		e, st := entry(ind.Ref), *out.stated[i]
		if e.at.Cell == "" && st.Name.Cell != "" {
			e.name, e.section, e.at = ind.Name, ind.Section, st.Name
			made := nameKey(ind.Name)
			if ind.Section != "" {
				made += " / " + nameKey(ind.Section)
			}
			e.unmarked = keyRef(made) == ind.Ref
			e.key = madeKey(ind.Name, ind.Section)
		}
		if e.polAt.Cell == "" && st.Polarity.Cell != "" && ind.Polarity != app.PolarityNone {
			e.polarity, e.polAt = ind.Polarity, st.Polarity
		}
		if e.unitAt.Cell == "" && st.Unit.Cell != "" && ind.Unit != "" {
			e.unit, e.unitAt = ind.Unit, st.Unit
		}
		e.decimals = max(e.decimals, ind.Decimals)
	}
	for i := range out.figs {
		f := &out.figs[i]
		o := out.observation(f)
		e := entry(o.Ref)
		k := namedFig{o.Area, o.Split, o.Period}
		if _, ok := e.figs[k]; !ok {
			o.Cell = out.sheet + "!" + cellName(int(f.row), int(f.col))
			e.figs[k] = o
			e.figsOrder = append(e.figsOrder, k)
		}
	}
	return es
}

// differs says how b gives the indicator otherwise than a, from a's
// side ("" where they agree): its polarity, its unit, or a figure of the
// same period.
func (a *namedEntry) differs(b *namedEntry) string {
	if a.polAt.Cell != "" && b.polAt.Cell != "" && a.polarity != b.polarity {
		return fmt.Sprintf("polarity %s at %s where this sheet gives %s", b.polarity, whereStated(b.polAt), a.polarity)
	}
	if a.unitAt.Cell != "" && b.unitAt.Cell != "" && a.unit != b.unit {
		return fmt.Sprintf("unit %q at %s where this sheet gives %q", b.unit, whereStated(b.unitAt), a.unit)
	}
	for _, k := range a.figsOrder {
		fa := a.figs[k]
		if fb, ok := b.figs[k]; ok && !sameFigure(&fa, &fb, max(a.decimals, b.decimals)) {
			return fmt.Sprintf("%s %s as %s at %s where this sheet gives %s", k.area, k.period.Label(), describeFigure(&fb), fb.Cell, describeFigure(&fa))
		}
	}
	return ""
}

// settleNames weighs the names of the sheets keyed by names (named, in
// plan order) against the indicators with Refs in refs, against one
// another and against the store's names keyed by sheets (stored), and
// returns how each sheet files each made ref that is not to be filed
// under itself.
func settleNames(named []*sheetRead, refs nameIndex, stored storedNames) map[string]map[string]nameFiling {
	filings := map[string]map[string]nameFiling{}
	file := func(sheet, ref string, f nameFiling) {
		if filings[sheet] == nil {
			filings[sheet] = map[string]nameFiling{}
		}
		if have, ok := filings[sheet][ref]; ok {
			// Both unsure of a real Ref and other than another sheet's.
			f.why = have.why + "; " + f.why
		}
		filings[sheet][ref] = f
	}
	byRef := map[string][]*namedEntry{} // the made refs given on two or more sheets
	var order []string
	for _, sh := range named {
		es := namedEntries(sh.out)
		made := make([]string, 0, len(es))
		for ref := range es {
			made = append(made, ref)
		}
		sort.Strings(made)
		for _, ref := range made {
			e := es[ref]
			if e.at.Cell == "" {
				continue
			}
			if len(byRef[ref]) == 0 {
				order = append(order, ref)
			}
			byRef[ref] = append(byRef[ref], e)
		}
	}
	// A Ref two names of one sheet would both be filed under (the same
	// name under two sections, the Ref's under none) is neither's: one
	// row would be skipped as the other's.
	taken := map[[2]string]int{}
	for _, ref := range order {
		for _, e := range byRef[ref] {
			if cs := refs.candidates(e.name, e.section); e.unmarked && len(cs) == 1 {
				taken[[2]string{e.sheet, cs[0].ref}]++
			}
		}
	}
	for _, ref := range order {
		es := byRef[ref]
		matched := false
		unsure := map[*namedEntry]bool{} // kept under the made ref, not guessed
		for _, e := range es {
			if !e.unmarked {
				continue
			}
			cs := refs.candidates(e.name, e.section)
			unsure[e] = len(cs) > 1 || len(cs) == 1 && taken[[2]string{e.sheet, cs[0].ref}] > 1
			if f, ok := retiredFiling(cs, e.latest(), ref, "give the sheet a Ref column saying which it is"); ok {
				file(e.sheet, ref, f)
				matched = true
				continue
			}
			switch {
			case len(cs) == 1 && taken[[2]string{e.sheet, cs[0].ref}] > 1:
				file(e.sheet, ref, nameFiling{why: fmt.Sprintf("kept under %s made from the name and its section, not guessed: it is the name of %s (%s), as is another row of this sheet under another section; give the sheet a Ref column to say which it is", ref, cs[0].ref, strings.TrimPrefix(strings.TrimPrefix(cs[0].at, "on "), "in "))})
			case len(cs) == 1:
				file(e.sheet, ref, nameFiling{ref: cs[0].ref, why: fmt.Sprintf("filed under %s, the indicator of the same name %s, not under %s made from the name; if it is another measure, give it another name or the sheet a Ref column", cs[0].ref, cs[0].at, ref)})
				matched = true
			case len(cs) > 1:
				var names []string
				for _, c := range cs {
					names = append(names, c.ref+" ("+strings.TrimPrefix(strings.TrimPrefix(c.at, "on "), "in ")+")")
				}
				file(e.sheet, ref, nameFiling{why: fmt.Sprintf("kept under %s made from the name, not guessed: indicators of the same name have the Refs %s; give the sheet a Ref column to say which it is", ref, strings.Join(names, " and "))})
			}
		}
		if matched {
			continue
		}
		bySheet, own := stored.keyed(es[0].key)
		// The same name on two sheets keyed by names is one indicator
		// only where they agree; else each is keyed by its sheet.
		whys := make([]string, len(es))
		split := false
		for i, a := range es {
			for j, b := range es {
				if i == j || whys[i] != "" {
					continue
				}
				if d := a.differs(b); d != "" {
					whys[i] = fmt.Sprintf("sheet %q gives the same name %s", b.sheet, d)
					split = true
				}
			}
		}
		if !split {
			// Once split, a name is keyed by sheet in every later
			// workbook, so each sheet's figures join its own history.
			for _, e := range es {
				if len(bySheet) > 0 && !unsure[e] {
					file(e.sheet, ref, storedFiling(e, bySheet, own))
				}
			}
			continue
		}
		// Two sheets of one workbook are never one indicator's: where
		// their names differ only in their dates ("EH Feb 25", "EH Mar
		// 25"), each is keyed by its whole name.
		whole := false
		seen := map[string]string{}
		for _, e := range es {
			words, _ := sheetWords(e.sheet)
			if other, ok := seen[words]; ok && other != e.sheet {
				whole = true
			}
			seen[words] = e.sheet
		}
		for i, e := range es {
			why := whys[i]
			if why == "" {
				why = "the same name on another sheet keyed by names gives other figures or another definition"
			}
			if own != "" && len(bySheet) == 0 {
				why += ownLeft(own)
			}
			// A store keyed before dates were left out holds this
			// sheet's history under an earlier month's name of it.
			var earlier []earlierName
			if !whole && !unsure[e] && !slices.Contains(bySheet, keyRef(sheetKey(e.key, e.sheet))) {
				earlier = earlierKeyed(e.key, e.sheet, bySheet)
			}
			switch {
			case len(earlier) == 1:
				file(e.sheet, ref, continuedFiling(e, earlier[0], why))
				continue
			case len(earlier) > 1:
				why += earlierUnguessed(earlier)
			}
			file(e.sheet, ref, nameFiling{bySheet: true, whole: whole, why: why})
		}
	}
	return filings
}

// settleNamedSheets, called at the first sheet of the plan keyed by
// names (first), reads every sheet still to come, weighs the names of
// the sheets keyed by names against the Refs of the others (refs holds
// those of the sheets already merged) and the store's (indicators, with
// the periods those retired were retired from), and reads again each
// sheet keyed by names with names to file otherwise.
func settleNamedSheets(ctx context.Context, sheets *sheetReads, plan []planned, first int, file string, refs nameIndex, indicators []app.Indicator, retired map[string]app.Period, lim *indicatorLimit) error {
	var named []*sheetRead
	for j := first; j < len(plan); j++ {
		sh, err := sheets.wait(ctx, j)
		if err != nil {
			if ctx.Err() != nil {
				return err
			}
			// Said at the sheet's turn, as it would have been.
			continue
		}
		switch {
		case sh.out == nil:
		case sh.l.keyedByName():
			if sh.g != nil {
				named = append(named, sh)
			}
		default:
			refs.addLog(sh.out)
		}
	}
	stored := storedNames{}
	refs.addStored(indicators, retired)
	for _, ind := range indicators {
		stored.add(ind)
	}
	for sheet, filings := range settleNames(named, refs, stored) {
		for _, sh := range named {
			if sh.l.Sheet != sheet {
				continue
			}
			sh.l.nameFilings = filings
			out, err := readSheetLog(ctx, file, sh.l, sh.g, func(int) {}, lim)
			if err != nil {
				return err
			}
			out.warnUncalculated(sh.g)
			out.warnHidden(sh.l, sh.g)
			sh.out = out
		}
	}
	return nil
}

// fileName returns the ref a name whose made ref is made is filed under
// as f says, saying so at its cell (row r, column c) once a sheet: shown
// is the name as the sheet's warning gives it, and key the words made is
// made from. It returns "" where f refuses the name: its rows are not
// read.
func (s *sheetReader) fileName(r, c int, shown, key, made string, f nameFiling) string {
	ref := made
	switch {
	case f.ref != "":
		ref = f.ref
	case f.bySheet:
		// After the name's words, as a section's, so that the ref's
		// initials are the name's first; the same next month for the
		// same sheet.
		ref = keyRef(sheetKey(key, s.l.Sheet))
		if f.whole {
			ref = keyRef(key + " / " + nameKey(s.l.Sheet))
		}
	}
	n := &s.named
	if n.filed == nil {
		n.filed = map[string]bool{}
	}
	if f.refused {
		ref = ""
	}
	if n.filed[made] {
		return ref
	}
	n.filed[made] = true
	named := sheetNamed(s.l.Sheet)
	if f.whole {
		named = fmt.Sprintf("%q (whole: another sheet's name differs from it only in its date)", s.l.Sheet)
	}
	if f.bySheet && !f.stored {
		s.warn(r, c, "%q filed under %s, keyed by the sheet's name %s and its own, not under %s made from the name: %s; with no Ref column the same name on two sheets is one indicator only where they agree; if they are one measure, make them agree, else give the sheets a Ref column", shown, ref, named, made, f.why)
		return ref
	}
	s.warn(r, c, "%q %s", shown, f.why)
	return ref
}
