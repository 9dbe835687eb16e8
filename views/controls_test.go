package views

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"scorecard/app"
)

func TestCohortToggleRecomputes(t *testing.T) {
	w := openFixture(t, 24)
	cols := []int{colCurrent, colRAG, colDoT}
	if got := cells(t, w.score, "CIC05", cols...); !slices.Equal(got, []string{"11.8%", "A", "same"}) {
		t.Fatalf("before the toggle CIC05 shows %q", got)
	}
	w.cohorts[app.UASC].SetChecked(true)
	// (223-62)/(1892-380) = 10.6%, green against target 11; down from
	// (222-61)/(1888-380) = 10.7%, an improvement for a lower-is-better.
	if got := cells(t, w.score, "CIC05", cols...); !slices.Equal(got, []string{"10.6%", "G", "improved"}) {
		t.Errorf("excluding UASC CIC05 shows %q, want 10.6%% G improved", got)
	}
	if got := cells(t, w.score, "SCS02", colCurrent); got[0] != "1,700" {
		t.Errorf("excluding UASC SCS02 shows %q, want 1,700", got[0])
	}
	// EH01 has no components: it says it cannot be excluded, never shows
	// the unadjusted 83.0% under the excluding label.
	if got := cells(t, w.score, "EH01", colCurrent, colRAG, colFlags); got[0] != "n/e" || got[1] != "" || !strings.Contains(got[2], "not excludable") {
		t.Errorf("excluding UASC EH01 shows %q, want n/e, no RAG, flagged", got)
	}
	if !strings.Contains(w.status.Text, "Excluding UASC") {
		t.Errorf("status %q does not say UASC is excluded", w.status.Text)
	}
	w.cohorts[app.UASC].SetChecked(false)
	if got := cells(t, w.score, "CIC05", colCurrent); got[0] != "11.8%" {
		t.Errorf("after untoggling CIC05 shows %q, want 11.8%%", got[0])
	}
}

func TestPeriodAndAreaPickers(t *testing.T) {
	w := openFixture(t, 24)
	if w.period.Options[0] != "Mar-25" || len(w.period.Options) != 24 {
		t.Fatalf("period picker offers %d periods from %q", len(w.period.Options), w.period.Options[0])
	}
	w.period.SetSelected("Mar-24")
	// 211/1844 = 11.4%: amber against the 2023/24 target.
	if got := cells(t, w.score, "CIC05", colCurrent, colRAG); !slices.Equal(got, []string{"11.4%", "A"}) {
		t.Errorf("March 2024 CIC05 shows %q", got)
	}
	w.area.SetSelected("Dover")
	// Dover is the fourth district: 18/150 = 12.0%, on the floor, amber.
	if got := cells(t, w.score, "CIC05", colCurrent, colRAG); !slices.Equal(got, []string{"12.0%", "A"}) {
		t.Errorf("Dover CIC05 shows %q", got)
	}
	if got := cells(t, w.score, "EH01", colCurrent); got[0] != "" {
		t.Errorf("Dover has no EH01 figure, shows %q", got[0])
	}
}

func TestHiddenScreensCatchUp(t *testing.T) {
	w := openFixture(t, 24)
	w.openDetail("CIC05")
	w.tabs.SelectIndex(0)
	w.cohorts[app.UASC].SetChecked(true)
	w.tabs.SelectIndex(2)
	row := slices.IndexFunc(w.districts.inds, func(ind app.Indicator) bool { return ind.Ref == "CIC05" })
	if got := w.districts.text(row, 1); got != "10.6%  G" {
		t.Errorf("districts after a toggle made elsewhere show Kent CIC05 %q, want 10.6%%  G", got)
	}
	w.tabs.Select(w.tabDetail)
	if got := w.detail.text(0, 1); got != "10.6%" {
		t.Errorf("detail after a toggle made elsewhere shows %q, want 10.6%%", got)
	}
}

func TestUserCohortsGetToggles(t *testing.T) {
	d := scorecardFixture(24)
	// A child-level import split CIC05 by children with a disability.
	for _, o := range d.Observations {
		if o.Ref == "CIC05" && o.Area == app.Kent && o.Split == app.All {
			o.Split, o.Numerator, o.Denominator = app.Only(app.Disability), app.Float(20), app.Float(200)
			o.Value = app.Float(10)
			d.Observations = append(d.Observations, o)
		}
	}
	w, err := newMainWindow(test.NewTempApp(t), newMemBackend(d), Options{})
	if err != nil {
		t.Fatal(err)
	}
	chk, ok := w.cohorts[app.Disability]
	if !ok {
		t.Fatal("no toggle for the disability cohort the figures are split by")
	}
	if !strings.Contains(strings.Join(labelTexts(w.controls), "|"), "Exclude children with a disability") {
		t.Errorf("the controls do not offer to exclude children with a disability")
	}
	chk.SetChecked(true)
	// (223-20)/(1892-200) = 12.0%: on the floor, amber.
	if got := cells(t, w.score, "CIC05", colCurrent); got[0] != "12.0%" {
		t.Errorf("excluding children with a disability CIC05 shows %q, want 12.0%%", got[0])
	}
}

func TestOpensExcluding(t *testing.T) {
	w, err := newMainWindow(test.NewTempApp(t), newMemBackend(scorecardFixture(24)), Options{Screen: ScreenDistricts, Exclude: []app.Cohort{app.UASC}})
	if err != nil {
		t.Fatal(err)
	}
	w.open()
	if !w.cohorts[app.UASC].Checked || w.tabs.Selected() != w.tabDistricts {
		t.Fatalf("opened with UASC ticked %v on tab %q", w.cohorts[app.UASC].Checked, w.tabs.Selected().Text)
	}
	if got := cells(t, w.score, "CIC05", colCurrent)[0]; got != "10.6%" {
		t.Errorf("opened excluding UASC, CIC05 shows %q, want 10.6%%", got)
	}
}

// TestOpensExcludingOnlyExcludable: the window opened asking to exclude
// cohorts (scorecard --exclude) excludes those the figures are split by
// and, as the command line refuses the others, leaves a cohort no figure
// is split by unticked and greyed, with no toggle for a name no cohort
// has, and says why in the status line and to Options.Note. The fixture
// is split by UASC alone.
func TestOpensExcludingOnlyExcludable(t *testing.T) {
	const notOLA = "--exclude ola not applied: no figures are split by that cohort, so nothing could be excluded (the store's figures are split by uasc)"
	const notFoo = "--exclude foo not applied: no figures are split by that cohort, so nothing could be excluded (the store's figures are split by uasc)"
	for _, tc := range []struct {
		name     string
		exclude  []app.Cohort
		excluded []app.Cohort // the cohorts the window excludes
		cic05    string       // CIC05's current figure
		notes    []string
	}{
		{"UASC", []app.Cohort{app.UASC}, []app.Cohort{app.UASC}, "10.6%", nil},
		{"OLA", []app.Cohort{app.OLA}, nil, "11.8%", []string{notOLA}},
		{"UASC and OLA", []app.Cohort{app.OLA, app.UASC}, []app.Cohort{app.UASC}, "10.6%", []string{notOLA}},
		{"a typo", []app.Cohort{"foo"}, nil, "11.8%", []string{notFoo}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var notes []string
			opt := Options{Exclude: tc.exclude, Note: func(s string) { notes = append(notes, s) }}
			w, err := newMainWindow(test.NewTempApp(t), newMemBackend(scorecardFixture(24)), opt)
			if err != nil {
				t.Fatal(err)
			}
			w.open()
			t.Cleanup(w.win.Close)
			if !slices.Equal(w.v.cohorts, tc.excluded) {
				t.Errorf("excluding %v, want %v", w.v.cohorts, tc.excluded)
			}
			for c, chk := range w.cohorts {
				on := slices.Contains(tc.excluded, c)
				if chk.Checked != on || chk.Disabled() != (c != app.UASC) {
					t.Errorf("%s toggle ticked %v, greyed %v; want ticked %v, greyed %v", c, chk.Checked, chk.Disabled(), on, c != app.UASC)
				}
			}
			if _, ok := w.cohorts["foo"]; ok {
				t.Error("a toggle for cohort foo, which no figure is split by")
			}
			if got := cells(t, w.score, "CIC05", colCurrent)[0]; got != tc.cic05 {
				t.Errorf("CIC05 shows %q, want %q", got, tc.cic05)
			}
			if !slices.Equal(notes, tc.notes) {
				t.Errorf("notes %q, want %q", notes, tc.notes)
			}
			for _, n := range tc.notes {
				if !strings.Contains(w.status.Text, n) {
					t.Errorf("status %q does not say %q", w.status.Text, n)
				}
			}
			if len(tc.notes) == 0 && strings.Contains(w.status.Text, "not applied") {
				t.Errorf("status %q says an exclusion was not applied", w.status.Text)
			}
		})
	}
}
