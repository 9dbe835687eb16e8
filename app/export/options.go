package export

import (
	"context"
	"fmt"
	"strings"
	"time"

	"scorecard/app"
)

// Options say what to export and how.
type Options struct {
	Period app.Period // the scorecard's period (month, quarter or year); zero = the latest
	Area   app.Area   // the scorecard's area; zero = the authority
	// Authority is the store's authority: its districts are the
	// districts table's columns; nil means app.DefaultAuthority.
	Authority *app.Authority
	Exclude   []app.Cohort // cohorts whose children the figures leave out
	Suppress  int          // suppress counts below this (5: counts 1-4); 0 = none
	Months    int          // periods shown on the scorecard sheet; zero = 12
	// Original is the path of an imported workbook whose own layout the
	// revised figures are written into; "" writes the house layout.
	Original string
	// Reread reads the original again, as its import read it, for
	// where it holds what the store no longer says (app.SourceCells):
	// the cells of the benchmarks and targets a later import revised,
	// whose latest versions name cells of the later file, and the
	// columns its import read. importer.Reread does; inds are the
	// store's definitions and auth its authority. It is called once at
	// most, and only when such cells are needed; nil fails an export
	// that needs them.
	Reread     func(ctx context.Context, path string, inds []app.Indicator, auth *app.Authority) (*app.SourceCells, error)
	AppVersion string
	Produced   time.Time // the "date produced"; zero = now
	// Marking is the protective marking printed at the head and foot of
	// every page: "" prints DefaultMarking, NoMarking ("none") none.
	Marking string
	// Progress, when set, is told how far the export has got.
	Progress func(done, total int)
}

// authority is the authority the export is for.
func (o Options) authority() *app.Authority {
	if o.Authority != nil {
		return o.Authority
	}
	return app.DefaultAuthority()
}

// heldPeriods are the periods of the figures exported, as a whole
// history (*app.History) or a calendar gathered an indicator at a time
// (app.Calendar) gives them.
type heldPeriods interface {
	Cadence() app.PeriodKind
	Periods() []app.Period
	Latest() app.Period
	Shortfall(app.Period) (app.Period, string)
	After(app.Period) []app.RefPeriod
	ReportingPeriod(app.Period) (app.Period, bool)
}

// settle returns opt with its defaults filled in and the period to
// export, of the figures' cadence, with notes saying how it read what it
// was asked; defaulted says no period was asked for, and the export took
// the latest.
func settle(opt Options, held heldPeriods) (_ Options, notes []string, defaulted bool, err error) {
	if opt.Area == "" {
		opt.Area = opt.authority().Area()
	}
	if opt.Months <= 0 {
		opt.Months = 12
	}
	if opt.Produced.IsZero() {
		opt.Produced = time.Now()
	}
	defaulted = opt.Period.IsZero()
	if defaulted {
		opt.Period = held.Latest()
		// Into the original's layout the period is the original's own
		// (writeOriginal), not the store's latest.
		if before, s := held.Shortfall(opt.Period); s != "" && opt.Original == "" {
			notes = append(notes, s+": give the period to export "+before.Label())
		}
		if opt.Original == "" {
			notes = append(notes, afterNote(held, opt.Period)...)
		}
	}
	if opt.Period.IsZero() {
		return opt, nil, false, ErrNoData
	}
	asked := opt.Period
	var read bool
	if opt.Period, read = held.ReportingPeriod(asked); read {
		notes = append(notes, app.ReadAsNote(asked, opt.Period))
	}
	if k := held.Cadence(); k != 0 && opt.Period.Kind != k {
		return opt, nil, false, fmt.Errorf("export period %s: the store's figures are by %s; %s", opt.Period, k.Noun(), app.MonthAdvice(k, opt.Period, held.Latest()))
	}
	// A period outside the history would give a scorecard of blanks, which
	// could be circulated by mistake.
	if ps := held.Periods(); len(ps) > 0 && (opt.Period.Compare(ps[0]) < 0 || opt.Period.Compare(ps[len(ps)-1]) > 0) {
		return opt, nil, false, fmt.Errorf("%w for %s: the store holds %s to %s", ErrNoData, opt.Period.Label(), ps[0].Label(), ps[len(ps)-1].Label())
	}
	return opt, notes, defaulted, nil
}

// afterNote says, as flags and brief do, which indicators have figures
// for periods after the latest period p exported, which its scorecard
// leaves out (app.History.After): a quarter ending after the last month,
// or an academic year the latest financial year does not show.
func afterNote(held heldPeriods, p app.Period) []string {
	later := held.After(p)
	if len(later) == 0 {
		return nil
	}
	names := make([]string, len(later))
	for i, l := range later {
		names[i] = l.Ref + " " + l.Period.Label()
	}
	return []string{fmt.Sprintf("figures after %s are not in this %s's scorecard: %s; scorecard show REF gives them",
		p.Label(), p.Kind.Noun(), strings.Join(names, ", "))}
}
