package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// ragOrange is the light theme's warning text: GOV.UK's orange darkened
// until it reads on white.
var ragOrange = color.NRGBA{0xb3, 0x4a, 0x00, 0xff}

// readableTheme is Fyne's theme with the success, warning and error
// colours darkened in the light variant, where Fyne's lime green and
// orange on white (1.5:1 and 2.2:1) fall short of the 4.5:1 contrast
// that public sector accessibility regulations ask of text. They colour
// the scorecard's "improved" and "worsened" and its flag badges. The
// dark variant is Fyne's own.
type readableTheme struct{ fyne.Theme }

func (t readableTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if v == theme.VariantLight {
		switch n {
		case theme.ColorNameSuccess:
			return ragGreen
		case theme.ColorNameWarning:
			return ragOrange
		case theme.ColorNameError:
			return ragRed
		}
	}
	return t.Theme.Color(n, v)
}
