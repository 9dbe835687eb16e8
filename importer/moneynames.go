package importer

import (
	"slices"
	"strings"
)

// moneyUnit is the unit of figures a name says are money, which the app
// has no unit for: kept as a Unit cell of "£" is (keptUnit), no count of
// children, so neither withheld as a small number nor recomputed when
// children are excluded.
const moneyUnit = "£"

// moneyWords are the words that say a figure is money where they are
// what the name measures (nameMoney).
var moneyWords = []string{"expenditure", "spend", "spending", "overspend", "underspend", "budget", "budgets", "cost", "costs"}

// moneyQualifiers may stand before a money word that is still what the
// name measures: "Gross expenditure", "Weekly unit costs", "Average
// weekly cost".
var moneyQualifiers = []string{"gross", "net", "total", "unit", "weekly", "annual", "monthly", "average", "mean", "median", "overall", "actual", "forecast", "projected", "agency", "staffing", "placement", "placements"}

// nameMoney returns what in a lower-case name, in words ws, says its
// figures are money, or "" for nothing: a "£" that is no limit ("(£)",
// "£000s", not "over £1,000"), "(finance)", a last word "gross", or a
// money word that is what the name measures: its first word ("Spend on
// agency staff", "Cost per child in care", "Budget variance"), its last
// ("High needs spend", "Children looked after - gross expenditure"), or
// after a qualifier ("Unit cost of residential placement"). Read as
// counts, a budget variance of 3 was withheld as a small number of
// children. A money word after another ("Children in high cost
// placements") says what is counted, not the unit.
func nameMoney(n string, ws []string) string {
	for i := strings.Index(n, "£"); i >= 0; {
		rest := n[i+len("£"):]
		if !startsWithAmount(rest) {
			return "£"
		}
		j := strings.Index(rest, "£")
		if j < 0 {
			break
		}
		i += len("£") + j
	}
	if strings.Contains(n, "(finance)") {
		return "finance"
	}
	if len(ws) > 1 && ws[len(ws)-1] == "gross" {
		return "gross"
	}
	for i, w := range ws {
		if !slices.Contains(moneyWords, w) {
			continue
		}
		if i == 0 || i == len(ws)-1 && !slices.Contains([]string{"high", "low", "higher", "lower", "no", "reduced"}, ws[i-1]) || slices.Contains(moneyQualifiers, ws[i-1]) {
			return w
		}
	}
	return ""
}

// startsWithAmount reports whether s, what follows a "£", is an amount
// ("1,000", "50k") rather than a scale ("000s", "'000", "m", "k").
func startsWithAmount(s string) bool {
	s = strings.TrimLeft(s, " ")
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	return !strings.HasPrefix(s, "000") || len(s) > 3 && s[3] >= '0' && s[3] <= '9'
}
