package export

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFailedExportLeavesNothing(t *testing.T) {
	h, _ := demoHistory(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "scorecard.xlsx")
	if err := os.WriteFile(path, []byte("last month's"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	_, err := Write(ctx, path, h, Options{Progress: func(done, total int) {
		calls++
		if done > total {
			t.Errorf("progress %d of %d", done, total)
		}
		if calls == 40 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled export returned %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d files after a cancelled export, want only the old one", len(entries))
	}
	if b, _ := os.ReadFile(path); string(b) != "last month's" {
		t.Error("a cancelled export changed the existing file")
	}
	if _, err := Write(context.Background(), filepath.Join(dir, "no such folder", "x.xlsx"), h, Options{}); err == nil {
		t.Error("export into a missing folder succeeded")
	}
}

// TestWriteErrorsNamePathOnce checks that each error Write returns names
// the output file once, never the temporary file, and says what failed,
// so that the command line can print it as it is.
func TestWriteErrorsNamePathOnce(t *testing.T) {
	h, _ := demoHistory(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "plain"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		opt        Options
		want       string // what the error must say after the path
		skipRoot   bool   // root may write into a read-only folder
	}{
		{"read-only folder", filepath.Join(ro, "x.xlsx"), Options{}, "cannot write here: permission denied", true},
		{"missing folder", filepath.Join(dir, "none", "x.xlsx"), Options{}, "cannot write here: no such file or directory", false},
		{"folder is a file", filepath.Join(dir, "plain", "x.xlsx"), Options{}, "cannot write here: not a directory", false},
		{"csv name", filepath.Join(dir, "y.csv"), Options{}, "not an .xlsx or .pdf file name", false},
		{"no extension", filepath.Join(dir, "scorecard"), Options{}, "not an .xlsx or .pdf file name", false},
		{"original missing", filepath.Join(dir, "z.xlsx"), Options{Original: filepath.Join(dir, "gone.xlsx")}, "cannot read it: no such file", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.skipRoot && os.Geteuid() == 0 {
				t.Skip("root writes into a read-only folder")
			}
			_, err := Write(context.Background(), tt.path, h, tt.opt)
			if err == nil {
				t.Fatal("succeeded")
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tt.path+": ") || strings.Count(msg, filepath.Base(tt.path)) != 1 {
				t.Errorf("%q: want %q named once, at the start", msg, tt.path)
			}
			if !strings.Contains(msg, tt.want) || strings.Contains(msg, ".tmp") {
				t.Errorf("%q: want it to say %q and not name the temporary file", msg, tt.want)
			}
		})
	}
	if _, err := Write(context.Background(), filepath.Join(dir, "y.csv"), h, Options{}); !errors.Is(err, ErrNotXLSX) {
		t.Errorf("y.csv: %v, want ErrNotXLSX", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "y.csv")); !os.IsNotExist(err) {
		t.Error("y.csv was written")
	}
	if _, err := Write(context.Background(), filepath.Join(dir, "UPPER.XLSX"), h, Options{}); err != nil {
		t.Errorf("UPPER.XLSX: %v", err)
	}
}
