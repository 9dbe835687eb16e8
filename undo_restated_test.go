package main

import (
	"strings"
	"testing"
)

// TestUndoOfAChangedDefinition undoes an import that changed a
// definition (polarity higher to lower is better) after a later file.
// The definition before the change comes back unless the later file
// itself states the changed one: a figures file giving names but no
// polarity, or names the officer declined, kept the undone polarity,
// and every rating and arrow the wrong way round, with no word (QA20 D2).
func TestUndoOfAChangedDefinition(t *testing.T) {
	const jan = "Ref,Indicator,Polarity,Unit,Period,Area,Value\nRV01,Care leavers in touch,H,%,2026-01,Kent,82\n"
	const feb = "Ref,Indicator,Polarity,Unit,Period,Area,Value\nRV01,Care leavers contacted,L,%,2026-02,Kent,84\n"
	tests := []struct {
		name, mar string
		want      string // show's heading after the undo of February's
	}{
		{"March declines another name", "Ref,Indicator,Period,Area,Value\nRV01,Care leavers (in touch),2026-03,Kent,86\n",
			"RV01 Care leavers in touch (Kent, polarity H, %)"},
		{"March gives February's name alone", "Ref,Indicator,Period,Area,Value\nRV01,Care leavers contacted,2026-03,Kent,86\n",
			"RV01 Care leavers in touch (Kent, polarity H, %)"},
		{"March gives figures alone", "Ref,Period,Area,Value\nRV01,2026-03,Kent,86\n",
			"RV01 Care leavers in touch (Kent, polarity H, %)"},
		{"March states February's name and polarity", "Ref,Indicator,Polarity,Period,Area,Value\nRV01,Care leavers contacted,L,2026-03,Kent,86\n",
			"RV01 Care leavers contacted (Kent, polarity L, %)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := t.TempDir() + "/s.db"
			mustRun(t, db, "import", writeFile(t, "jan.csv", jan))
			mustRun(t, db, "import", "--accept-definitions", writeFile(t, "feb.csv", feb))
			mustRun(t, db, "import", writeFile(t, "mar.csv", tt.mar))
			mustRun(t, db, "undo", "I0002")
			show := mustRun(t, db, "show", "RV01")
			if first, _, _ := strings.Cut(show, "\n"); first != tt.want {
				t.Errorf("after the undo, show begins %q, want %q:\n%s", first, tt.want, show)
			}
			if !strings.Contains(show, "2026-03") || !strings.Contains(show, "86") {
				t.Errorf("March's figure is gone after the undo of February's:\n%s", show)
			}
		})
	}
}
