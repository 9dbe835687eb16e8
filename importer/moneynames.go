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
// name measures: "Gross expenditure", "Weekly unit costs", "S251/Outturn
// weekly unit costs".
var moneyQualifiers = []string{"gross", "net", "total", "unit", "weekly", "annual", "monthly", "average", "mean", "median", "overall", "actual", "forecast", "projected", "s251", "outturn"}

// countingWords, before a last money word, say the name counts what has
// or is within the money: "Children with a personal budget", "Placements
// within budget", "Placements at high cost".
var countingWords = []string{"with", "whose", "in", "over", "under", "within", "above", "below", "exceeding", "exceed", "at"}

// nameMoney returns what in a lower-case name, in words ws, says its
// figures are money, or "" for nothing: a "£" that is no limit ("(£)",
// "£000s", not "over £1,000"), "(finance)", a last word "gross", or a
// money word that is what the name, or its part after a heading ("... -
// Gross Expenditure"), measures: first but for qualifiers ("Spend on
// agency staff", "Cost per child in care", "Unit cost of residential
// placement"), or last after no counted subject nor counting word ("High
// needs spend"). Read as counts, a budget variance of 3 was withheld as a
// small number of children. A money word that says what is counted
// ("Children in high cost placements", "Children with a personal
// budget", "Cost of living support") leaves the name a count: read as
// money, its small numbers would be released.
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
	if strings.Contains(n, "cost of living") {
		return ""
	}
	measured := ws
	// A heading ends at a colon or a dash with a space on either side
	// ("Social Work and Commissioning- S251 ... unit costs").
	if i := max(strings.LastIndex(n, "- "), strings.LastIndex(n, " -"), strings.LastIndex(n, ":")); i >= 0 {
		measured = nameWords(n[i+1:])
	}
	for i, w := range measured {
		if !slices.Contains(moneyWords, w) {
			continue
		}
		before := measured[:i]
		head := !slices.ContainsFunc(before, func(b string) bool { return !slices.Contains(moneyQualifiers, b) })
		last := i == len(measured)-1 && !countedSubject(before) &&
			!slices.ContainsFunc(before, func(b string) bool { return slices.Contains(countingWords, b) })
		if head || last {
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
