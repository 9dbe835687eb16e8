package importer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// cohortSheet is a Kent scorecard sheet as QA19's w29-w33 lay it out:
// title rows above a header of months, CIC01 and CIC05 below.
type cohortSheet struct {
	name   string
	titles []string // rows 1.., above a blank row and the header
	cic01  []any
	cic05  []any
	extra  [][]any // rows below CIC05
}

var (
	allKent  = [][]any{{1900, 1910, 1896}, {11.0, 11.5, 11.7}}
	exclKent = [][]any{{1500, 1505, 1486}, {9.0, 9.2, 9.4}}
)

// cohortBook writes sheets to a workbook, returning its path.
func cohortBook(t *testing.T, sheets ...cohortSheet) string {
	t.Helper()
	b := newBook(t)
	for _, s := range sheets {
		b.sheet(s.name)
		r := 1
		for _, title := range s.titles {
			b.row(s.name, fmt.Sprintf("A%d", r), title)
			b.merge(s.name, fmt.Sprintf("A%d", r), fmt.Sprintf("F%d", r))
			r++
		}
		if len(s.titles) > 0 {
			r++ // a blank row under the title
		}
		b.row(s.name, fmt.Sprintf("A%d", r), "Ref", "Indicator", "Polarity", "Jan-25", "Feb-25", "Mar-25")
		b.row(s.name, fmt.Sprintf("A%d", r+1), append([]any{"CIC01", "Number of children in care", "-"}, s.cic01...)...)
		b.row(s.name, fmt.Sprintf("A%d", r+2), append([]any{"CIC05", "Children in care with 3+ placements (%)", "L"}, s.cic05...)...)
		for i, x := range s.extra {
			b.row(s.name, fmt.Sprintf("A%d", r+3+i), x...)
		}
	}
	return b.save("cohort.xlsx")
}

// seriesOf lists a dataset's figures for ref as "area split: v1 v2 v3",
// one line per series, sorted.
func seriesOf(d *app.Dataset, ref string) []string {
	by := map[string][]string{}
	var keys []string
	for _, o := range d.Observations {
		if o.Ref != ref {
			continue
		}
		k := fmt.Sprintf("%s %s:", o.Area, cmpSplit(o.Split))
		if _, ok := by[k]; !ok {
			keys = append(keys, k)
		}
		v := o.Status.String()
		if o.Value != nil {
			v = fmt.Sprint(*o.Value)
		}
		by[k] = append(by[k], v)
	}
	slices.Sort(keys)
	var out []string
	for _, k := range keys {
		out = append(out, k+" "+strings.Join(by[k], " "))
	}
	return out
}

func cmpSplit(s app.Split) string {
	if s == app.All {
		return "all"
	}
	return string(s)
}

// A sheet whose title or name says its figures leave a cohort out, or
// count it alone, gives that split's figures, warned at the title's cell
// or of the sheet's name; never all children's (QA19 D1).
func TestSheetCohortFromTitleOrName(t *testing.T) {
	exclTitle := "Kent CYPE Performance Scorecard - March 2025 - excluding unaccompanied asylum seeking children"
	for _, tc := range []struct {
		name   string
		sheets []cohortSheet
		// want are CIC01's series ("area split: figures"); cic05 CIC05's
		// where set.
		want, cic05 []string
		// warn must be among the warnings (as Warning.String gives
		// them); never none may contain.
		warn  []string
		never []string
		// refused is a substring of the error refusing the file.
		refused string
	}{
		{
			name:   "title excluding UASC (w32)",
			sheets: []cohortSheet{{name: "Scorecard", titles: []string{exclTitle}, cic01: exclKent[0], cic05: exclKent[1]}},
			want:   []string{"Kent excl:uasc: 1500 1505 1486"},
			cic05:  []string{"Kent excl:uasc: 9 9.2 9.4"},
			warn:   []string{`cohort.xlsx: Scorecard!A1: the title "` + exclTitle + `" at A1 says its figures count all children excluding UASC: every figure on the sheet is read as Excluding UASC, not all children's`},
		},
		{
			name:   "sheet named Non-UASC, title non-UASC children (w30)",
			sheets: []cohortSheet{{name: "Non-UASC", titles: []string{"Kent CYPE scorecard: non-UASC children"}, cic01: exclKent[0], cic05: exclKent[1]}},
			want:   []string{"Kent excl:uasc: 1500 1505 1486"},
			warn:   []string{`cohort.xlsx: sheet "Non-UASC": the sheet's name "Non-UASC" says its figures count all children excluding UASC`},
		},
		{
			name:   "sheet named Excl UASC, no title",
			sheets: []cohortSheet{{name: "Excl UASC", cic01: exclKent[0], cic05: exclKent[1]}},
			want:   []string{"Kent excl:uasc: 1500 1505 1486"},
			warn:   []string{`sheet "Excl UASC": the sheet's name "Excl UASC" says`},
		},
		{
			name: "twin sheets, all children and excluding UASC (w29): both splits, no conflict",
			sheets: []cohortSheet{
				{name: "All children", titles: []string{"Kent CYPE scorecard: all children"}, cic01: allKent[0], cic05: allKent[1]},
				{name: "Excl UASC", titles: []string{"Kent CYPE scorecard: excluding UASC"}, cic01: exclKent[0], cic05: exclKent[1]},
			},
			want:  []string{"Kent all: 1900 1910 1896", "Kent excl:uasc: 1500 1505 1486"},
			cic05: []string{"Kent all: 11 11.5 11.7", "Kent excl:uasc: 9 9.2 9.4"},
			warn:  []string{`sheet "Excl UASC": the sheet's name "Excl UASC" says its figures count all children excluding UASC`},
			never: []string{"kept", "here but"},
		},
		{
			name:   "title says UASC only",
			sheets: []cohortSheet{{name: "Scorecard", titles: []string{"Kent CYPE scorecard: UASC only"}, cic01: []any{400, 405, 410}, cic05: []any{20, 21, 22}}},
			want:   []string{"Kent uasc: 400 405 410"},
			warn:   []string{`Scorecard!A1: the title "Kent CYPE scorecard: UASC only" at A1 says its figures count UASC alone`},
		},
		{
			name: "a title naming only some UASC: the sheet is not read, said at its title",
			sheets: []cohortSheet{
				{name: "All children", cic01: allKent[0], cic05: allKent[1]},
				{name: "Scorecard 2", titles: []string{"Kent CYPE scorecard - excluding UASC over 16"}, cic01: exclKent[0], cic05: exclKent[1]},
			},
			want: []string{"Kent all: 1900 1910 1896"},
			warn: []string{`cohort.xlsx: Scorecard 2!A1: sheet skipped: the title "Kent CYPE scorecard - excluding UASC over 16" at A1 names a cohort, but cannot tell which children its figures count, as "uasc over 16" names only some UASC`},
		},
		{
			name:    "a sheet named for only some UASC, alone in the file: refused",
			sheets:  []cohortSheet{{name: "UASC over 16", cic01: exclKent[0], cic05: exclKent[1]}},
			refused: `cohort.xlsx: sheet "UASC over 16": refused: the sheet's name "UASC over 16" names a cohort, but cannot tell which children`,
		},
		{
			name:    "name and title disagree: refused",
			sheets:  []cohortSheet{{name: "Excl UASC", titles: []string{"Kent CYPE scorecard: UASC only"}, cic01: exclKent[0], cic05: exclKent[1]}},
			refused: `the title "Kent CYPE scorecard: UASC only" at A1 says its figures count UASC alone, but the sheet's name "Excl UASC" says all children excluding UASC`,
		},
		{
			name: "a twin row excluding OLA on a sheet excluding UASC excludes both",
			sheets: []cohortSheet{{name: "Excl UASC", cic01: exclKent[0], cic05: exclKent[1],
				extra: [][]any{{"", "Excluding OLA", "-", 1400, 1401, 1402}}}},
			cic05: []string{"Kent excl:ola+uasc: 1400 1401 1402", "Kent excl:uasc: 9 9.2 9.4"},
			want:  []string{"Kent excl:uasc: 1500 1505 1486"},
		},
		{
			name:   "a title naming UASC among other things is all children's",
			sheets: []cohortSheet{{name: "Scorecard", titles: []string{"Kent CYPE scorecard: children in care, UASC and care leavers"}, cic01: allKent[0], cic05: allKent[1]}},
			want:   []string{"Kent all: 1900 1910 1896"},
			never:  []string{"UASC"},
		},
		{
			name:   "a quarter in the title is not a Ref: the title's cohort is read",
			sheets: []cohortSheet{{name: "Scorecard", titles: []string{"Kent CYPE scorecard Q3 2024/25 (excluding UASC)"}, cic01: exclKent[0], cic05: exclKent[1]}},
			want:   []string{"Kent excl:uasc: 1500 1505 1486"},
		},
		{
			name:   "a note on one indicator above the header is not the sheet's cohort",
			sheets: []cohortSheet{{name: "Scorecard", titles: []string{"Kent CYPE scorecard - March 2025", "CIC05 excludes UASC"}, cic01: allKent[0], cic05: allKent[1]}},
			want:   []string{"Kent all: 1900 1910 1896"},
			never:  []string{"excluding UASC"},
		},
		{
			name:   "a title with no cohort: all children, no warning",
			sheets: []cohortSheet{{name: "Scorecard", titles: []string{"Kent CYPE Performance Scorecard - March 2025"}, cic01: allKent[0], cic05: allKent[1]}},
			want:   []string{"Kent all: 1900 1910 1896"},
			never:  []string{"cohort", "UASC"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(context.Background(), cohortBook(t, tc.sheets...), Options{})
			if tc.refused != "" {
				if err == nil || !strings.Contains(err.Error(), tc.refused) {
					t.Fatalf("error %v, want %q", err, tc.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := seriesOf(res.Dataset, "CIC01"); !slices.Equal(got, tc.want) {
				t.Errorf("CIC01 %q, want %q", got, tc.want)
			}
			if got := seriesOf(res.Dataset, "CIC05"); tc.cic05 != nil && !slices.Equal(got, tc.cic05) {
				t.Errorf("CIC05 %q, want %q", got, tc.cic05)
			}
			warnsAndNever(t, res.Warnings, tc.warn, tc.never)
		})
	}
}

// A district sheet whose title says it excludes UASC gives each area's
// figure excluding UASC.
func TestDistrictSheetCohortFromTitle(t *testing.T) {
	b := newBook(t)
	b.sheet("Districts")
	b.row("Districts", "A1", "District summary - March 2025 - excluding UASC")
	b.row("Districts", "A3", "Ref", "Indicator", "Kent", "Ashford", "Swale")
	b.row("Districts", "A4", "CIC01", "Number of children in care", 1486, 100, 120)
	res, err := Read(context.Background(), b.save("districts.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Ashford excl:uasc: 100", "Kent excl:uasc: 1486", "Swale excl:uasc: 120"}
	if got := seriesOf(res.Dataset, "CIC01"); !slices.Equal(got, want) {
		t.Errorf("CIC01 %q, want %q", got, want)
	}
	found := false
	for _, w := range res.Warnings {
		found = found || w.Sheet == "Districts" && w.Cell == "A1" && strings.Contains(w.Message, "read as Excluding UASC")
	}
	if !found {
		t.Errorf("no warning at Districts!A1 in %v", res.Warnings)
	}
}

// Imported after the month's all-children scorecard, the excluding-UASC
// workbook adds its split and revises none of all children's figures
// (QA19 D1's d1c).
func TestExcludingWorkbookAfterAllChildrenRevisesNothing(t *testing.T) {
	all := cohortBook(t, cohortSheet{name: "Scorecard", titles: []string{"Kent CYPE Performance Scorecard - March 2025"}, cic01: allKent[0], cic05: allKent[1]})
	excl := cohortBook(t, cohortSheet{name: "Scorecard", titles: []string{"Kent CYPE Performance Scorecard - March 2025 - excluding unaccompanied asylum seeking children"}, cic01: exclKent[0], cic05: exclKent[1]})
	first, err := Read(context.Background(), all, Options{})
	if err != nil {
		t.Fatal(err)
	}
	second, err := Read(context.Background(), excl, Options{})
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		ref    string
		area   app.Area
		split  app.Split
		period app.Period
	}
	have := map[key]bool{}
	for _, o := range first.Dataset.Observations {
		have[key{o.Ref, o.Area, o.Split, o.Period}] = true
	}
	for _, o := range second.Dataset.Observations {
		if have[key{o.Ref, o.Area, o.Split, o.Period}] {
			t.Errorf("%s %s %s %s given again by the excluding workbook: it would revise all children's", o.Ref, o.Area, cmpSplit(o.Split), o.Period.Label())
		}
	}
}

// A line above the header naming an indicator's Ref is a note on it,
// not the sheet's title; a quarter or year is not a Ref.
func TestNoteLine(t *testing.T) {
	for _, tc := range []struct {
		text string
		note bool
	}{
		{"CIC05 excludes UASC", true},
		{"SCS02a and SCS02b exclude UASC", true},
		{"Note: figures exclude UASC", true},
		{"* excluding UASC", true},
		{"Kent CYPE scorecard Q3 2024/25 (excluding UASC)", false},
		{"FY2024 scorecard excluding UASC", false},
		{"Kent CYPE Performance Scorecard - March 2025 - excluding unaccompanied asylum seeking children", false},
	} {
		if got := noteLine(tc.text); got != tc.note {
			t.Errorf("noteLine(%q) = %v, want %v", tc.text, got, tc.note)
		}
	}
}

// warnsAndNever checks that some warning holds each of warn, and none
// any of never.
func warnsAndNever(t *testing.T, warnings []app.Warning, warn, never []string) {
	t.Helper()
	var lines []string
	for _, w := range warnings {
		lines = append(lines, w.String())
	}
	all := strings.Join(lines, "\n")
	for _, w := range warn {
		if !strings.Contains(all, w) {
			t.Errorf("no warning %q in\n%s", w, all)
		}
	}
	for _, w := range never {
		if strings.Contains(all, w) {
			t.Errorf("a warning says %q:\n%s", w, all)
		}
	}
}
