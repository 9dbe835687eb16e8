package importer

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// downBook is a scorecard of two percentage indicators, SCS01 in row 4
// and SCS02 in row 5, each stating polarity, data period, target and
// floor and giving three months, with the cells merge names merged down
// over the rows (hA F1: officers merge the identical cells of adjacent
// rows). blank leaves row 5's definition and figure cells empty, as
// merging leaves them. set writes cells after the rows.
func downBook(t *testing.T, merge []string, blank []string, set map[string]any, pct []string) *Result {
	t.Helper()
	b := newBook(t)
	s := "Scorecard"
	b.sheet(s)
	b.row(s, "A1", "Children's Services Performance Scorecard - March 2026")
	b.row(s, "A3", "Ref", "Indicator", "Polarity", "Data Period", "Target", "Floor", "Jan-26", "Feb-26", "Mar-26")
	b.row(s, "A4", "SCS01", "Re-referrals to children's social care within 12 months (%)", "L", "R12M", 22, 25, 20.5, 21.0, 21.5)
	b.row(s, "A5", "SCS02", "Child protection plans that were a second or subsequent plan (%)", "L", "R12M", 22, 25, 23.0, 23.5, 26.5)
	for _, c := range blank {
		if err := b.f.SetCellValue(s, c, nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range slices.Sorted(maps.Keys(set)) {
		if err := b.f.SetCellValue(s, c, set[c]); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range pct {
		b.style(s, c, c, &excelize.Style{NumFmt: 9}) // 0%
	}
	for _, m := range merge {
		from, to, _ := strings.Cut(m, ":")
		b.merge(s, from, to)
	}
	return readFile(t, b.f)
}

// downSummary is what a read stored of each ref: its polarity, data
// period and name, its target and floor, and each month's value or
// status.
func downSummary(res *Result) map[string]string {
	got := map[string]string{}
	for _, ind := range res.Dataset.Indicators {
		got[ind.Ref+" polarity"] = ind.Polarity.String()
		got[ind.Ref+" data period"] = string(ind.DataPeriod)
		got[ind.Ref+" name"] = ind.Name
	}
	num := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprint(*p)
	}
	for _, tg := range res.Dataset.Targets {
		got[tg.Ref+" target"] = num(tg.Target) + "/" + num(tg.Floor)
	}
	for _, o := range res.Dataset.Observations {
		v := num(o.Value)
		if o.Status != app.OK {
			v = o.Status.String()
		}
		got[o.Ref+" "+o.Period.String()] = v
	}
	return got
}

// TestMergedDown: a cell merged down over two indicators' rows is shown
// by Excel against each. A row's polarity, data period, target, floor or
// name so merged is each row's; a status ("c") is each row's; a figure is
// no one row's and is read for neither, said at its cell naming the
// range. The rows below the first had lost their polarity, target and
// RAG, and a figure went to the first row alone, with nothing said.
func TestMergedDown(t *testing.T) {
	const name1 = "Re-referrals to children's social care within 12 months (%)"
	for _, tt := range []struct {
		name  string
		merge []string
		blank []string
		set   map[string]any
		pct   []string // cells formatted 0%
		want  map[string]string
		warn  []string
		never []string
	}{{
		name:  "polarity and data period",
		merge: []string{"C4:C5", "D4:D5"},
		blank: []string{"C5", "D5"},
		want:  map[string]string{"SCS02 polarity": "L", "SCS02 data period": "R12M", "SCS01 polarity": "L"},
		never: []string{"merged", "C5", "D5"},
	}, {
		name:  "target and floor",
		merge: []string{"E4:E5", "F4:F5"},
		blank: []string{"E5", "F5"},
		want:  map[string]string{"SCS01 target": "22/25", "SCS02 target": "22/25"},
		never: []string{"merged", "E5", "F5"},
	}, {
		// Read in the merged cell's format, as Excel shows it, not as a
		// plain 0.22 beside figures of about 20.
		name:  "a target formatted as a percentage",
		merge: []string{"E4:E5"},
		blank: []string{"E5"},
		set:   map[string]any{"E4": 0.22},
		pct:   []string{"E4"},
		want:  map[string]string{"SCS01 target": "22/25", "SCS02 target": "22/25"},
		never: []string{"read as 22%"},
	}, {
		name:  "the name, over rows each with its Ref",
		merge: []string{"B4:B5"},
		blank: []string{"B5"},
		want:  map[string]string{"SCS01 name": name1, "SCS02 name": name1},
	}, {
		name:  "a status",
		merge: []string{"H4:H5"},
		blank: []string{"H5"},
		set:   map[string]any{"H4": "c"},
		want:  map[string]string{"SCS01 2026-02": "c", "SCS02 2026-02": "c", "SCS02 2026-03": "26.5"},
	}, {
		name:  "a figure",
		merge: []string{"H4:H5"},
		blank: []string{"H5"},
		want:  map[string]string{"SCS01 2026-01": "20.5", "SCS02 2026-03": "26.5"},
		warn:  []string{`Scorecard!H4: SCS01: "21" merged down over H4:H5, 2 rows, not read for any of them`},
	}, {
		// A cell made tall over a blank row is its row's alone.
		name:  "a tall cell over a blank row",
		merge: []string{"H5:H6"},
		want:  map[string]string{"SCS02 2026-02": "23.5"},
		never: []string{"merged"},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			res := downBook(t, tt.merge, tt.blank, tt.set, tt.pct)
			got := downSummary(res)
			for k, want := range tt.want {
				if got[k] != want {
					t.Errorf("%s = %q, want %q", k, got[k], want)
				}
			}
			if tt.name == "a figure" {
				for _, k := range []string{"SCS01 2026-02", "SCS02 2026-02"} {
					if v, ok := got[k]; ok {
						t.Errorf("%s = %q, want none: the figure merged over both rows is neither's", k, v)
					}
				}
			}
			warnsAndNever(t, res.Warnings, tt.warn, tt.never)
		})
	}
}

// TestMergedDownRated: the row below a polarity, target and floor merged
// over both rows is rated as Excel shows it, not left an unrated
// context indicator (hA F1b: SCS02 26.5 against 22/25 is RED).
func TestMergedDownRated(t *testing.T) {
	res := downBook(t, []string{"C4:C5", "D4:D5", "E4:E5", "F4:F5"}, []string{"C5", "D5", "E5", "F5"}, nil, nil)
	var ind app.Indicator
	for _, i := range res.Dataset.Indicators {
		if i.Ref == "SCS02" {
			ind = i
		}
	}
	var tg app.Target
	for _, t := range res.Dataset.Targets {
		if t.Ref == "SCS02" {
			tg = t
		}
	}
	if got := app.Rating(ind.Polarity, 26.5, tg, 1); got != app.Red {
		t.Errorf("SCS02 26.5 rated %q against %v, want RED", got, tg)
	}
}
