package views

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/store"
)

// The window's import, like the command line's, keeps a year's stored
// milestones and district targets that a file restating the year's
// target does not state, and warns of those it changes.
func TestStoreReadKeepsUnstatedTargets(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		levels     string // the year's levels after the import
		warning    string // "" for none
	}{
		{"the year restated alone", "Ref,Year,Target,Floor\nCIC05,2025/26,9,11\n",
			"Jul-Sep 2025 9.5; Sep-25 10.1; Swale 8", ""},
		{"a milestone stated differently", "Ref,Year,Target,Floor,Milestone Sep\nCIC05,2025/26,9,11,9.7\n",
			"Jul-Sep 2025 9.5; Sep-25 9.7; Swale 8", "the Sep-25 milestone here (target 9.7) replaces the stored one (target 10.1)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			st, err := store.Open(filepath.Join(dir, "s.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			b := storeBackend{st}
			read := func(name, text string) *app.Import {
				t.Helper()
				path := filepath.Join(dir, name)
				if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				res, err := b.ReadFile(context.Background(), path, nil, nil)
				if err != nil {
					t.Fatal(err)
				}
				imp, err := b.StoreRead(path, res, "")
				if err != nil {
					t.Fatal(err)
				}
				return &imp
			}
			read("figures.csv", "Ref,Indicator,Polarity,Unit,Period,Area,Value\n"+
				"CIC05,Children in care with 3+ placements,L,%,2025-09,Kent,9.8\n")
			read("targets.csv", "Ref,Year,District,Target,Floor,Q2 target,Milestone Sep\n"+
				"CIC05,2025/26,,9,11,9.5,10.1\n"+
				"CIC05,2025/26,Swale,8,8.2,,\n")
			imp := read("next.csv", tc.file)
			var ws []string
			for _, w := range imp.Warnings {
				ws = append(ws, w.String())
			}
			if tc.warning == "" && len(ws) > 0 || tc.warning != "" && (len(ws) != 1 || !strings.Contains(ws[0], tc.warning)) {
				t.Errorf("warnings %q, want %q", ws, tc.warning)
			}
			h, err := st.LoadIndicator("CIC05")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tg := range h.Targets("CIC05") {
				for _, l := range tg.Levels {
					name := string(l.Area)
					if !l.Period.IsZero() {
						name = l.Period.Label()
					}
					got = append(got, name+" "+fmt.Sprint(*l.Target))
				}
			}
			if strings.Join(got, "; ") != tc.levels {
				t.Errorf("levels %q, want %q", strings.Join(got, "; "), tc.levels)
			}
		})
	}
}
