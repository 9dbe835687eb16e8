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

// TestProportionUnitMixedScales: under a Unit "Proportion", one figure
// above 1 (a data error, or a producer switching to percentages) had made
// the whole row, and its target, percentages as given: 0.82 kept as
// 0.82% (QA29 6, gen3.py). Figures from 0 to 1 beside one that is not
// cannot be read by one scale without part of the row a hundredfold out:
// the file is refused at the first odd figure, saying how to write it. A
// CSV already saying "Proportion" of small fractions (0.006) is read as
// its unit says, 0.6%, not refused with advice to write what it does
// (QA29 10, prop2.csv).
func TestProportionUnitMixedScales(t *testing.T) {
	head := []any{"Ref", "Indicator", "Polarity", "Unit", "Target", "Apr-25", "May-25", "Jun-25"}
	tests := []struct {
		name    string
		csv     string
		row     []any
		refused string    // the refusal's cell and words; "" for none
		want    []float64 // P1's figures, when read
		said    string    // the warning at the Unit cell, when read
	}{
		{"a figure above 1 after fractions", "",
			[]any{"P1", "Visits in timescale", "H", "Proportion", 0.8, 0.82, 0.9, 1.2},
			`Scorecard!H2: refused: P1: unit "Proportion" (D2) says its figures are fractions of 1, but 1.2 here is not one, beside figures from 0 to 1 (0.82 as a fraction is 82%)`, nil, ""},
		{"a producer's switch to percentages", "",
			[]any{"P1", "Timeliness of assessments", "H", "Proportion", 0.8, 0.82, 0.9, 85},
			`Scorecard!H2: refused: P1: unit "Proportion" (D2) says its figures are fractions of 1, but 85 here is not one`, nil, ""},
		{"the odd figure first", "",
			[]any{"P1", "Timeliness of assessments", "H", "Proportion", nil, 85, 0.9, 0.92},
			`Scorecard!F2: refused: P1: unit "Proportion" (D2) says its figures are fractions of 1, but 85 here is not one, beside figures from 0 to 1 (0.9 as a fraction is 90%)`, nil, ""},
		{"a tidy CSV mixing them",
			"Ref,Indicator,Unit,Period,Value\nP1,Visits in timescale,Proportion,Apr-25,0.82\nP1,Visits in timescale,Proportion,May-25,91\n", nil,
			`line 3: refused: P1: unit "Proportion" (line 2) says its figures are fractions of 1, but 91 here is not one`, nil, ""},
		{"a tidy CSV of small fractions",
			"Ref,Indicator,Polarity,Unit,Period,Value\nCS08,Children adopted from care as a proportion of CLA,H,Proportion,2025-05,0.006\nCS08,Children adopted from care as a proportion of CLA,H,Proportion,2025-06,0.008\n", nil,
			"", []float64{0.6, 0.8}, `line 2: CS08: unit "Proportion" says its figures are fractions of 1: its 2 figures here are read as percentages, 0.006 as 0.6%`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeCSV(t, tt.csv)
			if tt.csv == "" {
				path = writeBook(t, "Scorecard", [][]any{head, tt.row})
			}
			res, err := Read(context.Background(), path, Options{})
			if tt.refused != "" {
				var se *app.SourceError
				if !errors.As(err, &se) {
					t.Fatalf("got %v, want refused: %s", err, tt.refused)
				}
				at := se.Location.Cell
				if se.Location.Sheet != "" {
					at = se.Location.Sheet + "!" + at
				}
				if got := at + ": " + se.Err.Error(); !strings.HasPrefix(got, tt.refused) {
					t.Fatalf("refused\n%s\nwant\n%s", got, tt.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []float64
			for _, o := range res.Dataset.Observations {
				if o.Ref == "CS08" && o.Value != nil {
					got = append(got, *o.Value)
				}
			}
			if len(got) != len(tt.want) || !approx(&got[0], tt.want[0]) || !approx(&got[1], tt.want[1]) {
				t.Errorf("figures %v, want %v", got, tt.want)
			}
			var said []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "fraction") {
					said = append(said, w.Cell+": "+w.Message)
				}
			}
			if len(said) != 1 || !strings.HasPrefix(said[0], tt.said) {
				t.Errorf("said %q, want once %q", said, tt.said)
			}
		})
	}
}
