package app

import (
	"fmt"
	"slices"
)

// ChartSettingKind says what a ChartSetting sets.
type ChartSettingKind string

// The kinds of chart setting.
const (
	// SetWindow sets the direction-of-travel trend window: Periods
	// periods, or every period since From.
	SetWindow ChartSettingKind = "window"
	// SetBaseline sets the SPC baseline: the figures from From to To
	// (the series' end, or the next rebase, when To is zero) set the
	// mean and process limits.
	SetBaseline ChartSettingKind = "baseline"
	// SetRebase starts a new chart at From, where the process changed
	// (a new service model): the mean and limits are worked out afresh
	// from there, and no run or trend crosses it.
	SetRebase ChartSettingKind = "rebase"
)

// ChartSetting is an officer's choice of how one indicator's trend and SPC
// chart are worked out. It is saved as an edit, like a target, so undo
// removes it and the history lists it. A later setting of the same kind
// (and, for a rebase, the same period) replaces an earlier one.
type ChartSetting struct {
	Ref     string           `json:"ref"`
	Kind    ChartSettingKind `json:"kind"`
	Periods int              `json:"periods,omitempty"` // a window's length; 0 with From for "since"
	From    Period           `json:"from"`              // window since, baseline start, rebase period
	To      Period           `json:"to"`                // baseline end; zero for open-ended
	Note    string           `json:"note,omitempty"`    // shown on the chart as an annotation
	Import  string           `json:"import,omitempty"`
}

// Check reports what is wrong with s, if anything.
func (s ChartSetting) Check() error {
	switch s.Kind {
	case SetWindow:
		if (s.Periods > 0) == !s.From.IsZero() {
			return fmt.Errorf("%s window: give a number of periods or a start, not both", s.Ref)
		}
		if s.Periods < 0 {
			return fmt.Errorf("%s window: %d periods", s.Ref, s.Periods)
		}
	case SetBaseline:
		if s.From.IsZero() {
			return fmt.Errorf("%s baseline: no start period", s.Ref)
		}
		if !s.To.IsZero() && s.To.Compare(s.From) < 0 {
			return fmt.Errorf("%s baseline: ends at %s, before it starts at %s", s.Ref, s.To, s.From)
		}
	case SetRebase:
		if s.From.IsZero() {
			return fmt.Errorf("%s rebase: no period", s.Ref)
		}
	case SetRetire:
		// A zero From puts the indicator back in circulation.
	default:
		return fmt.Errorf("%s: unknown chart setting %q", s.Ref, s.Kind)
	}
	return nil
}

// same reports whether s and t set the same thing, so that the later
// replaces the earlier.
func (s ChartSetting) same(t ChartSetting) bool {
	return s.Ref == t.Ref && s.Kind == t.Kind && (s.Kind != SetRebase || s.From == t.From)
}

// ChartPlan is what an indicator's settings add up to.
type ChartPlan struct {
	Window   *ChartSetting  // nil for the default window
	Baseline *ChartSetting  // nil for every figure (of each rebased part)
	Rebases  []ChartSetting // in period order
}

// AddChartSetting adds s, replacing an earlier setting of the same thing.
func (h *History) AddChartSetting(s ChartSetting) {
	if h.chartSettings == nil {
		h.chartSettings = map[string][]ChartSetting{}
	}
	list := h.chartSettings[s.Ref]
	if i := slices.IndexFunc(list, s.same); i >= 0 {
		list[i] = s
		return
	}
	h.chartSettings[s.Ref] = append(list, s)
}

// ChartSettings returns the settings of indicator ref, in the order first
// set.
func (h *History) ChartSettings(ref string) []ChartSetting { return h.chartSettings[ref] }

// ChartPlan adds up the settings of indicator ref.
func (h *History) ChartPlan(ref string) ChartPlan {
	var p ChartPlan
	for i := range h.chartSettings[ref] {
		s := &h.chartSettings[ref][i]
		switch s.Kind {
		case SetWindow:
			p.Window = s
		case SetBaseline:
			p.Baseline = s
		case SetRebase:
			p.Rebases = append(p.Rebases, *s)
		}
	}
	slices.SortFunc(p.Rebases, func(a, b ChartSetting) int { return a.From.Compare(b.From) })
	return p
}
