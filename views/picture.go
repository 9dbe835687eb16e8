package views

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
)

// Copy chart as picture. Fyne 2.8.1's clipboard holds text alone
// (fyne.Clipboard has SetContent(string) and nothing else), so the chart
// is drawn to a PNG file first, which is kept, and then handed to the
// system's own clipboard where a tool for pictures is at hand: Windows's
// PowerShell, or xclip or wl-copy on Linux. Where none is, the status bar
// says where the picture is, to insert it from there.

// TappedSecondary offers the chart's menu.
func (c *historyChart) TappedSecondary(ev *fyne.PointEvent) {
	if c.onMenu != nil {
		c.onMenu(ev.AbsolutePosition)
	}
}

// bindChartMenu gives the chart its right-click menu.
func (w *mainWindow) bindChartMenu() {
	w.detail.chart.onMenu = func(at fyne.Position) {
		items := []*fyne.MenuItem{fyne.NewMenuItem("Copy chart as picture", w.copyChartPicture)}
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), w.win.Canvas(), at)
	}
}

// chartPicture is the indicator's chart drawn again off screen for a
// report: headed by the indicator's name and whose figures it shows (the
// window's own heading is not in the picture), in dark ink on white
// whatever the window's theme, at a page's width and twice the pixels, so
// that it stays sharp printed. A capture of the screen would hold
// whatever lies over the chart, the right-click menu itself until the
// next frame.
func (w *mainWindow) chartPicture() (image.Image, error) {
	d := w.detail
	if d.ref == "" {
		return nil, errors.New("no chart to copy: open an indicator first")
	}
	c := software.NewCanvas()
	// Capturing first clears what Fyne's renderer cache holds as expired,
	// judged by a clock the cache reads only when it clears: with no
	// capture or frame for a minute (a window idle, or tests under load),
	// the chart drawn below would be born expired and cleared before it
	// is painted, leaving a blank picture. An empty capture sets the
	// clock, and the next clearing is ten seconds away.
	c.Capture()
	cp := newHistoryChart()
	cp.paper = true
	cp.title = d.ind.Ref + "  " + d.ind.Name
	cp.subtitle = fmt.Sprintf("%s · to %s · %s", w.v.area, w.v.period.Label(), app.Excluding(w.v.cohorts...).Label())
	cp.set(d.chart.data)
	c.SetPadded(false)
	c.SetScale(pictureScale)
	c.SetContent(cp)
	c.Resize(pictureSize)
	return c.Capture(), nil
}

// pictureSize and pictureScale are a copied chart's size, about a page's
// width, and its pixels to a unit of it.
var pictureSize = fyne.NewSize(960, 440)

const pictureScale = 2

// copyChartPicture saves the chart on screen as a PNG beside the exports
// and puts it on the system's clipboard where it can.
func (w *mainWindow) copyChartPicture() {
	img, err := w.chartPicture()
	if err != nil {
		w.showError(err)
		return
	}
	name := fileNameSafe(fmt.Sprintf("Scorecard chart %s %s %s.png", w.detail.ref, w.v.area, w.v.period.Label()))
	path := filepath.Join(w.startFolder(), name)
	if err := writePNG(path, img); err != nil {
		w.showError(fmt.Errorf("saving the chart: %w", err))
		return
	}
	// PowerShell takes a second to start: the window keeps drawing.
	w.busy.Add(1)
	go func() {
		defer w.busy.Done()
		err := pictureToClipboard(path)
		fyne.Do(func() {
			if err == nil {
				w.status.SetText("Copied the chart as a picture (also saved as " + path + ")")
				return
			}
			w.status.SetText("Saved the chart as " + path + ": the clipboard here holds text only, so insert the picture from that file")
		})
	}()
}

// pictureToClipboard puts the PNG at path on the system's clipboard, or
// says why it cannot; the test replaces it.
var pictureToClipboard = func(path string) error {
	argv := imageClipboardCommand(runtime.GOOS, path, exec.LookPath)
	if argv == nil {
		return errors.New("no tool here puts a picture on the clipboard")
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	hideConsole(cmd)
	// No pipes: xclip stays behind to serve the picture, and would hold
	// them open.
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w", argv[0], err)
	}
	return nil
}

// writePNG writes img to path as a PNG.
func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

// imageClipboardCommand is the command that puts the PNG at path on the
// clipboard of goos, nil where there is none: lookPath finds a program.
func imageClipboardCommand(goos, path string, lookPath func(string) (string, error)) []string {
	if goos == "windows" {
		// Windows PowerShell (present on every Windows 10 and 11) with
		// Windows Forms, whose clipboard wants a single-threaded
		// apartment: -STA.
		quoted := "'" + strings.ReplaceAll(path, "'", "''") + "'"
		return []string{"powershell.exe", "-NoProfile", "-NonInteractive", "-STA", "-Command",
			"Add-Type -AssemblyName System.Windows.Forms,System.Drawing; " +
				"[System.Windows.Forms.Clipboard]::SetImage([System.Drawing.Image]::FromFile(" + quoted + "))"}
	}
	if goos == "darwin" {
		return nil // no tool that ships with macOS puts a PNG there
	}
	if os.Getenv("WAYLAND_DISPLAY") != "" {
		if p, err := lookPath("wl-copy"); err == nil {
			return []string{p, "--type", "image/png", path}
		}
	}
	if p, err := lookPath("xclip"); err == nil {
		return []string{p, "-selection", "clipboard", "-t", "image/png", "-i", path}
	}
	return nil
}
