package importer

import (
	"strings"
	"time"

	"scorecard/app"
)

// A targets table (Ref, Year, Target, Floor) may profile each year's
// target with in-year milestones, one column each, and give district
// targets on rows of their own under a District (or Area) column. The
// milestone headings read are a quarter or month with "target",
// "milestone" or "floor", in either order:
//
//	Q1 target, Target Q2, Q3 milestone, Milestone Q4, Q1 floor
//	Milestone Jun, Jun target, June milestone, Floor Sep
//
// A quarter is of the financial year (Q1 is April to June); a month is
// the one in the row's year.

// milestoneHeading reads a milestone column's heading: its role
// (RoleMilestone, or RoleMilestoneFloor for a floor) and slot ("Q1" to
// "Q4", or a month "Jan" to "Dec").
func milestoneHeading(h string) (Role, string, bool) {
	words := strings.Fields(normHeader(h))
	if len(words) < 2 || len(words) > 3 {
		return "", "", false
	}
	var slot string
	role := Role("")
	for i, w := range words {
		switch {
		case w == "target" || w == "milestone":
			if role == "" {
				role = RoleMilestone
			}
		case w == "floor":
			role = RoleMilestoneFloor
		case len(w) == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4' && slot == "":
			slot = "Q" + w[1:]
		case w == "quarter" && i+1 < len(words) && len(words[i+1]) == 1 && words[i+1][0] >= '1' && words[i+1][0] <= '4' && slot == "":
			slot = "Q" + words[i+1]
		case len(w) == 1 && i > 0 && words[i-1] == "quarter":
		default:
			m, ok := monthNames[w]
			if !ok || slot != "" {
				return "", "", false
			}
			slot = m
		}
	}
	if role == "" || slot == "" {
		return "", "", false
	}
	return role, slot, true
}

// monthNames read a month's name, short or long, as its short name.
var monthNames = func() map[string]string {
	m := map[string]string{}
	for _, n := range []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"} {
		m[strings.ToLower(n)] = n[:3]
		m[strings.ToLower(n[:3])] = n[:3]
	}
	m["sept"] = "Sep"
	return m
}()

// milestonePeriod is the period a milestone slot names in year y: a
// quarter of a financial year as the calendar quarter it is (Q1 of
// 2025/26 is 2025-Q2), a month as the one in y. A quarter of an academic
// year is not a calendar quarter, and is not read.
func milestonePeriod(slot string, y app.Period) (app.Period, bool) {
	if strings.HasPrefix(slot, "Q") {
		if y.Kind != app.FinancialYear {
			return app.Period{}, false
		}
		n := int(slot[1] - '0')
		q := app.Period{Kind: app.Quarter, Year: y.Year, N: n + 1}
		if n == 4 {
			q = app.Period{Kind: app.Quarter, Year: y.Year + 1, N: 1}
		}
		return q, true
	}
	for m := time.January; m <= time.December; m++ {
		if m.String()[:3] != slot {
			continue
		}
		p := app.MonthOf(y.Year, m)
		if p.StartMonth() < y.StartMonth() {
			p = app.MonthOf(y.Year+1, m)
		}
		return p, true
	}
	return app.Period{}, false
}
