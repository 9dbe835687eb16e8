package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"scorecard/app"
	"scorecard/app/store"
)

// TestBadArgumentsOneLine: each bad argument or input the attack found
// taken without a word now exits 1 or 2 with one line.
func TestBadArgumentsOneLine(t *testing.T) {
	db := demoStore(t)
	dir := t.TempDir()
	future := filepath.Join(dir, "future.csv")
	os.WriteFile(future, []byte("Ref,Indicator,Period,Area,Value\nCIC05,n,2205-03,Kent,5\n"), 0o600)
	big := filepath.Join(dir, "big.csv")
	os.WriteFile(big, []byte("Ref,Indicator,Period,Area,Value\nCIC05,n,2025-03,Kent,1e308\n"), 0o600)
	renamed := filepath.Join(dir, "table.xlsx")
	os.WriteFile(renamed, []byte("Ref,Period,Value\nCIC05,2025-03,5\n"), 0o600)
	fifo := filepath.Join(dir, "pipe.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(db)
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"export", "--out", filepath.Join(dir, "x.xlsx"), "--exclude", "uasx"}, "--exclude uasx"},
		{[]string{"import", future}, "future.csv: line 2: CIC05 is dated 2205-03"},
		{[]string{"import", big}, "big.csv: line 2: CIC05 value for Kent 2025-03 is 1e+308"},
		{[]string{"import", renamed}, "table.xlsx: is a text (CSV) file named .xlsx"},
		{[]string{"import", fifo}, "pipe.csv: refused: it is a pipe"},
		{[]string{"import", "/dev/zero"}, "refused: it is a device"},
		{[]string{"export", "--out", filepath.Join(dir, "x.xlsx"), "--period", "2205-03"}, "--period 2205-03: more than 1 year after today"},
		{[]string{"flags", "--period", "2205-03"}, "--period 2205-03: more than 1 year after today"},
	} {
		start := time.Now()
		r := scorecard(t, db, tc.args...)
		lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
		if r.code != 1 && r.code != 2 || len(lines) != 1 || !strings.Contains(r.stderr, tc.says) {
			t.Errorf("scorecard %v: exit %d, stderr %q; want one line saying %q", tc.args, r.code, r.stderr, tc.says)
		}
		if took := time.Since(start); took > 10*time.Second {
			t.Errorf("scorecard %v took %v", tc.args, took)
		}
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Error("a refused command changed the store")
	}
	if _, err := os.Stat(filepath.Join(dir, "x.xlsx")); err == nil {
		t.Error("export --exclude uasx wrote a workbook")
	}
	mustRun(t, db, "import", "--allow-future", future)
}

// TestControlCharactersEscaped: a name holding terminal escape codes is
// printed with them shown, not obeyed; JSON output still reads back the
// name exactly.
func TestControlCharactersEscaped(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	csv := filepath.Join(t.TempDir(), "esc.csv")
	name := "Red \x1b[31malert\x1b[0m \x07bell \u009b2J"
	os.WriteFile(csv, []byte("Ref,Indicator,Period,Area,Value\nESC1,"+name+",2025-03,Kent,5\nESC1,"+name+",2025-02,Kent,4\n"), 0o600)
	mustRun(t, db, "import", csv)
	for _, args := range [][]string{{"list"}, {"show", "ESC1"}, {"list", "--json"}} {
		out := mustRun(t, db, args...)
		if strings.ContainsAny(out, "\x1b\x07\u009b") {
			t.Errorf("scorecard %v printed control characters raw: %q", args, out)
		}
	}
	var inds []app.Indicator
	if err := json.Unmarshal([]byte(mustRun(t, db, "list", "--json")), &inds); err != nil || len(inds) != 1 || inds[0].Name != name {
		t.Errorf("list --json does not read back the name: %v %+v", err, inds)
	}
	if out := mustRun(t, db, "list"); !strings.Contains(out, `Red \u001b[31malert`) {
		t.Errorf("list does not show the escape: %q", out)
	}
}

// TestShowJSONNonFinite: a store written before imports refused them can
// hold +/-1e308, whose change overflows; show --json writes null for it
// rather than failing.
func TestShowJSONNonFinite(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	mar := app.MonthOf(2025, time.March)
	_, err = st.Import(store.Source{Name: "old.xlsx", Kind: "workbook", SHA256: "x"}, &app.Dataset{
		Indicators: []app.Indicator{{Ref: "BIG1", Name: "Big", Unit: app.Number, Polarity: app.HigherBetter}},
		Observations: []app.Observation{
			{Ref: "BIG1", Area: app.Kent, Split: app.All, Period: mar.Add(-1), Value: app.Float(-1e308)},
			{Ref: "BIG1", Area: app.Kent, Split: app.All, Period: mar, Value: app.Float(1e308)},
		},
	})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	var r struct{ Points []map[string]any }
	out := mustRun(t, db, "show", "BIG1", "--json")
	if err := json.Unmarshal([]byte(out), &r); err != nil || len(r.Points) != 2 {
		t.Fatalf("show --json: %v\n%s", err, out)
	}
	if r.Points[1]["value"] != 1e308 || r.Points[1]["change"] != nil {
		t.Errorf("point %v: want the value and a null change", r.Points[1])
	}
}
