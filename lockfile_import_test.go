package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/assets"
)

// TestImportSkipsExcelLockFiles imports a month's *.xlsx while a colleague
// has the workbook open in Excel: its lock file (~$NAME.xlsx, 165 bytes
// of owner record, or a byte left by a crash) is skipped with a note
// naming the workbook and its user, and the import succeeds (QA32
// finding 7: exit 1, "not a valid Excel workbook").
func TestImportSkipsExcelLockFiles(t *testing.T) {
	dir := t.TempDir()
	// Excel's owner record: the user after a length byte, padded to 54
	// bytes, then again in UTF-16 after a length word, to 165 bytes.
	owner := append([]byte{6}, "jsmith"+strings.Repeat(" ", 47)...)
	owner = append(owner, 6, 0, 'j', 0, 's', 0, 'm', 0, 'i', 0, 't', 0, 'h', 0)
	for len(owner) < 165 {
		owner = append(owner, ' ', 0)
	}
	files := map[string][]byte{"kent.xlsx": assets.Demo, "~$kent.xlsx": owner[:165], "~$b.xlsx": {'\n'}}
	var paths []string
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	db := filepath.Join(t.TempDir(), "s.db")
	out := mustRun(t, db, append([]string{"import"}, paths...)...)
	for _, want := range []string{
		"kent.xlsx is open in Excel (jsmith): its lock file ~$kent.xlsx is skipped",
		"b.xlsx is open in Excel: its lock file ~$b.xlsx is skipped",
		"kent.xlsx: imported as I0001",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("import printed:\n%s\nwant %q", out, want)
		}
	}
	if imports := mustRun(t, db, "imports"); strings.Count(imports, "I000") != 1 {
		t.Errorf("imports:\n%s\nwant the workbook's import alone", imports)
	}
}
