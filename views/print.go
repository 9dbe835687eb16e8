package views

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"

	"scorecard/app/export"
)

// File > Print writes the committee pack, as the export dialog would
// with the window's period, area and exclusions, to a folder of its own
// under the system's temporary folder, and hands it to the system to
// print: Fyne draws no print dialog, and the system's PDF viewer has the
// one officers know, with their printers. If the pack cannot be written,
// the workbook is, whose sheets are set up to print.

// printFolder is where printed packs are written, one file per area and
// period, each print replacing the last.
func printFolder() string { return filepath.Join(os.TempDir(), "Scorecard print") }

// shellExecute asks Windows to carry out verb ("print", "open") on a
// file, as Explorer's right-click menu does (print_windows.go); nil
// elsewhere.
var shellExecute func(verb, path string) error

// sendToPrint hands the file at path to the system; the test replaces it.
var sendToPrint = func(path string) (string, error) {
	return systemPrint(runtime.GOOS, path, runCommand, shellExecute)
}

// runCommand starts a program and leaves it running: a viewer stays open
// after Scorecard's part is done.
func runCommand(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it whenever it ends
	return nil
}

// systemPrint hands the file at path to the system on goos, through run
// (which starts a program) or on Windows shell (ShellExecute), and says
// in words what it did. Windows prints through the PDF handler's "print"
// verb, straight to the printer dialog; a handler without one (Edge, the
// default) opens it instead, to print from its menu. Elsewhere the
// desktop's viewer opens it: xdg-open on Linux, open on a Mac.
func systemPrint(goos, path string, run func(name string, args ...string) error, shell func(verb, path string) error) (string, error) {
	switch goos {
	case "windows":
		if shell == nil {
			return "", errors.New("this build cannot reach the Windows shell")
		}
		if err := shell("print", path); err == nil {
			return "sent to the printer through the PDF viewer", nil
		}
		if err := shell("open", path); err != nil {
			return "", fmt.Errorf("opening %s: %w", path, err)
		}
		return "opened in the PDF viewer: print it from there", nil
	case "darwin":
		if err := run("open", path); err != nil {
			return "", fmt.Errorf("open %s: %w", path, err)
		}
	default:
		if err := run("xdg-open", path); err != nil {
			return "", fmt.Errorf("xdg-open %s: %w (is a PDF viewer installed?)", path, err)
		}
	}
	return "opened in the viewer: print it from there", nil
}

// printPack writes the pack for the window's choices and hands it to the
// system to print.
func (w *mainWindow) printPack() {
	if w.nothingYet("print") {
		return
	}
	opt, err := w.newExportForm().options()
	if err != nil {
		w.showError(err)
		return
	}
	if err := os.MkdirAll(printFolder(), 0o700); err != nil {
		w.showError(fmt.Errorf("print: %w", err))
		return
	}
	name := fileNameSafe(fmt.Sprintf("Scorecard %s %s", opt.Area, opt.Period.Label()))
	pdf := filepath.Join(printFolder(), name+".pdf")
	send := func(sum export.Summary) {
		if len(sum.Warnings) > 0 {
			w.confirmPrint(sum, func() { w.sendPack(sum, opt) })
			return
		}
		w.sendPack(sum, opt)
	}
	w.exportThen(pdf, opt, send, func(err error) {
		// No pack: the workbook, whose sheets are set up for printing.
		xlsx := filepath.Join(printFolder(), name+".xlsx")
		w.exportThen(xlsx, opt, send, func(err2 error) {
			w.showError(fmt.Errorf("print: the committee pack: %w; the workbook: %w", err, err2))
		})
	})
}

// sendPack hands the pack written to the system to print, and records it
// as circulated.
func (w *mainWindow) sendPack(sum export.Summary, opt export.Options) {
	how, err := sendToPrint(sum.Path)
	if err != nil {
		w.showError(fmt.Errorf("print: %w", err))
		return
	}
	w.status.SetText(fmt.Sprintf("Printing %s: %s", sum.Path, how) + w.recordCirculation(sum.Output(), sum.Path, sum.Period, opt))
}

// confirmPrint asks before printing a pack its export warned of, listing
// the warnings (exportWarnings): a pack printed is circulated, and a
// withheld figure the figures around it still tell, or a percentage
// suppression cannot protect, is the officer's to weigh first, not to
// find on the provenance page of the copies handed round.
func (w *mainWindow) confirmPrint(sum export.Summary, send func()) {
	d := dialog.NewCustomConfirm("Print the pack?", "Print", "Don't print", exportWarnings(sum), func(ok bool) {
		if ok {
			send()
			return
		}
		w.status.SetText("Not printed (" + counted(len(sum.Warnings), "warning") + "); the pack is at " + sum.Path)
	}, w.win)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
}

// fileNameSafe replaces what a file name cannot hold on Windows.
func fileNameSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < ' ' {
			return '-'
		}
		return r
	}, s)
}

// exportThen writes path as exportTo does, in the background with
// progress and cancel, then calls done with what was written, or failed
// with why not; a cancel says so and calls neither.
func (w *mainWindow) exportThen(path string, opt export.Options, done func(export.Summary), failed func(error)) {
	w.export(path, opt, func(sum export.Summary, err error) {
		switch {
		case errors.Is(err, context.Canceled):
			w.status.SetText("Cancelled; nothing was written")
		case err != nil:
			failed(err)
		default:
			done(sum)
		}
	})
}

// printItem is File > Print..., Ctrl+P.
func (w *mainWindow) printItem() *fyne.MenuItem {
	it := fyne.NewMenuItem("Print...", w.printPack)
	it.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault}
	return it
}
