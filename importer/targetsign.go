package importer

import "strings"

// sayAccountingTarget warns at its cell of a target, floor or tolerance
// written as an accounting negative, "(85)": read as -85, as a figure in
// brackets is, but a target below 0 is almost always 85 put in brackets
// (a note, or a value carried over), and rating against -85 passes
// every figure. It is kept as given, as checkRanges keeps a count so
// written.
func (s *sheetReader) sayAccountingTarget(r int, c *Column, ref string, text string, rd reading) {
	if rd.value == nil || *rd.value >= 0 || !strings.HasPrefix(strings.TrimSpace(text), "(") {
		return
	}
	s.warn(r, c.index, "%s: %s %q read as %g, below 0, which a %s almost never is: if it is %s, write it without brackets; kept as given",
		ref, c.Role, strings.TrimSpace(text), *rd.value, c.Role, roundTo(-*rd.value, 6))
}
