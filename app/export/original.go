package export

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// writeOriginal writes the revised figures into a copy of the workbook
// opt.Original, keeping its own layout and styles: each figure goes back
// into the cell it was imported from (Observation.Cell), the latest
// month's RAG and DoT cells are recomputed, every printed page is headed
// with the exclusions applied, and a Provenance sheet is added. The
// workbook must be the very file imported (its SHA-256 matches an
// import), or the cells would not be where the history says.
func (b *book) writeOriginal(ctx context.Context) error {
	path := b.opt.Original
	sum, err := app.FileSHA256(path)
	if err != nil {
		return fmt.Errorf("original %s: cannot read it: %w", path, pathless(err))
	}
	ids := map[string]bool{}
	for _, im := range b.base.Imports {
		if im.SHA256 == sum && im.Undone == nil {
			ids[im.ID] = true
		}
	}
	if len(ids) == 0 {
		return fmt.Errorf("original %s: not a workbook the history was imported from (its SHA-256 %s matches no import)", path, sum[:12])
	}
	if p := b.originalLatest(ids); b.periodDefaulted && !p.IsZero() && p != b.period {
		// The store's latest period, from a later workbook, has no
		// column in the original: its own latest is what it shows.
		b.sum.Notes = append(b.sum.Notes, fmt.Sprintf("period %s, the original's latest: the store's latest, %s, has no column in it", p.Label(), b.period.Label()))
		b.setPeriod(p)
	}
	orig, err := excelize.OpenFile(path)
	if err != nil {
		return fmt.Errorf("original %s: cannot open it as a workbook: %w", path, pathless(err))
	}
	// An export's import reads its Data sheet alone (the importer's
	// readExport), so no figure keeps a cell on its other sheets, and
	// written into, they would keep every figure as it was: an
	// unsuppressed count among suppressed ones, a corrected figure's old
	// value. Its own layout is the house layout, written anew.
	if props, err := orig.GetDocProps(); err == nil && props.Category == app.ExportCategory {
		orig.Close()
		return fmt.Errorf("original %s: is a Scorecard export, whose sheets are laid out from its Data sheet and would not be revised: export without --original, which writes the same layout anew", path)
	}
	b.f.Close()
	b.f = orig
	b.analyse()
	o := originalWriter{book: b, styles: map[restyle]int{}, heads: map[string]map[string]int{}, ragFills: map[app.RAG]restyle{}, ragWords: map[app.RAG]string{},
		written: map[string]bool{}, districtRows: map[string]map[int]countyFigure{}}
	o.tidy = o.tidySheets()
	// The formulas as the original has them, before figures written over
	// the first cell of a shared formula take it from the others.
	if o.formulasBefore, err = o.allFormulas(); err != nil {
		return fmt.Errorf("original %s: %w", path, err)
	}
	for _, k := range b.base.Keys() {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := o.series(ctx, k, ids); err != nil {
			return fmt.Errorf("original %s: %w", path, err)
		}
	}
	if err := o.unmapped(); err != nil {
		return fmt.Errorf("original %s: %w", path, err)
	}
	if err := o.retiredRows(ids); err != nil {
		return fmt.Errorf("original %s: %w", path, err)
	}
	if err := o.countyColumns(); err != nil {
		return fmt.Errorf("original %s: %w", path, err)
	}
	if err := o.benchmarks(ctx, ids); err != nil {
		return fmt.Errorf("original %s: %w", path, err)
	}
	if err := o.targets(ctx, ids); err != nil {
		return fmt.Errorf("original %s: %w", path, err)
	}
	for _, s := range slices.Sorted(maps.Keys(o.tidy)) {
		if err := o.rewriteTidy(s, o.tidy[s]); err != nil {
			return fmt.Errorf("original %s: sheet %q: %w", path, s, err)
		}
	}
	if err := o.unread(ctx); err != nil {
		return fmt.Errorf("original %s: %w", path, err)
	}
	if err := o.labelAllChildren(ctx, ids); err != nil {
		return fmt.Errorf("original %s: %w", path, err)
	}
	if err := o.retitle(); err != nil {
		return fmt.Errorf("original %s: %w", path, err)
	}
	if err := o.redate(); err != nil {
		return fmt.Errorf("original %s: %w", path, err)
	}
	produced := "&R" + escapeHeader("Produced "+b.opt.Produced.Format("2 January 2006"))
	header := "&L" + escapeHeader(exclusionWords(b.opt.Exclude)) + produced
	marking, footer := Footer(b.title(), b.opt).excel(0)
	for _, s := range orig.GetSheetList() {
		h := header
		if _, ok := o.tidy[s]; ok {
			// A tidy sheet's rows say whose figures they are.
			h = "&L" + escapeHeader("Each row's figures are for the children its Cohort column names") + produced
		}
		if err := orig.SetHeaderFooter(s, &excelize.HeaderFooterOptions{OddHeader: h + marking, OddFooter: footer}); err != nil {
			return fmt.Errorf("original %s: sheet %q: %w", path, s, err)
		}
	}
	// Before the charts' caches, which a chart of a pivot table's cells
	// takes from them as blanked.
	if err := o.pivotTables(); err != nil {
		return fmt.Errorf("original %s: %w", path, err)
	}
	if err := o.chartCaches(); err != nil {
		return fmt.Errorf("original %s: %w", path, err)
	}
	name := ProvenanceSheet
	for i := 2; sheetExists(orig, name); i++ {
		name = fmt.Sprintf("%s (%d)", ProvenanceSheet, i)
	}
	if _, err := orig.NewSheet(name); err != nil {
		return err
	}
	if err := b.provenance(ctx, name); err != nil {
		return fmt.Errorf("sheet %q: %w", name, err)
	}
	b.sum.Sheets = orig.GetSheetList()
	return nil
}

// originalWriter rewrites the figures of an imported workbook.
type originalWriter struct {
	*book
	styles map[restyle]int
	heads  map[string]map[string]int // per sheet, the columns headed RAG and DoT
	// ragFills are the original's own colours for each rating, and
	// ragWords its own words for them.
	ragFills map[app.RAG]restyle
	ragWords map[app.RAG]string
	// written are the cells revised, as "Sheet!A1"; districtRows are, per
	// sheet, the rows holding district figures, with the county figure
	// that may sit beside them.
	written      map[string]bool
	districtRows map[string]map[int]countyFigure
	// allRows are, per sheet and column, the first row of all children's
	// figures written (labelAllChildrenCaptions).
	allRows map[string]map[int]int
	// tidy are the original's tidy sheets, rewritten row by row rather
	// than cell by cell.
	tidy map[string]tidyTable
	// again is where the original holds what its import read, read
	// again once needed (readAgain).
	again *app.SourceCells
	// benchCells are the original's benchmark cells, from again, made
	// once needed (benchmarkCell), and figureCells its figures as its
	// import read them (figureOf).
	benchCells  map[benchmarkAt]string
	figureCells map[figureAt]app.Observation
	// figures are the figures written, by sheet and row, and
	// formulasBefore the original's formulas (see unread).
	figures        map[string]map[int][]rowFigure
	formulasBefore map[cellAt]string
}

// countyFigure is the county's figure for a row of a district table,
// with where the district's own figure on that row is.
type countyFigure struct {
	key      app.SeriesKey
	period   app.Period
	col      int // the district's column
	district app.Area
}

// countyColumns revises the Kent column of district tables. The importer
// records one cell per figure, and Kent's is on the scorecard, so the
// same figure repeated beside the districts would otherwise keep its old
// value (all children's, under an excluding title).
func (o *originalWriter) countyColumns() error {
	// In sheet and row order, so that the notes on cells a cohort
	// cannot be excluded from are written in the same order every time.
	for _, sheet := range slices.Sorted(maps.Keys(o.districtRows)) {
		rows := o.districtRows[sheet]
		order := slices.Sorted(maps.Keys(rows))
		first := order[0]
		f := rows[first]
		col := o.areaColumn(sheet, first, f.col, f.district, o.opt.authority().Area())
		if col == 0 {
			continue
		}
		for _, r := range order {
			cf := rows[r]
			at := cell(col, r)
			if o.written[sheet+"!"+at] {
				continue
			}
			now, ok := o.h.Observation(cf.key, cf.period)
			if !ok {
				continue
			}
			ind, _ := o.h.Indicator(cf.key.Ref)
			old := o.rawValue(sheet, at)
			if err := o.revise(sheet, at, ind, now); err != nil {
				return fmt.Errorf("%s %s: %w", cf.key, cf.period, err)
			}
			o.record(sheet, at, cf.period, ind, old, now)
		}
	}
	return nil
}

// areaColumn finds the column headed with area a in the header row above
// row that heads column col with district, or 0. Only a table whose
// columns are areas has a county column: in a tidy table the county is a
// value in the Area column, not a heading, and nothing may be written
// there.
func (o *originalWriter) areaColumn(sheet string, row, col int, district, a app.Area) int {
	rows, _ := o.f.GetRows(sheet)
	for r := min(row, len(rows)) - 1; r >= 0; r-- {
		if col > len(rows[r]) {
			continue
		}
		auth := o.opt.authority()
		if got, ok := auth.ParseArea(rows[r][col-1]); !ok || got != district {
			continue
		}
		for c, text := range rows[r] {
			if got, ok := auth.ParseArea(text); ok && got == a {
				return c + 1
			}
		}
		return 0
	}
	return 0
}

// retitle says on each sheet given revised figures, in its title, which
// children the figures leave out: a sheet printed or copied alone keeps
// it, as a print header may not. The title is the first text in the
// sheet's first three rows.
func (o *originalWriter) retitle() error {
	if len(o.opt.Exclude) == 0 {
		return nil
	}
	suffix := " - " + exclusionPhrase(o.opt.Exclude)
	sheets := map[string]bool{}
	for at := range o.written {
		if s, _, ok := splitCell(at); ok {
			sheets[s] = true
		}
	}
	for _, s := range slices.Sorted(maps.Keys(sheets)) {
		rows, err := o.f.GetRows(s)
		if err != nil {
			return fmt.Errorf("sheet %q: %w", s, err)
		}
	title:
		for r := 0; r < min(len(rows), 3); r++ {
			for c, text := range rows[r] {
				if strings.TrimSpace(text) == "" {
					continue
				}
				if !strings.HasSuffix(text, suffix) {
					if err := o.f.SetCellStr(s, cell(c+1, r+1), text+suffix); err != nil {
						return fmt.Errorf("sheet %q: %w", s, err)
					}
				}
				break title
			}
		}
	}
	return nil
}

// restyle is a cell style given a new fill and font colour, as a RAG or
// DoT cell needs when its rating changes.
type restyle struct {
	id          int
	setFill     bool
	fill, color string
	upright     bool // italics taken off
}

// series writes one series' figures back where they were read from.
func (o *originalWriter) series(ctx context.Context, k app.SeriesKey, ids map[string]bool) error {
	src := o.base
	if k.Split == app.All {
		src = o.h
	}
	ind, _ := o.h.Indicator(k.Ref)
	for _, cur := range o.base.Series(k) {
		// Every period the original shows is revised, the export's and
		// those before and after it, of whatever cadence: left alone
		// they would keep all children's figures, unsuppressed, under
		// the exclusions' title.
		was, ok := fromOriginal(o.base, k, cur, ids)
		if !ok {
			var err error
			if was, ok, err = o.figureOf(ctx, k, cur.Period); err != nil {
				return fmt.Errorf("%s %s: %w", k, cur.Period, err)
			}
		}
		if !ok {
			continue
		}
		sheet, ref, ok := splitCell(was.Cell)
		if !ok {
			continue
		}
		if _, tidy := o.tidy[sheet]; tidy {
			continue // rewritten row by row
		}
		now, ok := src.Observation(k, was.Period)
		if !ok {
			continue
		}
		old := o.rawValue(sheet, ref)
		kept := o.asRead(sheet, ref, ind, now)
		if !kept {
			if err := o.revise(sheet, ref, ind, now); err != nil {
				return fmt.Errorf("%s %s: %w", k, was.Period, err)
			}
		}
		// A later import gave the period's own figure (cur): whatever
		// the cell now shows of it (the figure, or "c" where it is
		// withheld), it is not last year's, as italics would say.
		if was.StandIn && !cur.StandIn && !now.StandIn {
			if err := o.ownFigure(sheet, ref, was.Period); err != nil {
				return fmt.Errorf("%s %s: %w", k, was.Period, err)
			}
		}
		if k.Split == app.All || k.Split == app.Excluding(o.opt.Exclude...) {
			// Either holds the source's own figure excluding the cohorts.
			if w := o.disagreement(app.SeriesKey{Ref: k.Ref, Area: k.Area}, was.Period); w != "" && now.Status == app.OK && now.Value != nil {
				if err := o.noteAt(sheet, ref, w); err != nil {
					return fmt.Errorf("%s %s: %w", k, was.Period, err)
				}
			}
		}
		if kept {
			// Left as the original has it: rewriting "55.2%" typed as
			// text, or "1,234", as the number read would change what
			// it shows, and its formulas' saved results would be
			// taken for restated (QA19 D8).
			o.keep(sheet, ref, was.Period, ind, shownValue(ind, now, o.percentFormat(sheet, ref)))
		} else {
			o.record(sheet, ref, was.Period, ind, old, now)
		}
		o.written[was.Cell] = true
		if k.Split == app.All {
			o.allRow(sheet, ref)
		}
		if o.opt.authority().IsDistrict(k.Area) && k.Split == app.All {
			if col, row, err := excelize.CellNameToCoordinates(ref); err == nil {
				if o.districtRows[sheet] == nil {
					o.districtRows[sheet] = map[int]countyFigure{}
				}
				o.districtRows[sheet][row] = countyFigure{app.SeriesKey{Ref: k.Ref, Area: o.opt.authority().Area()}, was.Period, col, k.Area}
			}
		}
		if o.ratedBeside(was) {
			if err := o.rating(sheet, ref, k, src, was, now); err != nil {
				return fmt.Errorf("%s %s: %w", k, was.Period, err)
			}
		}
	}
	return nil
}

// asRead reports whether the cell sheet!ref already shows the figure now
// (of ind) as a number: its text read plainly ("55.2%", "1,234", 0.101
// under a percentage format) is now's value. Such a cell is left as it
// is. A status code is written as before, with its note, and so is a
// cell holding a formula, whose inputs may have changed though its
// figure did not.
func (o *originalWriter) asRead(sheet, ref string, ind app.Indicator, now app.Observation) bool {
	if now.Status != app.OK || now.Value == nil {
		return false
	}
	if fm, err := o.f.GetCellFormula(sheet, ref); err != nil || fm != "" {
		return false
	}
	text := strings.TrimSpace(o.rawValue(sheet, ref))
	t, percent := strings.CutSuffix(text, "%")
	v, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(t), ",", ""), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return false
	}
	if !percent && ind.Unit == app.Percent && o.percentFormat(sheet, ref) {
		v *= 100
	}
	want := *now.Value
	return math.Abs(v-want) <= 1e-9*math.Max(1, math.Abs(want))
}

// shownValue is a figure left as the original has it, as the cells the
// export restates beside it read it (rowFigure): the number as the cell
// holds it, a fraction under a percentage format, so that text such as
// "1,234" still adds up.
func shownValue(ind app.Indicator, now app.Observation, percentFormat bool) string {
	v := *now.Value
	if ind.Unit == app.Percent && percentFormat {
		v /= 100
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// fromOriginal returns the version of series k's figure cur that an
// import of the original (ids) read, whose Cell is where the original
// holds it: cur itself, or the latest such of its earlier versions when
// a later import (a correction file, next month's workbook) revised it.
// The later import's own Cell names a cell of its own file, which in the
// original may hold anything.
func fromOriginal(h *app.History, k app.SeriesKey, cur app.Observation, ids map[string]bool) (app.Observation, bool) {
	if ids[cur.Import] && cur.Cell != "" {
		return cur, true
	}
	revs := h.Revisions(k, cur.Period)
	for i := len(revs) - 1; i >= 0; i-- {
		if ids[revs[i].Import] && revs[i].Cell != "" {
			return revs[i], true
		}
	}
	return app.Observation{}, false
}

// revise writes a figure into a cell of the original, keeping the cell's
// style: a percentage as a fraction where the cell's format is a
// percentage, and a status code as text with a note.
func (o *originalWriter) revise(sheet, ref string, ind app.Indicator, now app.Observation) error {
	if now.Value == nil || now.Status != app.OK {
		if err := o.f.SetCellStr(sheet, ref, now.Status.String()); err != nil {
			return err
		}
		why := now.Status.Describe()
		if now.Status == app.CannotExclude && now.Raw != "" {
			why = "Cannot exclude: " + now.Raw
		}
		if now.Status == app.CannotExclude {
			o.sum.CannotExclude++
		}
		return o.noteAt(sheet, ref, why)
	}
	v := *now.Value
	if ind.Unit == app.Percent && o.percentFormat(sheet, ref) {
		v /= 100
	}
	return o.f.SetCellFloat(sheet, ref, v, -1, 64)
}

// percentFormat reports whether a cell's number format shows a fraction
// as a percentage.
func (o *originalWriter) percentFormat(sheet, ref string) bool {
	id, err := o.f.GetCellStyle(sheet, ref)
	if err != nil || id == 0 {
		return false
	}
	st, err := o.f.GetStyle(id)
	if err != nil {
		return false
	}
	if st.CustomNumFmt != nil {
		return strings.Contains(*st.CustomNumFmt, "%")
	}
	return st.NumFmt == 9 || st.NumFmt == 10 // Excel's built-in 0% and 0.00%
}

// splitCell splits "CYPE Scorecard!J6" into its sheet and cell.
func splitCell(s string) (sheet, ref string, ok bool) {
	i := strings.LastIndex(s, "!")
	if i <= 0 || i == len(s)-1 {
		return "", "", false
	}
	return strings.Trim(s[:i], "'"), s[i+1:], true
}

func sheetExists(f *excelize.File, name string) bool {
	i, _ := f.GetSheetIndex(name)
	return i >= 0
}

// escapeHeader doubles the ampersands of text for a print header, where
// & starts a code.
func escapeHeader(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// originalLatest returns the latest period of the history's cadence that
// the imports ids (the original's) gave a figure for, in the current
// version or an earlier one.
func (b *book) originalLatest(ids map[string]bool) app.Period {
	var latest app.Period
	for _, k := range b.base.Keys() {
		for _, o := range b.base.Series(k) {
			if o.Period.Kind != b.period.Kind || !latest.IsZero() && o.Period.Compare(latest) <= 0 {
				continue
			}
			from := ids[o.Import]
			for _, r := range b.base.Revisions(k, o.Period) {
				from = from || ids[r.Import]
			}
			if from {
				latest = o.Period
			}
		}
	}
	return latest
}
