package app

import (
	"fmt"
	"slices"
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
	// Other is set when the file stated another part of the definition:
	// a section, guidance, data period, year type, measure, decimals or
	// cohorts unaffected.
	Other bool
}

// Defines reports whether the file stated any part of the definition.
func (s Stated) Defines() bool {
	var none Location
	return s.Name != none || s.Unit != none || s.Polarity != none || s.Owner != none || s.Other
}

// DefinitionChange is a part of a stored definition that an import
// states differently.
type DefinitionChange struct {
	Ref   string   `json:"ref"`
	Field string   `json:"field"` // "unit", "polarity" or "owner"
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
	// Quiet leaves the indicators the file defines out of Warnings: set
	// it for a store that holds none yet, where every indicator is new
	// and a line for each would bury the report.
	Quiet bool

	stored map[string]Indicator
}

// ReviewDefinitions compares the indicators of ds with those known (the
// store's definitions, by ref): a unit, polarity or owner the file states
// differently from the stored one is a change, an indicator the store
// does not hold is unknown. An owner named where the store has none is
// no change: it takes nothing away.
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
		if st.Unit != (Location{}) && ind.Unit != old.Unit {
			d.Changes = append(d.Changes, DefinitionChange{Ref: ind.Ref, Field: "unit", Old: string(old.Unit), New: string(ind.Unit), At: st.Unit})
		}
		if st.Polarity != (Location{}) && ind.Polarity != old.Polarity {
			d.Changes = append(d.Changes, DefinitionChange{Ref: ind.Ref, Field: "polarity", Old: polarityWord(old.Polarity), New: polarityWord(ind.Polarity), At: st.Polarity})
		}
		if ownerChanged(st, ind, old) {
			d.Changes = append(d.Changes, DefinitionChange{Ref: ind.Ref, Field: "owner", Old: old.Owner, New: ind.Owner, At: st.Owner})
		}
	}
	return d
}

// ownerChanged reports whether the file names an owner other than the one
// the store holds.
func ownerChanged(st Stated, ind, old Indicator) bool {
	return st.Owner != (Location{}) && ind.Owner != "" && old.Owner != "" && ind.Owner != old.Owner
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
		return Stated{Name: all, Unit: all, Polarity: all, Other: true}
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
			ws = append(ws, Warning{Location: Location{File: file},
				Message: fmt.Sprintf("%s: not an indicator the store holds, and the file does not define it (no name, unit or polarity); added with its unit guessed as %q", ind.Ref, ind.Unit)})
		case !d.Quiet:
			ws = append(ws, Warning{Location: Location{File: file},
				Message: fmt.Sprintf("%s: not an indicator the store holds; added as the file defines it (%s, unit %q)", ind.Ref, ind.Name, ind.Unit)})
		}
	}
	return ws
}

// Apply finishes ds as the officer decided. An indicator the store holds
// keeps its stored definition wherever the file leaves a part unstated,
// and keeps it whole where the file does not define it at all (figures,
// targets, benchmarks or commentary only): ds then carries no definition
// of it. A stated unit, polarity or owner that differs replaces the
// stored one only when acceptChanges. Unknown indicators are added only when
// acceptUnknown; otherwise they are taken out of ds with everything ds
// gives for them.
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
		if !st.Defines() {
			continue
		}
		if ind.Unit != old.Unit && (st.Unit == (Location{}) || !acceptChanges) {
			// A guessed unit, and the measure and places guessed with
			// it, never replace what the store holds.
			ind.Unit, ind.Measure, ind.Decimals = old.Unit, old.Measure, old.Decimals
		}
		if ind.Polarity != old.Polarity && (st.Polarity == (Location{}) || !acceptChanges) {
			ind.Polarity = old.Polarity
		}
		if ownerChanged(st, ind, old) && !acceptChanges {
			ind.Owner = old.Owner
		}
		kept = append(kept, ind)
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
