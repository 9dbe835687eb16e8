package importer

import (
	"context"
	"fmt"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// monthsDownBlock is one table of a sheet of months down and areas
// across: its columns, and the indicator its rows give where no Ref or
// Indicator column names each row's.
type monthsDownBlock struct {
	period Column
	key    *Column  // the Ref or Indicator column; nil for none
	areas  []Column // in the sheet's order
	ref    string   // the block's indicator, where key is nil
}

// readMonthsDown reads a sheet of months down and areas across
// (MonthsDownSheet): each figure is its row's period's and its column's
// area's, for the indicator its block's title names (or its row's Ref).
// A later header of the same shape, under a title of its own, starts
// another indicator's block. Every row and column not read is said at
// its cell.
func (s *sheetReader) readMonthsDown(ctx context.Context) error {
	s.warnUnused()
	b := s.monthsDownBlock(s.l.Columns, s.l.HeaderRow-1, s.l.monthsDown)
	// pending are the rows since the last row of figures that gave none,
	// each with why: a title above a later block's header is that
	// block's name, and the rest are said once it is known they are not.
	type skipped struct {
		r   int
		why string
	}
	var pending []skipped
	flush := func(except int) {
		for _, p := range pending {
			if p.r != except {
				s.warn(p.r, b.period.index, "row %d not read: %s", p.r+1, p.why)
			}
		}
		pending = pending[:0]
	}
	last := s.l.HeaderRow - 1 // the last row of the block read so far
	for r := s.l.FirstRow - 1; r < len(s.g.rows); r++ {
		if r%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if blankRow(s.g.rows[r]) {
			continue
		}
		ptext := strings.TrimSpace(s.at(r, &b.period))
		period, ok := tidyPeriod(ptext, s.g.serialShift(r, b.period.index))
		if !ok {
			if cols, unread, ok := monthsDownColumns(s.g, r); ok {
				// A block of its own: its title is the first text
				// between the last block's figures and its header.
				var title *monthsDownTitle
				if tr, tc := titleAbove(s.g.rows, last+1, r); tr >= 0 {
					title = &monthsDownTitle{name: strings.TrimSpace(s.g.rows[tr][tc]), r: tr, c: tc}
					flush(tr)
				} else {
					flush(-1)
				}
				for c, why := range unread {
					s.warn(r, c, "column %s %q not read: %s", xlsx.ColumnName(c), strings.TrimSpace(s.g.rows[r][c]), why)
				}
				b, last = s.monthsDownBlock(cols, r, title), r
				continue
			}
			why := fmt.Sprintf("%q in column %s is not a period (expected e.g. Mar-25, March 2025 or a date)", ptext, b.period.Col)
			switch {
			case isTotalLabel(ptext):
				why = fmt.Sprintf("%q is a total of the rows above", ptext)
			case ptext == "":
				why = fmt.Sprintf("no period in column %s", b.period.Col)
			}
			pending = append(pending, skipped{r, why})
			continue
		}
		flush(-1)
		last = r
		if early(period) {
			s.warn(r, b.period.index, "row %d not read: dated before %d (a year typed wrongly?)", r+1, EarliestYear)
			continue
		}
		ref := b.ref
		if b.key != nil {
			if ref = s.monthsDownKey(r, b.key); ref == "" {
				continue
			}
		}
		s.readMonthsDownRow(r, ref, period, b.areas)
	}
	flush(-1)
	s.warnNamedRefs()
	return nil
}

// monthsDownBlock lays out a block whose header is at 0-based row h, its
// columns cols, and defines the indicator its title names, saying so
// at the title.
func (s *sheetReader) monthsDownBlock(cols []Column, h int, title *monthsDownTitle) monthsDownBlock {
	var b monthsDownBlock
	for i := range cols {
		switch c := &cols[i]; c.Role {
		case RolePeriod:
			b.period = *c
		case RoleRef, RoleName:
			b.key = c
		case RoleArea:
			if !s.l.shadowed(*c) {
				b.areas = append(b.areas, *c)
			}
		}
	}
	if b.key != nil || len(b.areas) == 0 {
		return b
	}
	name, at, by := strings.TrimSpace(s.l.Sheet), app.Location{}, "the sheet's name"
	nr, nc := h, b.period.index
	if title != nil {
		name, by = title.name, "its title"
		nr, nc = title.r, title.c
		at = s.loc(nr, nc)
	}
	b.ref = nameRef(name)
	s.out.define(app.Indicator{Ref: b.ref, Name: name}, app.Stated{Name: at})
	first, lastArea := b.areas[0], b.areas[len(b.areas)-1]
	s.warn(nr, nc, "read as one indicator's figures, months down (column %s %q) and areas across (%s%d:%s%d): %s %q, known by %s (no Ref), each figure filed under its row's month and its column's area",
		b.period.Col, b.period.Header, first.Col, h+1, lastArea.Col, h+1, b.ref, name, by)
	return b
}

// monthsDownKey reads the indicator of row r from its Ref or Indicator
// column, a name filed under the ref made from it; "" where it has none,
// said at its cell.
func (s *sheetReader) monthsDownKey(r int, key *Column) string {
	text := stripFootnote(s.at(r, key))
	if text == "" {
		s.warn(r, key.index, "row %d not read: no indicator %s", r+1, key.Role)
		return ""
	}
	if key.Role == RoleRef {
		s.out.indicator(app.Indicator{Ref: text})
		return text
	}
	ref := nameRef(text)
	s.out.define(app.Indicator{Ref: ref, Name: text}, app.Stated{Name: s.loc(r, key.index)})
	// Said once at the heading, as a sheet keyed by names says it
	// (warnNamedRefs).
	n := &s.named
	if n.names == nil {
		n.names, n.keys = map[string]string{}, map[string]string{}
	}
	if _, ok := n.names[ref]; !ok {
		n.header, n.col = s.l.HeaderRow, key.index
		n.refs, n.names[ref], n.keys[ref] = append(n.refs, ref), text, nameKey(text)
	}
	return ref
}

// readMonthsDownRow reads one row's figures, one for each area column,
// all for period.
func (s *sheetReader) readMonthsDownRow(r int, ref string, period app.Period, areas []Column) {
	decimals := -1
	s.rowFloats.block = s.rowFloats.block[:0]
	for i := range areas {
		c := &areas[i]
		text := s.at(r, c)
		if strings.TrimSpace(text) == "" {
			continue
		}
		lk := s.look(r, c)
		s.out.noteFormat(ref, lk)
		rd, err := readMarkedFigure(text, lk, &s.rowFloats)
		if err != nil {
			s.warn(r, c.index, "%s %s %s: cell skipped: %v", ref, c.Area, period.Label(), err)
			continue
		}
		if rd.marker != "" {
			s.warn(r, c.index, "%s: %s", ref, markedNote(text, rd))
		}
		s.sayExponent(r, c.index, ref, text, rd)
		if rd.percent {
			s.out.percent[ref] = true
		}
		decimals = max(decimals, min(rd.decimals, 3))
		o := app.Observation{Ref: ref, Area: c.Area, Split: c.Split, Period: period,
			Value: rd.value, Numerator: rd.num, Denominator: rd.den, Status: rd.status, Raw: rd.raw}
		s.out.observe(&o, r, c.index)
	}
	if decimals >= 0 {
		s.out.placed[ref] = true
		s.out.indicator(app.Indicator{Ref: ref, Decimals: decimals})
	}
}
