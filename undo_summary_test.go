package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestUndoSaysWhatStays: undo once reported the import's own counts as
// "removed" even where a later import had given the same figures, which
// stay (QA23a D7). It must say how many of the import's figures are gone,
// how many are back to the figure before it, and how many stay, and from
// which import.
func TestUndoSaysWhatStays(t *testing.T) {
	row := func(month, value int) string {
		return fmt.Sprintf("QZ1,Children in care,count,L,2025-%02d,Kent,All,,,%d", month, value)
	}
	for _, tc := range []struct {
		name    string
		files   [][]string // each file's rows, imported in order
		undo    string
		want    string
		wantNot string
	}{
		{
			name:    "a later file restated two of three",
			files:   [][]string{{row(1, 100), row(2, 101), row(3, 102)}, {row(2, 101), row(3, 102), row(4, 103)}},
			undo:    "I0001",
			want:    "undid I0001 (a.csv): of its 3 observations removed 1, 2 stay, as later imports (I0002) gave them too;",
			wantNot: "back to",
		},
		{
			name:    "a later file revised one, the rest new",
			files:   [][]string{{row(1, 100), row(2, 101), row(3, 102)}, {row(3, 110), row(4, 103), row(5, 104)}},
			undo:    "I0002",
			want:    "undid I0002 (b.csv): of its 3 observations removed 2, 1 back to the figure before it;",
			wantNot: "stay,",
		},
		{
			name:    "a later file revised what the undone one gave",
			files:   [][]string{{row(1, 100), row(2, 101)}, {row(2, 120)}},
			undo:    "I0001",
			want:    "undid I0001 (a.csv): of its 2 observations removed 1, 1 already replaced by a later import's figure (I0002);",
			wantNot: "stay,",
		},
		{
			// QA24b D4: m02, a correction c12 and m04 giving m02's
			// figure again; c12's figure was not said to stay, credited
			// to the earlier m02.
			name:    "a correction a later file replaced with the earlier figure",
			files:   [][]string{{row(11, 1910), row(12, 1925)}, {row(12, 1927)}, {row(12, 1925), row(1, 1930)}},
			undo:    "I0002",
			want:    "undid I0002 (b.csv): of its 1 observations removed 0, 1 already replaced by a later import's figure (I0003);",
			wantNot: "stay,",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "x.db")
			for i, rows := range tc.files {
				mustRun(t, db, "import", writeTidy(t, dir, string(rune('a'+i))+".csv", rows))
			}
			out := mustRun(t, db, "undo", tc.undo)
			if !strings.Contains(out, tc.want) || strings.Contains(out, tc.wantNot) {
				t.Errorf("undo said:\n%s\nwant %q and not %q", out, tc.want, tc.wantNot)
			}
		})
	}
}

// TestUndoCountsAddUp: an import that restated figures held counts only
// those it added or revised, but its undo takes back every figure it
// gave: the undo's counts are said of those, so that they add up ("of
// its 4 observations removed 6, 10 back" did not).
func TestUndoCountsAddUp(t *testing.T) {
	for _, tt := range []struct {
		e    undoEffect
		n    int
		want string
	}{
		{undoEffect{removed: 6, back: 10}, 4, "the 16 figures it gave (4 observations, as its import counted them, and 12 restating figures then held)"},
		{undoEffect{removed: 3, back: 1}, 4, "its 4 observations"},
		{undoEffect{stay: 12, replaced: 4}, 16, "its 16 observations"},
	} {
		if got := tt.e.of(tt.n); got != tt.want {
			t.Errorf("%+v of %d: %q, want %q", tt.e, tt.n, got, tt.want)
		}
	}
}
