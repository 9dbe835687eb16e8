package main

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
)

// iconSize is the icon's width and height in pixels.
const iconSize = 256

// drawIcon draws the application icon: a scorecard sheet with a navy
// header band, grid rows and a column of red, amber and green marks, so
// it reads as "a table rated by colour" even at 32 pixels.
func drawIcon() ([]byte, error) {
	img := image.NewNRGBA(image.Rect(0, 0, iconSize, iconSize))
	fill := func(x0, y0, x1, y1 int, c color.Color) {
		draw.Draw(img, image.Rect(x0, y0, x1, y1), image.NewUniform(c), image.Point{}, draw.Src)
	}
	navy := color.NRGBA{0x1F, 0x4E, 0x79, 0xFF}
	paper := color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
	line := color.NRGBA{0xBF, 0xC9, 0xD4, 0xFF}
	text := color.NRGBA{0x8A, 0x96, 0xA3, 0xFF}
	marks := []color.NRGBA{
		{0x00, 0xB0, 0x50, 0xFF}, {0xFF, 0xC0, 0x00, 0xFF}, {0x00, 0xB0, 0x50, 0xFF},
		{0xFF, 0x00, 0x00, 0xFF}, {0x00, 0xB0, 0x50, 0xFF}, {0xFF, 0xC0, 0x00, 0xFF},
	}

	// The sheet, with a rounded look from cut corners, on a transparent
	// ground.
	const margin, r = 16, 12
	fill(margin+r, margin, iconSize-margin-r, iconSize-margin, navy)
	fill(margin, margin+r, iconSize-margin, iconSize-margin-r, navy)
	for y := 0; y < r; y++ {
		for x := 0; x < r; x++ {
			dx, dy := r-x, r-y
			if dx*dx+dy*dy <= r*r {
				for _, p := range [][2]int{{margin + x, margin + y}, {iconSize - margin - 1 - x, margin + y},
					{margin + x, iconSize - margin - 1 - y}, {iconSize - margin - 1 - x, iconSize - margin - 1 - y}} {
					img.Set(p[0], p[1], navy)
				}
			}
		}
	}
	const inset = 8
	x0, x1 := margin+inset, iconSize-margin-inset
	top := margin + 44
	fill(x0, top, x1, iconSize-margin-inset, paper)

	// Six rows: a label bar, a figure bar and a rating mark.
	rowH := (iconSize - margin - inset - top) / len(marks)
	for i, mark := range marks {
		y := top + i*rowH
		if i > 0 {
			fill(x0, y, x1, y+2, line)
		}
		mid := y + rowH/2
		fill(x0+12, mid-4, x0+100, mid+4, text)
		fill(x0+112, mid-4, x0+140, mid+4, text)
		fill(x1-58, y+7, x1-12, y+rowH-5, mark)
	}
	// Header band: a title bar in white.
	fill(x0+4, margin+16, x0+120, margin+28, paper)

	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
