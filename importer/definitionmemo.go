package importer

import "scorecard/app"

// A scorecard's rows repeat a few polarities ("H", "L", "High is
// good") and data periods ("R12M", "MS"), on every district's sheet as
// on the county's: read afresh, each split its words into fields two or
// three times a row, 9,000 of the large workbook's allocations. What a
// cell says of either depends on its text alone, so it is remembered.

// polarityReading is what a Polarity cell's text reads as: the
// polarity, or why none, and any note after it (app.PolarityNote).
type polarityReading struct {
	polarity app.Polarity
	err      error
	note     string
}

var polarityReadings = &textMemo[polarityReading]{}

// readPolarity reads a Polarity cell's text, from memory where it was
// read before.
func readPolarity(text string) polarityReading {
	return polarityReadings.of(text, func(text string) polarityReading {
		p, err := app.ParsePolarity(text)
		if err != nil {
			return polarityReading{polarity: p, err: err}
		}
		return polarityReading{polarity: p, note: app.PolarityNote(text)}
	})
}

// dataPeriodReading is what a Data period cell's text reads as (see
// app.ParseDataPeriodYear).
type dataPeriodReading struct {
	period app.DataPeriod
	year   app.PeriodKind
	err    error
}

var dataPeriodReadings = &textMemo[dataPeriodReading]{}

// readDataPeriod reads a Data period cell's text, from memory where it
// was read before.
func readDataPeriod(text string) dataPeriodReading {
	return dataPeriodReadings.of(text, func(text string) dataPeriodReading {
		dp, year, err := app.ParseDataPeriodYear(text)
		return dataPeriodReading{dp, year, err}
	})
}
