package main

import (
	"fmt"

	"scorecard/app"
)

// financialQuarterNote says how a financial year's quarter given as
// --period was read: the contract's quarters are the calendar's, and
// the officer must see which months the report is of.
func financialQuarterNote(arg string, q app.Period) string {
	return fmt.Sprintf("note: --period %s read as %s (%s): quarters numbered by the financial year, Q1 April to June", arg, q.Label(), q)
}
