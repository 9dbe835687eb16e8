package views

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// glossary explains the codes and abbreviations the window shows, in the
// words an MI officer would use to a member.
var glossary = []struct{ term, meaning string }{
	{"R12M", "Rolling 12 months: the figure covers the 12 months up to the month shown."},
	{"MS", "Monthly snapshot: the figure counts children on the last day of the month."},
	{"M", "Monthly: the figure is for the month shown; the source did not say whether it counts children on the last day of the month or over the month."},
	{"YTD", "Year to date: from April (or September for school years) to the month shown; it starts again each April (each September for school years)."},
	{"Q", "Quarter: the figure covers three months."},
	{"A", "Annual: the figure covers a whole financial or academic year."},
	{"n/e", "Not excludable: the figure cannot be recomputed without the excluded cohort, because the source does not split it; it is not shown rather than shown wrongly."},
	{"OLA", "Other local authorities: children placed in this authority's area by another council."},
	{"UASC", "Unaccompanied asylum-seeking children: children who applied for asylum in their own right, separated from both parents."},
	{"RAG", "Red, amber, green: green meets the target, amber misses it but meets the floor, red misses the floor. No target, no rating."},
	{"DoT", "Direction of travel: whether the figure improved, worsened or stayed the same since the previous period; the arrow says which way it moved, its colour whether that was good."},
	{"SPC", "Statistical process control (NHS Making Data Count): a change is a signal only when a point falls outside the process limits, a run of points sits on one side of the mean, or the figures trend one way; otherwise it is ordinary variation."},
	{"pp", "Percentage points: the difference between two percentages (11% to 12% is +1.0 pp)."},
}

// glossaryFor returns the glossary's meaning of term, or "".
func glossaryFor(term string) string {
	for _, g := range glossary {
		if g.term == term {
			return g.meaning
		}
	}
	return ""
}

// headingHelp is what a scorecard heading means, said under the table
// while the mouse is on it (Fyne 2.8 has no tooltips).
var headingHelp = map[int]string{
	colChange:     "Change since the previous period; percentages in percentage points (pp).",
	colTarget:     "This year's target; green at or better than it.",
	colFloor:      "The floor: amber at or better than it, red worse.",
	colEngland:    "England's figure for the benchmark year, counting all children.",
	colRegion:     "The figure for the authority's region (the DfE's, such as South East) for the benchmark year, counting all children; blank where the store holds none.",
	colNeighbours: "The mean of the authority's statistical neighbours (the DfE model named in the detail view) for the benchmark year, counting all children.",
	colBenchYear:  "The year the benchmarks relate to.",
	colRAG:        "RAG: " + glossaryFor("RAG"),
	colDoT:        "DoT: " + glossaryFor("DoT"),
	colSpark:      "The last 12 months.",
	colFlags:      "Why the figure wants a look; the line under the table says it in full for the highlighted row.",
}

const userGuide = `## Importing
**File > Import** (Ctrl+O), or drop files on the window. Scorecard reads the monthly Excel scorecard, DfE CSVs and child-level lists. It shows what will change and how it read each sheet before keeping anything: check them and press Accept, or Cancel. Every import is listed under **Imports**, with its warnings (each names the file, sheet and cell) and an Undo.

## Excluding UASC and other cohorts
Tick **Exclude UASC** or **Exclude children placed by other LAs** above the scorecard (a toggle is greyed where no figure in the store is split by that cohort). Every figure, rating and trend is worked out again without them. A figure the source does not split shows **n/e** (not excludable) rather than a wrong number. Benchmarks always count all children and are headed so.

## Reading the scorecard
Click a heading to sort by it, again to reverse, a third time for scorecard order. Arrow keys move through the rows; Enter opens an indicator; Escape comes back. Ctrl+C copies the highlighted row, with headings, to paste into Excel or Outlook; right-click for more. Drag a heading's edge to widen a column; the width is remembered. **England**, **Region** (the authority's region, such as South East) and **Neighbours** are the published benchmarks for the year in **Year**, as the exported workbook shows them; a blank one is not in the store (import the DfE's file to add it).

## Reading the SPC chart
The chart plots each month with its mean and process limits. A point in **blue** is special cause improving, in **orange** special cause concerning, **grey** is ordinary (common cause) variation, **purple** a signal on an indicator with no better direction. A signal is a point outside the limits, a run of points on one side of the mean, or a run rising or falling. A small change inside the limits is noise, however the arrow points. For small numbers the line under the title says what one child is worth.

## Exporting
**File > Export** (Ctrl+E) writes the revised workbook, with the cohorts you excluded, for the committee pack.

## Keyboard
Alt opens the menu bar (arrows and Enter choose); Ctrl+1 to Ctrl+4 switch screens; Ctrl+F searches; Ctrl+O imports; Ctrl+E exports.`

// helpMenu is the Help menu: the guide, the glossary and About.
func (w *mainWindow) helpMenu() *fyne.Menu {
	return fyne.NewMenu("Help",
		fyne.NewMenuItem("User guide", w.showGuide),
		fyne.NewMenuItem("Glossary", w.showGlossary),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("About Scorecard", w.showAbout),
	)
}

// showText shows markdown in a scrolling dialog sized to the window.
func (w *mainWindow) showText(title, markdown string) {
	rt := widget.NewRichTextFromMarkdown(markdown)
	rt.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "Close", container.NewVScroll(rt), w.win)
	size := w.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(720, size.Width*0.9), min(560, size.Height*0.9)))
	d.Show()
}

func (w *mainWindow) showGuide() { w.showText("Scorecard user guide", userGuide) }

func (w *mainWindow) showGlossary() {
	var b strings.Builder
	for _, g := range glossary {
		fmt.Fprintf(&b, "**%s**: %s\n\n", g.term, g.meaning)
	}
	w.showText("Glossary", b.String())
}

// Version is the app's version, set by main from FyneApp.toml's.
var Version = "dev"

// storePather is a backend that knows where its store is.
type storePather interface{ Path() string }

// Path is the store's file.
func (b storeBackend) Path() string { return b.st.Path() }

// aboutText says which Scorecard this is and where its data lives, for an
// officer reporting a problem.
func (w *mainWindow) aboutText() string {
	build, built := "unknown", ""
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				build = s.Value[:min(12, len(s.Value))]
			case "vcs.time":
				built = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					build += " (modified)"
				}
			}
		}
	}
	store := "in memory"
	if p, ok := w.st.(storePather); ok {
		store = p.Path()
	}
	lines := []string{
		"Scorecard " + Version,
		"Build " + build + " " + built,
		fmt.Sprintf("Go %s, %s/%s, Fyne %s", strings.TrimPrefix(runtime.Version(), "go"), runtime.GOOS, runtime.GOARCH, fyneVersion()),
		"Store " + store + " (" + w.engineName() + ")",
	}
	return strings.Join(lines, "\n")
}

// fyneVersion is the Fyne module the app was built with.
func fyneVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if m.Path == "fyne.io/fyne/v2" {
				return m.Version
			}
		}
	}
	return "unknown"
}

func (w *mainWindow) showAbout() {
	l := widget.NewLabel(w.aboutText())
	l.Selectable = true
	dialog.NewCustom("About Scorecard", "Close", l, w.win).Show()
}
