package views

import (
	"errors"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestCopyChartAsPicture right-clicks an indicator's chart and chooses
// Copy chart as picture: the chart as drawn is saved as a PNG beside the
// exports and handed to the system's clipboard; where that cannot take
// it, the status bar says where the picture is.
func TestCopyChartAsPicture(t *testing.T) {
	for _, tc := range []struct {
		name      string
		clipboard error
		status    string
	}{
		{"clipboard takes it", nil, "Copied the chart as a picture (also saved as "},
		{"text-only clipboard", errors.New("no tool"), "Saved the chart as "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			home := t.TempDir()
			mkdir(t, filepath.Join(home, "Documents"))
			t.Setenv("HOME", home)
			w := openFixture(t, 24)
			var handed []string
			orig := pictureToClipboard
			t.Cleanup(func() { pictureToClipboard = orig })
			pictureToClipboard = func(path string) error {
				handed = append(handed, path)
				return tc.clipboard
			}
			w.openDetail("CIC05")
			test.TapSecondary(w.detail.chart)
			menu, ok := innerContent(w.win.Canvas().Overlays().Top()).(*widget.PopUpMenu)
			if !ok {
				t.Fatalf("a right-click on the chart shows %T, want a menu", w.win.Canvas().Overlays().Top())
			}
			if got := strings.Join(labelTexts(menu.Items[0]), ""); got != "Copy chart as picture" {
				t.Fatalf("the chart's menu offers %q", got)
			}
			test.Tap(menu.Items[0].(fyne.Tappable))
			w.busy.Wait()

			want := filepath.Join(home, "Documents", "Scorecard chart CIC05 Kent Mar-25.png")
			if !slices.Equal(handed, []string{want}) {
				t.Errorf("handed %q to the clipboard, want %q", handed, want)
			}
			if !strings.HasPrefix(w.status.Text, tc.status+want) {
				t.Errorf("the status bar says %q, want it to begin %q", w.status.Text, tc.status+want)
			}
			f, err := os.Open(want)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			img, err := png.Decode(f)
			if err != nil {
				t.Fatalf("%s: %v", want, err)
			}
			// A page's width whatever the window's, at twice the pixels.
			size := pictureSize
			if b := img.Bounds(); b.Dx() != int(math.Ceil(float64(size.Width*pictureScale))) || b.Dy() != int(math.Ceil(float64(size.Height*pictureScale))) {
				t.Errorf("the picture is %dx%d, want %vx%v", b.Dx(), b.Dy(), size.Width*pictureScale, size.Height*pictureScale)
			}
			// On white, for a report, though the window is dark; headed
			// by the indicator's name in dark ink along its top.
			if r, g, bl, _ := img.At(2, 2).RGBA(); r>>8 < 0xf0 || g>>8 < 0xf0 || bl>>8 < 0xf0 {
				t.Errorf("the picture's background is %02x%02x%02x, want white", r>>8, g>>8, bl>>8)
			}
			ink := 0
			for y := 12 * pictureScale; y < 36*pictureScale; y++ {
				for x := 0; x < img.Bounds().Dx()/2; x++ {
					if r, _, _, _ := img.At(x, y).RGBA(); r>>8 < 0x40 {
						ink++
					}
				}
			}
			if ink < 500 {
				t.Errorf("the picture's top has %d dark pixels: no title", ink)
			}
			// A chart, not a blank: its lines, limits and points are drawn
			// in several colours.
			colours := map[[4]uint32]bool{}
			b := img.Bounds()
			for y := b.Min.Y; y < b.Max.Y; y += 2 {
				for x := b.Min.X; x < b.Max.X; x += 2 {
					r, g, bl, a := img.At(x, y).RGBA()
					colours[[4]uint32{r, g, bl, a}] = true
				}
			}
			if len(colours) < 5 {
				t.Errorf("the picture has %d colours: not the chart", len(colours))
			}
		})
	}
}

// TestImageClipboardCommand checks the tool each system's clipboard is
// given a picture with.
func TestImageClipboardCommand(t *testing.T) {
	const path = "/home/o/Documents/Scorecard chart CIC05 O'Neill.png"
	has := func(names ...string) func(string) (string, error) {
		return func(n string) (string, error) {
			if slices.Contains(names, n) {
				return "/usr/bin/" + n, nil
			}
			return "", errors.New("not found")
		}
	}
	for _, tc := range []struct {
		name, goos, wayland string
		look                func(string) (string, error)
		want                string
	}{
		{"X11 with xclip", "linux", "", has("xclip"), "/usr/bin/xclip -selection clipboard -t image/png -i " + path},
		{"Wayland", "linux", "wayland-0", has("xclip", "wl-copy"), "/usr/bin/wl-copy --type image/png " + path},
		{"no tool", "linux", "", has(), ""},
		{"Mac", "darwin", "", has("xclip"), ""},
		{"Windows", "windows", "", has(), "powershell.exe -NoProfile -NonInteractive -STA -Command Add-Type -AssemblyName System.Windows.Forms,System.Drawing; " +
			"[System.Windows.Forms.Clipboard]::SetImage([System.Drawing.Image]::FromFile('/home/o/Documents/Scorecard chart CIC05 O''Neill.png'))"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("WAYLAND_DISPLAY", tc.wayland)
			got := strings.Join(imageClipboardCommand(tc.goos, path, tc.look), " ")
			if got != tc.want {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestCopyChartFromScorecard checks the scorecard's right-click Copy chart
// as picture opens the row's indicator and saves its chart.
func TestCopyChartFromScorecard(t *testing.T) {
	home := t.TempDir()
	mkdir(t, filepath.Join(home, "Documents"))
	t.Setenv("HOME", home)
	w := openFixture(t, 24)
	orig := pictureToClipboard
	t.Cleanup(func() { pictureToClipboard = orig })
	pictureToClipboard = func(string) error { return errors.New("no tool") }

	line := rowOf(w.score, "EH01")
	w.score.table.onMenu(widget.TableCellID{Row: line, Col: colCurrent}, fyne.NewPos(300, 300))
	menu, ok := innerContent(w.win.Canvas().Overlays().Top()).(*widget.PopUpMenu)
	if !ok {
		t.Fatalf("a right-click shows %T, want a menu", w.win.Canvas().Overlays().Top())
	}
	var item fyne.Tappable
	for _, it := range menu.Items {
		if strings.Join(labelTexts(it), "") == "Copy chart as picture" {
			item = it.(fyne.Tappable)
		}
	}
	if item == nil {
		t.Fatal("the scorecard's menu has no Copy chart as picture")
	}
	test.Tap(item)
	w.busy.Wait()
	if w.tabs.Selected() != w.tabDetail || w.detail.ref != "EH01" {
		t.Errorf("showing %q on tab %q, want EH01's detail", w.detail.ref, w.tabs.Selected().Text)
	}
	want := filepath.Join(home, "Documents", "Scorecard chart EH01 Kent Mar-25.png")
	if _, err := os.Stat(want); err != nil {
		t.Error(err)
	}
}

// TestCopyChartAsPictureIdleCache runs TestCopyChartAsPicture again where
// Fyne's renderer cache expires after a millisecond, as it does after a
// minute with no frame drawn (a window left idle, a test run under load):
// the copied chart is still drawn, not a blank picture.
func TestCopyChartAsPictureIdleCache(t *testing.T) {
	if os.Getenv("FYNE_CACHE") != "" {
		t.Skip("run by itself with the short cache")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestCopyChartAsPicture$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "FYNE_CACHE=1ms")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestCopyChartAsPicture ") {
		t.Fatalf("with the renderer cache expiring at once: %v\n%s", err, out)
	}
}
