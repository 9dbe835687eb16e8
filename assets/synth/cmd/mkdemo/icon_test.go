package main

import (
	"bytes"
	"image/color"
	"image/png"
	"testing"
)

// TestIconMarks checks the icon shows the three RAG colours and is
// transparent outside the sheet.
func TestIconMarks(t *testing.T) {
	b, err := drawIcon()
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	want := map[color.NRGBA]string{
		{0x00, 0xB0, 0x50, 0xFF}: "green", {0xFF, 0xC0, 0x00, 0xFF}: "amber", {0xFF, 0x00, 0x00, 0xFF}: "red",
	}
	found := map[string]bool{}
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if name, ok := want[c]; ok {
				found[name] = true
			}
		}
	}
	if len(found) != 3 {
		t.Errorf("icon shows %v, want green, amber and red marks", found)
	}
	if _, _, _, a := img.At(2, 2).RGBA(); a != 0 {
		t.Error("corner is not transparent")
	}
}
