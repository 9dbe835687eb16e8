package app

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Stated records which parts of an indicator's definition a file stated,
// and where. A zero Location is a part the file left unstated: a unit
// guessed from a cell's % format or a name's wording states nothing, and
// an indicator a file only cites, by a figure, target, benchmark or
// comment, is not defined by it at all.
type Stated struct {
	Name, Unit, Polarity Location
	// Owner is where the file named the indicator's owner: a figures
	// file with a Lead Officer column must not hand an indicator to
	// someone else unremarked.
	Owner Location
	// The rest of the definition, each where its column gave it.
	Section, DataPeriod, Guidance, Decimals, Measure, YearType, Unaffected Location
}

// Defines reports whether the file stated any part of the definition.
func (s Stated) Defines() bool {
	return s != Stated{}
}

// definitionFields are the parts of a definition an import compares with
// the stored one, in the order its changes are listed: where the file
// stated each (at), and each as words (words, "" for a blank).
var definitionFields = []struct {
	name  string
	at    func(Stated) Location
	words func(Indicator) string
	take  func(to *Indicator, from Indicator)
}{
	{"name", func(s Stated) Location { return s.Name },
		func(ind Indicator) string {
			if ind.Name == ind.Ref {
				return "" // a name a file left out is written as its ref
			}
			return ind.Name
		},
		func(to *Indicator, from Indicator) { to.Name = from.Name }},
	{"section", func(s Stated) Location { return s.Section },
		func(ind Indicator) string { return ind.Section },
		func(to *Indicator, from Indicator) { to.Section = from.Section }},
	{"unit", func(s Stated) Location { return s.Unit },
		func(ind Indicator) string { return string(ind.Unit) },
		func(to *Indicator, from Indicator) { to.Unit = from.Unit }},
	{"polarity", func(s Stated) Location { return s.Polarity },
		func(ind Indicator) string { return polarityWord(ind.Polarity) },
		func(to *Indicator, from Indicator) { to.Polarity = from.Polarity }},
	{"measure", func(s Stated) Location { return s.Measure },
		func(ind Indicator) string { return string(ind.Measure) },
		func(to *Indicator, from Indicator) { to.Measure = from.Measure }},
	{"decimals", func(s Stated) Location { return s.Decimals },
		func(ind Indicator) string { return strconv.Itoa(ind.Decimals) },
		func(to *Indicator, from Indicator) { to.Decimals = from.Decimals }},
	{"data period", func(s Stated) Location { return s.DataPeriod },
		func(ind Indicator) string { return string(ind.DataPeriod) },
		func(to *Indicator, from Indicator) { to.DataPeriod = from.DataPeriod }},
	{"year type", func(s Stated) Location { return s.YearType },
		func(ind Indicator) string {
			switch ind.YearType {
			case AcademicYear:
				return "academic year"
			case FinancialYear:
				return "financial year"
			}
			return ""
		},
		func(to *Indicator, from Indicator) { to.YearType = from.YearType }},
	{"cohorts unaffected", func(s Stated) Location { return s.Unaffected },
		func(ind Indicator) string {
			var cs []string
			for _, c := range ind.Unaffected {
				cs = append(cs, string(c))
			}
			return strings.Join(cs, ", ")
		},
		func(to *Indicator, from Indicator) { to.Unaffected = from.Unaffected }},
	{"guidance", func(s Stated) Location { return s.Guidance },
		func(ind Indicator) string { return ind.Guidance },
		func(to *Indicator, from Indicator) { to.Guidance = from.Guidance }},
	{"owner", func(s Stated) Location { return s.Owner },
		func(ind Indicator) string { return ind.Owner },
		func(to *Indicator, from Indicator) { to.Owner = from.Owner }},
}

// DefinitionChange is a part of a stored definition that an import
// states differently.
type DefinitionChange struct {
	Ref string `json:"ref"`
	// Field is "name", "section", "unit", "polarity", "measure",
	// "decimals", "data period", "year type", "cohorts unaffected",
	// "guidance" or "owner".
	Field string   `json:"field"`
	Old   string   `json:"old"`
	New   string   `json:"new"`
	At    Location `json:"at"`
}

// Warning is the change as a line of the validation report, saying
// whether it was accepted.
func (c DefinitionChange) Warning(accepted bool) Warning {
	outcome := fmt.Sprintf("the stored %s stands until the change is accepted", c.Field)
	if accepted {
		outcome = "changed, as accepted"
	}
	return Warning{Location: c.At, Message: fmt.Sprintf("%s: %s %q here, but the stored definition says %q; %s", c.Ref, c.Field, c.New, c.Old, outcome)}
}

// Definitions is what an import would do to the indicator definitions a
// store holds: the parts it states differently, and the indicators the
// store does not know. Apply finishes the dataset as the officer decides.
type Definitions struct {
	Changes []DefinitionChange
	// Unknown are the indicators the store does not hold, as the file
	// defines them or, where it only cites them, as guessed from their
	// figures.
	Unknown []Indicator
	// Undefined are the refs of Unknown the file does not define.
	Undefined []string
	// Widened are the stored indicators whose figures the file gives to
	// more places than the stored definition shows (see Places): Apply
	// widens them whatever is decided, so that rounding for display never
	// changes a figure's rating or direction of travel. At is the first
	// figure that needs the places.
	Widened []Widening
	// Quiet leaves the indicators the file defines out of Warnings: set
	// it for a store that holds none yet, where every indicator is new
	// and a line for each would bury the report.
	Quiet bool

	stored map[string]Indicator
	// citedAt is where the file first gives a figure of each Undefined
	// ref, for its warning to name the cell.
	citedAt map[string]Location
}

// ReviewDefinitions compares the indicators of ds with those known (the
// store's definitions, by ref): a part of the definition (name, section,
// unit, polarity, measure, decimals, data period, year type, cohorts
// unaffected, guidance or owner) that the file states differently from
// the stored one is a change; an indicator the store does not hold is
// unknown. A part stated where the store holds a blank (no section, an
// indicator named only by its ref, no owner) is no change: it fills the
// blank and takes nothing away.
func ReviewDefinitions(ds *Dataset, known func(ref string) (Indicator, bool)) Definitions {
	d := Definitions{stored: map[string]Indicator{}}
	for _, ind := range ds.Indicators {
		old, ok := known(ind.Ref)
		if !ok {
			d.Unknown = append(d.Unknown, ind)
			if !ds.stated(ind.Ref).Defines() {
				d.Undefined = append(d.Undefined, ind.Ref)
			}
			continue
		}
		d.stored[ind.Ref] = old
		st := ds.stated(ind.Ref)
		if w, ok := widened(ds, ind, old, st); ok {
			d.Widened = append(d.Widened, w)
		}
		for _, f := range definitionFields {
			at := f.at(st)
			was, now := f.words(old), f.words(ind)
			if at == (Location{}) || was == "" || now == "" || was == now {
				continue
			}
			d.Changes = append(d.Changes, DefinitionChange{Ref: ind.Ref, Field: f.name, Old: was, New: now, At: at})
		}
	}
	if len(d.Undefined) > 0 {
		d.citedAt = map[string]Location{}
		undefined := map[string]bool{}
		for _, ref := range d.Undefined {
			undefined[ref] = true
		}
		for _, o := range ds.Observations {
			if _, ok := d.citedAt[o.Ref]; !ok && o.Cell != "" && undefined[o.Ref] {
				d.citedAt[o.Ref] = cellLocation(o.Cell)
			}
		}
	}
	return d
}

func polarityWord(p Polarity) string {
	if p == PolarityNone {
		return "none"
	}
	return p.String()
}

// stated returns what the file stated of ref's definition; a dataset
// with no Stated map defines every indicator in full.
func (ds *Dataset) stated(ref string) Stated {
	if ds.Stated == nil {
		all := Location{File: "(defined by its format)"}
		return Stated{Name: all, Unit: all, Polarity: all, Owner: all, Section: all, DataPeriod: all,
			Guidance: all, Decimals: all, Measure: all, YearType: all, Unaffected: all}
	}
	return ds.Stated[ref]
}

// Warnings are the changes and the unknown refs, as lines of the
// validation report saying what was decided: a change stands only when
// acceptChanges; an unknown ref is added (the file's definition, or where
// it only cites the ref, a guessed unit) when acceptUnknown, and left out
// otherwise.
func (d Definitions) Warnings(file string, acceptChanges, acceptUnknown bool) []Warning {
	var ws []Warning
	for _, c := range d.Changes {
		ws = append(ws, c.Warning(acceptChanges))
	}
	for _, w := range d.Widened {
		w.At.File = file
		if w.Stated {
			if !acceptChanges {
				// The officer keeps the stored places: say what they hide.
				ws = append(ws, Warning{Location: w.At, Message: fmt.Sprintf(
					"%s: %s here is given to %s, but the stored definition shows %s, which stand until the file's decimals are accepted: it is shown and rated as %s",
					w.Ref, strconv.FormatFloat(w.Figure, 'f', -1, 64), placesWords(w.New), placesWords(w.Old),
					strconv.FormatFloat(RoundTo(w.Figure, w.Old), 'f', max(w.Old, 0), 64))})
			}
			continue
		}
		ws = append(ws, Warning{Location: w.At, Message: fmt.Sprintf(
			"%s: %s here is given to %s, but the stored definition shows %s; now shown, rated and compared to %s, so that rounding changes no rating or direction of travel",
			w.Ref, strconv.FormatFloat(w.Figure, 'f', -1, 64), placesWords(w.New), placesWords(w.Old), placesWords(w.New))})
	}
	if !acceptUnknown {
		for _, ind := range d.Unknown {
			ws = append(ws, Warning{Location: Location{File: file},
				Message: fmt.Sprintf("%s: not an indicator the store holds; left out, with everything the file gives for it, as decided in the review", ind.Ref)})
		}
		return ws
	}
	for _, ind := range d.Unknown {
		switch {
		case slices.Contains(d.Undefined, ind.Ref):
			at := d.citedAt[ind.Ref] // its first figure's cell, where it has one
			at.File = file
			ws = append(ws, Warning{Location: at,
				Message: fmt.Sprintf("%s: not an indicator the store holds, and the file does not define it (no name, unit or polarity); added with its unit guessed as %q", ind.Ref, ind.Unit)})
		case !d.Quiet:
			ws = append(ws, Warning{Location: Location{File: file},
				Message: fmt.Sprintf("%s: not an indicator the store holds; added as the file defines it (%s, unit %q)", ind.Ref, ind.Name, ind.Unit)})
		}
	}
	return ws
}

// Apply finishes ds as the officer decided. An indicator the store holds
// keeps its stored definition, part by part, except where the file fills
// a part the store left blank, or states a part differently and
// acceptChanges (a unit so taken brings the measure and decimals guessed
// with it). What a file only guesses (a unit from a cell's format, the
// places its figures are shown to) never replaces what the store holds.
// An indicator whose definition the file restates (see restates) is
// kept in ds as the store holds it, marked as restated: the store keeps
// it as a restatement, which changes no definition, so that undoing the
// import that first gave the definition leaves it standing for this one
// (a January scorecard undone must not take away the definitions
// February's states). A restated definition yields nothing of itself
// (Dataset.Yields): a file of definitions the officer declined, or that
// repeat the store's, is still nothing to import. An indicator the file
// only cites by its figures is taken out of ds, unless its figures are
// given to more places than the store shows (widened), when the stored
// definition with those places is kept. Unknown indicators are
// added only when acceptUnknown; otherwise they are taken out of ds with
// everything ds gives for them.
func (d Definitions) Apply(ds *Dataset, acceptChanges, acceptUnknown bool) {
	rejected := map[string]bool{}
	kept := ds.Indicators[:0]
	for _, ind := range ds.Indicators {
		old, ok := d.stored[ind.Ref]
		if !ok {
			if acceptUnknown {
				kept = append(kept, ind)
			} else {
				rejected[ind.Ref] = true
			}
			continue
		}
		st := ds.stated(ind.Ref)
		def := old
		if st.Defines() {
			def = finish(old, ind, st, acceptChanges)
		}
		if w, ok := widened(ds, ind, def, st); ok && !w.Stated {
			def.Decimals = w.New
		}
		switch {
		case !sameDefinition(def, old):
			delete(ds.restated, ind.Ref)
			kept = append(kept, def)
		case restates(old, ind, st):
			// The stored definition itself, so that the store finds it
			// repeats the latest version byte for byte.
			if ds.restated == nil {
				ds.restated = map[string]bool{}
			}
			ds.restated[ind.Ref] = true
			kept = append(kept, old)
		}
	}
	ds.Indicators = kept
	if len(rejected) == 0 {
		return
	}
	ds.Observations = slices.DeleteFunc(ds.Observations, func(o Observation) bool { return rejected[o.Ref] })
	ds.Targets = slices.DeleteFunc(ds.Targets, func(t Target) bool { return rejected[t.Ref] })
	ds.Benchmarks = slices.DeleteFunc(ds.Benchmarks, func(b Benchmark) bool { return rejected[b.Ref] })
	ds.Comments = slices.DeleteFunc(ds.Comments, func(c Comment) bool { return rejected[c.Ref] })
}

// restates reports whether a file stating st of ind, which left the
// stored definition old as it was, restates old. A restatement keeps the
// whole stored definition, from this import, through the undo of the
// import that gave it; so the file must have stated the parts that
// decide how its figures are read and rated, the name and polarity, and
// nothing differently. A file whose name the officer declined, or that
// gives names but no polarity, does not restate a polarity an earlier
// import changed: undoing that import must bring back the polarity
// before it, not keep the one undone (a figures file's names kept a
// reversed polarity, and every rating with it, through such an undo).
func restates(old, ind Indicator, st Stated) bool {
	if st.Name == (Location{}) || st.Polarity == (Location{}) {
		return false
	}
	for _, f := range definitionFields {
		if now := f.words(ind); f.at(st) != (Location{}) && now != "" && now != f.words(old) {
			return false // stated differently, and declined
		}
	}
	return true
}

// finish returns old with what ind, as the file gives it, may change:
// the blanks it fills, and the parts it states differently when
// acceptChanges.
func finish(old, ind Indicator, st Stated, acceptChanges bool) Indicator {
	def := old
	unitTaken := false
	for _, f := range definitionFields {
		was, now := f.words(old), f.words(ind)
		if now == "" || was == now {
			continue
		}
		stated := f.at(st) != (Location{})
		if was == "" || stated && acceptChanges {
			f.take(&def, ind)
			unitTaken = unitTaken || f.name == "unit"
		}
	}
	if unitTaken {
		// The measure and places guessed for the new unit go with it.
		if st.Measure == (Location{}) {
			def.Measure = ind.Measure
		}
		if st.Decimals == (Location{}) {
			def.Decimals = ind.Decimals
		}
	}
	return def
}

// maxPlaces is the most places a figure is taken to need: the importer
// reads no more off a cell (General format shows a formula's 15 digits).
const maxPlaces = 3

// widened reports whether the figures ds gives for ind need more places
// than def, the definition they are to be shown by, and the change to
// the places they need. A figure needs the places that keep it as given
// (63.6 needs one), but never more than the file shows its figures to
// (ind.Decimals: a cell formatted "0.0" holding 44.9583 is given as
// 45.0). Where the file states its places (Stated), those decide, as
// reviewed: the places are not widened, and Warnings says what the
// stored places hide where the change is declined.
func widened(ds *Dataset, ind, def Indicator, st Stated) (Widening, bool) {
	if ind.Decimals <= def.Decimals {
		return Widening{}, false
	}
	limit := min(ind.Decimals, maxPlaces)
	w := Widening{Ref: ind.Ref, Old: def.Decimals, New: def.Decimals, Stated: st.Decimals != (Location{})}
	for _, o := range ds.Observations {
		if o.Ref != ind.Ref || o.Value == nil || o.StandIn {
			continue
		}
		if n := min(PlacesOf(*o.Value, limit), limit); n > w.New {
			w.New, w.Figure, w.At = n, *o.Value, cellLocation(o.Cell)
		}
	}
	return w, w.New > w.Old
}

// Widening is the places of a stored definition widened to the figures
// a file gives: Figure, at At, needs New places where the store shows Old.
// Stated is set where the file states its places in a Decimals
// column: they are then a change to review, not widened.
type Widening struct {
	Ref      string
	Old, New int
	Figure   float64
	At       Location
	Stated   bool
}

// PlacesOf returns the fewest places, up to limit, that v is given to:
// 63.6 is given to one. A value with more than limit gives limit+1.
func PlacesOf(v float64, limit int) int {
	for d := 0; d <= limit; d++ {
		if math.Abs(RoundTo(v, d)-v) <= 1e-9*max(1, math.Abs(v)) {
			return d
		}
	}
	return limit + 1
}

// cellLocation is where an observation's Cell ("Scorecard!I4", or a
// CSV's "A12") is; the caller names the file.
func cellLocation(cell string) Location {
	var l Location
	if i := strings.LastIndex(cell, "!"); i >= 0 {
		l.Sheet, l.Cell = cell[:i], cell[i+1:]
	} else {
		l.Cell = cell
	}
	return l
}

func placesWords(n int) string {
	if n == 1 {
		return "1 decimal place"
	}
	return strconv.Itoa(n) + " decimal places"
}

// sameDefinition reports whether a and b define an indicator alike.
func sameDefinition(a, b Indicator) bool {
	return a.Ref == b.Ref && a.Name == b.Name && a.Section == b.Section && a.Polarity == b.Polarity &&
		a.Unit == b.Unit && a.Decimals == b.Decimals && a.DataPeriod == b.DataPeriod && a.Measure == b.Measure &&
		a.YearType == b.YearType && a.Guidance == b.Guidance && slices.Equal(a.Unaffected, b.Unaffected) && a.Owner == b.Owner
}

// Yields reports whether ds, finished by Apply as decided, would yield
// anything to store (Dataset.Yields), leaving ds as it is: the import
// review asks it to say before the officer accepts that a file would
// store nothing.
func (d Definitions) Yields(ds *Dataset, acceptChanges, acceptUnknown bool) bool {
	defs := Dataset{Indicators: slices.Clone(ds.Indicators), Stated: ds.Stated}
	d.Apply(&defs, acceptChanges, acceptUnknown)
	if defs.Yields() || len(ds.Breakdowns)+len(ds.ChartSettings) > 0 {
		return true
	}
	left := func(ref string) bool {
		return acceptUnknown || !slices.ContainsFunc(d.Unknown, func(ind Indicator) bool { return ind.Ref == ref })
	}
	return slices.ContainsFunc(ds.Observations, func(o Observation) bool { return left(o.Ref) }) ||
		slices.ContainsFunc(ds.Targets, func(t Target) bool { return left(t.Ref) }) ||
		slices.ContainsFunc(ds.Benchmarks, func(b Benchmark) bool { return left(b.Ref) }) ||
		slices.ContainsFunc(ds.Comments, func(c Comment) bool { return left(c.Ref) })
}
