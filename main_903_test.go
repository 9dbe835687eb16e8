package main

import (
	"os"
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

// TestImport903RefusedOnce names a return's three tables in one import
// where the return is refused (no episode's dates can be read): the
// first named reads all three and is refused, and the other two say
// they were refused with it. Each had read and refused the whole return
// again, the one refusal printed three times (hB F12).
func TestImport903RefusedOnce(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	episodes := copyTestdata903(t)
	dir := filepath.Dir(episodes)
	b, err := os.ReadFile(episodes)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	for i := 1; i < len(lines); i++ {
		// DECOM, the second field, on every episode.
		f := strings.Split(lines[i], ",")
		f[1] = "TBC"
		lines[i] = strings.Join(f, ",")
	}
	if err := os.WriteFile(episodes, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := scorecard(t, db, "import", "--as-at", "2024-10-05", filepath.Join(dir, "header.csv"), filepath.Join(dir, "episodes.csv"), filepath.Join(dir, "uasc.csv"))
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	var said []string
	for _, l := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if !strings.HasPrefix(l, " ") {
			said = append(said, l)
		}
	}
	want := []string{"episodes.csv: line 2: the Episodes table has lines, but no episode in it could be read",
		"episodes.csv: refused with header.csv above, as one SSDA903 return",
		"uasc.csv: refused with header.csv above, as one SSDA903 return"}
	if len(said) != len(want) {
		t.Fatalf("said\n%s\nwant %d lines", r.stderr, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(said[i], w) {
			t.Errorf("line %d = %q, want it to begin %q", i+1, said[i], w)
		}
	}
}
