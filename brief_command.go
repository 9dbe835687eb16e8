package main

import (
	"fmt"
	"strings"

	"scorecard/app"
	"scorecard/app/brief"
	"scorecard/app/disclosure"
	"scorecard/app/export"
	"scorecard/app/store"
	"scorecard/importer/dfe"
)

// runBrief prints the exceptions brief, as text to paste into an e-mail.
// It is meant for circulation, so it withholds small numbers as the
// export does, with the same threshold.
func runBrief(e *env, args []string) error {
	if len(args) != 0 {
		return usagef("brief takes no arguments")
	}
	if e.suppress < 0 {
		return usagef("--suppress takes a count, e.g. 5")
	}
	v, err := loadView(e)
	if err != nil {
		return err
	}
	p := v.period
	if p.IsZero() {
		p = v.h.Latest()
		noteShortfall(e, v.h, p)
	}
	asked := p
	var read bool
	if p, read = v.h.ReportingPeriod(asked); read {
		sayNote(e, app.ReadAsNote(asked, p))
	}
	k := v.h.Cadence()
	if p.IsZero() || k == 0 {
		return fmt.Errorf("%s: no figures for a brief", e.db)
	}
	if p.Kind != k {
		return usagef("--period: the store's figures are by %s; %s", k.Noun(), app.MonthAdvice(k, p, v.h.Latest()))
	}
	// A brief of a period or an area with no figures would say "Nothing
	// is red" of no data: refused, as flags refuses it (QA23c D12).
	if ps := v.h.Periods(); len(ps) > 0 && (p.Compare(ps[0]) < 0 || p.Compare(ps[len(ps)-1]) > 0) {
		return fmt.Errorf("%s: no figures for %s (the store holds %s to %s)", e.db, p.Label(), ps[0].Label(), ps[len(ps)-1].Label())
	}
	if !export.HasFigures(v.h, v.area, p) {
		return fmt.Errorf("%s: %s", e.db, export.NoFigures(v.h, v.area, p))
	}
	// The release is the export's (disclosure.ReleaseFigures), all
	// children's figures and those excluding the cohorts withheld
	// together, so the brief withholds what the export does; the
	// figures excluding them are the view's.
	figures := v.h
	base, shown, _ := disclosure.ReleaseExcluded(v.all, figures, v.excluded, e.suppress, v.auth)
	opt := brief.Options{Period: p, Area: v.area, Trend: analysisOptions(), Shown: shown, Suppress: e.suppress,
		Excluded: v.excluded, All: v.all, AllShown: base}
	items := brief.Items(figures, opt)
	left := brief.Assessed(figures, opt)
	if _, err = fmt.Fprint(e.out, brief.Text(brief.Heading(v.area, p, export.CohortPhrase(v.excluded), items), items, left, brief.RevisionsText(figures, opt), brief.OffCycle(figures, opt), brief.Retired(figures, opt), brief.Foot(figures, opt))); err != nil {
		return err
	}
	recordCirculation(e, app.NewCirculation(app.CirculatedBrief, "", p, v.area, v.excluded, v.h.Imports))
	// A source's own figure excluding the cohorts that cannot be right is
	// said before the brief is sent, whether or not the brief names it:
	// to the officer, beside the brief, since the note gives figures the
	// brief may withhold.
	for _, ind := range v.h.Indicators() {
		if d := v.disagrees[figure{app.SeriesKey{Ref: ind.Ref, Area: v.area}, p}]; d != "" {
			fmt.Fprintf(e.errOut, "note: check before sending: %s %s: %s\n", ind.Ref, ind.Name, d)
		}
	}
	return nil
}

// noteShortfall says, of the latest period p a command defaulted to,
// that most indicators have no figure for it yet (History.Shortfall),
// and how to ask for the period before that has them.
func noteShortfall(e *env, h *app.History, p app.Period) {
	if before, s := h.Shortfall(p); s != "" {
		fmt.Fprintf(e.errOut, "note: %s: give --period %s for %s\n", s, before, before.Label())
	}
	noteAfter(e, h, p)
}

// noteAfter says which indicators have figures for periods after p ends
// (History.After), which a report of p leaves out: a red quarter after
// the last month must not go unmentioned beside "nothing is red".
func noteAfter(e *env, h *app.History, p app.Period) {
	later := h.After(p)
	if len(later) == 0 {
		return
	}
	var names []string
	for _, l := range later {
		names = append(names, l.Ref+" "+l.Period.Label())
	}
	fmt.Fprintf(e.errOut, "note: figures after %s are not in this %s's report: %s; scorecard show REF gives them\n",
		p.Label(), p.Kind.Noun(), strings.Join(names, ", "))
}

// noteCalendarDfE says which DfE imports hold reporting years as calendar
// years, as imports did before a reporting year was filed as the year it
// covers (History.CalendarYearsFrom): children looked after at 31 March
// 2025 would stand in December 2025's column. The store cannot tell such
// a year from a true calendar year, so it is said rather than re-dated.
func noteCalendarDfE(e *env, h *app.History) {
	for _, iy := range h.CalendarYearsFrom(dfe.Format, dfe.FiledAsYearsItCovers) {
		years := iy.First.Label()
		if iy.Last != iy.First {
			years += " to " + iy.Last.Label()
		}
		covers := app.Period{Kind: app.FinancialYear, Year: iy.Last.Year - 1}
		fmt.Fprintf(e.errOut, "note: %s (%s) holds the DfE's reporting years %s of %s as calendar years, each shown in its December; they are years to 31 March (%s is %s): scorecard undo %s, then import the file again, to file them so\n",
			iy.Import.ID, iy.Import.Source, years, strings.Join(iy.Refs, ", "), iy.Last.Label(), covers.Label(), iy.Import.ID)
	}
}

// noteCalendarDfEStored is noteCalendarDfE for a command that does not
// read the whole store (export streams it an indicator at a time): it
// reads the records of the indicators the DfE mapping files by the years
// they cover, and no others. A store it cannot read says nothing here:
// the command's own reading reports it.
func noteCalendarDfEStored(e *env) {
	h, err := readStore(e, func(st store.Store) (*app.History, error) {
		h := app.NewHistory()
		for _, ref := range dfe.DefaultMapping().Refs() {
			if !dfe.FiledAsYearsItCovers(ref) {
				continue
			}
			one, err := st.LoadIndicator(ref)
			if err != nil {
				continue // not in this store
			}
			h.Imports = one.Imports
			h.Gather(one, ref, func(o app.Observation) bool { return o.Period.Kind == app.CalendarYear })
		}
		return h, nil
	})
	if err == nil {
		noteCalendarDfE(e, h)
	}
}
