package app

import (
	"fmt"
	"slices"
	"strings"
)

// KeepHeldFigures drops from ds, read from a Scorecard export
// (ds.Circulated), every figure the export withheld, status c with no
// value, where the store already holds that figure with a value, and
// returns a warning saying how many and where the first was. held reads
// the store's history of one indicator (a store's LoadIndicator).
//
// An export withholds small numbers for circulation, not because its
// source did: its c says nothing about the figure but that it was
// withheld. Stored as a revision it would replace the true figure in
// every later report, and even an export asking for no suppression
// would print c. Where the store holds no figure the c is kept: it
// records that one exists.
func KeepHeldFigures(ds *Dataset, file string, held func(ref string) (*History, error)) ([]Warning, error) {
	if !ds.Circulated {
		return nil, nil
	}
	var refs []string
	for _, o := range ds.Observations {
		if withheldOnly(o) && !slices.Contains(refs, o.Ref) {
			refs = append(refs, o.Ref)
		}
	}
	if len(refs) == 0 {
		return nil, nil
	}
	type figure struct {
		key    SeriesKey
		period Period
	}
	valued := map[figure]bool{}
	for _, ref := range refs {
		h, err := held(ref)
		if err != nil {
			return nil, fmt.Errorf("the figures held for %s: %w", ref, err)
		}
		for _, k := range h.Keys() {
			if k.Ref != ref {
				continue
			}
			for _, o := range h.Series(k) {
				if o.Value != nil || o.Numerator != nil {
					valued[figure{k, o.Period}] = true
				}
			}
		}
	}
	kept := ds.Observations[:0]
	var dropped int
	var first Observation
	for _, o := range ds.Observations {
		if withheldOnly(o) && valued[figure{o.Key(), o.Period}] {
			if dropped == 0 {
				first = o
			}
			dropped++
			continue
		}
		kept = append(kept, o)
	}
	ds.Observations = kept
	if dropped == 0 {
		return nil, nil
	}
	loc := Location{File: file}
	loc.Sheet, loc.Cell, _ = strings.Cut(first.Cell, "!")
	whose := string(first.Area)
	if first.Split != All {
		whose += ", " + first.Split.Label()
	}
	return []Warning{{Location: loc, Message: fmt.Sprintf(
		"%d withheld figures (c) not imported, the first %s %s %s: the store holds them, and its figures stand; a Scorecard export withholds small numbers for circulation, so its c says nothing of the figure",
		dropped, first.Ref, whose, first.Period.Label())}}, nil
}

// withheldOnly reports whether o is a suppressed figure carrying nothing
// but its status.
func withheldOnly(o Observation) bool {
	return o.Status == Suppressed && o.Value == nil && o.Numerator == nil && o.Denominator == nil
}
