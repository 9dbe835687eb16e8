package views

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"scorecard/importer"
)

// asAtReader is a backend that can read a child-level list as at a date
// the officer gives, as import --as-at does.
type asAtReader interface {
	ReadFileAsAt(ctx context.Context, path string, asAt time.Time) (*importer.Result, error)
}

func (b storeBackend) ReadFileAsAt(ctx context.Context, path string, asAt time.Time) (*importer.Result, error) {
	return importer.Read(ctx, path, importer.Options{AsAt: asAt})
}

// asAtForm is the review's date field for a child-level list: the day
// its children are counted on, blank for the list's own date, which the
// form names.
func (r *layoutReview) asAtForm() fyne.CanvasObject {
	r.asAt = widget.NewEntry()
	r.asAt.SetPlaceHolder("YYYY-MM-DD")
	r.asAt.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		_, err := importer.ParseAsAt(s, time.Now())
		return err
	}
	own := "Leave blank to count them on the list's own date."
	for _, w := range r.res.Warnings {
		if _, took, ok := strings.Cut(w.Message, "no snapshot date given: took "); ok {
			own = "Leave blank to count them on " + took + "."
			break
		}
	}
	note := widget.NewLabel(own)
	note.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, note, widget.NewLabel("Count the children as at"), nil, r.asAt)
}

// readAsAt reads the reviewed list again as at the date the officer gave,
// if any, and stores that reading; it reports whether it took the file
// over from the review.
func (r *layoutReview) readAsAt() bool {
	if r.asAt == nil || strings.TrimSpace(r.asAt.Text) == "" {
		return false
	}
	w, j := r.w, r.job
	asAt, err := importer.ParseAsAt(r.asAt.Text, time.Now())
	if err != nil {
		j.outcomes = append(j.outcomes, importOutcome{file: r.path, err: fmt.Errorf("%s: as at: %w", filepath.Base(r.path), err)})
		w.readNext(j)
		return true
	}
	w.progress.label.SetText("Reading " + filepath.Base(r.path) + " as at " + asAt.Format("2 Jan 2006"))
	go func() {
		res, err := w.st.(asAtReader).ReadFileAsAt(j.ctx, r.path, asAt)
		fyne.Do(func() {
			if err != nil {
				j.outcomes = append(j.outcomes, importOutcome{file: r.path, err: err})
				w.readNext(j)
				return
			}
			// A child-level list defines no indicators to review.
			w.storeRead(j, r.path, res, "")
		})
	}()
	return true
}
