package importer

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// workbook is an open .xlsx or .xlsm with what each of its cell formats
// says about a figure.
type workbook struct {
	*xlsx.Workbook
	looks []look // by style index
}

// openWorkbook opens a workbook, refusing one whose parts would unpack
// to more than limit bytes in all, or a sheet of more than maxCells.
func openWorkbook(name string, limit int64) (*workbook, error) {
	w, err := xlsx.Open(name, xlsx.Options{MaxUnzipSize: limit, MaxCells: maxCells, DatesAs1900: true})
	if err != nil {
		return nil, unwrapPathError(err)
	}
	return &workbook{Workbook: w, looks: looksOf(w.Styles())}, nil
}

// head reads a sheet's first rows (at most maxRows), reporting whether
// they are all there are up to maxRows.
func (w *workbook) head(ctx context.Context, name string, maxRows int) (*grid, bool, error) {
	x, complete, err := w.Head(ctx, name, maxRows)
	if err != nil {
		return nil, false, sheetError(err)
	}
	return w.grid(x), complete, nil
}

// readSheet returns a whole sheet, waiting for it if it is being read in
// the background.
func (w *workbook) readSheet(ctx context.Context, name string) (*grid, error) {
	x, err := w.Grid(ctx, name)
	if err != nil {
		return nil, sheetError(err)
	}
	return w.grid(x), nil
}

// sheetSize is the uncompressed size of a sheet's XML.
func (w *workbook) sheetSize(name string) int64 {
	s, _ := w.Sheet(name)
	return s.Size
}

func (w *workbook) grid(x *xlsx.Grid) *grid {
	return &grid{rows: yearsShown(x.Rows, x.Styles, w.looks), style: x.Styles, merged: x.Merged, hidden: x.Hidden, hiddenRows: x.HiddenRows, uncalculated: x.Uncalculated,
		unverified: x.Unverified, exponentText: exponentCells(x.ExponentText), looks: w.looks,
		date1904: w.Date1904()}
}

// sheetError says a sheet beyond maxCells in the importer's words.
func sheetError(err error) error {
	if errors.Is(err, xlsx.ErrTooManyCells) {
		return errGiantSheet
	}
	return err
}

// looksOf reads what each cell format says about a figure: number
// format, italic and Wingdings fonts, and the fill colour.
func looksOf(styles []xlsx.Style) []look {
	if styles == nil {
		return nil
	}
	looks := make([]look, len(styles))
	for i, s := range styles {
		lk := look{decimals: -1, italic: s.Italic, wingdings: strings.HasPrefix(strings.ToLower(s.Font), "wingdings"), fill: s.Fill, date: s.Date}
		if s.Custom {
			lk.yearOnly = s.Date && yearOnlyFormat(s.FormatCode)
			lk.date = lk.date && !lk.yearOnly
			lk.percent, lk.decimals, lk.thousands = formatScale(s.FormatCode)
			lk.percentSign = !lk.percent && formatPercentSign(s.FormatCode)
			lk.sections = scaleSections(s.FormatCode)
			lk.blank = strings.Trim(s.FormatCode, ";") == "" && s.FormatCode != ""
		} else {
			lk.percent, lk.decimals = builtinFormat(s.NumFmt)
		}
		lk.time = lk.date && timeFormat(s.NumFmt, s.FormatCode, s.Custom)
		looks[i] = lk
	}
	return looks
}

// timeFormat reports whether a date number format shows a time of day
// or a duration alone, hours, minutes or seconds with no day, month or
// year: one of Excel's built-in time formats, or a custom code with "h"
// or "s" outside quoted text and no "d" or "y" ("h:mm", "[h]:mm",
// "mm:ss").
func timeFormat(id int, code string, custom bool) bool {
	if !custom {
		return id >= 18 && id <= 21 || id >= 45 && id <= 47
	}
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i]
	}
	clock := false
	for i := 0; i < len(code); i++ {
		switch ch := code[i] | 0x20; {
		case code[i] == '"':
			if end := strings.IndexByte(code[i+1:], '"'); end >= 0 {
				i += end + 1
			}
		case code[i] == '\\' || code[i] == '_' || code[i] == '*':
			i++
		case code[i] == '[':
			end := strings.IndexByte(code[i:], ']')
			if end < 0 {
				return false
			}
			switch strings.ToLower(code[i+1 : i+end]) {
			case "h", "hh", "m", "mm", "s", "ss":
				clock = true // elapsed time
			}
			i += end
		case ch == 'd', ch == 'y':
			return false
		case ch == 'h', ch == 's':
			clock = true
		}
	}
	return clock
}

// builtinFormat describes Excel's built-in number formats by id.
func builtinFormat(id int) (percent bool, decimals int) {
	switch id {
	case 1, 3, 37, 38:
		return false, 0
	case 2, 4, 39, 40:
		return false, 2
	case 9:
		return true, 0
	case 10:
		return true, 2
	}
	return false, -1
}

// readWorkbook reads every sheet with a layout; sheets without one are
// reported and skipped, as long as one sheet was read.
func readWorkbook(ctx context.Context, s *Sample, opt Options) (*Result, error) {
	base := filepath.Base(s.Path)
	c := newCollector(base)
	c.knownDefinitions(opt)
	res := &Result{}
	// Stop the background readers if the import fails part way.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Plan from each sheet's first rows (or its saved layout); the kinds
	// decide the order sheets are read in. Indicator sheets come first so
	// that district sheets without a dated title can take the latest
	// month, and so that a figure given twice is kept as the scorecard
	// showed it.
	detected := make([]Layout, len(s.Heads))
	detectErrs := make([]error, len(s.Heads))
	inParallel(len(s.Heads), func(i int) {
		if _, ok := opt.Layouts[s.Heads[i].Sheet]; !ok {
			detected[i], detectErrs[i] = s.detectSheet(ctx, s.Heads[i])
		}
	})
	var plan []planned
	var firstErr error
	key, otherItalics := s.standInKey()
	areas := newAreaCheck(opt.authority(), opt.AreaNames)
	for i, h := range s.Heads {
		l, fromProfile := opt.Layouts[h.Sheet]
		if fromProfile {
			l.Sheet, l.Unsure = h.Sheet, nil
			if err := l.resolve(); err != nil {
				return nil, &app.SourceError{Location: app.Location{File: base, Sheet: h.Sheet}, Err: fmt.Errorf("saved layout: %w", err)}
			}
		} else {
			l = detected[i]
			if err := detectErrs[i]; err != nil {
				var refused *layoutRefusal
				if errors.As(err, &refused) {
					// Said at the cell that shows the layout, not as a
					// missing header.
					if firstErr == nil {
						firstErr = &app.SourceError{Location: app.Location{File: base, Sheet: h.Sheet, Cell: refused.cell}, Err: fmt.Errorf("refused: %w", err)}
					}
					c.warn(h.Sheet, refused.cell, "sheet skipped: %v", err)
					res.Layouts = append(res.Layouts, l)
					continue
				}
				if firstErr == nil {
					firstErr = noHeaderError(base, h.Sheet)
				}
				areas.cover(base, h.Sheet, h.Rows)
				if sheet, cell, _ := strings.Cut(key, "!"); len(h.Rows) > 0 && sheet == h.Sheet {
					c.warn(h.Sheet, "", "sheet skipped: %v; its key at %s, saying italic figures are the previous year's outturn, was read for every sheet", err, cell)
				} else if len(h.Rows) > 0 {
					c.warn(h.Sheet, "", "sheet skipped: %v", err)
				}
				res.Layouts = append(res.Layouts, l)
				continue
			}
		}
		if l.Kind == Skip {
			res.Layouts = append(res.Layouts, l)
			continue
		}
		// A sheet whose title or name says it counts a cohort ("excluding
		// UASC") gives that cohort's figures, not all children's.
		notes, refused := sheetCohort(&l, h.Rows)
		if refused != nil {
			if firstErr == nil {
				firstErr = &app.SourceError{Location: app.Location{File: base, Sheet: h.Sheet, Cell: refused.cell}, Err: errors.New("refused: " + refused.msg)}
			}
			c.warn(h.Sheet, refused.cell, "sheet skipped: %s", refused.msg)
			res.Layouts = append(res.Layouts, l)
			continue
		}
		for _, n := range notes {
			c.warn(h.Sheet, n.cell, "%s", n.msg)
		}
		for _, w := range areas.settle(base, &l, h.Rows) {
			c.warn(w.Sheet, w.Cell, "%s", w.Message)
		}
		areas.titles(base, &l, h.Rows)
		areas.authorityColumn(base, &l, h.Rows, "sheet")
		plan = append(plan, planned{l, fromProfile, s.wholes.get(h.Sheet)})
	}
	if err := areas.refusal(base); err != nil {
		return nil, err
	}
	// A workbook titled by nothing but its file's name ("Wigan CSC
	// Scorecard Sep-24.xlsx") is refused as a title naming the council
	// is, as a child-level list is: its figures were filed as the store's
	// authority's, unsaid.
	areas.fileName(base)
	if err := areas.titleRefusal(); err != nil {
		return nil, err
	}
	for _, w := range areas.togetherByFileName(base, plan) {
		c.warn(w.Sheet, w.Cell, "%s", w.Message)
	}
	for _, w := range append(areas.titleWarnings(), areas.unnamedWarnings(base)...) {
		c.warn(w.Sheet, w.Cell, "%s", w.Message)
	}
	res.UnknownAreas = areas.unknown
	for i := range plan {
		plan[i].l.standInKey, plan[i].l.italicsOther = key, otherItalics
		plan[i].l.defined = opt.Defined
	}
	s.wholes.drop()
	// A hidden sheet comes after the visible sheets of its kind, so that
	// where both give a figure the visible sheet's stands, and what the
	// hidden one gives alone can be told (hiddenSheetFigures).
	// So too a sheet naming no area, read as the authority's, comes
	// after those naming theirs: where a sheet for a place the profiles
	// do not know ("DGS") comes before the county's own ("Kent"), the
	// county's figures stand, not the place's.
	slices.SortStableFunc(plan, func(a, b planned) int {
		if d := kindOrder(a.l.Kind) - kindOrder(b.l.Kind); d != 0 {
			return d
		}
		switch ha, hb := s.hidden(a.l.Sheet), s.hidden(b.l.Sheet); {
		case ha && !hb:
			return 1
		case hb && !ha:
			return -1
		}
		switch ua, ub := slices.Contains(areas.unnamed, a.l.Sheet), slices.Contains(areas.unnamed, b.l.Sheet); {
		case ua && !ub:
			return 1
		case ub && !ua:
			return -1
		}
		return 0
	})
	var names []string // to read: those read for detection are in hand
	var xmlBytes int64
	for _, p := range plan {
		if p.g == nil {
			names = append(names, p.l.Sheet)
		}
		xmlBytes += s.book.sheetSize(p.l.Sheet)
	}
	s.book.Prefetch(ctx, names)
	lim := newIndicatorLimit(opt)
	sheets := readSheets(ctx, s.book, base, plan, lim)
	defer sheets.stop()
	// New indicators are counted sheet by sheet, so a sheet of a million
	// made-up refs is refused before the merge spends time and memory on
	// it.
	newRefs := newNewRefs(lim.knownFunc())
	// What the sheets merged so far define, for the sheets keyed by names
	// to be filed by their Refs (settleNamedSheets). They are indexed by
	// name only once such a sheet comes: most workbooks have none, and
	// indexing the large workbook's names made 11,000 of its 133,000
	// allocations.
	var merged []definitions
	settled := false
	for i := range plan {
		if opt.Progress != nil {
			opt.Progress(i, len(plan))
		}
		sh, err := sheets.wait(ctx, i)
		if err != nil {
			return nil, err
		}
		if !settled && sh.l.keyedByName() {
			settled = true
			refNames := nameIndex{}
			for _, d := range merged {
				refNames.addDefinitions(d)
			}
			merged = nil
			if err := settleNamedSheets(ctx, sheets, plan, i, base, refNames, opt.Indicators, opt.Retired, lim); err != nil {
				return nil, err
			}
		} else if !settled && sh.out != nil {
			merged = append(merged, sh.out.definitions())
		}
		l, out := sh.l, sh.out
		titled := out != nil // a district sheet read undated takes the latest month
		if out == nil {
			// A district sheet without a dated title takes the latest
			// period of the sheets before it, so is read only now.
			latest := c.latestPeriod()
			if w := l.titleDate.worded; w.refused != "" {
				return nil, &app.SourceError{Location: app.Location{File: base, Sheet: l.Sheet, Cell: cmp.Or(w.cell, "A1")},
					Err: fmt.Errorf("no reporting period read for the district figures from %s: %s", w.source(), w.refused)}
			}
			switch {
			case !l.TitlePeriod.IsZero() && latest.Kind != app.Month:
				// A scorecard of quarters or years, or none: the
				// title's period is the district figures'.
				l.Period = l.TitlePeriod
			case latest.IsZero():
				return nil, &app.SourceError{Location: app.Location{File: base, Sheet: l.Sheet, Cell: l.undatedAt()},
					Err: errors.New("no reporting period found for the district figures (expected a title such as \"March 2025\" or \"2024/25\", or a scorecard sheet with month, quarter or year columns)")}
			case !l.TitlePeriod.IsZero():
				// Beside months, the figures are read as the latest
				// month's, where the scorecard and its export show them.
				l.Period = latest
				c.warn(l.Sheet, "A1", "the title names %s, not a month: district figures dated %s, the latest month on the scorecard", l.TitlePeriod.Label(), l.Period.Label())
			default:
				l.Period = latest
				c.warn(l.Sheet, "A1", "no period in the title: district figures dated %s, the latest period on the scorecard", l.Period.Label())
			}
			if w := l.titleDate.worded; w.note != "" && l.Period == l.TitlePeriod {
				c.warn(l.Sheet, cmp.Or(w.cell, "A1"), "district figures dated %s by %s: %s", l.Period.Label(), w.source(), w.note)
			}
			if out, err = readSheetLog(ctx, base, l, sh.g, func(int) {}, lim); err != nil {
				return nil, err
			}
			out.warnUncalculated(sh.g)
			out.warnHidden(l, sh.g)
		}
		newRefs.addAll(out.indicators)
		if err := tooManyIndicators(app.Location{File: base, Sheet: l.Sheet}, newRefs.count(), opt); err != nil {
			return nil, err
		}
		if i == 0 {
			// Make room for every figure at once, rather than by doubling,
			// judging the whole workbook by its first sheet's figures per
			// byte.
			if n := int64(len(out.figs)); n > 0 && xmlBytes > 0 {
				if size := s.book.sheetSize(l.Sheet); size > 0 {
					c.figs = slices.Grow(c.figs, int(min(n*xmlBytes/size*11/10, int64(maxCells))))
				}
			}
		}
		if d := l.titleDate; l.Kind == DistrictSheet && !d.day.IsZero() && d.month == l.Period && !d.monthEnd() {
			c.warn(l.Sheet, d.cell, "the title's date %s is not a month's end: district figures dated %s, the month it falls in", d.text, l.Period.Label())
		}
		if d := l.titleDate; l.Kind == DistrictSheet && d.also != "" && d.month == l.Period {
			at := d.cell
			if at == "" {
				at = d.dataAt // a month in words the title says is the data's
			}
			c.warn(l.Sheet, at, "the title rows give two dates, %s at %s and %s, neither said to be the day the report was produced: district figures dated %s, by the first", d.text, at, d.also, l.Period.Label())
		}
		if d := l.titleDate; l.Kind == DistrictSheet && d.passed != "" && d.month == l.Period {
			c.warn(l.Sheet, d.dataAt, "the title rows name two months: %s here, said to be what the figures cover, and %s, not said to be: district figures dated %s", l.Period.Label(), d.passed, l.Period.Label())
		}
		if m, ok := findMonth(l.Sheet); ok && l.Kind == DistrictSheet && l.Period.Kind == app.Month && m != l.Period {
			// The title and the sheet's name disagree; the title, nearer
			// the figures, stands.
			c.warn(l.Sheet, "A1", "the title names %s but the sheet's name %s: district figures dated %s, as the title says", l.Period.Label(), m.Label(), l.Period.Label())
		}
		if s.hidden(l.Sheet) && len(out.figs) > 0 {
			// A hidden sheet is often last year's or a working copy:
			// the officer should know what it gave.
			c.hiddenSheetFigures(out)
		}
		if why, at := c.staleTitle(&l, out); titled && why != "" {
			c.warn(l.Sheet, at, "sheet skipped: %s", why)
			sh.g, sh.out = nil, nil
			res.Layouts = append(res.Layouts, l)
			continue
		}
		out.sayNotes(s.book)
		c.replay(out)
		res.UnknownAreas = append(res.UnknownAreas, out.unknown...)
		res.UnreadFigures = append(res.UnreadFigures, out.unreadFigures...)
		// For the garbage collector: of the log, the collector keeps
		// only the figures.
		sh.g, sh.out = nil, nil
		res.Sheets = append(res.Sheets, l.Sheet)
		res.Layouts = append(res.Layouts, l)
	}
	if len(res.Sheets) == 0 {
		if firstErr != nil {
			return nil, firstErr
		}
		return nil, &app.SourceError{Location: app.Location{File: base}, Err: errors.New("has no sheet with a scorecard layout")}
	}
	res.Dataset = c.dataset()
	if c.refusal != nil {
		// A figure read either way would be wrong (readProportions).
		return nil, c.refusal
	}
	res.Warnings = c.warnings
	res.Format = "scorecard workbook"
	if allTidy(res.Layouts) {
		res.Format = "tidy table"
	}
	if opt.Progress != nil {
		opt.Progress(len(plan), len(plan))
	}
	return res, nil
}

// planned is a sheet to read, with the layout detected from its first
// rows or saved in a profile.
type planned struct {
	l       Layout
	profile bool
	g       *grid // the whole sheet, where detection read it; nil otherwise
}

// kindOrder ranks the kinds of sheet in the order they are read.
func kindOrder(k Kind) int {
	switch k {
	case IndicatorSheet:
		return 0
	case DistrictSheet:
		return 1
	}
	return 2
}

func allTidy(ls []Layout) bool {
	for _, l := range ls {
		if l.Kind == IndicatorSheet || l.Kind == DistrictSheet || l.Kind == MonthsDownSheet {
			return false
		}
	}
	return true
}

// readSheetLog reads one sheet of file under its layout into a log of
// what it gives the import, stopping if it gives more new indicators than
// lim allows (nil: no limit).
func readSheetLog(ctx context.Context, file string, l Layout, g *grid, progress func(int), lim *indicatorLimit) (*sheetLog, error) {
	if l.Kind == IndicatorSheet && l.Area == "" {
		// A sheet naming no area reports the authority as a whole.
		l.Area = l.authority().Area()
	}
	sr := &sheetReader{out: newSheetLog(file, l.Sheet), l: l, g: g}
	sr.out.limit, sr.out.newRefs = lim, newNewRefs(lim.knownFunc())
	sr.out.figs = make([]figure, 0, countFigures(l, g))
	// A row of a scorecard records its indicator about twice (its
	// definition, then the places its figures show): made at that size,
	// not grown by doubling, which allocated three times as much. Up to
	// a scorecard's size only: a sheet of a million rows, most likely
	// no scorecard, grows them as it finds indicators.
	n := 2 * min(len(g.rows), 1000)
	sr.out.indicators = make([]app.Indicator, 0, n)
	sr.out.stated = make([]*app.Stated, 0, n)
	var err error
	switch l.Kind {
	case IndicatorSheet, DistrictSheet:
		if !l.has(RoleName) && !l.has(RolePeriod) && !l.has(RoleArea) {
			return nil, &app.SourceError{Location: app.Location{File: file, Sheet: l.Sheet, Cell: cellName(l.HeaderRow-1, 0)},
				Err: errors.New("no Indicator, month or area columns beside Ref")}
		}
		sr.lookAhead()
		err = sr.readScorecard(ctx)
		sr.warnAhead()
	case TidySheet:
		err = sr.readTidy(ctx, progress)
	case TargetSheet:
		err = sr.readTargets(ctx)
	case MonthsDownSheet:
		err = sr.readMonthsDown(ctx)
	}
	if err != nil && ctx.Err() == nil {
		return nil, &app.SourceError{Location: app.Location{File: file, Sheet: l.Sheet}, Err: err}
	}
	return sr.out, err
}

// countFigures counts the cells a sheet has under its figure columns (or
// rows of a tidy table), to size the log of its figures.
func countFigures(l Layout, g *grid) int {
	if l.Kind == TidySheet {
		return len(g.rows)
	}
	n := 0
	for _, c := range l.Columns {
		if c.Role != RolePeriod && c.Role != RoleArea {
			continue
		}
		for r := l.FirstRow - 1; r < len(g.rows); r++ {
			if c.index < len(g.rows[r]) && g.rows[r][c.index] != "" {
				n++
			}
		}
	}
	return n
}
