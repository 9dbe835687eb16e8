package importer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// obsLines are a dataset's figures as "REF PERIOD VALUE" (a cohort's with
// its split), sorted.
func obsLines(d *app.Dataset) []string {
	var got []string
	for _, o := range d.Observations {
		line := fmt.Sprintf("%s %s %g", o.Ref, o.Period.Label(), *o.Value)
		if o.Split != app.All {
			line = fmt.Sprintf("%s %s %s %g", o.Ref, o.Split, o.Period.Label(), *o.Value)
		}
		got = append(got, line)
	}
	slices.Sort(got)
	return got
}

// warningAt returns the warning at cell that starts with prefix, if any.
func warningAt(res *Result, cell, prefix string) (app.Warning, bool) {
	for _, w := range res.Warnings {
		if w.Cell == cell && strings.HasPrefix(w.Message, prefix) {
			return w, true
		}
	}
	return app.Warning{}, false
}

// TestSheetsKeyedByNames: a scorecard with no Ref column, or one whose
// only codes are row numbers under "No.", is read with each indicator
// known by its name, filed under a ref made from the name; the sheet says
// so once at its Indicator heading, naming the refs, and a row-number
// column is said not to be read as refs. Such sheets had been refused:
// "no header row found".
func TestSheetsKeyedByNames(t *testing.T) {
	type cellWarn struct{ cell, prefix string }
	tests := []struct {
		name  string
		rows  [][]any
		refs  []string // "REF name", indicators read, in order
		obs   []string // every figure read
		warns []cellWarn
		not   []string // no warning starts so
	}{{
		name: "no Ref column",
		rows: [][]any{
			{"Measure", "Polarity", "Jan-25", "Feb-25", "Mar-25"},
			{"Number of children looked after", "-", 1347, 1360, 1372},
			{"Children with 3+ placements (%)", "L", 9.9, 10.1, 9.5},
		},
		refs: []string{"NCLA-4384 Number of children looked after", "C3P-7503 Children with 3+ placements (%)"},
		obs: []string{"C3P-7503 Feb-25 10.1", "C3P-7503 Jan-25 9.9", "C3P-7503 Mar-25 9.5",
			"NCLA-4384 Feb-25 1360", "NCLA-4384 Jan-25 1347", "NCLA-4384 Mar-25 1372"},
		warns: []cellWarn{{"A1", `no Ref column: the 2 indicators below are known by their names, each filed under a ref made from its name: NCLA-4384 "Number of children looked after", C3P-7503 "Children with 3+ placements (%)"`}},
	}, {
		name: "row numbers under No.",
		rows: [][]any{
			{"No.", "Indicator", "Polarity", "Jan-25", "Feb-25"},
			{1, "Early help assessments completed", "-", 210, 198},
			{2, "Early help closures with outcomes met (%)", "H", 71.0, 73.5},
		},
		refs: []string{"EHAC-4453 Early help assessments completed", "EHCOM-5167 Early help closures with outcomes met (%)"},
		obs:  []string{"EHAC-4453 Feb-25 198", "EHAC-4453 Jan-25 210", "EHCOM-5167 Feb-25 73.5", "EHCOM-5167 Jan-25 71"},
		warns: []cellWarn{
			{"A1", `column A "No." not read as refs: it holds numbers 1 to 2, which number the rows and shift when a row is inserted; the indicators are known by their names in column B`},
			{"B1", "no Ref column: the 2 indicators below are known by their names"},
		},
	}, {
		name: "row numbers under #, a title and a section heading",
		rows: [][]any{
			{"Children's services scorecard"},
			{},
			{"#", "Description", "Apr-25", "May-25"},
			{"Children in care"},
			{1, "Number of children looked after", 1347, 1360},
			{2, "Number of care leavers", 400, 410},
		},
		// Under a section heading a name's ref is made from the
		// section's words too.
		refs: []string{"NCLACC-1364 Number of children looked after", "NCLCC-3750 Number of care leavers"},
		obs:  []string{"NCLACC-1364 Apr-25 1347", "NCLACC-1364 May-25 1360", "NCLCC-3750 Apr-25 400", "NCLCC-3750 May-25 410"},
		warns: []cellWarn{
			{"A3", `column A "#" not read as refs: it holds numbers 1 to 2`},
			{"B3", `no Ref column: the 2 indicators below are known by their names, each filed under a ref made from its name: NCLACC-1364 "Children in care / Number of children looked after"`},
		},
	}, {
		// Read as one indicator, the second row's figures would have
		// replaced the first's as revisions.
		name: "the same name twice",
		rows: [][]any{
			{"Indicator", "Jan-25", "Feb-25"},
			{"Number of referrals", 500, 510},
			{"Number of assessments", 300, 310},
			{"Number of referrals", 40, 41},
		},
		refs: []string{"NR-3343 Number of referrals", "NA-3462 Number of assessments"},
		obs:  []string{"NA-3462 Feb-25 310", "NA-3462 Jan-25 300", "NR-3343 Feb-25 510", "NR-3343 Jan-25 500"},
		warns: []cellWarn{
			{"A4", `row skipped: "Number of referrals" is the name of row 2 too`},
			{"A1", "no Ref column: the 2 indicators below"},
		},
	}, {
		name: "a cohort row under its indicator",
		rows: [][]any{
			{"Indicator", "Polarity", "Jan-25", "Feb-25"},
			{"Number of children looked after", "-", 1347, 1360},
			{"Excluding UASC", nil, 1200, 1210},
		},
		refs:  []string{"NCLA-4384 Number of children looked after"},
		obs:   []string{"NCLA-4384 Feb-25 1360", "NCLA-4384 Jan-25 1347", "NCLA-4384 excl:uasc Feb-25 1210", "NCLA-4384 excl:uasc Jan-25 1200"},
		warns: []cellWarn{{"A1", "no Ref column: the 1 indicators below"}},
	}, {
		name: "a total row",
		rows: [][]any{
			{"Indicator", "Jan-25"},
			{"Referrals from police", 200},
			{"Referrals from schools", 150},
			{"Total", 350},
		},
		refs:  []string{"RFP-5899 Referrals from police", "RFS-5646 Referrals from schools"},
		obs:   []string{"RFP-5899 Jan-25 200", "RFS-5646 Jan-25 150"},
		warns: []cellWarn{{"A4", `row skipped: "Total" is a total of the rows above, not an indicator`}},
	}, {
		// A polarity without figures yet is an indicator's row, not a
		// section heading naming the rows below.
		name: "an indicator with no figures yet",
		rows: [][]any{
			{"Indicator", "Polarity", "Jan-25", "Feb-25"},
			{"Number of children looked after", "-", 1347, 1360},
			{"Care leavers in suitable accommodation (%)", "H"},
		},
		refs:  []string{"NCLA-4384 Number of children looked after", "CLSA-7975 Care leavers in suitable accommodation (%)"},
		obs:   []string{"NCLA-4384 Feb-25 1360", "NCLA-4384 Jan-25 1347"},
		warns: []cellWarn{{"A1", "no Ref column: the 2 indicators below"}},
	}, {
		// A sheet with a Ref column is read by it as before, its "No."
		// column unread by the old words.
		name: "a Ref column beside row numbers",
		rows: [][]any{
			{"No.", "Ref", "Indicator", "Jan-25"},
			{1, "EH01", "Early help assessments completed", 210},
		},
		refs:  []string{"EH01 Early help assessments completed"},
		obs:   []string{"EH01 Jan-25 210"},
		warns: []cellWarn{{"A1", `column A "No." not read: its heading is not one the importer knows`}},
		not:   []string{"no Ref column"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustRead(t, writeBook(t, "Scorecard", tt.rows))
			var refs []string
			for _, ind := range res.Dataset.Indicators {
				refs = append(refs, ind.Ref+" "+ind.Name)
			}
			if !slices.Equal(refs, tt.refs) {
				t.Errorf("indicators\n got %q\nwant %q", refs, tt.refs)
			}
			if got := obsLines(res.Dataset); !slices.Equal(got, tt.obs) {
				t.Errorf("figures\n got %q\nwant %q", got, tt.obs)
			}
			for _, w := range tt.warns {
				if _, ok := warningAt(res, w.cell, w.prefix); !ok {
					t.Errorf("no warning at %s starting %q in\n%s", w.cell, w.prefix, warningLines(res))
				}
			}
			for _, w := range res.Warnings {
				for _, n := range tt.not {
					if strings.HasPrefix(w.Message, n) {
						t.Errorf("unwanted warning %s", w)
					}
				}
				if strings.Contains(w.Message, "no indicator Ref") {
					t.Errorf("row skipped for want of a Ref: %s", w)
				}
			}
			if n := countPrefix(res, "no Ref column"); n > 1 {
				t.Errorf("%d warnings saying no Ref column, want one a sheet:\n%s", n, warningLines(res))
			}
		})
	}
}

func countPrefix(res *Result, prefix string) int {
	n := 0
	for _, w := range res.Warnings {
		if strings.HasPrefix(w.Message, prefix) {
			n++
		}
	}
	return n
}

func warningLines(res *Result) string {
	var b strings.Builder
	for _, w := range res.Warnings {
		b.WriteString("  " + w.String() + "\n")
	}
	return b.String()
}

// TestNamedRefsAcrossMonths: a producer inserting a row renumbers every
// row below it; each indicator keeps its ref, made from its name, so the
// second month's figures are filed under the first month's indicators.
func TestNamedRefsAcrossMonths(t *testing.T) {
	march := mustRead(t, writeBook(t, "CIC", [][]any{
		{"No.", "Indicator", "Mar-25"},
		{1, "Number of children looked after", 1372},
		{2, "Children with 3+ placements (%)", 9.5},
	}))
	april := mustRead(t, writeBook(t, "CIC", [][]any{
		{"No.", "Indicator", "Apr-25"},
		{1, "Number of children looked after", 1380},
		{2, "Children in care for 2.5 years in the same placement (%)", 68.0},
		{3, "Children with 3+ placements (%)", 9.7},
	}))
	refOf := func(res *Result) map[string]string {
		m := map[string]string{}
		for _, ind := range res.Dataset.Indicators {
			m[ind.Name] = ind.Ref
		}
		return m
	}
	m, a := refOf(march), refOf(april)
	for _, name := range []string{"Number of children looked after", "Children with 3+ placements (%)"} {
		if m[name] == "" || m[name] != a[name] {
			t.Errorf("%q filed under %q in March, %q in April", name, m[name], a[name])
		}
	}
	want := []string{"C3P-7503 Apr-25 9.7", "CC25YS-3512 Apr-25 68", "NCLA-4384 Apr-25 1380"}
	if got := obsLines(april.Dataset); !slices.Equal(got, want) {
		t.Errorf("April's figures\n got %q\nwant %q", got, want)
	}
}

// TestNameRef: a name's ref depends on its words alone, not on case,
// spacing or footnote markers, and two names give two refs. (A sheet
// keeps a marked name's mark in its key: TestNamedKeysApart.)
func TestNameRef(t *testing.T) {
	tests := []struct{ name, ref string }{
		{"Number of children looked after", "NCLA-4384"},
		{"number of  children looked after*", "NCLA-4384"},
		{"Number of children looked after (1)", "NCLA-4384"},
		{"Number of children looked after (early help open)", "NCLAEH-3638"},
		{"% of re-referrals within 12 months", "RRW1M-7565"},
		{"***", "N-6261"},
	}
	for _, tt := range tests {
		if got := nameRef(tt.name); got != tt.ref {
			t.Errorf("nameRef(%q) = %q, want %q", tt.name, got, tt.ref)
		}
	}
}

// TestTableStackedInOtherColumns: a second table below the first,
// starting a column to its right, is read by its own header, said once
// at its first heading; its rows had each been skipped for want of a Ref
// in the first table's Ref column, and its last column said to have no
// heading.
func TestTableStackedInOtherColumns(t *testing.T) {
	tests := []struct {
		name string
		rows [][]any
		obs  []string
		cell string // of the warning naming the second header
		warn string
	}{{
		name: "tables with Refs",
		rows: [][]any{
			{"Early Help"},
			{"Ref", "Indicator", "Polarity", "Jan-25", "Feb-25", "Mar-25"},
			{"EH11", "Early help assessments completed", "-", 210, 198, 225},
			{},
			{"Youth Justice"},
			{nil, "Ref", "Indicator", "Polarity", "Apr-25", "May-25", "Jun-25"},
			{nil, "YJ01", "First time entrants", "L", 14, 11, 9},
		},
		obs: []string{"EH11 Feb-25 198", "EH11 Jan-25 210", "EH11 Mar-25 225",
			"YJ01 Apr-25 14", "YJ01 Jun-25 9", "YJ01 May-25 11"},
		cell: "B6",
		warn: "row 6 is the header of another table: the rows below it are read by its columns (E Apr-25 to G Jun-25), not by row 2's",
	}, {
		name: "second table one column left",
		rows: [][]any{
			{nil, "Ref", "Indicator", "Jan-25", "Feb-25"},
			{nil, "EH11", "Early help assessments completed", 210, 198},
			{},
			{"Ref", "Indicator", "Apr-25", "May-25"},
			{"YJ01", "First time entrants", 14, 11},
		},
		obs:  []string{"EH11 Feb-25 198", "EH11 Jan-25 210", "YJ01 Apr-25 14", "YJ01 May-25 11"},
		cell: "A4",
		warn: "row 4 is the header of another table: the rows below it are read by its columns (C Apr-25 to D May-25), not by row 1's",
	}, {
		name: "tables keyed by names",
		rows: [][]any{
			{"Indicator", "Jan-25", "Feb-25"},
			{"Early help assessments completed", 210, 198},
			{},
			{nil, "Indicator", "Apr-25", "May-25"},
			{nil, "First time entrants", 14, 11},
			{nil, "Early help assessments completed", 230, 240},
		},
		obs: []string{"EHAC-4453 Apr-25 230", "EHAC-4453 Feb-25 198", "EHAC-4453 Jan-25 210", "EHAC-4453 May-25 240",
			"FTE-7277 Apr-25 14", "FTE-7277 May-25 11"},
		cell: "B4",
		warn: "row 4 is the header of another table: the rows below it are read by its columns (C Apr-25 to D May-25), not by row 1's",
	}, {
		// A report printed over pages: its title again, with the page's
		// number, is no section, or each indicator's months would be
		// split between two refs (QA27b 5b).
		name: "a report's pages keyed by names",
		rows: [][]any{
			{"Performance Report - page 1"},
			{"Indicator", "Polarity", "Jan-25", "Feb-25"},
			{"Early help assessments completed", "H", 210, 198},
			{},
			{"Performance Report - page 2"},
			{"Indicator", "Polarity", "Mar-25", "Apr-25"},
			{"Early help assessments completed", "H", 230, 240},
		},
		obs:  []string{"EHAC-4453 Apr-25 240", "EHAC-4453 Feb-25 198", "EHAC-4453 Jan-25 210", "EHAC-4453 Mar-25 230"},
		cell: "A5",
		warn: `row read as a page's header, "Performance Report - page 2", not as the heading of a section: the rows below it continue the table above`,
	}, {
		name: "a section continued on the next page",
		rows: [][]any{
			{"Indicator", "Polarity", "Jan-25", "Feb-25"},
			{"Early Help"},
			{"Assessments completed", "H", 210, 198},
			{},
			{"Early Help (continued)"},
			{"Indicator", "Polarity", "Mar-25", "Apr-25"},
			{"Assessments completed", "H", 230, 240},
			{"Youth Justice"},
			{"Assessments completed", "H", 5, 6},
		},
		obs: []string{"ACEH-5650 Apr-25 240", "ACEH-5650 Feb-25 198", "ACEH-5650 Jan-25 210", "ACEH-5650 Mar-25 230",
			"ACYJ-0954 Apr-25 6", "ACYJ-0954 Mar-25 5"},
		cell: "A5",
		warn: `row read as a page's header, "Early Help (continued)", not as the heading of a section: the rows below it continue section "Early Help"`,
	}, {
		name: "a section continued from an earlier page",
		rows: [][]any{
			{"Indicator", "Polarity", "Jan-25", "Feb-25"},
			{"Early Help"},
			{"Assessments completed", "H", 210, 198},
			{"Youth Justice"},
			{"Assessments completed", "H", 5, 6},
			{"Early Help cont'd"},
			{"Visits", "H", 7, 8},
		},
		obs: []string{"ACEH-5650 Feb-25 198", "ACEH-5650 Jan-25 210", "ACYJ-0954 Feb-25 6", "ACYJ-0954 Jan-25 5",
			"VEH-9162 Feb-25 8", "VEH-9162 Jan-25 7"},
		cell: "A6",
		warn: `row read as a page's header, "Early Help cont'd", not as the heading of a section: the rows below it continue section "Early Help"`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustRead(t, writeBook(t, "Dashboard", tt.rows))
			if got := obsLines(res.Dataset); !slices.Equal(got, tt.obs) {
				t.Errorf("figures\n got %q\nwant %q", got, tt.obs)
			}
			if _, ok := warningAt(res, tt.cell, tt.warn); !ok {
				t.Errorf("no warning at %s %q in\n%s", tt.cell, tt.warn, warningLines(res))
			}
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "no indicator Ref") || strings.Contains(w.Message, "no heading") || strings.HasPrefix(w.Message, "row skipped") {
					t.Errorf("unwanted warning %s", w)
				}
			}
		})
	}
}

// TestNamedLayoutAsProfile: the layout detected for a sheet keyed by
// names, saved as a profile (JSON) and used for next month's workbook,
// reads it alike; it had been refused as having no Ref column.
func TestNamedLayoutAsProfile(t *testing.T) {
	rows := [][]any{
		{"No.", "Indicator", "Jan-25", "Feb-25"},
		{1, "Number of children looked after", 1347, 1360},
	}
	first := mustRead(t, writeBook(t, "Scorecard", rows))
	if len(first.Layouts) != 1 {
		t.Fatalf("%d layouts, want 1", len(first.Layouts))
	}
	res, err := Read(context.Background(), writeBook(t, "Scorecard", rows), Options{Layouts: map[string]Layout{"Scorecard": profileOf(t, first.Layouts[0])}})
	if err != nil {
		t.Fatalf("read with the saved layout: %v", err)
	}
	want := []string{"NCLA-4384 Feb-25 1360", "NCLA-4384 Jan-25 1347"}
	if got := obsLines(res.Dataset); !slices.Equal(got, want) {
		t.Errorf("figures\n got %q\nwant %q", got, want)
	}
}
