// Package app holds Scorecard's core: the domain of children's services
// performance scorecards (indicators, periods, areas, cohorts,
// observations, targets) and the rules that rate them. It never imports
// Fyne; the importer fills it, the store keeps it, the views show it.
package app

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Polarity says which way is good for an indicator.
type Polarity uint8

// The polarities a scorecard's Polarity column holds.
const (
	PolarityNone Polarity = iota // an activity (context) indicator: no RAG, no judgement
	HigherBetter                 // "H"
	LowerBetter                  // "L"
	NearTarget                   // "T": stay close to target
)

// String writes the polarity's scorecard code: H, L, T, or "".
func (p Polarity) String() string {
	switch p {
	case HigherBetter:
		return "H"
	case LowerBetter:
		return "L"
	case NearTarget:
		return "T"
	}
	return ""
}

// MarshalJSON writes the polarity as its code.
func (p Polarity) MarshalJSON() ([]byte, error) { return json.Marshal(p.String()) }

// UnmarshalJSON reads the polarity from its code.
func (p *Polarity) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	q, err := ParsePolarity(s)
	*p = q
	return err
}

// Unit is what an indicator's figures count, as the scorecard shows it.
type Unit string

// Units seen on the directorate's scorecards.
const (
	Percent Unit = "%"       // stored 0-100
	Number  Unit = "count"   // a count of children, cases, staff
	Per10k  Unit = "per 10k" // a rate per 10,000 children aged 0-17
	Days    Unit = "days"
	Weeks   Unit = "weeks"
	Score   Unit = "score"
	Ratio   Unit = "ratio"
)

// RatePer is the unit of a rate per base people other than 10,000: "per
// 1,000", "per 100,000". Its figures are rates, not counts of children,
// and the app cannot recompute them as it does a Per10k.
func RatePer(base int) Unit {
	return Unit("per " + FormatNumber(float64(base), 0))
}

// OtherRate reports whether u is a rate per a base other than 10,000
// (see RatePer).
func (u Unit) OtherRate() bool {
	return u != Per10k && strings.HasPrefix(string(u), "per ")
}

// Measure says how a figure is built from its components, which decides
// whether excluding a cohort can be recomputed exactly.
type Measure string

// The measures; only the first four are additive.
const (
	Proportion Measure = "proportion" // numerator / denominator × 100
	Count      Measure = "count"      // a total: numerator only
	Rate       Measure = "rate"       // count / population × 10,000
	Mean       Measure = "mean"       // sum / count
	Median     Measure = "median"     // not additive: cannot be recomputed
	Other      Measure = ""           // components unknown: cannot be recomputed
)

// Additive reports whether a cohort can be subtracted from the figure
// exactly, given its components.
func (m Measure) Additive() bool {
	switch m {
	case Proportion, Count, Rate, Mean:
		return true
	}
	return false
}

// DataPeriod is how a figure's time window is defined.
type DataPeriod string

// The Data Period column's codes.
const (
	Rolling12     DataPeriod = "R12M" // rolling 12 months to the month shown
	Snapshot      DataPeriod = "MS"   // monthly snapshot on the last day
	YearToDate    DataPeriod = "YTD"  // since 1 April, or 1 September for an academic-year measure (see Indicator.YearToDateStart)
	QuarterPeriod DataPeriod = "Q"
	Annual        DataPeriod = "A"
	// Monthly is a figure for the month shown where the source says only
	// "M": whether a snapshot on its last day or a count over it, it does
	// not say, and the app does not guess.
	Monthly DataPeriod = "M"
)

// ParseDataPeriod reads the Data Period column, accepting the codes and
// their spelled-out forms. A code that also names the kind of year
// ("AY") gives its data period alone; ParseDataPeriodYear gives both.
func ParseDataPeriod(s string) (DataPeriod, error) {
	dp, _, err := ParseDataPeriodYear(s)
	return dp, err
}

// ParseDataPeriodYear reads the Data Period column as ParseDataPeriod
// does and, where the code names it, the kind of year the indicator runs
// by: AcademicYear for "AY" or "AYTD", FinancialYear for "FY" or "FYTD",
// zero where it names none.
func ParseDataPeriodYear(s string) (DataPeriod, PeriodKind, error) {
	if dp, year, ok := dataPeriodCode(s); ok {
		return dp, year, nil
	}
	// A code explained in brackets, "M (snapshot)" or "R12M (rolling 12
	// months)": the words may say which kind of monthly figure the code
	// leaves open; otherwise they must agree with it.
	if head, inner, ok := strings.Cut(s, "("); ok && strings.HasSuffix(strings.TrimSpace(inner), ")") {
		inner = strings.TrimSuffix(strings.TrimSpace(inner), ")")
		dp, year, ok1 := dataPeriodCode(head)
		said, saidYear, ok2 := dataPeriodCode(inner)
		switch {
		case ok1 && ok2 && dp == Monthly && said == Snapshot:
			return Snapshot, year, nil
		case ok1 && ok2 && dp == said && (year == saidYear || year == 0 || saidYear == 0):
			return dp, cmp.Or(year, saidYear), nil
		}
	}
	return "", 0, fmt.Errorf("data period %q is not R12M, MS, M, YTD, Q or A", s)
}

// dataPeriodCode reads one Data Period code or its spelled-out form.
func dataPeriodCode(s string) (DataPeriod, PeriodKind, bool) {
	t := strings.ToUpper(strings.Join(strings.Fields(s), " "))
	switch t {
	case "R12M", "R12", "ROLLING 12 MONTHS", "ROLLING 12M", "ROLLING":
		return Rolling12, 0, true
	case "MS", "SNAPSHOT", "MONTHLY SNAPSHOT", "MONTH END", "MONTH-END", "MONTH END SNAPSHOT", "MONTH-END SNAPSHOT", "END OF MONTH":
		return Snapshot, 0, true
	case "M", "MONTHLY", "MONTH":
		return Monthly, 0, true
	case "YTD", "YEAR TO DATE":
		return YearToDate, 0, true
	case "FYTD", "FINANCIAL YEAR TO DATE":
		return YearToDate, FinancialYear, true
	case "AYTD", "ACADEMIC YEAR TO DATE":
		return YearToDate, AcademicYear, true
	case "Q", "QTR", "QUARTER", "QUARTERLY":
		return QuarterPeriod, 0, true
	case "A", "ANNUAL", "YEAR", "YEARLY":
		return Annual, 0, true
	case "FY", "FINANCIAL YEAR":
		return Annual, FinancialYear, true
	case "AY", "ACADEMIC YEAR", "SCHOOL YEAR":
		return Annual, AcademicYear, true
	case "CY", "CALENDAR YEAR":
		// A year to 31 December: no year type (the year targets are set
		// for), which is financial or academic; the importer reads a
		// row's plain years by it (rowYearKind).
		return Annual, 0, true
	case "", "-":
		return "", 0, true
	}
	return "", 0, false
}

// Indicator is one row of a scorecard: a performance or activity measure.
type Indicator struct {
	Ref        string     `json:"ref"` // e.g. "CIC05"
	Name       string     `json:"name"`
	Section    string     `json:"section,omitempty"` // e.g. "Children in Care"
	Polarity   Polarity   `json:"polarity"`
	Unit       Unit       `json:"unit"`
	Decimals   int        `json:"decimals"` // displayed precision; DoT "same" is judged at it
	DataPeriod DataPeriod `json:"data_period,omitempty"`
	Measure    Measure    `json:"measure,omitempty"`
	// YearType is FinancialYear or AcademicYear: the year its targets are
	// set for. Zero means financial.
	YearType PeriodKind `json:"year_type,omitempty"`
	Guidance string     `json:"guidance,omitempty"` // how the measure is calculated
	// Unaffected lists cohorts whose children cannot be counted in this
	// indicator (a workforce measure counts staff, not children), so that
	// excluding them leaves its figures as they are instead of unknown.
	Unaffected []Cohort `json:"unaffected,omitempty"`
	// Owner is the officer responsible for the indicator, as a Lead
	// Officer, Owner or Responsible Officer column names them.
	Owner string `json:"owner,omitempty"`
}

// AffectedBy reports whether excluding cohort c can change the indicator's
// figures.
func (ind Indicator) AffectedBy(c Cohort) bool {
	return !slices.Contains(ind.Unaffected, c)
}

// TargetYear returns the year whose target is in force for period p. Of
// a financial year p, an academic-year measure's is the academic year of
// the same name, whose figure a scorecard of financial years shows in p
// (ReportedIn): the year p starts in would rate 2024/25 AY's figure
// against 2023/24 AY's target.
func (ind Indicator) TargetYear(p Period) Period {
	if ind.YearType == AcademicYear {
		if p.Kind == FinancialYear {
			return Period{Kind: AcademicYear, Year: p.Year}
		}
		return p.AcademicYearOf()
	}
	return p.FinancialYearOf()
}

// YearToDateStart returns the month a year-to-date figure for period p
// accumulates from: the first month of the year whose target is in force,
// April for a financial-year measure and September for an academic-year
// one (persistent absence counts from the start of the school year, not
// from April). It is the zero Period for the zero Period.
func (ind Indicator) YearToDateStart(p Period) Period {
	y := ind.TargetYear(p)
	if y.IsZero() {
		return Period{}
	}
	s := y.Start()
	return MonthOf(s.Year(), s.Month())
}

// PeriodLabel writes p, a period of ind's figures, for people, as
// Period.Label does, but for a year-to-date figure of a quarter it names
// the months the figure takes in, from the year's start: "Apr-Sep 2024"
// for 2024-Q3 of a financial-year measure, whose own months, "Jul-Sep
// 2024", would have the April to September figure read as the quarter's.
//
// A rolling year's quarter is named by the twelve months to its end,
// "Oct 2023-Sep 2024" for 2024-Q3: it is the year to then, not the
// quarter's figure.
func (ind Indicator) PeriodLabel(p Period) string {
	if p.Kind == Quarter && ind.DataPeriod == Rolling12 {
		end := MonthOf(p.Year, time.Month(3*p.N))
		from := end.Add(-11)
		return fmt.Sprintf("%s %d-%s %d", time.Month(from.N).String()[:3], from.Year, time.Month(end.N).String()[:3], end.Year)
	}
	if ind.DataPeriod != YearToDate || p.Kind != Quarter {
		return p.Label()
	}
	// The figure is the year's to the quarter's last month, which for an
	// academic-year measure's July to September is the next year's first.
	end := MonthOf(p.Year, time.Month(3*p.N))
	from := ind.YearToDateStart(end)
	if from.IsZero() {
		return p.Label()
	}
	first, last := time.Month(from.N).String()[:3], time.Month(end.N).String()[:3]
	switch {
	case from == end:
		return fmt.Sprintf("%s %d", last, p.Year)
	case from.Year == p.Year:
		return fmt.Sprintf("%s-%s %d", first, last, p.Year)
	}
	return fmt.Sprintf("%s %d-%s %d", first, from.Year, last, p.Year)
}

// YearToDateWords says, for a year-to-date measure, when its figures start
// to accumulate: "Year to date: from 1 September, the start of the
// academic year". It is "" for any other measure.
func (ind Indicator) YearToDateWords() string {
	if ind.DataPeriod != YearToDate {
		return ""
	}
	if ind.YearType == AcademicYear {
		return "Year to date: from 1 September, the start of the academic year, to the month shown."
	}
	return "Year to date: from 1 April, the start of the financial year, to the month shown."
}

// Supplement returns ind, a later definition of earlier's indicator, with
// what it leaves unstated taken from earlier, so that a file that only
// names an indicator (a tidy CSV, a scorecard sheet without guidance)
// never erases a richer definition. Unstated means a Name empty or equal
// to the Ref, an empty Section, Unit, DataPeriod, Measure, Guidance or Owner, a
// zero YearType or a nil Unaffected. Polarity none and Decimals 0 are real
// values, so ind's are kept only when ind names the indicator.
func (ind Indicator) Supplement(earlier Indicator) Indicator {
	named := ind.Name != "" && ind.Name != ind.Ref
	if !named {
		ind.Name = cmp.Or(earlier.Name, ind.Name)
		ind.Polarity, ind.Decimals = earlier.Polarity, earlier.Decimals
	}
	ind.Section = cmp.Or(ind.Section, earlier.Section)
	ind.Unit = cmp.Or(ind.Unit, earlier.Unit)
	ind.DataPeriod = cmp.Or(ind.DataPeriod, earlier.DataPeriod)
	ind.Measure = cmp.Or(ind.Measure, earlier.Measure)
	ind.Guidance = cmp.Or(ind.Guidance, earlier.Guidance)
	ind.YearType = cmp.Or(ind.YearType, earlier.YearType)
	ind.Owner = cmp.Or(ind.Owner, earlier.Owner)
	if ind.Unaffected == nil {
		ind.Unaffected = earlier.Unaffected
	}
	return ind
}
