package export

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/importer"
)

// TestOriginalKeepsFiguresAsRead: written into the layout of the
// original, a figure the store holds as the import read it is left as
// the original has it: "55.2%" and "1,234" typed as text stay text, 0.101
// under a 0.0% format stays 0.101, and the total row's formulas keep
// their saved results, with no word of restated figures (QA19 D8, a
// LibreOffice-saved Leeds scorecard). A figure revised since is written,
// and the totals over it are worked out again.
func TestOriginalKeepsFiguresAsRead(t *testing.T) {
	dir := t.TempDir()
	orig := filepath.Join(dir, "leeds.xlsx")
	b, err := os.ReadFile(filepath.Join("testdata", "leeds_lo.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(orig, b, 0o644); err != nil {
		t.Fatal(err)
	}
	of, err := excelize.OpenFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	defer of.Close()
	const sheet = "Scorecard"
	raw := func(f *excelize.File, ref string) string {
		v, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
		return v
	}
	tests := []struct {
		name    string
		correct [][]any  // a correction file's rows, revising figures
		changed []string // cells the export must rewrite
		totals  []string // total cells whose saved result must go
	}{
		{name: "unchanged"},
		{name: "a count revised", correct: [][]any{{"LD01", "2024-10", "", 1330}},
			changed: []string{"F6"}, totals: []string{"F12"}},
	}
	leeds, ok := app.LookupAuthority("Leeds")
	if !ok {
		t.Fatal("no authority Leeds")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paths := []string{orig}
			if tt.correct != nil {
				for i := range tt.correct {
					tt.correct[i][2] = string(leeds.Area())
				}
				fix := filepath.Join(t.TempDir(), "fix.xlsx")
				correctionWorkbook(t, fix, tt.correct)
				paths = append(paths, fix)
			}
			h := storeFor(t, leeds, paths...)
			out := filepath.Join(t.TempDir(), "out.xlsx")
			sum, err := Write(context.Background(), out, h, Options{Original: orig, Reread: importer.Reread, Authority: leeds, Area: leeds.Area(), Produced: produced, AppVersion: "1.0-test"})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range sum.Warnings {
				if strings.Contains(w.Message, "restated") && !containsCell(tt.totals, w.Cell) {
					t.Errorf("warned %s: %s", w.Cell, w.Message)
				}
			}
			f, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			for r := 6; r <= 12; r++ {
				for c := 6; c <= 11; c++ {
					ref := cell(c, r)
					was, now := raw(of, ref), raw(f, ref)
					wasType, _ := of.GetCellType(sheet, ref)
					nowType, _ := f.GetCellType(sheet, ref)
					switch {
					case containsCell(tt.changed, ref):
						if now == was {
							t.Errorf("%s still %q: the revised figure is not written", ref, now)
						}
					case containsCell(tt.totals, ref):
						if now != "" {
							t.Errorf("total %s keeps its saved result %q over a revised figure", ref, now)
						}
					case now != was || nowType != wasType:
						t.Errorf("%s = %q (type %v), want %q (type %v) as the original has it", ref, now, nowType, was, wasType)
					}
				}
			}
		})
	}
}

// storeFor is storeOf for a store of authority auth.
func storeFor(t *testing.T, auth *app.Authority, paths ...string) *app.History {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, path := range paths {
		res, err := importer.Read(context.Background(), path, importer.Options{Authority: auth})
		if err != nil {
			t.Fatalf("import %s: %v", path, err)
		}
		if _, err := st.Import(store.Source{Name: filepath.Base(path), Kind: "workbook", SHA256: res.SHA256, Note: res.Format}, res.Dataset); err != nil {
			t.Fatalf("import %s: %v", path, err)
		}
	}
	h, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// containsCell reports whether refs holds ref.
func containsCell(refs []string, ref string) bool {
	for _, r := range refs {
		if r == ref {
			return true
		}
	}
	return false
}
