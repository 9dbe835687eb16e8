package childlevel

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// return1718 generates a 903 return for the 2017/18 collection year, in
// the shape of the peer projects' fake returns: every child's episodes
// start by 31/03/2018, the last child starts on that very day, and a few
// episodes carry an end date of 01/04/2018, a day after the year. It
// returns the three tables' paths and how many of the children had 3 or
// more placements in the year among those in care on 31 March 2018, by
// construction.
func return1718(t *testing.T, dir string, n int) (paths []string, three int) {
	t.Helper()
	yearStart := d("2017-04-01")
	header := [][]string{{"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"}}
	episodes := [][]string{{"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
		"REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"}}
	uasc := [][]string{{"CHILD", "SEX", "DOB", "DUC"}}
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("02/01/2006")
	}
	places := []string{"U1", "U4", "K2", "H5", "U3"}
	for i := range n {
		id := fmt.Sprint(700000 + i*13)
		header = append(header, []string{id, fmt.Sprint(1 + i%2), date(d("2004-01-01").AddDate(0, i%150, i%28)), "WBRI", "", "", ""})
		if i%9 == 0 {
			uasc = append(uasc, []string{id, "1", "", ""})
		}
		ep := func(start, end time.Time, rne, place, rec string, k int) {
			episodes = append(episodes, []string{id, date(start), rne, "C2", "N1", place, fmt.Sprintf("PR%d", k),
				date(end), rec, "", "", "", fmt.Sprintf("SC%06d", i*10+k)})
		}
		switch {
		case i == n-1:
			// The latest start: the last day of the year.
			ep(d("2018-03-31"), time.Time{}, "S", "U1", "", 0)
		case i%7 == 3:
			// Went home in the year.
			ep(yearStart.AddDate(0, 0, -400-i), yearStart.AddDate(0, 0, 20+i%300), "S", "U1", "E4A", 0)
		default:
			// In care on 31 March 2018 with k placements in the year: one
			// from before it, then k-1 moves to new carers.
			k := 1 + i%4
			start := yearStart.AddDate(0, 0, -30-i%500)
			for j := range k {
				end, rec := yearStart.AddDate(0, 0, 50*(j+1)+i%40), "X1"
				if j == k-1 {
					end, rec = time.Time{}, ""
					if i%37 == 5 {
						// An end date a day after the year: a data error.
						end, rec = d("2018-04-01"), "E13"
					}
				}
				rne := "P"
				if j == 0 {
					rne = "S"
				}
				ep(start, end, rne, places[j], rec, j)
				start = end
			}
			if k >= 3 {
				three++
			}
		}
	}
	for k, rows := range [][][]string{header, episodes, uasc} {
		p := filepath.Join(dir, []string{"header.csv", "episodes.csv", "uasc.csv"}[k])
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := csv.NewWriter(f).WriteAll(rows); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths, three
}

// openOn counts the children with an episode open on day, straight from
// an Episodes table's rows, as an officer would check the return by hand:
// started on or before the day and not ended by it.
func openOn(t *testing.T, episodes string, day time.Time) (open int, endedAfter []int) {
	t.Helper()
	f, err := os.Open(episodes)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	children := map[string]bool{}
	for i, r := range rows[1:] {
		start, _ := time.Parse("02/01/2006", r[1])
		var end time.Time
		if r[7] != "" {
			end, _ = time.Parse("02/01/2006", r[7])
			if end.After(day) {
				endedAfter = append(endedAfter, i+2)
			}
		}
		if !start.After(day) && (end.IsZero() || end.After(day)) {
			children[r[0]] = true
		}
	}
	return len(children), endedAfter
}

// Test903DatedByCollectionYear reads a 2017/18 return given no date: it
// is dated 31 March 2018, the end of the year its episodes start in, not
// 31 March 2019 by the end dates a day after the year; those are
// reported as data errors by line, and the children open on 31 March 2018
// are all counted.
func Test903DatedByCollectionYear(t *testing.T) {
	dir := t.TempDir()
	paths, three := return1718(t, dir, 1500)
	yearEnd := d("2018-03-31")
	open, endedAfter := openOn(t, paths[1], yearEnd)
	if len(endedAfter) == 0 || three == 0 {
		t.Fatalf("the generated return has %d end dates after the year and %d children with 3+ placements: the test would prove little", len(endedAfter), three)
	}
	ds, warns, err := Read903(paths, time.Time{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	o := figure(t, ds, RefChildrenInCare, app.Kent, app.All)
	if o.Period != app.MonthOf(2018, time.March) {
		t.Errorf("dated %v, want 2018-03", o.Period)
	}
	if *o.Value != float64(open) {
		t.Errorf("children in care = %v, want %d, the children with an episode open on 31 March 2018", *o.Value, open)
	}
	p := figure(t, ds, RefThreePlacements, app.Kent, app.All)
	if p.Numerator == nil || *p.Numerator != float64(three) || *p.Denominator != float64(open) {
		t.Errorf("3+ placements = %v of %v, want %d of %d", ptr(p.Numerator), ptr(p.Denominator), three, open)
	}
	if len(warns) == 0 || !strings.Contains(warns[0].Message, "took 31 Mar 2018") || !strings.Contains(warns[0].Message, "2017/18") {
		t.Errorf("first warning %v, want it to say 31 Mar 2018 was taken, the end of 2017/18", warns)
	}
	flagged := map[string]bool{}
	for _, w := range warns {
		if strings.Contains(w.Message, "after 31 Mar 2018") && strings.Contains(w.Message, "data error") {
			flagged[w.Cell] = true
		}
	}
	for _, line := range endedAfter {
		if !flagged[fmt.Sprintf("line %d", line)] {
			t.Errorf("line %d ends after the collection year, but no warning says so (warnings: %v)", line, warns)
		}
	}
	if len(flagged) != len(endedAfter) {
		t.Errorf("%d lines flagged as ending after the year, want %d", len(flagged), len(endedAfter))
	}

	// Given a date, the return is read as at it, with no guessing.
	ds, warns, err = Read903(paths, d("2017-12-31"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if o := figure(t, ds, RefChildrenInCare, app.Kent, app.All); o.Period != app.MonthOf(2017, time.December) {
		t.Errorf("given 31 Dec 2017: dated %v", o.Period)
	}
	for _, w := range warns {
		if strings.Contains(w.Message, "no snapshot date given") || strings.Contains(w.Message, "data error") {
			t.Errorf("given a date: warning %v", w)
		}
	}
}

// TestSnapshotNeverInFuture checks that a list dated by its own contents
// is never dated after today: a 903 extract from a year not yet ended, an
// Annex A list whose latest date is this month.
func TestSnapshotNeverInFuture(t *testing.T) {
	now := d("2026-12-03")
	defer func(f func() time.Time) { today = f }(today)
	today = func() time.Time { return now }
	dir := t.TempDir()

	cs := population(300, now.AddDate(0, 0, -2))
	// The latest date in the lists: a child who started two days ago.
	cs = append(cs, genChild{id: "ZQ-NEW", birth: d("2015-05-05"), sex: 1, ethnic: "WBRI", district: "Dover", placements: 1,
		episodes: []genEpisode{{start: now.AddDate(0, 0, -2), rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "P", postcode: "ZZ9 9ZZ"}}})
	ds, warns, err := Read903(write903(t, dir, cs), time.Time{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	o := figure(t, ds, RefChildrenInCare, app.Kent, app.All)
	if o.Period != app.MonthOf(2026, time.December) {
		t.Errorf("903 in-year extract dated %v, want 2026-12, not March 2027", o.Period)
	}
	if len(warns) == 0 || !strings.Contains(warns[0].Message, "took 1 Dec 2026") || !strings.Contains(warns[0].Message, "has not ended") {
		t.Errorf("903 first warning %v, want it to take 1 Dec 2026, the latest date, and say why", warns)
	}

	ds, warns, err = ReadAnnexA(writeAnnexA(t, dir, cs), time.Time{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if o := figure(t, ds, RefChildrenInCare, app.Kent, app.All); o.Period != app.MonthOf(2026, time.December) {
		t.Errorf("Annex A dated %v, want 2026-12", o.Period)
	}
	if len(warns) == 0 || !strings.Contains(warns[0].Message, "took 3 Dec 2026") {
		t.Errorf("Annex A first warning %v, want it to take today, 3 Dec 2026, not 31 Dec", warns)
	}
}

// TestAnnexAExtractDate checks that a list's own extract date, in a title
// row above the header, dates it when no date is given.
func TestAnnexAExtractDate(t *testing.T) {
	cases := []struct {
		cells []any
		want  string // "" for no extract date
	}{
		{[]any{"Date of extract: 05/10/2024"}, "2024-10-05"},
		{[]any{"Extract date", "", "05/10/2024"}, "2024-10-05"},
		{[]any{"Data as at", excelSerial(d("2024-10-05"))}, "2024-10-05"},
		{[]any{"Snapshot", 2024}, ""}, // a year, not a date
		{[]any{"Local authority: Kent"}, ""},
	}
	for _, c := range cases {
		t.Run(fmt.Sprint(c.cells...), func(t *testing.T) {
			dir := t.TempDir()
			path := writeAnnexA(t, dir, worked())
			editAnnexA(t, path, func(f *excelize.File) error { return f.SetSheetRow("List 8", "A2", &c.cells) })
			ds, warns, err := ReadAnnexA(path, time.Time{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			o := figure(t, ds, RefChildrenInCare, app.Kent, app.All)
			switch c.want {
			case "":
				// The end of the month of the latest date: E's start on
				// 1 February 2025.
				if !strings.Contains(warns[0].Message, "took 28 Feb 2025") {
					t.Errorf("warning %q, want 28 Feb 2025 taken", warns[0].Message)
				}
			default:
				want := d(c.want)
				if o.Period != app.MonthOf(want.Year(), want.Month()) || !strings.Contains(warns[0].Message, "took "+want.Format(dateLabel)) ||
					!strings.Contains(warns[0].Message, "extract date") {
					t.Errorf("dated %v by %q, want %s, the list's extract date", o.Period, warns[0].Message, c.want)
				}
			}
		})
	}
}
