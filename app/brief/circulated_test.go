package brief

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"scorecard/app"
	"scorecard/app/disclosure"
	"scorecard/app/trend"
	"scorecard/assets/synth"
)

// counts builds a history of one count indicator of lower-is-better
// polarity for Kent, a figure a month from January 2025, as an MI
// officer's tidy CSV gives it.
func counts(ref, name string, vals ...float64) *app.History {
	ind := app.Indicator{Ref: ref, Name: name, Polarity: app.LowerBetter, Unit: app.Number, Measure: app.Count}
	d := app.Dataset{Indicators: []app.Indicator{ind}}
	start := app.MonthOf(2025, time.January)
	for i, v := range vals {
		d.Observations = append(d.Observations, app.Observation{Ref: ref, Area: app.Kent, Period: start.Add(i), Value: f(v)})
	}
	h := app.NewHistory()
	h.Apply(&d, "I0001")
	return h
}

// proportions builds a history of one higher-is-better percentage for
// Kent, num/den a month from January 2025, with a target and floor for
// 2024/25 and 2025/26.
func proportions(target, floor, den float64, nums ...float64) *app.History {
	ind := app.Indicator{Ref: "PB1", Name: "Children with an up-to-date health check (%)", Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1, Measure: app.Proportion}
	d := app.Dataset{Indicators: []app.Indicator{ind}}
	start := app.MonthOf(2025, time.January)
	for i, n := range nums {
		d.Observations = append(d.Observations, app.Observation{Ref: ind.Ref, Area: app.Kent, Period: start.Add(i),
			Value: f(100 * n / den), Numerator: f(n), Denominator: f(den)})
	}
	for _, y := range []int{2024, 2025} {
		d.Targets = append(d.Targets, app.Target{Ref: ind.Ref, Year: app.Period{Kind: app.FinancialYear, Year: y}, Target: f(target), Floor: f(floor)})
	}
	h := app.NewHistory()
	h.Apply(&d, "I0001")
	return h
}

// revised is h with the latest figure of ref for Kent replaced by v in a
// second import, so that the brief has a revision to report.
func revised(h *app.History, ref string, v float64) *app.History {
	k := app.SeriesKey{Ref: ref, Area: app.Kent}
	s := h.Series(k)
	o := s[len(s)-1]
	o.Value = f(v)
	h.Apply(&app.Dataset{Observations: []app.Observation{o}}, "I0002")
	return h
}

// circulated returns the brief's items and text for h released at
// threshold below, as `scorecard brief --suppress below` writes it.
func circulated(h *app.History, cs []app.Cohort, below int, p app.Period) ([]Item, string, *app.History, Options) {
	_, shown, figures, _, _ := disclosure.ReleaseFigures(h, cs, below, app.AuthorityOf(h))
	opt := Options{Period: p, Shown: shown, Suppress: below}
	items := Items(figures, opt)
	return items, Text(Heading(app.Kent, figures.Latest(), "", items), items, Left{}, Foot(figures, opt)), figures, opt
}

// TestCirculatedBriefWithholds checks the brief for circulation on the
// shapes QA found leaking: a small month before the latest (its change
// gave it away), a small latest month, and a percentage withheld because
// the children outside it are few, which is red. Each withheld figure is
// c, a red one still listed by its rating, and nothing lets one be worked
// out (auditBrief).
func TestCirculatedBriefWithholds(t *testing.T) {
	tests := []struct {
		name  string
		h     *app.History
		below int
		// want are strings the text must hold, not those it must not.
		want, not []string
		// withheld is the ref whose latest figure must be a withheld item,
		// and its rating.
		withheld string
		rag      app.RAG
	}{
		{
			name: "small month before the latest", below: 5,
			h:   counts("QY2", "Children missing from care", 20, 21, 22, 20, 21, 22, 20, 21, 22, 20, 21, 3, 10),
			not: []string{"up 7", "Children missing from care: 10, up"},
		},
		{
			name: "small latest month", below: 5,
			h:        counts("QY3", "Children in secure placements", 30, 31, 29, 30, 31, 29, 30, 31, 29, 30, 31, 29, 2),
			not:      []string{"placements: 2", "down 27"},
			withheld: "QY3",
		},
		{
			name: "red percentage of 100 with 3 children outside it", below: 5,
			h:        proportions(99.5, 98, 100, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 97),
			want:     []string{"Children with an up-to-date health check (%): c (RED), figure withheld (small numbers)", "red, worsened and newly flagged", "threshold 5"},
			not:      []string{"97.0%", "1 child =", "1.0 pp", "more counted", "Nothing is red"},
			withheld: "PB1", rag: app.Red,
		},
		{
			name: "red percentage of 1000 is shown whole", below: 5,
			h:    proportions(60, 50, 1000, 460, 455, 450, 440, 430, 420, 410, 399, 386),
			want: []string{"38.6% (RED), down 1.3 pp (worsened), 8th month falling", "114 more counted would make it AMBER"},
		},
		{
			name: "revision from a small count", below: 5,
			h:    revised(counts("QZ1", "Children subject to a CP plan for 2+ years", 10, 12, 11, 12, 12, 13, 14, 15, 16, 17, 18, 19, 3), "QZ1", 40),
			want: []string{"revised since first reported"},
			not:  []string{"revised from 3"},
		},
		{
			name: "threshold 10 withholds a 7", below: 10,
			h:        counts("QY3", "Children in secure placements", 30, 31, 29, 30, 31, 29, 30, 31, 29, 30, 31, 29, 7),
			want:     []string{"counts of 1 to 9 children", "threshold 10"},
			not:      []string{"placements: 7"},
			withheld: "QY3",
		},
		{
			name: "no threshold shows every figure and says so", below: 0,
			h:    counts("QY2", "Children missing from care", 20, 21, 22, 20, 21, 22, 20, 21, 22, 20, 21, 3, 10),
			want: []string{"Children missing from care: 10, up 7", "no threshold applied"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.h.Latest()
			items, txt, figures, opt := circulated(tt.h, nil, tt.below, p)
			for _, w := range tt.want {
				if !strings.Contains(txt, w) {
					t.Errorf("the brief does not say %q:\n%s", w, txt)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(txt, n) {
					t.Errorf("the brief says %q:\n%s", n, txt)
				}
			}
			if tt.withheld != "" {
				i := slices.IndexFunc(items, func(it Item) bool { return it.Ref == tt.withheld })
				if i < 0 || !items[i].Withheld || items[i].RAG != tt.rag || items[i].Caveat != "" {
					t.Errorf("items %+v: want %s withheld, rated %q, with no caveat", items, tt.withheld, tt.rag)
				}
			}
			auditBrief(t, txt, figures, opt)
		})
	}
}

// TestDemoBriefAudit audits the demo's brief, a county with its
// districts and UASC figures, at the default threshold, at 10 and at 50, for
// all children and excluding UASC, month by month over its last year:
// nothing the brief says lets a withheld figure be worked out, and every
// red figure withheld is listed.
func TestDemoBriefAudit(t *testing.T) {
	m := synth.Demo()
	h := app.NewHistory()
	h.Apply(&m.Dataset, "I0001")
	// The demo's county figures are all large (its only small ones were
	// changes, CIC11, which count no children and are shown), so a county
	// count of 2 or 3 children, worsening every other month, gives the
	// brief withheld items to audit.
	small := app.Indicator{Ref: "MFC01", Name: "Children missing from care for over 24 hours", Polarity: app.LowerBetter,
		Unit: app.Number, Measure: app.Count, DataPeriod: app.Snapshot}
	d := app.Dataset{Indicators: []app.Indicator{small}}
	for i, p := 0, h.Latest().Add(-23); i < 24; i, p = i+1, p.Add(1) {
		d.Observations = append(d.Observations, app.Observation{Ref: small.Ref, Area: app.Kent, Period: p, Value: f(float64(2 + i%2))})
	}
	h.Apply(&d, "I0002")
	withheldItems := 0
	// At 5 and 10 the only withheld figures the brief listed were CIC11's,
	// flagged only while its lower limit was wrongly cut to 0; at 50 the
	// brief lists ED04, CIC04 and CIC05 withheld.
	for _, below := range []int{5, 10, 50} {
		for _, cs := range [][]app.Cohort{nil, {app.UASC}} {
			_, shown, figures, _, _ := disclosure.ReleaseFigures(h, cs, below, app.DefaultAuthority())
			for p := h.Latest().Add(-11); p.Compare(h.Latest()) <= 0; p = p.Add(1) {
				opt := Options{Period: p, Shown: shown, Suppress: below}
				items := Items(figures, opt)
				txt := Text(Heading(app.Kent, p, "", items), items, Left{}, Foot(figures, opt))
				auditBrief(t, txt, figures, opt)
				for _, it := range items {
					if it.Withheld {
						withheldItems++
					}
				}
				// Every red figure withheld is in the brief.
				for _, ind := range figures.Indicators() {
					k := app.SeriesKey{Ref: ind.Ref, Area: app.Kent}
					if !slices.Contains(disclosure.Withheld(figures.Series(k), shown.Series(k)), p) {
						continue
					}
					pts := trend.Analyse(figures, k, trend.Options{Until: p})
					if i := pointAt(pts, p); i >= 0 && pts[i].RAG == app.Red && !strings.Contains(txt, "\n- "+ind.Name+": c (RED)") {
						t.Errorf("below %d, %v, %s: %s is red and withheld but not listed:\n%s", below, cs, p, ind.Ref, txt)
					}
				}
			}
		}
	}
	if withheldItems == 0 {
		t.Error("no withheld figure was listed: the audit checked nothing withheld")
	}
}

var (
	changeRE = regexp.MustCompile(`\b(up|down) [0-9]`)
	runRE    = regexp.MustCompile(`\b([0-9]+)(st|nd|rd|th) (month|quarter|year) (rising|falling)`)
	digitRE  = regexp.MustCompile(`[0-9]`)
)

// auditBrief reads a brief for circulation as a reader would, knowing
// every figure the export shows, and fails the test where its text lets a
// withheld figure be worked out: a withheld figure's line holding any
// number (its value, a change, a count of children); a change from a
// withheld figure (the figure shown less the change gives it); a run of
// months rising or falling through a withheld one (its order among its
// neighbours); a revision's earlier figure. The figures withheld are
// those opt.Shown withholds that figures hold (disclosure.Withheld).
func auditBrief(t *testing.T, txt string, figures *app.History, opt Options) {
	t.Helper()
	if opt.Suppress <= 1 {
		return
	}
	if strings.Contains(txt, "revised from") {
		t.Errorf("the brief gives a revision's earlier figure:\n%s", txt)
	}
	p := opt.Period
	if p.IsZero() {
		p = figures.Latest()
	}
	for _, ind := range opt.Shown.Indicators() {
		line := ""
		for _, l := range strings.Split(txt, "\n") {
			if rest, ok := strings.CutPrefix(l, "- "+ind.Name+": "); ok {
				line = rest
			}
		}
		if line == "" {
			continue
		}
		k := app.SeriesKey{Ref: ind.Ref, Area: app.Kent}
		withheld := disclosure.Withheld(figures.Series(k), opt.Shown.Series(k))
		pts := trend.Analyse(opt.Shown, k, trend.Options{Until: p})
		at := pointAt(pts, p)
		if at < 0 {
			t.Errorf("%s: listed, but has no figure for %s", ind.Ref, p)
			continue
		}
		if slices.Contains(withheld, pts[at].Period) {
			if !strings.HasPrefix(line, "c") || digitRE.MatchString(line) {
				t.Errorf("%s %s is withheld, but its line gives a figure: %q", ind.Ref, p, line)
			}
			continue
		}
		if changeRE.MatchString(line) && (at == 0 || slices.Contains(withheld, pts[at-1].Period) || pts[at-1].Value == nil) {
			t.Errorf("%s %s: a change from a figure withheld: %q", ind.Ref, p, line)
		}
		if m := runRE.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[1])
			for i := max(at-n, 0); i <= at; i++ {
				if slices.Contains(withheld, pts[i].Period) {
					t.Errorf("%s %s: a run of %d through the withheld figure of %s: %q", ind.Ref, p, n, pts[i].Period, line)
				}
			}
		}
	}
}
