package xlsx

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// oleFile is the start of an OLE compound document whose directory
// names one stream, as an Excel 97-2003 workbook or an encrypted .xlsx
// is stored.
func oleFile(stream string) string {
	head := "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + strings.Repeat("\x00", 504)
	return head + string(utf16le("Root Entry")) + strings.Repeat("\x00", 44) + string(utf16le(stream)) + strings.Repeat("\x00", 64)
}

// TestRefusalNamesTheFormat refuses a file that is not an .xlsx saying
// what it is, whatever its name says.
func TestRefusalNamesTheFormat(t *testing.T) {
	dir := t.TempDir()
	ods := pkg{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office:document-content/>"}.write(t, dir, "ods.xlsx")
	xlsb := pkg{"[Content_Types].xml": "<Types/>", "xl/workbook.bin": "\x83\x01\x00"}.write(t, dir, "xlsb.xlsx")
	docx := pkg{"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}.write(t, dir, "docx.xlsx")
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tt := range []struct{ path, want string }{
		{write("old.xlsx", oleFile("Workbook")), "an Excel 97-2003 .xls file"},
		{write("old95.xlsx", oleFile("Book")), "an Excel 97-2003 .xls file"},
		{write("locked.xlsx", oleFile("EncryptedPackage")), "password-protected"},
		{write("data.xlsx", "Ref,Period,Value\nCIC05,2024-04,12.1\n"), "a text file (a CSV?)"},
		{write("wide.xlsx", "\xEF\xBB\xBFRef;Period;Value\r\n"), "a text file (a CSV?)"},
		{write("utf16.xlsx", "\xFF\xFER\x00e\x00f\x00"), "a UTF-16 text file"},
		{write("page.xlsx", "<html><body><table><tr><td>1</td></tr></table></body></html>"), "a web page (HTML)"},
		{write("empty.xlsx", ""), "is empty"},
		{write("damaged.xlsx", "PK\x03\x04 cut short"), "not a valid Excel workbook"},
		{ods, "an OpenDocument spreadsheet (.ods)"},
		{docx, "a Word document"},
		{xlsb, "an Excel Binary Workbook (.xlsb)"},
	} {
		_, err := Open(tt.path, Options{})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to say %q", filepath.Base(tt.path), err, tt.want)
		}
	}
}
