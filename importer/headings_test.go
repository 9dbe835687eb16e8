package importer

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// targetsRead gives the targets and floors read, "2025/26 45/40" each.
func targetsRead(res *Result) []string {
	var got []string
	for _, t := range res.Dataset.Targets {
		f := func(v *float64) string {
			if v == nil {
				return "-"
			}
			return fmt.Sprint(*v)
		}
		got = append(got, t.Year.Label()+" "+f(t.Target)+"/"+f(t.Floor))
	}
	return got
}

// warnedAt gives the warnings at one cell of one sheet.
func warnedAt(res *Result, sheet, cell string) []string {
	var got []string
	for _, w := range res.Warnings {
		if w.Sheet == sheet && w.Cell == cell {
			got = append(got, w.Message)
		}
	}
	return got
}

// TestHeadingsQualifyingAFigure: a heading that speaks of a benchmark, a
// target or last year but names something else (a rank, a gap, another
// period's figure, a target for another year) is not read as that
// figure: it had put a rank in England's place, last month's figure in
// the previous year's outturn, England's figure in the council's own
// outturn, a gap to target in the target's, and took "average" and
// "coverage" for RAG columns whose numbers vanished. Such a column is
// left unread and said so at its heading, and the figures beside it keep
// their target and floor, as is a benchmark's heading saying it is the
// previous year's ("England (previous year)"), which had been read as
// the latest published and replaced it. A column read from words within
// its heading says so.
func TestHeadingsQualifyingAFigure(t *testing.T) {
	const unread = "" // no benchmark read
	tests := []struct {
		head  string
		group string // the benchmark column F gives, or unread
		rag   bool   // read as a RAG column, silently
	}{
		{"Previous month", unread, false},
		{"Previous quarter", unread, false},
		{"Same month last year", unread, false},
		{"Last year YTD", unread, false},
		{"Previous year Q2", unread, false},
		{"Previous year target", unread, false},
		{"Floor (previous year)", unread, false},
		{"Last year's floor", unread, false},
		{"Outturn target", unread, false},
		{"England rank", unread, false},
		{"England (2023/24) rank", unread, false},
		{"Difference from England", unread, false},
		{"Kent vs England", unread, false},
		{"England lowest", unread, false},
		{"National quartile", unread, false},
		{"Statistical neighbour quartile", unread, false},
		{"Stat neighbours highest", unread, false},
		{"Regional rank", unread, false}, // "Regional average" is the region's figure: TestRegionBenchmarkColumns
		{"12 month average", unread, false},
		{"Average caseload", unread, false},
		{"Coverage", unread, false},
		{"Gap to target", unread, false},
		{"Variance to target", unread, false},
		{"Difference from target", unread, false},
		{"Target met?", unread, false},
		{"Target 2025/26 (stretch)", unread, false},
		// An earlier year's benchmark, read as the latest published had
		// replaced it, silently, where both were given.
		{"England (previous year)", unread, false},
		{"National (previous year)", unread, false},
		{"Stat neighbours (last year)", unread, false},
		{"England (prior year)", unread, false},
		// Read, as before or now rightly.
		{"Previous year outturn", app.OutturnGroup, false},
		{"Outturn last reported", app.OutturnGroup, false},
		{"Last year's outturn", app.OutturnGroup, false},
		{"England latest", "England", false},
		{"Stat neighbours average", "Statistical neighbours", false},
		// The app's own export's headings: the model's year is not the
		// figure's.
		{"Stat neighbours (2025 model)", "Statistical neighbours", false},
		{"Stat neighbours (2024 and 2025 models)", "Statistical neighbours", false},
		{"Stat neighbours (all children)", "Statistical neighbours", false},
		{"England (all children)", "England", false},
		{"RAG", unread, true},
		{"Target RAG", unread, true},
	}
	exact := map[string]bool{"Previous year outturn": true, "Stat neighbours average": true, "RAG": true,
		"Stat neighbours (2025 model)": true, "Stat neighbours (2024 and 2025 models)": true,
		"Stat neighbours (all children)": true, "England (all children)": true}
	for _, tt := range tests {
		t.Run(tt.head, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "Scorecard")
			f.SetSheetRow("Scorecard", "A1", &[]any{"CYPE Scorecard - September 2025"})
			f.SetSheetRow("Scorecard", "A3", &[]any{"Ref", "Indicator", "Polarity", "Target", "Floor", tt.head, "Jul-25", "Aug-25", "Sep-25"})
			cellF := any(30)
			if tt.rag {
				cellF = "G"
			}
			f.SetSheetRow("Scorecard", "A4", &[]any{"L01", "Heading test (%)", "H", 45, 40, cellF, 41, 42, 43})
			res := readFile(t, f)
			var groups []string
			for _, b := range res.Dataset.Benchmarks {
				groups = append(groups, fmt.Sprintf("%s %s %v", b.Group, b.Period.Label(), *b.Value))
			}
			want := []string{}
			if tt.group != unread {
				// England's and the neighbours': the latest published in
				// September 2025; the previous year's outturn: that year.
				year := "2023/24"
				if tt.group == app.OutturnGroup {
					year = "2024/25"
				}
				want = append(want, tt.group+" "+year+" 30")
			}
			if fmt.Sprint(groups) != fmt.Sprint(want) {
				t.Errorf("benchmarks %v, want %v", groups, want)
			}
			if got := targetsRead(res); fmt.Sprint(got) != "[2025/26 45/40]" {
				t.Errorf("targets %v, want [2025/26 45/40]", got)
			}
			// A column read from words in its heading says so; one not
			// read says that. (That no heading here names a year is
			// said too: TestUndatedBenchmarkHeadings.)
			var warned []string
			for _, w := range warnedAt(res, "Scorecard", "F3") {
				if !strings.Contains(w, "names no year") {
					warned = append(warned, w)
				}
			}
			said := "not read"
			// Dated from the title's month (TestRelativeHeadings), not
			// read as the previous year's outturn.
			if d, ok := map[string]string{"Previous quarter": "read as Apr-Jun 2025", "Same month last year": "read as Sep-24"}[tt.head]; ok {
				said = d
			}
			if tt.group != unread || tt.rag {
				said = "from words in its heading"
				if exact[tt.head] {
					said = ""
				}
			}
			switch {
			case said == "" && len(warned) > 0:
				t.Errorf("warnings at F3 %q, want none for a column its heading names", warned)
			case said != "" && (len(warned) != 1 || !strings.Contains(warned[0], said)):
				t.Errorf("warnings at F3 %q, want one saying %q", warned, said)
			}
			if tt.rag {
				rated := false
				for _, o := range res.Dataset.Observations {
					rated = rated || o.SourceRAG != app.NoRAG
				}
				if !rated {
					t.Errorf("no RAG read from column F")
				}
			}
		})
	}
}

// TestTwoColumnsBenchmarkOneYear: two columns read as one group's
// benchmark for one year ("England" twice) had the later silently
// replace the earlier. The first, plain column's is kept, and the
// other's cell says so, naming both; the same figure twice is no
// conflict.
func TestTwoColumnsBenchmarkOneYear(t *testing.T) {
	tests := []struct {
		name   string
		heads  []any
		values []any
		want   string // the England benchmarks read
		cell   string // the warning's cell, "" for none
		names  string // a column the warning names besides its own
	}{
		{"England twice", []any{"England", "England"}, []any{22, 21}, "[England 2023/24 22]", "E4", "column D"},
		{"a guessed England before the plain one", []any{"England (latest)", "England"}, []any{21, 22}, "[England 2023/24 22]", "D4", "column E"},
		{"the same figure twice", []any{"England", "National"}, []any{22, 22}, "[England 2023/24 22]", "", ""},
		{"England beside its previous year", []any{"England", "England (previous year)"}, []any{22, 21}, "[England 2023/24 22]", "", ""},
		{"England and another year's", []any{"England", "England 2023/24"}, []any{22, 21}, "[England 2023/24 21 England 2024/25 22]", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "Scorecard")
			f.SetSheetRow("Scorecard", "A1", &[]any{"CYPE Scorecard - September 2025"})
			f.SetSheetRow("Scorecard", "A3", &[]any{"Ref", "Indicator", "Polarity", tt.heads[0], tt.heads[1], "Jul-25", "Aug-25", "Sep-25"})
			f.SetSheetRow("Scorecard", "A4", &[]any{"L01", "Re-referrals (%)", "L", tt.values[0], tt.values[1], 41, 47, 52})
			res := readFile(t, f)
			var got []string
			for _, b := range res.Dataset.Benchmarks {
				got = append(got, fmt.Sprintf("%s %s %v", b.Group, b.Period.Label(), *b.Value))
			}
			slices.Sort(got)
			if fmt.Sprint(got) != tt.want {
				t.Errorf("benchmarks %v, want %s", got, tt.want)
			}
			var said []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "differs") {
					said = append(said, w.Cell+": "+w.Message)
				}
			}
			switch {
			case tt.cell == "" && len(said) > 0:
				t.Errorf("warned %q, want nothing", said)
			case tt.cell != "" && (len(said) != 1 || !strings.HasPrefix(said[0], tt.cell+":") || !strings.Contains(said[0], tt.names)):
				t.Errorf("warned %q, want one at %s naming %s", said, tt.cell, tt.names)
			}
		})
	}
}

// TestTwoColumnsTargetOneYear: two columns giving one year's target (or
// floor) different figures had the later silently replace the earlier,
// and RAG went wrong: "Target 2025/26" or "Minimum" beside "Target" and
// "Floor". The first, plain column's is taken, and the other's cell says
// so, naming both; the same figure twice is no conflict.
func TestTwoColumnsTargetOneYear(t *testing.T) {
	tests := []struct {
		name   string
		heads  []any
		values []any
		want   string // target/floor read for 2025/26
		cell   string // the warning's cell, "" for none
		names  string // a column the warning names besides its own
	}{
		{"a year's target beside the target", []any{"Target", "Target 2025/26", "Floor"}, []any{45, 50, 40}, "2025/26 45/40", "E4", "column D"},
		{"a minimum beside the floor", []any{"Target", "Floor", "Minimum"}, []any{45, 40, 35}, "2025/26 45/40", "F4", "column E"},
		{"the same target twice", []any{"Target", "Target 2025/26", "Floor"}, []any{45, 45, 40}, "2025/26 45/40", "", ""},
		{"a guessed target before the plain one", []any{"Annual target", "Floor", "Target"}, []any{50, 40, 45}, "2025/26 45/40", "D4", "column F"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "Scorecard")
			f.SetSheetRow("Scorecard", "A1", &[]any{"CYPE Scorecard - September 2025"})
			f.SetSheetRow("Scorecard", "A3", &[]any{"Ref", "Indicator", "Polarity", tt.heads[0], tt.heads[1], tt.heads[2], "Jul-25", "Aug-25", "Sep-25"})
			f.SetSheetRow("Scorecard", "A4", &[]any{"L01", "Two targets (%)", "H", tt.values[0], tt.values[1], tt.values[2], 41, 47, 52})
			res := readFile(t, f)
			if got := targetsRead(res); fmt.Sprint(got) != "["+tt.want+"]" {
				t.Errorf("targets %v, want [%s]", got, tt.want)
			}
			var said []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "differs") {
					said = append(said, w.Cell+": "+w.Message)
				}
			}
			switch {
			case tt.cell == "" && len(said) > 0:
				t.Errorf("warned %q, want nothing", said)
			case tt.cell != "" && (len(said) != 1 || !strings.HasPrefix(said[0], tt.cell+":") || !strings.Contains(said[0], tt.names)):
				t.Errorf("warned %q, want one at %s naming %s", said, tt.cell, tt.names)
			}
		})
	}
}

// TestFiguresUnderTheHeader (QA probe 11): an England row of figures
// under the header, above the first indicator, was taken for a second
// header row ("Indicator / England"), the months under it lost and the
// sheet refused as having "no Indicator, month or area columns". A row
// holding figures under the month headings is data: the indicators are
// read, and the row without a Ref is said.
func TestFiguresUnderTheHeader(t *testing.T) {
	res := mustRead(t, writeBook(t, "Scorecard", [][]any{
		{"Children's Social Care Performance Scorecard - March 2025"}, nil,
		{"Ref", "Indicator", "Polarity", "Jan-25", "Feb-25", "Mar-25"},
		{nil, "England", nil, 2405, 2412, 2419.5},
		{"CIC01", "Number of children in care", "L", 1900, 1907, 1914},
		{nil, "England", nil, 15.6, 15.9, 16.2},
		{"CIC05", "Children in care with 3 or more placements (%)", "L", 10.1, 10.4, 10.7},
	}))
	got := map[string]int{}
	for _, o := range res.Dataset.Observations {
		got[o.Ref]++
	}
	if got["CIC01"] != 3 || got["CIC05"] != 3 {
		t.Errorf("read %v, want CIC01's and CIC05's three months", got)
	}
	var skipped []string
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "row skipped: it has figures but no indicator Ref") {
			skipped = append(skipped, w.Cell)
		}
	}
	if strings.Join(skipped, " ") != "A4 A6" {
		t.Errorf("rows without a Ref said at %v, want A4 and A6", skipped)
	}
}

// TestYearlessQuarterSaid: a quarter heading without its year ("Q1"
// under a title "Quarterly Scorecard 2024/25", the commonest quarterly
// layout) was refused as "not one the importer knows"; it is said to
// lack its year and how to write it. Other headings are not taken for
// one.
func TestYearlessQuarterSaid(t *testing.T) {
	for h, want := range map[string]bool{
		"Q1": true, "q4": true, "Qtr 1": true, "Qtr2": true, "Quarter 3": true, "Apr-Jun": true, "Jul - Sept": true,
		"October to December": true, "jan-mar": true,
		"Q5": false, "Q1 2024/25": false, "Apr-Jun 2024": false, "Apr-Sep": false, "Jan-Jun": false, "Quarter": false, "Notes": false,
	} {
		if got := yearlessQuarter(h); got != want {
			t.Errorf("yearlessQuarter(%q) = %v, want %v", h, got, want)
		}
		if want && !strings.HasPrefix(unknownWhy(h), "it names a quarter but not its year: head it with the year it is of, Q1 2024/25") {
			t.Errorf("unknownWhy(%q) = %q", h, unknownWhy(h))
		}
	}
}
