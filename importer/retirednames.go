package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// An officer who renumbers an indicator retires the old ref (scorecard
// retire) and gives the measure under the new one since, so the store
// holds one name under two Refs: SG07, retired, and SG17. A file keyed by
// names gives that name with no Ref to say which; taken as two Refs'
// name, it was kept under a ref made from the name, a third indicator
// beside both histories. The one in circulation for the file's figures
// is the one the scorecard gives now: the name is filed under it, said
// at its cell. Where that still leaves no one Ref (both retired, or two
// in circulation besides a retired one), the name is refused at its
// cell, naming them, rather than filed under a made-up ref.

// addStored adds the store's indicators, each with the period it was
// retired from (retired; none if it is in circulation).
func (x nameIndex) addStored(indicators []app.Indicator, retired map[string]app.Period) {
	for _, ind := range indicators {
		x.add(ind, "in the store")
	}
	if len(retired) == 0 {
		return
	}
	for key, cs := range x {
		for i := range cs {
			if p, ok := retired[cs[i].ref]; ok && cs[i].at == "in the store" {
				x[key][i].retired = p
			}
		}
	}
}

// retiredFiling settles a name that is the name of several Refs (cs)
// one or more of which the store holds retired: latest is the latest
// period the file gives the name a figure for (zero for none, when the
// retirements in force decide), made the ref made from the name, and
// tell how the file can say which Ref it gives ("give the sheet a Ref
// column saying which it is"). ok is false where the name is one Ref's
// or none is retired: it is filed as before.
func retiredFiling(cs []refName, latest app.Period, made, tell string) (f nameFiling, ok bool) {
	var live, out []refName
	for _, c := range cs {
		switch {
		case c.retired.IsZero():
			live = append(live, c)
		case latest.IsZero() || !latest.Start().Before(c.retired.Start()):
			out = append(out, c)
		default:
			// Its figures are for periods before the retirement, when
			// the retired ref was still given.
			live = append(live, c)
		}
	}
	if len(cs) < 2 || !anyRetired(cs) {
		return nameFiling{}, false
	}
	if len(live) == 1 {
		return nameFiling{ref: live[0].ref, why: fmt.Sprintf("filed under %s, the indicator of the same name %s that is in circulation, not under %s nor under %s made from the name; if it gives the retired one's measure, %s", live[0].ref, live[0].at, refsRetired(out), made, tell)}, true
	}
	var named []string
	for _, c := range cs {
		named = append(named, c.ref+retiredWords(c))
	}
	return nameFiling{refused: true, why: fmt.Sprintf("not read: it is the name of %s in the store, and which of them it gives cannot be told from the name, as %s; %s", strings.Join(named, " and "), liveWords(live, latest), tell)}, true
}

// anyRetired reports whether any of cs is retired.
func anyRetired(cs []refName) bool {
	for _, c := range cs {
		if !c.retired.IsZero() {
			return true
		}
	}
	return false
}

// retiredWords says of a candidate that it was retired: " (retired from
// Apr-25)", "" for one in circulation.
func retiredWords(c refName) string {
	if c.retired.IsZero() {
		return ""
	}
	return " (retired from " + c.retired.Label() + ")"
}

// refsRetired names the retired candidates with their periods: "SG07
// (retired from Apr-25, scorecard retire)".
func refsRetired(cs []refName) string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s (retired from %s, scorecard retire)", c.ref, c.retired.Label()))
	}
	return strings.Join(out, " and ")
}

// liveWords says why the candidates in circulation for the file's
// figures (live) are not one.
func liveWords(live []refName, latest app.Period) string {
	if len(live) == 0 {
		return "every one of them is retired"
	}
	var refs []string
	for _, c := range live {
		refs = append(refs, c.ref)
	}
	if !latest.IsZero() && anyRetired(live) {
		return fmt.Sprintf("%s were each in circulation for %s, this file's latest figure", strings.Join(refs, " and "), latest.Label())
	}
	return fmt.Sprintf("%s are each in circulation", strings.Join(refs, " and "))
}

// latest is the latest period e gives a figure for; zero for none.
func (e *namedEntry) latest() app.Period {
	var p app.Period
	for _, k := range e.figsOrder {
		if p.IsZero() || k.period.End().After(p.End()) {
			p = k.period
		}
	}
	return p
}
