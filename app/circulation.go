package app

import "fmt"

// SetRetire marks an indicator retired from From: the scorecard stopped
// giving it (QA27a 5). Its figures stay in the store and in `show`, but
// the outputs circulated for a period from From on (the Scorecard sheet,
// the pack, the brief, flags) leave it out (InCirculation). A retirement
// with a zero From puts the indicator back in circulation, replacing the
// earlier one, so that reinstating it is recorded as retiring it was.
//
// It is kept as a chart setting, an officer's choice about one
// indicator saved as an edit, so that both store engines record it with
// its provenance, the import history lists it and undo removes it,
// without a record kind of its own.
const SetRetire ChartSettingKind = "retire"

// Retirement returns the retirement in force for indicator ref: ok is
// false when it was never retired or was put back in circulation.
func (h *History) Retirement(ref string) (s ChartSetting, ok bool) {
	for _, c := range h.chartSettings[ref] {
		if c.Kind == SetRetire {
			s, ok = c, !c.From.IsZero()
		}
	}
	return s, ok
}

// InCirculation reports whether indicator ref belongs in what is
// circulated for period p: every output that lists indicators for a
// period asks it, so that a retired indicator drops out of all of them
// alike. A retired one is in circulation for periods that start before
// it was retired from, and for any period a figure was given for since
// (a file that gives it again is never dropped unsaid).
func (h *History) InCirculation(ref string, p Period) bool {
	r, ok := h.Retirement(ref)
	if !ok || p.IsZero() || p.Start().Before(r.From.Start()) {
		return true
	}
	for k, s := range h.series {
		if k.Ref != ref {
			continue
		}
		for _, o := range s {
			if ReportedIn(o.Period, p) {
				return true
			}
		}
	}
	return false
}

// RetiredWords says, for outputs of period p, that ind was retired and
// is left out: "" when ind is in circulation for p.
func (h *History) RetiredWords(ind Indicator, p Period) string {
	lead := h.retiredLead(ind, p)
	if lead == "" {
		return ""
	}
	return fmt.Sprintf("%s: left out of the scorecard from then on; its figures are still held (scorecard show %s), and scorecard retire --undo %s puts it back",
		lead, ind.Ref, ind.Ref)
}

// RetiredNote is RetiredWords for an output that lists only some
// indicators (the brief): "ED06 Name was retired from Feb-26 (edit
// E0004): not listed", so that its absence is not read as nothing to
// report; "" when ind is in circulation for p.
func (h *History) RetiredNote(ind Indicator, p Period) string {
	lead := h.retiredLead(ind, p)
	if lead == "" {
		return ""
	}
	return lead + ": not listed"
}

// RetiredRowWords is RetiredWords for an export into the officer's own
// workbook (export --original), whose rows are the officer's layout: the
// row is kept, not taken out from under the officer's formulas and
// print areas, and said at the row and beside the file written: "ED06
// Name was retired from Feb-26 (edit E0004): its row is kept as this
// workbook lays it out, with no figure from Feb-26 on; ...". "" when ind
// is in circulation for p.
func (h *History) RetiredRowWords(ind Indicator, p Period) string {
	lead := h.retiredLead(ind, p)
	if lead == "" {
		return ""
	}
	r, _ := h.Retirement(ind.Ref)
	return fmt.Sprintf("%s: its row is kept as this workbook lays it out, with no figure from %s on; an export without --original leaves it out of the scorecard, and scorecard retire --undo %s puts it back",
		lead, r.From.Label(), ind.Ref)
}

// retiredLead is the words every output says a retired indicator in:
// "ED06 Name was retired from Feb-26 (edit E0004)"; "" when ind is in
// circulation for p.
func (h *History) retiredLead(ind Indicator, p Period) string {
	if h.InCirculation(ind.Ref, p) {
		return ""
	}
	r, _ := h.Retirement(ind.Ref)
	return fmt.Sprintf("%s %s was retired from %s (edit %s)", ind.Ref, ind.Name, r.From.Label(), r.Import)
}

// LastFigure is the latest period any of ref's series has a figure for:
// what an indicator is retired after unless the officer says otherwise.
func (h *History) LastFigure(ref string) (last Period, ok bool) {
	for k, s := range h.series {
		if k.Ref != ref || len(s) == 0 {
			continue
		}
		if p := s[len(s)-1].Period; !ok || p.End().After(last.End()) {
			last, ok = p, true
		}
	}
	return last, ok
}

// RetireEdit is the edit that retires ind from period from, or with a
// zero from puts it back in circulation, and the note that records it in
// the import history: the command line and the window save the same, so
// that the Imports list reads alike whoever made it. Retiring a retired
// indicator from another period moves its retirement, in place of the
// one in force (which undoing the edit puts back). Putting back an
// indicator that is not retired, or retiring one from the period it is
// retired from already, is refused.
func (h *History) RetireEdit(ind Indicator, from Period) (ChartSetting, string, error) {
	was, retired := h.Retirement(ind.Ref)
	s := ChartSetting{Ref: ind.Ref, Kind: SetRetire, From: from}
	var what string
	if from.IsZero() {
		if !retired {
			return s, "", fmt.Errorf("%s: not retired, so there is nothing to undo", ind.Ref)
		}
		what = fmt.Sprintf("back in circulation (it was retired from %s by %s)", was.From.Label(), was.Import)
	} else {
		if retired && was.From == from {
			return s, "", fmt.Errorf("%s: already retired from %s (edit %s)", ind.Ref, from.Label(), was.Import)
		}
		what = fmt.Sprintf("retired from %s", from.Label())
		if last, ok := h.LastFigure(ind.Ref); ok {
			what += fmt.Sprintf(" (its last figure is for %s)", last.Label())
		}
		if retired {
			what += fmt.Sprintf(", in place of its retirement from %s by %s", was.From.Label(), was.Import)
		}
	}
	return s, fmt.Sprintf("%s %s: %s", ind.Ref, ind.Name, what), nil
}
