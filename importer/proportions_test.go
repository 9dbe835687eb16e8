package importer

import (
	"context"
	"errors"
	"strings"
	"testing"

	"scorecard/app"
)

// TestProportionUnit: a Unit of "Proportion", "Fraction" or "Rate (0-1)"
// says the figures are fractions of 1, as Power BI and SQL exports write a
// percentage measure: 0.213 is 21.3%, as are its targets of at most 1,
// said once at the Unit cell; they had been kept as 0.213% (QA27b 8, 9:
// units.xlsx). Figures above 1 under such a unit are percentages, kept as
// given and said; "Proportion (%)" is a percentage, nothing to say.
func TestProportionUnit(t *testing.T) {
	tests := []struct {
		name     string
		csv      string    // a tidy CSV; "" for the workbook of rows
		rows     [][]any   // a scorecard sheet
		want     []float64 // P1's figures, Apr-24 on
		target   string    // its target, "-" for none
		decimals int
		said     string // the one warning about its unit, at its cell
	}{
		{"Proportion, with a target",
			"", [][]any{{"Ref", "Indicator", "Polarity", "Unit", "Target", "Apr-24", "May-24"},
				{"P1", "Re-referrals within 12 months", "L", "Proportion", 0.25, 0.213, 0.225}},
			[]float64{21.3, 22.5}, "25", 1,
			`D2: P1: unit "Proportion" says its figures are fractions of 1: its 2 figures here are read as percentages, 0.213 as 21.3%; so are its target 0.25 as 25%`},
		{"Rate (0-1) in a tidy CSV",
			"Ref,Indicator,Unit,Period,Value\nP1,Re-referrals within 12 months,Rate (0-1),Apr-24,0.213\nP1,Re-referrals within 12 months,Rate (0-1),May-24,0.2\n",
			nil, []float64{21.3, 20}, "-", 1,
			`line 2: P1: unit "Rate (0-1)" says its figures are fractions of 1: its 2 figures here are read as percentages, 0.213 as 21.3%`},
		{"Fraction, one figure",
			"Ref,Indicator,Unit,Period,Value\nP1,Children seen in time,Fraction,Apr-24,0.9\n",
			nil, []float64{90}, "-", 1,
			`line 2: P1: unit "Fraction" says its figures are fractions of 1: its figure here is read as a percentage, 0.9 as 90%`},
		{"Proportion above 1",
			"", [][]any{{"Ref", "Indicator", "Polarity", "Unit", "Apr-24", "May-24"},
				{"P1", "Re-referrals within 12 months", "L", "Proportion", 21.3, 22.5}},
			[]float64{21.3, 22.5}, "-", 1,
			`D2: P1: unit "Proportion" says its figures are fractions of 1, but here they run from 21.3 to 22.5, which no fraction of 1 does: read as the percentages they are, as given (21.3 as 21.3%)`},
		{"Proportion (%)",
			"", [][]any{{"Ref", "Indicator", "Polarity", "Unit", "Apr-24", "May-24"},
				{"P1", "Re-referrals within 12 months", "L", "Proportion (%)", 21.3, 22.5}},
			[]float64{21.3, 22.5}, "-", 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeCSV(t, tt.csv)
			if tt.csv == "" {
				path = writeBook(t, "Scorecard", tt.rows)
			}
			res, err := Read(context.Background(), path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []float64
			for _, o := range res.Dataset.Observations {
				if o.Ref == "P1" && o.Value != nil {
					got = append(got, *o.Value)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("P1's figures %v, want %v", got, tt.want)
			}
			for i := range got {
				if !approx(&got[i], tt.want[i]) {
					t.Errorf("P1's figure %d = %v, want %v", i, got[i], tt.want[i])
				}
			}
			ind, _ := findInd(res.Dataset, "P1")
			if ind.Unit != app.Percent || ind.Decimals != tt.decimals {
				t.Errorf("P1 in unit %q to %d places, want %% to %d", ind.Unit, ind.Decimals, tt.decimals)
			}
			target := "-"
			for _, tg := range res.Dataset.Targets {
				if tg.Ref == "P1" {
					target = fmtOpt(tg.Target)
				}
			}
			if target != tt.target {
				t.Errorf("P1's target %s, want %s", target, tt.target)
			}
			var said []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "fraction") {
					said = append(said, w.Cell+": "+w.Message)
				}
			}
			switch {
			case tt.said == "" && len(said) > 0:
				t.Errorf("said %q, want nothing of fractions", said)
			case tt.said != "" && (len(said) != 1 || !strings.HasPrefix(said[0], tt.said)):
				t.Errorf("said %q, want once %q", said, tt.said)
			}
		})
	}
}

// TestCSVPercentFractions: a CSV of a percentage whose figures are all
// between 0 and 1, several above 0.01 (a Power BI CSV of a % measure
// writes 0.213), cannot be read without a guess a hundredfold out: there
// is no cell format to tell 21.3% from 0.213%. It is refused at its first
// figure with advice a CSV can follow, where it had been read as 0.213%
// with advice to format cells as percentages (QA27b 8: r_tidy_frac.csv).
// Figures written with their "%", true small percentages, a figure proved
// by its parts and a lone figure are read as before.
func TestCSVPercentFractions(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		refusal string   // the refusal's place; "" for none
		want    []string // the warnings about figures between 0 and 1, each "cell: prefix"
	}{
		{"Power BI tidy CSV, Unit %",
			"Ref,Indicator,Unit,Period,Value\nRR,Re-referrals within 12 months,%,Apr-24,0.213\nRR,Re-referrals within 12 months,%,May-24,0.22\n",
			"line 2", nil},
		{"scorecard CSV, (%) in the name",
			"Ref,Indicator,Polarity,Apr-24,May-24,Jun-24\nRR,Re-referrals within 12 months (%),L,0.213,0.22,0.198\n",
			"line 2", nil},
		{"written with their % signs",
			"Ref,Indicator,Unit,Period,Value\nRR,Re-referrals within 12 months,%,Apr-24,0.213%\nRR,Re-referrals within 12 months,%,May-24,0.22%\n",
			"", nil},
		{"small figures, as likely fractions",
			"Ref,Indicator,Unit,Period,Value\nRR,Re-referrals within 12 months,%,Apr-24,0.213\nED09,Pupils permanently excluded,%,Apr-24,0.06\nED09,Pupils permanently excluded,%,May-24,0.08\n",
			"line 3", nil},
		{"true small percentages",
			"Ref,Indicator,Unit,Period,Value\nED09,Pupils permanently excluded,%,Apr-24,0.006\nED09,Pupils permanently excluded,%,May-24,0.008\nED09,Pupils permanently excluded,%,Jun-24,0.011\n",
			"", nil},
		{"proved by their parts",
			"Ref,Indicator,Unit,Period,Numerator,Denominator,Value\nCIC03,In-house foster carers,%,Apr-24,1,114,0.88\nCIC03,In-house foster carers,%,May-24,1,120,0.83\n",
			"", nil},
		{"a lone figure",
			"Ref,Indicator,Unit,Period,Value\nRR,Re-referrals within 12 months,%,Apr-24,0.213\n",
			"", []string{`line 2: RR: its figures here are all between 0 and 1 (0.213 to 0.213) and are read as percentages, 0.213 as 0.213%: if they are fractions of 1 (21.3%), write its Unit as "Proportion", or give them as percentages (21.3)`}},
	}
	const fractions = `RR is a percentage, but its figures here are all between 0 and 1 (0.198 to 0.22): 0.213 could be 21.3% written as a fraction of 1, as Power BI and SQL exports write percentages, or 0.213%, and a CSV keeps no cell format to tell; if they are fractions of 1, write its Unit as "Proportion" (read as 21.3%), or give them as percentages (21.3); if they are percentages below 1, write each with its % sign ("0.213%")`
	refusals := map[string]string{
		"Power BI tidy CSV, Unit %":          strings.Replace(fractions, "0.198 to", "0.213 to", 1),
		"scorecard CSV, (%) in the name":     fractions,
		"small figures, as likely fractions": `ED09 is a percentage, but its figures here are all between 0 and 1 (0.06 to 0.08): 0.06 could be 6% written as a fraction of 1, as Power BI and SQL exports write percentages, or 0.06%, and a CSV keeps no cell format to tell; if they are fractions of 1, write its Unit as "Proportion" (read as 6%), or give them as percentages (6); if they are percentages below 1, write each with its % sign ("0.06%")`,
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeCSV(t, tt.body), Options{})
			if tt.refusal != "" {
				var se *app.SourceError
				saying := refusals[tt.name]
				if !errors.As(err, &se) || se.Location.Cell != tt.refusal || se.Location.File != "data.csv" || !strings.Contains(err.Error(), saying) {
					t.Fatalf("got %v, want a refusal at %s saying %s", err, tt.refusal, saying)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range res.Dataset.Observations {
				if o.Value == nil || *o.Value >= 1 {
					t.Errorf("%s %s read as %v, want kept as given", o.Ref, o.Period, o.Value)
				}
			}
			checkWarnings(t, res.Warnings, []string{"between 0 and 1"}, tt.want)
		})
	}
}
