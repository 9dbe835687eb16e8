package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestRefsAndNamesReadInFull checks, on the demo's scorecard, that every
// ref fits its column and every name that does not fit one line has a
// line tall enough for the lines it wraps to.
func TestRefsAndNamesReadInFull(t *testing.T) {
	w := openDemo(t)
	s := w.score
	longest := ""
	for _, r := range s.rows {
		if len(r.ind.Ref) > len(longest) {
			longest = r.ind.Ref
		}
	}
	for i, l := range s.lines {
		if l.row == nil {
			continue
		}
		for _, col := range []int{colRef, colEngland, colNeighbours, colBenchYear} {
			text := s.text(i, col)
			if need := widgetWidth(text); need > s.widths[col] {
				t.Errorf("%s's %s %q needs %.0f, its column is %.0f wide", l.row.ind.Ref, columnTitles[col], text, need, s.widths[col])
			}
		}
		n := wrappedLines(l.row.ind.Name, s.widths[colName]-2*theme.InnerPadding(), fyne.TextStyle{})
		if n > 1 && !s.tall[i] {
			t.Errorf("%s's name %q wraps to %d lines on a one-line row", l.row.ind.Ref, l.row.ind.Name, n)
		}
	}
	for c := range numCols {
		if need := headingFits(columnTitles[c] + " \u2191"); need > s.widths[c] {
			t.Errorf("the %s heading, sorted, needs %.0f, its column is %.0f wide", columnTitles[c], need, s.widths[c])
		}
	}
	if len(s.tall) == 0 {
		t.Errorf("no name in the demo wraps at %.0f: the test proves nothing", s.widths[colName])
	}
	t.Logf("longest ref %s; %d tall lines", longest, len(s.tall))
}

// widgetWidth is the width a label needs to show text whole.
func widgetWidth(text string) float32 {
	return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
}

func TestColumnWidthsRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	w := openFixtureIn(t, a, 24)
	before := w.score.widths[colName]
	// The border after the Indicator column, in its heading.
	pos := cellCentre(w.score.table, w.score.widths[:], colName, 10)
	pos.X += before/2 + theme.Padding()/2
	test.Drag(w.win.Canvas(), pos, 80, 0)
	if got := w.score.widths[colName]; got < before+70 {
		t.Fatalf("dragging the Indicator column's edge 80 to the right left it %.0f wide, was %.0f", got, before)
	}
	again := openFixtureIn(t, a, 24)
	if got := again.score.widths[colName]; got < before+70 {
		t.Errorf("the next window's Indicator column is %.0f wide, want the %.0f dragged to", got, w.score.widths[colName])
	}
}

// TestColumnsFitWindow checks the scorecard's columns against the window
// on the demo: on a 1024 px laptop the RAG and DoT columns are on screen
// without scrolling sideways, and on a 1920 px monitor the Indicator column
// takes the width the other columns leave (names on fewer lines, no empty
// margin) and the flags are read whole. At 1024 RAG and DoT were past the
// edge; at 1920 the Indicator column stayed 240 wide beside 500 px of
// nothing, and "special cause · small numbers" was cut short.
func TestColumnsFitWindow(t *testing.T) {
	w := openDemo(t)
	s := w.score
	// right is where a column ends, from the table's left edge.
	right := func(col int) float32 {
		var x float32
		for c := 0; c <= col; c++ {
			x += s.widths[c] + theme.Padding()
		}
		return x
	}
	flags := ""
	for i := range s.rows {
		if text := flagsText(&s.rows[i]); len(text) > len(flags) {
			flags = text
		}
	}
	if flags == "" {
		t.Fatal("no indicator in the demo is flagged: the test proves nothing")
	}
	for _, size := range []fyne.Size{{Width: 1024, Height: 700}, {Width: 1920, Height: 1080}, {Width: 1280, Height: 800}} {
		w.win.Resize(size)
		table := s.table.Size().Width
		for _, col := range []int{colRAG, colDoT} {
			if right(col) > table {
				t.Errorf("at %v the %s column ends at %.0f, past the table's %.0f: off screen", size, columnTitles[col], right(col), table)
			}
		}
		if s.widths[colName] < columnWidths[colName] {
			t.Errorf("at %v the Indicator column is %.0f wide, narrower than its %.0f", size, s.widths[colName], columnWidths[colName])
		}
		if spare := table - right(numCols-1); spare > theme.ScrollBarSize()+theme.Padding() && s.widths[colName] > 0 {
			t.Errorf("at %v the columns leave %.0f of the table empty; the Indicator column (%.0f) should take it", size, spare, s.widths[colName])
		}
		if need := widgetWidth(flags); size.Width >= 1920 && need > s.widths[colFlags] {
			t.Errorf("at %v the flags %q need %.0f, the column is %.0f", size, flags, need, s.widths[colFlags])
		}
	}
	// A window made narrower gives the Indicator column back.
	w.win.Resize(fyne.NewSize(1024, 700))
	if s.widths[colName] != columnWidths[colName] {
		t.Errorf("back at 1024 the Indicator column is %.0f wide, want its own %.0f", s.widths[colName], columnWidths[colName])
	}
}

// TestPeriodLabelsFitDetailColumn checks the Indicator screen's Period
// column holds every period's label whole: a quarter named by its months
// ("Jan-Mar 2025") ran into the Value column ("Jan-Mar 202553%"), as did a
// year-to-date quarter named by the months it takes in ("Apr 2023-Mar
// 2024" over "560").
func TestPeriodLabelsFitDetailColumn(t *testing.T) {
	w := openDemo(t)
	labels := []string{"Jan-Mar 2025", "Apr-Jun 2025", "Jul-Sep 2025", "Oct-Dec 2025", "2025/26 AY", "2025/26", "Sep-25", "May-25",
		"Apr 2024-Mar 2025", "Sep 2024-Jun 2025", "Oct 2023-Sep 2024"}
	for _, p := range w.detail.points {
		labels = append(labels, p.pt.Period.Label())
	}
	for _, l := range labels {
		if need := widgetWidth(l); need > w.detail.widths[0] {
			t.Errorf("period %q needs %.0f, the Period column is %.0f", l, need, w.detail.widths[0])
		}
	}
}
