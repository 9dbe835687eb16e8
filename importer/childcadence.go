package importer

import (
	"fmt"
	"strings"
	"time"

	"scorecard/app"
)

// A child-level list counts children on one day, and files its figures
// under that day's month. A store whose figures are quarterly (a London
// borough's quarterly scorecard) reports quarters: one month's figure
// among them turns every report monthly (History.Cadence) and leaves the
// list's indicators a single monthly point beside their quarters, with
// no direction of travel (QA30 finding 4). Counted on a quarter's last
// day, a list's figures are that quarter's, as the scorecard's own
// quarter-end snapshot is; counted on another day, they are no quarter's.

// listAtCadence files a child-level list's figures (d, counted as at
// d.AsAt) at the cadence the store holds them: under the quarter ending
// on the list's date where the store holds an indicator's figures by
// quarter, or holds only quarters and not the indicator. It says so at
// the list (at); a list dated on no quarter's end is refused where any
// monthly figure would turn a store of quarters monthly, and filed by
// its month with a warning where the store is monthly already.
func listAtCadence(d *app.Dataset, at app.Location, opt Options) ([]app.Warning, error) {
	if d == nil || d.AsAt.IsZero() || opt.Held == nil {
		return nil, nil
	}
	cadence := heldCadence(opt)
	// quarterly are the list's indicators filed by quarter; held, those
	// of them the store holds by quarter itself.
	var quarterly, held []string
	for _, ind := range d.Indicators {
		k := refCadence(opt.Held(ind.Ref))
		if k == app.Quarter {
			held = append(held, ind.Ref)
		}
		if k == 0 {
			k = cadence()
		}
		if k == app.Quarter {
			quarterly = append(quarterly, ind.Ref)
		}
	}
	if len(quarterly) == 0 {
		return nil, nil
	}
	asAt := d.AsAt.Format("2 Jan 2006")
	month := app.MonthOf(d.AsAt.Year(), d.AsAt.Month())
	why := "as the store's figures are quarterly"
	if len(held) > 0 {
		why = "as the store holds " + refList(held) + " by quarter"
	}
	what := refList(quarterly)
	if len(quarterly) == len(d.Indicators) && len(quarterly) > 3 {
		what = fmt.Sprintf("all %d of its indicators", len(quarterly))
	}
	q, ends := quarterOf(d.AsAt)
	if !ends {
		if cadence() == app.Quarter {
			return nil, &app.SourceError{Location: at, Err: fmt.Errorf(
				"counted as at %s, which ends no quarter, and the store's figures are quarterly: not imported, "+
					"since figures filed under %s would turn every report monthly; count the list as at a quarter's end, "+
					"e.g. --as-at %s for %s", asAt, month.Label(), q.End().Format(time.DateOnly), q.Label())}
		}
		return []app.Warning{{Location: at, Message: fmt.Sprintf(
			"counted as at %s, which ends no quarter: the figures of %s are filed under %s, beside quarters (%s), not under %s",
			asAt, what, month.Label(), strings.TrimPrefix(why, "as "), q.Label())}}, nil
	}
	moved := map[string]bool{}
	for _, r := range quarterly {
		moved[r] = true
	}
	for i, o := range d.Observations {
		if moved[o.Ref] && o.Period == month {
			d.Observations[i].Period = q
		}
	}
	if cadence() == app.Quarter {
		// The counts the figures break down go with them.
		for i, b := range d.Breakdowns {
			if b.Period == month {
				d.Breakdowns[i].Period = q
			}
		}
	}
	return []app.Warning{{Location: at, Message: fmt.Sprintf(
		"counted as at %s, the last day of %s: the figures of %s are filed under %s, not %s, %s",
		asAt, q.Label(), what, q.Label(), month.Label(), why)}}, nil
}

// refList names refs, the first few of many.
func refList(refs []string) string {
	if len(refs) > 6 {
		return fmt.Sprintf("%s and %d more", strings.Join(refs[:6], ", "), len(refs)-6)
	}
	return strings.Join(refs, ", ")
}

// quarterOf is the quarter d falls in, and whether d is its last day.
func quarterOf(d time.Time) (app.Period, bool) {
	q := app.Period{Kind: app.Quarter, Year: d.Year(), N: (int(d.Month())-1)/3 + 1}
	return q, d.Equal(q.End())
}

// refCadence is the shortest period an indicator's figures are held by,
// month or quarter, or 0 for neither (years, or none held).
func refCadence(held []app.Observation) app.PeriodKind {
	var k app.PeriodKind
	for _, o := range held {
		switch o.Period.Kind {
		case app.Month:
			return app.Month
		case app.Quarter:
			k = app.Quarter
		}
	}
	return k
}

// heldCadence returns the store's cadence, month or quarter (or 0), as
// History.Cadence gives it: monthly if any indicator holds a monthly
// figure. It is worked out once, when first asked, and stops at the
// first indicator held by month.
func heldCadence(opt Options) func() app.PeriodKind {
	var k app.PeriodKind
	asked := false
	return func() app.PeriodKind {
		if asked {
			return k
		}
		asked = true
		for _, ind := range opt.Indicators {
			switch refCadence(opt.Held(ind.Ref)) {
			case app.Month:
				k = app.Month
				return k
			case app.Quarter:
				k = app.Quarter
			}
		}
		return k
	}
}
