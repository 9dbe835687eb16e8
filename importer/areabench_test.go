package importer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// A district sheet's England, statistical neighbours' and previous
// year's columns beside Kent and its twelve districts are Kent's
// benchmarks: each had been said unread ("benchmarks on a district
// sheet are not read") and its figures lost. Undated, England's and the
// neighbours' are for the year before the sheet's month's, said at the
// heading, as beside a scorecard's latest month; dated, for the year the
// heading names or its date falls in. The previous year's outturn is
// Kent's, said so, where Kent's column stands on the sheet, and refused
// where it does not, whose it is being unsaid. On a sheet dated by a
// year an undated benchmark's year cannot be known, and it is refused,
// saying how to head it; a dated one is read.
func TestDistrictSheetBenchmarks(t *testing.T) {
	for _, tc := range []struct {
		name, title string
		kent        bool  // Kent's own column stands before the districts'
		bench       []any // the benchmark columns' headings
		want        []string
		warn, never []string
	}{
		{name: "undated, beside a sheet of one month", title: "District summary - March 2025", kent: true,
			bench: []any{"England", "Stat neighbours", "Previous year"},
			want: []string{"CLA2 England 2023/24 70 Districts!P4", "CLA2 Previous year outturn 2023/24 58 Districts!R4", "CLA2 Statistical neighbours 2023/24 65 Districts!Q4",
				"CP2 England 2023/24 22.4 Districts!P5", "CP2 Previous year outturn 2023/24 19.8 Districts!R5", "CP2 Statistical neighbours 2023/24 21.3 Districts!Q5"},
			warn: []string{`d.xlsx: Districts!P3: column P "England" names no year: read as England's figure for 2023/24, the year before that of the latest month, Mar-25`,
				`Districts!Q3: column Q "Stat neighbours" names no year: read as the statistical neighbours' figure for 2023/24`,
				`Districts!R3: column R "Previous year": read as Kent's own previous year's outturn, whose column C the sheet holds`},
			never: []string{"not read"}},
		{name: "dated headings", title: "District summary - March 2025", kent: true,
			bench: []any{"England 2023/24", "SN (Mar-24)", "Previous year outturn (2023/24)"},
			want: []string{"CLA2 England 2023/24 70 Districts!P4", "CLA2 Previous year outturn 2023/24 58 Districts!R4", "CLA2 Statistical neighbours 2023/24 65 Districts!Q4",
				"CP2 England 2023/24 22.4 Districts!P5", "CP2 Previous year outturn 2023/24 19.8 Districts!R5", "CP2 Statistical neighbours 2023/24 21.3 Districts!Q5"},
			warn:  []string{`Districts!Q3: column Q "SN (Mar-24)" is dated March 2024: read as the statistical neighbours' figure for the year that month falls in, 2023/24`},
			never: []string{"not read", "names no year"}},
		{name: "a sheet dated by a year: undated refused, dated read", title: "District summary 2024/25", kent: true,
			bench: []any{"England", "Stat neighbours 2023/24", "Previous year"},
			want:  []string{"CLA2 Statistical neighbours 2023/24 65 Districts!Q4", "CP2 Statistical neighbours 2023/24 21.3 Districts!Q5"},
			warn: []string{`Districts!P3: column P "England" not read: it names no year, and the sheet is dated 2024/25, not by a month or quarter, so the year England's figure is for cannot be known (the latest published runs a year or more behind); head it with the year it is for, such as "England 2023/24"`,
				`Districts!R3: column R "Previous year" not read: it names no year, and the sheet is dated 2024/25, not by a month or quarter, so the year the previous year's outturn is for cannot be known (the year before it is a financial or an academic year as each indicator runs, which a year's title does not settle); head it with the year it is for, such as "Previous year 2023/24"`}},
		{name: "no column of Kent's own: the previous year refused", title: "District summary - March 2025",
			bench: []any{"England", "Previous year"},
			want:  []string{"CLA2 England 2023/24 70 Districts!O4", "CP2 England 2023/24 22.4 Districts!O5"},
			warn:  []string{`Districts!P3: column P "Previous year" not read: the sheet has no column of Kent's own figures, so whose previous year's outturn it gives is unsaid`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			heads := []any{"Ref", "Indicator"}
			cla2 := []any{"CLA2", "Rate of CLA per 10,000"}
			cp2 := []any{"CP2", "Re-referrals within 12 months (%)"}
			if tc.kent {
				heads, cla2, cp2 = append(heads, "Kent"), append(cla2, 60.1), append(cp2, 21.0)
			}
			for i, d := range kentDistricts {
				heads, cla2, cp2 = append(heads, d), append(cla2, 40.0+float64(i)), append(cp2, 15.0+float64(i))
			}
			values := map[string][2]any{"England": {70, 22.4}, "Stat": {65, 21.3}, "SN": {65, 21.3}, "Previous": {58, 19.8}}
			for _, h := range tc.bench {
				v := values[firstWord(h.(string))]
				heads, cla2, cp2 = append(heads, h), append(cla2, v[0]), append(cp2, v[1])
			}
			b := newBook(t)
			b.sheet("Districts")
			b.row("Districts", "A1", tc.title)
			b.row("Districts", "A3", heads...)
			b.row("Districts", "A4", cla2...)
			b.row("Districts", "A5", cp2...)
			res, err := Read(context.Background(), b.save("d.xlsx"), Options{Authority: authorityNamed(t, "Kent")})
			if err != nil {
				t.Fatal(err)
			}
			var bench []string
			for _, bm := range res.Dataset.Benchmarks {
				bench = append(bench, fmt.Sprintf("%s %s %s %v %s", bm.Ref, bm.Group, bm.Period.Label(), *bm.Value, bm.Source))
			}
			slices.Sort(bench)
			if !slices.Equal(bench, tc.want) {
				t.Errorf("benchmarks %q, want %q", bench, tc.want)
			}
			// The districts' figures are read as before, for the sheet's
			// period.
			if got := figuresOf(res.Dataset, "CLA2"); len(got) != len(kentDistricts)+btoi(tc.kent) {
				t.Errorf("CLA2's figures %q, want Kent's and its districts'", got)
			}
			warnsAndNever(t, res.Warnings, tc.warn, tc.never)
		})
	}
}

// firstWord is a heading's first word.
func firstWord(s string) string {
	for i, r := range s {
		if r == ' ' {
			return s[:i]
		}
	}
	return s
}

// btoi is 1 for true.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// A district sheet's England or previous year's figure for a year the
// scorecard sheet before it gave otherwise is not read, said at its
// cell: the store keeps one figure for each, and had kept the district
// sheet's over the scorecard's without a word. The same figure again is
// said nothing of.
func TestDistrictBenchmarksBesideScorecards(t *testing.T) {
	b := newBook(t)
	b.sheet("Scorecard")
	b.row("Scorecard", "A1", "Ref", "Indicator", "Feb-25", "Mar-25", "England", "Stat neighbours", "Previous year")
	b.row("Scorecard", "A2", "CLA2", "Rate of CLA per 10,000", 59.8, 60.1, 67, 65, 57)
	b.sheet("Districts")
	b.row("Districts", "A1", "District summary - March 2025")
	b.row("Districts", "A3", "Ref", "Indicator", "Kent", "Ashford", "Thanet", "England", "Stat neighbours", "Previous year")
	b.row("Districts", "A4", "CLA2", "Rate of CLA per 10,000", 60.1, 55, 80, 70, 65, 58)
	res, err := Read(context.Background(), b.save("d.xlsx"), Options{Authority: authorityNamed(t, "Kent")})
	if err != nil {
		t.Fatal(err)
	}
	var bench []string
	for _, bm := range res.Dataset.Benchmarks {
		bench = append(bench, fmt.Sprintf("%s %s %v %s", bm.Group, bm.Period.Label(), *bm.Value, bm.Source))
	}
	slices.Sort(bench)
	want := []string{"England 2023/24 67 Scorecard!E2", "Previous year outturn 2023/24 57 Scorecard!G2",
		"Statistical neighbours 2023/24 65 Districts!G4", "Statistical neighbours 2023/24 65 Scorecard!F2"}
	if !slices.Equal(bench, want) {
		t.Errorf("benchmarks %q, want %q", bench, want)
	}
	warnsAndNever(t, res.Warnings, []string{
		`d.xlsx: Districts!F4: CLA2: England's figure for 2023/24 not read: 70 differs from 67 at Scorecard!E2, which was kept`,
		`Districts!H4: CLA2: Previous year outturn's figure for 2023/24 not read: 58 differs from 57 at Scorecard!G2, which was kept`,
	}, []string{"Statistical neighbours's figure"})
}

// Benchmarks beside figures of a cohort are not read, and said: on a
// sheet whose title says every figure excludes UASC, at the column's
// heading (on a sheet of months too, where they had been dropped
// without a word), and on a district sheet's cohort row, at its cell,
// as on a sheet of months.
func TestBenchmarksBesideCohortFigures(t *testing.T) {
	for _, tc := range []struct {
		name, sheet, title string
		heads              []any
		rows               [][]any
		bench              []string
		warn, never        []string
	}{
		{name: "a district sheet excluding UASC", sheet: "Districts", title: "District summary - March 2025 - excluding UASC",
			heads: []any{"Ref", "Indicator", "Kent", "Ashford", "Thanet", "England", "Previous year"},
			rows:  [][]any{{"CLA2", "Rate of CLA per 10,000", 50.1, 45, 70, 70, 58}},
			warn: []string{`Districts!F3: column F "England" not read: the sheet's title or name says its figures count all children excluding UASC, and an indicator's targets and benchmarks are read beside all children's figures only; give them on a sheet of all children's`,
				`Districts!G3: column G "Previous year" not read: the sheet's title or name says its figures count all children excluding UASC`},
			never: []string{"Kent's own previous year's outturn"}},
		{name: "a scorecard excluding UASC", sheet: "Scorecard", title: "Kent scorecard - excluding UASC",
			heads: []any{"Ref", "Indicator", "Feb-25", "Mar-25", "England", "Target 2024/25"},
			rows:  [][]any{{"CLA2", "Rate of CLA per 10,000", 49.8, 50.1, 70, 48}},
			warn: []string{`Scorecard!E3: column E "England" not read: the sheet's title or name says its figures count all children excluding UASC`,
				`Scorecard!F3: column F "Target 2024/25" not read: the sheet's title or name says its figures count all children excluding UASC`}},
		{name: "a district sheet's cohort row", sheet: "Districts", title: "District summary - March 2025",
			heads: []any{"Ref", "Indicator", "Kent", "Ashford", "Thanet", "England", "Previous year"},
			rows:  [][]any{{"CLA2", "Rate of CLA per 10,000", 60.1, 55, 80, 70, 58}, {"", "Excluding UASC", 50.1, 45, 70, 69, 49}},
			bench: []string{"England 2023/24 70 Districts!F4", "Previous year outturn 2023/24 58 Districts!G4"},
			warn: []string{`Districts!G5: CLA2: previous year's outturn 49 on the Excluding UASC row (column G "Previous year") not read`,
				`Districts!F5: a target or benchmark on rows of a district or cohort not read: an indicator's targets and benchmarks are read from the row of Kent, all children`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBook(t)
			b.sheet(tc.sheet)
			b.row(tc.sheet, "A1", tc.title)
			b.row(tc.sheet, "A3", tc.heads...)
			for i, r := range tc.rows {
				b.row(tc.sheet, cellName(3+i, 0), r...)
			}
			res, err := Read(context.Background(), b.save("c.xlsx"), Options{Authority: authorityNamed(t, "Kent")})
			if err != nil {
				t.Fatal(err)
			}
			var bench []string
			for _, bm := range res.Dataset.Benchmarks {
				bench = append(bench, fmt.Sprintf("%s %s %v %s", bm.Group, bm.Period.Label(), *bm.Value, bm.Source))
			}
			slices.Sort(bench)
			if !slices.Equal(bench, tc.bench) {
				t.Errorf("benchmarks %q, want %q", bench, tc.bench)
			}
			if len(res.Dataset.Targets) > 0 {
				t.Errorf("targets %+v, want none", res.Dataset.Targets)
			}
			warnsAndNever(t, res.Warnings, tc.warn, tc.never)
		})
	}
}

// TestUndatedBenchmarksOfTwoMonths: two monthly district sheets' England
// columns naming no year both stand for the year before their months'
// (QA24a D12). The later month's is the more recent release, and is
// kept whichever sheet comes first; the earlier month's is said not
// read, at its cell. The first read had been kept, the stale one when the
// sheets ran in month order.
func TestUndatedBenchmarksOfTwoMonths(t *testing.T) {
	for _, order := range [][]string{{"Nov-24", "Dec-24"}, {"Dec-24", "Nov-24"}} {
		t.Run(strings.Join(order, ","), func(t *testing.T) {
			b := newBook(t)
			england := map[string]float64{"Nov-24": 70, "Dec-24": 72}
			title := map[string]string{"Nov-24": "District scorecard: November 2024", "Dec-24": "District scorecard: December 2024"}
			for _, s := range order {
				b.sheet(s)
				b.row(s, "A1", title[s])
				b.row(s, "A2", "Ref", "Indicator", "Polarity", "Kent", "Ashford", "Thanet", "England")
				b.row(s, "A3", "BD01", "Children in care per 10,000 children", "L", 50, 44, 55, england[s])
			}
			res, err := Read(context.Background(), b.save("d.xlsx"), Options{Authority: authorityNamed(t, "Kent")})
			if err != nil {
				t.Fatal(err)
			}
			var bench []string
			for _, bm := range res.Dataset.Benchmarks {
				bench = append(bench, fmt.Sprintf("%s %s %v %s", bm.Group, bm.Period.Label(), *bm.Value, bm.Source))
			}
			if want := []string{"England 2023/24 72 Dec-24!G3"}; !slices.Equal(bench, want) {
				t.Errorf("benchmarks %q, want %q", bench, want)
			}
			warnsAndNever(t, res.Warnings, []string{
				`d.xlsx: Nov-24!G3: BD01: England's figure for 2023/24 not read: 70 differs from 72 at Dec-24!G3, which was kept`,
			}, []string{"Dec-24!G3: BD01: England's figure"})
		})
	}
}
