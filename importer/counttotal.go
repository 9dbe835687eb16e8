package importer

import "strings"

// countTotalColumns are the columns of a header that give a figure as
// "Count | Total" side by side, as LCS and Liquidlogic reports head a
// proportion's numerator and denominator, by 0-based column. Alone, a
// "Count" may be the figure itself and a "Total" a total of the columns
// before it, so only the pair, in that order, is read so.
func countTotalColumns(heads []string) map[int]Role {
	for c := 0; c+1 < len(heads); c++ {
		if normHeader(strings.TrimSpace(heads[c])) == "count" && normHeader(strings.TrimSpace(heads[c+1])) == "total" {
			return map[int]Role{c: RoleNumerator, c + 1: RoleDenominator}
		}
	}
	return nil
}
