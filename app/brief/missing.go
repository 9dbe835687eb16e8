package brief

import (
	"scorecard/app"
	"scorecard/app/trend"
)

// missingItem is the line of indicator ind whose figure for f.Period is
// flagged missing in report month m (trend.MissingFlag), in flags'
// words. It is newly flagged in the month its period ends, the month it
// was due; a quarter (year) still not in after that is listed as Overdue
// for as long as flags has it, so that it never drops out of the brief
// (QA26b S2).
func missingItem(ind app.Indicator, f trend.Flag, m app.Period) Item {
	why, lead := NewlyFlagged, "new this "+m.Kind.Word()+": "
	if !app.ReportedIn(f.Period, m) {
		why, lead = Overdue, "overdue: "
	}
	p := trend.Point{Period: f.Period, Missing: true, Flags: []string{f.Kind}, FlagDetails: []string{f.Detail}}
	return Item{
		Ref: ind.Ref, Name: ind.Name, Why: []string{why}, Point: p,
		Line:     ind.Name + ": no figure; " + lead + f.Detail,
		severity: 1,
	}
}
