package importer

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestSectionHeadingRows reads rows a Ref with no digit stands on with no
// figures (QA24a D2, D15): a section heading that states its rows' kind
// of year or data period, or captions a column ("2023/24" over the
// Previous year figures), stays a section heading, its indicators in it,
// and what it states is said unread at its cell; a caption is never a
// figure; a legend is no indicator; a repeat of the header under a
// section's title is the header again. Read as indicators, such rows had
// reached exports, one caption as a Previous year outturn of 8429%.
func TestSectionHeadingRows(t *testing.T) {
	months := []any{"Oct-24", "Nov-24", "Dec-24", "Jan-25", "Feb-25", "Mar-25"}
	row := func(cells ...any) []any { return cells }
	for _, tc := range []struct {
		name       string
		rows       [][]any
		indicators []string // ref|section, in the file's order
		figures    map[string][]string
		benchmarks []string // ref period group: value
		warnings   []string // cell: the message's beginning
	}{
		{
			name: "Norfolk-style sections with a year type and a year's caption, a legend at the foot",
			rows: [][]any{
				append(row("Ref", "Indicator", "Polarity", "Year type", "Previous year"), append(months, "Target")...),
				row("SAFEGUARDING", nil, nil, "Financial", "2023/24"),
				row("NF01", "Re-referrals within 12 months (%)", "L", nil, 22.0, 20, 21, 22, 23, 22, 21, 20),
				row("NF02", "Child protection plans lasting 2 years or more (%)", "L", nil, 3.1, 2.5, 2.8, 3.0, 3.2, 3.1, 2.9, 2.0),
				row("EDUCATION", nil, nil, "Academic", "2023/24"),
				row("NF03", "Persistent absence of children in care (%)", "L", nil, 25.0, 24, 23, 22, 21, 20, 19, 18),
				row(),
				row("KEY", nil, "H/L", "polarity: higher or lower is better"),
				row("RAG", nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, "G/A/R"),
			},
			indicators: []string{"NF01|SAFEGUARDING", "NF02|SAFEGUARDING", "NF03|EDUCATION"},
			figures: map[string][]string{
				"NF03": {"Kent all Dec-24: 22", "Kent all Feb-25: 20", "Kent all Jan-25: 21", "Kent all Mar-25: 19", "Kent all Nov-24: 23", "Kent all Oct-24: 24"},
			},
			benchmarks: []string{"NF01 2023/24 Previous year outturn: 22", "NF02 2023/24 Previous year outturn: 3.1", "NF03 2023/24 Previous year outturn: 25"},
			warnings: []string{
				`A2: row read as the heading of a section, "SAFEGUARDING", not as an indicator: it has no figures, nor a name with a polarity, unit, target or benchmark that reads; what it states (D2 "Financial", E2 "2023/24") is not read, nor given to the indicators below: state it on each indicator's row, or, if "SAFEGUARDING" is an indicator, give it a name and its polarity, unit or target`,
				`A5: row read as the heading of a section, "EDUCATION", not as an indicator: it has no figures, nor a name with a polarity, unit, target or benchmark that reads; what it states (D5 "Academic", E5 "2023/24")`,
			},
		},
		{
			name: "a section's data period beside its heading, a cohort's row with no Ref under it",
			rows: [][]any{
				row("Ref", "Indicator", "Data period", "Jan-25", "Feb-25", "Mar-25"),
				row("CIC", nil, "MS"),
				row(nil, "Number of children in care excl UASC", nil, 1400, 1410, 1420),
				row("EH", nil, "MS"),
				row("EH01", "Number of early help cases open", "MS", 3000, 3100, 3200),
			},
			indicators: []string{"EH01|EH"},
			figures:    map[string][]string{"EH01": {"Kent all Feb-25: 3100", "Kent all Jan-25: 3000", "Kent all Mar-25: 3200"}},
			warnings: []string{
				`A2: row read as the heading of a section, "CIC", not as an indicator: it has no figures, nor a name with a polarity, unit, target or benchmark that reads; what it states (C2 "MS") is not read`,
				`A3: row skipped: it has figures but no indicator Ref`,
				`A4: row read as the heading of a section, "EH", not as an indicator`,
			},
		},
		{
			name: "a sheet of definitions: a heading with a name and its kind of year, a legend",
			rows: [][]any{
				row("Ref", "Indicator", "Polarity", "Year type", "Target 2025/26"),
				row("CLA", "Children looked after rate per 10,000", "Low", "Financial", 60),
				row("EH", "Early help", nil, "Financial"),
				row("EH01", "Number of early help assessments", "High", nil, 500),
				row("KEY", nil, "H = higher is better, L = lower is better"),
			},
			indicators: []string{"CLA|", "EH01|EH"},
			warnings: []string{
				`A3: row read as the heading of a section, "EH", not as an indicator: it has no figures, nor a name with a polarity, unit, target or benchmark that reads; what it states (D3 "Financial") is not read`,
			},
		},
		{
			name: "a RAG legend alone at the foot",
			rows: [][]any{
				row("Ref", "Indicator", "Polarity", "Jan-25", "Feb-25", "Target"),
				row("NF06", "Re-referrals within 12 months (%)", "L", 21, 22, 20),
				row(),
				row("RAG", "Green: on target", nil, nil, nil, "G/A/R"),
				row("Legend", "Amber: within 5% of target"),
			},
			indicators: []string{"NF06|"},
			figures:    map[string][]string{"NF06": {"Kent all Feb-25: 22", "Kent all Jan-25: 21"}},
		},
		{
			name: "a year's caption in an indicator's Previous year cell is no figure",
			rows: [][]any{
				row("Ref", "Indicator", "Polarity", "Previous year", "Jan-25", "Feb-25"),
				row("NF04", "Re-referrals within 12 months (%)", "L", "2023/24", 21, 22),
				row("NF05", "Child protection plans lasting 2 years or more (%)", "L", 3.1, 2.5, 2.8),
			},
			indicators: []string{"NF04|", "NF05|"},
			figures:    map[string][]string{"NF04": {"Kent all Feb-25: 22", "Kent all Jan-25: 21"}},
			benchmarks: []string{"NF05 2023/24 Previous year outturn: 3.1"},
			warnings:   []string{`D2: NF04: previous year skipped: "2023/24" is a year, not a number, fraction or status code: a year belongs in its column's heading, the figure in the cell`},
		},
		{
			name: "the header repeated under a section's title",
			rows: [][]any{
				row("Ref", "Indicator", "Polarity", "Data period", "Jan-25", "Feb-25", "Mar-25", "Target"),
				row("SN01", "Re-referrals within 12 months (%)", "L", "R12M", 20, 21, 22, 20),
				row("SEND", "Indicator", "Polarity", "Data period", "Jan-25", "Feb-25", "Mar-25", "Target"),
				row("SN02", "EHCPs issued within 20 weeks (%)", "H", "R12M", 60, 62, 64, 65),
			},
			indicators: []string{"SN01|", "SN02|SEND"},
			figures:    map[string][]string{"SN02": {"Kent all Feb-25: 62", "Kent all Jan-25: 60", "Kent all Mar-25: 64"}},
			warnings: []string{
				`A3: row repeats the header with "SEND" in its Ref cell: read as the header again and "SEND" as the heading of the section below, not as an indicator`,
			},
		},
		{
			// QA probe 6: the heading's words were only the section's
			// name, every figure below filed as all children's.
			name: "a section heading excluding UASC, the next heading all children",
			rows: [][]any{
				row("Ref", "Indicator", "Polarity", "Target", "Jan-25", "Feb-25"),
				row("Children in Care (excluding UASC)"),
				row("CIC01", "Number of children in care", "L", 1500, 1400, 1410),
				row(nil, "UASC only", nil, nil, 60, 61),
				row("Social Care"),
				row("SC01", "Re-referrals within 12 months (%)", "L", 20, 21, 22),
			},
			indicators: []string{"CIC01|Children in Care (excluding UASC)", "SC01|Social Care"},
			figures: map[string][]string{
				// A cohort row under it keeps its own, said.
				"CIC01": {"Kent excl:uasc Feb-25: 1410", "Kent excl:uasc Jan-25: 1400", "Kent uasc Feb-25: 61", "Kent uasc Jan-25: 60"},
				"SC01":  {"Kent all Feb-25: 22", "Kent all Jan-25: 21"},
			},
			warnings: []string{
				`A2: section heading "Children in Care (excluding UASC)" says its figures count all children excluding UASC: every figure of the indicators below it, to the next heading, is read as Excluding UASC, not all children's`,
				`A4: CIC01: the row counts UASC alone, though its section's heading says all children excluding UASC: read as the row says`,
				`D3: a target or benchmark on rows of a district or cohort not read`,
			},
		},
		{
			// QA probe 6: "(1) provisional", a Ref with a digit to the
			// eye, became an indicator with no figures.
			name: "a note at the foot that a numbered mark begins",
			rows: [][]any{
				row("Ref", "Indicator", "Polarity", "Jan-25", "Feb-25"),
				row("SC01 (1)", "Re-referrals within 12 months (%)", "L", 21, 22),
				row(),
				row("(1) provisional"),
				row("[2] estimated"),
			},
			indicators: []string{"SC01|"},
			figures:    map[string][]string{"SC01": {"Kent all Feb-25: 22", "Kent all Jan-25: 21"}},
		},
		{
			// A heading naming a cohort alone heads indicators of their
			// own: read as before.
			name: "a section heading naming UASC",
			rows: [][]any{
				row("Ref", "Indicator", "Polarity", "Jan-25", "Feb-25"),
				row("UASC"),
				row("UA01", "Number of UASC in care", "L", 400, 410),
			},
			indicators: []string{"UA01|UASC"},
			figures:    map[string][]string{"UA01": {"Kent all Feb-25: 410", "Kent all Jan-25: 400"}},
		},
		{
			// QA probe 7: the UASC figures clashed with CIC01's row
			// above, and were set aside as a duplicate's.
			name: "an indicator given again under a heading naming UASC",
			rows: [][]any{
				row("Ref", "Indicator", "Polarity", "Target", "Jan-25", "Feb-25"),
				row("Children in care"),
				row("CIC01", "Number of children in care", "L", 1500, 1400, 1410),
				row("CIC02", "Children in care with 3+ placements (%)", "L", 10, 9.5, 9.8),
				row("UASC"),
				row("CIC01", "Number of children in care", "L", nil, 60, 61),
				row("UA01", "Number of UASC referred to the NTS", "L", nil, 5, 6),
				row("UA02", "Number of age assessments completed", "L", nil, 7, 8),
			},
			indicators: []string{"CIC01|Children in care", "CIC02|Children in care", "UA01|UASC", "UA02|UASC"},
			figures: map[string][]string{
				"CIC01": {"Kent all Feb-25: 1410", "Kent all Jan-25: 1400", "Kent uasc Feb-25: 61", "Kent uasc Jan-25: 60"},
				// Indicators of the section's own, named so or not.
				"UA01": {"Kent all Feb-25: 6", "Kent all Jan-25: 5"},
				"UA02": {"Kent all Feb-25: 8", "Kent all Jan-25: 7"},
			},
			warnings: []string{
				`A5: section heading "UASC" names UASC alone, and CIC01 below it is given above for all children: its figures here, and those of any other indicator given above, to the next heading, are read as UASC only, not all children's`,
			},
		},
		{
			// QA probe 7: read as all children's, the 60 UASC were
			// filed as the number of children in care, unsaid.
			name: "a section heading saying its figures count UASC only",
			rows: [][]any{
				row("Ref", "Indicator", "Polarity", "Target", "Jan-25", "Feb-25"),
				row("Social care"),
				row("SC01", "Re-referrals within 12 months (%)", "L", 20, 21, 22),
				row("Unaccompanied asylum seeking children only"),
				row("CIC01", "Number of children in care", "L", 50, 60, 61),
				row("UA01", "Number of UASC referred to the NTS", "L", nil, 5, 6),
				row("All children"),
				row("CIC02", "Children in care with 3+ placements (%)", "L", 10, 9.5, 9.8),
			},
			indicators: []string{"SC01|Social care", "CIC01|Unaccompanied asylum seeking children only", "UA01|Unaccompanied asylum seeking children only", "CIC02|All children"},
			figures: map[string][]string{
				"CIC01": {"Kent uasc Feb-25: 61", "Kent uasc Jan-25: 60"},
				"UA01":  {"Kent all Feb-25: 6", "Kent all Jan-25: 5"},
				"CIC02": {"Kent all Feb-25: 9.8", "Kent all Jan-25: 9.5"},
			},
			warnings: []string{
				`A4: section heading "Unaccompanied asylum seeking children only" says its figures count UASC alone: the figures of each indicator below it whose name names no cohort, to the next heading, are read as UASC only (CIC01 the first), not all children's`,
				`D5: a target or benchmark on rows of a district or cohort not read`,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := mustRead(t, writeBook(t, "Scorecard", tc.rows))
			var got []string
			for _, ind := range res.Dataset.Indicators {
				got = append(got, ind.Ref+"|"+ind.Section)
			}
			if !slices.Equal(got, tc.indicators) {
				t.Errorf("indicators %q, want %q", got, tc.indicators)
			}
			for ref, want := range tc.figures {
				if got := figuresOf(res.Dataset, ref); !slices.Equal(got, want) {
					t.Errorf("%s figures %q, want %q", ref, got, want)
				}
			}
			var benchmarks []string
			for _, b := range res.Dataset.Benchmarks {
				benchmarks = append(benchmarks, fmt.Sprintf("%s %s %s: %v", b.Ref, b.Period.Label(), b.Group, *b.Value))
			}
			slices.Sort(benchmarks)
			if !slices.Equal(benchmarks, tc.benchmarks) {
				t.Errorf("benchmarks %q, want %q", benchmarks, tc.benchmarks)
			}
			var warnings []string
			for _, w := range res.Warnings {
				warnings = append(warnings, w.Cell+": "+w.Message)
			}
			if len(warnings) != len(tc.warnings) {
				t.Fatalf("warnings %q, want %d like %q", warnings, len(tc.warnings), tc.warnings)
			}
			for i := range warnings {
				if !strings.HasPrefix(warnings[i], tc.warnings[i]) {
					t.Errorf("warning %q, want it to begin %q", warnings[i], tc.warnings[i])
				}
			}
		})
	}
}
