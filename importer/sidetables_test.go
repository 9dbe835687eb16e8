package importer

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// TestTablesSideBySide: tables set side by side on one sheet, each with
// its own Ref column, are each read by their own Ref: figures, polarity,
// section and targets joined by Ref, never by the row beside them. A
// table beside of another kind (areas beside months) is not read, said
// at its Ref heading. A second Ref, Indicator or Polarity column that
// starts no table is not read, and said so at its heading. The
// right-hand table's figures had been filed as the left-hand indicators'
// (YJ01's as EH11's Apr-Jun), its polarity had replaced theirs, and a
// block of targets in another row order had given TB01 TB02's target,
// with no warning (qa19 D2).
func TestTablesSideBySide(t *testing.T) {
	eh := []any{"Ref", "Indicator", "Polarity", "Jan-25", "Feb-25", "Mar-25"}
	tests := []struct {
		name     string
		rows     [][]any
		want     []string // "REF PERIOD VALUE", every figure read
		polarity []string // "REF POLARITY" of every indicator
		section  []string // "REF SECTION" of the indicators named here
		targets  []string // "REF YEAR TARGET FLOOR", every target read
		warn     []string // "CELL: start of a warning", each given
		notWarn  string   // a warning none may contain
		unsure   string   // the start of a doubt the layout gives, "" for none
	}{{
		name: "other indicators and months beside",
		rows: [][]any{
			{"Early Help", nil, nil, nil, nil, nil, nil, "Youth Justice"},
			append(append(slices.Clone(eh), nil), "Ref", "Indicator", "Polarity", "Apr-25", "May-25", "Jun-25"),
			{"EH11", "Early help assessments completed", "-", 210, 198, 225, nil, "YJ01", "First time entrants", "L", 14, 11, 9},
			{"EH12", "Early help cases closed with outcomes met (%)", "H", 71.0, 73.5, 70.2, nil, "YJ02", "Re-offending rate (%)", "L", 31.2, 30.1, 29.4},
		},
		want: []string{"EH11 Feb-25 198", "EH11 Jan-25 210", "EH11 Mar-25 225",
			"EH12 Feb-25 73.5", "EH12 Jan-25 71", "EH12 Mar-25 70.2",
			"YJ01 Apr-25 14", "YJ01 Jun-25 9", "YJ01 May-25 11",
			"YJ02 Apr-25 31.2", "YJ02 Jun-25 29.4", "YJ02 May-25 30.1"},
		polarity: []string{"EH11 ", "EH12 H", "YJ01 L", "YJ02 L"},
		warn:     []string{"H2: columns H to M are a second table beside the first, with its own Ref column H: its rows are read by their Ref in column H"},
		unsure:   `column H "Ref" starts a second table beside the first`,
	}, {
		name: "same months beside",
		rows: [][]any{
			append(append(slices.Clone(eh), nil), "Ref", "Indicator", "Polarity", "Jan-25", "Feb-25", "Mar-25"),
			{"EH11", "Early help assessments completed", "-", 210, 198, 225, nil, "YJ01", "First time entrants", "L", 14, 11, 9},
		},
		want: []string{"EH11 Feb-25 198", "EH11 Jan-25 210", "EH11 Mar-25 225",
			"YJ01 Feb-25 11", "YJ01 Jan-25 14", "YJ01 Mar-25 9"},
		polarity: []string{"EH11 ", "YJ01 L"},
		warn:     []string{"H1: columns H to M are a second table beside the first"},
		notWarn:  "here but",
	}, {
		// The tables' rows need not line up: a section heading, a row
		// blank on one side, a longer table on the other.
		name: "rows that do not line up",
		rows: [][]any{
			append(append(slices.Clone(eh), nil), "Ref", "Indicator", "Polarity", "Jan-25", "Feb-25", "Mar-25"),
			{"Early Help", nil, nil, nil, nil, nil, nil, "Youth Justice"},
			{"EH11", "Early help assessments completed", "L", 210, 198, 225, nil, nil},
			{nil, nil, nil, nil, nil, nil, nil, "YJ01", "First time entrants", "L", 14, 11, 9},
			{nil, nil, nil, nil, nil, nil, nil, "YJ02", "Re-offending rate (%)", "L", 31.2, 30.1, 29.4},
		},
		want: []string{"EH11 Feb-25 198", "EH11 Jan-25 210", "EH11 Mar-25 225",
			"YJ01 Feb-25 11", "YJ01 Jan-25 14", "YJ01 Mar-25 9",
			"YJ02 Feb-25 30.1", "YJ02 Jan-25 31.2", "YJ02 Mar-25 29.4"},
		polarity: []string{"EH11 L", "YJ01 L", "YJ02 L"},
		section:  []string{"EH11 Early Help", "YJ01 Youth Justice", "YJ02 Youth Justice"},
	}, {
		name: "targets beside in another order",
		rows: [][]any{
			{"Ref", "Indicator", "Polarity", "Jan-25", "Feb-25", "Mar-25", nil, nil, "Ref", "Target 2024/25", "Floor 2024/25"},
			{"TB01", "Health assessments in time (%)", "H", 85, 86, 87, nil, nil, "TB02", 80, 70},
			{"TB02", "Visits in timescale (%)", "H", 85, 86, 87, nil, nil, "TB01", 90, 85},
		},
		want: []string{"TB01 Feb-25 86", "TB01 Jan-25 85", "TB01 Mar-25 87",
			"TB02 Feb-25 86", "TB02 Jan-25 85", "TB02 Mar-25 87"},
		polarity: []string{"TB01 H", "TB02 H"},
		targets:  []string{"TB01 2024/25 90 85", "TB02 2024/25 80 70"},
		warn:     []string{"I1: columns I to K are a second table beside the first"},
	}, {
		name: "areas beside months",
		rows: [][]any{
			append(append(slices.Clone(eh), nil), "Ref", "Indicator", "Ashford", "Dover"),
			{"EH11", "Early help assessments completed", "L", 210, 198, 225, nil, "EH12", "Early help cases closed", 40, 50},
		},
		want:     []string{"EH11 Feb-25 198", "EH11 Jan-25 210", "EH11 Mar-25 225"},
		polarity: []string{"EH11 L"},
		warn:     []string{"H1: columns H to K are a second table beside the first, with its own Ref column H, of areas where the first is of months or quarters: its figures are not read"},
	}, {
		name: "a table beside with no Ref",
		rows: [][]any{
			append(append(slices.Clone(eh), nil), "Indicator", "Polarity", "Apr-25", "May-25"),
			{"EH11", "Early help assessments completed", "H", 210, 198, 225, nil, "First time entrants", "L", 14, 11},
		},
		want:     []string{"EH11 Feb-25 198", "EH11 Jan-25 210", "EH11 Mar-25 225"},
		polarity: []string{"EH11 H"},
		warn:     []string{`H1: columns H to K are a second table beside the first, with no Ref column of its own (column H "Indicator"): its figures are not read`},
		unsure:   `column H "Indicator" starts a second table beside the first, with no Ref column of its own`,
	}, {
		// A gap between months, or before the targets, is a spacer.
		name: "one table with gaps",
		rows: [][]any{
			{"Ref", "Indicator", "Polarity", "Jan-25", "Feb-25", nil, "Mar-25", nil, "Target 2024/25", "Comments"},
			{"EH11", "Early help assessments completed", "H", 210, 198, nil, 225, nil, 200, "On track"},
		},
		want:     []string{"EH11 Feb-25 198", "EH11 Jan-25 210", "EH11 Mar-25 225"},
		polarity: []string{"EH11 H"},
		targets:  []string{"EH11 2024/25 200 -"},
		notWarn:  "second table",
	}, {
		name: "Ref repeated at the right",
		rows: [][]any{
			append(slices.Clone(eh), "Ref"),
			{"EH11", "Early help assessments completed", "L", 210, 198, 225, "EH11"},
		},
		want:     []string{"EH11 Feb-25 198", "EH11 Jan-25 210", "EH11 Mar-25 225"},
		polarity: []string{"EH11 L"},
		warn:     []string{`G1: column G "Ref" not read: a second ref column; column A was read`},
	}, {
		name: "a second polarity column",
		rows: [][]any{
			append(slices.Clone(eh), "Polarity"),
			{"EH11", "Early help assessments completed", "H", 210, 198, 225, "L"},
		},
		want:     []string{"EH11 Feb-25 198", "EH11 Jan-25 210", "EH11 Mar-25 225"},
		polarity: []string{"EH11 H"},
		warn:     []string{`G1: column G "Polarity" not read: a second polarity column; column C was read`},
	}, {
		name: "a second indicator column",
		rows: [][]any{
			{"Ref", "Indicator", "Jan-25", "Feb-25", "Description"},
			{"EH11", "Early help assessments completed", 210, 198, "Assessments"},
		},
		want:     []string{"EH11 Feb-25 198", "EH11 Jan-25 210"},
		polarity: []string{"EH11 "},
		warn:     []string{`E1: column E "Description" not read: a second name column; column B was read`},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustRead(t, writeBook(t, "Dashboard", tt.rows))
			d := res.Dataset
			var got []string
			for _, o := range d.Observations {
				got = append(got, fmt.Sprintf("%s %s %g", o.Ref, o.Period.Label(), *o.Value))
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("figures\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			var pols []string
			sections := map[string]string{}
			for _, ind := range d.Indicators {
				pols = append(pols, fmt.Sprintf("%s %s", ind.Ref, ind.Polarity))
				sections[ind.Ref] = ind.Section
			}
			slices.Sort(pols)
			if !slices.Equal(pols, tt.polarity) {
				t.Errorf("indicators and polarities %q, want %q", pols, tt.polarity)
			}
			for _, s := range tt.section {
				ref, want, _ := strings.Cut(s, " ")
				if sections[ref] != want {
					t.Errorf("%s's section %q, want %q", ref, sections[ref], want)
				}
			}
			var targets []string
			for _, tg := range d.Targets {
				targets = append(targets, fmt.Sprintf("%s %s %s %s", tg.Ref, tg.Year.Label(), num(tg.Target), num(tg.Floor)))
			}
			slices.Sort(targets)
			if !slices.Equal(targets, tt.targets) {
				t.Errorf("targets %q, want %q", targets, tt.targets)
			}
			var ws []string
			for _, w := range res.Warnings {
				ws = append(ws, w.Cell+": "+w.Message)
			}
			for _, want := range tt.warn {
				if !slices.ContainsFunc(ws, func(w string) bool { return strings.HasPrefix(w, want) }) {
					t.Errorf("warnings\n%s\nwant one starting %q", strings.Join(ws, "\n"), want)
				}
			}
			if tt.unsure != "" {
				var ds []string
				for _, l := range res.Layouts {
					ds = append(ds, l.Unsure...)
				}
				if !slices.ContainsFunc(ds, func(d string) bool { return strings.HasPrefix(d, tt.unsure) }) {
					t.Errorf("layout doubts %q, want one starting %q", ds, tt.unsure)
				}
				if slices.ContainsFunc(ds, func(d string) bool { return strings.Contains(d, "both read as") }) {
					t.Errorf("layout doubts %q: the tables' columns are each their own", ds)
				}
			}
			if tt.notWarn != "" {
				for _, w := range ws {
					if strings.Contains(w, tt.notWarn) {
						t.Errorf("warning %q: the tables' figures are different indicators'", w)
					}
				}
			}
		})
	}
}

// num writes a target's value, "-" for none.
func num(v *float64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%g", *v)
}

// TestTablesSideBySideSourceCells: where a block of targets stands beside
// the figures in another row order, an export into the original writes
// each indicator's revised target into its own row of that block, not
// the row of its figures.
func TestTablesSideBySideSourceCells(t *testing.T) {
	res := mustRead(t, writeBook(t, "Scorecard", [][]any{
		{"Ref", "Indicator", "Polarity", "Jan-25", "Feb-25", "Mar-25", nil, nil, "Ref", "Target 2024/25", "Floor 2024/25"},
		{"TB01", "Health assessments in time (%)", "H", 85, 86, 87, nil, nil, "TB02", 80, 70},
		{"TB02", "Visits in timescale (%)", "H", 85, 86, 87, nil, nil, "TB01", 90, 85},
	}))
	year := app.Period{Kind: app.FinancialYear, Year: 2024}
	want := []app.TargetCell{
		{Sheet: "Scorecard", Col: "J", Row: 2, Ref: "TB02", Year: year, Part: app.PartTarget},
		{Sheet: "Scorecard", Col: "J", Row: 3, Ref: "TB01", Year: year, Part: app.PartTarget},
		{Sheet: "Scorecard", Col: "K", Row: 2, Ref: "TB02", Year: year, Part: app.PartFloor},
		{Sheet: "Scorecard", Col: "K", Row: 3, Ref: "TB01", Year: year, Part: app.PartFloor},
	}
	got := res.SourceCells().Targets
	slices.SortFunc(got, func(a, b app.TargetCell) int { return strings.Compare(a.Col+a.Ref, b.Col+b.Ref) })
	slices.SortFunc(want, func(a, b app.TargetCell) int { return strings.Compare(a.Col+a.Ref, b.Col+b.Ref) })
	if !slices.Equal(got, want) {
		t.Errorf("target cells\n%+v\nwant\n%+v", got, want)
	}
}
