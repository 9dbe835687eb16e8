package assets

import (
	"bytes"
	"image/png"
	"testing"

	"scorecard/assets/synth"
)

// TestDemoCurrent fails when demo.xlsx is stale: regenerate it with
// go generate ./assets after changing the generator.
func TestDemoCurrent(t *testing.T) {
	want, err := synth.Render(synth.Demo(), synth.House)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(Demo, want) {
		t.Errorf("embedded demo.xlsx (%d bytes) differs from the generator's (%d bytes): run go generate ./assets", len(Demo), len(want))
	}
}

func TestIcon(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("icon.png: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 256 || b.Dy() != 256 {
		t.Errorf("icon is %dx%d, want 256x256", b.Dx(), b.Dy())
	}
}
