package disclosure

import (
	"reflect"
	"slices"
	"testing"

	"scorecard/app"
)

// TestJoiningImportsAsListed checks the imports joining figures, found
// from each period's first imports once, against every figure listed:
// monthly files each giving a month for the county and two districts, the
// second revising a district's earlier month and restating another, the
// third giving the quarter and a district's month the second left out, a
// count year to date beside them.
func TestJoiningImportsAsListed(t *testing.T) {
	count := app.Indicator{Ref: "N01", Measure: app.Count, Unit: app.Number}
	ytd := app.Indicator{Ref: "N03", Measure: app.Count, Unit: app.Number, DataPeriod: app.YearToDate}
	h := app.NewHistory()
	h.AddIndicators([]app.Indicator{count, ytd})
	h.Imports = []app.Import{{ID: "I0001"}, {ID: "I0002"}, {ID: "I0003"}}
	add := func(ref string, a app.Area, p app.Period, v float64, imp string) {
		h.Add(app.Observation{Ref: ref, Area: a, Period: p, Value: app.Float(v), Import: imp})
	}
	apr, may, jun := month(2026, 4), month(2026, 5), month(2026, 6)
	for _, ref := range []string{"N01", "N03"} {
		add(ref, app.Kent, apr, 10, "I0001")
		add(ref, "Dover", apr, 4, "I0001")
		add(ref, "Thanet", apr, 6, "I0001")
		add(ref, app.Kent, may, 22, "I0002")
		add(ref, "Dover", may, 9, "I0002")
		add(ref, "Dover", apr, 5, "I0002") // revised
		add(ref, app.Kent, jun, 25, "I0003")
		add(ref, "Thanet", may, 13, "I0003") // left out by I0002
	}
	h.AddRestatement(app.SeriesKey{Ref: "N01", Area: "Thanet"}, apr, "I0002")
	add("N01", app.Kent, app.Period{Kind: app.Quarter, Year: 2026, N: 2}, 57, "I0003")
	for _, only := range []string{"", "N01", "N03"} {
		got, want := joiningImports(h, only), joiningImportsListed(h, only)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("joiningImports(%q) = %v, want %v", only, got, want)
		}
		if only == "" && len(want) == 0 {
			t.Fatal("no import joins a figure: the case checks nothing")
		}
	}
}

// joiningImportsListed is joiningImports as it was, listing every figure,
// the reference its answers are checked against.
func joiningImportsListed(h *app.History, only string) map[string]map[string][]app.Period {
	order := h.ImportOrder()
	type given struct {
		period app.Period
		first  string
	}
	byRef := map[string][]given{}
	for _, k := range h.Keys() {
		if only != "" && k.Ref != only {
			continue
		}
		for _, o := range h.Series(k) {
			first := o.Import
			for _, id := range h.Restated(k, o.Period) {
				if order.Compare(id, first) < 0 {
					first = id
				}
			}
			if revs := h.Revisions(k, o.Period); len(revs) > 0 && revs[0].Import != "" {
				first = revs[0].Import
			}
			if first != "" {
				byRef[k.Ref] = append(byRef[k.Ref], given{o.Period, first})
			}
		}
	}
	out := map[string]map[string][]app.Period{}
	for ref, gs := range byRef {
		ind, _ := h.Indicator(ref)
		var periods []app.Period
		for _, g := range gs {
			if !slices.Contains(periods, g.period) {
				periods = append(periods, g.period)
			}
		}
		groupOf := map[app.Period]int{}
		for i, ps := range periodGroups(ind, periods) {
			for _, p := range ps {
				groupOf[p] = i
			}
		}
		earliest := map[int]string{}
		for _, g := range gs {
			if e, ok := earliest[groupOf[g.period]]; !ok || order.Compare(g.first, e) < 0 {
				earliest[groupOf[g.period]] = g.first
			}
		}
		for _, g := range gs {
			if g.first == earliest[groupOf[g.period]] {
				continue
			}
			if out[g.first] == nil {
				out[g.first] = map[string][]app.Period{}
			}
			if !slices.Contains(out[g.first][ref], g.period) {
				out[g.first][ref] = append(out[g.first][ref], g.period)
			}
		}
	}
	return out
}
