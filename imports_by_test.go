package main

import (
	"encoding/json"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/store"
)

// TestImportsSayWho checks imports names who made each import, on which
// computer, and who undid it, in its table (the BY column and the STATE)
// and in its JSON.
func TestImportsSayWho(t *testing.T) {
	officer, machine := store.Operator()
	if officer == "" || machine == "" {
		t.Skip("this system names no user or no host")
	}
	db := demoStore(t)
	mustRun(t, db, "undo", "I0001")
	table := strings.Split(strings.TrimSpace(mustRun(t, db, "imports")), "\n")
	if head := strings.Fields(table[0]); len(table) != 2 || head[len(head)-2] != "STATE" || head[len(head)-1] != "BY" {
		t.Fatalf("imports table:\n%s", strings.Join(table, "\n"))
	}
	if row := table[1]; !strings.HasSuffix(row, " by "+officer+"  "+officer+"@"+machine) {
		t.Errorf("row %q does not end with the undo's officer and %s@%s", row, officer, machine)
	}
	var recs []app.Import
	if err := json.Unmarshal([]byte(mustRun(t, db, "imports", "--json")), &recs); err != nil || len(recs) != 1 {
		t.Fatalf("imports --json: %+v, %v", recs, err)
	}
	if r := recs[0]; r.Officer != officer || r.Machine != machine || r.UndoneBy != officer {
		t.Errorf("imports --json: by %q on %q, undone by %q", r.Officer, r.Machine, r.UndoneBy)
	}
}
