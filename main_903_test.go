package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestImport903TablesNamedTogether names a return's three tables in one
// import: the first named reads all three, and the other two say they
// were read with it, not that they were "already imported" (QA #11);
// a second import of the return says it once, for the first file named.
func TestImport903TablesNamedTogether(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	dir := filepath.Dir(copyTestdata903(t))
	tables := func(names ...string) []string {
		args := []string{"import", "--as-at", "2024-10-05"}
		for _, n := range names {
			args = append(args, filepath.Join(dir, n))
		}
		return args
	}
	cases := []struct {
		names []string
		want  []string // the lines that do not begin with spaces
	}{
		{[]string{"header.csv", "episodes.csv", "uasc.csv"}, []string{
			"header.csv: imported as I0001",
			"episodes.csv: read with header.csv above, as one SSDA903 return",
			"uasc.csv: read with header.csv above, as one SSDA903 return",
		}},
		{[]string{"uasc.csv", "header.csv", "episodes.csv"}, []string{
			"uasc.csv: already imported as I0001",
			"header.csv: read with uasc.csv above, as one SSDA903 return",
			"episodes.csv: read with uasc.csv above, as one SSDA903 return",
		}},
	}
	for _, c := range cases {
		out := mustRun(t, db, tables(c.names...)...)
		var lines []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			if !strings.HasPrefix(l, " ") {
				lines = append(lines, l)
			}
		}
		if len(lines) != len(c.want) {
			t.Errorf("import %v said\n%s\nwant %d lines", c.names, out, len(c.want))
			continue
		}
		for i, want := range c.want {
			if !strings.HasPrefix(lines[i], want) {
				t.Errorf("import %v line %d = %q, want it to begin %q", c.names, i+1, lines[i], want)
			}
		}
	}
}
