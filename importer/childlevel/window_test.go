package childlevel

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// TestPeriodStart checks the first day of the 12 months to a snapshot
// date, worked by hand: a month's last day counts the twelve whole months
// ending with its month (as the DfE's year ending 31 March runs from 1
// April), any other day from the day after the same date a year earlier.
func TestPeriodStart(t *testing.T) {
	tests := []struct{ snapshot, start string }{
		{"2025-02-28", "2024-03-01"}, // month end after a leap February: not 29 Feb 2024
		{"2021-02-28", "2020-03-01"},
		{"2024-02-29", "2023-03-01"}, // leap day: not 2 Mar 2023
		{"2020-02-29", "2019-03-01"},
		{"2024-02-28", "2023-03-01"}, // not a month end in a leap year: 28 Feb 2023 a year earlier
		{"2023-02-28", "2022-03-01"},
		{"2025-03-31", "2024-04-01"},
		{"2024-03-31", "2023-04-01"},
		{"2025-04-30", "2024-05-01"},
		{"2025-01-31", "2024-02-01"},
		{"2024-12-31", "2024-01-01"},
		{"2025-03-30", "2024-03-31"},
		{"2024-03-01", "2023-03-02"},
		{"2025-06-15", "2024-06-16"},
	}
	for _, tt := range tests {
		if got := periodStart(d(tt.snapshot)); !got.Equal(d(tt.start)) {
			t.Errorf("periodStart(%s) = %s, want %s", tt.snapshot, got.Format(time.DateOnly), tt.start)
		}
	}
}

// TestWindowAtMonthEnds reads lists as at month ends across leap years,
// each with children who left care either side of the 12 months' first
// day, and checks the % adopted (CIC12) by hand from both an Annex A list
// and the 903 tables. QA13 R9: as at 28/02/2025 a child adopted on
// 29/02/2024 was counted, 2 of 4 in place of 1 of 3.
func TestWindowAtMonthEnds(t *testing.T) {
	type leaver struct{ ceased, reason string }
	tests := []struct {
		snapshot string
		leavers  []leaver
		// adopted of ceased in the 12 months
		num, den float64
	}{
		// From 1 Mar 2024: the 28 and 29 Feb adoptions are before it;
		// 1 Mar (adopted), 1 Sep and 28 Feb 2025 in it.
		{"2025-02-28", []leaver{{"2024-02-28", "E11"}, {"2024-02-29", "E11"}, {"2024-03-01", "E12"}, {"2024-09-01", "E4A"}, {"2025-02-28", "E4A"}}, 1, 3},
		// From 1 Mar 2020: the adoption on 29 Feb 2020 is before it.
		{"2021-02-28", []leaver{{"2020-02-29", "E11"}, {"2020-03-01", "E4A"}, {"2021-02-28", "E4A"}}, 0, 2},
		// From 1 Mar 2023: 1 Mar (adopted), 2 Mar and 29 Feb 2024 in it;
		// 28 Feb 2023 before it.
		{"2024-02-29", []leaver{{"2023-02-28", "E11"}, {"2023-03-01", "E11"}, {"2023-03-02", "E4A"}, {"2024-02-29", "E4A"}}, 1, 3},
		// Not a month end: from 1 Mar 2023, the day after 28 Feb 2023.
		{"2024-02-28", []leaver{{"2023-02-28", "E11"}, {"2023-03-01", "E11"}, {"2024-02-28", "E4A"}}, 1, 2},
		{"2025-03-31", []leaver{{"2024-03-31", "E11"}, {"2024-04-01", "E11"}, {"2025-03-31", "E4A"}}, 1, 2},
		{"2025-04-30", []leaver{{"2024-04-30", "E11"}, {"2024-05-01", "E12"}, {"2024-05-02", "E4A"}, {"2025-04-30", "E4A"}}, 1, 3},
	}
	for _, tt := range tests {
		snap := d(tt.snapshot)
		cs := []genChild{{
			id: "IC-0001", birth: d("2012-06-01"), sex: 2, ethnic: "WBRI", district: "Dover", placements: 1,
			episodes: []genEpisode{{start: d("2019-01-01"), rne: "S", ls: "C2", cin: "N1", place: "U1", provider: "P1", postcode: "ZZ9 1AA"}},
		}}
		for i, l := range tt.leavers {
			cs = append(cs, genChild{
				id: fmt.Sprintf("LV-%04d", i), birth: d("2014-06-01"), sex: 1, ethnic: "WBRI", district: "Dover", placements: 1,
				episodes: []genEpisode{{start: d("2019-01-01"), end: d(l.ceased), rne: "S", ls: "C2", cin: "N1", place: "U1",
					reason: l.reason, provider: "P1", postcode: "ZZ9 1AA"}},
			})
		}
		dir := t.TempDir()
		dsA, _, err := ReadAnnexA(writeAnnexA(t, dir, cs), snap, nil)
		if err != nil {
			t.Fatal(err)
		}
		ds903, _, err := Read903(write903(t, dir, cs), snap, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, src := range []struct {
			name string
			ds   *app.Dataset
		}{{"Annex A", dsA}, {"903", ds903}} {
			t.Run(tt.snapshot+" "+src.name, func(t *testing.T) {
				o := figure(t, src.ds, RefAdopted, app.Kent, app.All)
				if o.Numerator == nil || o.Denominator == nil || *o.Numerator != tt.num || *o.Denominator != tt.den {
					t.Errorf("%s adopted: %v of %v, want %v of %v", RefAdopted, ptr(o.Numerator), ptr(o.Denominator), tt.num, tt.den)
				}
				if want := fmt.Sprintf("(%s to %s)", periodStart(snap).Format(dateLabel), snap.Format(dateLabel)); src.name == "903" && !strings.Contains(o.Rule, want) {
					t.Errorf("rule %q does not give the 12 months %s", o.Rule, want)
				}
			})
		}
	}
}

// TestReentryAcrossLeapDay checks, by hand, whether a start is within 12
// months of an earlier period's end when either falls at a February month
// end: it is if the earlier period ended on or after the date a year
// before the start, a month's last day going to that month's last day a
// year earlier. A period ended on 29 Feb 2024 is within 12 months of a
// start on 28 Feb 2025 and not of one on 1 Mar 2025, which time.AddDate
// counted; one ended on 28 Feb 2023 is within 12 months of a start on 29
// Feb 2024, which it did not.
func TestReentryAcrossLeapDay(t *testing.T) {
	tests := []struct {
		ended, started string
		want           bool
	}{
		{"2024-02-29", "2025-02-28", true},
		{"2024-02-29", "2025-03-01", false},
		{"2023-02-28", "2024-02-29", true}, // month end to month end
		{"2023-02-28", "2024-02-28", true},
		{"2023-02-28", "2024-03-01", false},
		{"2024-04-30", "2025-04-30", true},
		{"2024-06-15", "2025-06-15", true},
		{"2024-06-15", "2025-06-16", false},
	}
	for _, tt := range tests {
		eps := []episode{
			{start: d("2020-01-01"), end: d(tt.ended), rne: "S", reason: "E4A", line: 2},
			{start: d(tt.started), rne: "S", line: 3},
		}
		if _, got := reentry(eps, d(tt.started)); got != tt.want {
			t.Errorf("ended %s, started again %s: re-entry %v, want %v", tt.ended, tt.started, got, tt.want)
		}
	}
}
