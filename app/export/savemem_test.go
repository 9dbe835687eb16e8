package export

import (
	"context"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"weak"

	"scorecard/app"
)

// TestWriteFromHoldsLittleWhileSaving exports real-shaped histories read
// an indicator at a time (WriteFrom's path) and checks what the book
// holds at steps near the large export's peak memory: once the Guidance
// sheet is laid out, the figures kept to lay the sheets out are
// collectable, not held beside the last sheets' cells; once the sheets
// are laid out, those laid out cell by cell (Scorecard, Trend, Districts)
// hold their cells in the book's buffers, not yet given to the library's
// stream writer, whose XML it would hold beside the figures still kept;
// and at the save's last step (the Data sheet's last series written into
// the zip), the figures kept to lay the sheets out are collectable, not
// held beside the parts the library is saving.
func TestWriteFromHoldsLittleWhileSaving(t *testing.T) {
	demo, m := demoHistory(t)
	for _, tc := range []struct {
		name string
		h    *app.History
		opt  Options
	}{
		{"demo", demo, Options{Suppress: 5}},
		{"demo, a district, 6 months", demo, Options{Area: "Maidstone", Months: 6, Period: m.Latest().Add(-3)}},
		{"large", largeHistory(t), Options{Suppress: 5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			opt := tc.opt
			opt.Produced, opt.AppVersion = produced, "1.0-test"
			path := filepath.Join(t.TempDir(), "out.xlsx")
			b, err := streamBook(ctx, &pieces{h: tc.h}, opt)
			if err != nil {
				t.Fatal(err)
			}
			defer b.f.Close()
			defer b.spool.close()
			kept := weak.Make(b.h)
			k := b.h.Keys()[0]
			figure := weak.Make(&b.h.Series(k)[0])
			laidOut, saved, letGo := false, false, false
			b.opt.Progress = func(done, total int) {
				if !letGo && slices.Contains(b.sum.Sheets, GuidanceSheet) {
					// The Provenance, Definitions and Targets sheets are
					// being laid out.
					letGo = true
					runtime.GC()
					if figure.Value() != nil {
						t.Errorf("the figures kept to lay the sheets out (%s's, for one) are still held once the Guidance sheet is laid out", k)
					}
				}
				switch done {
				case total - b.dataSeries():
					// The sheets are laid out; the Data sheet's series are
					// stepped through as the workbook is saved.
					laidOut = true
					if b.out != nil {
						t.Errorf("the sheets were laid out while saving: the test proves nothing")
					}
					for _, s := range []string{ScorecardSheet, TrendSheet, DistrictsSheet} {
						if buf := b.buffers[s]; buf == nil || len(buf.rows) == 0 {
							t.Errorf("the %s sheet's cells are not held in the book's buffer", s)
						}
						if b.streamed[s] {
							t.Errorf("the %s sheet was streamed, its XML held, while the figures it was laid out from are kept", s)
						}
					}
				case total:
					saved = true
					if b.out == nil {
						t.Errorf("the last step was not taken while saving: the test proves nothing")
					}
					runtime.GC()
					if kept.Value() != nil {
						t.Errorf("the figures kept to lay the sheets out are still held while saving")
					}
				}
			}
			sum, err := b.write(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			if !laidOut || !saved || !letGo {
				t.Fatalf("laid out %v, saved %v, after the Guidance sheet %v: steps missed (%d data rows), the test proves nothing", laidOut, saved, letGo, sum.DataRows)
			}
			if sum.DataRows == 0 || sum.Indicators == 0 {
				t.Errorf("%d indicators, %d data rows written", sum.Indicators, sum.DataRows)
			}
		})
	}
}
