package app

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DefinitionMade is a change to an indicator's definition that an import
// made: one the officer accepted (import --accept-definitions), which
// re-rates or re-shows every figure of the indicator, the circulated
// months before it too.
type DefinitionMade struct {
	DefinitionChange
	Import Import // the import that made it
}

// acceptedWarning reads the line DefinitionChange.Warning(true) writes:
// the import's validation report is where the store keeps which parts
// of a definition an import changed (the definitions themselves are kept
// merged), so the words are read back from it, in the one place that
// writes them.
var acceptedWarning = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\S+): ([a-z ]+) ("(?:[^"\\]|\\.)*") here, but the stored definition says ("(?:[^"\\]|\\.)*"); changed, as accepted$`)
})

// DefinitionsMade returns the definition changes the live imports made,
// in import order: each accepted change the import's report records
// (DefinitionChange.Warning). An undone import is not among imports
// (History.Imports), so what it changed, undo changed back, is not
// either.
func DefinitionsMade(imports []Import) []DefinitionMade {
	var out []DefinitionMade
	for _, im := range imports {
		for _, w := range im.Warnings {
			c, ok := acceptedChange(w)
			if ok {
				out = append(out, DefinitionMade{DefinitionChange: c, Import: im})
			}
		}
	}
	return out
}

// acceptedChange reads w back as the accepted change it says, if it is
// one.
func acceptedChange(w Warning) (DefinitionChange, bool) {
	if !strings.HasSuffix(w.Message, "; changed, as accepted") {
		return DefinitionChange{}, false // most lines: no need of the pattern
	}
	m := acceptedWarning().FindStringSubmatch(w.Message)
	if m == nil || !slices.Contains(definitionFieldNames(), m[2]) {
		return DefinitionChange{}, false
	}
	now, err1 := strconv.Unquote(m[3])
	was, err2 := strconv.Unquote(m[4])
	if err1 != nil || err2 != nil {
		return DefinitionChange{}, false
	}
	return DefinitionChange{Ref: m[1], Field: m[2], Old: was, New: now, At: w.Location}, true
}

func definitionFieldNames() []string {
	var names []string
	for _, f := range definitionFields {
		names = append(names, f.name)
	}
	return names
}

// Sentence says the change for a circulated note: "EH03 polarity changed
// from H (higher is better) to L (lower is better) on 5 Dec 2026 (import
// I0008, m07.xlsx: Scorecard!C31): earlier ratings and directions of
// travel recomputed", naming the cell that stated it.
// A guidance changed is named, not quoted.
func (d DefinitionMade) Sentence() string {
	s := d.Ref + " " + d.Field + " changed"
	if d.Field != "guidance" {
		s += " from " + definitionWords(d.Field, d.Old) + " to " + definitionWords(d.Field, d.New)
	}
	s += " on " + d.Import.Time.In(time.Local).Format("2 Jan 2006") + " (import " + d.Import.ID
	switch {
	case d.At.File != "":
		s += ", " + d.At.String()
	case d.Import.Source != "":
		s += ", " + d.Import.Source
	}
	s += ")"
	switch d.Field {
	case "polarity":
		s += ": earlier ratings and directions of travel recomputed"
	case "unit", "measure", "decimals", "data period", "year type":
		s += ": earlier figures shown and rated as now defined"
	case "cohorts unaffected":
		s += ": earlier figures excluding cohorts worked out as now defined"
	}
	return s
}

// Circulated reports whether the change alters what a circulated report
// says of the indicator: an owner or section moved does not.
func (d DefinitionMade) Circulated() bool {
	return d.Field != "owner" && d.Field != "section"
}

// definitionWords writes a definition's part as a note gives it: a
// polarity with its meaning, "H (higher is better)".
func definitionWords(field, v string) string {
	if field != "polarity" {
		return strconv.Quote(v)
	}
	switch v {
	case "H":
		return "H (higher is better)"
	case "L":
		return "L (lower is better)"
	case "T":
		return "T (near the target is better)"
	}
	return v
}

// DefinitionWords is the part field of ind's definition ("polarity",
// "unit", ...) in the words a DefinitionChange gives it; "" for a field
// it does not know or a part left blank.
func DefinitionWords(ind Indicator, field string) string {
	for _, f := range definitionFields {
		if f.name == field {
			return f.words(ind)
		}
	}
	return ""
}

// Undone says, of a change undone, what the indicator's definition (ind,
// after the undo) holds now: "EH03's polarity is H (higher is better)
// again, as before I0008 (m07x.xlsx): ratings recomputed". Where a later
// import states the part too, and it stays as changed, it says that.
func (d DefinitionMade) Undone(ind Indicator) string {
	now := DefinitionWords(ind, d.Field)
	before := "before " + d.Import.ID
	if d.Import.Source != "" {
		before += " (" + d.Import.Source + ")"
	}
	var s string
	switch now {
	case d.Old:
		s = d.Ref + "'s " + d.Field + " is " + definitionWords(d.Field, d.Old) + " again, as " + before
	case d.New:
		return d.Ref + "'s " + d.Field + " stays " + definitionWords(d.Field, d.New) + ", not " + definitionWords(d.Field, d.Old) + " as " + before + ": a later import states it too"
	default:
		return d.Ref + "'s " + d.Field + " is " + definitionWords(d.Field, now) + ", as the imports left in force state it"
	}
	if d.Field == "polarity" {
		s += ": ratings and directions of travel recomputed"
	}
	return s
}
