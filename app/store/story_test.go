package store

import (
	"testing"
	"time"

	"scorecard/app"
)

// writeStory imports into s a history holding every kind of record,
// revisions, restatements and an undone import: the schema 1 fixture
// (testdata/schema1) is this story as the Scorecard of schema 1 wrote it,
// and the migration tests tell it again to a new store to compare.
func writeStory(t testing.TB, s *Bolt) {
	t.Helper()
	s.SetAutoBackups(0)
	mustImport(t, s, "cla.csv", claDataset(t))
	mustImport(t, s, "jan.xlsx", quarter(1, 0))
	// February revises every figure a little; March restates February's.
	mustImport(t, s, "feb.xlsx", quarter(2, 1))
	mar := mustImport(t, s, "mar.xlsx", quarter(2, 1))
	mustImport(t, s, "apr.xlsx", quarter(4, 3))
	if _, err := s.Undo(mar.ID); err != nil {
		t.Fatal(err)
	}
	// January again restates what April revised: undoing April (I0005)
	// makes some of these restatements versions.
	mustImport(t, s, "jan-again.xlsx", quarter(1, 0))
	edits := &app.Dataset{
		ChartSettings: []app.ChartSetting{{Ref: "CIC05", Kind: app.SetBaseline, From: app.MonthOf(2024, 4), Note: "from the new model"}},
		Comments:      []app.Comment{{Ref: "SCS02", Area: "Ashford", Split: app.Excluding(app.UASC), Period: app.MonthOf(2025, 1), Text: "a district's own note"}},
	}
	if _, err := s.Import(Source{Name: "edit", Kind: "edit", Note: "baseline"}, edits); err != nil {
		t.Fatal(err)
	}
	if err := s.Put("layouts", "kent", map[string]string{"sheet": "Kent"}); err != nil {
		t.Fatal(err)
	}
}

// quarter is the monthly scorecard's three months to month m of 2025,
// its values shifted by bump.
func quarter(m int, bump float64) *app.Dataset {
	return monthly(months(app.MonthOf(2025, time.Month(m)), 3), bump)
}
