package importer

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/assets"
	"scorecard/assets/synth"
)

// TestSynthLayouts writes the demo model in every layout the generator
// knows and compares what the importer reads with the generator's truth,
// figure by figure: values, status codes, components, stand-ins, the
// source's RAG and arrows, targets, benchmarks, outturns and comments.
func TestSynthLayouts(t *testing.T) {
	m := synth.Demo()
	for _, l := range synth.Layouts() {
		t.Run(l.Name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), l.Name+".xlsx")
			if err := synth.Write(path, m, l); err != nil {
				t.Fatal(err)
			}
			res := mustRead(t, path)
			if !res.Sure() {
				for _, ly := range res.Layouts {
					t.Errorf("sheet %q: detection unsure: %q", ly.Sheet, ly.Unsure)
				}
			}
			compareTruth(t, m.Truth(l), l, res)
			checkInference(t, m, res)
			for _, w := range res.Warnings {
				if l.Name == "status-codes" && strings.Contains(w.Message, "as the store and its exports show it") {
					// The legacy codes this layout writes are said once
					// each (see TestStatusCodesSaid).
					continue
				}
				if strings.Contains(w.Message, "neither a Unit column nor its name") {
					// No layout gives a Unit column: a unit guessed from
					// a name is said (TestNameUnitsRead), and
					// checkInference checks the guess against the model.
					continue
				}
				t.Errorf("unexpected warning: %s", w)
			}
		})
	}
}

// compareTruth reports every difference between what was read and the
// truth, at most a few of each kind so a regression reads clearly.
func compareTruth(t *testing.T, truth synth.Truth, l synth.Layout, res *Result) {
	t.Helper()
	got := res.Dataset
	diffs := map[string][]string{}
	add := func(kind, format string, args ...any) {
		diffs[kind] = append(diffs[kind], fmt.Sprintf(format, args...))
	}

	inds := map[string]app.Indicator{}
	for _, ind := range got.Indicators {
		inds[ind.Ref] = ind
	}
	for _, want := range truth.Indicators {
		have, ok := inds[want.Ref]
		if !ok {
			add("indicator", "%s missing", want.Ref)
			continue
		}
		delete(inds, want.Ref)
		if !l.Tidy {
			// Without the Guidance sheet, unit, decimals, measure and
			// year type are the importer's inference, checked below.
			have.Unit, have.Decimals, have.Measure, have.YearType, have.Guidance = want.Unit, want.Decimals, want.Measure, want.YearType, want.Guidance
		}
		if l.Kind == synth.Breakdown {
			// The breakdown sheet has no section headings, yet the truth
			// keeps the model's sections: nothing in the workbook says them.
			have.Section = want.Section
		}
		if !reflect.DeepEqual(have, want) {
			add("indicator", "%s =\n\t%+v, want\n\t%+v", want.Ref, have, want)
		}
	}
	for ref := range inds {
		add("indicator", "%s read but not in the truth", ref)
	}

	type key struct {
		app.SeriesKey
		p app.Period
	}
	obs := map[key]app.Observation{}
	for _, o := range got.Observations {
		obs[key{o.Key(), o.Period}] = o
	}
	for _, want := range truth.Observations {
		k := key{want.Key(), want.Period}
		have, ok := obs[k]
		if !ok {
			add("observation", "%s %s missing", k.SeriesKey, k.p)
			continue
		}
		delete(obs, k)
		if msg := diffObservation(have, want); msg != "" {
			add("observation", "%s %s at %s: %s", k.SeriesKey, k.p, have.Cell, msg)
		}
	}
	for k, o := range obs {
		add("observation", "%s %s read at %s but not in the truth", k.SeriesKey, k.p, o.Cell)
	}

	type tkey struct {
		ref  string
		year app.Period
	}
	targets := map[tkey]app.Target{}
	for _, tg := range got.Targets {
		targets[tkey{tg.Ref, tg.Year}] = tg
	}
	for _, want := range truth.Targets {
		k := tkey{want.Ref, want.Year}
		have, ok := targets[k]
		if !ok {
			add("target", "%s %s missing", k.ref, k.year)
			continue
		}
		delete(targets, k)
		if !eqFloat(have.Target, want.Target) || !eqFloat(have.Floor, want.Floor) || !eqFloat(have.Tolerance, want.Tolerance) {
			add("target", "%s %s = %s, want %s", k.ref, k.year, fmtTarget(have), fmtTarget(want))
		}
	}
	for k := range targets {
		add("target", "%s %s read but not in the truth", k.ref, k.year)
	}

	type bkey struct {
		ref, group string
		p          app.Period
	}
	bench := map[bkey]app.Benchmark{}
	for _, b := range got.Benchmarks {
		bench[bkey{b.Ref, b.Group, b.Period}] = b
	}
	wantBench := append([]app.Benchmark{}, truth.Benchmarks...)
	for _, o := range truth.Outturns {
		wantBench = append(wantBench, app.Benchmark{Ref: o.Ref, Group: app.OutturnGroup, Period: o.Period, Value: o.Value, Status: o.Status})
	}
	for _, want := range wantBench {
		k := bkey{want.Ref, want.Group, want.Period}
		have, ok := bench[k]
		if !ok {
			add("benchmark", "%s %s %s missing", k.ref, k.group, k.p)
			continue
		}
		delete(bench, k)
		if !eqFloat(have.Value, want.Value) || have.Status != want.Status {
			add("benchmark", "%s %s %s = %v %q, want %v %q", k.ref, k.group, k.p, fmtPtr(have.Value), have.Status, fmtPtr(want.Value), want.Status)
		}
	}
	for k := range bench {
		add("benchmark", "%s %s %s read but not in the truth", k.ref, k.group, k.p)
	}

	comments := map[app.Comment]bool{}
	for _, c := range got.Comments {
		c.Import = ""
		comments[c] = true
	}
	for _, want := range truth.Comments {
		if !comments[want] {
			add("comment", "%s %s %s: %q missing", want.Ref, want.Area, want.Period, want.Text)
		}
		delete(comments, want)
	}
	for c := range comments {
		add("comment", "%s %s %s: %q read but not in the truth", c.Ref, c.Area, c.Period, c.Text)
	}

	kinds := make([]string, 0, len(diffs))
	for k := range diffs {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		d := diffs[k]
		sort.Strings(d)
		shown := d[:min(len(d), 6)]
		t.Errorf("%d %s differences, e.g.\n  %s", len(d), k, strings.Join(shown, "\n  "))
	}
}

// diffObservation says how a read figure differs from the truth.
func diffObservation(have, want app.Observation) string {
	var out []string
	if !eqFloat(have.Value, want.Value) {
		out = append(out, fmt.Sprintf("value %s, want %s", fmtPtr(have.Value), fmtPtr(want.Value)))
	}
	if !eqFloat(have.Numerator, want.Numerator) || !eqFloat(have.Denominator, want.Denominator) {
		out = append(out, fmt.Sprintf("parts %s/%s, want %s/%s", fmtPtr(have.Numerator), fmtPtr(have.Denominator), fmtPtr(want.Numerator), fmtPtr(want.Denominator)))
	}
	if have.Status != want.Status || (want.Status != app.OK && have.Raw != want.Raw) {
		out = append(out, fmt.Sprintf("status %q (%q), want %q (%q)", have.Status, have.Raw, want.Status, want.Raw))
	}
	if have.StandIn != want.StandIn {
		out = append(out, fmt.Sprintf("stand-in %v, want %v", have.StandIn, want.StandIn))
	}
	if have.SourceRAG != want.SourceRAG {
		out = append(out, fmt.Sprintf("RAG %q, want %q", have.SourceRAG, want.SourceRAG))
	}
	if have.SourceArrow != want.SourceArrow {
		out = append(out, fmt.Sprintf("arrow %q, want %q", have.SourceArrow, want.SourceArrow))
	}
	return strings.Join(out, "; ")
}

func eqFloat(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return math.Abs(*a-*b) <= 1e-9*math.Max(1, math.Abs(*b))
}

func fmtPtr(v *float64) string {
	if v == nil {
		return "nil"
	}
	return fmt.Sprint(*v)
}

func fmtTarget(t app.Target) string {
	return fmt.Sprintf("target %s floor %s tolerance %s", fmtPtr(t.Target), fmtPtr(t.Floor), fmtPtr(t.Tolerance))
}

// checkInference compares the unit, measure and decimals the importer
// inferred from names and cell formats with the model's.
func checkInference(t *testing.T, m *synth.Model, res *Result) {
	t.Helper()
	for _, ind := range res.Dataset.Indicators {
		want, ok := m.Indicator(ind.Ref)
		if !ok {
			continue
		}
		if ind.Unit != want.Unit || ind.Measure != want.Measure || ind.Decimals != want.Decimals {
			t.Errorf("%s %q: inferred unit %q, measure %q, %d decimals; want %q, %q, %d",
				ind.Ref, ind.Name, ind.Unit, ind.Measure, ind.Decimals, want.Unit, want.Measure, want.Decimals)
		}
	}
}

// TestDemoWorkbook reads the demo workbook built into the app exactly as
// the generator says it was written.
func TestDemoWorkbook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.xlsx")
	if err := os.WriteFile(path, assets.Demo, 0o600); err != nil {
		t.Fatal(err)
	}
	res := mustRead(t, path)
	if res.Format != "scorecard workbook" || strings.Join(res.Sheets, ",") != "CYPE Scorecard,Guidance,Districts,Data,Targets" {
		t.Errorf("format %q, sheets %v", res.Format, res.Sheets)
	}
	m := synth.Demo()
	compareTruth(t, m.Truth(synth.House), synth.House, res)
	for _, w := range res.Warnings {
		t.Errorf("unexpected warning: %s", w)
	}
	checkOutturnYears(t, res.Dataset)
}

// checkOutturnYears checks that each indicator's previous-year outturn is
// dated by its own year type: the house layout's one caption ("2025/26
// Outturn") names a financial year for every row, and an outturn left as a
// financial year for an academic-year indicator matches none of its
// months, so the export and the window would show none.
func checkOutturnYears(t *testing.T, d *app.Dataset) {
	t.Helper()
	kinds := map[string]app.PeriodKind{}
	for _, ind := range d.Indicators {
		kinds[ind.Ref] = ind.YearType
	}
	if kinds["SEND01"] != app.AcademicYear {
		t.Fatalf("SEND01 read with year type %v, want academic", kinds["SEND01"])
	}
	seen := map[string]bool{}
	for _, b := range d.Benchmarks {
		if b.Group != app.OutturnGroup {
			continue
		}
		seen[b.Ref] = true
		if want := kinds[b.Ref]; b.Period.Kind != want {
			t.Errorf("%s outturn dated %s, a %v year; want a %v year", b.Ref, b.Period, b.Period.Kind, want)
		}
	}
	for _, ref := range []string{"SEND01", "CIC01"} {
		if !seen[ref] {
			t.Errorf("%s: no outturn read", ref)
		}
	}
}

// TestLargeWorkbook reads the benchmark's large case (124 indicators, 13
// areas, 60 months) and checks it against the truth.
func TestLargeWorkbook(t *testing.T) {
	if testing.Short() {
		t.Skip("large workbook")
	}
	m := synth.Large(1)
	path := filepath.Join(t.TempDir(), "large.xlsx")
	if err := synth.Write(path, m, synth.LargeLayout); err != nil {
		t.Fatal(err)
	}
	res := mustRead(t, path)
	truth := m.Truth(synth.LargeLayout)
	if len(truth.Observations) < 100*13*60 {
		t.Fatalf("the large case has %d figures, want at least 100 indicators x 13 areas x 60 months", len(truth.Observations))
	}
	compareTruth(t, truth, synth.LargeLayout, res)
}
