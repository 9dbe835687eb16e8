package importer

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"scorecard/app"
)

// TestTidyFiguredPeriods: a tidy table's Period column written as
// producers write month headings in figures ("202404", "04/24",
// "01-Apr-24") or with a footnote's mark ("Oct-24*") had every row
// skipped as no period, while a scorecard so headed was read (QA27b 8,
// in10/t_*.csv). They are read by the headings' rules: YYYYMM and MM/YY
// only where every period so written runs month by month, none missing
// (a column of years "10/11, 11/12" is not months); a named month's
// first or last day is its month. Each reading is said once for the
// column; anything else is refused at its row, saying how to write it.
func TestTidyFiguredPeriods(t *testing.T) {
	for _, tc := range []struct {
		name    string
		periods []any // each row's Period, CLA's then CIN's rows alike
		xlsx    bool
		want    []string // "REF PERIOD=VALUE" of every figure read
		said    []string // "cell: message" in part, every warning about periods
	}{
		{"YYYYMM run, two indicators",
			[]any{"202403", "202404", "202405"}, false,
			[]string{"CLA 2024-03=1480", "CLA 2024-04=1481", "CLA 2024-05=1482", "CIN 2024-03=3000", "CIN 2024-04=3001", "CIN 2024-05=3002"},
			[]string{`line 2: periods written year then month (YYYYMM) ("202403" here and 5 more rows) read as the months Mar-24 to May-24, as every period so written in the column is a month and together they run month by month`}},
		{"YYYYMM as numbers in a workbook, not Excel dates",
			[]any{202412, 202501, 202502}, true,
			[]string{"CLA 2024-12=1480", "CLA 2025-01=1481", "CLA 2025-02=1482", "CIN 2024-12=3000", "CIN 2025-01=3001", "CIN 2025-02=3002"},
			[]string{`C2: periods written year then month (YYYYMM) ("202412" here and 5 more rows) read as the months Dec-24 to Feb-25`}},
		{"MM/YY run through 11/12",
			[]any{"10/12", "11/12", "12/12"}, false,
			[]string{"CLA 2012-10=1480", "CLA 2012-11=1481", "CLA 2012-12=1482", "CIN 2012-10=3000", "CIN 2012-11=3001", "CIN 2012-12=3002"},
			[]string{`line 2: periods written month/year (MM/YY) ("10/12" here and 5 more rows) read as the months Oct-12 to Dec-12, as every period so written in the column is a month and together they run month by month ("11/12" is not the year 2011/12)`}},
		{"a month's first or last day",
			[]any{"01-Apr-24", "31-May-24", "1 June 2024"}, false,
			[]string{"CLA 2024-04=1480", "CLA 2024-05=1481", "CLA 2024-06=1482", "CIN 2024-04=3000", "CIN 2024-05=3001", "CIN 2024-06=3002"},
			[]string{`line 2: periods written as a month's first or last day ("01-Apr-24" here and 5 more rows) read as the month each names (Apr-24 to Jun-24)`}},
		{"footnotes' marks",
			[]any{"Sep-24", "Oct-24*", "Nov-24 (1)"}, false,
			[]string{"CLA 2024-09=1480", "CLA 2024-10=1481", "CLA 2024-11=1482", "CIN 2024-09=3000", "CIN 2024-10=3001", "CIN 2024-11=3002"},
			[]string{`line 3: period "Oct-24*" read as Oct-24, its footnote's mark "*" set aside: the note it marks is not read; check it does not qualify the row's figures; 3 more rows write periods so, read alike`}},
		{"YYYYMM with a month missing: refused at each row",
			[]any{"202404", "202406", "Jul-24"}, false,
			[]string{"CLA 2024-07=1482", "CIN 2024-07=3002"},
			[]string{
				`line 2: CLA: row skipped: "202404" not read: it could be Apr-24 written year then month (YYYYMM), but is read so only where every period so written in the column is a month and together they run month by month, none missing: write it 2024-04, or write every month so`,
				`line 3: CLA: row skipped: "202406" not read`,
				`line 5: CIN: row skipped: "202404" not read`,
				`line 6: CIN: row skipped: "202406" not read`,
			}},
		{"years written MM/YY are not months",
			[]any{"10/11", "11/12", "2012/13"}, false,
			[]string{"CLA 2012/13=1482", "CIN 2012/13=3002"},
			[]string{
				`line 2: CLA: row skipped: "10/11" not read: it could be the year 2010/11 or Oct-11 written month/year (MM/YY), and is read as a month only where every period so written in the column is a month and together they run month by month, none missing: write a year such as 2010/11, or a month such as 2011-10`,
				`line 3: CLA: row skipped: "11/12" not read: it could be the year 2011/12 or Nov-12`,
				`line 5: CIN: row skipped: "10/11" not read`,
				`line 6: CIN: row skipped: "11/12" not read`,
			}},
		{"a day in the month is not its month",
			[]any{"01-Apr-24", "15-May-24", "01-Jun-24"}, false,
			[]string{"CLA 2024-04=1480", "CLA 2024-06=1482", "CIN 2024-04=3000", "CIN 2024-06=3002"},
			[]string{
				`line 3: CLA: row skipped: "15-May-24" not read: it is a day, not a month's first or last day: write the row's month, such as 2024-05`,
				`line 6: CIN: row skipped: "15-May-24" not read`,
				`line 2: periods written as a month's first or last day ("01-Apr-24" here and 3 more rows) read as the month each names (Apr-24 to Jun-24)`,
			}},
		{"Power BI's Qtr quarters, as before",
			[]any{"Qtr 2 2024", "2024 Qtr 3", "Qtr 4 2024"}, false,
			[]string{"CLA 2024-Q2=1480", "CLA 2024-Q3=1481", "CLA 2024-Q4=1482", "CIN 2024-Q2=3000", "CIN 2024-Q3=3001", "CIN 2024-Q4=3002"},
			[]string{`line 2: period "Qtr 2 2024" read as Apr-Jun 2024, the calendar year's quarter 2, as Power BI numbers its "Qtr" quarters from January`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			type row struct {
				ref, name string
				value     int
			}
			var rows [][]any
			for _, ind := range []row{{"CLA", "Number of children looked after", 1480}, {"CIN", "Number of children in need", 3000}} {
				for i, p := range tc.periods {
					rows = append(rows, []any{ind.ref, ind.name, p, ind.value + i})
				}
			}
			var path string
			if tc.xlsx {
				b := newBook(t)
				b.sheet("Data")
				b.row("Data", "A1", "Ref", "Indicator", "Period", "Value")
				for i, r := range rows {
					b.row("Data", "A"+itoa(i+2), r...)
				}
				path = b.save("tidy.xlsx")
			} else {
				body := "Ref,Indicator,Period,Value\n"
				for _, r := range rows {
					body += r[0].(string) + "," + r[1].(string) + "," + r[2].(string) + "," + itoa(r[3].(int)) + "\n"
				}
				path = writeCSV(t, body)
			}
			res, err := Read(context.Background(), path, Options{Authority: authorityNamed(t, "Leeds")})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range res.Dataset.Observations {
				if o.Area != "Leeds" || o.Split != app.All || o.Value == nil {
					t.Errorf("%s %s filed under %s %s, value %v", o.Ref, o.Period, o.Area, o.Split, o.Value)
					continue
				}
				got = append(got, o.Ref+" "+o.Period.String()+"="+strconv.FormatFloat(*o.Value, 'f', -1, 64))
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("read\n %s\nwant\n %s", strings.Join(got, " "), strings.Join(tc.want, " "))
			}
			var said []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "period") || strings.Contains(w.Message, "not read") {
					said = append(said, w.Cell+": "+w.Message)
				}
			}
			if len(said) != len(tc.said) {
				t.Fatalf("said %d times, want %d:\n%s", len(said), len(tc.said), strings.Join(said, "\n"))
			}
			for i, w := range tc.said {
				if !strings.HasPrefix(said[i], w) {
					t.Errorf("said\n %s\nwant it to start\n %s", said[i], w)
				}
			}
		})
	}
}

// TestTidyLoneFiguredMonth: a month's tidy export has one period, and its
// "202406" or "06/24" had been refused for want of a run of months, as a
// lone heading so written is. In a column headed Period, Month or Date
// the one period is read as its month, said once at its first row; one
// that could be another period ("11/12", the year 2011/12) or none
// ("0624") is still refused at its row, and so is a lone month among
// periods written otherwise.
func TestTidyLoneFiguredMonth(t *testing.T) {
	for _, tc := range []struct {
		name, heading string
		periods       []any // CLA's row, then CIN's
		xlsx          bool
		want          []string // "REF PERIOD=VALUE" of every figure read
		said          string   // "cell: message" in part, the warning about periods
	}{
		{"YYYYMM under Period", "Period", []any{"202406", "202406"}, false,
			[]string{"CLA 2024-06=1480", "CIN 2024-06=3000"},
			`line 2: the column's one period, written year then month (YYYYMM) ("202406" here and 1 more row), read as the month Jun-24: its heading "Period" says it holds periods, and "202406" can be no other; with no run of months to prove it, write it 2024-06 to say so plainly`},
		{"MM/YY under Month", "Month", []any{"06/24", "06/24"}, false,
			[]string{"CLA 2024-06=1480", "CIN 2024-06=3000"},
			`line 2: the column's one period, written month/year (MM/YY) ("06/24" here and 1 more row), read as the month Jun-24: its heading "Month" says it holds periods`},
		{"YYYYMM as a number under Date in a workbook", "Date", []any{202406, 202406}, true,
			[]string{"CLA 2024-06=1480", "CIN 2024-06=3000"},
			`C2: the column's one period, written year then month (YYYYMM) ("202406" here and 1 more row), read as the month Jun-24`},
		{"one row", "Period", []any{"202406"}, false,
			[]string{"CLA 2024-06=1480"},
			`line 2: the column's one period, written year then month (YYYYMM) ("202406"), read as the month Jun-24`},
		{"0624 alone is no period", "Month", []any{"0624", "0624"}, false, nil,
			`line 2: CLA: row skipped: "0624" is not a period`},
		{"11/12 alone may be a year", "Period", []any{"11/12", "11/12"}, false, nil,
			`line 2: CLA: row skipped: "11/12" not read: it could be the year 2011/12 or Nov-12 written month/year (MM/YY)`},
		{"among periods written otherwise", "Period", []any{"202406", "2024-05"}, false,
			[]string{"CIN 2024-05=3000"},
			`line 2: CLA: row skipped: "202406" not read: it could be Jun-24 written year then month (YYYYMM)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inds := [][]any{{"CLA", "Number of children looked after", 1480}, {"CIN", "Number of children in need", 3000}}
			var path string
			if tc.xlsx {
				b := newBook(t)
				b.sheet("Data")
				b.row("Data", "A1", "Ref", "Indicator", tc.heading, "Value")
				for i, p := range tc.periods {
					b.row("Data", "A"+itoa(i+2), inds[i][0], inds[i][1], p, inds[i][2])
				}
				path = b.save("tidy.xlsx")
			} else {
				body := "Ref,Indicator," + tc.heading + ",Value\n"
				for i, p := range tc.periods {
					body += inds[i][0].(string) + "," + inds[i][1].(string) + "," + p.(string) + "," + itoa(inds[i][2].(int)) + "\n"
				}
				path = writeCSV(t, body)
			}
			res, err := Read(context.Background(), path, Options{Authority: authorityNamed(t, "Leeds")})
			if err != nil && tc.want != nil {
				t.Fatal(err)
			}
			var got, said []string
			if res != nil {
				for _, o := range res.Dataset.Observations {
					got = append(got, o.Ref+" "+o.Period.String()+"="+strconv.FormatFloat(*o.Value, 'f', -1, 64))
				}
				for _, w := range res.Warnings {
					said = append(said, w.Cell+": "+w.Message)
				}
			} else {
				said = []string{strings.TrimPrefix(err.Error(), path+": ")}
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("read %v, want %v", got, tc.want)
			}
			n := 0
			for _, w := range said {
				if strings.Contains(w, tc.said) {
					n++
				}
			}
			if n != 1 {
				t.Errorf("said %q %d times, want once:\n%s", tc.said, n, strings.Join(said, "\n"))
			}
		})
	}
}
