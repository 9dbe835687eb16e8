package importer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// namedSheet is one sheet of a test workbook: its name and rows from A1.
type namedSheet struct {
	name string
	rows [][]any
}

// sheetsBook writes sheets, in order, to a new workbook with the book
// helper.
func sheetsBook(t *testing.T, sheets ...namedSheet) string {
	t.Helper()
	b := newBook(t)
	for _, sh := range sheets {
		b.sheet(sh.name)
		for r, row := range sh.rows {
			b.row(sh.name, fmt.Sprintf("A%d", r+1), row...)
		}
	}
	return b.save("book.xlsx")
}

// refNames are a dataset's indicators as "REF name", in order.
func refNames(d *app.Dataset) []string {
	var got []string
	for _, ind := range d.Indicators {
		got = append(got, ind.Ref+" "+ind.Name)
	}
	return got
}

// TestNamesFiledUnderRefs: a name on a sheet with no Ref column that is
// the name of one indicator with a Ref, on another sheet of the file or
// in the store, is filed under that Ref and said at its cell, so that a
// figure the two sheets give differently is caught as any two sheets'
// are. It had made a second indicator of its own name (QA21 M4), the two
// Mar-25 figures differing with nothing said. Where the name is two
// Refs', none is guessed.
func TestNamesFiledUnderRefs(t *testing.T) {
	summary := namedSheet{"Summary", [][]any{
		{"Kent Scorecard March 2025"}, {},
		{"Ref", "Indicator", "Jan-25", "Feb-25", "Mar-25"},
		{"CLA1", "Number of children looked after", 1300, 1310, 1320},
		{"CP1", "Number of children on a child protection plan", 600, 610, 620},
	}}
	detail := func(name string) namedSheet {
		return namedSheet{"CP detail", [][]any{
			{"Kent Scorecard March 2025"}, {},
			{"Indicator", "Jan-25", "Feb-25", "Mar-25"},
			{name, 600, 610, 625},
			{"CP plans lasting 2 years or more (%)", 3.0, 3.5, 4.0},
		}}
	}
	plain := detail("Number of children on a child protection plan")
	type cellWarn struct{ sheet, cell, prefix string }
	tests := []struct {
		name   string
		sheets []namedSheet
		store  []app.Indicator
		refs   []string
		obs    []string
		warns  []cellWarn
		never  []string // no warning contains it
	}{{
		name:   "a Ref sheet of the file gives the name",
		sheets: []namedSheet{summary, plain},
		refs:   []string{"CLA1 Number of children looked after", "CP1 Number of children on a child protection plan", "CPL2YM-1643 CP plans lasting 2 years or more (%)"},
		obs: []string{"CLA1 Feb-25 1310", "CLA1 Jan-25 1300", "CLA1 Mar-25 1320", "CP1 Feb-25 610", "CP1 Jan-25 600", "CP1 Mar-25 620",
			"CPL2YM-1643 Feb-25 3.5", "CPL2YM-1643 Jan-25 3", "CPL2YM-1643 Mar-25 4"},
		warns: []cellWarn{
			{"CP detail", "A4", `"Number of children on a child protection plan" filed under CP1, the indicator of the same name on Summary!B5, not under NCCPP-5570 made from the name`},
			{"CP detail", "D4", "CP1 Kent Mar-25: 625 here but 620 at Summary!E5; kept Summary!E5"},
			{"CP detail", "A3", `no Ref column: the 2 indicators below are known by their names, each filed under a ref made from its name: CP1 "Number of children on a child protection plan" (the Ref of the same name, said at its cell), CPL2YM-1643`},
		},
	}, {
		name:   "the sheet keyed by names comes first",
		sheets: []namedSheet{plain, summary},
		refs:   []string{"CP1 Number of children on a child protection plan", "CPL2YM-1643 CP plans lasting 2 years or more (%)", "CLA1 Number of children looked after"},
		obs: []string{"CLA1 Feb-25 1310", "CLA1 Jan-25 1300", "CLA1 Mar-25 1320", "CP1 Feb-25 610", "CP1 Jan-25 600", "CP1 Mar-25 625",
			"CPL2YM-1643 Feb-25 3.5", "CPL2YM-1643 Jan-25 3", "CPL2YM-1643 Mar-25 4"},
		warns: []cellWarn{
			{"CP detail", "A4", `"Number of children on a child protection plan" filed under CP1, the indicator of the same name on Summary!B5`},
			{"Summary", "E5", "CP1 Kent Mar-25: 620 here but 625 at CP detail!D4; kept CP detail!D4"},
		},
	}, {
		name:   "the store gives the name, written otherwise",
		sheets: []namedSheet{detail("number of children on a Child Protection Plan")},
		store:  []app.Indicator{{Ref: "CP1", Name: "Number of children on a child protection plan"}},
		refs:   []string{"CP1 number of children on a Child Protection Plan", "CPL2YM-1643 CP plans lasting 2 years or more (%)"},
		obs: []string{"CP1 Feb-25 610", "CP1 Jan-25 600", "CP1 Mar-25 625",
			"CPL2YM-1643 Feb-25 3.5", "CPL2YM-1643 Jan-25 3", "CPL2YM-1643 Mar-25 4"},
		warns: []cellWarn{{"CP detail", "A4", `"number of children on a Child Protection Plan" filed under CP1, the indicator of the same name in the store`}},
	}, {
		name:   "the name is two Refs'",
		sheets: []namedSheet{summary, plain},
		store:  []app.Indicator{{Ref: "CP9", Name: "Number of children on a child protection plan"}},
		refs:   []string{"CLA1 Number of children looked after", "CP1 Number of children on a child protection plan", "NCCPP-5570 Number of children on a child protection plan", "CPL2YM-1643 CP plans lasting 2 years or more (%)"},
		obs: []string{"CLA1 Feb-25 1310", "CLA1 Jan-25 1300", "CLA1 Mar-25 1320", "CP1 Feb-25 610", "CP1 Jan-25 600", "CP1 Mar-25 620",
			"CPL2YM-1643 Feb-25 3.5", "CPL2YM-1643 Jan-25 3", "CPL2YM-1643 Mar-25 4",
			"NCCPP-5570 Feb-25 610", "NCCPP-5570 Jan-25 600", "NCCPP-5570 Mar-25 625"},
		warns: []cellWarn{{"CP detail", "A4", `"Number of children on a child protection plan" kept under NCCPP-5570 made from the name, not guessed: indicators of the same name have the Refs CP1 (Summary!B5) and CP9 (the store)`}},
	}, {
		// A ref the store holds from an earlier month's sheet keyed
		// by names is that name's own, not a Ref to file it under.
		name:   "the store's ref is made from the name",
		sheets: []namedSheet{plain},
		store:  []app.Indicator{{Ref: "NCCPP-5570", Name: "Number of children on a child protection plan"}},
		refs:   []string{"NCCPP-5570 Number of children on a child protection plan", "CPL2YM-1643 CP plans lasting 2 years or more (%)"},
		obs: []string{"CPL2YM-1643 Feb-25 3.5", "CPL2YM-1643 Jan-25 3", "CPL2YM-1643 Mar-25 4",
			"NCCPP-5570 Feb-25 610", "NCCPP-5570 Jan-25 600", "NCCPP-5570 Mar-25 625"},
		never: []string{"the indicator of the same name", "not guessed"},
	}, {
		// Filed under the Ref, one row would be skipped as the other's.
		name: "the name under two sections",
		sheets: []namedSheet{summary, {"CP detail", [][]any{
			{"Kent Scorecard March 2025"}, {},
			{"Indicator", "Jan-25", "Feb-25", "Mar-25"},
			{"Early help"},
			{"Number of children on a child protection plan", 10, 11, 12},
			{"Social care"},
			{"Number of children on a child protection plan", 600, 610, 625},
		}}},
		refs: []string{"CLA1 Number of children looked after", "CP1 Number of children on a child protection plan", "NCCPPE-9763 Number of children on a child protection plan", "NCCPPS-1331 Number of children on a child protection plan"},
		obs: []string{"CLA1 Feb-25 1310", "CLA1 Jan-25 1300", "CLA1 Mar-25 1320", "CP1 Feb-25 610", "CP1 Jan-25 600", "CP1 Mar-25 620",
			"NCCPPE-9763 Feb-25 11", "NCCPPE-9763 Jan-25 10", "NCCPPE-9763 Mar-25 12",
			"NCCPPS-1331 Feb-25 610", "NCCPPS-1331 Jan-25 600", "NCCPPS-1331 Mar-25 625"},
		warns: []cellWarn{
			{"CP detail", "A5", `"Early help / Number of children on a child protection plan" kept under NCCPPE-9763 made from the name and its section, not guessed: it is the name of CP1 (Summary!B5), as is another row of this sheet under another section`},
			{"CP detail", "A7", `"Social care / Number of children on a child protection plan" kept under NCCPPS-1331`},
		},
		never: []string{"row skipped", "filed under CP1"},
	}, {
		// A footnote mark may mean other children: such a name keeps
		// a ref of its own (namedmarks.go).
		name:   "a marked name",
		sheets: []namedSheet{summary, detail("Number of children on a child protection plan*")},
		refs:   []string{"CLA1 Number of children looked after", "CP1 Number of children on a child protection plan", "NCCPP-6372 Number of children on a child protection plan*", "CPL2YM-1643 CP plans lasting 2 years or more (%)"},
		obs: []string{"CLA1 Feb-25 1310", "CLA1 Jan-25 1300", "CLA1 Mar-25 1320", "CP1 Feb-25 610", "CP1 Jan-25 600", "CP1 Mar-25 620",
			"CPL2YM-1643 Feb-25 3.5", "CPL2YM-1643 Jan-25 3", "CPL2YM-1643 Mar-25 4",
			"NCCPP-6372 Feb-25 610", "NCCPP-6372 Jan-25 600", "NCCPP-6372 Mar-25 625"},
		never: []string{"filed under CP1", "not guessed"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), sheetsBook(t, tt.sheets...), Options{Indicators: tt.store})
			if err != nil {
				t.Fatal(err)
			}
			if got := refNames(res.Dataset); !slices.Equal(got, tt.refs) {
				t.Errorf("indicators\n got %q\nwant %q", got, tt.refs)
			}
			if got := obsLines(res.Dataset); !slices.Equal(got, tt.obs) {
				t.Errorf("figures\n got %q\nwant %q", got, tt.obs)
			}
			for _, w := range tt.warns {
				if !slices.ContainsFunc(res.Warnings, func(g app.Warning) bool {
					return g.Sheet == w.sheet && g.Cell == w.cell && strings.HasPrefix(g.Message, w.prefix)
				}) {
					t.Errorf("no warning at %s!%s starting %q:\n%s", w.sheet, w.cell, w.prefix, warningLines(res))
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

// twoServices is a workbook of two sheets keyed by names, "Early Help"
// and "Social Care", each giving the rows rows under the heading head
// (title and header rows before them, for the month title).
func twoServices(t *testing.T, title string, head []any, early, social [][]any) string {
	t.Helper()
	sheet := func(name string, rows [][]any) namedSheet {
		return namedSheet{name, append([][]any{{title}, {}, head}, rows...)}
	}
	return sheetsBook(t, sheet("Early Help", early), sheet("Social Care", social))
}

// TestSameNameOnTwoNamedSheets: the same name on two sheets keyed by
// names that give it another polarity or unit, or another figure for
// the same period, is two indicators, each keyed by its sheet's name and
// its own and said at its name's cell; two that agree stay one. Social
// Care's "Number of referrals" had been merged into Early Help's, its
// figures dropped and its polarity lost (QA21 M6).
func TestSameNameOnTwoNamedSheets(t *testing.T) {
	head := []any{"Indicator", "Polarity", "Unit", "Jan-25", "Feb-25", "Mar-25"}
	tests := []struct {
		name          string
		early, social [][]any
		refs          []string // "REF name polarity unit"
		obs           []string
		warns         []string // "Sheet!Cell: start of the message"
		never         string   // no warning contains it
	}{{
		name:   "polarity differs",
		early:  [][]any{{"Number of referrals", "Low", "Count", 400, 420, 410}},
		social: [][]any{{"Number of referrals", "High", "Count", 150, 160, 170}},
		refs:   []string{"NREH-8800 Number of referrals L count", "NRSC-6954 Number of referrals H count"},
		obs: []string{"NREH-8800 Feb-25 420", "NREH-8800 Jan-25 400", "NREH-8800 Mar-25 410",
			"NRSC-6954 Feb-25 160", "NRSC-6954 Jan-25 150", "NRSC-6954 Mar-25 170"},
		warns: []string{
			`Early Help!A4: "Number of referrals" filed under NREH-8800, keyed by the sheet's name "Early Help" and its own, not under NR-3343 made from the name: sheet "Social Care" gives the same name polarity H at Social Care!B4 where this sheet gives L`,
			`Social Care!A4: "Number of referrals" filed under NRSC-6954, keyed by the sheet's name "Social Care" and its own, not under NR-3343 made from the name: sheet "Early Help" gives the same name polarity L at Early Help!B4 where this sheet gives H`,
		},
		never: "here but",
	}, {
		name:   "unit differs",
		early:  [][]any{{"Re-referrals", "Low", "%", 20.0, 21.0, 22.0}},
		social: [][]any{{"Re-referrals", "Low", "Rate per 10,000", 20.0, 21.0, 22.0}},
		refs:   []string{"RREH-7279 Re-referrals L %", "RRSC-5647 Re-referrals L per 10k"},
		obs: []string{"RREH-7279 Feb-25 21", "RREH-7279 Jan-25 20", "RREH-7279 Mar-25 22",
			"RRSC-5647 Feb-25 21", "RRSC-5647 Jan-25 20", "RRSC-5647 Mar-25 22"},
		warns: []string{
			`Early Help!A4: "Re-referrals" filed under RREH-7279, keyed by the sheet's name "Early Help"`,
			`Social Care!A4: "Re-referrals" filed under RRSC-5647, keyed by the sheet's name "Social Care"`,
		},
		never: "where the file first gave it",
	}, {
		name:   "a figure differs",
		early:  [][]any{{"Number of referrals", nil, nil, 400, 420, 410}},
		social: [][]any{{"Number of referrals", nil, nil, 400, 420, 170}},
		refs:   []string{"NREH-8800 Number of referrals  count", "NRSC-6954 Number of referrals  count"},
		obs: []string{"NREH-8800 Feb-25 420", "NREH-8800 Jan-25 400", "NREH-8800 Mar-25 410",
			"NRSC-6954 Feb-25 420", "NRSC-6954 Jan-25 400", "NRSC-6954 Mar-25 170"},
		warns: []string{
			`Early Help!A4: "Number of referrals" filed under NREH-8800, keyed by the sheet's name "Early Help" and its own, not under NR-3343 made from the name: sheet "Social Care" gives the same name Kent Mar-25 as 170 at Social Care!F4 where this sheet gives 410`,
			`Social Care!A4: "Number of referrals" filed under NRSC-6954`,
		},
		never: "here but",
	}, {
		// One measure shown on two sheets: one indicator, as before.
		name:   "the two agree",
		early:  [][]any{{"Number of referrals", "Low", "Count", 400, 420, 410}},
		social: [][]any{{"Number of referrals", nil, "Count", nil, 420, 410}},
		refs:   []string{"NR-3343 Number of referrals L count"},
		obs:    []string{"NR-3343 Feb-25 420", "NR-3343 Jan-25 400", "NR-3343 Mar-25 410"},
		never:  "keyed by the sheet's name",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustRead(t, twoServices(t, "Kent Scorecard March 2025", head, tt.early, tt.social))
			var refs []string
			for _, ind := range res.Dataset.Indicators {
				refs = append(refs, fmt.Sprintf("%s %s %s %s", ind.Ref, ind.Name, ind.Polarity, ind.Unit))
			}
			if !slices.Equal(refs, tt.refs) {
				t.Errorf("indicators\n got %q\nwant %q", refs, tt.refs)
			}
			if got := obsLines(res.Dataset); !slices.Equal(got, tt.obs) {
				t.Errorf("figures\n got %q\nwant %q", got, tt.obs)
			}
			for _, want := range tt.warns {
				if !slices.ContainsFunc(res.Warnings, func(w app.Warning) bool {
					return strings.HasPrefix(w.Sheet+"!"+w.Cell+": "+w.Message, want)
				}) {
					t.Errorf("no warning starting %q:\n%s", want, warningLines(res))
				}
			}
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, tt.never) {
					t.Errorf("warning %q, want none saying %q", w, tt.never)
				}
			}
		})
	}
}

// TestSameNameKeyedBySheetAcrossMonths: next month's workbook of the
// same layout keys each sheet's name as this month's did, so each
// service's figures join its own history: Social Care's Feb-25 and
// Mar-25 are filed under the same indicator both months, not Early
// Help's.
func TestSameNameKeyedBySheetAcrossMonths(t *testing.T) {
	months := []struct {
		title         string
		head          []any
		early, social []any
	}{
		{"Kent Scorecard March 2025", []any{"Indicator", "Polarity", "Jan-25", "Feb-25", "Mar-25"},
			[]any{"Number of referrals", "Low", 400, 420, 410}, []any{"Number of referrals", "High", 150, 160, 170}},
		{"Kent Scorecard April 2025", []any{"Indicator", "Polarity", "Feb-25", "Mar-25", "Apr-25"},
			[]any{"Number of referrals", "Low", 420, 410, 430}, []any{"Number of referrals", "High", 160, 170, 180}},
	}
	var got [2][]string
	for i, m := range months {
		res := mustRead(t, twoServices(t, m.title, m.head, [][]any{m.early}, [][]any{m.social}))
		got[i] = obsLines(res.Dataset)
		if n := countPrefix(res, `"Number of referrals" filed under`); n != 2 {
			t.Errorf("%s: %d warnings of a name keyed by its sheet, want one a sheet:\n%s", m.title, n, warningLines(res))
		}
	}
	want := [2][]string{
		{"NREH-8800 Feb-25 420", "NREH-8800 Jan-25 400", "NREH-8800 Mar-25 410", "NRSC-6954 Feb-25 160", "NRSC-6954 Jan-25 150", "NRSC-6954 Mar-25 170"},
		{"NREH-8800 Apr-25 430", "NREH-8800 Feb-25 420", "NREH-8800 Mar-25 410", "NRSC-6954 Apr-25 180", "NRSC-6954 Feb-25 160", "NRSC-6954 Mar-25 170"},
	}
	for i := range got {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("%s's figures\n got %q\nwant %q", months[i].title, got[i], want[i])
		}
	}
}
