package app

import (
	"path/filepath"
	"strings"
	"time"
)

// Circulation records one output given out for circulation: a workbook
// or PDF pack exported, or a brief written. The store keeps them in the
// order they were made and never changes or removes one (an undo of an
// import leaves them), so that "changed since figures were last
// circulated" can be said against the figures members actually had,
// rather than against whichever import came before.
type Circulation struct {
	// Seq is the record's place among the store's circulations, from 1,
	// given by the store as it records it.
	Seq int `json:"seq"`
	// Time is when the output was written.
	Time time.Time `json:"time"`
	// Output says what was written: "workbook", "pack" or "brief".
	Output string `json:"output"`
	// File is the file written; empty for a brief, which is printed.
	File string `json:"file,omitempty"`
	// Period is the period the output reported; it showed the figures
	// for that period and those before it (Showed).
	Period Period `json:"period"`
	// Area is the area it reported: the authority's output shows its
	// districts too, a district's only its own figures.
	Area Area `json:"area,omitempty"`
	// Excluded are the cohorts the output left out.
	Excluded []Cohort `json:"excluded,omitempty"`
	// Imports are the imports in force when it was written, in the order
	// they were applied: the figures it showed are those they left.
	Imports []string `json:"imports"`
	// Officer and Machine say who wrote it, and where, as an import
	// records them.
	Officer string `json:"officer,omitempty"`
	Machine string `json:"machine,omitempty"`
}

// Circulation outputs.
const (
	CirculatedWorkbook = "workbook"
	CirculatedPack     = "pack"
	CirculatedBrief    = "brief"
)

// NewCirculation is the record of an output of period p for area,
// excluding cohorts, written now to file ("" for a brief) from a store
// whose live imports were imports (History.Imports).
func NewCirculation(output, file string, p Period, area Area, excluded []Cohort, imports []Import) Circulation {
	c := Circulation{Time: time.Now().UTC(), Output: output, File: file, Period: p, Area: area, Excluded: excluded}
	for _, im := range imports {
		c.Imports = append(c.Imports, im.ID)
	}
	return c
}

// Showed reports whether c showed the figures of area for period q: a
// period ending on or before the one it reported, and an area it
// covered (authority is the store's own area, whose outputs carry its
// districts' figures too).
func (c Circulation) Showed(area Area, q Period, authority Area) bool {
	if q.End().After(c.Period.End()) {
		return false
	}
	return c.Area == "" || c.Area == authority || c.Area == area
}

// Excludes reports whether c's figures excluded exactly the cohorts cs
// (none: all children's), whatever their order.
func (c Circulation) Excludes(cs []Cohort) bool {
	return Excluding(c.Excluded...) == Excluding(cs...)
}

// Words names c for a report saying what changed since it: "the May-26
// workbook may.xlsx, excluding UASC, recorded as circulated on 3 Jun
// 2026".
func (c Circulation) Words() string {
	s := "the " + c.Period.Label() + " " + c.Output
	if c.File != "" {
		s += " " + filepath.Base(c.File)
	}
	who := Excluding(c.Excluded...).Label()
	s += ", " + strings.ToLower(who[:1]) + who[1:]
	if !c.Time.IsZero() {
		s += ", recorded as circulated on " + c.Time.Local().Format("2 Jan 2006")
	}
	return s
}

// CirculatedExcluding returns h holding, of its circulations, only the
// outputs whose figures excluded the cohorts cs: figures excluding UASC
// are said changed against what members had of figures excluding UASC,
// never against an all-children output circulated since, nor the other
// way round. h itself when every one did.
func (h *History) CirculatedExcluding(cs []Cohort) *History {
	var like []Circulation
	for _, c := range h.Circulations {
		if c.Excludes(cs) {
			like = append(like, c)
		}
	}
	if len(like) == len(h.Circulations) {
		return h
	}
	alike := *h
	alike.Circulations = like
	return &alike
}
