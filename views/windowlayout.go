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
