package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
)

// The byte scanner reads what Excel and the common producers write.
// Where it finds a sheet's XML damaged that an XML parser may still read
// (an end tag written "</c >", say), the sheet is read with excelize
// instead, rather than refused: slower, but right.

// damagedError is sheet XML the scanner does not understand.
type damagedError string

func (e damagedError) Error() string { return string(e) }

// fallsBack reports whether excelize may read what err stopped the
// scanner at.
func fallsBack(err error) bool {
	var dmg damagedError
	return errors.As(err, &dmg)
}

// charsetReader is excelize's decoder of character encodings, for a part
// in an encoding toUTF8 does not decode itself: made once, when first
// needed, from a new excelize workbook, which is where excelize keeps it.
var charsetReader = sync.OnceValue(func() func(string, io.Reader) (io.Reader, error) {
	f := excelize.NewFile()
	defer f.Close()
	return f.CharsetReader
})

// excelizeFile opens the workbook with excelize, once.
func (w *Workbook) excelizeFile() (*excelize.File, error) {
	w.xmu.Lock()
	defer w.xmu.Unlock()
	if w.xf == nil && w.xerr == nil {
		w.xf, w.xerr = excelize.OpenFile(w.name, excelize.Options{UnzipSizeLimit: w.limit, UnzipXMLSizeLimit: w.limit})
	}
	return w.xf, w.xerr
}

// fallbackGrid reads a sheet with excelize where err stopped the
// scanner; err again if excelize cannot read it either.
func (w *Workbook) fallbackGrid(s Sheet, err error) (*Grid, error) {
	f, xerr := w.excelizeFile()
	if xerr != nil {
		return nil, err
	}
	g, xerr := w.gridByExcelize(f, s)
	if xerr != nil {
		return nil, err
	}
	return g, nil
}

// cellMeta is what excelize's GetRows does not give of a cell.
type cellMeta struct {
	style   int32
	typ     string
	formula bool // has a formula
	value   bool // has a non-empty <v>
}

// gridByExcelize reads a sheet into a Grid as Scan gives one: values by
// excelize's GetRows, and each cell's style, type and formula, the merged
// ranges and hidden columns by one pass of encoding/xml over the sheet
// (excelize's own per-cell getters cost a search each).
func (w *Workbook) gridByExcelize(f *excelize.File, s Sheet) (*Grid, error) {
	rows, err := f.GetRows(s.Name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	data, err := w.part(s.path)
	if err != nil {
		return nil, err
	}
	g := &Grid{}
	meta, err := sheetMeta(data, g)
	if err != nil {
		return nil, err
	}
	g.Rows, g.Styles = make([][]string, len(rows)), make([][]int32, len(rows))
	cells := 0
	for r, row := range rows {
		var m []cellMeta
		if r < len(meta) {
			m = meta[r]
		}
		styles := make([]int32, len(row))
		for c, v := range row {
			var cm cellMeta
			if c < len(m) {
				cm = m[c]
			}
			styles[c] = cm.style
			if cm.formula && w.scan.RecalcOnLoad {
				// As the scanner reads it: see ScanOptions.RecalcOnLoad.
				if placeholder([]byte(v), []byte(cm.typ)) {
					v, row[c] = "", ""
				} else {
					g.Unverified = append(g.Unverified, Cell{r, c})
				}
			}
			if (cm.typ == "s" || cm.typ == "inlineStr" || cm.typ == "str") && exponentNumber(v) {
				g.ExponentText = append(g.ExponentText, Cell{r, c})
			}
			switch {
			case v == "":
				if cm.formula && (!cm.value || cm.typ != "str" || w.scan.RecalcOnLoad) {
					g.Uncalculated = append(g.Uncalculated, Cell{r, c})
				}
			case cm.typ == "b" && !w.scan.RawBooleans:
				row[c] = map[string]string{"1": "TRUE", "0": "FALSE"}[strings.TrimSpace(v)]
			case cm.typ == "d":
				row[c] = isoSerial(v, w.date1904 && !w.scan.DatesAs1900)
			case (cm.typ == "" || cm.typ == "n") && w.scan.DateStyles != nil && int(cm.style) < len(w.scan.DateStyles) && w.scan.DateStyles[cm.style]:
				row[c] = shiftSerial(v, date1904Offset)
			}
		}
		n := trimmed(row)
		if n == 0 {
			continue
		}
		if cells += n + 1; w.scan.MaxCells > 0 && cells > w.scan.MaxCells {
			return nil, ErrTooManyCells
		}
		g.Rows[r], g.Styles[r] = row[:n], styles[:n]
	}
	for len(g.Rows) > 0 && g.Rows[len(g.Rows)-1] == nil {
		g.Rows, g.Styles = g.Rows[:len(g.Rows)-1], g.Styles[:len(g.Styles)-1]
	}
	return g, nil
}

// sheetMeta reads each cell's style, type and formula with encoding/xml,
// rows and cells placed by their r attributes as excelize places them,
// and puts the merged ranges and hidden columns into g.
func sheetMeta(data []byte, g *Grid) ([][]cellMeta, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = charsetReader()
	var meta [][]cellMeta
	row, col := -1, -1
	var cur *cellMeta
	inV := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return meta, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attrs := func(name string) (string, bool) {
				for _, a := range t.Attr {
					if a.Name.Local == name && a.Name.Space == "" {
						return a.Value, true
					}
				}
				return "", false
			}
			switch t.Name.Local {
			case "row":
				row, col = row+1, -1
				if v, ok := attrs("r"); ok {
					if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n >= 1 && n <= 1<<20 {
						row = n - 1
					}
				}
				if v, ok := attrs("hidden"); ok && (v == "1" || v == "true") {
					g.HiddenRows = append(g.HiddenRows, row)
				}
			case "c":
				if row < 0 {
					continue
				}
				col++
				if v, ok := attrs("r"); ok {
					if n, ok := ColumnOf([]byte(v)); ok {
						col = n
					}
				}
				for len(meta) <= row {
					meta = append(meta, nil)
				}
				for len(meta[row]) <= col {
					meta[row] = append(meta[row], cellMeta{})
				}
				cur = &meta[row][col]
				*cur = cellMeta{}
				if v, ok := attrs("s"); ok {
					if n, err := strconv.Atoi(v); err == nil && n >= 0 {
						cur.style = int32(n)
					}
				}
				cur.typ, _ = attrs("t")
			case "f":
				if cur != nil {
					cur.formula = true
				}
			case "v":
				inV = cur != nil
			case "mergeCell":
				if v, ok := attrs("ref"); ok {
					if m, ok := parseRange(v); ok {
						g.Merged = append(g.Merged, m)
					}
				}
			case "col":
				var b []byte
				for _, a := range t.Attr {
					b = append(b, ' ')
					b = append(b, a.Name.Local...)
					b = append(b, `="`...)
					b = append(b, a.Value...)
					b = append(b, '"')
				}
				(&sheetScanner{g: g}).hiddenCols(b)
			}
		case xml.CharData:
			if inV && len(bytes.TrimSpace(t)) > 0 {
				cur.value = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				inV = false
			case "c":
				cur, inV = nil, false
			}
		}
	}
}
