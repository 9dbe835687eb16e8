package views

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
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
