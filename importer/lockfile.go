package importer

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// LockFileError is what Read returns for Excel's lock file ("owner
// file"), ~$NAME.xlsx, which Excel keeps beside a workbook while it is
// open: a shell's *.xlsx names it with the month's workbooks whenever a
// colleague has one open. It holds no figures and is no damaged
// workbook, so an import skips it with a note rather than failing.
type LockFileError struct {
	// File is the lock file's name, Workbook the name of the workbook it
	// stands beside.
	File, Workbook string
	// Owner is the user Excel says has the workbook open, or "" where
	// the lock file does not hold one.
	Owner string
}

func (e *LockFileError) Error() string {
	who := ""
	if e.Owner != "" {
		who = " (" + e.Owner + ")"
	}
	return e.Workbook + " is open in Excel" + who + ": its lock file " + e.File + " is skipped"
}

// maxLockFileBytes bounds what is taken for a lock file: Excel writes
// 165 bytes (162 in older versions); a workbook named ~$... is far larger.
const maxLockFileBytes = 1024

// lockFile recognises Excel's lock file by its name (~$ before a
// workbook's name) and its content (a few bytes, not a zip or an OLE2
// file as every workbook is): head is its first bytes, size its length.
func lockFile(base string, head []byte, size int64) (*LockFileError, bool) {
	workbook, ok := strings.CutPrefix(base, "~$")
	if !ok || workbook == "" || size > maxLockFileBytes || bytes.HasPrefix(head, zipMagic) || bytes.HasPrefix(head, oleMagic) {
		return nil, false
	}
	return &LockFileError{File: base, Workbook: workbook, Owner: lockOwner(head)}, true
}

// lockOwner reads the user name from an Excel lock file: a length byte
// and the name in the system code page, padded to 54 bytes, then a
// length word and the name again in UTF-16, which is read first since it
// spells any name whole.
func lockOwner(b []byte) string {
	const wideAt = 54
	if len(b) >= wideAt+2 {
		if n := int(b[wideAt]) | int(b[wideAt+1])<<8; n > 0 && len(b) >= wideAt+2+2*n {
			u := make([]uint16, n)
			for i := range u {
				u[i] = uint16(b[wideAt+2+2*i]) | uint16(b[wideAt+3+2*i])<<8
			}
			if s := strings.TrimSpace(string(utf16.Decode(u))); printable(s) {
				return s
			}
		}
	}
	if len(b) >= 1 {
		if n := int(b[0]); n > 0 && n < wideAt && len(b) >= 1+n {
			if s := strings.TrimSpace(string(b[1 : 1+n])); utf8.ValidString(s) && printable(s) {
				return s
			}
		}
	}
	return ""
}

// printable reports whether s is a name as people write one: not empty,
// no control characters or replacement runes.
func printable(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < ' ' || r == utf8.RuneError || r == 0x7f {
			return false
		}
	}
	return true
}
