package pdf

import "strings"

// Room is the height left for the body below the current line, in
// millimetres: what a page's content must fit to end on it.
func (d *Doc) Room() float64 { return d.bottom() - d.f.GetY() }

// ParaHeight is the height Para takes to write text at size points,
// its gap after included.
func (d *Doc) ParaHeight(text string, size float64) float64 {
	d.f.SetFont(family, "", size)
	h := 0.0
	for _, p := range strings.Split(text, "\n") {
		h += float64(max(1, len(d.f.SplitText(p, d.Width())))) * lineHeight(size)
	}
	return h + 1.5
}

// ItemHeight is the height Item takes to write text at size points, its
// gap after included.
func (d *Doc) ItemHeight(text string, size float64) float64 {
	d.f.SetFont(family, "", size)
	return float64(len(d.f.SplitText(text, d.Width()-itemIndent)))*lineHeight(size) + 1.2
}
