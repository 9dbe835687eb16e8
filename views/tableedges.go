package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne 2.8's table draws its column dividers in a layer over the whole
// table, the frozen columns included, and after a sideways scroll places
// those of the scrolled columns by the frozen columns' widths: a wide
// frozen Indicator column then has a scrolled column's border drawn
// through it (QA23c D8). So a table with frozen columns draws no dividers
// of Fyne's (tableTheme gives them no width) and each cell draws its own
// right and bottom edges where Fyne drew them, in the gap after it: a
// scrolled cell's edges are clipped with the cell to the scrolled area,
// and never cross the frozen columns.

// edged gives every cell and heading of t its own edges, wrapping the
// table's functions, which must be set.
func (t *keyTable) edged() {
	create, update := t.CreateCell, t.UpdateCell
	t.CreateCell = func() fyne.CanvasObject { return newEdged(create()) }
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) { update(id, edgedContent(o)) }
	if t.CreateHeader != nil && t.UpdateHeader != nil {
		createHead, updateHead := t.CreateHeader, t.UpdateHeader
		t.CreateHeader = func() fyne.CanvasObject { return newEdged(createHead()) }
		t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) { updateHead(id, edgedContent(o)) }
	}
}

// newEdged is content with a right and a bottom edge.
func newEdged(content fyne.CanvasObject) *fyne.Container {
	c := edgeColour()
	return container.New(edgeLayout{}, content, canvas.NewRectangle(c), canvas.NewRectangle(c))
}

// edgedContent is the cell newEdged wrapped, its edges recoloured should
// the theme have changed.
func edgedContent(o fyne.CanvasObject) fyne.CanvasObject {
	box := o.(*fyne.Container)
	c := edgeColour()
	for _, e := range box.Objects[1:] {
		if r := e.(*canvas.Rectangle); r.FillColor != c {
			r.FillColor = c
			r.Refresh()
		}
	}
	return box.Objects[0]
}

// edgeColour is the app theme's separator colour, which Fyne's dividers
// are drawn in outside a table.
func edgeColour() color.Color {
	v := theme.VariantDark
	if a := fyne.CurrentApp(); a != nil {
		v = a.Settings().ThemeVariant()
	}
	return appTheme().Color(theme.ColorNameSeparator, v)
}

// edgeLayout lays a cell's content over the whole cell and its two edges
// in the padding after it, as Fyne places its dividers: each edge runs
// half the padding past the cell's corners, so that the edges of cells
// side by side and one above another meet.
type edgeLayout struct{}

func (edgeLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := appTheme().Size(theme.SizeNamePadding)
	thick := appTheme().Size(theme.SizeNameSeparatorThickness)
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
	objs[1].Move(fyne.NewPos(size.Width+(pad-thick)/2, -pad/2))
	objs[1].Resize(fyne.NewSize(thick, size.Height+pad))
	objs[2].Move(fyne.NewPos(-pad/2, size.Height+(pad-thick)/2))
	objs[2].Resize(fyne.NewSize(size.Width+pad, thick))
}

func (edgeLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

// tableTheme is cursorTheme with Fyne's dividers no width: the cells
// draw their own edges (edged). Their colour cannot be cleared instead:
// Fyne makes them as they are needed, outside the override's reach, and
// only their size is the table's theme's.
type tableTheme struct{ cursorTheme }

func (t tableTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameSeparatorThickness {
		return 0
	}
	return t.cursorTheme.Size(n)
}
