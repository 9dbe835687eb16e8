package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestSaveSyncsBeforeRename: the workbook or PDF is flushed to the disk
// before it takes its name, as the store and its backups are, so that a
// power cut cannot leave the circulated name holding an empty or short
// file; a flush that fails (the disk full only then) is refused with the
// file left as it was and no temporary file behind.
func TestSaveSyncsBeforeRename(t *testing.T) {
	tests := []struct {
		name    string
		syncErr error
		want    string // the error, "" for none
	}{
		{"flushed, then named", nil, ""},
		{"flush fails", &os.PathError{Op: "sync", Path: "/x/.Kent scorecard.xlsx.123.tmp", Err: syscall.ENOSPC}, "cannot write the workbook: no space left on device"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "Kent scorecard.xlsx")
			if err := os.WriteFile(path, []byte("last month's"), 0o644); err != nil {
				t.Fatal(err)
			}
			var synced []string
			was := syncFile
			syncFile = func(f *os.File) error {
				b, _ := os.ReadFile(path)
				synced = append(synced, filepath.Base(f.Name())+" while the file held "+string(b))
				if tc.syncErr != nil {
					return tc.syncErr
				}
				return was(f)
			}
			t.Cleanup(func() { syncFile = was })
			err := save(path, "workbook", func(w io.Writer) error {
				_, err := io.WriteString(w, "this month's")
				return err
			})
			if len(synced) != 1 || !strings.HasSuffix(synced[0], " while the file held last month's") || !strings.HasPrefix(synced[0], ".Kent scorecard.xlsx.") {
				t.Errorf("flushed %q, want the temporary file once, before it replaced the file", synced)
			}
			got, _ := os.ReadFile(path)
			if tc.want == "" {
				if err != nil || string(got) != "this month's" {
					t.Errorf("save: %v, file holds %q; want this month's", err, got)
				}
			} else if err == nil || err.Error() != tc.want || string(got) != "last month's" {
				t.Errorf("save: %v, file holds %q; want %q and last month's", err, got, tc.want)
			}
			if errors.Is(err, syscall.ENOSPC) != (tc.syncErr != nil) {
				t.Errorf("save: %v does not wrap the cause", err)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("folder holds %d files, want the workbook alone", len(entries))
			}
		})
	}
}
