package export

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/assets"
	"scorecard/importer"
)

// TestOriginalRereadWhenNeeded: an export into the original's layout
// reads the original again (Options.Reread) only when a later import
// revised a benchmark or target, whose cell there only the original
// says, and then once; a failed re-read fails the export saying why.
func TestOriginalRereadWhenNeeded(t *testing.T) {
	dir := t.TempDir()
	orig := filepath.Join(dir, "demo.xlsx")
	if err := os.WriteFile(orig, assets.Demo, 0o644); err != nil {
		t.Fatal(err)
	}
	const ref = "CIC05"
	demo := imported(t, orig, "I0001")
	ind, _ := demo.Indicator(ref)
	year := ind.TargetYear(demo.Latest())
	// A later targets table revising the demo's target for the year.
	later := filepath.Join(dir, "targets.xlsx")
	tf := excelize.NewFile()
	for i, r := range [][]any{{"Ref", "Year", "Target"}, {ref, year.String(), 97.5}} {
		if err := tf.SetSheetRow("Sheet1", cell(1, i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := tf.SaveAs(later); err != nil {
		t.Fatal(err)
	}
	tf.Close()
	// A producer's workbook whose figures the export writes back as
	// they were: nothing in it needs reading again.
	plain := filepath.Join(dir, "plain.xlsx")
	producerWorkbook(t, plain, []string{"Ref", "Indicator", "Polarity", "Apr-25", "May-25", "Jun-25", "Rank"}, [][]any{
		{"QZ03", "Number of children placed in secure welfare accommodation", "L", 10, 12, 3, 4},
	})
	failed := errors.New("the disk is gone")
	tests := []struct {
		name    string
		paths   []string // imported, in order; the first is the original
		exclude []app.Cohort
		fail    bool
		calls   int
		wantErr string
	}{
		{"nothing to find", []string{plain}, nil, true, 0, ""},
		// The revised target, and the demo's columns beside figures the
		// export changes, each want the re-read: it is read once.
		{"a target revised", []string{orig, later}, nil, false, 1, ""},
		{"a target revised, excluding UASC", []string{orig, later}, []app.Cohort{app.UASC}, false, 1, ""},
		{"the re-read fails", []string{orig, later}, nil, true, 1, "reading it again for the cells of figures a later import revised: " + failed.Error()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := storeOf(t, tt.paths...)
			orig := tt.paths[0]
			calls := 0
			reread := func(ctx context.Context, path string, inds []app.Indicator, auth *app.Authority) (*app.SourceCells, error) {
				calls++
				if path != orig {
					t.Errorf("re-read %s, want the original %s", path, orig)
				}
				if tt.fail {
					return nil, failed
				}
				return importer.Reread(ctx, path, inds, auth)
			}
			out := filepath.Join(t.TempDir(), "out.xlsx")
			_, err := Write(context.Background(), out, h, Options{Original: orig, Reread: reread, Exclude: tt.exclude, Produced: produced})
			if calls != tt.calls {
				t.Errorf("re-read %d times, want %d", calls, tt.calls)
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.Is(err, failed) {
					t.Fatalf("export: %v, want an error saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.calls == 0 {
				return
			}
			f, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			at := cell(3, targetsRow(t, f, ref, year))
			if got, _ := f.GetCellValue("Targets", at, excelize.Options{RawCellValue: true}); got != strconv.FormatFloat(97.5, 'f', -1, 64) {
				t.Errorf("Targets!%s, %s's %s target, = %q, want the later import's 97.5", at, ref, year, got)
			}
		})
	}
}
