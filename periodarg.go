package main

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// financialQuarterArg reads a --period naming a quarter by the financial
// year, "Q2 2025/26" or "2025/26 Q2", as the importer reads such a
// column heading (Q1 is April to June), into the calendar quarter the
// app keeps: an officer gives the quarter as their scorecard heads it
// (QA23b L2), not only as the contract's 2025-Q3.
func financialQuarterArg(s string) (app.Period, bool) {
	f := strings.Fields(s)
	if len(f) != 2 {
		return app.Period{}, false
	}
	q, y := f[0], f[1]
	if len(y) == 2 && (y[0] == 'Q' || y[0] == 'q') {
		q, y = y, q
	}
	if len(q) != 2 || q[0] != 'Q' && q[0] != 'q' || q[1] < '1' || q[1] > '4' {
		return app.Period{}, false
	}
	year, err := app.ParsePeriod(y)
	if err != nil || year.Kind != app.FinancialYear {
		return app.Period{}, false
	}
	// The financial year's quarters are the calendar's second to fourth
	// of its first year and the first of its second.
	if n := int(q[1]-'0') + 1; n < 5 {
		return app.Period{Kind: app.Quarter, Year: year.Year, N: n}, true
	}
	return app.Period{Kind: app.Quarter, Year: year.Year + 1, N: 1}, true
}

// financialQuarterNote says how a financial year's quarter given as
// --period was read: the contract's quarters are the calendar's, and
// the officer must see which months the report is of.
func financialQuarterNote(arg string, q app.Period) string {
	return fmt.Sprintf("note: --period %s read as %s (%s): quarters numbered by the financial year, Q1 April to June", arg, q.Label(), q)
}
