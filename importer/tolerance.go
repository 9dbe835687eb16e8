package importer

import (
	"fmt"
	"math"
	"strings"
)

// toleranceReading is how a tolerance cell reads: in the indicator's own
// unit (points of a percentage, children of a count), or as a share of
// the target, as domain.md's "green within 10% of target" has it.
type toleranceReading struct {
	relative bool
	// doubt says why the reading may be wrong, for the warning; "" when
	// the cell and its heading leave no doubt.
	doubt string
}

// readTolerance decides how a tolerance of column heading header reads,
// its cell written as a percentage ("10%", or 0.1 formatted as one) or
// not, for an indicator whose figures are percentages (percent) or not.
//
// A tolerance written as a percentage is a share of the target: 10% of
// a caseload target of 18 is 1.8, not 10 caseloads. A heading saying
// "pp" or "points" makes it the indicator's own unit; one saying "of
// target" or "relative" makes any figure under it a share. On a
// percentage indicator a bare "5%" could be either: it is read as the
// share, as domain.md's rule is worded, and said to be doubtful.
func readTolerance(header string, percentCell, percent bool) toleranceReading {
	n := " " + normHeader(header) + " "
	switch {
	case strings.Contains(n, " pp ") || strings.Contains(n, " points ") || strings.Contains(n, " pts "):
		return toleranceReading{}
	case strings.Contains(n, " of target ") || strings.Contains(n, " relative "):
		return toleranceReading{relative: true}
	case percentCell && percent:
		return toleranceReading{relative: true, doubt: "on a percentage indicator it could be percentage points: if so, head the column \"Tolerance (pp)\""}
	case percentCell:
		return toleranceReading{relative: true}
	case strings.Contains(n, " % ") && !percent:
		return toleranceReading{relative: true} // "Tolerance %" over 10, on a count
	}
	return toleranceReading{}
}

// shareOf is pct per cent of target, either side of it, rounded clear of
// the float noise that 10% of 18 leaves (1.8000000000000003).
func shareOf(pct, target float64) float64 {
	return math.Round(math.Abs(target)*pct/100*1e9) / 1e9
}

// toleranceNote says how a tolerance given as a share of the target was
// read, for the warning at its cell.
func toleranceNote(ref, year string, pct, target, tol float64, doubt string) string {
	s := fmt.Sprintf("%s %s: tolerance %g%% read as %g%% of the target %g: green within %g of it, amber within %g", ref, year, pct, pct, target, tol, 2*tol)
	if doubt != "" {
		s += "; " + doubt
	}
	return s
}
