package trend

import (
	"slices"
	"testing"

	"scorecard/app"
)

// TestSourceRAGAndDoT checks that a point carries what the workbook
// showed beside the app's own RAG and DoT, and flags a disagreement.
func TestSourceRAGAndDoT(t *testing.T) {
	h := app.NewHistory()
	h.AddIndicator(cic05)
	h.AddTarget(app.Target{Ref: "CIC05", Year: app.Period{Kind: app.FinancialYear, Year: 2024}, Target: app.Float(10), Floor: app.Float(12)})
	addMonths(h, kent, app.MonthOf(2024, 12), 12.5)
	for _, o := range []app.Observation{
		// 12.2% is RED against a floor of 12 and went down: improved.
		{Period: app.MonthOf(2025, 1), Value: app.Float(12.2), SourceRAG: app.Red, SourceArrow: app.Down},
		// 11.7% is AMBER; the workbook showed GREEN and an arrow up.
		{Period: app.MonthOf(2025, 2), Value: app.Float(11.7), SourceRAG: app.Green, SourceArrow: app.Up},
		// Nothing shown.
		{Period: app.MonthOf(2025, 3), Value: app.Float(11.7)},
	} {
		o.Ref, o.Area = "CIC05", app.Kent
		h.Add(o)
	}
	type want struct {
		rag, sourceRAG app.RAG
		dot, sourceDoT app.DoT
		flags          []string
	}
	wants := []want{
		{rag: app.Red, dot: app.NoDoT},
		{rag: app.Red, sourceRAG: app.Red, dot: app.Improved, sourceDoT: app.Improved, flags: []string{}},
		{rag: app.Amber, sourceRAG: app.Green, dot: app.Improved, sourceDoT: app.Worsened, flags: []string{RAGChange, DoTDisagrees, RAGDisagrees}},
		{rag: app.Amber, dot: app.Same, flags: []string{}},
	}
	check := func(name string, pts []Point) {
		if len(pts) != len(wants) {
			t.Fatalf("%s: %d points, want %d", name, len(pts), len(wants))
		}
		for i, w := range wants {
			p := pts[i]
			got := want{p.RAG, p.SourceRAG, p.DoT, p.SourceDoT, p.Flags}
			if got.rag != w.rag || got.sourceRAG != w.sourceRAG || got.dot != w.dot || got.sourceDoT != w.sourceDoT || w.flags != nil && !slices.Equal(got.flags, w.flags) {
				t.Errorf("%s %s: %+v, want %+v", name, p.Period, got, w)
			}
		}
	}
	check("Analyse", Analyse(h, kent, Options{Details: true}))
	check("AnalyseAll", AnalyseAll(h, Options{})[kent].Points())
	var detail string
	for _, f := range Flags(h, app.MonthOf(2025, 2), Options{}) {
		if f.Kind == RAGDisagrees {
			detail = f.Detail
		}
	}
	if want := "the workbook shows GREEN, but 11.7% (target 10.0%, floor 12.0%) rates AMBER"; detail != want {
		t.Errorf("rag-disagrees detail = %q, want %q", detail, want)
	}
}
