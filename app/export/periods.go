package export

import (
	"strconv"
	"strings"

	"scorecard/app"
)

// The words for the scorecard's periods. A store of published yearly or
// quarterly figures alone (DfE's) has a scorecard of years or quarters,
// and its headings must not call them months.

// periodName writes the scorecard's period for titles: "October 2026" for
// a month, "Oct-Dec 2024", "2024/25" or "2025" otherwise.
func periodName(p app.Period) string {
	if p.Kind == app.Month {
		return p.Start().Format("January 2006")
	}
	return p.Label()
}

// figuresCaption heads the scorecard's columns of figures.
func figuresCaption(k app.PeriodKind) string {
	switch k {
	case app.Month:
		return "Monthly figures"
	case app.Quarter:
		return "Quarterly figures"
	}
	return "Yearly figures"
}

// lastYearHead heads the column of the figure a year before the
// scorecard's period.
func lastYearHead(k app.PeriodKind) string {
	switch k {
	case app.Month:
		return "Same month last year"
	case app.Quarter:
		return "Same quarter last year"
	}
	return "Previous year"
}

// trendSpan is how many periods the Trend sheet shows: two years of months
// or three of quarters, so a year-on-year change and a run both show; and
// of years, the 13 an SPC chart needs.
func trendSpan(k app.PeriodKind) int {
	switch k {
	case app.Month:
		return trendMonths
	case app.Quarter:
		return 12
	}
	return 13
}

// periodNoun names one period of kind k: "month", "quarter", "year".
func periodNoun(k app.PeriodKind) string {
	switch k {
	case app.Month, app.Quarter:
		return k.String()
	}
	return "year"
}

// shownHead names the Provenance setting of how many periods the
// scorecard shows: "Months shown", "Quarters shown", "Years shown".
func shownHead(k app.PeriodKind) string {
	w := spanWords(k, 2)[len("2 "):]
	return strings.ToUpper(w[:1]) + w[1:] + " shown"
}

// spanWords names n periods of kind k: "24 months", "13 years".
func spanWords(k app.PeriodKind, n int) string {
	w := "years"
	switch k {
	case app.Month:
		w = "months"
	case app.Quarter:
		w = "quarters"
	}
	return strconv.Itoa(n) + " " + w
}
