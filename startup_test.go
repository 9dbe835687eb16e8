package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// initBudget is what our own packages may allocate as the binary starts,
// before main runs: every command pays it, help as much as an import.
// Their tables and regexps are built on first use (sync.OnceValue), so
// what is left is small literals, some 70 KB. A package-level
// regexp.MustCompile, or a table parsed at init, goes past it: they were
// 1.7 MB (the authorities' profiles 0.7 MB, the importer's regexps 0.5
// MB, the export's 0.3 MB), and with the pages they touched, a quarter
// of a cold command's start.
const initBudget = 96 << 10

// Our packages leave what they build to first use. Allocations are
// counted, not timed: Go's init trace gives the same bytes on every run,
// where the time varies with the machine's load.
func TestStartupAllocatesLittle(t *testing.T) {
	cmd := exec.Command(bin, "help")
	cmd.Env = append(os.Environ(), "GODEBUG="+strings.Trim(os.Getenv("GODEBUG")+",inittrace=1", ","))
	var trace bytes.Buffer
	cmd.Stderr = &trace
	if err := cmd.Run(); err != nil {
		t.Fatalf("scorecard help: %v\n%s", err, trace.String())
	}
	type packageInit struct {
		name  string
		bytes int
	}
	var ours []packageInit
	total, traced := 0, 0
	sc := bufio.NewScanner(&trace)
	for sc.Scan() {
		// init scorecard/importer @2.1 ms, 0.3 ms clock, 32984 bytes, 211 allocs
		f := strings.Fields(sc.Text())
		i := slices.Index(f, "bytes,")
		if len(f) < 2 || f[0] != "init" || i < 1 {
			continue
		}
		traced++
		if f[1] != "main" && !strings.HasPrefix(f[1], "scorecard/") {
			continue
		}
		n, err := strconv.Atoi(f[i-1])
		if err != nil {
			t.Fatalf("init trace line %q: %v", sc.Text(), err)
		}
		ours = append(ours, packageInit{f[1], n})
		total += n
	}
	if traced == 0 || len(ours) == 0 {
		t.Fatalf("no init trace of our packages from GODEBUG=inittrace=1:\n%s", trace.String())
	}
	if total > initBudget {
		slices.SortFunc(ours, func(a, b packageInit) int { return b.bytes - a.bytes })
		var most []string
		for _, p := range ours[:min(5, len(ours))] {
			most = append(most, fmt.Sprintf("%s %d", p.name, p.bytes))
		}
		t.Errorf("our packages allocate %d bytes as the binary starts, over the budget of %d (most: %s): "+
			"build package-level regexps and tables on first use, with sync.OnceValue",
			total, initBudget, strings.Join(most, ", "))
	}
}
