package views

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// documentsFolder is where an officer keeps workbooks: the Documents
// folder in home (on Windows %USERPROFILE%\Documents) when there is one,
// else home itself.
func documentsFolder(home string) string {
	if docs := filepath.Join(home, "Documents"); isFolder(docs) {
		return docs
	}
	return home
}

// startFolder is the folder File > Import and the export's "Save as" start
// in: the most recent file's, while that folder is still there, since this
// month's returns sit beside last month's; else the officer's Documents.
// It is empty only when there is no home folder either.
func (w *mainWindow) startFolder() string {
	if recent := w.recentFiles(); len(recent) > 0 {
		if dir := filepath.Dir(recent[0]); isFolder(dir) {
			return dir
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return documentsFolder(home)
}

// startIn opens fd on folder, listing the files: workbooks' long names
// ("CYPE Scorecard October 2026 final.xlsx") are cut short in the grid
// view. Without a folder Fyne starts in the one last used, or in home.
func startIn(fd *dialog.FileDialog, folder string) {
	fd.SetView(dialog.ListView)
	if folder == "" {
		return
	}
	l, err := storage.ListerForURI(storage.NewFileURI(folder))
	if err != nil {
		fyne.LogError("starting the file chooser in "+folder, err)
		return
	}
	fd.SetLocation(l)
}

func isFolder(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
