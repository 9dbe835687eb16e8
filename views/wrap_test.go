package views

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scorecard/importer"
)

// TestWrappedLinesAsLabelWraps checks the lines a name is counted to wrap
// to, which give its row's height, are the lines a label wrapping by word
// draws it in, for every demo indicator as the scorecard and the district
// grid show it, at every column width from narrow to wide. The district
// grid's "CIC10  Number of children starting to be looked after in the
// last 12 months" was counted as two lines at 1920x1080, drawn as three,
// and its last word ran into the next row.
func TestWrappedLinesAsLabelWraps(t *testing.T) {
	test.NewTempApp(t)
	res, err := importer.Read(context.Background(), "testdata/demo.xlsx", importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	height := func(lines int) float32 {
		return widget.NewLabel(strings.TrimSuffix(strings.Repeat("x\n", lines), "\n")).MinSize().Height
	}
	bad := 0
	for _, ind := range res.Dataset.Indicators {
		for _, text := range []string{ind.Name, ind.Ref + "  " + ind.Name} {
			for width := float32(120); width <= 420; width += 2 {
				l := widget.NewLabel(text)
				l.Wrapping = fyne.TextWrapWord
				l.Resize(fyne.NewSize(width, 400))
				n := wrappedLines(text, width-2*theme.InnerPadding(), fyne.TextStyle{})
				if got := l.MinSize().Height; got != height(n) && bad < 10 {
					bad++
					t.Errorf("%q in %v: counted %d lines (%v high), drawn %v high", text, width, n, height(n), got)
				}
			}
		}
	}
}
