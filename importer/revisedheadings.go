package importer

// A month given twice, plainly and as revised ("Jun-25 | Jun-25
// (revised)"), or as provisional beside its own ("Jun-25 (provisional)"):
// one figure must be stored for the month, and which is said at the
// headings. The revised figure supersedes the plain one (the plain
// column's figures are not stored, and where they differ each is said at
// its cell); a provisional figure is read only where no plain or revised
// column gives the month, and said to be provisional. Unread, the
// revised column was "heading not known" and the superseded figure was
// stored with nothing saying a newer one had been passed over.

import (
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// Kinds of a period's figures a heading's qualifier names
// (periodGuess.kind).
const (
	revisedKind     = "revised figures"
	provisionalKind = "provisional figures"
)

// revisionWords are the qualifiers after a period's heading that make
// its figures revised or provisional: "Jun-25 (revised)", "Jun-25 rev",
// "Jun-25 (P)".
var revisionWords = map[string]string{
	"revised": revisedKind, "rev": revisedKind, "final": revisedKind, "r": revisedKind,
	"provisional": provisionalKind, "prov": provisionalKind, "p": provisionalKind,
}

// revisionHeading reads a period heading qualified as revised or
// provisional, giving the period and the kind of its figures. The
// one-letter "(R)" and "(P)" are read only in brackets.
func revisionHeading(head string) (app.Period, string, bool) {
	h := strings.TrimSpace(head)
	var rest, word string
	if strings.HasSuffix(h, ")") {
		i := strings.LastIndex(h, "(")
		if i < 0 {
			return app.Period{}, "", false
		}
		rest, word = h[:i], h[i+1:len(h)-1]
	} else {
		i := strings.LastIndexAny(h, " \u00a0")
		if i < 0 {
			return app.Period{}, "", false
		}
		rest, word = h[:i], h[i+1:]
		if len(word) < 2 {
			return app.Period{}, "", false
		}
	}
	kind, ok := revisionWords[strings.ToLower(strings.Trim(strings.TrimSpace(word), "."))]
	if !ok {
		return app.Period{}, "", false
	}
	role, p, _ := headerRole(strings.TrimSpace(strings.TrimRight(strings.TrimSpace(rest), "-–:,")))
	if role != RolePeriod || p.IsZero() {
		return app.Period{}, "", false
	}
	return p, kind, true
}

// revisionGuess reads column c's heading as a revised or provisional
// period (guessPeriodHeadings); row is the heading's row.
func revisionGuess(c, row int, head string) (periodGuess, bool) {
	p, kind, ok := revisionHeading(head)
	if !ok {
		return periodGuess{}, false
	}
	note := fmt.Sprintf("column %s %q read as %s's %s", xlsx.ColumnName(c), strings.TrimSpace(head), p.Label(), kind)
	if kind == provisionalKind {
		note += ", no other column giving the month's; they may be revised"
	}
	return periodGuess{period: p, row: row, kind: kind, note: note}, true
}

// settleRevisions decides, before settleGuessedPeriods, which column
// gives a month headed also as revised or provisional: a revised column
// supersedes the plain one (taken out of the layout, said at its
// heading and, where its figures differ, at their cells by
// saySuperseded); a provisional one gives way to a revised one (and, by
// settleGuessedPeriods, to a plain one).
func settleRevisions(l *Layout, gs *headingGuesses) {
	byKind := func(p app.Period, kind string) (Column, bool) {
		i := slices.IndexFunc(l.Columns, func(c Column) bool {
			g, ok := gs.read[c.index]
			return c.Role == RolePeriod && c.Period == p && ok && g.kind == kind
		})
		if i < 0 {
			return Column{}, false
		}
		return l.Columns[i], true
	}
	var gone []int
	for i := range l.Columns {
		rc := &l.Columns[i]
		g, ok := gs.read[rc.index]
		if !ok || rc.Role != RolePeriod {
			continue
		}
		switch g.kind {
		case provisionalKind:
			if r, ok := byKind(rc.Period, revisedKind); ok {
				gs.refused[rc.index] = fmt.Sprintf("its heading reads as %s's %s, and column %s %q gives %s's revised figures: those are kept", rc.Period.Label(), g.kind, r.Col, r.Header, rc.Period.Label())
				delete(gs.read, rc.index)
				gone = append(gone, rc.index)
			}
		case revisedKind:
			if first, _ := byKind(rc.Period, revisedKind); first.index != rc.index {
				continue // a second revised column: settleGuessedPeriods refuses it
			}
			j := slices.IndexFunc(l.Columns, func(c Column) bool {
				_, guessed := gs.read[c.index]
				return c.Role == RolePeriod && c.Period == rc.Period && !guessed && c.index != rc.index && !slices.Contains(gone, c.index)
			})
			if j < 0 {
				continue
			}
			pc := l.Columns[j]
			rc.Supersedes = pc.Col
			g.note += fmt.Sprintf(", which supersede column %s %q's: the revised figures are stored, and where the two differ the superseded figure is said at its cell", pc.Col, pc.Header)
			gs.read[rc.index] = g
			gs.refused[pc.index] = fmt.Sprintf("column %s %q gives %s's revised figures, which supersede these and are stored", rc.Col, rc.Header, rc.Period.Label())
			gone = append(gone, pc.index)
		}
	}
	l.Columns = slices.DeleteFunc(l.Columns, func(c Column) bool { return slices.Contains(gone, c.index) })
}

// saySuperseded says, at its cell, each figure of row r in a column a
// revised column supersedes (settleRevisions) that differs from the
// revised figure stored, or that has no revised figure to stand in for
// it: either way it is not stored. obs are the row's figures, read from
// cols.
func (s *sheetReader) saySuperseded(r int, ref string, obs []app.Observation, cols []int) {
	for _, rc := range s.l.Columns {
		if rc.Supersedes == "" || rc.Role != RolePeriod {
			continue
		}
		n, ok := xlsx.ColumnOf([]byte(rc.Supersedes))
		if !ok {
			continue
		}
		pc := Column{Col: rc.Supersedes, index: n}
		text := strings.TrimSpace(s.at(r, &pc))
		if text == "" {
			continue
		}
		var scratch floats
		rd, err := readFigure(text, s.look(r, &pc), &scratch)
		i := slices.Index(cols, rc.index)
		switch {
		case i < 0 || obs[i].Value == nil:
			s.warn(r, n, "%s: %s %q not stored: column %s %q, which supersedes this column, has no figure for it; give the revised figure there, or move this one",
				ref, rc.Period.Label(), text, rc.Col, rc.Header)
		case err != nil || rd.value == nil || *rd.value != *obs[i].Value:
			s.warn(r, n, "%s: %s %q superseded by the revised %s in column %s; not stored",
				ref, rc.Period.Label(), text, fmtFloat(*obs[i].Value), rc.Col)
		}
	}
}
