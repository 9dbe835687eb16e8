package importer

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"scorecard/app"
)

// targetsOf lists ref's targets as "YEAR target" and its months'
// milestones as "YEAR PERIOD target", sorted.
func targetsOf(d *app.Dataset, ref string) []string {
	var out []string
	for _, t := range d.Targets {
		if t.Ref != ref {
			continue
		}
		if t.Target != nil {
			out = append(out, fmt.Sprintf("%s %g", t.Year, *t.Target))
		}
		for _, l := range t.Levels {
			if l.Target != nil {
				out = append(out, fmt.Sprintf("%s %s %g", t.Year, l.Period, *l.Target))
			}
		}
	}
	slices.Sort(out)
	return out
}

// Months each merged over "Value | Target | RAG", "Actual | Target |
// Variance" or "No. | % | RAG" (QA21 M5: l3c, l3e, l3f) are read a month
// at a time, as "Value | RAG" is: the month's figure, its own target (a
// milestone of its year's), its RAG; a variance is said not read, being
// the figure less the target. Of "No." and "%", the row's stated unit
// picks the figure (a percentage's "No." is its numerator); a row whose
// unit nothing states is not read, said at its cell. Before, each stored
// no figure at all: "Value" was "a scorecard sheet's value column", the
// targets "skipped: no year in its heading", "No." and "%" unknown.
func TestMonthSubColumnSets(t *testing.T) {
	months := []any{"Feb-25", "Mar-25"}
	for _, tc := range []struct {
		name    string
		book    subBook
		ref     string
		marks   []string // marksOf
		parts   []string // partsOf, where the numerator matters
		targets []string
		warn    []string
		never   []string
	}{
		{
			name: "l3c: Value | Target | RAG",
			book: subBook{months: months, merge: true, subs: []string{"Value", "Target", "RAG"}, rows: [][]any{
				{"CLA1", "Number of children looked after", "L", 1310, 1200, "R", 1320, 1250, "R"}}},
			ref:     "CLA1",
			marks:   []string{"2025-02 1310 RED ", "2025-03 1320 RED "},
			targets: []string{"2024/25 2025-02 1200", "2024/25 2025-03 1250"},
			warn:    []string{`Scorecard!D1: Feb-25 to Mar-25 are each headed over sub-columns (Value | Target | RAG, D2:I2): each period's "Value" column read as its figure, its RAG column as the source's rating of that figure (not of the latest); its "Target" column as that period's own target, stored as its milestone within its financial (or academic) year`},
			never:   []string{"not read", "skipped"},
		},
		{
			name: "l3e: Actual | Target | Variance",
			book: subBook{months: months, merge: true, subs: []string{"Actual", "Target", "Variance"}, rows: [][]any{
				{"CLA1", "Number of children looked after", "L", 1310, 1200, 110, 1320, 1200, 120}}},
			ref:     "CLA1",
			marks:   []string{"2025-02 1310  ", "2025-03 1320  "},
			targets: []string{"2024/25 2025-02 1200", "2024/25 2025-03 1200"},
			warn: []string{
				`Scorecard!F2: column F "Variance" not read: under Feb-25 it is the "Actual" column less the "Target" column, which the app works out from them (and rates against the target) rather than store`,
				`Scorecard!I2: column I "Variance" not read: under Mar-25 it is the "Actual" column less the "Target" column`,
				`each period's "Actual" column read as its figure, its "Target" column as that period's own target`,
			},
			never: []string{"value column", "skipped", "not one the importer knows"},
		},
		// The months in the row above the header, whose Ref and
		// Indicator stand beside the sub-headings: read as captions,
		// every "Actual" was "a scorecard sheet's value column" and every
		// target "skipped: no year in its heading" (QA27b 8).
		{
			name: "Actual | Target under merged months above the header",
			book: subBook{months: months, merge: true, refBelow: true, subs: []string{"Actual", "Target"}, rows: [][]any{
				{"CLA1", "Number of children looked after", "L", 1310, 1200, 1320, 1250}}},
			ref:     "CLA1",
			marks:   []string{"2025-02 1310  ", "2025-03 1320  "},
			targets: []string{"2024/25 2025-02 1200", "2024/25 2025-03 1250"},
			warn:    []string{`Scorecard!D1: Feb-25 to Mar-25 are each headed over sub-columns (Actual | Target, D2:G2): each period's "Actual" column read as its figure, its "Target" column as that period's own target, stored as its milestone within its financial (or academic) year`},
			never:   []string{"not read", "skipped", "title"},
		},
		// Months in figures over the sub-columns, read as the header's
		// are: each had been "not one the importer knows" (QA27b).
		{
			name: "Actual | Target under merged YYYYMM months",
			book: subBook{months: []any{"202502", "202503"}, merge: true, subs: []string{"Actual", "Target"}, rows: [][]any{
				{"CLA1", "Number of children looked after", "L", 1310, 1200, 1320, 1250}}},
			ref:     "CLA1",
			marks:   []string{"2025-02 1310  ", "2025-03 1320  "},
			targets: []string{"2024/25 2025-02 1200", "2024/25 2025-03 1250"},
			warn:    []string{`Scorecard!D1: Feb-25 to Mar-25 are each headed over sub-columns (Actual | Target, D2:G2): each period's "Actual" column read as its figure, its "Target" column as that period's own target, stored as its milestone within its financial (or academic) year; the months headed "202502" to "202503", read as Feb-25 to Mar-25, written year then month (YYYYMM), as every such heading in the row is one and they run a month apart`},
			never:   []string{"not read", "skipped", "not one the importer knows"},
		},
		{
			name: "Actual | Target under YYYYMM months written once",
			book: subBook{months: []any{"202502", "202503"}, subs: []string{"Actual", "Target"}, rows: [][]any{
				{"CLA1", "Number of children looked after", "L", 1310, 1200, 1320, 1250}}},
			ref:     "CLA1",
			marks:   []string{"2025-02 1310  ", "2025-03 1320  "},
			targets: []string{"2024/25 2025-02 1200", "2024/25 2025-03 1250"},
			warn:    []string{`Scorecard!D1: Feb-25 to Mar-25 are each headed over sub-columns (Actual | Target, D2:G2): each period's "Actual" column read as its figure, its "Target" column as that period's own target, stored as its milestone within its financial (or academic) year; the months headed "202502" to "202503", read as Feb-25 to Mar-25, written year then month (YYYYMM)`},
			never:   []string{"not read", "skipped", "not one the importer knows", "columns D to"},
		},
		{
			name: "Actual | Target under MM/YY months written once above the header",
			book: subBook{months: []any{"02/25", "03/25"}, refBelow: true, subs: []string{"Actual", "Target"}, rows: [][]any{
				{"CLA1", "Number of children looked after", "L", 1310, 1200, 1320, 1250}}},
			ref:     "CLA1",
			marks:   []string{"2025-02 1310  ", "2025-03 1320  "},
			targets: []string{"2024/25 2025-02 1200", "2024/25 2025-03 1250"},
			warn:    []string{`Scorecard!D1: Feb-25 to Mar-25 are each headed over sub-columns (Actual | Target, D2:G2): each period's "Actual" column read as its figure`, `; the months headed "02/25" to "03/25", read as Feb-25 to Mar-25, written month/year (MM/YY), as every such heading in the row is one and they run a month apart`},
			never:   []string{"not read", "skipped", "not one the importer knows", "title"},
		},
		{
			name: "Target | Actual under months written once above the header",
			book: subBook{months: months, refBelow: true, subs: []string{"Target", "Actual"}, rows: [][]any{
				{"CLA1", "Number of children looked after", "L", 1200, 1310, 1250, 1320}}},
			ref:     "CLA1",
			marks:   []string{"2025-02 1310  ", "2025-03 1320  "},
			targets: []string{"2024/25 2025-02 1200", "2024/25 2025-03 1250"},
			warn:    []string{`Scorecard!D1: Feb-25 to Mar-25 are each headed over sub-columns (Target | Actual, D2:G2): each period's "Actual" column read as its figure, its "Target" column as that period's own target`},
			never:   []string{"not read", "skipped", "title"},
		},
		{
			name: "a cohort's row under Value | Target gives the indicator no target",
			book: subBook{months: months, merge: true, subs: []string{"Value", "Target"}, rows: [][]any{
				{"CLA1", "Number of children looked after", "L", 1310, 1200, 1320, 1250},
				{nil, "of which UASC", nil, 100, 90, 110, 95}}},
			ref:     "CLA1",
			marks:   []string{"2025-02 1310  ", "2025-03 1320  "},
			targets: []string{"2024/25 2025-02 1200", "2024/25 2025-03 1250"},
			warn: []string{`Scorecard!E4: CLA1: Feb-25 target 90 on a row of a district or cohort not read: an indicator's targets are read from the row of Leeds, all children`,
				`Scorecard!G4: CLA1: Mar-25 target 95 on a row of a district or cohort not read`},
			never: []string{"differs", "skipped"},
		},
		{
			name: "l3f: No. | % | RAG of a percentage: the %, with No. as its numerator",
			book: subBook{months: months, merge: true, subs: []string{"No.", "%", "RAG"}, rows: [][]any{
				{"CIN2", "% re-referrals within 12 months", "L", 80, 20.0, "G", 84, 21.0, "A"}}},
			ref:   "CIN2",
			marks: []string{"2025-02 20 GREEN ", "2025-03 21 AMBER "},
			parts: []string{"2025-02 20 80/-", "2025-03 21 84/-"},
			warn:  []string{`Scorecard!D1: Feb-25 to Mar-25 are each headed over sub-columns (No. | % | RAG, D2:I2): each period's figure read from one of its columns by the row's unit, its RAG column as the source's rating of that figure (not of the latest); the "%" as a percentage's or rate's figure, with the "No." as a percentage's numerator, and the "No." as a count's figure, the "%" then not read; each row's unit (its Unit column, name or stored definition) decides, and a row whose unit none of these says is not read, said at its cells`},
			never: []string{"not read:", "skipped"},
		},
		{
			name: "No. | % of a count: the No.",
			book: subBook{months: months, merge: true, subs: []string{"No.", "%"}, rows: [][]any{
				{"CIN9", "Number of re-referrals within 12 months", "L", 80, 20.0, 84, 21.0}}},
			ref:   "CIN9",
			marks: []string{"2025-02 80  ", "2025-03 84  "},
			parts: []string{"2025-02 80 -/-", "2025-03 84 -/-"},
			warn: []string{`Scorecard!E2: column E "%" under Feb-25 not read for CIN9, a count, nor for any other count's row: a count's figure is the "No." column beside it`,
				`Scorecard!G2: column G "%" under Mar-25 not read for CIN9`},
			never: []string{"not read:", "skipped"},
		},
		{
			name: "No. | % of a unit nothing states: neither, said at the cell",
			book: subBook{months: months, merge: true, subs: []string{"No.", "%", "RAG"}, rows: [][]any{
				{"CIN2", "Re-referrals within 12 months", "L", 80, 20.0, "G", 84, 21.0, "A"}}},
			ref: "CIN2",
			warn: []string{
				`Scorecard!E3: CIN2: Feb-25's "No." and "%" columns not read: the indicator's Unit column, name and stored definition do not say whether it is a count (the "No." column's figure) or a percentage (the "%" column's); give a Unit column ("Number" or "%"), or name it "Number of ..." or "% of ..."`,
				`Scorecard!H3: CIN2: Mar-25's "No." and "%" columns not read`,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(context.Background(), tc.book.save(t), Options{Authority: authorityNamed(t, "Leeds")})
			if err != nil {
				t.Fatal(err)
			}
			if got := marksOf(res.Dataset, tc.ref); !slices.Equal(got, tc.marks) {
				t.Errorf("figures = %q, want %q", got, tc.marks)
			}
			if tc.parts != nil {
				if got := partsOf(res.Dataset, tc.ref, "Leeds"); !slices.Equal(got, tc.parts) {
					t.Errorf("parts = %q, want %q", got, tc.parts)
				}
			}
			if got := targetsOf(res.Dataset, tc.ref); !slices.Equal(got, tc.targets) {
				t.Errorf("targets = %q, want %q", got, tc.targets)
			}
			warnsAndNever(t, res.Warnings, tc.warn, tc.never)
		})
	}
}

// A layout saved from a read of "No. | %" under months (a profile, which
// keeps only each column's role and month) still lets each row's unit
// pick its figure: read by the saved layout, a count's row took the
// percentage as its figure.
func TestNoAndPercentFromSavedLayout(t *testing.T) {
	path := subBook{months: []any{"Feb-25", "Mar-25"}, merge: true, subs: []string{"No.", "%"}, rows: [][]any{
		{"CIN2", "% re-referrals within 12 months", "L", 80, 20.0, 84, 21.0},
		{"CIN9", "Number of re-referrals within 12 months", "L", 80, 20.0, 84, 21.0},
	}}.save(t)
	auth := authorityNamed(t, "Leeds")
	first, err := Read(context.Background(), path, Options{Authority: auth})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Read(context.Background(), path, Options{Authority: auth, Layouts: map[string]Layout{"Scorecard": profileOf(t, first.Layouts[0])}})
	if err != nil {
		t.Fatal(err)
	}
	for ref, want := range map[string][]string{
		"CIN2": {"2025-02 20 80/-", "2025-03 21 84/-"},
		"CIN9": {"2025-02 80 -/-", "2025-03 84 -/-"},
	} {
		if got := partsOf(res.Dataset, ref, "Leeds"); !slices.Equal(got, want) {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
}
