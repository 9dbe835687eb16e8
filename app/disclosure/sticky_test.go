package disclosure

import (
	"strings"
	"testing"

	"scorecard/app"
)

// kentDistricts are Kent's twelve districts, as QA29's tidy CSVs list them.
var kentDistricts = []app.Area{"Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham",
	"Maidstone", "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"}

// kentMonth is one month of a count for Kent's districts (Ashford,
// Canterbury, then nine each for the other ten) and Kent, their sum.
func kentMonth(ref string, p app.Period, ashford, canterbury float64) []app.Observation {
	vs := append([]float64{ashford, canterbury}, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9)
	var out []app.Observation
	sum := 0.0
	for i, v := range vs {
		out = append(out, app.Observation{Ref: ref, Area: kentDistricts[i], Period: p, Value: app.Float(v)})
		sum += v
	}
	return append(out, app.Observation{Ref: ref, Area: app.Kent, Period: p, Value: app.Float(sum)})
}

// propMonth is one month of a proportion for Kent's districts: Ashford's
// numerator and denominator, 20 of 25 for each other district, and Kent
// their sum.
func propMonth(ref string, p app.Period, num, den float64) []app.Observation {
	var out []app.Observation
	n, d := 0.0, 0.0
	for i, a := range kentDistricts {
		x, y := 20.0, 25.0
		if i == 0 {
			x, y = num, den
		}
		out = append(out, app.Observation{Ref: ref, Area: a, Period: p, Value: app.Float(100 * x / y), Numerator: app.Float(x), Denominator: app.Float(y)})
		n, d = n+x, d+y
	}
	return append(out, app.Observation{Ref: ref, Area: app.Kent, Period: p, Value: app.Float(100 * n / d), Numerator: app.Float(n), Denominator: app.Float(d)})
}

// sourceC returns obs with the figures of areas withheld by the source.
func sourceC(obs []app.Observation, areas ...app.Area) []app.Observation {
	for i, o := range obs {
		for _, a := range areas {
			if o.Area == a {
				obs[i].Value, obs[i].Status, obs[i].Raw = nil, app.Suppressed, "c"
			}
		}
	}
	return obs
}

// cohortMonth is one month of a count for Kent: all children and UASC.
func cohortMonth(ref string, p app.Period, all, uasc float64) []app.Observation {
	return []app.Observation{
		{Ref: ref, Area: app.Kent, Period: p, Value: app.Float(all)},
		{Ref: ref, Area: app.Kent, Split: app.Only(app.UASC), Period: p, Value: app.Float(uasc)},
	}
}

// TestWithheldOnceStaysWithheld (QA29 1, 2): May's pack withheld a small
// count and its complement; June's file revises May. A release of June's
// figures alone withholds nothing of May, and beside May's pack it gives
// the small count away: May's Kent 100, less the ten districts' 90, less
// Canterbury's 7 (June's workbook, or "revised from 7"), is Ashford's 3.
// Whatever May's release withheld stays withheld, the earlier figure of
// a revision is not given where May withheld any figure of the month, and
// an ordinary revision with nothing small is shown in full.
func TestWithheldOnceStaysWithheld(t *testing.T) {
	apr, may, jun := app.MonthOf(2025, 4), app.MonthOf(2025, 5), app.MonthOf(2025, 6)
	pf01 := app.Indicator{Ref: "PF01", Name: "Number of private fostering arrangements", Measure: app.Count, Unit: app.Number}
	pc01 := app.Indicator{Ref: "PC01", Name: "Children seen within 5 working days (%)", Measure: app.Proportion, Unit: app.Percent}
	cl03 := app.Indicator{Ref: "CL03", Name: "Number of children starting to be looked after", Measure: app.Count, Unit: app.Number}
	cat := func(obs ...[]app.Observation) []app.Observation {
		var out []app.Observation
		for _, o := range obs {
			out = append(out, o...)
		}
		return out
	}
	type cell struct {
		area  app.Area
		split app.Split
	}
	excl := app.Excluding(app.UASC)
	for _, tt := range []struct {
		name     string
		ind      app.Indicator
		m05, m06 []app.Observation
		exclude  []app.Cohort
		// mayThen: what May's own release showed, so that the case is
		// what QA29 found; mayNow: what June's release shows of May.
		mayThen, mayNow map[cell]string
		// revised: the figure whose earlier version June's brief would
		// give, and whether it may.
		revised cell
		from    bool
	}{{
		// QA29 1 (s1): Ashford 3 -> 5, Canterbury 7 -> 8, Kent 100 -> 103.
		name: "s1: the small count and its complement revised",
		ind:  pf01,
		m05:  cat(kentMonth("PF01", apr, 9, 9), kentMonth("PF01", may, 3, 7)),
		m06:  cat(kentMonth("PF01", apr, 9, 9), kentMonth("PF01", may, 5, 8), kentMonth("PF01", jun, 9, 9)),
		mayThen: map[cell]string{{app.Kent, app.All}: "100", {"Ashford", app.All}: "c", {"Canterbury", app.All}: "c",
			{"Dover", app.All}: "9"},
		// Both revised: June's 5 and 8 are other counts than May's 3 and
		// 7, and tell nothing of them; May's identity, 100 = Ashford +
		// Canterbury + 90, still leaves each 0 to 10. The earlier figure
		// is what must not be given: "revised from 7" is Ashford's 3.
		mayNow: map[cell]string{{app.Kent, app.All}: "103", {"Ashford", app.All}: "5", {"Canterbury", app.All}: "8",
			{"Dover", app.All}: "9"},
		revised: cell{"Canterbury", app.All},
	}, {
		// A proportion whose denominator alone was revised: May withheld
		// Ashford's 7 of 10 (3 children outside it) and Canterbury's 20
		// of 25 beside it; June's 7 of 12 has the same 7 children, one
		// count in both months, so it stays withheld, and Canterbury's
		// with it.
		name:    "a proportion's numerator standing",
		ind:     pc01,
		m05:     cat(propMonth("PC01", apr, 10, 10), propMonth("PC01", may, 7, 10)),
		m06:     cat(propMonth("PC01", apr, 10, 10), propMonth("PC01", may, 7, 12), propMonth("PC01", jun, 10, 10)),
		mayThen: map[cell]string{{app.Kent, app.All}: "80", {"Ashford", app.All}: "c", {"Canterbury", app.All}: "c"},
		mayNow:  map[cell]string{{app.Kent, app.All}: "79", {"Ashford", app.All}: "c", {"Canterbury", app.All}: "c"},
		revised: cell{"Ashford", app.All},
	}, {
		// QA29 2 (s7): only Ashford 3 -> 5 (Kent 102); Canterbury's 7
		// stands and was May's complement.
		name:    "s7: the small count revised, its complement not",
		ind:     pf01,
		m05:     cat(kentMonth("PF01", apr, 9, 9), kentMonth("PF01", may, 3, 7)),
		m06:     cat(kentMonth("PF01", apr, 9, 9), kentMonth("PF01", may, 5, 7), kentMonth("PF01", jun, 9, 9)),
		mayThen: map[cell]string{{app.Kent, app.All}: "100", {"Ashford", app.All}: "c", {"Canterbury", app.All}: "c"},
		mayNow: map[cell]string{{app.Kent, app.All}: "102", {"Ashford", app.All}: "c", {"Canterbury", app.All}: "c",
			{"Dover", app.All}: "9"},
		revised: cell{"Ashford", app.All},
	}, {
		// s7 with May's c the source's own: May's file gave Kent 100 and
		// c for Ashford and Canterbury; June's gives Ashford 5 and
		// Canterbury 7. Canterbury's 7 may be May's true figure, which
		// with May's 100 and 90 tells Ashford's: both stay withheld.
		name:    "s7 through the source's c",
		ind:     pf01,
		m05:     cat(kentMonth("PF01", apr, 9, 9), sourceC(kentMonth("PF01", may, 3, 7), "Ashford", "Canterbury")),
		m06:     cat(kentMonth("PF01", apr, 9, 9), kentMonth("PF01", may, 5, 7), kentMonth("PF01", jun, 9, 9)),
		mayThen: map[cell]string{{app.Kent, app.All}: "100", {"Ashford", app.All}: "c", {"Canterbury", app.All}: "c"},
		mayNow: map[cell]string{{app.Kent, app.All}: "102", {"Ashford", app.All}: "c", {"Canterbury", app.All}: "c",
			{"Dover", app.All}: "9"},
		revised: cell{"Canterbury", app.All},
	}, {
		// QA29 2 (s12): all 25, UASC 3 (so the 22 excluding UASC withheld
		// as its complement); June revises UASC to 5, all to 27.
		name:    "s12: a cohort revised, its complement not",
		ind:     cl03,
		m05:     cat(cohortMonth("CL03", apr, 40, 10), cohortMonth("CL03", may, 25, 3)),
		m06:     cat(cohortMonth("CL03", apr, 40, 10), cohortMonth("CL03", may, 27, 5), cohortMonth("CL03", jun, 41, 10)),
		exclude: []app.Cohort{app.UASC},
		mayThen: map[cell]string{{app.Kent, app.All}: "25", {app.Kent, app.Only(app.UASC)}: "c", {app.Kent, excl}: "c"},
		mayNow:  map[cell]string{{app.Kent, app.All}: "27", {app.Kent, app.Only(app.UASC)}: "c", {app.Kent, excl}: "c"},
		revised: cell{app.Kent, app.Only(app.UASC)},
	}, {
		// Nothing small in either month: every figure is shown, and so
		// is the earlier figure of the revision.
		name:    "an ordinary revision",
		ind:     pf01,
		m05:     cat(kentMonth("PF01", apr, 9, 9), kentMonth("PF01", may, 12, 7)),
		m06:     cat(kentMonth("PF01", apr, 9, 9), kentMonth("PF01", may, 15, 8), kentMonth("PF01", jun, 9, 9)),
		mayThen: map[cell]string{{app.Kent, app.All}: "109", {"Ashford", app.All}: "12", {"Canterbury", app.All}: "7"},
		mayNow: map[cell]string{{app.Kent, app.All}: "113", {"Ashford", app.All}: "15", {"Canterbury", app.All}: "8",
			{"Dover", app.All}: "9"},
		revised: cell{"Canterbury", app.All},
		from:    true,
	}} {
		t.Run(tt.name, func(t *testing.T) {
			h := app.NewHistory()
			h.Imports = []app.Import{{ID: "I0001", Source: "m05.csv"}, {ID: "I0002", Source: "m06.csv"}}
			h.Apply(&app.Dataset{Indicators: []app.Indicator{tt.ind}, Observations: tt.m05}, "I0001")
			release := func(h *app.History) func(cell) string {
				base, ex, _, _ := ReleaseIn(h, tt.exclude, DefaultThreshold, app.AuthorityOf(h))
				return func(c cell) string {
					from, split := base, c.split
					if c.split == excl {
						from, split = ex, app.All
					}
					o, ok := from.Observation(app.SeriesKey{Ref: tt.ind.Ref, Area: c.area, Split: split}, may)
					switch {
					case !ok:
						return "none"
					case o.Status != app.OK:
						return o.Status.String()
					}
					return formatted(*o.Value)
				}
			}
			then := release(h)
			for c, want := range tt.mayThen {
				if got := then(c); got != want {
					t.Errorf("May's own release: %s %s May-25 = %s, want %s (not QA29's case)", c.area, c.split.Label(), got, want)
				}
			}
			h.Apply(&app.Dataset{Indicators: []app.Indicator{tt.ind}, Observations: tt.m06}, "I0002")
			now := release(h)
			var got []string
			for c, want := range tt.mayNow {
				if g := now(c); g != want {
					got = append(got, string(c.area)+" "+c.split.Label()+" "+g+", want "+want)
				}
			}
			if len(got) > 0 {
				t.Errorf("June's release of May-25:\n%s", strings.Join(got, "\n"))
			}
			k := app.SeriesKey{Ref: tt.ind.Ref, Area: tt.revised.area, Split: tt.revised.split}
			revs := h.Revisions(k, may)
			if len(revs) != 1 {
				t.Fatalf("%v May-25 has %d earlier versions, want 1", k, len(revs))
			}
			was := "c"
			if revs[0].Value != nil {
				was = formatted(*revs[0].Value)
			}
			shown, _ := Suppress(h, DefaultThreshold)
			if got := RevisedFromShown(h, shown, k, may, revs[0], DefaultThreshold); got != tt.from {
				t.Errorf("RevisedFromShown(%s May-25 was %s) = %t, want %t", tt.revised.area, was, got, tt.from)
			}
			// Judged against May's release too, not only June's: beside
			// June's figures shown in full (as June's release alone showed
			// them) the earlier figure is still not given.
			if got := RevisedFromShown(h, h, k, may, revs[0], DefaultThreshold); got != tt.from {
				t.Errorf("RevisedFromShown(%s May-25 was %s) beside every June figure = %t, want %t", tt.revised.area, was, got, tt.from)
			}
		})
	}
}

// TestWorkedOutAgainWhole (QA probe 11): an import giving Jul-25 to
// Sep-25's quarter joins July's and August's months an earlier import
// gave, so the release before it is worked out again, on the periods
// within a year of them. Cut there, 2024/25 kept its quarters from July
// 2024 but lost April to June and their quarter: the year's identities
// failed, the release worked out again withheld other complements than
// the one circulated, and the next pack, held to those, showed what the
// last had withheld (Thanet's 2024/25 of 154 beside its 153 excluding
// UASC, a UASC child). Every period a sum over time joins to one kept is
// kept.
func TestWorkedOutAgainWhole(t *testing.T) {
	cs01 := app.Indicator{Ref: "CS01", Name: "Number of children starting to be looked after in the month", Measure: app.Count, Unit: app.Number}
	var obs []app.Observation
	add := func(p app.Period, v float64, id string) {
		obs = append(obs, app.Observation{Ref: "CS01", Area: app.Kent, Split: app.All, Period: p, Value: app.Float(v), Import: id})
	}
	fy := app.Period{Kind: app.FinancialYear, Year: 2024}
	for m := range 12 {
		add(month(2024, 4).Add(m), 10, "I0001")
	}
	for q := range 4 {
		add(app.Period{Kind: app.Quarter, Year: 2024, N: 2}.Add(q), 30, "I0001")
	}
	add(fy, 120, "I0001")
	for m := range 5 {
		add(month(2025, 4).Add(m), 10, "I0001")
	}
	add(month(2025, 9), 10, "I0002")
	q3 := app.Period{Kind: app.Quarter, Year: 2025, N: 3}
	add(q3, 30, "I0002")
	h := app.NewHistory()
	h.Imports = []app.Import{{ID: "I0001"}, {ID: "I0002"}}
	h.Apply(&app.Dataset{Indicators: []app.Indicator{cs01}}, "I0001")
	for _, o := range obs {
		h.Add(o)
	}
	var joined *revising
	for _, rv := range revisingImports(h, "") {
		if rv.id == "I0002" {
			joined = &rv
		}
	}
	if joined == nil {
		t.Fatalf("the import giving %s is not taken as joining figures an earlier import gave", q3.Label())
	}
	was := asBefore(h, h.ImportOrder(), *joined)
	k := app.SeriesKey{Ref: "CS01", Area: app.Kent, Split: app.All}
	for _, p := range []app.Period{month(2024, 4), month(2024, 6), {Kind: app.Quarter, Year: 2024, N: 2}, fy, month(2025, 7)} {
		if _, ok := was.Observation(k, p); !ok {
			t.Errorf("worked out again without %s, which 2024/25's identities join to the months kept", p.Label())
		}
	}
	if _, ok := was.Observation(k, q3); ok {
		t.Errorf("worked out again with %s, which the import first gave", q3.Label())
	}
}
