package main

import (
	"strings"
	"testing"
)

// TestUndoOfTheFirstDefinition undoes the import that first defined an
// indicator. Where a later import restated the definition, it stands,
// from that import, and nothing is said; where the later imports gave
// figures only, the figures are kept undefined and the undo says so, and
// the next file defining the indicator is warned of, not taken quietly
// as the first definition of an empty store.
func TestUndoOfTheFirstDefinition(t *testing.T) {
	const head = "Ref,Indicator,Polarity,Unit,Period,Area,Value\n"
	defs := func(month, value string) string {
		return head + "CIC05,Children in care with 3 or more placements in 12 months,L,%," + month + ",Kent," + value + "\n"
	}
	tests := []struct {
		name      string
		later     string // the second file, after January's definitions
		warned    bool   // the undo warns of CIC05's undefined figures
		listed    bool   // list shows CIC05 after the undo
		reimports string // a third file, defining CIC05 again
		wantWarn  string // what its import must warn, where anything
	}{{
		name:   "February restates the definition",
		later:  defs("2026-02", "10.9"),
		listed: true,
	}, {
		name:      "February gives figures only",
		later:     "Ref,Period,Area,Value\nCIC05,2026-02,Kent,10.9\n",
		warned:    true,
		reimports: "Ref,Indicator,Unit,Period,Area,Value\nCIC05,Number of children in care with 3+ moves,count,2026-03,Kent,11\n",
		wantWarn:  "CIC05: not an indicator the store holds; added as the file defines it",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := t.TempDir() + "/s.db"
			mustRun(t, db, "import", writeFile(t, "jan.csv", defs("2026-01", "10.5")))
			mustRun(t, db, "import", writeFile(t, "feb.csv", tt.later))
			out := mustRun(t, db, "undo", "I0001")
			if warned := strings.Contains(out, "no import in force defines CIC05, whose figures later imports gave"); warned != tt.warned {
				t.Errorf("undo warned %t, want %t:\n%s", warned, tt.warned, out)
			}
			if listed := strings.Contains(mustRun(t, db, "list"), "CIC05"); listed != tt.listed {
				t.Errorf("list shows CIC05: %t, want %t", listed, tt.listed)
			}
			if tt.listed {
				if show := mustRun(t, db, "show", "CIC05"); !strings.Contains(show, "polarity L, %") || !strings.Contains(show, "10.9") {
					t.Errorf("show after the undo:\n%s", show)
				}
			}
			if tt.reimports != "" {
				if out := mustRun(t, db, "import", writeFile(t, "mar.csv", tt.reimports)); !strings.Contains(out, tt.wantWarn) {
					t.Errorf("import defining CIC05 anew does not warn %q:\n%s", tt.wantWarn, out)
				}
			}
		})
	}
}
