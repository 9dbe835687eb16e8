package importer

import (
	"strings"

	"scorecard/app"
)

// readRow reads one row's figures for an indicator (or a cohort split of
// it, or an area's figures given on a row of their own) and, on the
// indicator's own row, its targets, benchmarks, RAG, DoT, components and
// comment, which belong to its latest figure.
func (s *sheetReader) readRow(r int, ind *rowIndicator, split app.Split, area app.Area, figures []Column, standIns bool) {
	l := &s.l
	split = s.sheetSplit(r, ind.ref, split)
	obs, cols := s.scratch[:0], s.scratchCols[:0]
	defer func() { s.scratch, s.scratchCols = obs[:0], cols[:0] }()
	decimals, percent := -1, false
	general, formatted := false, false
	s.rowFloats.block = s.rowFloats.block[:0]
	years := s.rowYearKind(r, ind.ref)
	var clash yearClash
	paired := newPairedCells()
	var shares countsShownAsShares
	for i := range figures {
		c, ok := s.subChoice(r, ind, &figures[i])
		if !ok {
			continue
		}
		text := s.sharedAt(r, c, ind.ref)
		if strings.TrimSpace(text) == "" || s.ahead.skip(c.index) || s.refuseSpan(r, ind, c) {
			continue
		}
		lk := s.look(r, c)
		if lk.italic && !standIns && l.Kind == IndicatorSheet {
			s.noteItalic(r, c.index)
		}
		rd, err := readMarkedFigure(text, lk, &s.rowFloats)
		if err != nil && !isBlank(err) || strings.HasPrefix(rd.marker, "(") {
			// "45 (21.3%)": a count and its percentage, as reports
			// give them, read as the one the unit asks for. "1.8%
			// (3)" too, which reads as a note's mark: the count
			// of 3 set aside would let the percentage of so few
			// out unsuppressed (said where it may be a mark).
			if prd, ok, perr := paired.take(text, ind.unit, c.index, &s.rowFloats); ok && (err != nil || perr == nil) {
				rd, err = prd, perr
			}
		}
		if err != nil {
			s.warn(r, c.index, "%s: cell skipped: %v", ind.ref, err)
			continue
		}
		if rd.percent && ind.unit == app.Number && rd.status == app.OK && rd.value != nil {
			if rd, ok = shares.settle(s, r, c.index, ind.ref, text, lk, rd); !ok {
				continue
			}
		}
		if rd.marker != "" {
			s.warn(r, c.index, "%s: %s", ind.ref, markedNote(text, rd))
		}
		s.readShown(r, c.index, ind.ref, ind.unit, text, &rd)
		s.sayExponent(r, c.index, ind.ref, text, rd)
		period := c.Period
		if p, skip, ok := s.mergedFigure(r, c, figures, ind.ref); skip {
			continue
		} else if ok {
			period = p
		} else if p, ok := years.period(s, c); !ok {
			continue
		} else {
			period = p
		}
		if clash.clashes(s, ind, c, period) {
			continue
		}
		o := app.Observation{
			Ref: ind.ref, Area: area, Split: split, Period: period,
			Value: rd.value, Numerator: rd.num, Denominator: rd.den,
			Status: rd.status, Raw: rd.raw, StandIn: standIns && lk.italic,
		}
		switch {
		case l.Kind == DistrictSheet:
			o.Area, o.Period = c.Area, l.Period
		case l.monthArea(*c):
			o.Area = c.Area // "Mar-25 Kent excl UASC" (settleMonthAreas)
		}
		if c.Split != app.All {
			sp, ok := s.columnSplit(r, c, ind.ref, split)
			if !ok {
				continue
			}
			o.Split = sp
		}
		cols = append(cols, c.index)
		obs = append(obs, o)
		decimals = max(decimals, min(rd.decimals, 3))
		percent = percent || rd.percent
		general = general || lk.general()
		formatted = formatted || !lk.general()
	}
	if len(obs) == 0 {
		s.noteDroppedFigure(r, figures)
	}
	if general {
		s.out.general[ind.ref] = true
	}
	if formatted {
		s.out.formatted[ind.ref] = true
	}
	years.say(s, r, ind.ref)
	clash.say(s, r, ind)
	paired.say(s, r, ind.ref)
	shares.say(s, r, ind.ref)
	if percent {
		s.out.percent[ind.ref] = true
	}
	if decimals >= 0 {
		s.out.placed[ind.ref] = true
		s.out.indicator(app.Indicator{Ref: ind.ref, Decimals: decimals})
	}
	latest := -1
	for i := range obs {
		// On a sheet of months, the row's latest figure is its own, not
		// another area's or cohort's a column names ("Mar-25 Kent excl
		// UASC"): the row's RAG, DoT and components are its own.
		other := l.Kind == IndicatorSheet && (obs[i].Area != area || obs[i].Split != split)
		if o := &obs[i]; !o.StandIn && !other && (latest < 0 || later(o.Period, obs[latest].Period) >= 0) {
			latest = i
		}
	}
	if s.countPercent != nil {
		s.pairNumerators(obs, cols)
	}
	s.readSubParts(r, ind, obs, cols, split == app.All && area == l.Area)
	s.saySuperseded(r, ind.ref, obs, cols)
	s.readRowExtras(r, ind, split, area, obs, latest)
	s.readFigureFill(r, obs, cols, latest)
	if split == app.All && area == l.Area && l.Kind == IndicatorSheet {
		s.sayFigurePeriods(r, ind, obs, cols)
	}
	for i := range obs {
		s.out.observe(&obs[i], r, cols[i])
	}
}

// sheetLatest is the latest period column of an indicator sheet, or a
// district sheet's period.
func (s *sheetReader) sheetLatest() app.Period {
	if s.l.Kind == DistrictSheet {
		return s.l.Period
	}
	var p app.Period
	for _, c := range s.l.Columns {
		if c.Role == RolePeriod && !c.Period.IsZero() && !s.ahead.empty[c.index] && (p.IsZero() || c.Period.Compare(p) > 0) {
			p = c.Period
		}
	}
	return p
}
