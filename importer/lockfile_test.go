package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"scorecard/assets"
)

// excelLockFile is the owner file Excel writes as ~$NAME.xlsx while
// NAME.xlsx is open: the user's name after a length byte in the system
// code page, padded with spaces to 54 bytes, then after a length word in
// UTF-16, padded with spaces to 165 bytes.
func excelLockFile(user string) []byte {
	b := []byte{byte(len(user))}
	b = append(b, user...)
	for len(b) < 54 {
		b = append(b, ' ')
	}
	wide := utf16.Encode([]rune(user))
	b = append(b, byte(len(wide)), 0)
	for _, u := range wide {
		b = append(b, byte(u), byte(u>>8))
	}
	for len(b) < 165 {
		b = append(b, ' ', 0)
	}
	return b[:165]
}

// TestExcelLockFileIsSkipped reads the lock files Excel leaves beside an
// open workbook as Read's *LockFileError, naming the workbook and, where
// the file holds one, its user (QA32 finding 7: they failed a whole
// import of *.xlsx as damaged workbooks), and takes nothing else for one.
func TestExcelLockFileIsSkipped(t *testing.T) {
	cp1252 := excelLockFile("jsmith")
	cp1252[1+4] = 0xE9 // a name the code page spells, not UTF-8
	for _, c := range []struct {
		name  string
		data  []byte
		owner string // "" with lock false: not a lock file
		lock  bool
	}{
		{"~$c.xlsx", excelLockFile("jsmith"), "jsmith", true},
		{"~$Scorecard Jul-26.xlsm", excelLockFile("Zoë Ní Bhriain"), "Zoë Ní Bhriain", true},
		{"~$b.xlsx", []byte{'\n'}, "", true},
		{"~$e.xlsx", nil, "", true},
		{"~$d.xlsx", cp1252[:54], "", true},
		// A workbook whose own name begins ~$ is read as a workbook.
		{"~$kent.xlsx", assets.Demo, "", false},
		// Owner-file content under a workbook's name is a damaged file.
		{"c.xlsx", excelLockFile("jsmith"), "", false},
	} {
		path := filepath.Join(t.TempDir(), c.name)
		if err := os.WriteFile(path, c.data, 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Read(context.Background(), path, Options{})
		var lock *LockFileError
		if got := errors.As(err, &lock); got != c.lock {
			t.Errorf("%s: Read gave %v, want a lock file: %v", c.name, err, c.lock)
			continue
		}
		if !c.lock {
			continue
		}
		workbook := strings.TrimPrefix(c.name, "~$")
		if lock.Workbook != workbook || lock.Owner != c.owner || lock.File != c.name {
			t.Errorf("%s: got %+v, want workbook %s, owner %q", c.name, lock, workbook, c.owner)
		}
		if !strings.HasPrefix(err.Error(), workbook+" is open in Excel") || !strings.HasSuffix(err.Error(), "its lock file "+c.name+" is skipped") {
			t.Errorf("%s: %q", c.name, err)
		}
	}
}
