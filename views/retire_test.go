package views

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
	"scorecard/app/export"
	"scorecard/app/store"
)

// TestRetireFromIndicatorTab: the Indicator tab retires the indicator it
// shows, as scorecard retire does, after a confirmation that names it and
// the period it is retired from (the one after its last figure); the
// scorecard and the districts of that period then leave it out and say
// so, an earlier period still shows it, and the edit is listed under
// Imports, where Undo removes it, as Put back reverses it (QA27a 5); a
// window opened on a store with it retired says so from the start.
// EH01's figures stop at Feb-25 while the scorecard's go on to Mar-25.
func TestRetireFromIndicatorTab(t *testing.T) {
	st := openStore(t)
	d := scorecardFixture(24)
	d.Observations = slices.DeleteFunc(d.Observations, func(o app.Observation) bool {
		return o.Ref == "EH01" && o.Period == app.MonthOf(2025, 3)
	})
	if _, err := st.Import(store.Source{Name: "Scorecard March.xlsx", Kind: "workbook"}, d); err != nil {
		t.Fatal(err)
	}
	w := windowOn(t, st)
	const name = "EH01 Early help cases closed with outcomes achieved"
	said := name + " was retired from Mar-25 (edit I0002): left out of the scorecard from then on"
	tap := func(button string) {
		t.Helper()
		b := findButton(w.detail.content, button)
		if b == nil {
			t.Fatalf("the Indicator tab has no %q button", button)
		}
		test.Tap(b)
	}
	confirm := func(button string, words ...string) {
		t.Helper()
		top := w.win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatal("no confirmation shown")
		}
		text := strings.Join(labelTexts(top), "\n")
		for _, word := range words {
			if !strings.Contains(text, word) {
				t.Errorf("the confirmation does not say %q:\n%s", word, text)
			}
		}
		b := findButton(top, button)
		if b == nil {
			t.Fatalf("the confirmation has no %q button:\n%s", button, text)
		}
		test.Tap(b)
	}
	for _, step := range []struct {
		name     string
		do       func()
		period   string // the scorecard's period
		shown    bool   // EH01 on the scorecard and the districts
		note     string // under the scorecard
		button   string // the Indicator tab's action now
		lastEdit string // the latest import's note, "" for no edit
	}{
		{"before", func() {}, "Mar-25", true, "", "Retire…", ""},
		{"retired", func() {
			w.openDetail("EH01")
			tap("Retire…")
			confirm("Retire", "Retire "+name+" from Mar-25?", "Its last figure is for Feb-25.", "Undo removes it")
		}, "Mar-25", false, said, "Put back in circulation…", name + ": retired from Mar-25 (its last figure is for Feb-25)"},
		{"an earlier period", func() { w.period.SetSelected("Feb-25") }, "Feb-25", true, "", "Put back in circulation…", name + ": retired from Mar-25 (its last figure is for Feb-25)"},
		{"undone under Imports", func() {
			w.period.SetSelected("Mar-25")
			w.history.undoImport("I0002")
		}, "Mar-25", true, "", "Retire…", ""},
		{"retired again", func() {
			w.openDetail("EH01")
			tap("Retire…")
			confirm("Retire", "Retire "+name+" from Mar-25?")
		}, "Mar-25", false, strings.Replace(said, "I0002", "I0003", 1), "Put back in circulation…", name + ": retired from Mar-25 (its last figure is for Feb-25)"},
		{"the window opened anew", func() { w = windowOn(t, st) }, "Mar-25", false, strings.Replace(said, "I0002", "I0003", 1), "Put back in circulation…", name + ": retired from Mar-25 (its last figure is for Feb-25)"},
		{"put back", func() {
			w.openDetail("EH01")
			tap("Put back in circulation…")
			confirm("Put back", "Put "+name+" back in circulation?", "It was retired from Mar-25 (edit I0003).")
		}, "Mar-25", true, "", "Retire…", name + ": back in circulation (it was retired from Mar-25 by I0003)"},
	} {
		step.do()
		if w.v.period.Label() != step.period {
			t.Fatalf("%s: the scorecard is of %s, want %s", step.name, w.v.period.Label(), step.period)
		}
		w.districts.reload()
		if on, inDistricts := rowOf(w.score, "EH01") >= 0, slices.ContainsFunc(w.districts.inds, func(ind app.Indicator) bool { return ind.Ref == "EH01" }); on != step.shown || inDistricts != step.shown {
			t.Errorf("%s: EH01 on the scorecard %v, on the districts %v; want %v", step.name, on, inDistricts, step.shown)
		}
		if rowOf(w.score, "CIC05") < 0 {
			t.Errorf("%s: CIC05 is not on the scorecard", step.name)
		}
		if got := w.retired.Text; step.note == "" && (got != "" || w.retired.Visible()) || !strings.Contains(got, step.note) {
			t.Errorf("%s: under the scorecard: %q (shown %v), want %q", step.name, got, w.retired.Visible(), step.note)
		}
		w.openDetail("EH01")
		if got := w.detail.retire.Text; got != step.button {
			t.Errorf("%s: the Indicator tab offers %q, want %q", step.name, got, step.button)
		}
		imps, err := st.Imports()
		if err != nil {
			t.Fatal(err)
		}
		last := imps[len(imps)-1]
		if last.Undone != nil || last.Kind != "edit" {
			last = app.Import{}
		}
		if last.Note != step.lastEdit {
			t.Errorf("%s: the latest edit in force is %q, want %q", step.name, last.Note, step.lastEdit)
		}
	}
}

// TestRetireOptions: the Retire… dialog offers every period from the one
// after the indicator's last figure to twelve past the store's latest,
// latest first, in the indicator's own kind of period, the one after its
// last figure chosen; so an indicator the scorecard stopped giving 18
// months ago can be retired from this month, or from any month since, as
// scorecard retire --from accepts (app.History.RetireHidesFigure refuses
// none offered, and the period before the earliest). The store's latest
// month is Mar-25 (scorecardFixture).
func TestRetireOptions(t *testing.T) {
	months := func(from, to string) []string { // labels newest first
		t.Helper()
		a, err := app.ParsePeriod(from)
		if err != nil {
			t.Fatal(err)
		}
		b, err := app.ParsePeriod(to)
		if err != nil {
			t.Fatal(err)
		}
		var ls []string
		for p := b; p.Compare(a) >= 0; p = p.Add(-1) {
			ls = append(ls, p.Label())
		}
		return ls
	}
	for _, tc := range []struct {
		name     string
		ref      string
		figures  func(d *app.Dataset) // changes to scorecardFixture(24)
		labels   []string
		selected string
	}{{
		name:     "figures to the store's latest",
		ref:      "EH01",
		labels:   months("2025-04", "2026-03"),
		selected: "Apr-25",
	}, {
		name: "last figure 18 months before the store's latest",
		ref:  "EH01",
		figures: func(d *app.Dataset) {
			d.Observations = slices.DeleteFunc(d.Observations, func(o app.Observation) bool {
				return o.Ref == "EH01" && o.Period.Compare(app.MonthOf(2023, 9)) > 0
			})
		},
		labels:   months("2023-10", "2026-03"),
		selected: "Oct-23",
	}, {
		name: "quarterly, last figure Oct-Dec 2023",
		ref:  "CIC20",
		figures: func(d *app.Dataset) {
			d.Indicators = append(d.Indicators, app.Indicator{Ref: "CIC20", Name: "Care leavers in suitable accommodation", Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1})
			for q := range 4 {
				d.Observations = append(d.Observations, app.Observation{Ref: "CIC20", Area: app.Kent, Period: app.Period{Kind: app.Quarter, Year: 2023, N: q + 1}, Value: app.Float(88 + float64(q))})
			}
		},
		labels:   months("2024-Q1", "2028-Q1"),
		selected: "Jan-Mar 2024",
	}, {
		name: "yearly, last figure 2022/23",
		ref:  "ED10",
		figures: func(d *app.Dataset) {
			d.Indicators = append(d.Indicators, app.Indicator{Ref: "ED10", Name: "Persistent absence (children in care)", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1})
			d.Observations = append(d.Observations, app.Observation{Ref: "ED10", Area: app.Kent, Period: app.Period{Kind: app.FinancialYear, Year: 2022}, Value: app.Float(31.2)})
		},
		labels:   months("2023/24", "2036/37"),
		selected: "2023/24",
	}, {
		name: "no figures: any of the store's months on",
		ref:  "ED11",
		figures: func(d *app.Dataset) {
			d.Indicators = append(d.Indicators, app.Indicator{Ref: "ED11", Name: "Children missing education (number)", Unit: app.Number})
		},
		labels:   months("2023-04", "2026-03"),
		selected: "Apr-23",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			d := scorecardFixture(24)
			if tc.figures != nil {
				tc.figures(d)
			}
			h := app.NewHistory()
			h.Apply(d, "I0001")
			labels, froms, selected := retireOptions(h, tc.ref)
			if !slices.Equal(labels, tc.labels) || selected != tc.selected {
				t.Fatalf("offered %d periods %v, %q chosen;\nwant %d: %v, %q chosen", len(labels), labels, selected, len(tc.labels), tc.labels, tc.selected)
			}
			for _, l := range labels {
				if last, hides := h.RetireHidesFigure(tc.ref, froms[l]); hides || froms[l].Label() != l {
					t.Errorf("offered %s (%v), which scorecard retire --from refuses after the figure for %s", l, froms[l], last.Label())
				}
			}
			if before := froms[labels[len(labels)-1]].Add(-1); tc.ref != "ED11" {
				if _, hides := h.RetireHidesFigure(tc.ref, before); !hides {
					t.Errorf("%s, before the earliest offered, is not refused by scorecard retire --from", before.Label())
				}
			}
		})
	}
}

// TestRetireDialogOffersPeriods: the window's Retire… on an indicator
// whose last figure is 18 months old offers the periods retireOptions
// gives, and retires it from the one the officer picks, this month.
func TestRetireDialogOffersPeriods(t *testing.T) {
	st := openStore(t)
	d := scorecardFixture(24)
	d.Observations = slices.DeleteFunc(d.Observations, func(o app.Observation) bool {
		return o.Ref == "EH01" && o.Period.Compare(app.MonthOf(2023, 9)) > 0
	})
	if _, err := st.Import(store.Source{Name: "Scorecard March.xlsx", Kind: "workbook"}, d); err != nil {
		t.Fatal(err)
	}
	w := windowOn(t, st)
	w.openDetail("EH01")
	test.Tap(findButton(w.detail.content, "Retire…"))
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no confirmation shown")
	}
	var from *widget.Select
	walkVisible(top, func(o fyne.CanvasObject) bool {
		if s, ok := o.(*widget.Select); ok {
			from = s
		}
		return from == nil
	})
	if from == nil {
		t.Fatal("the confirmation has no period to choose")
	}
	labels, _, selected := retireOptions(w.v.stored, "EH01")
	if !slices.Equal(from.Options, labels) || from.Selected != selected || selected != "Oct-23" || from.Options[0] != "Mar-26" {
		t.Fatalf("the confirmation offers %v, %q chosen; want %v, Oct-23 chosen", from.Options, from.Selected, labels)
	}
	from.SetSelected("Mar-25")
	if text := strings.Join(labelTexts(top), "\n"); !strings.Contains(text, "Retire EH01 Early help cases closed with outcomes achieved from Mar-25?") || !strings.Contains(text, "Its last figure is for Sep-23.") {
		t.Errorf("the confirmation says:\n%s", text)
	}
	test.Tap(findButton(top, "Retire"))
	if r, ok := w.v.stored.Retirement("EH01"); !ok || r.From != app.MonthOf(2025, 3) {
		t.Errorf("EH01 retired from %v (%v), want Mar-25", r.From, ok)
	}
}

// TestRetiredSaidBesideWindowExport: an export from the window says,
// beside the file written, that a retired indicator was left out, in the
// words scorecard export gives on stderr (the export's summary notes),
// not only inside the workbook.
func TestRetiredSaidBesideWindowExport(t *testing.T) {
	st := openStore(t)
	d := scorecardFixture(24)
	d.Observations = slices.DeleteFunc(d.Observations, func(o app.Observation) bool {
		return o.Ref == "EH01" && o.Period == app.MonthOf(2025, 3)
	})
	if _, err := st.Import(store.Source{Name: "Scorecard March.xlsx", Kind: "workbook"}, d); err != nil {
		t.Fatal(err)
	}
	w := windowOn(t, st)
	w.openDetail("EH01")
	test.Tap(findButton(w.detail.content, "Retire…"))
	test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Retire"))
	f := w.newExportForm()
	opt, err := f.options()
	if err != nil {
		t.Fatal(err)
	}
	if opt.Period != app.MonthOf(2025, 3) {
		t.Fatalf("the export form is of %s, want Mar-25", opt.Period.Label())
	}
	w.exportTo(filepath.Join(t.TempDir(), "march.xlsx"), opt)
	w.busy.Wait()
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog after the export; the status says %q", w.status.Text)
	}
	const want = "EH01 Early help cases closed with outcomes achieved was retired from Mar-25 (edit I0002): left out of the scorecard from then on; its figures are still held (scorecard show EH01), and scorecard retire --undo EH01 puts it back."
	if said := strings.Join(labelTexts(top), "\n"); !strings.Contains(said, want) {
		t.Errorf("the export's dialog does not say %q:\n%s", want, said)
	}
}

// TestRetiredSaidInWindowBrief: the window's Copy exceptions brief says
// once that a retired indicator is not listed, as scorecard brief does
// (brief.Retired), so that its absence is not read as nothing to report;
// a month before it was retired says nothing of it.
func TestRetiredSaidInWindowBrief(t *testing.T) {
	d := scorecardFixture(24)
	d.Observations = slices.DeleteFunc(d.Observations, func(o app.Observation) bool {
		return o.Ref == "EH01" && o.Period == app.MonthOf(2025, 3)
	})
	h := app.NewHistory()
	h.Apply(d, "I0001")
	h.Apply(&app.Dataset{ChartSettings: []app.ChartSetting{{Ref: "EH01", Kind: app.SetRetire, From: app.MonthOf(2025, 3)}}}, "I0002")
	const said = "EH01 Early help cases closed with outcomes achieved was retired from Mar-25 (edit I0002): not listed"
	for _, tc := range []struct {
		period app.Period
		said   bool
	}{{app.MonthOf(2025, 3), true}, {app.MonthOf(2025, 2), false}} {
		txt := exceptionsBrief(h, export.Options{Period: tc.period, Suppress: 5})
		if strings.Contains(txt, said) != tc.said || strings.Count(txt, "EH01") > 1 {
			t.Errorf("%s: the brief says %q %v, want %v:\n%s", tc.period.Label(), said, strings.Contains(txt, said), tc.said, txt)
		}
	}
}
