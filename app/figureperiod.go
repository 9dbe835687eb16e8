package app

// FigurePeriod returns the period a figure of ind given in the column of
// month m is for, when ind's Data period says its figures are quarters'
// or years' and m ends one: a quarterly measure's Jun-25 is Apr-Jun 2025;
// an annual measure's Mar-25 is the financial year 2024/25, its Aug-25
// the academic year 2024/25 if its year type is academic, as a year is
// shown in the month it ends; and an annual measure's figure in a
// quarter's column is the year that ends within it (Jan-Mar 2025 is
// 2024/25, Jul-Sep 2025 2024/25 AY). ok is false for a month or quarter
// that ends no such period, whose figure is not moved: in April, a
// quarterly figure may be January to March's, reported a month later, or
// April to June's so far.
// It is m itself for a measure of any other Data period.
func (ind Indicator) FigurePeriod(m Period) (p Period, ok bool) {
	if m.Kind == Quarter && ind.DataPeriod == Annual {
		// A quarterly scorecard gives a year's figure in the quarter it
		// ends in, as a monthly one does in its last month: the
		// financial year in Jan-Mar, the academic year, to 31 August,
		// in Jul-Sep.
		y := Period{Kind: ind.figureYear(), Year: m.Year - 1}
		if e := y.End(); e.Before(m.Start()) || e.After(m.End()) {
			return Period{}, false
		}
		return y, true
	}
	if m.Kind != Month {
		return m, true
	}
	switch ind.DataPeriod {
	case QuarterPeriod:
		if m.N%3 != 0 {
			return Period{}, false
		}
		return Period{Kind: Quarter, Year: m.Year, N: m.N / 3}, true
	case Annual:
		y := Period{Kind: ind.figureYear(), Year: m.Year - 1}
		if e := y.End(); e.Year() != m.Year || int(e.Month()) != m.N {
			return Period{}, false
		}
		return y, true
	}
	return m, true
}

// FigureMonths names the months a quarterly or annual measure's figures
// must stand in to be read as quarters or years (FigurePeriod), and what
// each is: "Jun, Sep, Dec or Mar", "quarter"; "March", "financial year".
// Both are "" for a measure of another Data period.
func (ind Indicator) FigureMonths() (months, each string) {
	switch ind.DataPeriod {
	case QuarterPeriod:
		return "Jun, Sep, Dec or Mar", "quarter"
	case Annual:
		k := ind.figureYear()
		return Period{Kind: k}.End().Month().String(), k.Noun()
	}
	return "", ""
}

// FigureQuarter names the quarter an annual measure's figures must stand
// in, in a scorecard of quarters, to be read as years (FigurePeriod):
// "Jan-Mar" for financial years, "Jul-Sep" for academic years. It is ""
// for a measure of another Data period, whose quarters stay quarters.
func (ind Indicator) FigureQuarter() string {
	if ind.DataPeriod != Annual {
		return ""
	}
	e := Period{Kind: ind.figureYear()}.End()
	q := Period{Kind: Quarter, Year: e.Year(), N: (int(e.Month()) + 2) / 3}
	return q.Start().Format("Jan") + "-" + q.End().Format("Jan")
}

// figureYear is the kind of year an annual measure's figures are for:
// the year its targets are set by, financial unless it says academic.
func (ind Indicator) figureYear() PeriodKind {
	if ind.YearType == AcademicYear {
		return AcademicYear
	}
	return FinancialYear
}
