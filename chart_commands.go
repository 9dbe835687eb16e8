package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/app/trend"
)

// The officer's chart settings (issue 16): each is saved as an edit, so
// that `scorecard undo` removes it exactly and `imports` lists it.

func baselineFlags(fs *flag.FlagSet, e *env) {
	fs.StringVar(&e.from, "from", "", "the first `period` of the baseline, e.g. 2024-04")
	fs.StringVar(&e.to, "to", "", "the last `period` of the baseline (default: the latest, or the next rebase)")
	fs.StringVar(&e.note, "note", "", "a `note`, shown on the chart")
}

func rebaseFlags(fs *flag.FlagSet, e *env) {
	fs.StringVar(&e.at, "at", "", "the first `period` of the new process, e.g. 2025-04")
	fs.StringVar(&e.note, "note", "", "what changed (a `note`, shown on the chart)")
}

// runBaseline sets the periods an indicator's SPC mean and limits come from.
func runBaseline(e *env, args []string) error {
	if len(args) != 1 || e.from == "" {
		return usagef("name one indicator and the baseline's start, e.g. scorecard baseline CIC05 --from 2024-04")
	}
	from, err := app.ParsePeriod(e.from)
	if err != nil {
		return usagef("--from: %v", err)
	}
	s := app.ChartSetting{Ref: args[0], Kind: app.SetBaseline, From: from, Note: strings.TrimSpace(e.note)}
	if e.to != "" {
		if s.To, err = app.ParsePeriod(e.to); err != nil {
			return usagef("--to: %v", err)
		}
	}
	what := "SPC baseline from " + from.Label()
	if !s.To.IsZero() {
		what += " to " + s.To.Label()
	}
	return saveChartSetting(e, s, what)
}

// runRebase starts a new SPC chart where the process changed.
func runRebase(e *env, args []string) error {
	if len(args) != 1 || e.at == "" || strings.TrimSpace(e.note) == "" {
		return usagef("name one indicator, the period and what changed, e.g. scorecard rebase CIC05 --at 2025-04 --note \"new service model\"")
	}
	at, err := app.ParsePeriod(e.at)
	if err != nil {
		return usagef("--at: %v", err)
	}
	s := app.ChartSetting{Ref: args[0], Kind: app.SetRebase, From: at, Note: strings.TrimSpace(e.note)}
	return saveChartSetting(e, s, "SPC rebased at "+at.Label())
}

// runWindow sets the direction-of-travel trend window: N periods, or
// every period since a date.
func runWindow(e *env, args []string) error {
	if len(args) != 2 {
		return usagef("name one indicator and the window: a number of periods (3, 6, 12, 24) or the period it starts, e.g. scorecard window CIC05 6")
	}
	s := app.ChartSetting{Ref: args[0], Kind: app.SetWindow}
	var what string
	if n, err := strconv.Atoi(args[1]); err == nil {
		if n < 3 {
			return usagef("a trend window needs at least 3 periods, not %d", n)
		}
		s.Periods, what = n, fmt.Sprintf("trend window of %d periods", n)
	} else {
		p, err := app.ParsePeriod(args[1])
		if err != nil {
			return usagef("window %q is neither a number of periods nor a period: %v", args[1], err)
		}
		s.From, what = p, "trend window since "+p.Label()
	}
	return saveChartSetting(e, s, what)
}

// saveChartSetting checks s against the stored indicator and saves it as
// an edit, saying what it did and how to undo it.
func saveChartSetting(e *env, s app.ChartSetting, what string) error {
	if err := s.Check(); err != nil {
		return usagef("%v", err)
	}
	st, err := openStore(e)
	if err != nil {
		return err
	}
	defer st.Close()
	h, err := st.Load()
	if err != nil {
		return err
	}
	ind, ok := h.Indicator(s.Ref)
	if !ok {
		return fmt.Errorf("%s: no such indicator (scorecard list shows them)", s.Ref)
	}
	// A month cannot mark a quarterly series: the setting would be ignored.
	auth, err := st.Authority()
	if err != nil {
		return err
	}
	k := app.SeriesKey{Ref: s.Ref, Area: auth.Area()}
	if obs := h.Series(k); len(obs) > 0 && obs[0].Period.Kind != s.From.Kind && !s.From.IsZero() {
		return fmt.Errorf("%s: its figures are by %s, but %s is not", s.Ref, obs[0].Period.Kind.Word(), s.From)
	}
	if err := trend.CheckChartSetting(h.Series(k), s, h.ChartPlan(s.Ref)); err != nil {
		return err
	}
	note := fmt.Sprintf("%s: %s", s.Ref, what)
	if s.Note != "" {
		note += " (" + s.Note + ")"
	}
	rec, err := st.Import(store.Source{Name: "edit", Kind: "edit", Note: note}, &app.Dataset{ChartSettings: []app.ChartSetting{s}})
	if err != nil {
		return fmt.Errorf("%s: %w", s.Ref, err)
	}
	fmt.Fprintf(e.out, "%s, saved as %s (scorecard undo %s removes it)\n", note, rec.ID, rec.ID)
	if s.Kind == app.SetBaseline || s.Kind == app.SetRebase {
		h.Apply(&app.Dataset{ChartSettings: []app.ChartSetting{s}}, rec.ID)
		if pts := trend.Analyse(h, k, analysisOptions()); len(pts) > 0 && pts[len(pts)-1].Signal == trend.TooFewPoints {
			fmt.Fprintf(e.out, "  note: %s's latest chart has fewer than %d figures for %s, so it shows no SPC limits or signals until it has %d.\n", ind.Ref, trend.MinBaseline, k.Area, trend.MinBaseline)
		}
	}
	return nil
}
