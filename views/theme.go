package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// ragOrange is the light theme's warning text: GOV.UK's orange darkened
// until it reads on white.
var ragOrange = color.NRGBA{0xb3, 0x4a, 0x00, 0xff}

// Focus colours. Fyne's own focus tint (blue at 16%) leaves a focused
// button 1.25:1 against an unfocused one, which officers moving by Tab
// could not see. These are blended over the button: in the light variant
// the focused button stands 3:1 from the rest, as WCAG 2.2 asks of a
// focus indicator, with its text still 4.5:1, which needs text darker
// than Fyne's grey (textLight); in the dark variant no tint reaches both,
// and the text's 4.5:1 is kept (the focused button stands 2.9:1 from
// the rest).
var (
	// textLight is the light variant's text: GOV.UK's near-black.
	textLight  = color.NRGBA{0x0b, 0x0c, 0x0c, 0xff}
	focusLight = color.NRGBA{0x00, 0x4c, 0xbf, 0xa0}
	focusDark  = color.NRGBA{0x4d, 0x9a, 0xff, 0xa0}
	// The cell the keyboard is on in a table is tinted behind its text,
	// lighter than a button's focus, so that red and green figures on it
	// still read.
	cursorLight = color.NRGBA{0x00, 0x6c, 0xff, 0x55}
	cursorDark  = color.NRGBA{0x3d, 0x8b, 0xff, 0x66}
)

// readableTheme is Fyne's theme with the success, warning and error
// colours darkened in the light variant, where Fyne's lime green and
// orange on white (1.5:1 and 2.2:1) fall short of the 4.5:1 contrast
// that public sector accessibility regulations ask of text. They colour
// the scorecard's "improved" and "worsened" and its flag badges. The
// dark variant is Fyne's own, but for focus, which is visible in both.
type readableTheme struct{ fyne.Theme }

func (t readableTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameFocus {
		if v == theme.VariantLight {
			return focusLight
		}
		return focusDark
	}
	if v == theme.VariantLight {
		switch n {
		case theme.ColorNameSuccess:
			return ragGreen
		case theme.ColorNameWarning:
			return ragOrange
		case theme.ColorNameError:
			return ragRed
		case theme.ColorNameForeground:
			return textLight
		}
	}
	return t.Theme.Color(n, v)
}

// cursorTheme is the theme inside a table: the app's, with the hover
// tint, which Fyne's table also draws under the cell the keyboard is on
// once the table has focus, made visible (Fyne's is 6% black).
type cursorTheme struct{}

func (cursorTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameHover {
		if v == theme.VariantLight {
			return cursorLight
		}
		return cursorDark
	}
	return appTheme().Color(n, v)
}

func (cursorTheme) Font(s fyne.TextStyle) fyne.Resource { return appTheme().Font(s) }

func (cursorTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return appTheme().Icon(n) }

func (cursorTheme) Size(n fyne.ThemeSizeName) float32 { return appTheme().Size(n) }

// appTheme is the app's theme. theme.Current would give the theme being
// drawn with, which inside a table is cursorTheme itself.
func appTheme() fyne.Theme {
	if a := fyne.CurrentApp(); a != nil && a.Settings().Theme() != nil {
		return a.Settings().Theme()
	}
	return theme.DefaultTheme()
}
