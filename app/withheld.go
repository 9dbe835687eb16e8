package app

import (
	"fmt"
	"slices"
	"strings"
)

// KeepHeldFigures drops from ds the figures that would replace a figure
// the store holds with less than it, and returns a warning for each kind
// dropped, saying how many and where the first was. held reads the
// store's history of one indicator (a store's LoadIndicator). Dropped:
//
//   - a stand-in (a previous year's outturn shown in place of a month's
//     figure not yet in) where the store holds the month's own figure:
//     stored as a revision it would replace the figure it stood in for;
//   - from a Scorecard export (ds.Circulated), a figure it withheld, c
//     with no value, where the store holds the figure: an export
//     withholds small numbers for circulation, so its c says nothing of
//     the figure, yet once stored even an export asking for no
//     suppression would print c;
//   - from a Scorecard export, a figure excluding a cohort where the
//     store holds the all-children figure it was worked out from: the
//     store works such figures out itself, so that they follow a
//     correction, which a stored copy would not.
//
// Where the store holds nothing to stand instead, the file's figure is
// kept: it is all there is.
func KeepHeldFigures(ds *Dataset, file string, held func(ref string) (*History, error)) ([]Warning, error) {
	type figure struct {
		key    SeriesKey
		period Period
	}
	// over is the held figure o would replace, or be worked out from. It
	// takes a pointer: every figure of an import is asked, and copying a
	// hundred thousand observations cost the import two milliseconds.
	over := func(o *Observation) (figure, bool) {
		switch {
		case o.StandIn:
			return figure{o.Key(), o.Period}, true
		case ds.Circulated && withheldOnly(o) && len(o.Split.Excluded()) == 0:
			return figure{o.Key(), o.Period}, true
		case ds.Circulated && len(o.Split.Excluded()) > 0:
			return figure{SeriesKey{o.Ref, o.Area, All}, o.Period}, true
		}
		return figure{}, false
	}
	var refs []string
	for i := range ds.Observations {
		o := &ds.Observations[i]
		if _, ok := over(o); ok && !slices.Contains(refs, o.Ref) {
			refs = append(refs, o.Ref)
		}
	}
	if len(refs) == 0 {
		return nil, nil
	}
	// valued holds the store's figures with a value: its own, not a
	// stand-in, since a stand-in gives way to a stand-in as to a figure.
	valued := map[figure]bool{}
	// The series held, by ref, of the last history held gave: a reader
	// may give the same history for every indicator (the team store's),
	// and listing its keys sorts them all.
	var keysOf *History
	keys := map[string][]SeriesKey{}
	for _, ref := range refs {
		h, err := held(ref)
		if err != nil {
			return nil, fmt.Errorf("the figures held for %s: %w", ref, err)
		}
		if h != keysOf {
			keysOf, keys = h, map[string][]SeriesKey{}
			for _, k := range h.Keys() {
				keys[k.Ref] = append(keys[k.Ref], k)
			}
		}
		for _, k := range keys[ref] {
			for _, o := range h.Series(k) {
				if (o.Value != nil || o.Numerator != nil) && !o.StandIn {
					valued[figure{k, o.Period}] = true
				}
			}
		}
	}
	type dropped struct {
		n     int
		first Observation
	}
	var standIns, withheld, excluding dropped
	// The figures kept close up over those dropped. Until the first is
	// dropped each stays where it is: copying every figure onto itself
	// moved 22 MB for the large scorecard, which drops none.
	kept := ds.Observations[:0]
	for i := range ds.Observations {
		o := &ds.Observations[i]
		f, ok := over(o)
		if !ok || !valued[f] {
			if len(kept) == i {
				kept = kept[:i+1]
			} else {
				kept = append(kept, *o)
			}
			continue
		}
		d := &withheld
		switch {
		case o.StandIn:
			d = &standIns
		case len(o.Split.Excluded()) > 0:
			d = &excluding
		}
		if d.n == 0 {
			d.first = *o
		}
		d.n++
	}
	ds.Observations = kept
	var warns []Warning
	for _, d := range []struct {
		dropped
		what, why string
	}{
		{standIns, "stand-in figures (a previous year's outturn shown for a month)", "the store holds the months' own figures, which stand"},
		{withheld, "withheld figures (c)", "the store holds them, and its figures stand; a Scorecard export withholds small numbers for circulation, so its c says nothing of the figure"},
		{excluding, "figures excluding a cohort", "the store holds the all-children figures they were worked out from, and works them out itself, so that they follow any correction"},
	} {
		if d.n == 0 {
			continue
		}
		o := d.first
		loc := Location{File: file}
		loc.Sheet, loc.Cell, _ = strings.Cut(o.Cell, "!")
		whose := string(o.Area)
		if o.Split != All {
			whose += ", " + o.Split.Label()
		}
		warns = append(warns, Warning{Location: loc, Message: fmt.Sprintf("%d %s not imported, the first %s %s %s: %s",
			d.n, d.what, o.Ref, whose, o.Period.Label(), d.why)})
	}
	return warns, nil
}

// withheldOnly reports whether o is a suppressed figure carrying nothing
// but its status.
func withheldOnly(o *Observation) bool {
	return o.Status == Suppressed && o.Value == nil && o.Numerator == nil && o.Denominator == nil
}
