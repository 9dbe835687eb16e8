//go:build windows

package views

import (
	"errors"

	"github.com/sqweek/dialog"
)

// On Windows, File > Import opens the system's Open dialog, and the
// export's Choose... its Save dialog, through
// github.com/sqweek/dialog, which calls comdlg32 without cgo.
// github.com/ncruces/zenity is the better kept of the two, but the
// module proxy this project builds from does not serve it.
func init() {
	nativeOpen = func(title, startDir string) (string, error) {
		path, err := dialog.File().
			Title(title).
			Filter("Scorecards and CSVs (*.xlsx, *.xlsm, *.csv)", "xlsx", "xlsm", "csv").
			Filter("All files", "*").
			SetStartDir(startDir).
			Load()
		if errors.Is(err, dialog.ErrCancelled) {
			return "", nil
		}
		return path, err
	}
	nativeSave = func(title, startDir, name string) (string, error) {
		path, err := dialog.File().
			Title(title).
			Filter("Excel workbook (*.xlsx)", "xlsx").
			Filter("Committee pack (*.pdf)", "pdf").
			SetStartDir(startDir).
			SetStartFile(name).
			Save()
		if errors.Is(err, dialog.ErrCancelled) {
			return "", nil
		}
		return path, err
	}
}
