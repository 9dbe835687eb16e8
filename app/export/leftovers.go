package export

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// leftAfter is the age past which a temporary file of an export that was
// killed (a spool, a workbook or PDF half written) is removed by the next
// export: one still being written by another export is younger.
const leftAfter = 24 * time.Hour

// sweepLeftovers removes from dir the files that os.CreateTemp made with
// pattern (its "*" a run of digits) for exports that were killed before
// they could remove them, other than own: those older than leftAfter, or,
// with any, every one the system lets remove.
func sweepLeftovers(dir, pattern, own string, any bool) {
	prefix, suffix, _ := strings.Cut(pattern, "*")
	entries, _ := os.ReadDir(dir)
	for _, d := range entries {
		name := d.Name()
		random, ok := strings.CutPrefix(name, prefix)
		if random, ok = strings.CutSuffix(random, suffix); !ok || random == "" || strings.Trim(random, "0123456789") != "" {
			continue
		}
		path := filepath.Join(dir, name)
		if path == own {
			continue
		}
		if fi, err := os.Lstat(path); err == nil && fi.Mode().IsRegular() && (any || time.Since(fi.ModTime()) > leftAfter) {
			os.Remove(path)
		}
	}
}
