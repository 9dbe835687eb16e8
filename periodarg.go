package main

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// sayNote says s on stderr as "note: s", as every command notes how it
// read what it was asked: stdout is the command's output (for export, the
// path and a one-line summary, as the contract gives it), which a script
// reads.
func sayNote(e *env, s string) {
	fmt.Fprintf(e.errOut, "note: %s\n", s)
}

// financialQuarterNote says how a financial year's quarter given as
// --period was read: the contract's quarters are the calendar's, and
// the officer must see which months the report is of.
func financialQuarterNote(arg string, q app.Period) string {
	return fmt.Sprintf("note: --period %s read as %s (%s): quarters numbered by the financial year, Q1 April to June", arg, q.Label(), q)
}

// calendarNumberedQuarter returns why --period must not take arg, read
// as quarter q, when arg numbers the quarter without saying whose
// numbering it is: "Q1 2025", "Q1-25", "2025 Q1" (QA24a D10). Read as the
// calendar's (January to March), it is the quarter before the one an
// officer of a council numbering quarters from April means (April to
// June), and the export or brief of the wrong quarter would be
// circulated; as the importer refuses a heading "Quarter 1 2025", it is
// refused naming both readings and how to ask for each. The contract's
// 2025-Q1, a financial year's Q1 2025/26 and a quarter named by its
// months, Jan-Mar 2025, say which, and are "" here.
func calendarNumberedQuarter(arg string, q app.Period) string {
	t := strings.TrimSpace(arg)
	if q.Kind != app.Quarter || strings.EqualFold(t, q.String()) || !strings.ContainsAny(t, "Qq") {
		return ""
	}
	fy := app.Period{Kind: app.FinancialYear, Year: q.Year}
	fq := app.Period{Kind: app.Quarter, Year: q.Year, N: q.N + 1} // quarter N of the financial year starting in q's year
	if q.N == 4 {
		fq = app.Period{Kind: app.Quarter, Year: q.Year + 1, N: 1}
	}
	return fmt.Sprintf("--period %s: quarter %d of %d could be the calendar year's (%s) or the financial year's, numbered from April (%s, quarter %d of %s): "+
		"give %s or %s for %s, or Q%d %s for %s",
		t, q.N, q.Year, q.Label(), fq.Label(), q.N, fy.Label(), q, q.Label(), q.Label(), q.N, fy, fq.Label())
}
