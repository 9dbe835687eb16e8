package app

import "testing"

// TestWarningString: a warning names its file, sheet and cell before its
// message; one of no place in a file (a release's) is its message alone,
// not led by a colon on the Provenance sheet.
func TestWarningString(t *testing.T) {
	for _, tc := range []struct {
		w    Warning
		want string
	}{
		{Warning{Location{File: "m.xlsx", Sheet: "Scorecard", Cell: "A3"}, "row skipped"}, "m.xlsx: Scorecard!A3: row skipped"},
		{Warning{Location{File: "m.xlsx", Sheet: "Districts"}, "chart redrawn"}, `m.xlsx: sheet "Districts": chart redrawn`},
		{Warning{Location{File: "pack.xlsx"}, "CS03 Dover, UASC only, Nov-20: withheld"}, "pack.xlsx: CS03 Dover, UASC only, Nov-20: withheld"},
		{Warning{Message: "CS03 Dover, UASC only, Nov-20: withheld"}, "CS03 Dover, UASC only, Nov-20: withheld"},
	} {
		if got := tc.w.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}
