package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Copying puts rows on the clipboard as tab-separated text under a line of
// headings, which Excel and Outlook paste as a table.

// tsv writes rows of cells as tab-separated lines. A tab or line break
// inside a cell would split it, so each becomes a space.
func tsv(rows [][]string) string {
	clean := strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")
	var b strings.Builder
	for _, row := range rows {
		for i, c := range row {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(clean.Replace(c))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// copiedColumns are the scorecard's columns a copy holds: all but the
// sparkline, which has no words.
func copiedColumns() []int {
	var cols []int
	for c := range numCols {
		if c != colSpark {
			cols = append(cols, c)
		}
	}
	return cols
}

// copyLines writes the scorecard's indicators on line, or under the
// section heading on line, with the headings. cols limits the columns,
// all of them when nil.
func (s *scorecardTable) copyLines(line int, cols []int) string {
	if line < 0 || line >= len(s.lines) {
		return ""
	}
	if cols == nil {
		cols = copiedColumns()
	}
	var head []string
	for _, c := range cols {
		head = append(head, s.title(c))
	}
	out := [][]string{head}
	add := func(i int) {
		var row []string
		for _, c := range cols {
			row = append(row, strings.TrimSpace(s.text(i, c)))
		}
		out = append(out, row)
	}
	if s.lines[line].row != nil {
		add(line)
	} else {
		for i := line + 1; i < len(s.lines) && s.lines[i].row != nil; i++ {
			add(i)
		}
	}
	return tsv(out)
}

// copyRow writes the district grid's row as Ref, Indicator and each
// area's figure, with the areas' names as headings.
func (d *districtTable) copyRow(row int) string {
	if row < 0 || row >= len(d.inds) {
		return ""
	}
	head := []string{"Ref", "Indicator"}
	line := []string{d.inds[row].Ref, d.inds[row].Name}
	for i, a := range d.areas {
		head = append(head, string(a))
		line = append(line, d.text(row, i+1))
	}
	return tsv([][]string{head, line})
}

// copy puts text on the clipboard and says so.
func (w *mainWindow) copy(text, what string) {
	if text == "" {
		return
	}
	w.a.Clipboard().SetContent(text)
	w.status.SetText("Copied " + what + " (paste into Excel or Outlook as a table)")
}

// bindCopy wires the tables' Ctrl+C and right-click menus.
func (w *mainWindow) bindCopy() {
	s := w.score
	s.table.onCopy = func(id widget.TableCellID) { w.copy(s.copyLines(id.Row, nil), w.copiedWhat(id.Row)) }
	s.table.onMenu = func(id widget.TableCellID, at fyne.Position) {
		r := s.rowAt(id.Row)
		items := []*fyne.MenuItem{
			fyne.NewMenuItem("Copy row", func() { w.copy(s.copyLines(id.Row, nil), w.copiedWhat(id.Row)) }),
		}
		if r != nil && id.Col != colSpark {
			items = append(items, fyne.NewMenuItem("Copy cell", func() {
				w.copy(s.copyLines(id.Row, []int{colRef, id.Col}), r.ind.Ref+" "+columnTitles[id.Col])
			}))
			items = append(items,
				fyne.NewMenuItem("Copy chart as picture", func() {
					// The indicator opens, so the officer sees what was copied.
					w.openDetail(r.ind.Ref)
					w.copyChartPicture()
				}),
				fyne.NewMenuItem("Open indicator", func() { w.openDetail(r.ind.Ref) }),
				fyne.NewMenuItem("Show in districts", func() { w.showInDistricts(r.ind.Ref) }),
			)
		}
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), w.win.Canvas(), at)
	}
	d := w.districts
	d.table.onCopy = func(id widget.TableCellID) { w.copyDistrictRow(id.Row) }
	d.table.onMenu = func(id widget.TableCellID, at fyne.Position) {
		if id.Row < 0 || id.Row >= len(d.inds) {
			return
		}
		items := []*fyne.MenuItem{
			fyne.NewMenuItem("Copy row", func() { w.copyDistrictRow(id.Row) }),
			fyne.NewMenuItem("Open indicator", func() { d.open(id) }),
		}
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), w.win.Canvas(), at)
	}
}

func (w *mainWindow) copyDistrictRow(row int) {
	if row >= 0 && row < len(w.districts.inds) {
		w.copy(w.districts.copyRow(row), w.districts.inds[row].Ref+" in every area")
	}
}

// copiedWhat names what a copy of a scorecard line holds.
func (w *mainWindow) copiedWhat(line int) string {
	if r := w.score.rowAt(line); r != nil {
		return r.ind.Ref
	}
	if line >= 0 && line < len(w.score.lines) {
		return w.score.lines[line].section
	}
	return ""
}

// showInDistricts shows the district grid on an indicator's row.
func (w *mainWindow) showInDistricts(ref string) {
	w.tabs.Select(w.tabDistricts)
	for i, ind := range w.districts.inds {
		if ind.Ref == ref {
			w.win.Canvas().Focus(w.districts.table)
			w.districts.table.moveCursor(widget.TableCellID{Row: i, Col: 0})
			return
		}
	}
}

// copyHighlighted copies the row the keyboard is on in the screen showing.
func (w *mainWindow) copyHighlighted() {
	switch w.tabs.Selected() {
	case w.tabDistricts:
		w.copyDistrictRow(w.districts.table.cursor.Row)
	default:
		row := w.score.table.cursor.Row
		w.copy(w.score.copyLines(row, nil), w.copiedWhat(row))
	}
}
