package importer

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

func TestMilestoneHeadings(t *testing.T) {
	for _, tc := range []struct {
		head string
		role Role
		slot string
	}{
		{"Q1 target", RoleMilestone, "Q1"},
		{"Target Q2", RoleMilestone, "Q2"},
		{"Q3 milestone", RoleMilestone, "Q3"},
		{"Milestone Q4", RoleMilestone, "Q4"},
		{"Quarter 2 target", RoleMilestone, "Q2"},
		{"Q1 floor", RoleMilestoneFloor, "Q1"},
		{"Milestone Jun", RoleMilestone, "Jun"},
		{"June milestone", RoleMilestone, "Jun"},
		{"Sept target", RoleMilestone, "Sep"},
		{"Floor Dec", RoleMilestoneFloor, "Dec"},
		{"Target", "", ""},
		{"Target 2024/25", "", ""},
		{"Target Year", "", ""},
		{"Q1", "", ""},
		{"Mar-25", "", ""},
	} {
		role, slot, ok := milestoneHeading(tc.head)
		if role != tc.role || slot != tc.slot || ok != (tc.role != "") {
			t.Errorf("milestoneHeading(%q) = %q %q %v, want %q %q", tc.head, role, slot, ok, tc.role, tc.slot)
		}
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
