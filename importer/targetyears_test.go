package importer

import (
	"slices"
	"strings"
	"testing"
)

// TestTargetHeadingYears: a year in a Target or Floor heading, however
// written, dates the targets it heads, and a plain heading beside it
// takes that year where nothing else of its role has one. "Target
// 24/25" had been read as a guess with no year, rating 2025/26's months
// against 2024/25's target and leaving 2024/25's unrated; "Target
// 2024/25" beside a plain "Floor" put the target in 2024/25 and the
// floor in 2025/26 (the latest month's year), so nothing was rated, with
// no warning.
func TestTargetHeadingYears(t *testing.T) {
	tests := []struct {
		target, floor string
		want          []string // targetsRead
		warnE1        string   // start of the warning at the floor's heading, "" for none
	}{
		{"Target 24/25", "Floor 24/25", []string{"2024/25 20/25"}, ""},
		{"Target 2024/25", "Floor 2024/25", []string{"2024/25 20/25"}, ""},
		{"Target 2024-25", "Floor 2024-25", []string{"2024/25 20/25"}, ""},
		{"Target 2024/2025", "Floor 2024/2025", []string{"2024/25 20/25"}, ""},
		{"Target FY 2024/25", "Floor FY 2024/25", []string{"2024/25 20/25"}, ""},
		{"FY24/25 Target", "FY24/25 Floor", []string{"2024/25 20/25"}, ""},
		{"Target (24-25)", "Floor (24-25)", []string{"2024/25 20/25"}, ""},
		{"Target 2024/25", "Floor", []string{"2024/25 20/25"},
			`column E "Floor" read as the year's floor for 2024/25, the year column D "Target 2024/25" names`},
		{"Target", "Floor 24/25", []string{"2024/25 20/25"},
			`column D "Target" read as the year's target for 2024/25`},
		// Two targets, one dated: the plain one is the latest month's
		// year's, as ever, and said to be a doubt.
		{"Target 2024/25", "Target", []string{"2024/25 20/-", "2025/26 25/-"},
			`column E "Target" names no year, beside columns that name 2024/25`},
		// Its neighbours' year being the latest month's, as it would
		// have been read anyway: nothing to say.
		{"Target 2025/26", "Floor", []string{"2025/26 20/25"}, ""},
		// A year alone names no kind of year: both refused, where they
		// had both been the latest month's year's, the second dropped.
		{"Target 2025", "Target 2026", nil,
			`column D "Target 2025" not read: "2025" names a year but not which kind: the year to March 2025, the year from April 2025 or calendar 2025; head it with the year it is for, such as Target 2024/25`},
		{"Target 2025/26", "Floor 2026", []string{"2025/26 20/-"},
			`column E "Floor 2026" not read: "2026" names a year but not which kind`},
		// Neither dated, beside months of two years: the latest month's
		// year, as ever, and said, as February and March are not rated.
		{"Target", "Floor", []string{"2025/26 20/25"},
			`column D "Target" names no year, and the months beside it run from Feb-25 to May-25, across two years: read as the year's target for the year of the latest month with figures`},
	}
	for _, tt := range tests {
		t.Run(tt.target+","+tt.floor, func(t *testing.T) {
			path := writeBook(t, "Scorecard", [][]any{
				{"Ref", "Indicator", "Polarity", tt.target, tt.floor, "Feb-25", "Mar-25", "Apr-25", "May-25"},
				{"QT0", "Re-referrals within 12 months (%)", "L", 20, 25, 21, 26, 21, 26},
			})
			res := mustRead(t, path)
			if got := targetsRead(res); !slices.Equal(got, tt.want) {
				t.Errorf("targets = %q, want %q", got, tt.want)
			}
			var notes []string
			for _, w := range res.Warnings {
				if w.Sheet == "Scorecard" && (w.Cell == "D1" || w.Cell == "E1") {
					notes = append(notes, w.Message)
				}
			}
			switch {
			case tt.warnE1 == "" && len(notes) > 0:
				t.Errorf("warned %q, want nothing at the headings", notes)
			case tt.warnE1 != "" && !slices.ContainsFunc(notes, func(m string) bool { return strings.HasPrefix(m, tt.warnE1) }):
				t.Errorf("warnings at the headings %q, want one starting %q", notes, tt.warnE1)
			}
		})
	}
}

// TestPlainTargetsWithinOneYear: a plain Target and Floor beside the
// months of one financial year are that year's, with nothing to say.
func TestPlainTargetsWithinOneYear(t *testing.T) {
	path := writeBook(t, "Scorecard", [][]any{
		{"Ref", "Indicator", "Polarity", "Target", "Floor", "Apr-25", "May-25", "Jun-25", "Jul-25"},
		{"QT0", "Re-referrals within 12 months (%)", "L", 20, 25, 21, 26, 21, 26},
	})
	res := mustRead(t, path)
	if got, want := targetsRead(res), []string{"2025/26 20/25"}; !slices.Equal(got, want) {
		t.Errorf("targets = %q, want %q", got, want)
	}
	for _, w := range res.Warnings {
		if w.Cell == "D1" || w.Cell == "E1" {
			t.Errorf("warned at %s: %s", w.Cell, w.Message)
		}
	}
}

// TestPlainTargetsBesideAPlaceholder: a Target and Floor naming no year
// are the year of the sheet's latest month with a figure in any row. A
// placeholder ("tbc") in next month's column is no figure: where every
// row has one, the targets had been read as the next year's, so that no
// month was rated, March's 13.5% against a floor of 12 included (QA24b
// L8). A row lagging the others, its April not yet in, takes the year
// the others' April figures give, not last year's (QA25 D3): a second
// year's targets under one heading had replaced last year's stored ones.
func TestPlainTargetsBesideAPlaceholder(t *testing.T) {
	tests := []struct {
		name string
		rows [][]any
		want []string
	}{
		{"every row's April tbc", [][]any{
			{"QT0", "Re-referrals within 12 months (%)", "L", 10, 12, 11, 12.5, 13.5, "tbc"},
			{"QT1", "Repeat plans (%)", "L", 20, 25, 21, 22, 23, "tbc"},
		}, []string{"2024/25 10/12", "2024/25 20/25"}},
		{"one row's April tbc, the other's in", [][]any{
			{"QT0", "Re-referrals within 12 months (%)", "L", 8, 9, 11, 12.5, 13.5, "tbc"},
			{"QT1", "Repeat plans (%)", "L", 20, 25, 21, 22, 23, 24},
		}, []string{"2025/26 20/25", "2025/26 8/9"}},
		{"one row's April blank, the other's in", [][]any{
			{"QT0", "Re-referrals within 12 months (%)", "L", 8, 9, 11, 12.5, 13.5, nil},
			{"QT1", "Repeat plans (%)", "L", 20, 25, 21, 22, 23, 24},
		}, []string{"2025/26 20/25", "2025/26 8/9"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeBook(t, "Scorecard", append([][]any{
				{"Ref", "Indicator", "Polarity", "Target", "Floor", "Jan-25", "Feb-25", "Mar-25", "Apr-25"},
			}, tt.rows...))
			res := mustRead(t, path)
			got := targetsRead(res)
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("targets = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPlainTargetsOfASecondTable (the workbook campaign's F5): a yearly
// table below a table of months, its plain Target and Floor beside
// academic years to 2025/26 with figures to 2024/25, takes its targets
// for 2024/25, its latest year with figures, as its warning says. The
// months above had dated them 2025/26 (the year of March 2026), a year
// with no figure, so nothing was rated against them.
func TestPlainTargetsOfASecondTable(t *testing.T) {
	path := writeBook(t, "Scorecard", [][]any{
		{"Ref", "Indicator", "Polarity", "Target", "Floor", "Jan-26", "Feb-26", "Mar-26"},
		{"CIC05", "Children in care with 3 or more placements (%)", "L", 10, 12, 11, 11.1, 11.2},
		{"Annual indicators (academic year)"},
		{"Ref", "Indicator", "Polarity", "Target", "Floor", "2022/23", "2023/24", "2024/25", "2025/26"},
		{"ED03", "Pupils persistently absent (%)", "L", 18, 22, 22.3, 21.2, 20, nil},
	})
	res := mustRead(t, path)
	if got, want := targetsRead(res), []string{"2025/26 10/12", "2024/25 18/22"}; !slices.Equal(got, want) {
		t.Errorf("targets = %q, want %q", got, want)
	}
	for _, w := range res.Warnings {
		if w.Cell == "D4" && !strings.Contains(w.Message, "the years beside it run from 2022/23 AY to 2025/26 AY: read as the year's target for the latest year with figures") {
			t.Errorf("D4: %s", w.Message)
		}
	}
}
