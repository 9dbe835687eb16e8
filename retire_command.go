package main

import (
	"flag"
	"fmt"
	"strings"

	"scorecard/app"
	"scorecard/app/store"
)

// Retiring an indicator the scorecard stopped giving (QA27a 5): it is
// saved as an edit, like a chart setting, so that `imports` lists it with
// who made it, `undo` removes it exactly, and both engines hold it.

func retireFlags(fs *flag.FlagSet, e *env) {
	fs.StringVar(&e.from, "from", "", "the first `period` it is no longer reported for (default: the one after its last figure)")
	fs.BoolVar(&e.reinstate, "undo", false, "put a retired indicator back in circulation")
}

// retireOnce marks an indicator retired from a period, or with --undo
// puts it back, as worked out from the store as it stands (runRetire
// works it out again when a colleague's import or undo lands meanwhile).
func retireOnce(e *env, args []string) error {
	if len(args) != 1 || e.reinstate && e.from != "" {
		return usagef("name one indicator, e.g. scorecard retire ED06 [--from 2025-06], or scorecard retire --undo ED06 to put it back")
	}
	ref := args[0]
	st, err := openStore(e)
	if err != nil {
		return err
	}
	defer st.Close()
	inForce, err := st.Imports()
	if err != nil {
		return err
	}
	h, err := st.LoadIndicator(ref)
	if err != nil {
		return err
	}
	ind, ok := h.Indicator(ref)
	if !ok {
		return fmt.Errorf("%s: no such indicator (scorecard list shows them)", ref)
	}
	var from app.Period
	if !e.reinstate {
		if from, err = retiredFrom(h, e.from, ref); err != nil {
			return err
		}
	}
	s, note, err := h.RetireEdit(ind, from)
	if err != nil {
		return err
	}
	rec, err := st.Import(store.Source{Name: "edit", Kind: "edit", Note: note, Basis: store.Basis(inForce)}, &app.Dataset{ChartSettings: []app.ChartSetting{s}})
	if err != nil {
		return fmt.Errorf("%s: %w", ref, err)
	}
	fmt.Fprintf(e.out, "%s, saved as %s (scorecard undo %s removes it)\n", note, rec.ID, rec.ID)
	if !e.reinstate {
		fmt.Fprintf(e.out, "  its figures stay in the store and in scorecard show %s; exports, the brief and flags for %s on leave it out, and say so; scorecard retire --undo %s puts it back\n",
			ref, s.From.Label(), ref)
	}
	return nil
}

// retiredFrom is the period ref is retired from: the one asked for, or
// the one after its last figure (app.History.RetireDefault). A period at
// or before a figure held is refused (app.History.RetireHidesFigure), as
// the window does not offer it.
func retiredFrom(h *app.History, asked, ref string) (app.Period, error) {
	if asked == "" {
		from, ok := h.RetireDefault(ref)
		if !ok {
			return app.Period{}, usagef("%s has no figures to retire it after: give the period it is retired from, e.g. --from 2025-06", ref)
		}
		return from, nil
	}
	from, err := app.ParsePeriod(strings.TrimSpace(asked))
	if err != nil {
		return app.Period{}, usagef("--from: %v", err)
	}
	if last, hides := h.RetireHidesFigure(ref, from); hides {
		return app.Period{}, fmt.Errorf("%s has a figure for %s, at or after --from %s: retire it from %s, after its last figure, or undo the import that gave the later figures", ref, last.Label(), from.Label(), last.Add(1).Label())
	}
	return from, nil
}
