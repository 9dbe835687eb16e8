package views

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, b, _ := c.RGBA()
		lin := func(v uint32) float64 {
			x := float64(v) / 0xffff
			if x <= 0.03928 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func TestReadableThemeContrast(t *testing.T) {
	th := readableTheme{theme.DefaultTheme()}
	for _, n := range []fyne.ThemeColorName{theme.ColorNameSuccess, theme.ColorNameWarning, theme.ColorNameError, theme.ColorNameForeground} {
		bg := th.Color(theme.ColorNameBackground, theme.VariantLight)
		if c := contrast(th.Color(n, theme.VariantLight), bg); c < 4.5 {
			t.Errorf("light %s text on the background: contrast %.2f, want 4.5 or more", n, c)
		}
		if got, want := th.Color(n, theme.VariantDark), theme.DefaultTheme().Color(n, theme.VariantDark); got != want {
			t.Errorf("dark %s is %v, want Fyne's %v", n, got, want)
		}
	}
}

// variantTheme shows th in one variant, whatever the settings say (the
// test driver's are neither light nor dark).
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// TestFocusIsVisible draws a button, and the scorecard's table, with and
// without the keyboard on them, and measures the difference where the
// focus shows: a button's padding, and the cell under the cursor. With
// Fyne's focus tint a focused button stood 1.25:1 from an unfocused one,
// and the table's cursor cell 1.14:1 from the rest.
func TestFocusIsVisible(t *testing.T) {
	for _, tc := range []struct {
		variant           fyne.ThemeVariant
		button, cell, txt float64 // least contrasts: focused to not, text on the focus
	}{
		{theme.VariantLight, 3, 1.5, 4.5},
		{theme.VariantDark, 2.8, 1.5, 4.5},
	} {
		name := map[fyne.ThemeVariant]string{theme.VariantLight: "light", theme.VariantDark: "dark"}[tc.variant]
		t.Run(name, func(t *testing.T) {
			a := test.NewTempApp(t)
			th := variantTheme{readableTheme{theme.DefaultTheme()}, tc.variant}
			a.Settings().SetTheme(th)

			b := widget.NewButton("Export", nil)
			win := test.NewWindow(container.NewCenter(b))
			defer win.Close()
			win.Resize(fyne.NewSize(300, 200))
			at := func() color.Color {
				img := win.Canvas().Capture()
				p := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
				scale := float32(img.Bounds().Dx()) / win.Canvas().Size().Width
				return img.At(int((p.X+4)*scale), int((p.Y+b.Size().Height/2)*scale))
			}
			before := at()
			win.Canvas().Focus(b)
			after := at()
			if c := contrast(before, after); c < tc.button {
				t.Errorf("a focused button is %v against %v unfocused: contrast %.2f, want %.1f or more", after, before, c, tc.button)
			}
			if c := contrast(after, th.Color(theme.ColorNameForeground, tc.variant)); c < tc.txt {
				t.Errorf("a focused button (%v) has text contrast %.2f, want %.1f or more", after, c, tc.txt)
			}

			// The scorecard's table, keyboard on the first indicator.
			w, err := newMainWindow(a, newMemBackend(scorecardFixture(24)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer w.win.Close()
			w.win.Resize(fyne.NewSize(1200, 700))
			w.open()
			c := w.win.Canvas()
			c.Unfocus()
			cell := func() color.Color {
				img := c.Capture()
				scale := float32(img.Bounds().Dx()) / c.Size().Width
				// The Ref cell's right-hand padding on the first
				// indicator's row, under the headings and its section's
				// line.
				pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(w.score.table)
				x := pos.X + w.score.widths[colRef] - 3
				y := pos.Y + w.score.table.headerHeight() + linesHeight(1) + theme.Padding() + 6
				return img.At(int(x*scale), int(y*scale))
			}
			before = cell()
			c.Focus(w.score.table)
			typeKey(w, fyne.KeyDown)
			after = cell()
			if k := contrast(before, after); k < tc.cell {
				t.Errorf("the cursor's cell is %v against %v without focus: contrast %.2f, want %.1f or more", after, before, k, tc.cell)
			}
			if k := contrast(after, th.Color(theme.ColorNameForeground, tc.variant)); k < tc.txt {
				t.Errorf("text on the cursor's cell has contrast %.2f, want %.1f or more", k, tc.txt)
			}
		})
	}
}
