package importer

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestFractionTargets: a target and floor written as fractions beside
// whole percentages are read as the percentages they plainly are, and
// said; rated as given they would make every month green (or red). Where
// the file leaves doubt they are kept as given.
func TestFractionTargets(t *testing.T) {
	tests := []struct {
		name          string
		rows          [][]any
		target, floor string // as read, "-" for none
		want          []string
	}{
		{"higher is better",
			[][]any{{"Ref", "Indicator", "Polarity", "Target", "Floor", "Jul-25", "Aug-25", "Sep-25"},
				{"FT01", "Children seen within 10 days (%)", "H", 0.45, 0.40, 38, 46, 43}},
			"45", "40",
			[]string{"A2: FT01 2025/26: target 0.45 read as 45%, floor 0.4 read as 40%, since its figures here are percentages from 38 to 46"}},
		{"lower is better",
			[][]any{{"Ref", "Indicator", "Polarity", "Target", "Floor", "Jul-25", "Aug-25", "Sep-25"},
				{"FT02", "Children re-referred within 12 months (%)", "L", 0.20, 0.25, 24, 22, 27}},
			"20", "25",
			[]string{"A2: FT02 2025/26: target 0.2 read as 20%, floor 0.25 read as 25%"}},
		// As 50% it would be no neighbour of 1.2% and 1.5%; as 0.5% it is.
		{"a small target beside small figures",
			[][]any{{"Ref", "Indicator", "Polarity", "Target", "Floor", "Jul-25", "Aug-25"},
				{"FT03", "Children missing education (%)", "L", 0.5, 0.9, 1.2, 1.5}},
			"0.5", "0.9", nil},
		{"a small target far below its figures",
			[][]any{{"Ref", "Indicator", "Polarity", "Target", "Jul-25", "Aug-25"},
				{"FT07", "Children seen within 10 days (%)", "H", 0.1, 38, 46}},
			"0.1", "-",
			[]string{"A2: FT07 2025/26: target 0.1 kept as given, below 1% where its figures here are percentages from 38 to 46"}},
		{"figures themselves fractions",
			[][]any{{"Ref", "Indicator", "Polarity", "Target", "Jul-25", "Aug-25"},
				{"FT04", "Children seen within 10 days (%)", "H", 0.45, 0.46, 47}},
			"0.45", "-",
			[]string{"A2: FT04 2025/26: target 0.45 kept as given, below 1% where its figures here are percentages from 0.46 to 47"}},
		{"whole targets",
			[][]any{{"Ref", "Indicator", "Polarity", "Target", "Floor", "Jul-25", "Aug-25"},
				{"FT05", "Children seen within 10 days (%)", "H", 45, 40, 38, 46}},
			"45", "40", nil},
		{"a count's target",
			[][]any{{"Ref", "Indicator", "Polarity", "Target", "Jul-25", "Aug-25"},
				{"FT06", "Average caseload", "L", 0.5, 18, 19}},
			"0.5", "-", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeBook(t, "Scorecard", tt.rows), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Dataset.Targets) != 1 {
				t.Fatalf("targets %+v, want 1", res.Dataset.Targets)
			}
			tg := res.Dataset.Targets[0]
			if got := fmtOpt(tg.Target); got != tt.target {
				t.Errorf("target %s, want %s", got, tt.target)
			}
			if got := fmtOpt(tg.Floor); got != tt.floor {
				t.Errorf("floor %s, want %s", got, tt.floor)
			}
			checkWarnings(t, res.Warnings, []string{"percentages from"}, tt.want)
		})
	}
}

// TestAllFractionsSaid: a percentage row whose figures and targets are
// all fractions of 1 in cells whose number format fixes their places is
// kept as given, 0.46 as 0.46%, and said; in General format, as Power
// BI's "Export data" writes them, nothing in the file tells 0.239 meant
// as 23.9% from 0.239%, so the file is refused as a CSV is (QA33 F5),
// rather than every output showing a re-referral rate of 0.2%. A row of
// true small percentages is not said, nor one whose cells each say "%".
func TestAllFractionsSaid(t *testing.T) {
	tests := []struct {
		name   string
		rows   [][]any
		format string // the figures' number format; "" is General
		want   []string
		refuse string
	}{
		{"a (%) row of fractions formatted 0.00",
			[][]any{{"Ref", "Indicator", "Polarity", "Target", "Floor", "Apr-25", "May-25", "Jun-25"},
				{"P03", "All plain fractions (%)", "H", 0.45, 0.40, 0.46, 0.44, 0.39}},
			"0.00",
			[]string{"F2: P03: its figures here are all between 0 and 1 (0.39 to 0.46), as are its targets, and are read as percentages, 0.46 as 0.46%: if they are fractions of 1 (46%)"}, ""},
		{"a (%) row of fractions in General format",
			[][]any{{"Ref", "Indicator", "Polarity", "Target", "Floor", "Apr-25", "May-25", "Jun-25"},
				{"P03", "All plain fractions (%)", "H", 0.45, 0.40, 0.46, 0.44, 0.39}},
			"",
			nil, `Scorecard!F2: refused: P03 is a percentage, but its figures here are all between 0 and 1 (0.39 to 0.46), as are its targets: 0.46 could be 46% written as a fraction of 1, as Power BI and SQL exports write percentages, or 0.46%, and its cells are in General format, which shows a number as stored and tells neither; if they are fractions of 1, format the cells as percentages or write its Unit as "Proportion" (read as 46%)`},
		{"Power BI's underlying data: a re-referral rate in General format",
			[][]any{{"Month", "Measure", "Value"},
				{"Apr-25", "Re-referral rate (%)", 0.239}, {"May-25", "Re-referral rate (%)", 0.221}, {"Jun-25", "Re-referral rate (%)", 0.197}},
			"",
			nil, `Scorecard!C2: refused: RRR-`},
		{"a fraction whose hundredfold is binary noise", // 0.55*100 is 55.00000000000001 (QA19 D9)
			[][]any{{"Ref", "Indicator", "Polarity", "Apr-25", "May-25"},
				{"P06", "Care leavers in EET (%)", "H", 0.55, 0.61}},
			"0.00",
			[]string{"D2: P06: its figures here are all between 0 and 1 (0.55 to 0.61) and are read as percentages, 0.55 as 0.55%: if they are fractions of 1 (55%)"}, ""},
		{"a proportion of fractions without targets",
			[][]any{{"Ref", "Indicator", "Polarity", "Apr-25", "May-25"},
				{"P05", "Proportion of children seen", "H", 0.95, 0.85}},
			"0.0",
			[]string{"D2: P05: its figures here are all between 0 and 1 (0.85 to 0.95) and are read as percentages"}, ""},
		{"true small percentages in General format",
			[][]any{{"Ref", "Indicator", "Polarity", "Apr-25", "May-25"},
				{"ED09", "Pupils permanently excluded (%)", "L", 0.06, 0.08}},
			"",
			nil, ""},
		{"percentages below 1 written with their %",
			[][]any{{"Ref", "Indicator", "Polarity", "Apr-25", "May-25"},
				{"ED10", "Pupils missing education (%)", "L", "0.3%", "0.5%"}},
			"",
			nil, ""},
		{"proved by their parts",
			[][]any{{"Ref", "Indicator", "Polarity", "Numerator", "Denominator", "Apr-25"},
				{"CIC03", "Children placed with in-house foster carers (%)", "H", 1, 114, 0.88}},
			"",
			nil, ""},
		{"a count",
			[][]any{{"Ref", "Indicator", "Polarity", "Apr-25", "May-25"},
				{"C01", "Number of children", "H", 0, 1}},
			"",
			nil, ""},
		// The cell says % itself (QA33 F13: "0.5%" was warned of as
		// possibly 50%); beside a figure without it, still said where
		// a format fixes its places, and refused in General format.
		{"written with its %",
			[][]any{{"Ref", "Indicator", "Unit", "Apr-25", "May-25"},
				{"T11", "Children missing education (%)", "%", "0.5%", "0.4%"}},
			"",
			nil, ""},
		{"written with its % beside one formatted without",
			[][]any{{"Ref", "Indicator", "Unit", "Apr-25", "May-25"},
				{"T12", "Children missing education (%)", "%", "0.5%", 0.4}},
			"0.0",
			[]string{"D2: T12: its figures here are all between 0 and 1 (0.4 to 0.5) and are read as percentages"}, ""},
		{"written with its % beside one in General format",
			[][]any{{"Ref", "Indicator", "Unit", "Apr-25", "May-25"},
				{"T12", "Children missing education (%)", "%", "0.5%", 0.4}},
			"",
			nil, "Scorecard!D2: refused: T12 is a percentage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			b.sheet("Scorecard")
			for r, row := range tt.rows {
				b.row("Scorecard", fmt.Sprintf("A%d", r+1), row...)
			}
			if tt.format != "" {
				last, _ := excelize.CoordinatesToCellName(len(tt.rows[1]), len(tt.rows))
				b.style("Scorecard", "D2", last, &excelize.Style{CustomNumFmt: &tt.format})
			}
			res, err := Read(context.Background(), b.save("book.xlsx"), Options{})
			if tt.refuse != "" {
				if err == nil || !strings.Contains(err.Error(), tt.refuse) {
					t.Fatalf("err = %v, want it to contain %q", err, tt.refuse)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkWarnings(t, res.Warnings, []string{"between 0 and 1"}, tt.want)
		})
	}
}

func fmtOpt(v *float64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%g", *v)
}

// checkWarnings compares the warnings whose text holds any of about,
// each "cell: message", with want, each a prefix, in order.
func checkWarnings(t *testing.T, warnings []app.Warning, about []string, want []string) {
	t.Helper()
	var got []string
	for _, w := range warnings {
		for _, a := range about {
			if strings.Contains(w.Message, a) {
				got = append(got, w.Cell+": "+w.Message)
				break
			}
		}
	}
	if len(got) != len(want) {
		t.Fatalf("warnings %q, want %d like %q", got, len(want), want)
	}
	for i := range got {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("warning %q, want it to begin %q", got[i], want[i])
		}
	}
}

// TestLoneFractionBesideHeld: a one-month Power BI CSV gives each measure
// one figure, so a percentage written as 0.25 was never refused as the
// CSV's fractions of several months are: it was stored as 0.25% beside
// the store's own 21.5 to 24.0%, and rated a hundredfold improvement
// (QA29 5, pbi08.csv). Beside held figures all above 1 it is refused at
// its line, saying how to write either reading; with none held, or held
// figures below 1 too, or written with its "%", it is read as before.
func TestLoneFractionBesideHeld(t *testing.T) {
	held := func(vs ...float64) func(string) []app.Observation {
		return func(ref string) []app.Observation {
			var obs []app.Observation
			for i, v := range vs {
				obs = append(obs, app.Observation{Ref: ref, Area: "Kent", Period: app.MonthOf(2025, time.Month(4+i)), Value: app.Float(v)})
			}
			return obs
		}
	}
	const body = "Ref,Indicator,Unit,Period,Value\nCS02,Percentage of re-referrals within 12 months,%,Aug-25,%s\n"
	tests := []struct {
		name    string
		value   string
		held    func(string) []app.Observation
		refused string // "" for read as given
	}{
		{"held figures all above 1", "0.25", held(21.5, 23, 24),
			`refused: CS02 is a percentage, but its figure here is 0.25, below 1, where the store holds its 3 figures from 21.5 to 24: 0.25 is likely 25% written as a fraction of 1, as Power BI and SQL exports write percentages, and a CSV keeps no cell format to tell; if it is a fraction of 1, write its Unit as "Proportion" or give it as a percentage (25); if it is truly 0.25%, write it with its % sign ("0.25%")`},
		{"nothing held", "0.25", nil, ""},
		{"held figures below 1 too", "0.25", held(0.4, 0.3), ""},
		{"written with its % sign", "0.25%", held(21.5, 23, 24), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeCSV(t, strings.Replace(body, "%s", tt.value, 1)), Options{Held: tt.held})
			if tt.refused != "" {
				var se *app.SourceError
				if !errors.As(err, &se) || se.Location.Cell != "line 2" || se.Err.Error() != tt.refused {
					t.Fatalf("got %v, want refused at line 2: %s", err, tt.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Dataset.Observations) != 1 || !approx(res.Dataset.Observations[0].Value, 0.25) {
				t.Errorf("read %+v, want 0.25 as given", res.Dataset.Observations)
			}
		})
	}
}
