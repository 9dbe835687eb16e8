package views

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/store"
)

// TestRAGRuleDialog: a council rating on its target alone sees no RAG
// under the default rule; Edit > RAG rule... sets the target alone, or a
// band, and the scorecard is rated by it at once, the store keeping it.
func TestRAGRuleDialog(t *testing.T) {
	st := openStore(t)
	southwark, _ := app.LookupAuthority("Southwark")
	if err := st.SetAuthority(southwark); err != nil {
		t.Fatal(err)
	}
	q := app.Period{Kind: app.Quarter, Year: 2025, N: 1}
	ds := &app.Dataset{
		Indicators: []app.Indicator{{Ref: "SCS01", Name: "Re-referrals within 12 months (%)", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, Measure: app.Proportion}},
		Observations: []app.Observation{{Ref: "SCS01", Area: southwark.Area(), Period: q.Add(-1), Value: app.Float(19.9)},
			{Ref: "SCS01", Area: southwark.Area(), Period: q, Value: app.Float(20.8), SourceRAG: app.Amber}},
		Targets: []app.Target{{Ref: "SCS01", Year: app.Period{Kind: app.FinancialYear, Year: 2024}, Target: app.Float(20)}},
	}
	if _, err := st.Import(store.Source{Name: "Southwark Q4.xlsx", Kind: "workbook", SHA256: "ab"}, ds); err != nil {
		t.Fatal(err)
	}
	w := windowOn(t, st)
	rag := func() app.RAG {
		i := rowOf(w.score, "SCS01")
		if i < 0 {
			t.Fatal("no SCS01 row")
		}
		return w.score.lines[i].row.rag
	}
	if got := rag(); got != app.NoRAG {
		t.Fatalf("under the floor rule SCS01 rates %q, want none", got)
	}
	w.chooseRAGRule()
	if findButton(w.win.Canvas().Overlays().Top(), "Save") == nil {
		t.Fatal("Edit > RAG rule... shows no dialog with Save")
	}
	for _, tc := range []struct {
		choice, tolerance string
		want              app.RAG
		rule              app.RAGRule
	}{
		{ragRuleChoices[1], "", app.Red, app.RAGRule{Kind: app.RuleTarget}},
		{ragRuleChoices[2], "5%", app.Amber, app.RAGRule{Kind: app.RuleBand, Tolerance: 5, Percent: true}},
		{ragRuleChoices[0], "", app.NoRAG, app.RAGRule{}},
	} {
		f := newRAGRuleForm(app.RAGRule{})
		f.choice.SetSelected(tc.choice)
		f.tolerance.SetText(tc.tolerance)
		w.setRAGRule(storeBackend{st}, f)
		if got := rag(); got != tc.want {
			t.Errorf("%s %s: SCS01 rates %q, want %q", tc.choice, tc.tolerance, got, tc.want)
		}
		if r, err := store.RAGRuleIn(st); err != nil || r != tc.rule {
			t.Errorf("%s %s: the store's rule is %+v (%v), want %+v", tc.choice, tc.tolerance, r, err, tc.rule)
		}
	}
}

// TestReviewSuggestsRAGRule: the window's import review says, before the
// import is accepted, that a workbook's RAG column rates on the target
// alone, as the command line's import does.
func TestReviewSuggestsRAGRule(t *testing.T) {
	st := openStore(t)
	southwark, _ := app.LookupAuthority("Southwark")
	if err := st.SetAuthority(southwark); err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"Southwark Children's Social Care Scorecard"},
		{},
		{"Ref", "Indicator", "Polarity", "Target 2024/25", "Q3 2024-25", "Q4 2024-25", "RAG"},
		{"SCS01", "Re-referrals within 12 months (%)", "L", 20, 19.9, 24.8, "Red"},
		{"CIC20", "Health assessments up to date (%)", "H", 90, 91.6, 89.6, "Red"},
		{"SCS02", "Second or subsequent child protection plans (%)", "L", 18, 16.8, 15.9, "Green"},
	}
	for i, row := range rows {
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "Southwark Q4.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	res, err := storeBackend{st}.ReadFile(context.Background(), path, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "Southwark's RAG column rates on the target alone in all 3 figures it rates (Sheet1!F4:F6)"
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, want) {
			return
		}
	}
	t.Errorf("the review's warnings %q\nsay nothing like %q", res.Warnings, want)
}
