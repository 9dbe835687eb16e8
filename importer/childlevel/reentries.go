package childlevel

import (
	"time"

	"scorecard/app"
)

// Re-entries as a share of the children starting to be looked after,
// overall and for each category of need: members ask for "% looked after
// within the previous 12 months" broken down by reason, as a percentage
// with its count, not a count alone.
const (
	// RefReentryRate is the % of children starting to be looked after in
	// the 12 months who re-entered within 12 months of a previous period.
	RefReentryRate = "CIC13a"
	// refReentryRatePrefix begins the ref of each category of need's
	// rate: CIC13-N1 to CIC13-N9.
	refReentryRatePrefix = "CIC13-"
)

// needCodes are the categories of need in order, each with a rate of its
// own.
var needCodes = []string{"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"}

// RefReentryRateFor is the ref of the re-entry rate for a category of
// need code ("N1").
func RefReentryRateFor(code string) string { return refReentryRatePrefix + code }

// reentryIndicators define the rates.
func reentryIndicators() []app.Indicator {
	rate := func(ref, name, guidance string) app.Indicator {
		return app.Indicator{Ref: ref, Name: name, Section: section, Polarity: app.LowerBetter, Unit: app.Percent,
			Decimals: 1, DataPeriod: app.Rolling12, Measure: app.Proportion, YearType: app.FinancialYear, Guidance: guidance}
	}
	out := []app.Indicator{rate(RefReentryRate,
		"Children starting to be looked after who re-entered care within 12 months of leaving (%)",
		"Of the children who started to be looked after in the 12 months to the end of the month, the % whose start came within 12 months of a previous period of care ending; each child counts once, by the start that was a re-entry if any was.")}
	for _, code := range needCodes {
		need := categoriesOfNeed[code]
		out = append(out, rate(RefReentryRateFor(code),
			"Children starting to be looked after for "+need+" who re-entered care within 12 months (%)",
			"Of the children who started to be looked after in the 12 months to the end of the month with category of need "+need+", the % whose start came within 12 months of a previous period of care ending."))
	}
	return out
}

// reentryRates are the observations of the rates for one split: re-entries
// of starters, overall and by category of need.
func reentryRates(obs func(ref string) app.Observation, starters, reentries float64, startersByNeed, reentriesByNeed map[string]float64) []app.Observation {
	const none = "no children started to be looked after in the 12 months"
	out := []app.Observation{proportion(obs(RefReentryRate), reentries, starters, none)}
	for _, code := range needCodes {
		need := categoriesOfNeed[code]
		out = append(out, proportion(obs(RefReentryRateFor(code)), reentriesByNeed[need], startersByNeed[need],
			"no children started to be looked after for "+need+" in the 12 months"))
	}
	return out
}

// latestStart returns the latest episode in the 12 months to the snapshot
// date that started a period of care (RNE S).
func latestStart(eps []episode, snapshot time.Time) (episode, bool) {
	for i := len(eps) - 1; i >= 0; i-- {
		if e := eps[i]; e.rne == "S" && inPeriod(e.start, snapshot) && !e.start.After(snapshot) {
			return e, true
		}
	}
	return episode{}, false
}
