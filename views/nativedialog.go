package views

import (
	"fmt"

	"fyne.io/fyne/v2"
)

// nativeOpen, where the system has an Open dialog Scorecard can use
// (Windows: nativedialog_windows.go), asks it for a file to import,
// starting in startDir; it returns "" and no error when the officer
// cancels. Elsewhere it is nil and File > Import uses Fyne's chooser.
// The system's dialog is the one officers know, with Quick access,
// OneDrive and SharePoint folders, recent files and mapped drives by name.
var nativeOpen func(title, startDir string) (string, error)

// chooseImportNative shows the system's Open dialog where there is one,
// and reports whether it did. The dialog blocks the goroutine that asks,
// so it is asked from one of its own, leaving the window drawing.
func (w *mainWindow) chooseImportNative() bool {
	if nativeOpen == nil {
		return false
	}
	dir := w.startFolder()
	w.busy.Add(1)
	go func() {
		defer w.busy.Done()
		path, err := nativeOpen("Import a scorecard workbook, DfE CSV or child-level list", dir)
		fyne.Do(func() {
			switch {
			case err != nil:
				w.showError(fmt.Errorf("the Open dialog: %w", err))
			case path != "":
				w.importFiles([]string{path})
			}
		})
	}()
	return true
}

// nativeSave, like nativeOpen, is the system's Save dialog where
// Scorecard can use one (Windows), asking where to write an export,
// starting in startDir with name filled in; nil elsewhere, where the
// export dialog's Choose... uses Fyne's chooser.
var nativeSave func(title, startDir, name string) (string, error)

// chooseSaveNative shows the system's Save dialog where there is one,
// calling chosen on the UI thread with the path picked (not on a cancel),
// and reports whether it did.
func (w *mainWindow) chooseSaveNative(startDir, name string, chosen func(path string)) bool {
	if nativeSave == nil {
		return false
	}
	w.busy.Add(1)
	go func() {
		defer w.busy.Done()
		path, err := nativeSave("Export the scorecard", startDir, name)
		fyne.Do(func() {
			switch {
			case err != nil:
				w.showError(fmt.Errorf("the Save dialog: %w", err))
			case path != "":
				chosen(path)
			}
		})
	}()
	return true
}
