package importer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// subBook is a scorecard whose months each stand over sub-columns: the
// month headings in row 1 (dates, or text), merged across their
// sub-columns or written once at the left, the sub-headings in row 2,
// then a row per indicator.
type subBook struct {
	months []any      // row 1's headings, one a month
	dates  bool       // months are date cells formatted mmm-yy
	merge  bool       // each month merged across its sub-columns
	subs   []string   // each month's sub-headings
	tail   []string   // headings after the months, in row 1
	rows   [][]any    // Ref, Indicator, Polarity, then the cells
	style  [][]string // cells to give a 0.0% format: from, to
	// refBelow heads Ref, Indicator and Polarity in row 2, beside the
	// sub-headings, the months above them in row 1 (QA27b 8).
	refBelow bool
	// headsDown merges Ref, Indicator and Polarity down over both
	// heading rows, as Kent's scorecard does (hA F3).
	headsDown bool
}

func (sb subBook) save(t *testing.T) string {
	t.Helper()
	b := newBook(t)
	s := "Scorecard"
	b.sheet(s)
	head := []any{"Ref", "Indicator", "Polarity"}
	sub := []any{nil, nil, nil}
	if sb.refBelow {
		head, sub = sub, head
	}
	for _, m := range sb.months {
		head = append(head, m)
		for i, h := range sb.subs {
			sub = append(sub, h)
			if i > 0 {
				head = append(head, nil)
			}
		}
	}
	for _, h := range sb.tail {
		head = append(head, h)
	}
	b.row(s, "A1", head...)
	b.row(s, "A2", sub...)
	if sb.headsDown {
		for _, c := range []string{"A", "B", "C"} {
			b.merge(s, c+"1", c+"2")
		}
	}
	for i := range sb.months {
		from, _ := excelize.CoordinatesToCellName(4+i*len(sb.subs), 1)
		to, _ := excelize.CoordinatesToCellName(3+(i+1)*len(sb.subs), 1)
		if sb.dates {
			b.style(s, from, from, &excelize.Style{CustomNumFmt: ptr("mmm-yy")})
		}
		if sb.merge {
			b.merge(s, from, to)
		}
	}
	for i, r := range sb.rows {
		b.row(s, fmt.Sprintf("A%d", 3+i), r...)
	}
	for _, st := range sb.style {
		b.style(s, st[0], st[1], &excelize.Style{CustomNumFmt: ptr("0.0%")})
	}
	return b.save("subcols.xlsx")
}

// partsOf lists ref's figures as "period value num/den", in the order
// of their periods.
func partsOf(d *app.Dataset, ref string, area app.Area) []string {
	var obs []app.Observation
	for _, o := range d.Observations {
		if o.Ref == ref && o.Area == area && o.Split == app.All {
			obs = append(obs, o)
		}
	}
	slices.SortFunc(obs, func(a, b app.Observation) int { return a.Period.Compare(b.Period) })
	var out []string
	for _, o := range obs {
		f := func(p *float64) string {
			if p == nil {
				return "-"
			}
			return fmt.Sprint(*p)
		}
		out = append(out, fmt.Sprintf("%s %s %s/%s", o.Period, f(o.Value), f(o.Numerator), f(o.Denominator)))
	}
	return out
}

// Months each headed over "Num | Den | %" sub-columns (QA19 D6, w6) are
// read a month at a time: the figure from the "%" column with its
// numerator and denominator, all three checked against each other by the
// indicator's unit and any disagreement said at the figure's cell. A
// "No." or "Count" column is the numerator beside a denominator; beside
// a percentage alone it is ambiguous, and the layout is refused as
// before. Without this, the months had no figure at all: the "%" columns
// were "not read" and every numerator and denominator "skipped".
func TestMonthsOverNumDenPercent(t *testing.T) {
	jan, feb, mar := 45658.0, 45689.0, 45717.0 // 1 Jan, 1 Feb, 1 Mar 2025
	nd01 := []any{"ND01", "Children with 3+ placements (%)", "L", 30, 300, 10, 28, 305, 9.2, 35, 310, 11.3}
	nd02 := []any{"ND02", "Visits in timescale (%)", "H", 180, 200, 90, 190, 201, 94.5, 170, 199, 85.4}
	want01 := []string{"2025-01 10 30/300", "2025-02 9.2 28/305", "2025-03 11.3 35/310"}
	want02 := []string{"2025-01 90 180/200", "2025-02 94.5 190/201", "2025-03 85.4 170/199"}
	for _, tc := range []struct {
		name    string
		book    subBook
		want    map[string][]string // by ref
		warn    []string
		never   []string
		refused string // the import's error, where it is refused
	}{
		{
			name:  "w6: date headings merged over Num | Den | %",
			book:  subBook{months: []any{jan, feb, mar}, dates: true, merge: true, subs: []string{"Num", "Den", "%"}, rows: [][]any{nd01, nd02}},
			want:  map[string][]string{"ND01": want01, "ND02": want02},
			warn:  []string{`subcols.xlsx: Scorecard!D1: Jan-25 to Mar-25 are each headed over sub-columns (Num | Den | %, D2:L2): each period's "%" column read as its figure, with its numerator and denominator beside it`},
			never: []string{"not read", "skipped"},
		},
		{
			// Read as the same file without the merges; the Ref cell
			// over the sub-headings is blank but for the merge.
			name:  "w6 with Ref, Indicator and Polarity merged down over both heading rows",
			book:  subBook{months: []any{jan, feb, mar}, dates: true, merge: true, headsDown: true, subs: []string{"Num", "Den", "%"}, rows: [][]any{nd01, nd02}},
			want:  map[string][]string{"ND01": want01, "ND02": want02},
			warn:  []string{`subcols.xlsx: Scorecard!D1: Jan-25 to Mar-25 are each headed over sub-columns (Num | Den | %, D2:L2)`},
			never: []string{"not read", "skipped", "45658"},
		},
		{
			name: "Value | RAG with the headings merged down",
			book: subBook{months: []any{jan, feb}, dates: true, merge: true, headsDown: true, subs: []string{"Value", "RAG"},
				rows: [][]any{{"ND01", "Children with 3+ placements (%)", "L", 10, "GREEN", 9.2, "GREEN"}}},
			want:  map[string][]string{"ND01": {"2025-01 10 -/-", "2025-02 9.2 -/-"}},
			warn:  []string{`Scorecard!D1: Jan-25 to Feb-25 are each headed over sub-columns (Value | RAG, D2:G2)`},
			never: []string{"not read", "45658"},
		},
		{
			name:  "text months written once at the left, Numerator | Denominator | Rate",
			book:  subBook{months: []any{"Jan-25", "Feb-25", "Mar-25"}, subs: []string{"Numerator", "Denominator", "Rate"}, rows: [][]any{nd01, nd02}},
			want:  map[string][]string{"ND01": want01, "ND02": want02},
			warn:  []string{`Scorecard!D1: Jan-25 to Mar-25 are each headed over sub-columns (Numerator | Denominator | Rate, D2:L2)`},
			never: []string{"not read", "skipped"},
		},
		{
			name:  "N | D | % (no sub-heading a role the importer knew)",
			book:  subBook{months: []any{"Jan-25", "Feb-25", "Mar-25"}, merge: true, subs: []string{"N", "D", "%"}, rows: [][]any{nd01}},
			want:  map[string][]string{"ND01": want01},
			warn:  []string{`Scorecard!D1: Jan-25 to Mar-25 are each headed over sub-columns (N | D | %, D2:L2)`},
			never: []string{"not read", "skipped", "refused"},
		},
		{
			name: "the percentage first: % | Num | Den",
			book: subBook{months: []any{"Jan-25", "Feb-25"}, merge: true, subs: []string{"%", "Num", "Den"},
				rows: [][]any{{"ND01", "Children with 3+ placements (%)", "L", 10, 30, 300, 9.2, 28, 305}}},
			want:  map[string][]string{"ND01": {"2025-01 10 30/300", "2025-02 9.2 28/305"}},
			never: []string{"not read", "skipped"},
		},
		{
			name:  "No. beside a denominator is the numerator, and said to be",
			book:  subBook{months: []any{"Jan-25", "Feb-25", "Mar-25"}, merge: true, subs: []string{"No.", "Den", "%"}, rows: [][]any{nd01}},
			want:  map[string][]string{"ND01": want01},
			warn:  []string{`Scorecard!D1: Jan-25 to Mar-25 are each headed over sub-columns (No. | Den | %, D2:L2)`, `"No." is read as the numerator, as it stands beside a denominator`},
			never: []string{"not read", "skipped"},
		},
		{
			// A count of its own, or the numerator: the row's unit says
			// (QA21 M5; TestMonthSubColumnSets).
			name:  "No. | % alone of a percentage: the %, with No. its numerator",
			book:  subBook{months: []any{"Jan-25", "Feb-25"}, merge: true, subs: []string{"No.", "%"}, rows: [][]any{{"ND01", "Children with 3+ placements (%)", "L", 30, 10, 28, 9.2}}},
			want:  map[string][]string{"ND01": {"2025-01 10 30/-", "2025-02 9.2 28/-"}},
			warn:  []string{`Scorecard!D1: Jan-25 to Feb-25 are each headed over sub-columns (No. | %, D2:G2)`},
			never: []string{"not read:", "skipped", "refused"},
		},
		{
			name: "a figure that disagrees with its parts is kept, said at its cell",
			book: subBook{months: []any{"Jan-25", "Feb-25"}, merge: true, subs: []string{"Num", "Den", "%"},
				rows: [][]any{{"ND01", "Children with 3+ placements (%)", "L", 30, 300, 10, 28, 305, 12.5}}},
			want:  map[string][]string{"ND01": {"2025-01 10 30/300", "2025-02 12.5 28/305"}},
			warn:  []string{`Scorecard!I3: ND01 Leeds 2025-02: 12.5 is not its numerator over its denominator, 28 / 305 = 9.18%; kept 12.5 as given`},
			never: []string{"Scorecard!F3: ND01"},
		},
		{
			name: "percentages as fractions in a 0.0% format",
			book: subBook{months: []any{"Jan-25", "Feb-25"}, merge: true, subs: []string{"Num", "Den", "%"},
				rows:  [][]any{{"ND01", "Children with 3+ placements (%)", "L", 30, 300, 0.1, 28, 305, 0.0918}},
				style: [][]string{{"F3", "F3"}, {"I3", "I3"}}},
			want:  map[string][]string{"ND01": {"2025-01 10 30/300", "2025-02 9.18 28/305"}},
			never: []string{"not its numerator", "skipped"},
		},
		{
			name: "parts with no figure are skipped at their cells; a comments column after is read",
			book: subBook{months: []any{"Jan-25", "Feb-25"}, merge: true, subs: []string{"Num", "Den", "%"}, tail: []string{"Comments"},
				rows: [][]any{{"ND01", "Children with 3+ placements (%)", "L", 30, 300, 10, 28, 305, nil, "Feb not yet validated"}}},
			want: map[string][]string{"ND01": {"2025-01 10 30/300"}},
			warn: []string{
				`Scorecard!G3: ND01: numerator skipped: Feb-25 has no figure in column I to attach it to`,
				`Scorecard!H3: ND01: denominator skipped: Feb-25 has no figure in column I to attach it to`,
			},
			never: []string{"not read"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(context.Background(), tc.book.save(t), Options{Authority: authorityNamed(t, "Leeds")})
			if tc.refused != "" {
				if err == nil || !strings.Contains(err.Error(), tc.refused) {
					t.Fatalf("err = %v, want %q", err, tc.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for ref, want := range tc.want {
				if got := partsOf(res.Dataset, ref, "Leeds"); !slices.Equal(got, want) {
					t.Errorf("%s = %q, want %q", ref, got, want)
				}
			}
			warnsAndNever(t, res.Warnings, tc.warn, tc.never)
		})
	}
}

// A layout saved from one read of months over sub-columns (a profile)
// reads the next file alike: each numerator and denominator column keeps
// its month, so goes with that month's figure, not the row's latest.
func TestSubColumnsFromSavedLayout(t *testing.T) {
	path := subBook{months: []any{"Jan-25", "Feb-25"}, merge: true, subs: []string{"Num", "Den", "%"},
		rows: [][]any{{"ND01", "Children with 3+ placements (%)", "L", 30, 300, 10, 28, 305, 9.2}}}.save(t)
	auth := authorityNamed(t, "Leeds")
	first, err := Read(context.Background(), path, Options{Authority: auth})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Read(context.Background(), path, Options{Authority: auth, Layouts: map[string]Layout{"Scorecard": profileOf(t, first.Layouts[0])}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2025-01 10 30/300", "2025-02 9.2 28/305"}
	if got := partsOf(res.Dataset, "ND01", "Leeds"); !slices.Equal(got, want) {
		t.Errorf("ND01 = %q, want %q", got, want)
	}
}
