package export

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// formulas deals with the original's formulas over cells the export
// changed, directly or through other formulas: one over a withheld figure
// is withheld, since recalculated it would either give the figure away
// or show a total leaving it out; one over restated figures keeps its
// formula but loses its saved result, which was worked out from the
// original's figures, and the workbook is recalculated when opened.
func (o *originalWriter) formulas(deps map[cellAt]dependence) error {
	formulas := map[cellAt]string{}
	for at, fm := range o.formulasBefore {
		if !o.written[at.sheet+"!"+at.ref] {
			formulas[at] = fm // not a figure the export wrote over
		}
	}
	uses := map[cellAt][]cellAt{}
	for at, fm := range formulas {
		uses[at] = formulaCells(at.sheet, fm)
	}
	for changed := true; changed; {
		changed = false
		for at := range formulas {
			d := deps[at]
			for _, u := range uses[at] {
				d = max(d, deps[u])
			}
			if d != deps[at] {
				deps[at], changed = d, true
			}
		}
	}
	recalc := false
	for _, at := range slices.SortedFunc(maps.Keys(formulas), func(a, b cellAt) int {
		return strings.Compare(a.sheet+"!"+a.ref, b.sheet+"!"+b.ref)
	}) {
		fm := formulas[at]
		switch deps[at] {
		case hidden:
			if err := o.f.SetCellStr(at.sheet, at.ref, app.Suppressed.String()); err != nil {
				return err
			}
			if err := o.warnAt(at.sheet, at.ref,
				fmt.Sprintf("Withheld (c) by this export: its formula, =%s, uses a figure this export withholds, which its result would give away or leave out. The formula is removed.", fm),
				fmt.Sprintf("withheld (c), formula =%s removed: it uses a figure this export withholds", fm)); err != nil {
				return err
			}
		case unknown:
			if err := o.f.SetCellValue(at.sheet, at.ref, nil); err != nil {
				return err
			}
			if err := o.warnAt(at.sheet, at.ref,
				fmt.Sprintf("Blanked by this export: its formula, =%s, uses a figure this export cannot give (%s) or blanks. The formula is removed.", fm, o.whose()),
				fmt.Sprintf("blanked, formula =%s removed: it uses a figure this export cannot give (%s) or blanks", fm, o.whose())); err != nil {
				return err
			}
		case restated:
			// Its saved result is the original's; without it a
			// spreadsheet works the formula out afresh on opening.
			if err := o.f.SetCellValue(at.sheet, at.ref, nil); err != nil {
				return err
			}
			if err := o.f.SetCellFormula(at.sheet, at.ref, fm); err != nil {
				return err
			}
			recalc = true
			if err := o.warnAt(at.sheet, at.ref,
				fmt.Sprintf("Worked out again when the workbook is opened: its formula, =%s, uses figures this export restated (%s); the result saved with the original is removed.", fm, o.whose()),
				fmt.Sprintf("formula =%s uses figures this export restated (%s): its saved result is removed, to be worked out again when opened", fm, o.whose())); err != nil {
				return err
			}
		}
	}
	// Withholding, blanking or rewriting the first cell of a formula
	// shared down a column (as Excel saves one filled down) takes the
	// formula from the rest: theirs are put back.
	for _, at := range slices.SortedFunc(maps.Keys(formulas), func(a, b cellAt) int {
		return strings.Compare(a.sheet+"!"+a.ref, b.sheet+"!"+b.ref)
	}) {
		if deps[at] == hidden || deps[at] == unknown {
			continue
		}
		if now, _ := o.f.GetCellFormula(at.sheet, at.ref); now == "" {
			if err := o.f.SetCellFormula(at.sheet, at.ref, formulas[at]); err != nil {
				return err
			}
			recalc = true
		}
	}
	if recalc {
		on := true
		return o.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &on})
	}
	return nil
}

// allFormulas returns every formula of the workbook, by cell.
func (o *originalWriter) allFormulas() (map[cellAt]string, error) {
	formulas := map[cellAt]string{}
	with := sheetsWithFormulas(o.opt.Original)
	for _, s := range o.f.GetSheetList() {
		if with != nil && !with[s] {
			continue // asking each cell of a large sheet costs seconds
		}
		cols, rows, err := o.extent(s)
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w", s, err)
		}
		for r := 1; r <= rows; r++ {
			for c := 1; c <= cols; c++ {
				ref := cell(c, r)
				if fm, _ := o.f.GetCellFormula(s, ref); fm != "" {
					formulas[cellAt{s, ref}] = fm
				}
			}
		}
	}
	return formulas, nil
}

// sheetsWithFormulas returns the sheets of the workbook at path whose
// XML holds a formula, read from the file itself; nil when it cannot
// tell, and every sheet must be looked at.
func sheetsWithFormulas(path string) map[string]bool {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil
	}
	defer z.Close()
	read := func(name string) []byte {
		for _, f := range z.File {
			if f.Name == name {
				r, err := f.Open()
				if err != nil {
					return nil
				}
				defer r.Close()
				b, _ := io.ReadAll(r)
				return b
			}
		}
		return nil
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(read("xl/workbook.xml"), &wb) != nil || xml.Unmarshal(read("xl/_rels/workbook.xml.rels"), &rels) != nil || len(wb.Sheets) == 0 {
		return nil
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		t := strings.TrimPrefix(r.Target, "/")
		if !strings.HasPrefix(t, "xl/") {
			t = "xl/" + t
		}
		target[r.ID] = t
	}
	with := map[string]bool{}
	for _, s := range wb.Sheets {
		b := read(target[s.ID])
		if b == nil {
			return nil
		}
		with[s.Name] = formulaElement().Match(b)
	}
	return with
}

// formulaElement is a cell's formula element, with or without a
// namespace prefix.
var formulaElement = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`<([A-Za-z0-9_]+:)?f[ >/]`)
})

// extent returns how many columns and rows of a sheet hold anything: its
// recorded dimension, which counts a formula not yet worked out (with no
// value), unless that is absurdly large, when the cells with values.
func (o *originalWriter) extent(sheet string) (cols, rows int, err error) {
	grid, err := o.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return 0, 0, err
	}
	rows = len(grid)
	for _, r := range grid {
		cols = max(cols, len(r))
	}
	dim, err := o.f.GetSheetDimension(sheet)
	if err != nil {
		return cols, rows, nil
	}
	_, last, ok := strings.Cut(dim, ":")
	if !ok {
		return cols, rows, nil
	}
	if c, r, err := excelize.CellNameToCoordinates(last); err == nil && c*r <= 1<<18 {
		cols, rows = max(cols, c), max(rows, r)
	}
	return cols, rows, nil
}

// formulaCells returns the cells a formula on sheet refers to: single
// cells and ranges, on its own sheet or another named. Names defined in
// the workbook and whole-column ranges are not followed.
func formulaCells(sheet, fm string) []cellAt {
	var out []cellAt
	// refs reads a cell or range of sheet s at fm[i:], returning how many
	// bytes it took.
	refs := func(s string, i int) int {
		a, n := cellRef(fm[i:])
		if n == 0 {
			return 0
		}
		b := a
		if j := i + n; j < len(fm) && fm[j] == ':' {
			if c, m := cellRef(fm[j+1:]); m > 0 {
				b, n = c, n+1+m
			}
		}
		out = append(out, rangeCells(s, a, b)...)
		return n
	}
	for i := 0; i < len(fm); {
		ch := fm[i]
		switch {
		case ch == '"': // a string: skip to its end
			j := strings.IndexByte(fm[i+1:], '"')
			if j < 0 {
				return out
			}
			i += j + 2
		case ch == '\'':
			j := strings.Index(fm[i+1:], "'!")
			if j < 0 {
				return out
			}
			s := strings.ReplaceAll(fm[i+1:i+1+j], "''", "'")
			i += j + 3
			i += refs(s, i)
		case ch == '$' || isNameByte(ch):
			j := i
			for j < len(fm) && (isNameByte(fm[j]) || fm[j] == '$') {
				j++
			}
			switch {
			case j < len(fm) && fm[j] == '!':
				name := fm[i:j]
				i = j + 1
				i += refs(name, i)
			case j < len(fm) && fm[j] == '(':
				i = j // a function, such as LOG10
			default:
				if _, n := cellRef(fm[i:]); n == j-i {
					i += refs(sheet, i)
				} else {
					i = j
				}
			}
		default:
			i++
		}
	}
	return out
}

func isNameByte(c byte) bool {
	return c == '_' || c == '.' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

// cellRef reads a reference such as $D$4 at the start of s, returning
// its column and row and how many bytes it took (0 if none).
func cellRef(s string) ([2]int, int) {
	i := 0
	if i < len(s) && s[i] == '$' {
		i++
	}
	c0 := i
	for i < len(s) && (s[i] >= 'A' && s[i] <= 'Z' || s[i] >= 'a' && s[i] <= 'z') {
		i++
	}
	if i == c0 || i-c0 > 3 {
		return [2]int{}, 0
	}
	col, err := excelize.ColumnNameToNumber(s[c0:i])
	if err != nil {
		return [2]int{}, 0
	}
	if i < len(s) && s[i] == '$' {
		i++
	}
	r0 := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == r0 || i < len(s) && isNameByte(s[i]) {
		return [2]int{}, 0
	}
	row, err := strconv.Atoi(s[r0:i])
	if err != nil || row < 1 {
		return [2]int{}, 0
	}
	return [2]int{col, row}, i
}

// rangeCells lists the cells from a to b on sheet, at most a sheet's
// worth of a scorecard.
func rangeCells(sheet string, a, b [2]int) []cellAt {
	c0, c1 := min(a[0], b[0]), max(a[0], b[0])
	r0, r1 := min(a[1], b[1]), max(a[1], b[1])
	if (c1-c0+1)*(r1-r0+1) > 1<<16 {
		return nil
	}
	var out []cellAt
	for c := c0; c <= c1; c++ {
		for r := r0; r <= r1; r++ {
			out = append(out, cellAt{sheet, cell(c, r)})
		}
	}
	return out
}
