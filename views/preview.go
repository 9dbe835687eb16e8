package views

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/importer"
)

// importPreview is what an import would do to the store, built from the
// file as read and the history held before anything is stored: new and
// revised figures, definition changes, indicators the store does not
// hold, columns left unread and every warning, grouped by indicator, as
// lines the review lists in full.
type importPreview struct {
	// basis fingerprints the store the review was made against, so that
	// the store refuses the import if a colleague's import or undo has
	// landed since (store.Source.Basis).
	basis string
	defs  app.Definitions
	lines []previewLine
	// The summary's counts.
	newFigures, revised, unchanged, unread, indicators int

	file string
	h    *app.History
	res  *importer.Result
	// area is the authority's, whose figures a restated target re-rates;
	// "" counts none.
	area app.Area
}

// previewLine is one line of the review's list.
type previewLine struct {
	text   string
	header bool // an indicator's (or the general group's) heading
	warn   bool // a warning, a definition change or a refusal
}

// previewWidth is how many characters a line of the review holds before
// it is wrapped onto the next, so that no line is cut short.
const previewWidth = 110

// previewGroup is one indicator's part of the preview.
type previewGroup struct {
	ref     string
	ind     app.Indicator
	unknown bool
	// lines are what most needs checking (definition changes, revised
	// figures, warnings), then later the rest: new figures, targets,
	// benchmarks and commentary.
	lines, later []previewLine
}

// newImportPreview compares what res read with h.
func newImportPreview(h *app.History, res *importer.Result) *importPreview {
	d := res.Dataset
	p := &importPreview{defs: app.ReviewDefinitions(d, h.Indicator), basis: store.Basis(h.Imports), file: filepath.Base(res.File), h: h, res: res}
	// Quiet only for a store that holds nothing yet: one whose figures
	// an undo left undefined is told of each indicator a file adds.
	p.defs.Quiet = len(h.Indicators()) == 0 && !slices.ContainsFunc(h.Imports, func(imp app.Import) bool { return imp.Undone == nil })
	groups := map[string]*previewGroup{}
	var order []*previewGroup
	group := func(ref string) *previewGroup {
		g, ok := groups[ref]
		if !ok {
			g = &previewGroup{ref: ref}
			g.ind, ok = h.Indicator(ref)
			if !ok {
				g.unknown = true
				g.ind = app.Indicator{Ref: ref, Name: ref, Decimals: 1}
				for _, ind := range d.Indicators {
					if ind.Ref == ref {
						g.ind = ind
					}
				}
			}
			groups[ref] = g
			order = append(order, g)
		}
		return g
	}
	for _, ind := range d.Indicators {
		group(ind.Ref)
	}
	for _, c := range p.defs.Changes {
		g := group(c.Ref)
		g.add(true, "definition  %s: the file says %q (at %s), the store holds %q; the stored %s stands unless you tick \"Change definitions\"",
			c.Field, c.New, cellOf(c.At), c.Old, c.Field)
	}
	p.indicators = len(order)
	for i := range d.Observations {
		o := &d.Observations[i]
		g := group(o.Ref)
		old, ok := h.Observation(o.Key(), o.Period)
		switch {
		case !ok:
			p.newFigures++
			g.addLater("new         %s  %s  %s", seriesLabel(o.Key()), o.Period.Label(), formatValue(g.ind, *o))
		case o.Restates(old):
			p.unchanged++
		default:
			p.revised++
			g.add(true, "revised     %s  %s  %s -> %s", seriesLabel(o.Key()), o.Period.Label(), formatValue(g.ind, old), formatValue(g.ind, *o))
		}
	}
	for _, t := range d.Targets {
		group(t.Ref).addLater("target      %s: target %s, floor %s", t.Year, figureText(t.Target), figureText(t.Floor))
	}
	for _, b := range d.Benchmarks {
		group(b.Ref).addLater("benchmark   %s %s: %s", b.Group, b.Period, figureText(b.Value))
	}
	for _, c := range d.Comments {
		group(c.Ref).addLater("comment     %s %s: %s", c.Area, c.Period.Label(), c.Text)
	}
	general := &previewGroup{}
	columns := &previewGroup{}
	// The targets' warnings are the import's as accepted as it stands.
	for _, w := range append(slices.Clone(res.Warnings), p.targetWarnings(false, true)...) {
		switch {
		case strings.Contains(w.Message, " not read: "):
			p.unread++
			columns.add(true, "%s", w)
		default:
			if g, ok := groups[leadingRef(w.Message)]; ok {
				g.add(true, "warning     %s", w)
			} else {
				general.add(true, "%s", w)
			}
		}
	}
	if len(columns.lines) > 0 {
		p.lines = append(p.lines, previewLine{text: "Columns not read", header: true})
		p.lines = append(p.lines, columns.lines...)
	}
	if len(general.lines) > 0 {
		p.lines = append(p.lines, previewLine{text: "Warnings about the file", header: true})
		p.lines = append(p.lines, general.lines...)
	}
	for _, g := range order {
		head := g.ref + "  " + g.ind.Name
		if g.unknown {
			head += "  (new: the store does not hold this indicator; added only with \"Add new indicators\" ticked)"
		}
		for _, text := range wrap(head, previewWidth) {
			p.lines = append(p.lines, previewLine{text: text, header: true, warn: g.unknown})
		}
		if len(g.lines)+len(g.later) == 0 {
			p.lines = append(p.lines, previewLine{text: "    nothing new: every figure restates the store's"})
		}
		p.lines = append(p.lines, g.lines...)
		p.lines = append(p.lines, g.later...)
	}
	return p
}

// summary is the preview's first line, above its list: its counts, and
// the warnings the import will record as decided (acceptDefs, addNew),
// the same number the import then reports.
func (p *importPreview) summary(acceptDefs, addNew bool) string {
	parts := []string{
		counted(p.indicators, "indicator"),
		counted(p.newFigures, "new figure"),
		counted(p.revised, "revised figure"),
		fmt.Sprintf("%d unchanged", p.unchanged),
		counted(len(p.defs.Changes), "definition change"),
		counted(len(p.defs.Unknown), "new indicator"),
		counted(p.unread, "column") + " not read",
	}
	return strings.Join(parts, ", ") + "; " + counted(len(p.report(acceptDefs, addNew)), "warning") +
		" in the import's report (the definition changes, new indicators and columns not read among them)"
}

// report is the validation report the import will record as decided:
// the reader's warnings, each definition change and new indicator as
// decided (app.Definitions.Warnings), and each stored target the file
// changes (app.ReviewTargets), as the command line's import records them.
func (p *importPreview) report(acceptDefs, addNew bool) []app.Warning {
	ws := slices.Clone(p.res.Warnings)
	ws = append(ws, p.defs.Warnings(p.file, acceptDefs, addNew)...)
	return append(ws, p.targetWarnings(acceptDefs, addNew)...)
}

// targetWarnings are app.ReviewTargets' warnings for the file's targets
// as decided, worked out on a copy: nothing is finished until accepted.
func (p *importPreview) targetWarnings(acceptDefs, addNew bool) []app.Warning {
	d := p.res.Dataset
	if d == nil || len(d.Targets) == 0 {
		return nil
	}
	ds := app.Dataset{Indicators: slices.Clone(d.Indicators), Targets: slices.Clone(d.Targets), Stated: d.Stated, TargetsAt: d.TargetsAt}
	p.defs.Apply(&ds, acceptDefs, addNew)
	// After Apply, which deletes the figures of indicators refused in
	// place: the file's revisions of figures its targets re-rate.
	ds.Observations = d.Observations
	var figures func(ref string, area app.Area) []app.Observation
	if p.area != "" {
		figures = func(ref string, area app.Area) []app.Observation {
			if area == "" {
				area = p.area
			}
			return p.h.Series(app.SeriesKey{Ref: ref, Area: area, Split: app.All})
		}
	}
	return app.ReviewTargets(&ds, p.file, p.h.Targets, p.h.Indicator, figures)
}

// yields reports whether the import would store anything as decided.
func (p *importPreview) yields(acceptDefs, addNew bool) bool {
	return p.res.Dataset != nil && p.defs.Yields(p.res.Dataset, acceptDefs, addNew)
}

// refusal is why the file would store nothing, in the words the import's
// refusal uses (app.CheckYield).
func (p *importPreview) refusal() error {
	return app.CheckYield(p.file, &app.Dataset{}, p.report(false, true))
}

// add adds a line that needs checking to the group, wrapped to
// previewWidth.
func (g *previewGroup) add(warn bool, format string, args ...any) {
	g.lines = appendWrapped(g.lines, warn, fmt.Sprintf(format, args...))
}

// addLater adds a line to the group's later lines.
func (g *previewGroup) addLater(format string, args ...any) {
	g.later = appendWrapped(g.later, false, fmt.Sprintf(format, args...))
}

// appendWrapped appends text to lines, indented and wrapped to
// previewWidth.
func appendWrapped(lines []previewLine, warn bool, text string) []previewLine {
	for i, t := range wrap(text, previewWidth-4) {
		if i > 0 {
			t = "            " + t
		}
		lines = append(lines, previewLine{text: "    " + t, warn: warn})
	}
	return lines
}

// wrap splits s into lines of at most width characters, at spaces where
// it can.
func wrap(s string, width int) []string {
	if utf8.RuneCountInString(s) <= width {
		return []string{s}
	}
	var out []string
	for utf8.RuneCountInString(s) > width {
		r := []rune(s)
		cut := width
		for cut > width/2 && r[cut] != ' ' {
			cut--
		}
		if r[cut] != ' ' {
			cut = width
		}
		out = append(out, strings.TrimRight(string(r[:cut]), " "))
		s = strings.TrimLeft(string(r[cut:]), " ")
	}
	return append(out, s)
}

// leadingRef is the first word of a warning's message, where the
// importer names the indicator it is about ("CIC05 Kent 2025-03: ...").
func leadingRef(msg string) string {
	end := strings.IndexAny(msg, " :")
	if end < 0 {
		return msg
	}
	return msg[:end]
}

func seriesLabel(k app.SeriesKey) string {
	s := string(k.Area)
	if k.Split != app.All {
		s += " (" + k.Split.Label() + ")"
	}
	return s
}

func cellOf(l app.Location) string {
	if l.Sheet != "" {
		return l.Sheet + "!" + l.Cell
	}
	return l.Cell
}

func figureText(f *float64) string {
	if f == nil {
		return "none"
	}
	return plainFigure(f)
}
