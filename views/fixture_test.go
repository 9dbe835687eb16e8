package views

import (
	"context"
	"fmt"
	"image/color"
	"maps"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/importer"
)

// scorecardFixture is two years of a small scorecard, April 2023 to March
// 2025, with figures chosen so that excluding UASC changes a rating:
//
//   - CIC05 (L, %, proportion): all children (200+m)/(1800+4m), UASC only
//     (60+m%3)/380, so March 2025 is 223/1892 = 11.8% (amber against
//     target 11, floor 12) and 161/1512 = 10.6% excluding UASC (green);
//   - SCS02 (activity count): 1500+10m referrals, 30 of them UASC;
//   - EH01 (H, %, no components): 80 + m%5, which cannot be recomputed
//     without UASC.
//
// Districts carry CIC05 figures of (15+i)/150.
func scorecardFixture(months int) *app.Dataset {
	d := &app.Dataset{
		Indicators: []app.Indicator{
			{Ref: "CIC05", Name: "Children in care with 3 or more placements in the last 12 months", Section: "Children in Care",
				Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, DataPeriod: app.Rolling12, Measure: app.Proportion,
				Guidance: "Children in care at month end with three or more placements in the previous 12 months, over all children in care."},
			{Ref: "SCS02", Name: "Referrals to children's social care", Section: "Social Care",
				Polarity: app.PolarityNone, Unit: app.Number, Decimals: 0, DataPeriod: app.Rolling12, Measure: app.Count},
			{Ref: "EH01", Name: "Early help cases closed with outcomes achieved", Section: "Early Help",
				Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1, DataPeriod: app.YearToDate},
		},
	}
	first := app.MonthOf(2025, time.March).Add(1 - months)
	for m := range months {
		p := first.Add(m)
		mf := float64(m + 24 - months) // March 2025 is m=23 whatever the length
		num, den := 200+mf, 1800+4*mf
		uNum, uDen := 60+float64((m+24-months)%3), 380.0
		d.Observations = append(d.Observations,
			app.Observation{Ref: "CIC05", Area: app.Kent, Period: p, Value: app.Float(num / den * 100), Numerator: app.Float(num), Denominator: app.Float(den)},
			app.Observation{Ref: "CIC05", Area: app.Kent, Split: app.Only(app.UASC), Period: p, Value: app.Float(uNum / uDen * 100), Numerator: app.Float(uNum), Denominator: app.Float(uDen), Rule: "UASC on the snapshot date"},
			app.Observation{Ref: "SCS02", Area: app.Kent, Period: p, Value: app.Float(1500 + 10*mf), Numerator: app.Float(1500 + 10*mf)},
			app.Observation{Ref: "SCS02", Area: app.Kent, Split: app.Only(app.UASC), Period: p, Value: app.Float(30), Numerator: app.Float(30), Rule: "UASC at any point in the period"},
			app.Observation{Ref: "EH01", Area: app.Kent, Period: p, Value: app.Float(80 + float64((m+24-months)%5))},
		)
		for i, a := range app.Districts {
			n := float64(15 + i)
			d.Observations = append(d.Observations, app.Observation{Ref: "CIC05", Area: a, Period: p,
				Value: app.Float(n / 150 * 100), Numerator: app.Float(n), Denominator: app.Float(150)})
		}
	}
	for y := first.FinancialYearOf().Year; y <= 2024; y++ {
		fy := app.Period{Kind: app.FinancialYear, Year: y}
		d.Targets = append(d.Targets,
			app.Target{Ref: "CIC05", Year: fy, Target: app.Float(11), Floor: app.Float(12)},
			app.Target{Ref: "EH01", Year: fy, Target: app.Float(85), Floor: app.Float(80)},
		)
	}
	d.Benchmarks = append(d.Benchmarks, app.Benchmark{Ref: "CIC05", Period: app.Period{Kind: app.FinancialYear, Year: 2023}, Group: "England", Value: app.Float(10.4)})
	return d
}

// memBackend keeps imports in memory the way the store does: each dataset
// applied in order, undo removing one. It stands in for the store where a
// test is about the window rather than the file.
type memBackend struct {
	imports  []app.Import
	datasets map[string]*app.Dataset
	settings map[string]any
	slow     chan struct{} // when set, ReadFile waits on it
}

func newMemBackend(ds ...*app.Dataset) *memBackend {
	b := &memBackend{datasets: map[string]*app.Dataset{}, settings: map[string]any{}}
	for _, d := range ds {
		b.add("fixture", "workbook", "", d, nil)
	}
	return b
}

func (b *memBackend) add(source, kind, note string, d *app.Dataset, ws []app.Warning) app.Import {
	imp := app.Import{ID: fmt.Sprintf("I%04d", len(b.imports)+1), Source: source, Kind: kind, Note: note,
		Time: time.Date(2025, 4, 20, 9, len(b.imports), 0, 0, time.UTC), Warnings: ws,
		Counts: app.Counts{Indicators: len(d.Indicators), Observations: len(d.Observations), Targets: len(d.Targets), Comments: len(d.Comments), Warnings: len(ws)}}
	b.imports = append(b.imports, imp)
	b.datasets[imp.ID] = d
	return imp
}

func (b *memBackend) Load() (*app.History, error) {
	h := app.NewHistory()
	for _, imp := range b.imports {
		if imp.Undone == nil {
			h.Apply(b.datasets[imp.ID], imp.ID)
		}
	}
	h.Imports = slices.Clone(b.imports)
	return h, nil
}

func (b *memBackend) Imports() ([]app.Import, error) { return slices.Clone(b.imports), nil }

func (b *memBackend) Undo(id string) (app.Import, error) {
	for i := range b.imports {
		if b.imports[i].ID == id {
			now := time.Now()
			b.imports[i].Undone = &now
			return b.imports[i], nil
		}
	}
	return app.Import{}, fmt.Errorf("no import %s", id)
}

func (b *memBackend) ReadFile(ctx context.Context, path string, layouts map[string]importer.Layout, progress func(done, total int)) (*importer.Result, error) {
	if b.slow != nil {
		// A slow file: the read waits to be released or cancelled.
		select {
		case <-b.slow:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return importer.Read(ctx, path, importer.Options{Layouts: layouts, Progress: progress})
}

func (b *memBackend) StoreRead(path string, res *importer.Result, _ string) (app.Import, error) {
	imp := b.add(filepath.Base(path), "workbook", res.Format, res.Dataset, res.Warnings)
	imp.SHA256 = res.SHA256
	b.imports[len(b.imports)-1] = imp
	return imp, nil
}

func (b *memBackend) Edit(note string, d *app.Dataset, basis string) (app.Import, error) {
	if basis != "" && store.Reviewed(d) && basis != store.Basis(b.imports) {
		return app.Import{}, fmt.Errorf("edit: %w", store.ErrStale)
	}
	return b.add("edit", "edit", note, d, nil), nil
}

func (b *memBackend) Setting(key string, v any) bool {
	s, ok := b.settings[key]
	if !ok {
		return false
	}
	switch v := v.(type) {
	case *[]string:
		*v = s.([]string)
	case *fyne.Size:
		*v = s.(fyne.Size)
	case *map[string]string:
		*v = maps.Clone(s.(map[string]string))
	}
	return true
}

func (b *memBackend) SetSetting(key string, v any) error {
	b.settings[key] = v
	return nil
}

// rowOf returns the scorecard line showing ref, or -1.
func rowOf(s *scorecardTable, ref string) int {
	for i, l := range s.lines {
		if l.row != nil && l.row.ind.Ref == ref {
			return i
		}
	}
	return -1
}

// walkVisible calls visit on o, when it is visible, and while visit
// returns true on the objects it holds in turn: a container's objects, a
// widget's as its renderer draws them.
func walkVisible(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	if o == nil || !o.Visible() || !visit(o) {
		return
	}
	switch o := o.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			walkVisible(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			walkVisible(c, visit)
		}
	}
}

// labelTexts collects the text of every visible label and canvas text under
// o, as drawn.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	walkVisible(o, func(o fyne.CanvasObject) bool {
		switch o := o.(type) {
		case *widget.Label:
			out = append(out, o.Text)
			return false
		case *canvas.Text:
			out = append(out, o.Text)
			return false
		}
		return true
	})
	return out
}

// fillOf and letterOf read a scorecard cell as drawn.
func fillOf(c *fyne.Container) color.Color {
	return c.Objects[cellBackground].(*canvas.Rectangle).FillColor
}

func letterOf(c *fyne.Container) string {
	return c.Objects[cellLetter].(*fyne.Container).Objects[0].(*canvas.Text).Text
}

// findButton returns the visible button labelled text under o.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	walkVisible(o, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && found == nil && b.Text == text {
			found = b
		}
		_, button := o.(*widget.Button)
		return found == nil && !button
	})
	return found
}

// confirmLayouts makes w answer every layout review by pressing the
// dialog's own button labelled answer ("Accept" or "Cancel"), as an
// officer would, and reports how many reviews showed.
func confirmLayouts(t *testing.T, w *mainWindow, answer string) *int {
	t.Helper()
	n := new(int)
	w.reviewShown = func(r *layoutReview) {
		*n++
		b := findButton(w.win.Canvas().Overlays().Top(), answer)
		if b == nil {
			t.Errorf("the layout review has no %q button", answer)
			// Cancel, so that the import ends and the test fails
			// instead of waiting for a tap that never comes.
			r.done(false)
			return
		}
		test.Tap(b)
	}
	return n
}
