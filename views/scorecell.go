package views

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
	"scorecard/app/trend"
)

// The scorecard table's cells: what each says and how it is drawn, with
// the colours, icons and badges of the ratings, directions and signals.

// A cell is a stack: background, text, the RAG letter, the DoT icon and
// the sparkline; updateCell shows the parts its column needs.
const (
	cellBackground = iota
	cellText
	cellLetter
	cellDoT
	cellSpark
)

func newScoreCell() fyne.CanvasObject {
	letter := canvas.NewText("", color.White)
	letter.TextStyle.Bold = true
	letter.Alignment = fyne.TextAlignCenter
	label := widget.NewLabel("")
	label.Truncation = fyne.TextTruncateEllipsis
	icon := widget.NewIcon(nil)
	return container.NewStack(
		canvas.NewRectangle(color.Transparent),
		label,
		container.NewCenter(letter),
		container.NewHBox(icon),
		newSparkline(),
	)
}

// text is what a cell says, the same words the table draws.
func (s *scorecardTable) text(row, col int) string {
	l := s.lines[row]
	if l.row == nil {
		if col == colName {
			return l.section
		}
		return ""
	}
	r := l.row
	switch col {
	case colRef:
		return r.ind.Ref
	case colName:
		return r.ind.Name
	case colCurrent:
		if !r.hasCur {
			return r.offCycle
		}
		s := formatValue(r.ind, r.cur)
		if r.cur.StandIn {
			s += " (prev. yr)"
		}
		return s
	case colPrevious:
		if !r.hasPrev {
			return ""
		}
		return formatValue(r.ind, r.prev)
	case colChange:
		if !r.hasDelta {
			return ""
		}
		return formatChange(r.ind, r.change)
	case colTarget:
		if !r.hasTgt {
			return "-"
		}
		return formatTarget(r.ind, r.target.Target)
	case colFloor:
		if !r.hasTgt {
			return "-"
		}
		return formatTarget(r.ind, r.target.Floor)
	case colEngland:
		return formatBenchmark(r.ind, r.bench.England)
	case colRegion:
		return formatBenchmark(r.ind, r.bench.Region)
	case colNeighbours:
		return formatBenchmark(r.ind, r.bench.NeighbourMean)
	case colBenchYear:
		if !r.hasBench {
			return ""
		}
		return r.bench.Year.Label()
	case colRAG:
		return r.rag.Letter()
	case colDoT:
		return string(r.dot)
	case colSignal:
		return signalWord(r.variation, r.tooFew)
	case colFlags:
		return flagsText(r)
	}
	return ""
}

// flagsText is the Flags column's badges for r.
func flagsText(r *scoreRow) string {
	badges := make([]string, len(r.flags))
	for i, f := range r.flags {
		badges[i] = flagBadge(f)
	}
	return strings.Join(badges, " · ")
}

// formatBenchmark writes a benchmark's figure with its unit, or its status
// code where the DfE suppressed it; nothing where there is none.
func formatBenchmark(ind app.Indicator, b *app.Benchmark) string {
	switch {
	case b == nil:
		return ""
	case b.Status != app.OK:
		return b.Status.String()
	case b.Value == nil:
		return ""
	}
	return app.FormatValue(b.Shown(ind), *b.Value)
}

// updateCell draws one cell. It changes only what differs from the
// cell's last use, since the table reuses cells and every Show, Hide and
// refresh of a label costs a relayout: this keeps a redraw of the whole
// table quick enough for a cohort toggle.
func (s *scorecardTable) updateCell(id widget.TableCellID, c *fyne.Container) {
	bg := c.Objects[cellBackground].(*canvas.Rectangle)
	label := c.Objects[cellText].(*widget.Label)
	letterBox := c.Objects[cellLetter].(*fyne.Container)
	letter := letterBox.Objects[0].(*canvas.Text)
	dotBox := c.Objects[cellDoT].(*fyne.Container)
	spark := c.Objects[cellSpark].(*sparkline)

	var (
		fill       color.Color = color.Transparent
		text       string
		style      fyne.TextStyle
		importance = widget.MediumImportance
		showLabel  = true
		showLetter bool
		showDoT    bool
		showSpark  bool
		truncation = fyne.TextTruncateEllipsis
		wrapping   = fyne.TextWrapOff
	)
	if id.Row < len(s.lines) {
		l := s.lines[id.Row]
		text = s.text(id.Row, id.Col)
		if l.row == nil {
			fill = theme.Color(theme.ColorNameHeaderBackground)
			style.Bold = true
			truncation = fyne.TextTruncateOff
		} else {
			r := l.row
			style.Italic = id.Col == colCurrent && (r.cur.StandIn || !r.hasCur && r.offCycle != "")
			// A figure fits its column, so it is drawn without the
			// ellipsis check, which shapes the text twice over: the
			// figures are what a cohort toggle redraws.
			if numericColumns[id.Col] && !style.Italic {
				truncation = fyne.TextTruncateOff
			}
			// A ref is never cut short and a name wraps, on a line
			// made tall enough for it, so each is read in full.
			switch id.Col {
			case colRef, colEngland, colRegion, colNeighbours, colBenchYear:
				truncation = fyne.TextTruncateOff
			case colName:
				truncation, wrapping = fyne.TextTruncateOff, fyne.TextWrapWord
			}
			switch id.Col {
			case colRAG, colSignal:
				var ink color.Color
				if id.Col == colRAG {
					fill, ink = ragColours(r.rag)
				} else {
					fill, ink = signalColours(r.variation)
				}
				if letter.Text != text || letter.Color != ink {
					letter.Text, letter.Color = text, ink
					letter.Refresh()
				}
				showLabel, showLetter = false, true
			case colDoT:
				dotBox.Objects[0].(*widget.Icon).SetResource(dotIcon(r))
				importance = dotImportance(r.dot)
				text = "     " + text
				showDoT = true
			case colSpark:
				spark.set(r.spark)
				showLabel, showSpark = false, true
			case colFlags:
				importance = widget.WarningImportance
			}
		}
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	// A transparent background is hidden rather than painted: a software
	// painter (remote desktops without OpenGL) would otherwise blend every
	// cell's area once more for nothing.
	setVisible(bg, fill != color.Transparent)
	if label.Text != text || label.TextStyle != style || label.Importance != importance || label.Truncation != truncation || label.Wrapping != wrapping {
		label.Text, label.TextStyle, label.Importance, label.Truncation, label.Wrapping = text, style, importance, truncation, wrapping
		label.Refresh()
	}
	setVisible(label, showLabel)
	setVisible(letterBox, showLetter)
	setVisible(dotBox, showDoT)
	setVisible(spark, showSpark)
}

// setVisible shows or hides o, touching it only when that changes.
func setVisible(o fyne.CanvasObject, on bool) {
	switch {
	case on && !o.Visible():
		o.Show()
	case !on && o.Visible():
		o.Hide()
	}
}

// signalWord says a Making Data Count variation icon in a word for the
// scorecard; the detail pane and the hint say why.
func signalWord(v trend.Variation, tooFew bool) string {
	if w := v.Word(); w != "" {
		return w
	}
	if tooFew {
		return "Too few"
	}
	return ""
}

// signalColours are the fill and ink of the signal cell, in the Making
// Data Count colours: blue improvement, orange concern, purple neither,
// grey common cause.
func signalColours(v trend.Variation) (fill, ink color.Color) {
	switch v.Colour() {
	case "blue":
		return chartImprove, color.Black
	case "orange":
		return chartSpecial, color.Black
	case "purple":
		return chartNeither, color.White
	case "grey":
		return chartCommon, color.White
	}
	return color.Transparent, theme.Color(theme.ColorNameForeground)
}

// dotIcon draws the movement arrow coloured by whether it was good: the
// arrow says which way the figure went, the colour whether that helped.
func dotIcon(r *scoreRow) fyne.Resource {
	var res fyne.Resource
	switch r.arrow {
	case app.Up:
		res = theme.MoveUpIcon()
	case app.Down:
		res = theme.MoveDownIcon()
	case app.Across:
		res = theme.NavigateNextIcon()
	default:
		return nil
	}
	switch r.dot {
	case app.Improved:
		return theme.NewColoredResource(res, theme.ColorNameSuccess)
	case app.Worsened:
		return theme.NewColoredResource(res, theme.ColorNameError)
	}
	return theme.NewDisabledResource(res)
}

func dotImportance(d app.DoT) widget.Importance {
	switch d {
	case app.Improved:
		return widget.SuccessImportance
	case app.Worsened:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

// flagBadge writes a flag kind the way the scorecard's badges say it.
func flagBadge(kind string) string {
	switch kind {
	case trend.DoTReversal:
		return "DoT reversed"
	case trend.RAGChange:
		return "RAG changed"
	case trend.SpecialCause:
		return "special cause"
	case trend.SmallNumbers:
		return "small numbers"
	case trend.MissingMonth:
		return "missing month"
	case trend.DoTDisagrees:
		return "source arrow differs"
	case trend.RAGDisagrees:
		return "source RAG differs"
	}
	return strings.ReplaceAll(kind, "-", " ")
}
