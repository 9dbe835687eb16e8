package importer

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

func TestMilestoneHeadings(t *testing.T) {
	q := func(y, n int) app.Period { return app.Period{Kind: app.Quarter, Year: y, N: n} }
	for _, tc := range []struct {
		head string
		role Role
		slot string
		at   app.Period
	}{
		{"Q1 target", RoleMilestone, "Q1", app.Period{}},
		{"Target Q2", RoleMilestone, "Q2", app.Period{}},
		{"Q3 milestone", RoleMilestone, "Q3", app.Period{}},
		{"Milestone Q4", RoleMilestone, "Q4", app.Period{}},
		{"Quarter 2 target", RoleMilestone, "Q2", app.Period{}},
		{"Q1 floor", RoleMilestoneFloor, "Q1", app.Period{}},
		{"Milestone Jun", RoleMilestone, "Jun", app.Period{}},
		{"June milestone", RoleMilestone, "Jun", app.Period{}},
		{"Sept target", RoleMilestone, "Sep", app.Period{}},
		{"Floor Dec", RoleMilestoneFloor, "Dec", app.Period{}},
		// A quarter named by its months, as the app labels quarters.
		{"Apr-Jun target", RoleMilestone, "Q1", app.Period{}},
		{"Jan-Mar floor", RoleMilestoneFloor, "Q4", app.Period{}},
		{"Apr-Jun 2024 target", RoleMilestone, "Q1", q(2024, 2)},
		{"Jul-Sep 2024 target", RoleMilestone, "Q2", q(2024, 3)},
		{"Jan-Mar 2025 floor", RoleMilestoneFloor, "Q4", q(2025, 1)},
		{"Target (Sep-24)", RoleMilestone, "Sep", app.MonthOf(2024, time.September)},
		{"Q1 2024/25 milestone", RoleMilestone, "Q1", q(2024, 2)},
		{"Feb-Apr target", "", "", app.Period{}},
		{"Target", "", "", app.Period{}},
		{"Target 2024/25", "", "", app.Period{}},
		{"2024/25 target", "", "", app.Period{}},
		{"Target Year", "", "", app.Period{}},
		{"Q1", "", "", app.Period{}},
		{"Mar-25", "", "", app.Period{}},
		{"Apr-Jun 2024", "", "", app.Period{}},
	} {
		role, slot, at, ok := milestoneHeading(tc.head)
		if role != tc.role || slot != tc.slot || at != tc.at || ok != (tc.role != "") {
			t.Errorf("milestoneHeading(%q) = %q %q %v %v, want %q %q %v", tc.head, role, slot, at, ok, tc.role, tc.slot, tc.at)
		}
	}
}

// TestQuarterTargetHeadings reads target columns headed by a quarter
// named by its months. On a scorecard sheet "Apr-Jun 2024 target" and
// "Jul-Sep 2024 target" were both read as 2024/25's target, one of them
// dropped; like "Q1 target" there they are milestones, which a scorecard
// sheet does not read, saying so. In a targets table they are that
// quarter's milestone, for the year holding it alone.
func TestQuarterTargetHeadings(t *testing.T) {
	b := newBook(t)
	b.sheet("Scorecard")
	b.row("Scorecard", "A1", "Monthly scorecard")
	b.row("Scorecard", "A3", "Ref", "Indicator", "Polarity", "Unit", "Apr-24", "May-24", "Jun-24", "Jul-24", "Aug-24", "Sep-24", "Apr-Jun 2024 target", "Jul-Sep 2024 target")
	b.row("Scorecard", "A4", "M02", "Monthly rate (%)", "H", "%", 50, 51, 52, 53, 54, 55, 52, 56)
	res, err := Read(context.Background(), b.save("scorecard.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Dataset.Targets) != 0 {
		t.Errorf("targets %+v from quarters' columns, want none: a quarter's target is not the year's", res.Dataset.Targets)
	}
	for _, cell := range []string{"K3", "L3"} {
		said := false
		for _, w := range res.Warnings {
			said = said || w.Cell == cell && strings.Contains(w.Message, "not read")
		}
		if !said {
			t.Errorf("no warning that column %s is not read: %v", cell[:1], res.Warnings)
		}
	}

	b = newBook(t)
	b.sheet("Targets")
	b.row("Targets", "A1", "Ref", "Year", "Target", "Apr-Jun 2024 target", "Jan-Mar 2025 floor")
	b.row("Targets", "A2", "M02", "2024/25", 60, 52, 45)
	b.row("Targets", "A3", "M02", "2025/26", 62, 53, "")
	res, err = Read(context.Background(), b.save("targets.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tg := range res.Dataset.Targets {
		got = append(got, fmt.Sprintf("%s %v", tg.Year, deref(tg.Target)))
		for _, l := range tg.Levels {
			got = append(got, fmt.Sprintf("%s %v/%v", l.Period, deref(l.Target), deref(l.Floor)))
		}
	}
	if want := "[2024/25 60 2024-Q2 52/<nil> 2025-Q1 <nil>/45 2025/26 62]"; fmt.Sprint(got) != want {
		t.Errorf("targets %s, want %s", fmt.Sprint(got), want)
	}
	said := false
	for _, w := range res.Warnings {
		said = said || w.Cell == "D3" && strings.Contains(w.Message, "not in 2025/26")
	}
	if !said {
		t.Errorf("no warning that 2025/26's 53 under the Apr-Jun 2024 milestone is not read: %v", res.Warnings)
	}
}

// TestTargetsWithMilestonesAndDistricts reads a targets table profiling
// 2025/26 by quarter and month, with a district's own target and Q1
// milestone, and a tidy table's district targets: each is the year's
// level for its period or district, never the county's target replaced.
func TestTargetsWithMilestonesAndDistricts(t *testing.T) {
	b := newBook(t)
	b.sheet("Targets")
	b.row("Targets", "A1", "Ref", "Year", "District", "Target", "Floor", "Q1 target", "Q1 floor", "Q2 target", "Milestone Aug")
	b.row("Targets", "A2", "CIC05", "2025/26", "", 9, 11, 12, 13, 11, 10.5)
	b.row("Targets", "A3", "CIC05", "2025/26", "Swale", 15, 18, 17, "", "", "")
	b.row("Targets", "A4", "CIC05", "2025/26", "Kent", "", "", "", "", "", "")
	res, err := Read(context.Background(), b.save("targets.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Dataset.Targets) != 1 {
		t.Fatalf("targets %+v, want one for CIC05 2025/26", res.Dataset.Targets)
	}
	tg := res.Dataset.Targets[0]
	if *tg.Target != 9 || *tg.Floor != 11 {
		t.Errorf("the year's target %v/%v, want 9/11", *tg.Target, *tg.Floor)
	}
	var got []string
	for _, l := range tg.Levels {
		got = append(got, fmt.Sprintf("%s %s %v/%v", l.Area, l.Period, deref(l.Target), deref(l.Floor)))
	}
	want := "[ 2025-Q2 12/13  2025-Q3 11/<nil>  2025-08 10.5/<nil> Swale  15/18 Swale 2025-Q2 17/<nil>]"
	if fmt.Sprint(got) != want {
		t.Errorf("levels %s, want %s", fmt.Sprint(got), want)
	}
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "not read") || strings.Contains(w.Message, "differs") {
			t.Errorf("warning %v", w)
		}
	}

	// A tidy table's target on a district's row is the district's.
	res, err = Read(context.Background(), writeCSV(t, "Ref,Period,Area,Value,Target,Floor\nCIC05,2025-06,Kent,11.5,9,11\nCIC05,2025-06,Swale,14,15,18\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Dataset.Targets) != 1 {
		t.Fatalf("targets %+v", res.Dataset.Targets)
	}
	tg = res.Dataset.Targets[0]
	if *tg.Target != 9 || len(tg.Levels) != 1 || tg.Levels[0].Area != "Swale" || *tg.Levels[0].Target != 15 {
		t.Errorf("tidy targets %+v, want Kent's 9 and Swale's own 15", tg)
	}
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "differs") {
			t.Errorf("warning %v: a district's target is not the county's", w)
		}
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
