package importer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// TestNameKeyedBySheetInTheStore: workbooks with no Ref column read in
// turn, each with the indicators of those before it as the store's. Once
// a name is keyed by sheets (two sheets disagreed), a later workbook
// giving it on one sheet files it under the store's indicator of that
// sheet, said at its cell; on a sheet of another name it is kept apart,
// keyed by that sheet, and said; on two sheets that agree each is its
// own sheet's. Each had been filed under the name's own ref, a third
// indicator, the month's figure never meeting its sheet's history (and
// two sheets that agreed were merged into one series). The other way
// round, a workbook splitting a name the store holds under its own ref
// says that history is joined to neither sheet.
func TestNameKeyedBySheetInTheStore(t *testing.T) {
	head := func(months ...string) []any {
		h := []any{"Indicator", "Polarity"}
		for _, m := range months {
			h = append(h, m)
		}
		return h
	}
	march, april := head("Jan-25", "Feb-25", "Mar-25"), head("Feb-25", "Mar-25", "Apr-25")
	sheet := func(name, title string, head []any, rows ...[]any) namedSheet {
		return namedSheet{name, append([][]any{{title}, {}, head}, rows...)}
	}
	mar := func(name string, rows ...[]any) namedSheet {
		return sheet(name, "Kent Scorecard March 2025", march, rows...)
	}
	apr := func(name string, rows ...[]any) namedSheet {
		return sheet(name, "Kent Scorecard April 2025", april, rows...)
	}
	split := []namedSheet{
		mar("Early Help", []any{"Number of referrals", "Low", 400, 420, 410}),
		mar("Social Care", []any{"Number of referrals", "High", 150, 160, 170}),
	}
	once := []namedSheet{mar("Scorecard", []any{"Number of referrals", "Low", 400, 420, 410})}
	splitApril := []namedSheet{
		apr("Early Help", []any{"Number of referrals", "Low", 420, 410, 430}),
		apr("Social Care", []any{"Number of referrals", "High", 160, 170, 180}),
	}
	type warn struct{ at, has string } // "Sheet!Cell", part of the message
	tests := []struct {
		name    string
		earlier [][]namedSheet // workbooks read before, in turn
		later   []namedSheet
		refs    []string // the later workbook's indicators, "REF name polarity"
		obs     []string
		warns   []warn
		never   []string // no warning of the later workbook says it
	}{{
		name:    "on a sheet the store keys it by",
		earlier: [][]namedSheet{split},
		later:   []namedSheet{apr("Social Care", []any{"Number of referrals", "High", 160, 170, 180})},
		refs:    []string{"NRSC-6954 Number of referrals H"},
		obs:     []string{"NRSC-6954 Apr-25 180", "NRSC-6954 Feb-25 160", "NRSC-6954 Mar-25 170"},
		warns: []warn{{"Social Care!A4", `"Number of referrals" filed under NRSC-6954, the store's indicator of this name on the sheet "Social Care", not under NR-3343 made from the name: an earlier workbook gave the name on sheets that disagree, so the store keys it by each sheet's name (NREH-8800, NRSC-6954), and this sheet's figures join its own history`},
			{"Social Care!A3", `NRSC-6954 "Number of referrals"`}},
	}, {
		name:    "on a sheet of another name",
		earlier: [][]namedSheet{split},
		later:   []namedSheet{apr("Summary", []any{"Number of referrals", "High", 160, 170, 180})},
		refs:    []string{"NRS-0910 Number of referrals H"},
		obs:     []string{"NRS-0910 Apr-25 180", "NRS-0910 Feb-25 160", "NRS-0910 Mar-25 170"},
		warns:   []warn{{"Summary!A4", `"Number of referrals" kept apart under NRS-0910, keyed by the sheet's name "Summary" and its own, not under NR-3343 made from the name nor under any the store holds: an earlier workbook gave the name on sheets that disagree, so the store keys it by each sheet's name (NREH-8800, NRSC-6954), none of them this sheet's, and which of those measures this sheet gives (if either) is not guessed`}},
		never:   []string{"filed under NRSC-6954", "filed under NREH-8800"},
	}, {
		// Early Help has no April figure yet, Social Care only April's:
		// nothing disagrees, yet they are two services' series.
		name:    "on both sheets, agreeing",
		earlier: [][]namedSheet{split},
		later: []namedSheet{
			apr("Early Help", []any{"Number of referrals", "Low", 420, 410, nil}),
			apr("Social Care", []any{"Number of referrals", nil, nil, nil, 180}),
		},
		refs: []string{"NREH-8800 Number of referrals L", "NRSC-6954 Number of referrals "},
		obs:  []string{"NREH-8800 Feb-25 420", "NREH-8800 Mar-25 410", "NRSC-6954 Apr-25 180"},
		warns: []warn{{"Early Help!A4", `"Number of referrals" filed under NREH-8800, the store's indicator of this name on the sheet "Early Help"`},
			{"Social Care!A4", `"Number of referrals" filed under NRSC-6954, the store's indicator of this name on the sheet "Social Care"`}},
	}, {
		name:    "under a section heading",
		earlier: [][]namedSheet{{mar("Early Help", []any{"Front door"}, []any{"Number of referrals", "Low", 400, 420, 410}), mar("Social Care", []any{"Front door"}, []any{"Number of referrals", "High", 150, 160, 170})}},
		later:   []namedSheet{apr("Social Care", []any{"Front door"}, []any{"Number of referrals", "High", 160, 170, 180})},
		refs:    []string{"NRFDSC-4130 Number of referrals H"},
		obs:     []string{"NRFDSC-4130 Apr-25 180", "NRFDSC-4130 Feb-25 160", "NRFDSC-4130 Mar-25 170"},
		warns:   []warn{{"Social Care!A5", `"Front door / Number of referrals" filed under NRFDSC-4130, the store's indicator of this name on the sheet "Social Care", not under NRFD-6855 made from the name`}},
	}, {
		name:    "with a footnote mark",
		earlier: [][]namedSheet{{mar("Early Help", []any{"Number of referrals*", "Low", 400, 420, 410}), mar("Social Care", []any{"Number of referrals*", "High", 150, 160, 170})}},
		later:   []namedSheet{apr("Social Care", []any{"Number of referrals*", "High", 160, 170, 180})},
		refs:    []string{"NRSC-2600 Number of referrals* H"},
		obs:     []string{"NRSC-2600 Apr-25 180", "NRSC-2600 Feb-25 160", "NRSC-2600 Mar-25 170"},
		warns:   []warn{{"Social Care!A4", `"Number of referrals*" filed under NRSC-2600, the store's indicator of this name on the sheet "Social Care"`}},
	}, {
		// The other way round: the name's own ref keeps what it has.
		name:    "split after the name was given once",
		earlier: [][]namedSheet{once},
		later:   splitApril,
		refs:    []string{"NREH-8800 Number of referrals L", "NRSC-6954 Number of referrals H"},
		obs: []string{"NREH-8800 Apr-25 430", "NREH-8800 Feb-25 420", "NREH-8800 Mar-25 410",
			"NRSC-6954 Apr-25 180", "NRSC-6954 Feb-25 160", "NRSC-6954 Mar-25 170"},
		warns: []warn{
			{"Early Help!A4", `where this sheet gives L; the store's NR-3343, from an earlier workbook that gave the name on one sheet, keeps the history it has and is joined to neither sheet's indicator, as which sheet's measure it was is not guessed; if it was this sheet's measure, a Ref column giving NR-3343 on this row files them together`},
			{"Social Care!A4", `where this sheet gives H; the store's NR-3343, from an earlier workbook that gave the name on one sheet, keeps the history it has and is joined to neither sheet's indicator`},
		},
	}, {
		name:    "given once, then split, then on one sheet",
		earlier: [][]namedSheet{once, splitApril},
		later:   []namedSheet{apr("Early Help", []any{"Number of referrals", "Low", 420, 410, 430})},
		refs:    []string{"NREH-8800 Number of referrals L"},
		obs:     []string{"NREH-8800 Apr-25 430", "NREH-8800 Feb-25 420", "NREH-8800 Mar-25 410"},
		warns:   []warn{{"Early Help!A4", `filed under NREH-8800, the store's indicator of this name on the sheet "Early Help", not under NR-3343 made from the name: an earlier workbook gave the name on sheets that disagree, so the store keys it by each sheet's name (NREH-8800, NRSC-6954; and under NR-3343 from a workbook that gave the name once)`}},
	}, {
		// Sheets renamed each month: keyed with their dates, each
		// month's figures started two new indicators.
		name: "on sheets named for their month",
		earlier: [][]namedSheet{{
			mar("EH Mar 25", []any{"Number of referrals", "Low", 400, 420, 410}),
			mar("CSC Mar 25", []any{"Number of referrals", "High", 150, 160, 170}),
		}},
		later: []namedSheet{apr("CSC Apr 25", []any{"Number of referrals", "High", 160, 170, 180})},
		refs:  []string{"NRC-3801 Number of referrals H"},
		obs:   []string{"NRC-3801 Apr-25 180", "NRC-3801 Feb-25 160", "NRC-3801 Mar-25 170"},
		warns: []warn{{"CSC Apr 25!A4", `"Number of referrals" filed under NRC-3801, the store's indicator of this name on the sheet "CSC Apr 25" (as "csc", its date left out, so that the sheet renamed for another month continues it), not under NR-3343 made from the name`}},
	}, {
		// Two sheets of one workbook differing only in their dates are
		// never one indicator's: each is keyed by its whole name (QA25
		// D2), where the second sheet's figures had been dropped.
		name: "on two sheets of one workbook differing only in their dates",
		later: []namedSheet{
			mar("EH Feb 25", []any{"Number of referrals", "Low", 400, 420, nil}),
			mar("EH Mar 25", []any{"Number of referrals", "Low", 401, 421, 430}),
		},
		refs:  []string{"NREF2-9691 Number of referrals L", "NREM2-2724 Number of referrals L"},
		obs:   []string{"NREF2-9691 Feb-25 420", "NREF2-9691 Jan-25 400", "NREM2-2724 Feb-25 421", "NREM2-2724 Jan-25 401", "NREM2-2724 Mar-25 430"},
		warns: []warn{{"EH Feb 25!A4", `keyed by the sheet's name "EH Feb 25" (whole: another sheet's name differs from it only in its date) and its own`}},
	}, {
		// Numbers that are no date keep services apart.
		name: "on sheets of two teams named for one month",
		later: []namedSheet{
			mar("Team 12 Mar 25", []any{"Number of referrals", "Low", 400, 420, 410}),
			mar("Team 15 Mar 25", []any{"Number of referrals", "Low", 150, 160, 170}),
		},
		refs: []string{"NRT1-7262 Number of referrals L", "NRT1-0119 Number of referrals L"},
		obs:  []string{"NRT1-0119 Feb-25 160", "NRT1-0119 Jan-25 150", "NRT1-0119 Mar-25 170", "NRT1-7262 Feb-25 420", "NRT1-7262 Jan-25 400", "NRT1-7262 Mar-25 410"},
	}, {
		// Never split: the name's own ref, as before.
		name:    "given once, then once again",
		earlier: [][]namedSheet{once},
		later:   []namedSheet{apr("Scorecard", []any{"Number of referrals", "Low", 420, 410, 430})},
		refs:    []string{"NR-3343 Number of referrals L"},
		obs:     []string{"NR-3343 Apr-25 430", "NR-3343 Feb-25 420", "NR-3343 Mar-25 410"},
		never:   []string{"keyed by", "the store's", "the store keys"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var store []app.Indicator
			for i, sheets := range tt.earlier {
				res, err := Read(context.Background(), sheetsBook(t, sheets...), Options{Indicators: store})
				if err != nil {
					t.Fatalf("workbook %d: %v", i+1, err)
				}
				for _, ind := range res.Dataset.Indicators {
					if !slices.ContainsFunc(store, func(s app.Indicator) bool { return s.Ref == ind.Ref }) {
						store = append(store, ind)
					}
				}
			}
			res, err := Read(context.Background(), sheetsBook(t, tt.later...), Options{Indicators: store})
			if err != nil {
				t.Fatal(err)
			}
			var refs []string
			for _, ind := range res.Dataset.Indicators {
				refs = append(refs, fmt.Sprintf("%s %s %s", ind.Ref, ind.Name, ind.Polarity))
			}
			if !slices.Equal(refs, tt.refs) {
				t.Errorf("indicators\n got %q\nwant %q", refs, tt.refs)
			}
			if got := obsLines(res.Dataset); !slices.Equal(got, tt.obs) {
				t.Errorf("figures\n got %q\nwant %q", got, tt.obs)
			}
			for _, w := range tt.warns {
				if !slices.ContainsFunc(res.Warnings, func(g app.Warning) bool {
					return g.Sheet+"!"+g.Cell == w.at && strings.Contains(g.Message, w.has)
				}) {
					t.Errorf("no warning at %s saying %q:\n%s", w.at, w.has, warningLines(res))
				}
			}
			for _, never := range tt.never {
				for _, w := range res.Warnings {
					if strings.Contains(w.Message, never) {
						t.Errorf("warning %q, want none saying %q", w, never)
					}
				}
			}
		})
	}
}

// TestSheetWords: a sheet's date is left out of the words a name keyed by
// it is filed under, so that next month's sheet continues it; a number
// that is no date, and a name that is all date, are kept.
func TestSheetWords(t *testing.T) {
	for _, c := range []struct {
		sheet, words string
		dated        bool
	}{
		{"Early Help", "early help", false},
		{"EH Feb 25", "eh", true},
		{"CSC March 2025", "csc", true},
		{"CSC 2025-26", "csc", true},
		{"Social care Q1 2025/26", "social care", true},
		{"Team 12", "team 12", false},
		{"Team 12 Mar 25", "team 12", true},
		{"CL 17-18 Mar 25", "cl 17 18", true},
		{"CSC 2024-2025", "csc", true},
		{"Mar 25 CSC", "csc", true},
		{"Mar 25", "mar 25", false},
		{"2025", "2025", false},
	} {
		words, dated := sheetWords(c.sheet)
		if words != c.words || dated != c.dated {
			t.Errorf("sheetWords(%q) = %q, %v; want %q, %v", c.sheet, words, dated, c.words, c.dated)
		}
	}
}
