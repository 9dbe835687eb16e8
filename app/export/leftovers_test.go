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
	tests := []leftover{
		{".e.pdf.2505713215.tmp", 26 * time.Hour, false}, // killed the day before
		{".e.pdf.93.tmp", 40 * 24 * time.Hour, false},
		{".e.pdf.1285529962.tmp", time.Minute, true},            // maybe another export still writing
		{".e [draft].pdf.2505713215.tmp", 26 * time.Hour, true}, // another export's
		{".e.pdf.xlsx.2505713215.tmp", 26 * time.Hour, true},
		{".e.pdf.old.tmp", 26 * time.Hour, true}, // not CreateTemp's
		{"e.pdf", 26 * time.Hour, true},
		{"notes.tmp", 26 * time.Hour, true},
	}
	plantLeftovers(t, dir, tests, nil)
	err := save(filepath.Join(dir, "e.pdf"), "PDF", func(w io.Writer) error {
		_, err := io.WriteString(w, "%PDF-1.7\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	names := checkSwept(t, dir, tests)
	if len(names) != 6 {
		t.Errorf("the folder holds %v; want the six files not swept", names)
	}
}

// leftover is a file planted in a folder an export sweeps: its name, how
// long ago it was last written, and whether the sweep must keep it.
type leftover struct {
	name string
	age  time.Duration
	kept bool
}

// plantLeftovers writes each file, holding content, dated age ago.
func plantLeftovers(t *testing.T, dir string, files []leftover, content []byte) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, content, 0o600); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-f.age)
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
}

// checkSwept reports each planted file swept that should be kept, or
// kept that should be swept, and returns the names dir now holds.
func checkSwept(t *testing.T, dir string, files []leftover) []string {
	t.Helper()
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	for _, f := range files {
		if slices.Contains(names, f.name) != f.kept {
			t.Errorf("%s (%s old): kept %v, want %v", f.name, f.age, !f.kept, f.kept)
		}
	}
	return names
}
