package importer

import (
	"testing"

	"scorecard/app"
)

// TestDefinitionMemo checks that a polarity or data period read from
// memory reads as it does afresh, its error and note included.
func TestDefinitionMemo(t *testing.T) {
	polarities := []string{"H", "L", "T", "", "-", "High", "Low is good", "H (higher is better)", "up", "H*", "N/A", "neither"}
	for round := range 2 { // the second from memory
		for _, text := range polarities {
			p, err := app.ParsePolarity(text)
			want := polarityReading{polarity: p, err: err}
			if err == nil {
				want.note = app.PolarityNote(text)
			}
			got := readPolarity(text)
			if got.polarity != want.polarity || got.note != want.note || (got.err == nil) != (want.err == nil) ||
				got.err != nil && got.err.Error() != want.err.Error() {
				t.Errorf("round %d: readPolarity(%q) = %+v, want %+v", round, text, got, want)
			}
		}
	}
	periods := []string{"R12M", "MS", "M", "YTD", "Q", "A", "AY", "FY", "", "M (snapshot)", "weekly", "Rolling 12 months"}
	for round := range 2 {
		for _, text := range periods {
			dp, year, err := app.ParseDataPeriodYear(text)
			got := readDataPeriod(text)
			if got.period != dp || got.year != year || (got.err == nil) != (err == nil) || err != nil && got.err.Error() != err.Error() {
				t.Errorf("round %d: readDataPeriod(%q) = %+v, want %v %v %v", round, text, got, dp, year, err)
			}
		}
	}
}

// TestNormHeaderMemo checks that a heading normalised from memory reads
// as it does afresh.
func TestNormHeaderMemo(t *testing.T) {
	headings := []string{"Ref.", " REF ", "Indicator*", "Polarity (H/L)", "% of children", "Mar-25", "Data period",
		"Stat Neighbours 2024/25", "Rate per 10,000 (variant 3)", "Total", "CIC05", "", "Ashford\u00a0 District", "Über-Überschrift"}
	for round := range 2 { // the second from memory
		for _, h := range headings {
			if got, want := normHeader(h), normHeaderText(h); got != want {
				t.Errorf("round %d: normHeader(%q) = %q, want %q", round, h, got, want)
			}
		}
	}
}
