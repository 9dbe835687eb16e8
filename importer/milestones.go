package importer

import (
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

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
// "Q4", or a month "Jan" to "Dec"). A quarter may be named by its months
// ("Apr-Jun target"), and the heading may name the one quarter or month
// it is for ("Apr-Jun 2024 target", "Sep-24 milestone", "Q1 2024/25
// floor"): at is then that period, else zero. Such a heading is a
// milestone, never the year's target: read as the year's, two of them
// gave one year two targets.
func milestoneHeading(h string) (role Role, slot string, at app.Period, ok bool) {
	if role, slot, ok := milestoneWords(h); ok {
		return role, slot, app.Period{}, true
	}
	return datedMilestone(h)
}

// milestoneWords reads a milestone heading naming a slot with no year.
func milestoneWords(h string) (Role, string, bool) {
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
			m, ok := monthNames()[w]
			switch {
			case !ok:
				return "", "", false
			case slot == "":
				slot = m
			default:
				// "Apr-Jun": a quarter named by its first and last months.
				q, ok := quarterSlot(slot, m)
				if !ok {
					return "", "", false
				}
				slot = q
			}
		}
	}
	if role == "" || slot == "" {
		return "", "", false
	}
	return role, slot, true
}

// quarterSlot is the financial year's quarter ("Q1" for April to June)
// whose first and last months are first and last ("Apr", "Jun").
func quarterSlot(first, last string) (string, bool) {
	f, l := monthNumber(first), monthNumber(last)
	if f == 0 || l != f+2 || f%3 != 1 {
		return "", false
	}
	return fySlot(app.Period{Kind: app.Quarter, N: (f + 2) / 3}), true
}

// monthNumber is the number (1-12) of a month's short name, or 0.
func monthNumber(short string) int {
	for m := time.January; m <= time.December; m++ {
		if m.String()[:3] == short {
			return int(m)
		}
	}
	return 0
}

// fySlot is the milestone slot of a month or calendar quarter: the
// month's short name, or the quarter of the financial year (2024-Q2 is
// Q1 of 2024/25).
func fySlot(p app.Period) string {
	if p.Kind == app.Month {
		return time.Month(p.N).String()[:3]
	}
	return "Q" + strconv.Itoa((p.N+2)%4+1)
}

// datedMilestone reads a milestone heading naming one month or quarter:
// "Apr-Jun 2024 target", "Target Sep-24", "Q1 2024/25 floor".
func datedMilestone(h string) (Role, string, app.Period, bool) {
	fields := strings.FieldsFunc(h, func(r rune) bool {
		return unicode.IsSpace(r) || r == '(' || r == ')' || r == '[' || r == ']' || r == ':' || r == ','
	})
	var role Role
	var rest []string
	for _, f := range fields {
		switch normHeader(f) {
		case "target", "milestone":
			if role == "" {
				role = RoleMilestone
			}
		case "floor":
			role = RoleMilestoneFloor
		default:
			rest = append(rest, f)
		}
	}
	if role == "" || len(rest) == 0 {
		return "", "", app.Period{}, false
	}
	p, ok := periodHeading(strings.Join(rest, " "))
	if !ok || p.Kind != app.Month && p.Kind != app.Quarter {
		return "", "", app.Period{}, false
	}
	return role, fySlot(p), p, true
}

// monthNames read a month's name, short or long, as its short name.
var monthNames = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, n := range []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"} {
		m[strings.ToLower(n)] = n[:3]
		m[strings.ToLower(n[:3])] = n[:3]
	}
	m["sept"] = "Sep"
	return m
})

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
