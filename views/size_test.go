package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestWindowSizeFromEnvironment checks SCORECARD_WINDOW_SIZE opens the
// window at that size over the one remembered, and that a size it cannot
// read leaves the remembered one.
func TestWindowSizeFromEnvironment(t *testing.T) {
	for _, tc := range []struct {
		env  string
		want fyne.Size
	}{
		{"1024x700", fyne.NewSize(1024, 700)},
		{"1920x1080", fyne.NewSize(1920, 1080)},
		{"big", fyne.NewSize(1100, 720)},
		{"", fyne.NewSize(1100, 720)},
	} {
		t.Run(tc.env, func(t *testing.T) {
			t.Setenv(SizeVariable, tc.env)
			b := newMemBackend(scorecardFixture(24))
			b.settings[settingWindowSize] = fyne.NewSize(1100, 720)
			w, err := newMainWindow(test.NewTempApp(t), b, Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(w.win.Close)
			if got := w.win.Canvas().Size(); got != tc.want {
				t.Errorf("the window is %v, want %v", got, tc.want)
			}
		})
	}
}
