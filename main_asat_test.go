package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// copyTestdata903 copies the importer's SSDA903 test return into a folder
// of its own and returns its Episodes table's path.
func copyTestdata903(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range []string{"header.csv", "episodes.csv", "uasc.csv"} {
		b, err := os.ReadFile(filepath.Join("importer", "testdata", "ssda903", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "episodes.csv")
}

// TestImportAsAt checks import --as-at: a child-level list is counted on
// the date given, the same list as at another date is another import, a
// bad or future date is wrong usage, and a file that dates its own
// figures says the flag was ignored.
func TestImportAsAt(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	episodes := copyTestdata903(t)
	// periods are the months CIC01 has a figure for.
	periods := func() []string {
		var s struct {
			Points []struct {
				Period string
				Value  *float64
			}
		}
		if err := json.Unmarshal([]byte(mustRun(t, db, "show", "CIC01", "--json")), &s); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range s.Points {
			if p.Value != nil {
				out = append(out, p.Period)
			}
		}
		return out
	}
	out := mustRun(t, db, "import", "--as-at", "2024-10-05", episodes)
	if strings.Contains(out, "no snapshot date given") {
		t.Errorf("import --as-at still guessed a date:\n%s", out)
	}
	if got := periods(); strings.Join(got, ",") != "2024-10" {
		t.Errorf("as at 5 Oct 2024: CIC01 periods %v, want [2024-10]", got)
	}
	// The flag may follow the file too, like every flag.
	out = mustRun(t, db, "import", episodes, "--as-at", "2024-12-31")
	if strings.Contains(out, "already imported") {
		t.Errorf("the same list as at another date was taken for a repeat:\n%s", out)
	}
	if got := periods(); strings.Join(got, ",") != "2024-10,2024-12" {
		t.Errorf("CIC01 periods %v, want [2024-10 2024-12]", got)
	}

	tomorrow := time.Now().AddDate(0, 0, 2).Format(time.DateOnly)
	for _, bad := range []string{tomorrow, "05/10/2024", "2024-13-01"} {
		r := scorecard(t, db, "import", "--as-at", bad, episodes)
		if r.code != 2 || !strings.Contains(r.stderr, "--as-at") && !strings.Contains(r.stderr, "as-at") {
			t.Errorf("import --as-at %s: exit %d, stderr %q; want 2 naming the flag", bad, r.code, r.stderr)
		}
	}

	demo := filepath.Join(t.TempDir(), "demo.db")
	mustRun(t, demo, "demo")
	book := filepath.Join(t.TempDir(), "revised.xlsx")
	mustRun(t, demo, "export", "--out", book)
	out = mustRun(t, filepath.Join(t.TempDir(), "y.db"), "import", "--as-at", "2024-10-05", book)
	if !strings.Contains(out, "--as-at ignored") {
		t.Errorf("a scorecard imported with --as-at did not say the flag was ignored:\n%s", out)
	}
}

// TestReentryRatesShown checks that a child-level list's re-entry rates,
// overall and by category of need, are indicators in their own right:
// listed, and shown with their count and the starters they are a share
// of.
func TestReentryRatesShown(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	mustRun(t, db, "import", copyTestdata903(t))
	list := mustRun(t, db, "list")
	for _, ref := range []string{"CIC13a", "CIC13-N1", "CIC13-N8"} {
		if !strings.Contains(list, ref+" ") {
			t.Errorf("list has no %s:\n%s", ref, list)
		}
		var s struct {
			Unit   string
			Points []struct {
				Period                 string
				Numerator, Denominator *float64
			}
		}
		if err := json.Unmarshal([]byte(mustRun(t, db, "show", ref, "--json")), &s); err != nil {
			t.Fatal(err)
		}
		if len(s.Points) != 1 || s.Points[0].Period != "2025-03" || s.Points[0].Numerator == nil || s.Points[0].Denominator == nil || s.Unit != "%" {
			t.Errorf("show %s: %+v, want one %% point for 2025-03 with its count and starters", ref, s)
		}
	}
}
