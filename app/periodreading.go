package app

import "fmt"

// endingIn returns the period of kind that ends in month m (2025-Q1 in
// March 2025, 2024/25 AY in August 2025), and false with m where none
// does: February is in Jan-Mar, but a report of February in a store of
// quarters could mean that quarter, not yet over, or the last one ended.
func endingIn(kind PeriodKind, m Period) (Period, bool) {
	for _, q := range []Period{containing(kind, m), containing(kind, m).Add(-1)} {
		if e := q.End(); e.Year() == m.Year && int(e.Month()) == m.N {
			return q, true
		}
	}
	return m, false
}

// containing returns the period of kind (a quarter or a year) that month
// m falls in.
func containing(kind PeriodKind, m Period) Period {
	switch kind {
	case Quarter:
		return Period{Kind: Quarter, Year: m.Year, N: (m.N + 2) / 3}
	case FinancialYear:
		return m.FinancialYearOf()
	case AcademicYear:
		return m.AcademicYearOf()
	}
	return Period{Kind: kind, Year: m.Year}
}

// ReadAsWords says why asked was read as got (History.ReportingPeriod),
// for a note: "the quarter ending in Mar-25: the store's figures are by
// quarter", or of years, "the financial year ending in the same year,
// which the store's figures are for".
func ReadAsWords(asked, got Period) string {
	if asked.Kind == Month {
		return fmt.Sprintf("the %s ending in %s: the store's figures are by %s", got.Kind.Noun(), asked.Label(), got.Kind.Noun())
	}
	return fmt.Sprintf("the %s ending in the same year, which the store's figures are for", got.Kind.Noun())
}

// ReadAsNote is the note every command gives where --period asked was
// read as got (History.ReportingPeriod), so that export, brief and flags
// say it in the same words: "--period 2025-03 read as Jan-Mar 2025, the
// quarter ending in Mar-25: the store's figures are by quarter".
func ReadAsNote(asked, got Period) string {
	return fmt.Sprintf("--period %s read as %s, %s", asked, got.Label(), ReadAsWords(asked, got))
}

// MonthAdvice says what to ask for in place of p, a period not of kind,
// the store's: for a month that ends no such period (ReportingPeriod),
// the two it could mean, named as --period takes them: "Feb-25 ends no
// quarter: give 2025-Q1 for Jan-Mar 2025, the quarter it falls in, or
// 2024-Q4 for Oct-Dec 2024, the last to end before it"; otherwise "give
// a quarter such as " latest.
func MonthAdvice(kind PeriodKind, p, latest Period) string {
	if p.Kind != Month || kind == Month || kind == 0 {
		return fmt.Sprintf("give a %s such as %s", kind.Noun(), latest)
	}
	in := containing(kind, p)
	return fmt.Sprintf("%s ends no %s: give %s, the %s it falls in, or %s, the last to end before it",
		p.Label(), kind.Noun(), argFor(in), kind.Noun(), argFor(in.Add(-1)))
}

// argFor names p as --period takes it, with its months where the
// contract's form does not say them: "2025-Q1 for Jan-Mar 2025".
func argFor(p Period) string {
	if p.Label() == p.String() {
		return p.String()
	}
	return p.String() + " for " + p.Label()
}
