package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
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
	var ours []packageInit
	total := 0
	for _, p := range initTrace(t) {
		// The heap package's block is freed before the next package is
		// set up: it is heap mapped for theirs, not kept.
		if p.name == "scorecard/app/heap" || p.name != "main" && !strings.HasPrefix(p.name, "scorecard/") {
			continue
		}
		ours = append(ours, p)
		total += p.bytes
	}
	if len(ours) == 0 {
		t.Fatal("no init trace of our packages from GODEBUG=inittrace=1")
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

// TestHeapAdvisedBeforeSetUp finds the heap advised into huge pages
// (scorecard/app/heap) before the packages whose set-up fills it. Go sets
// up, of the packages ready, the first by import path, so an import added
// to the heap package could move it after them, and their set-up back to
// a page fault a page.
func TestHeapAdvisedBeforeSetUp(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the heap is advised on Linux alone")
	}
	at := map[string]int{}
	for i, p := range initTrace(t) {
		at[p.name] = i
	}
	heap, ok := at["scorecard/app/heap"]
	if !ok {
		t.Fatal("scorecard/app/heap was not set up")
	}
	for _, pkg := range []string{
		"github.com/xuri/excelize/v2",
		"fyne.io/fyne/v2/lang",
		"github.com/yuin/goldmark/extension",
	} {
		switch i, ok := at[pkg]; {
		case !ok:
			t.Errorf("%s was not set up", pkg)
		case i < heap:
			t.Errorf("%s was set up before the heap was advised", pkg)
		}
	}
}

// packageInit is one package's set-up as Go's init trace reports it.
type packageInit struct {
	name  string
	bytes int
}

// initTrace is the packages `scorecard help` sets up, in the order it
// sets them up, from GODEBUG=inittrace=1.
func initTrace(t *testing.T) []packageInit {
	t.Helper()
	cmd := exec.Command(bin, "help")
	cmd.Env = append(os.Environ(), "GODEBUG="+strings.Trim(os.Getenv("GODEBUG")+",inittrace=1", ","))
	var trace bytes.Buffer
	cmd.Stderr = &trace
	if err := cmd.Run(); err != nil {
		t.Fatalf("scorecard help: %v\n%s", err, trace.String())
	}
	var inits []packageInit
	sc := bufio.NewScanner(&trace)
	for sc.Scan() {
		// init scorecard/importer @2.1 ms, 0.3 ms clock, 32984 bytes, 211 allocs
		f := strings.Fields(sc.Text())
		i := slices.Index(f, "bytes,")
		if len(f) < 2 || f[0] != "init" || i < 1 {
			continue
		}
		n, err := strconv.Atoi(f[i-1])
		if err != nil {
			t.Fatalf("init trace line %q: %v", sc.Text(), err)
		}
		inits = append(inits, packageInit{f[1], n})
	}
	if len(inits) == 0 {
		t.Fatalf("no init trace from GODEBUG=inittrace=1:\n%s", trace.String())
	}
	return inits
}

// The packages fill some 3.5 MB as they set up, and Go's first goal is
// 4 MB: the collector is held off while they do (app/heap), so that no
// command pays for a collection of what they keep. `scorecard help`
// ends before any command runs, so collects nothing at Go's pace at all.
func TestNoCollectionWhileSettingUp(t *testing.T) {
	for _, gc := range collections(t, "help") {
		if !gc.forced {
			t.Errorf("a collection ran as the packages set up: %s", gc.line)
		}
	}
}

// An import paces the collector from before its first collection
// (collectLess): none starts until the heap nears the import's floor,
// where Go's pace, taking over from the hold first, collected the
// packages' 4 MB as the command started.
func TestImportCollectsAtItsPace(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT set: the import leaves the collector as they say")
	}
	db := filepath.Join(t.TempDir(), "x.db")
	for _, gc := range collections(t, "--db", db, "import", filepath.Join("assets", "demo.xlsx")) {
		if !gc.forced && gc.startMB < importHeapFloor>>20/2 {
			t.Errorf("a collection started with the heap at %d MB, under half the import's floor of %d MB: %s", gc.startMB, importHeapFloor>>20, gc.line)
		}
	}
}

// collection is one garbage collection from Go's gctrace.
type collection struct {
	line    string
	forced  bool
	startMB int // the heap as it began
}

// collections runs the binary with args and returns the collections it
// made, from GODEBUG=gctrace=1.
func collections(t *testing.T, args ...string) []collection {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "GODEBUG="+strings.Trim(os.Getenv("GODEBUG")+",gctrace=1", ","))
	var trace bytes.Buffer
	cmd.Stderr = &trace
	if err := cmd.Run(); err != nil {
		t.Fatalf("scorecard %v: %v\n%s", args, err, trace.String())
	}
	var gcs []collection
	var lines []string
	sc := bufio.NewScanner(&trace)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	for i, line := range lines {
		// gc 2 @0.015s 3%: 0.02+1.6+0.1 ms clock, ... ms cpu, 4->5->2 MB, 4 MB goal, ..., 2 P (forced)
		if !strings.HasPrefix(line, "gc ") {
			continue
		}
		// The runtime prints a line in pieces, and on a busy machine
		// another writer's output can break it: its rest, "(forced)"
		// included, follows on the next lines.
		whole := func() bool { return strings.HasSuffix(line, " P") || strings.HasSuffix(line, "(forced)") }
		for j := i + 1; !whole() && j < len(lines) && !strings.HasPrefix(lines[j], "gc "); j++ {
			line += lines[j]
		}
		gc := collection{line: line, forced: strings.Contains(line, "(forced)")}
		for _, f := range strings.Split(line, ", ") {
			if heaps, ok := strings.CutSuffix(f, " MB"); ok && strings.Count(heaps, "->") == 2 {
				start, _, _ := strings.Cut(heaps, "->")
				n, err := strconv.Atoi(start)
				if err != nil {
					t.Fatalf("gctrace line %q: %v", line, err)
				}
				gc.startMB = n
			}
		}
		gcs = append(gcs, gc)
	}
	return gcs
}
