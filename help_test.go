package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestHelpAskedFor: --help and -h, before a command or after one, are
// asked for, not wrong usage: the help goes to standard output and the
// command succeeds, as every Windows and GNU tool's does, so that
// `scorecard --help | more` shows it.
func TestHelpAskedFor(t *testing.T) {
	db := filepath.Join(t.TempDir(), "never.db")
	for _, tc := range []struct {
		args []string
		says []string
	}{
		{[]string{"--help"}, []string{"usage: scorecard [--db FILE|URL] [COMMAND [ARGS]]", "  export "}},
		{[]string{"-h"}, []string{"usage: scorecard [--db FILE|URL] [COMMAND [ARGS]]"}},
		{[]string{"--db", db, "help"}, []string{"usage: scorecard [--db FILE|URL] [COMMAND [ARGS]]"}},
		{[]string{"import", "--help"}, []string{"usage: scorecard import [--as-at YYYY-MM-DD]", "import workbooks", "  --accept-definitions\n", "  --as-at date\n"}},
		{[]string{"export", "-h"}, []string{"usage: scorecard export --out FILE.xlsx|FILE.pdf", "  --suppress N\n", "(default 5)", "  --out file\n"}},
		{[]string{"--db", db, "list", "--json", "--help"}, []string{"usage: scorecard list [--json]", "  --json\n"}},
	} {
		var out, errOut bytes.Buffer
		code := run(tc.args, &out, &errOut)
		if code != 0 || errOut.Len() != 0 {
			t.Errorf("%q: exit %d, stderr %q; want 0 and nothing", tc.args, code, errOut.String())
		}
		for _, s := range tc.says {
			if !strings.Contains(out.String(), s) {
				t.Errorf("%q: stdout lacks %q:\n%s", tc.args, s, out.String())
			}
		}
		if oneDash.MatchString(out.String()) {
			t.Errorf("%q: an option written with one dash, unlike the usage line's:\n%s", tc.args, out.String())
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("help created the store %s", db)
	}
}

var oneDash = regexp.MustCompile(`\n  -[^-]`)
