package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestListMarksRetired: list, as text and as JSON, says which indicators
// are retired and from when, so that a script or an officer reading the
// list does not take one the scorecard stopped giving for one still
// circulated; a store with none retired lists as it always has.
func TestListMarksRetired(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRun(t, db, "import", writeScorecard(t, dir, "Scorecard January.xlsx", retireCard(3, nil)))
	for _, tc := range []struct {
		name string
		args []string // run before listing
		text string   // EH06's line of list, spaces squeezed
		head string
		json string // EH06's "retired" in list --json, "" for none
	}{
		{"none retired", nil, "EH06 Elective home education (number) - count", "REF INDICATOR SECTION POLARITY UNIT", ""},
		{"retired", []string{"retire", "EH06"}, "EH06 Elective home education (number) - count retired from Feb-25", "REF INDICATOR SECTION POLARITY UNIT CIRCULATION", "2025-02"},
		{"retired later", []string{"retire", "EH06", "--from", "2025-06"}, "EH06 Elective home education (number) - count retired from Jun-25", "REF INDICATOR SECTION POLARITY UNIT CIRCULATION", "2025-06"},
		{"put back", []string{"retire", "--undo", "EH06"}, "EH06 Elective home education (number) - count", "REF INDICATOR SECTION POLARITY UNIT", ""},
		{"put back undone", []string{"undo", "I0004"}, "EH06 Elective home education (number) - count retired from Jun-25", "REF INDICATOR SECTION POLARITY UNIT CIRCULATION", "2025-06"},
	} {
		if tc.args != nil {
			mustRun(t, db, tc.args...)
		}
		lines := strings.Split(mustRun(t, db, "list"), "\n")
		var line string
		for _, l := range lines {
			if strings.HasPrefix(l, "EH06") {
				line = strings.Join(strings.Fields(l), " ")
			}
		}
		if head := strings.Join(strings.Fields(lines[0]), " "); head != tc.head || line != tc.text {
			t.Errorf("%s: list says\n%s\n%s\nwant\n%s\n%s", tc.name, head, line, tc.head, tc.text)
		}
		var listed []struct {
			Ref     string
			Retired string
		}
		if err := json.Unmarshal([]byte(mustRun(t, db, "list", "--json")), &listed); err != nil {
			t.Fatal(err)
		}
		for _, l := range listed {
			if want := map[bool]string{true: tc.json}[l.Ref == "EH06"]; l.Retired != want {
				t.Errorf("%s: list --json gives %s \"retired\": %q, want %q", tc.name, l.Ref, l.Retired, want)
			}
		}
	}
}
