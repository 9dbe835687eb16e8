package xlsx

import (
	"context"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// A difference is a cell or style where the reader and excelize
// disagree.
type difference struct {
	sheet, cell, what string
	ours, theirs      string
	style             int32 // the cell's style index, for a style's difference
}

func (d difference) String() string {
	return fmt.Sprintf("%s!%s %s: ours %q, excelize %q", d.sheet, d.cell, d.what, d.ours, d.theirs)
}

// documented are the differences from excelize the reader makes on
// purpose, each named by why; compare reports any other.
var documented = map[string]func(w *Workbook, d difference) bool{
	// An ISO 8601 date cell (t="d") is given as the serial Excel would
	// store, so that it reads as a date like every other; excelize's
	// RawCellValue gives the ISO text.
	"ISO date cell as its serial": func(w *Workbook, d difference) bool {
		return d.what == "value" && d.ours != "" && isoSerial(d.theirs, w.Date1904()) == d.ours && d.ours != d.theirs
	},
	// A formula's saved 0 in a workbook that asks to be recalculated on
	// opening is XlsxWriter's placeholder, not a result, and is read as
	// none (see ScanOptions.RecalcOnLoad); excelize gives the 0.
	"formula's placeholder result": func(w *Workbook, d difference) bool {
		return d.what == "value" && d.ours == "" && w.RecalcOnLoad() && placeholder([]byte(d.theirs), nil)
	},
	// excelize resolves no fill colour at all in a workbook without a
	// theme part, even an RGB one; Excel shows the colour.
	"fill without a theme part": func(w *Workbook, d difference) bool {
		return d.what == "fill" && d.theirs == "" && themePart(w) == ""
	},
	// A workbook that redefines one of Excel's built-in number formats
	// (as LibreOffice does) is read with its own code; excelize reads
	// the built-in.
	"built-in number format redefined": func(w *Workbook, d difference) bool {
		return d.what == "number format" && strings.HasPrefix(d.ours, "custom ")
	},
	// A cell format may say applyFont="false" or applyFill="false"
	// (LibreOffice writes them): the reader reads the font and fill it
	// names all the same, as Excel shows them; excelize gives none.
	"font or fill with apply false": func(w *Workbook, d difference) bool {
		if (d.what != "font" && d.what != "fill") || d.theirs != "" {
			return false
		}
		flag := "applyFont"
		if d.what == "fill" {
			flag = "applyFill"
		}
		v := xfAttr(w, int(d.style), flag)
		return v == "0" || v == "false"
	},
}

// xfAttr reads an attribute of a cell format, straight from the styles
// part.
func xfAttr(w *Workbook, idx int, name string) string {
	var data []byte
	for part := range w.parts {
		if strings.HasSuffix(part, "styles.xml") {
			data, _ = w.part(part)
		}
	}
	var st struct {
		Xfs []struct {
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"cellXfs>xf"`
	}
	if xml.Unmarshal(data, &st) != nil || idx >= len(st.Xfs) {
		return ""
	}
	for _, a := range st.Xfs[idx].Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func themePart(w *Workbook) string {
	for name := range w.parts {
		if strings.HasPrefix(name, "xl/theme/") || strings.Contains(name, "/theme/") {
			return name
		}
	}
	return ""
}

// compare reads a workbook with the reader and with excelize and lists
// where they differ: the sheets, each cell's raw value (booleans as
// stored, as RawCellValue gives them) and style index, and each style's
// number format, font name and resolved fill colour. Differences of a
// documented kind come back apart, by kind.
func compare(t *testing.T, path string) (diffs []difference, known map[string]int) {
	t.Helper()
	w, err := Open(path, Options{RawBooleans: true})
	if err != nil {
		t.Fatalf("importer/xlsx: %v", err)
	}
	defer w.Close()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("excelize: %v", err)
	}
	defer f.Close()
	known = map[string]int{}
	add := func(d difference) {
		for why, is := range documented {
			if is(w, d) {
				known[why]++
				return
			}
		}
		diffs = append(diffs, d)
	}
	if ours, theirs := strings.Join(w.SheetNames(), "|"), strings.Join(f.GetSheetList(), "|"); ours != theirs {
		add(difference{what: "sheets", ours: ours, theirs: theirs})
	}
	styles := w.Styles()
	checked := map[int32]bool{}
	for _, name := range w.SheetNames() {
		g, err := w.Grid(context.Background(), name)
		if err != nil {
			t.Fatalf("importer/xlsx: sheet %s: %v", name, err)
		}
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("excelize: sheet %s: %v", name, err)
		}
		for r := range max(len(g.Rows), len(rows)) {
			var ours, theirs []string
			if r < len(g.Rows) {
				ours = g.Rows[r]
			}
			if r < len(rows) {
				theirs = rows[r]
			}
			for c := range max(len(ours), len(theirs)) {
				ref := ColumnName(c) + fmt.Sprint(r+1)
				o, th := "", ""
				if c < len(ours) {
					o = ours[c]
				}
				if c < len(theirs) {
					th = theirs[c]
				}
				if o != th {
					add(difference{sheet: name, cell: ref, what: "value", ours: o, theirs: th})
				}
				if o == "" && th == "" {
					continue
				}
				idx, err := f.GetCellStyle(name, ref)
				if err != nil {
					t.Fatalf("excelize: %s!%s: %v", name, ref, err)
				}
				ourIdx := int32(0)
				if c < len(g.Styles[r]) {
					ourIdx = g.Styles[r][c]
				}
				if int(ourIdx) != idx {
					add(difference{sheet: name, cell: ref, what: "style index", ours: fmt.Sprint(ourIdx), theirs: fmt.Sprint(idx)})
					continue
				}
				if checked[ourIdx] {
					continue
				}
				checked[ourIdx] = true
				st, err := f.GetStyle(idx)
				if err != nil || int(ourIdx) >= len(styles) {
					if idx != 0 {
						add(difference{sheet: name, cell: ref, what: "style", ours: fmt.Sprint(len(styles)), theirs: fmt.Sprint(err)})
					}
					continue
				}
				for _, d := range compareStyle(styles[ourIdx], st) {
					d.sheet, d.cell, d.style = name, ref, ourIdx
					add(d)
				}
			}
		}
	}
	return diffs, known
}

// compareStyle compares what the reader says of a cell format with
// excelize's GetStyle.
func compareStyle(ours Style, theirs *excelize.Style) []difference {
	var out []difference
	ourFmt := fmt.Sprint("built-in ", ours.NumFmt)
	if ours.Custom {
		ourFmt = "custom " + ours.FormatCode
	}
	theirFmt := fmt.Sprint("built-in ", theirs.NumFmt)
	if theirs.CustomNumFmt != nil {
		theirFmt = "custom " + *theirs.CustomNumFmt
	}
	if ourFmt != theirFmt {
		out = append(out, difference{what: "number format", ours: ourFmt, theirs: theirFmt})
	}
	font := ""
	if theirs.Font != nil {
		font = theirs.Font.Family
	}
	if ours.Font != font {
		out = append(out, difference{what: "font", ours: ours.Font, theirs: font})
	}
	fill := ""
	if theirs.Fill.Type == "pattern" && theirs.Fill.Pattern != 0 && len(theirs.Fill.Color) > 0 {
		fill = strings.ToUpper(theirs.Fill.Color[0])
	}
	if rgb(ours.Fill) != rgb(fill) {
		out = append(out, difference{what: "fill", ours: ours.Fill, theirs: fill})
	}
	return out
}

// rgb is a colour's last six hex digits: excelize gives RRGGBB, the
// reader ARGB.
func rgb(c string) string {
	if len(c) > 6 {
		return c[len(c)-6:]
	}
	return c
}

// serial1900 is the serial of a day in the 1900 date system.
func serial1900(y int, m time.Month, d int) string {
	return fmt.Sprint(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(excelEpoch).Hours() / 24)
}
