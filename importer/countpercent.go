package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"scorecard/app"
	"scorecard/importer/value"
)

var (
	// countThenPercent is a count with its percentage after it in
	// brackets, as SSRS and council reports write both in one cell:
	// "45 (21.3%)", "1,480 (12%)".
	countThenPercent = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)\s*\(\s*([0-9]+(?:\.[0-9]+)?)\s*%\s*\)$`)
	})
	// percentThenCount is the percentage first: "21.3% (45)".
	percentThenCount = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?)\s*%\s*\(\s*([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)\s*\)$`)
	})
	// besideBrackets is any text with more in brackets after it, for
	// withheldPair: "<5 (2.1%)", "c (2.1%)", "3 (c)".
	besideBrackets = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^([^()]+?)\s*\(\s*([^()]+?)\s*\)$`)
	})
	// pairPart is a count or a percentage as either half of a pair.
	pairPart = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?\s*%?$`)
	})
)

// withheldPair reads a count and its percentage one of which the source
// has withheld, "<5 (2.1%)", "c (2.1%)" or "3 (c)", as SSRS writes its
// own suppression: the status of the code, the withheld one (c where
// either half is c), since the figure beside it would give it away. ok is
// false for any other text.
func withheldPair(text string) (st app.Status, ok bool) {
	m := besideBrackets().FindStringSubmatch(strings.TrimSpace(strings.ReplaceAll(text, "\u00a0", " ")))
	if m == nil {
		return app.OK, false
	}
	for _, part := range m[1:] {
		code, isCode := app.ParseStatus(part)
		switch {
		case isCode && (st == app.OK || code == app.Suppressed):
			st = code
		case !isCode && !pairPart().MatchString(part):
			return app.OK, false
		}
	}
	return st, st != app.OK
}

// countAndPercent reads a cell giving a count and its percentage
// together, "45 (21.3%)" or "21.3% (45)", and the places the percentage
// is written to: ok is false for any other text.
func countAndPercent(text string) (count, pct float64, places int, ok bool) {
	t := strings.TrimSpace(strings.ReplaceAll(text, "\u00a0", " "))
	var cs, ps string
	if m := countThenPercent().FindStringSubmatch(t); m != nil {
		cs, ps = m[1], m[2]
	} else if m := percentThenCount().FindStringSubmatch(t); m != nil {
		ps, cs = m[1], m[2]
	} else {
		return 0, 0, 0, false
	}
	count, err1 := strconv.ParseFloat(strings.ReplaceAll(cs, ",", ""), 64)
	pct, err2 := strconv.ParseFloat(ps, 64)
	if i := strings.IndexByte(ps, '.'); i >= 0 {
		places = len(ps) - i - 1
	}
	return count, pct, places, err1 == nil && err2 == nil
}

// pairedCells reads a row's cells that give a count and its percentage
// together, each as the figure the indicator's unit asks for: the count
// for a count, the percentage, with the count kept as its numerator,
// for anything else but a unit of another kind, whose cell is skipped.
// It is said once for the row, at the first such cell.
type pairedCells struct {
	col  int // the first cell's column, -1 for none yet
	text string
	read string // what the first was read as
	n    int
	// marks are the cells whose count, 1 to 9 after a percentage
	// ("1.8% (3)"), could be a note's mark: said where no other cell
	// of the row gives a count beside its percentage.
	marks []pairNote
	// withheld are the cells a pair gave as withheld by the source.
	withheld []pairNote
}

// pairNote is a cell of a row and what is said of it.
type pairNote struct {
	col  int
	text string
	msg  string
}

func newPairedCells() pairedCells { return pairedCells{col: -1} }

// take reads text, which failed to read as one figure, as a count and
// its percentage for an indicator of the unit stated (unit; "" for none
// stated), into rd; ok is false where text is no such pair. A mark after
// the pair ("4 (2.0%)*") is set aside in rd.marker, for the caller to
// say as it says one after any figure. err says why a pair is not read
// for a unit of another kind.
func (p *pairedCells) take(text string, unit app.Unit, col int, fl *floats) (rd reading, ok bool, err error) {
	if st, ok := withheldPair(text); ok {
		// The source's own suppression is data, kept as given: the
		// figure beside the code is not read, as it would give the
		// withheld one away.
		p.withheld = append(p.withheld, pairNote{col, strings.TrimSpace(text), st.String()})
		return reading{status: st, raw: text, decimals: -1}, true, nil
	}
	pair, marker := text, ""
	count, pct, places, ok := countAndPercent(pair)
	if !ok {
		// "4 (2.0%)*": a note's mark (or a GSS marker) after the pair
		// is set aside as after any figure, said at its cell by the
		// caller, rather than the cell skipped.
		if fig, m, cut := value.CutMarker(text); cut {
			if count, pct, places, ok = countAndPercent(fig); ok {
				pair, marker = fig, m
			}
		}
	}
	if !ok {
		return reading{}, false, nil
	}
	if m := percentThenCount().FindStringSubmatch(strings.TrimSpace(strings.ReplaceAll(pair, "\u00a0", " "))); m != nil && count >= 1 && count <= 9 && (unit == "" || unit == app.Percent || unit == app.Number) {
		shown := fmt.Sprintf("%g%% with %g kept as its numerator", pct, count)
		if unit == app.Number {
			shown = fmt.Sprintf("the count %g its unit (%s) asks for", count, unit)
		}
		p.marks = append(p.marks, pairNote{col, strings.TrimSpace(text), fmt.Sprintf(
			"read as %s, as \"21.3%% (45)\" gives a count beside its percentage, so that a percentage of so few is seen by suppression; no other cell of the row gives a count so, and \"(%g)\" may instead be a note's mark: if it is, write the mark as \"%s%%*\" or \"%s%%\u2020\", or give the count in a column of its own",
			shown, count, m[1], m[1])})
	}
	rd = reading{raw: text, marker: marker, decimals: -1}
	var read string
	switch unit {
	case app.Number:
		rd.value, rd.decimals = fl.of(count), 0
		read = fmt.Sprintf("%g, the count its unit (%s) asks for; the percentage %g%% is not kept", count, unit, pct)
	case "", app.Percent:
		rd.value, rd.num, rd.percent = fl.of(pct), fl.of(count), true
		rd.decimals = min(places, 3)
		read = fmt.Sprintf("%g%%, the percentage, with %g kept as its numerator (no denominator is given)", pct, count)
		if unit == "" {
			read = fmt.Sprintf("%g%%, the percentage, as neither a Unit column nor its name says it is a count (so its unit is %%), with %g kept as its numerator (no denominator is given)", pct, count)
		}
	default:
		return reading{}, true, fmt.Errorf("%q gives a count and a percentage, neither of which is in its unit (%s): give the figure alone", strings.TrimSpace(text), unit)
	}
	if p.col < 0 {
		p.col, p.text, p.read = col, strings.TrimSpace(text), read
	}
	p.n++
	return rd, true, nil
}

// say warns, at the row's first cell giving a count and its percentage,
// how they were read.
func (p *pairedCells) say(s *sheetReader, r int, ref string) {
	for _, w := range p.withheld {
		s.warn(r, w.col, "%s: %q gives a count and its percentage with one withheld by the source: kept as %s, withheld, as the source gives it; the figure beside the code is not read, as it would give the withheld one away", ref, w.text, w.msg)
	}
	if p.col < 0 {
		return
	}
	if len(p.marks) == p.n {
		// Each may be a note's mark: said at its own cell, in place
		// of the row's one word.
		for _, w := range p.marks {
			s.warn(r, w.col, "%s: %q %s", ref, w.text, w.msg)
		}
		return
	}
	more := ""
	switch {
	case p.n == 2:
		more = ", as is 1 more cell of the row"
	case p.n > 2:
		more = fmt.Sprintf(", as are %d more cells of the row", p.n-1)
	}
	s.warn(r, p.col, "%s: %q gives a count and its percentage in one cell, as reports write them: read as %s%s; to keep both, give the count, or the numerator and denominator, in columns of their own",
		ref, p.text, p.read, more)
}
