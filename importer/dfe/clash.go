package dfe

import (
	"fmt"

	"scorecard/app"
	"scorecard/importer/refclash"
)

// clash is a mapping rule whose ref the store already defines as
// another measure: the council's own CIC01 a percentage where the
// mapping files a count under CIC01. Its figures and benchmarks are not
// read into the dataset, and a warning at line 1 says why.
type clash struct {
	rule Rule
	refclash.Clash
}

// clashOf compares the indicator rule feeds with the store's definition
// of its ref (refclash.Judge.Of): another unit or measure, or a name
// that shares no word saying what is counted, is a clash. Polarity, data
// period, places and the rest may differ: the DfE's annual figure of the
// council's monthly measure is the benchmark the mapping is for.
func clashOf(rule Rule, defined func(ref string) (app.Indicator, bool)) (clash, bool) {
	c, ok := refclash.Judge{}.Of(rule.Indicator, defined)
	return clash{rule: rule, Clash: c}, ok
}

// String is the clash in words: both definitions and how they differ.
func (c clash) String() string {
	in := c.rule.Indicator
	return fmt.Sprintf("%s: the DfE mapping files this file's %s under %s as %q (%s), but the store defines %s as %q (%s): %s",
		in.Ref, c.rule.Value, in.Ref, in.Name, refclash.UnitWords(in), in.Ref, c.Stored.Name, refclash.UnitWords(c.Stored), c.Differences())
}

// clashAdvice says what an officer can do about a clash.
const clashAdvice = "--accept-definitions does not apply (it would change what the store's own figures mean), " +
	"and a DfE measure cannot be mapped to another ref: to keep these figures, import the file into a store of its own (scorecard --db OTHER.db import FILE)"

// warning is the clash as a line of the validation report, at line 1 of
// the file: both definitions, what was left out (what) and what to do.
func (c clash) warning(what string) string {
	ref := c.rule.Indicator.Ref
	return fmt.Sprintf("%s; %s not imported, and %s stays as it was. %s", c, what, ref, clashAdvice)
}

// counted writes "1 figure" or "5 figures".
func counted(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
