package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestRefusedWriteWords: an import or undo whose automatic backup the
// disk refuses (a store folder the officer may not write in, a full
// disk) says what could not be written where, the cause in words, and
// that nothing was changed, not the name of the temporary file written;
// the store is left as it was, and the file system's error is still
// wrapped.
func TestRefusedWriteWords(t *testing.T) {
	tests := []struct {
		name   string
		errno  syscall.Errno
		change func(s *Bolt) error
		want   string // after the store's folder
		cause  error
	}{
		{"import, folder not writable", syscall.EACCES, func(s *Bolt) error {
			_, err := s.Import(Source{Name: "feb.xlsx", Kind: "workbook", SHA256: "sha-feb.xlsx"}, smallMonthly(1))
			return err
		}, "import feb.xlsx: cannot write the automatic backup before the change in %s (no permission to write there); nothing was changed", fs.ErrPermission},
		{"import, disk full", syscall.ENOSPC, func(s *Bolt) error {
			_, err := s.Import(Source{Name: "feb.xlsx", Kind: "workbook", SHA256: "sha-feb.xlsx"}, smallMonthly(1))
			return err
		}, "import feb.xlsx: cannot write the automatic backup before the change in %s (the disk is full); nothing was changed", syscall.ENOSPC},
		{"undo, folder not writable", syscall.EPERM, func(s *Bolt) error {
			_, err := s.Undo("I0001")
			return err
		}, "undo I0001: cannot write the automatic backup before the change in %s (no permission to write there); nothing was changed", fs.ErrPermission},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			mustImport(t, s, "jan.xlsx", smallMonthly(0))
			dir := filepath.Dir(s.path)
			was := createTemp
			createTemp = func(d, pattern string) (*os.File, error) {
				return nil, &fs.PathError{Op: "open", Path: filepath.Join(d, strings.Replace(pattern, "*", "1285529962", 1)), Err: tc.errno}
			}
			t.Cleanup(func() { createTemp = was })
			err := tc.change(s)
			want := fmt.Sprintf(tc.want, dir)
			if err == nil || err.Error() != want {
				t.Fatalf("got  %v\nwant %s", err, want)
			}
			if !errors.Is(err, tc.cause) {
				t.Errorf("%v does not wrap %v", err, tc.cause)
			}
			createTemp = was
			recs, err := s.Imports()
			if err != nil || len(recs) != 1 || recs[0].Undone != nil {
				t.Errorf("imports after the refusal: %+v, %v; want jan.xlsx's alone, in force", recs, err)
			}
		})
	}
}

// TestDiskCause: the file system's refusals, as the store meets them (a
// bbolt copy wrapping the write's error), are said in words; other
// errors are left as they are.
func TestDiskCause(t *testing.T) {
	pe := func(op string, e error) error {
		return &fs.PathError{Op: op, Path: "full2/.t1.db.backup-20261205-013221.tmp-1", Err: e}
	}
	tests := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("meta 0 copy: %w", pe("write", syscall.ENOSPC)), "cannot write the store t1.db in full2 (the disk is full); nothing was stored"},
		{pe("write", syscall.EDQUOT), "cannot write the store t1.db in full2 (the disk quota is used up); nothing was stored"},
		{pe("open", syscall.EROFS), "cannot write the store t1.db in full2 (the disk is read-only); nothing was stored"},
		{pe("open", syscall.EACCES), "cannot write the store t1.db in full2 (no permission to write there); nothing was stored"},
		{fmt.Errorf("import %s: %w", "feb.xlsx", ErrStale), "import feb.xlsx: " + ErrStale.Error()},
	}
	for _, tc := range tests {
		if got := refusedWrite(tc.err, "the store t1.db", "full2", "nothing was stored"); got.Error() != tc.want || !errors.Is(got, tc.err) && got != tc.err {
			t.Errorf("%v: said %q, want %q", tc.err, got, tc.want)
		}
	}
}

// TestOpenReadOnlyFile: a store file the officer may only read, opened to
// change it, says so and what to do, not "open X: open X: permission
// denied".
func TestOpenReadOnlyFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write any file")
	}
	s := openTemp(t)
	mustImport(t, s, "jan.xlsx", smallMonthly(0))
	path := s.path
	s.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path)
	want := "open store " + path + ": cannot write the store scorecard.db in " + filepath.Dir(path) + " (no permission to write to it); nothing was changed; ask whoever looks after the folder for write access (list, show and export only read it, and work)"
	if err == nil || err.Error() != want {
		t.Fatalf("got  %v\nwant %s", err, want)
	}
}
