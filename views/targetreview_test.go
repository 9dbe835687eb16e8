package views

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The window's import review and the import it stores say, as the
// command line's does, which year's target a file restates and the
// reported figures it re-rates (QA11 D4), and what an older file takes
// back from a later one.
func TestWindowSaysRestatedTargetAndTakenBack(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	const head = "Ref,Indicator,Polarity,Unit,Period,Area,Value\n"
	for _, tc := range []struct {
		name, first, second string
		want                []string
	}{{
		name: "a restated target",
		first: head + "SCS08,Re-referrals within 12 months,L,%,2025-10,Kent,23.1\n" +
			"SCS08,Re-referrals within 12 months,L,%,2026-01,Kent,21.9\n",
		second: "Ref,Year,Target,Floor\nSCS08,2025/26,21,23\n",
		want: []string{"SCS08 2025/26: the year's target here (target 21, floor 23) replaces the stored one (target 22, floor 25); " +
			"it changes the rating of 3 reported figures: Sep-25 AMBER to RED, Oct-25 AMBER to RED, Jan-26 GREEN to AMBER"},
	}, {
		// QA15 R5: Oct-25, revised by the same file from 23.1 to 22.5,
		// stays AMBER; rated as held, it was said to turn RED.
		name: "a restated target beside a revised figure",
		first: head + "SCS08,Re-referrals within 12 months,L,%,2025-10,Kent,23.1\n" +
			"SCS08,Re-referrals within 12 months,L,%,2026-01,Kent,21.9\n",
		second: "Ref,Indicator,Polarity,Unit,Period,Area,Value,Target,Floor\n" +
			"SCS08,Re-referrals within 12 months,L,%,2025-10,Kent,22.5,21,23\n",
		want: []string{"SCS08 2025/26: the year's target here (target 21, floor 23) replaces the stored one (target 22, floor 25); " +
			"it changes the rating of 2 reported figures: Sep-25 AMBER to RED, Jan-26 GREEN to AMBER"},
	}, {
		name: "an older file",
		first: head + "SCS08,Re-referrals within 12 months,L,%,2026-02,Kent,22.4\n" +
			"SCS08,Re-referrals within 12 months,L,%,2026-03,Kent,21.5\n",
		second: head + "SCS08,Re-referrals within 12 months,L,%,2026-01,Kent,21.9\n" +
			"SCS08,Re-referrals within 12 months,L,%,2026-02,Kent,22.2\n",
		want: []string{"second.csv: line 3: SCS08: this file's figures run to Feb-26, but I0003 (first.csv), which gave figures to Mar-26, is later; it takes back 1 of that later file's figures: Kent Feb-26 22.4 to 22.2"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			st := openStore(t)
			b := storeBackend{st}
			for _, f := range []struct{ name, body string }{
				{"targets.csv", "Ref,Year,Target,Floor\nSCS08,2025/26,22,25\n"},
				{"defs.csv", head + "SCS08,Re-referrals within 12 months,L,%,2025-09,Kent,23.5\n"},
				{"first.csv", tc.first},
			} {
				res, err := b.ReadFile(context.Background(), write(f.name, f.body), nil, nil)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := b.StoreRead(f.name, res, ""); err != nil {
					t.Fatal(err)
				}
			}
			res, err := b.ReadFile(context.Background(), write("second.csv", tc.second), nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			h, err := st.Load()
			if err != nil {
				t.Fatal(err)
			}
			auth, err := st.Authority()
			if err != nil {
				t.Fatal(err)
			}
			p := newImportPreview(h, res)
			p.area = auth.Area()
			var said []string
			for _, w := range p.report(false, true) {
				said = append(said, w.String())
			}
			for _, want := range tc.want {
				if !strings.Contains(strings.Join(said, "\n"), want) {
					t.Errorf("review says:\n%s\nwant a line containing %q", strings.Join(said, "\n"), want)
				}
			}
		})
	}
}
