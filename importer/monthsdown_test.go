package importer

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// bristolReferrals are Bristol's referrals to children's social care,
// Apr-24 to Jun-24, as its monthly returns give them (they sum to the
// DfE's 4,264 for 2024/25 over the year), and its localities' shares.
var bristolReferrals = []struct {
	month                  time.Time
	bristol, nw, ec, s, oa int
}{
	{time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC), 351, 109, 126, 112, 4},
	{time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), 360, 112, 130, 113, 5},
	{time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), 344, 107, 124, 107, 6},
}

// TestMonthsDownAreasAcross checks that a sheet of months down and
// Bristol and its localities across (QA33 b6, b6b) is read, each figure
// filed under its row's month and its column's area, for the indicator
// its title (or its row's Ref) names, with the Total column said unread
// at its heading: it had been refused as having no header row, naming A1,
// and with Ref and Period columns read as a tidy table whose Area column
// was "Bristol", each of the city's counts an area of its own ("351")
// (QA33 F4).
func TestMonthsDownAreasAcross(t *testing.T) {
	const title = "Referrals to children's social care by locality"
	tests := []struct {
		name string
		ref  bool // a Ref and a Period column, as b6b adds
		// localitiesFirst puts Bristol's column after its localities',
		// as b6's sheet CLA does, "North & West" first.
		localitiesFirst bool
		textMonths      bool // months as text, "Apr-24", not dates
		wantRef         string
		wantSaid        []string
	}{
		{name: "title, dates down", wantRef: nameRef(title), wantSaid: []string{
			`Referrals!A1: read as one indicator's figures, months down (column A "Month") and areas across (B2:F2): ` + nameRef(title) + ` "` + title + `", known by its title (no Ref)`,
			`Referrals!G2: column G "Total" not read: a total of the areas beside it, not an area`,
			`Referrals!F2: column F "Out of Area": not Bristol, City of, one of its districts`,
		}},
		{name: "localities left of the city", localitiesFirst: true, textMonths: true, wantRef: nameRef(title), wantSaid: []string{
			`Referrals!A1: read as one indicator's figures, months down (column A "Month") and areas across (B2:F2)`,
			`Referrals!G2: column G "Total" not read`,
		}},
		{name: "with Ref and Period", ref: true, wantRef: "REFERRALS", wantSaid: []string{
			`Referrals!H2: column H "Total" not read`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			s := "Referrals"
			b.sheet(s)
			b.row(s, "A1", title)
			head := []any{"Month", "Bristol", "North and West", "East Central", "South", "Out of Area", "Total"}
			if tt.localitiesFirst {
				head = []any{"Month", "North & West", "East Central", "South", "Out of Area", "Bristol", "Total"}
			}
			if tt.ref {
				head = append([]any{"Ref"}, head...)
				head[1] = "Period"
			}
			b.row(s, "A2", head...)
			for i, f := range bristolReferrals {
				var month any = f.month
				if tt.textMonths {
					month = f.month.Format("Jan-06")
				}
				total := f.nw + f.ec + f.s + f.oa
				r := []any{month, f.bristol, f.nw, f.ec, f.s, f.oa, total}
				if tt.localitiesFirst {
					r = []any{month, f.nw, f.ec, f.s, f.oa, f.bristol, total}
				}
				if tt.ref {
					r = append([]any{"REFERRALS"}, r...)
				}
				b.row(s, fmt.Sprintf("A%d", i+3), r...)
			}
			auth := authorityNamed(t, "Bristol").WithDistricts([]string{"North and West", "East Central", "South"})
			res, err := Read(context.Background(), b.save("localities.xlsx"), Options{Authority: auth})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]float64{}
			for _, o := range res.Dataset.Observations {
				if o.Ref != tt.wantRef || o.Value == nil {
					t.Errorf("figure %s %s %s %v: want only %s's", o.Ref, o.Area, o.Period, o.Value, tt.wantRef)
					continue
				}
				got[fmt.Sprintf("%s %s", o.Area, o.Period)] = *o.Value
			}
			want := map[string]float64{}
			for _, f := range bristolReferrals {
				m := app.MonthOf(f.month.Year(), f.month.Month())
				for area, v := range map[string]int{"Bristol, City of": f.bristol, "North and West": f.nw, "East Central": f.ec, "South": f.s, "Out of Area": f.oa} {
					want[fmt.Sprintf("%s %s", area, m)] = float64(v)
				}
			}
			for k, v := range want {
				if g, ok := got[k]; !ok || g != v {
					t.Errorf("%s = %v (held %t), want %v", k, g, ok, v)
				}
			}
			if len(got) != len(want) {
				t.Errorf("%d figures, want %d: %v", len(got), len(want), got)
			}
			var said []string
			for _, w := range res.Warnings {
				said = append(said, w.Sheet+"!"+w.Cell+": "+w.Message)
			}
			for _, w := range tt.wantSaid {
				if !slices.ContainsFunc(said, func(s string) bool { return strings.HasPrefix(s, w) }) {
					t.Errorf("no warning %q in\n%s", w, strings.Join(said, "\n"))
				}
			}
		})
	}
}

// TestMonthsDownBlocks checks that a sheet of months down and areas
// across in two blocks, each under a title of its own (children looked
// after, then children on child protection plans), files each block's
// figures under its own indicator, and says a Total row at its cell.
func TestMonthsDownBlocks(t *testing.T) {
	b := newBook(t)
	s := "Localities"
	b.sheet(s)
	b.row(s, "A1", "Children looked after")
	b.row(s, "A2", "Month", "Bristol", "North and West", "East Central", "South")
	b.row(s, "A3", "Feb-25", 752, 250, 270, 232)
	b.row(s, "A4", "Mar-25", 753, 251, 269, 233)
	b.row(s, "A6", "Children subject of a child protection plan")
	b.row(s, "A7", "Month", "Bristol", "North and West", "East Central", "South")
	b.row(s, "A8", "Feb-25", 419, 129, 160, 130)
	b.row(s, "A9", "Mar-25", 421, 130, 160, 131)
	b.row(s, "A10", "Total", 840, 259, 320, 261)
	auth := authorityNamed(t, "Bristol").WithDistricts([]string{"North and West", "East Central", "South"})
	res, err := Read(context.Background(), b.save("blocks.xlsx"), Options{Authority: auth})
	if err != nil {
		t.Fatal(err)
	}
	cla, cp := nameRef("Children looked after"), nameRef("Children subject of a child protection plan")
	got := map[string]float64{}
	for _, o := range res.Dataset.Observations {
		got[fmt.Sprintf("%s %s %s", o.Ref, o.Area, o.Period)] = *o.Value
	}
	for k, v := range map[string]float64{
		cla + " Bristol, City of 2025-03": 753, cla + " South 2025-02": 232,
		cp + " Bristol, City of 2025-03": 421, cp + " North and West 2025-02": 129, cp + " East Central 2025-03": 160,
	} {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	if len(got) != 16 {
		t.Errorf("%d figures, want 16: %v", len(got), got)
	}
	var said []string
	for _, w := range res.Warnings {
		said = append(said, w.Cell+": "+w.Message)
	}
	for _, w := range []string{
		`A6: read as one indicator's figures, months down (column A "Month") and areas across (B7:E7): ` + cp,
		`A10: row 10 not read: "Total" is a total of the rows above`,
	} {
		if !slices.ContainsFunc(said, func(s string) bool { return strings.HasPrefix(s, w) }) {
			t.Errorf("no warning %q in\n%s", w, strings.Join(said, "\n"))
		}
	}
}

// TestMonthsDownNoIndicatorRefused checks that months down and areas
// across with no title and a sheet named as Excel names it, which name
// no indicator, is refused at its first area's heading, saying how to
// name it, rather than filed under a made-up indicator.
func TestMonthsDownNoIndicatorRefused(t *testing.T) {
	b := newBook(t)
	b.row("Sheet1", "A1", "Month", "Bristol", "North and West")
	b.row("Sheet1", "A2", "Mar-25", 753, 251)
	auth := authorityNamed(t, "Bristol").WithDistricts([]string{"North and West", "East Central", "South"})
	_, err := Read(context.Background(), b.save("untitled.xlsx"), Options{Authority: auth})
	var se *app.SourceError
	if !errors.As(err, &se) || se.Sheet != "Sheet1" || se.Cell != "B1" || !strings.Contains(err.Error(), "name no indicator") {
		t.Errorf("got %v; want it refused at Sheet1!B1 naming no indicator", err)
	}
}

// TestMonthsDownIndicatorColumn checks that months down and areas across
// with an Indicator column naming each row's indicator files each row's
// figures under the ref made from its name, said once at the heading,
// and says a row with no name at its cell.
func TestMonthsDownIndicatorColumn(t *testing.T) {
	b := newBook(t)
	s := "Localities"
	b.sheet(s)
	b.row(s, "A1", "Indicator", "Month", "Bristol", "North and West", "East Central", "South")
	b.row(s, "A2", "Children looked after", "Feb-25", 752, 250, 270, 232)
	b.row(s, "A3", "Children looked after", "Mar-25", 753, 251, 269, 233)
	b.row(s, "A4", "Referrals", "Mar-25", 391, 121, 141, 129)
	b.row(s, "A5", nil, "Mar-25", 1, 2, 3, 4)
	auth := authorityNamed(t, "Bristol").WithDistricts([]string{"North and West", "East Central", "South"})
	res, err := Read(context.Background(), b.save("named.xlsx"), Options{Authority: auth})
	if err != nil {
		t.Fatal(err)
	}
	cla, refs := nameRef("Children looked after"), nameRef("Referrals")
	got := map[string]float64{}
	for _, o := range res.Dataset.Observations {
		got[fmt.Sprintf("%s %s %s", o.Ref, o.Area, o.Period)] = *o.Value
	}
	for k, v := range map[string]float64{cla + " Bristol, City of 2025-03": 753, cla + " South 2025-02": 232, refs + " East Central 2025-03": 141} {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	if len(got) != 12 {
		t.Errorf("%d figures, want 12: %v", len(got), got)
	}
	var said []string
	for _, w := range res.Warnings {
		said = append(said, w.Cell+": "+w.Message)
	}
	for _, w := range []string{
		`A1: no Ref column: the 2 indicators below are known by their names, each filed under a ref made from its name: ` + cla + ` "Children looked after", ` + refs + ` "Referrals"`,
		`A5: row 5 not read: no indicator name`,
	} {
		if !slices.ContainsFunc(said, func(s string) bool { return strings.HasPrefix(s, w) }) {
			t.Errorf("no warning %q in\n%s", w, strings.Join(said, "\n"))
		}
	}
}
