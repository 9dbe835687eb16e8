package export

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestSaveSweepsKilledExports: an export killed while it wrote e.pdf (a
// power cut, Task Manager) left .e.pdf.NNNN.tmp beside it, which no
// later export removed (QA32 finding 2); the next save of e.pdf removes
// those a day old, and leaves a younger one (an export still writing),
// another file's, and the officer's own files.
func TestSaveSweepsKilledExports(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		age  time.Duration
		kept bool
	}{
		{".e.pdf.2505713215.tmp", 26 * time.Hour, false}, // killed the day before
		{".e.pdf.93.tmp", 40 * 24 * time.Hour, false},
		{".e.pdf.1285529962.tmp", time.Minute, true},            // maybe another export still writing
		{".e [draft].pdf.2505713215.tmp", 26 * time.Hour, true}, // another export's
		{".e.pdf.xlsx.2505713215.tmp", 26 * time.Hour, true},
		{".e.pdf.old.tmp", 26 * time.Hour, true}, // not CreateTemp's
		{"e.pdf", 26 * time.Hour, true},
		{"notes.tmp", 26 * time.Hour, true},
	}
	for _, tc := range tests {
		p := filepath.Join(dir, tc.name)
		if err := os.WriteFile(p, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-tc.age)
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	err := save(filepath.Join(dir, "e.pdf"), "PDF", func(w io.Writer) error {
		_, err := io.WriteString(w, "%PDF-1.7\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	for _, tc := range tests {
		if slices.Contains(names, tc.name) != tc.kept {
			t.Errorf("%s (%s old): kept %v, want %v", tc.name, tc.age, !tc.kept, tc.kept)
		}
	}
	if len(names) != 6 {
		t.Errorf("the folder holds %v; want the six files not swept", names)
	}
}
