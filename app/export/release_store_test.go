package export

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"scorecard/app"
)

// releasingPieces is pieces whose store WriteFrom may let go (Releaser):
// any read after Release fails, as a closed store's would.
type releasingPieces struct {
	pieces
	released int
}

var errReleased = errors.New("read after Release")

func (p *releasingPieces) Release() { p.released++ }

func (p *releasingPieces) Load() (*app.History, error) {
	if p.released > 0 {
		return nil, errReleased
	}
	return p.pieces.Load()
}

func (p *releasingPieces) LoadIndicator(ref string) (*app.History, error) {
	if p.released > 0 {
		return nil, errReleased
	}
	return p.pieces.LoadIndicator(ref)
}

func (p *releasingPieces) Periods(ref string) (map[app.SeriesKey][]app.Period, error) {
	if p.released > 0 {
		return nil, errReleased
	}
	return p.pieces.Periods(ref)
}

func (p *releasingPieces) LoadBreakdowns() ([]app.Breakdown, error) {
	if p.released > 0 {
		return nil, errReleased
	}
	return p.pieces.LoadBreakdowns()
}

// TestWriteFromReleasesOnceRead checks that WriteFrom lets a Releaser's
// store go once, after its last read and before the workbook is written
// (a read after it fails), and that the workbook is still the one Write
// writes from the whole history.
func TestWriteFromReleasesOnceRead(t *testing.T) {
	demo, _ := demoHistory(t)
	empty := app.NewHistory()
	empty.AddIndicators(demo.Indicators())
	for _, tc := range []struct {
		name string
		h    *app.History
	}{
		{"figures, read an indicator at a time", demo},
		{"no figures, read whole", empty}, // Write refuses it, and so must WriteFrom
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			opt := Options{Produced: produced, AppVersion: "1.0-test", Suppress: 5}
			whole, streamed := filepath.Join(dir, "whole.xlsx"), filepath.Join(dir, "streamed.xlsx")
			_, werr := Write(context.Background(), whole, tc.h, opt)
			src := &releasingPieces{pieces: pieces{h: tc.h}}
			_, gerr := WriteFrom(context.Background(), streamed, src, opt)
			if (werr == nil) != (gerr == nil) || errors.Is(gerr, errReleased) {
				t.Fatalf("Write: %v; WriteFrom: %v", werr, gerr)
			}
			if werr != nil {
				// The caller closes the store after a failure.
				if src.released > 1 {
					t.Errorf("released %d times, want at most once", src.released)
				}
				return
			}
			if src.released != 1 {
				t.Errorf("released %d times, want once", src.released)
			}
			if diffs := differences(t, whole, streamed); len(diffs) > 0 {
				t.Errorf("WriteFrom's workbook differs from Write's in %q", diffs)
			}
		})
	}
}
