package importer

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// oneCellRows writes a workbook whose one sheet has a scorecard header
// (Ref, Indicator, a month) and then n rows of one cell each, a made-up
// ref: the shape of a sheet that once added a million junk indicators.
// The sheet's XML is written straight into the zip, as Excel would.
func oneCellRows(t testing.TB, n int) string {
	t.Helper()
	return writeWorkbook(t, "rows.xlsx", func(w io.Writer) {
		fmt.Fprint(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c><c r="B1" t="inlineStr"><is><t>Indicator</t></is></c><c r="C1" t="inlineStr"><is><t>Mar-25</t></is></c></row>`)
		for r := 2; r <= n; r++ {
			fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>X%d</t></is></c></row>`, r, r, r)
		}
	})
}

// rawWorkbook writes a one-sheet workbook whose sheetData is rows, for
// shapes a workbook library would refuse to write.
func rawWorkbook(t testing.TB, name, rows string) string {
	t.Helper()
	return writeWorkbook(t, name, func(w io.Writer) { io.WriteString(w, rows) })
}

// writeWorkbook writes a workbook of one sheet, "Scorecard", whose rows
// are written by rows straight into the zip, as Excel would.
func writeWorkbook(t testing.TB, name string, rows func(io.Writer)) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	put := func(name, body string) io.Writer {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
		return w
	}
	put("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)
	put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Scorecard" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)
	w := bufio.NewWriter(put("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`))
	rows(w)
	io.WriteString(w, `</sheetData></worksheet>`)
	w.Flush()
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}
