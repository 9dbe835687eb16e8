package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLAITDownloadsOfOtherSpans: LAIT titles each download by the years
// it spans, "(2014-2024)" then next year "(2015-2025)". Imported in turn
// into one store, each had started an indicator of its own under a ref
// made from its whole title. The span is left out of the name, said at
// the title, so the second download joins the first's indicator.
func TestLAITDownloadsOfOtherSpans(t *testing.T) {
	const name = "Children looked after rate per 10,000 children aged under 18"
	db := filepath.Join(t.TempDir(), "kent.db")
	download := func(from int) string {
		head := []any{"LA code", "LA name"}
		kent, england := []any{886, "Kent"}, []any{nil, "England"}
		for y := from; y <= from+10; y++ {
			head = append(head, fmt.Sprint(y))
			kent = append(kent, 40+y-2014)
			england = append(england, 60+y-2014)
		}
		title := fmt.Sprintf("%s (%d-%d)", name, from, from+10)
		return writeScorecard(t, t.TempDir(), fmt.Sprintf("lait%d.xlsx", from), [][]any{{title}, {}, head, kent, england})
	}
	for _, from := range []int{2014, 2015} {
		out := mustRun(t, db, "import", download(from))
		if want := fmt.Sprintf(`Scorecard!A1: "%s (%d-%d)": the years (%d-%d) at its end are the download's span, not the indicator's name: known as %q`, name, from, from+10, from, from+10, name); !strings.Contains(out, want) {
			t.Errorf("the %d download's import does not say %q:\n%s", from, want, out)
		}
	}
	var inds []struct{ Ref, Name string }
	if err := json.Unmarshal([]byte(mustRun(t, db, "list", "--json")), &inds); err != nil {
		t.Fatal(err)
	}
	if len(inds) != 1 || inds[0].Name != name {
		t.Fatalf("the store lists %+v, want the one indicator %q", inds, name)
	}
	var show struct {
		Points []struct{ Period string }
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "show", inds[0].Ref, "--json")), &show); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range show.Points {
		got = append(got, p.Period)
	}
	if len(got) != 12 || !slices.Contains(got, "2013/14") || !slices.Contains(got, "2024/25") {
		t.Errorf("%s's years %v, want 2013/14 to 2024/25, both downloads'", inds[0].Ref, got)
	}
}

// TestLAITDownloadAfterSpannedName: a store that named an earlier
// download with its span (imported before spans were left out) is
// continued by the next download, said at its title, not given a third
// indicator.
func TestLAITDownloadAfterSpannedName(t *testing.T) {
	const name = "Children looked after rate per 10,000 children aged under 18"
	db := filepath.Join(t.TempDir(), "kent.db")
	// As an earlier import keyed it: a scorecard without Refs whose
	// name holds the span makes the same ref as that download did.
	mustRun(t, db, "import", writeScorecard(t, t.TempDir(), "earlier.xlsx", [][]any{
		{"Indicator", "2022-23", "2023-24"}, {name + " (2014-2024)", 50, 52}}))
	out := mustRun(t, db, "import", writeScorecard(t, t.TempDir(), "lait.xlsx", [][]any{
		{name + " (2015-2025)"}, {}, {"LA code", "LA name", "2024", "2025"}, {886, "Kent", 52, 53}, {nil, "England", 70, 71}}))
	if want := fmt.Sprintf("filed under CLARP1-9258, the store's indicator of this name with the span of an earlier download (%q)", name+" (2014-2024)"); !strings.Contains(out, want) {
		t.Errorf("the import does not say %q:\n%s", want, out)
	}
	var inds []struct{ Ref string }
	if err := json.Unmarshal([]byte(mustRun(t, db, "list", "--json")), &inds); err != nil {
		t.Fatal(err)
	}
	if len(inds) != 1 || inds[0].Ref != "CLARP1-9258" {
		t.Errorf("the store lists %+v, want CLARP1-9258 alone", inds)
	}
}
