package export

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"testing"

	"scorecard/app"
)

// pieces reads a whole history an indicator at a time, as a store's
// Pieces does: each indicator's records with every definition and the
// imports; the breakdowns apart. skip, when set, is an indicator whose
// records it leaves out, for a test that the comparison sees one lost.
type pieces struct {
	h    *app.History
	skip string
	read int // indicators read
}

func (p *pieces) Load() (*app.History, error)              { return p.h, nil }
func (p *pieces) Indicators() ([]app.Indicator, error)     { return p.h.Indicators(), nil }
func (p *pieces) LoadBreakdowns() ([]app.Breakdown, error) { return p.h.Breakdowns(), nil }

func (p *pieces) FigureRefs() ([]string, error) {
	var refs []string
	for _, k := range p.h.Keys() {
		if !slices.Contains(refs, k.Ref) {
			refs = append(refs, k.Ref)
		}
	}
	return refs, nil
}

func (p *pieces) LoadIndicator(ref string) (*app.History, error) {
	p.read++
	h := app.NewHistory()
	h.Imports = p.h.Imports
	for _, ind := range p.h.Indicators() {
		h.AddIndicator(ind)
	}
	if ref != p.skip {
		h.Gather(p.h, ref, func(app.Observation) bool { return true })
	}
	return h, nil
}

// Periods gives what LoadIndicator's series hold, as the store does.
func (p *pieces) Periods(ref string) (map[app.SeriesKey][]app.Period, error) {
	held := map[app.SeriesKey][]app.Period{}
	if ref == p.skip {
		return held, nil
	}
	for _, k := range p.h.Keys() {
		if k.Ref == ref {
			for _, o := range p.h.Series(k) {
				held[k] = append(held[k], o.Period)
			}
		}
	}
	return held, nil
}

// TestWriteFromAsWrite exports real-shaped histories with WriteFrom,
// reading them an indicator at a time, and with Write, holding them
// whole, and checks the two workbooks are the same bytes, part by part,
// and say the same in their summaries; and that they differ when an
// indicator goes unread.
func TestWriteFromAsWrite(t *testing.T) {
	demo, m := demoHistory(t)
	// Figures of an indicator no file defined, and breakdowns.
	odd, _ := demoHistory(t)
	odd.Add(app.Observation{Ref: "ZZ99", Area: app.Kent, Split: app.All, Period: m.Latest(), Value: app.Float(3), Import: "I0001"})
	odd.Add(app.Observation{Ref: "ZZ99", Area: "Dover", Split: app.All, Period: m.Latest().Add(-1), Value: app.Float(2), Import: "I0001"})
	var bds []app.Breakdown
	for i, c := range []string{"N1 Abuse or neglect", "N2 Child's disability", "N4 Family in acute stress"} {
		bds = append(bds, app.Breakdown{Measure: "Children in care", Period: m.Latest(), Area: app.Kent, Split: app.All,
			Dimension: "category of need", Category: c, Count: float64(3 + 40*i), Total: 250, Import: "I0001"})
	}
	odd.Apply(&app.Dataset{Breakdowns: bds}, "I0001")
	large := largeHistory(t)
	for _, tc := range []struct {
		name    string
		h       *app.History
		opt     Options
		skip    string
		differs bool
	}{
		{name: "demo", h: demo, opt: Options{Suppress: 5}},
		{name: "demo unsuppressed", h: demo, opt: Options{}},
		{name: "demo, a district, counts below 10 suppressed", h: demo, opt: Options{Area: "Maidstone", Suppress: 10}},
		{name: "demo, an earlier month, 6 months", h: demo, opt: Options{Period: m.Latest().Add(-7), Months: 6, Suppress: 5}},
		{name: "demo, a year asked of months", h: demo, opt: Options{Period: app.Period{Kind: app.FinancialYear, Year: 2025}}},
		{name: "undefined indicator and breakdowns", h: odd, opt: Options{Suppress: 5}},
		{name: "large", h: large, opt: Options{Suppress: 5}},
		{name: "large, a district", h: large, opt: Options{Area: "Dover", Suppress: 5}},
		{name: "an indicator unread", h: demo, opt: Options{Suppress: 5}, skip: m.Dataset.Indicators[3].Ref, differs: true},
		{name: "an undefined indicator unread", h: odd, opt: Options{}, skip: "ZZ99", differs: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			opt := tc.opt
			opt.Produced, opt.AppVersion = produced, "1.0-test"
			whole, streamed := filepath.Join(dir, "whole.xlsx"), filepath.Join(dir, "streamed.xlsx")
			want, werr := Write(context.Background(), whole, tc.h, opt)
			src := &pieces{h: tc.h, skip: tc.skip}
			got, gerr := WriteFrom(context.Background(), streamed, src, opt)
			if (werr == nil) != (gerr == nil) {
				t.Fatalf("Write: %v; WriteFrom: %v", werr, gerr)
			}
			if werr != nil {
				return
			}
			if src.read == 0 {
				t.Fatal("WriteFrom read no indicator apart")
			}
			got.Path, want.Path = "", ""
			diffs := differences(t, whole, streamed)
			if sameSummary := slices.Equal(got.Sheets, want.Sheets) && slices.Equal(got.Notes, want.Notes) && slices.Equal(got.Warnings, want.Warnings) &&
				got.Period == want.Period && got.Area == want.Area && got.Indicators == want.Indicators && got.Flagged == want.Flagged &&
				got.Suppressed == want.Suppressed && got.DataRows == want.DataRows && got.Sparklines == want.Sparklines && got.Charts == want.Charts; !sameSummary {
				diffs = append(diffs, "summary")
				t.Logf("summary %+v, Write's %+v", got, want)
			}
			if tc.differs {
				if len(diffs) == 0 {
					t.Error("the workbooks are the same with an indicator unread")
				}
				return
			}
			if len(diffs) > 0 {
				t.Errorf("WriteFrom's workbook differs from Write's in %q", diffs)
			}
		})
	}
}

// differences names the parts of two workbooks that differ.
func differences(t *testing.T, a, b string) []string {
	t.Helper()
	pa, pb := zipParts(t, a), zipParts(t, b)
	var out []string
	for n, x := range pa {
		if y, ok := pb[n]; !ok || !bytes.Equal(x, y) {
			out = append(out, n)
		}
	}
	for n := range pb {
		if _, ok := pa[n]; !ok {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	if len(out) == 0 && !slices.Equal(zipOrder(t, a), zipOrder(t, b)) {
		out = append(out, "the order of the parts")
	}
	return out
}
