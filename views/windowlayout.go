package views

import (
	"fmt"
	"os"
	"slices"

	"fyne.io/fyne/v2"

	"scorecard/app"
)

// SizeVariable, when set to a size such as 1024x700, opens the window at
// that size whatever size it was left at: `make screenshots` shows the
// window as a small laptop and a large monitor see it.
const SizeVariable = "SCORECARD_WINDOW_SIZE"

// sizeFromEnv reads SizeVariable.
func sizeFromEnv() (fyne.Size, bool) {
	var width, height float32
	v := os.Getenv(SizeVariable)
	if v == "" {
		return fyne.Size{}, false
	}
	if n, err := fmt.Sscanf(v, "%fx%f", &width, &height); err != nil || n != 2 || width < 320 || height < 240 {
		fyne.LogError(SizeVariable+" "+v+" is not a size such as 1024x700", err)
		return fyne.Size{}, false
	}
	return fyne.NewSize(width, height), true
}

// closeIntercept remembers the window size, then closes.
func (w *mainWindow) closeIntercept() {
	w.drafts.flush()
	if err := w.st.SetSetting(settingWindowSize, w.win.Canvas().Size()); err != nil {
		fyne.LogError("remembering the window size", err)
	}
	l := windowLayout{Tab: w.tabs.SelectedIndex(), Area: w.v.area, Ref: w.detail.ref,
		ChartSplit: w.detail.chartSplit.Offset, SideSplit: w.detail.sideSplit.Offset, Order: w.score.order}
	if err := w.st.SetSetting(settingLayout, l); err != nil {
		fyne.LogError("remembering the layout", err)
	}
	w.win.Close()
}

// windowLayout is how the officer left the window, restored next time.
type windowLayout struct {
	Tab        int      `json:"tab"`
	Area       app.Area `json:"area"`
	Ref        string   `json:"ref"`
	ChartSplit float64  `json:"chart_split"`
	SideSplit  float64  `json:"side_split"`
	Order      string   `json:"order"`
}

// restoreLayout puts the window back as it was left.
func (w *mainWindow) restoreLayout() {
	var l windowLayout
	if !w.st.Setting(settingLayout, &l) {
		return
	}
	if slices.Contains(w.auth.Areas(), l.Area) {
		w.area.SetSelected(string(l.Area))
	}
	if slices.Contains(sortOrders, l.Order) {
		w.order.SetSelected(l.Order)
	}
	if l.ChartSplit > 0.1 && l.ChartSplit < 0.9 {
		w.detail.chartSplit.SetOffset(l.ChartSplit)
	}
	if l.SideSplit > 0.1 && l.SideSplit < 0.95 {
		w.detail.sideSplit.SetOffset(l.SideSplit)
	}
	if l.Ref != "" {
		w.detail.show(l.Ref)
		w.restoreDraft()
	}
	if l.Tab >= 0 && l.Tab < len(w.tabs.Items) {
		w.tabs.SelectIndex(l.Tab)
	}
}

// open shows the screen Options asked for.
func (w *mainWindow) open() {
	if w.opt.Screen == "" {
		w.restoreLayout()
	}
	w.applyExclusions()
	switch w.opt.Screen {
	case ScreenDetail:
		ref := w.opt.Ref
		for _, r := range w.score.rows {
			if ref != "" {
				break
			}
			if r.rag != app.NoRAG {
				ref = r.ind.Ref
			}
		}
		w.openDetail(ref)
	case ScreenDistricts:
		w.tabs.SelectIndex(2)
	case ScreenHistory:
		w.tabs.SelectIndex(3)
	case ScreenImport:
		// With files to import the layout check shows; without, File >
		// Import's chooser over the import history.
		w.tabs.SelectIndex(3)
		if len(w.opt.Import) == 0 {
			w.chooseImport()
		}
	case ScreenExport:
		w.showExport()
	case ScreenRAGRule:
		w.chooseRAGRule()
	}
	if len(w.opt.Import) > 0 {
		w.importFiles(w.opt.Import)
	}
	w.watchTeam()
	// The first ordinary launch asks whose figures the store holds.
	if w.opt.Screen == ScreenAuthority || w.opt.Screen == "" && len(w.opt.Import) == 0 && w.authorityUnasked() {
		w.chooseAuthority()
	}
	// The keyboard starts on the scorecard, so Down then Ctrl+C copies
	// the first indicator.
	if w.tabs.SelectedIndex() == 0 && w.win.Canvas().Overlays().Top() == nil {
		w.win.Canvas().Focus(w.score.table)
	}
}
