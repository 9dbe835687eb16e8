package importer

import (
	"fmt"
	"strings"
)

// hiddenSheetFigures decides what a hidden sheet's figures give, once the
// visible sheets' are in (a hidden sheet is read after the visible sheets
// of its kind): where both give a figure the visible sheet's stands, said
// at each cell that differs (observe); a figure for a period no visible
// sheet gives fills the gap. A hidden sheet that differs from the visible
// sheets for most of the periods both give is an old copy, and its gap
// fillers would put a superseded figure in the latest month unseen
// (hidden, or veryHidden so that Excel cannot even unhide it): they are
// set aside. Either way the warning names each period it alone gave.
func (c *collector) hiddenSheetFigures(out *sheetLog) {
	var shared, differ int
	var alone []int
	for i := range out.figs {
		f := &out.figs[i]
		if f.flags&setAside != 0 {
			continue
		}
		var at int
		have := false
		if s, ok := c.figures.series[out.keys[f.series]]; ok {
			at, have = s.get(f.period())
		}
		if !have {
			alone = append(alone, i)
			continue
		}
		shared++
		o, h := out.observation(f), c.decode(c.fig(at), nil)
		decimals := 1
		if ind, ok := c.indicators[o.Ref]; ok {
			decimals = ind.Decimals
		}
		if !sameFigure(&h, &o, decimals) {
			differ++
		}
	}
	read := len(out.figs) - len(alone)
	for i := range out.figs {
		if out.figs[i].flags&setAside != 0 {
			read--
		}
	}
	switch {
	case len(alone) == 0:
		if read > 0 {
			c.warn(out.sheet, "A1", "the sheet is hidden: its %d %s read as any other sheet's, each given by a visible sheet too, whose figure stands", read, plural(read, "figure was", "figures were"))
		}
	case shared >= 3 && 2*differ > shared:
		for _, i := range alone {
			out.figs[i].flags |= setAside
		}
		c.warn(out.sheet, "A1", "the sheet is hidden and gives other figures than the visible sheets for %d of the %d periods both give, so is taken for an old copy: its %d %s for periods no visible sheet gives %s not read (%s); to read them, unhide the sheet and correct it, or copy them to the visible sheet",
			differ, shared, len(alone), plural(len(alone), "figure", "figures"), plural(len(alone), "was", "were"), c.figuresAt(out, alone))
	default:
		c.warn(out.sheet, "A1", "the sheet is hidden: %d %s read for periods no visible sheet gives (%s), and %d that visible sheets give too, whose figure stands",
			len(alone), plural(len(alone), "figure of it was", "figures of it were"), c.figuresAt(out, alone), read)
	}
}

// figuresAt names a log's figures by series, period and cell, the first
// few of them.
func (c *collector) figuresAt(out *sheetLog, figs []int) string {
	const most = 5
	var b strings.Builder
	for n, i := range figs[:min(len(figs), most)] {
		if n > 0 {
			b.WriteString("; ")
		}
		f := &out.figs[i]
		k := out.keys[f.series]
		fmt.Fprintf(&b, "%s %s %s at %s", k.Ref, k.Area, f.period().Label(), place(out.sheet, int(f.row), int(f.col)))
	}
	if len(figs) > most {
		fmt.Fprintf(&b, "; and %d more", len(figs)-most)
	}
	return b.String()
}

// hidden reports whether the workbook hides the sheet named, hidden or
// veryHidden.
func (s *Sample) hidden(name string) bool {
	sh, ok := s.book.Sheet(name)
	return ok && sh.Hidden
}
