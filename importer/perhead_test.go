package importer

import (
	"context"
	"strings"
	"testing"

	"scorecard/app"
)

// TestPerCategoryIsACount: a name "per" a category of a breakdown ("per
// placement type", "per referral source", "per child protection
// category") counts children in each, and a Unit column of "No." or a
// name beginning "Number of" says it counts: read as counts, so exports
// withhold their small numbers (QA25 D1). A mean is read only where the
// name says average or mean, or ends "per" a member of staff
// ("Caseload per FTE"), and then said at the name.
func TestPerCategoryIsACount(t *testing.T) {
	tests := []struct {
		ref, name, unit string // unit: the Unit column's, "" for none
		vals            []any
		measure         app.Measure
		want            string // the warning at the name, its start; "" for none
	}{
		// A Unit column stating a count: a count, nothing said.
		{"PT01", "Number of children in care per placement type: residential", "No.", []any{3, 4, 3}, app.Count, ""},
		{"RS01", "Referrals per referral source: Police", "No.", []any{2, 1, 3}, app.Count, ""},
		{"CT01", "Number of children per case type: UASC care leaver", "No.", []any{4, 3, 2}, app.Count, ""},
		{"PC01", "Number of children on a plan per plan category: sexual abuse", "No.", []any{2, 3, 1}, app.Count, ""},
		{"CP01", "Number of children per child protection category: sexual abuse", "No.", []any{1, 2, 3}, app.Count, ""},
		{"YP01", "Number of care leavers per young person's adviser over 25", "No.", []any{1, 2, 1}, app.Count, ""},
		{"CW01", "Children with more than 3 moves per placement year", "No.", []any{2, 3, 1}, app.Count, ""},
		{"SW01", "Children per social worker", "Number", []any{2, 3, 4}, app.Count, ""},
		{"FT01", "Caseload per FTE", "count", []any{2, 3, 4}, app.Count, ""},
		// Stated as a count yet named an average: a mean, as before.
		{"AV01", "Average caseload per social worker", "No.", []any{18.5, 19, 18}, app.Mean, ""},
		// No Unit column: "Number of ..." counts, nothing said.
		{"NU01", "Number of children per social worker", "", []any{18, 19, 18}, app.Count, ""},
		{"NU02", "Number of children per case type: UASC care leaver", "", []any{4, 3, 2}, app.Count, ""},
		// No Unit column nor "Number of": a count guessed, said.
		{"NU03", "Children missing per placement type: unregulated", "", []any{3, 2, 4}, app.Count,
			`neither a Unit column nor its name "Children missing per placement type: unregulated" states its unit: read as a count of children, a guess`},
		{"NU04", "Children with a plan per child protection category: neglect", "", []any{2, 3, 4}, app.Count,
			`neither a Unit column nor its name "Children with a plan per child protection category: neglect" states its unit: read as a count of children, a guess`},
		{"NU05", "Care leavers per young person's adviser caseload over 20", "", []any{1, 2, 1}, app.Count,
			`neither a Unit column nor its name "Care leavers per young person's adviser caseload over 20" states its unit: read as a count of children, a guess`},
		{"NU06", "Young people per personal adviser", "", []any{22, 23, 21}, app.Count,
			`neither a Unit column nor its name "Young people per personal adviser" states its unit: read as a count of children, a guess`},
		{"NU07", "Referrals per referral source: Police", "", []any{2, 1, 3}, app.Count,
			`neither a Unit column nor its name "Referrals per referral source: Police" states its unit: read as a count of children, a guess`},
		{"NU08", "Placement moves per child", "", []any{1, 2, 1}, app.Count,
			`neither a Unit column nor its name "Placement moves per child" states its unit: read as a count of children, a guess`},
		// The clear forms of a mean, said at the name.
		{"MN01", "Average caseload per social worker", "", []any{18.5, 19, 18}, app.Mean,
			`neither a Unit column nor its name "Average caseload per social worker" states its unit: read as an average per social worker (a mean of counts)`},
		{"MN02", "Caseload per FTE", "", []any{18.5, 19, 18}, app.Mean,
			`neither a Unit column nor its name "Caseload per FTE" states its unit: read as an average per fte (a mean of counts)`},
		{"MN03", "Children per social worker", "", []any{18, 19, 18}, app.Mean,
			`neither a Unit column nor its name "Children per social worker" states its unit: read as an average per social worker (a mean of counts)`},
		{"MN04", "Average number of placement moves per child", "", []any{0.4, 0.5, 0.3}, app.Mean,
			`neither a Unit column nor its name "Average number of placement moves per child" states its unit: read as an average per child (a mean of counts)`},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			head := []any{"Ref", "Indicator", "Polarity", "Jan-25", "Feb-25", "Mar-25"}
			row := append([]any{tt.ref, tt.name, "-"}, tt.vals...)
			if tt.unit != "" {
				head = append(head[:3:3], append([]any{"Unit"}, head[3:]...)...)
				row = append(row[:3:3], append([]any{tt.unit}, row[3:]...)...)
			}
			res, err := Read(context.Background(), writeBook(t, "Scorecard", [][]any{head, row}), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Dataset.Indicators) != 1 {
				t.Fatalf("indicators %+v, want %s alone", res.Dataset.Indicators, tt.ref)
			}
			if ind := res.Dataset.Indicators[0]; ind.Unit != app.Number || ind.Measure != tt.measure {
				t.Errorf("unit %q, measure %q; want %q, %q", ind.Unit, ind.Measure, app.Number, tt.measure)
			}
			var got []string
			for _, w := range res.Warnings {
				got = append(got, w.Cell+": "+w.Message)
			}
			switch {
			case tt.want == "" && len(got) != 0:
				t.Errorf("warnings %q, want none", got)
			case tt.want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], "B2: "+tt.ref+": "+tt.want)):
				t.Errorf("warnings %q, want one at B2 beginning %q", got, tt.want)
			}
		})
	}
}
