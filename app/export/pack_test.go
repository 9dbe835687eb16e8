package export

import (
	"context"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/brief"
	"scorecard/app/cohort"
	"scorecard/app/trend"
)

// pdfText is pdftotext -layout's text of a PDF, page by page.
func pdfText(t *testing.T, pdf string) []string {
	t.Helper()
	out, err := exec.Command(needTool(t, "pdftotext"), "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// TestPackPDF writes the demo's committee pack excluding UASC and reads
// it back with poppler: a valid A4 PDF, written in under 2 s, whose
// first page is the exceptions brief naming what flags raises, whose
// every page is marked and footed, and whose scorecard figures, ratings
// and directions are those `scorecard show --json` prints.
func TestPackPDF(t *testing.T) {
	for _, cs := range [][]app.Cohort{{app.UASC}, nil} {
		t.Run(CohortPhrase(cs), func(t *testing.T) { testPackPDF(t, cs) })
	}
}

// TestPackBenchmarksAllChildren: the pack's benchmark columns and its
// flagged pages' benchmark words say they count all children where the
// figures beside them exclude a cohort, as the workbook's caption does.
func TestPackBenchmarksAllChildren(t *testing.T) {
	h, _ := demoHistory(t)
	for _, cs := range [][]app.Cohort{{app.UASC}, nil} {
		t.Run(CohortPhrase(cs), func(t *testing.T) {
			b, err := newBook(h, Options{Exclude: cs, Produced: produced})
			if err != nil {
				t.Fatal(err)
			}
			heads := map[string]bool{}
			for _, c := range b.packColumns() {
				heads[c.Head] = true
			}
			for _, head := range []string{"England", "Stat neighbours"} {
				want := head
				if cs != nil {
					want += " (all children)"
				}
				if !heads[want] {
					t.Errorf("no column headed %q among %v", want, slices.Sorted(maps.Keys(heads)))
				}
			}
			path := filepath.Join(t.TempDir(), "pack.pdf")
			if _, err := Write(context.Background(), path, h, Options{Exclude: cs, Produced: produced}); err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(strings.Join(pdfText(t, path), " ")), " ")
			said := strings.Count(text, "benchmarks, for all children") + strings.Count(text, "benchmarks (the latest for Oct-26), for all children")
			if benchmarks := strings.Count(text, "; 2024/25 benchmarks") + strings.Count(text, "; 2025/26 benchmarks"); benchmarks == 0 {
				t.Fatal("no flagged page names its benchmarks: the check proves nothing")
			} else if want := map[bool]int{true: benchmarks, false: 0}[cs != nil]; said != want {
				t.Errorf("%d of %d flagged pages' benchmarks say all children, want %d", said, benchmarks, want)
			}
		})
	}
}

func testPackPDF(t *testing.T, cs []app.Cohort) {
	pdfinfo := needTool(t, "pdfinfo")
	h, m := demoHistory(t)
	dir := os.Getenv("EXPORT_RENDER")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, "pack "+CohortPhrase(cs)+".pdf")
	// Its speed is BenchmarkWritePackDemo's to measure, not a timed test's.
	sum, err := Write(context.Background(), path, h, Options{Exclude: cs, Produced: produced, AppVersion: "1.0-test", Marking: "OFFICIAL-SENSITIVE"})
	if err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command(pdfinfo, path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, info)
	}
	for _, want := range []string{"Title:           Kent performance scorecard: October 2026", "(A4)", fmt.Sprintf("Pages:          %3d", sum.Pages)} {
		if !strings.Contains(string(info), want) {
			t.Errorf("pdfinfo does not say %q:\n%s", want, info)
		}
	}
	pages := pdfText(t, path)
	if len(pages) != sum.Pages || sum.Pages < 6 {
		t.Fatalf("%d pages read, the summary says %d", len(pages), sum.Pages)
	}
	for i, pg := range pages {
		text := strings.Join(strings.Fields(pg), " ")
		for _, want := range []string{fmt.Sprintf("Page %d of %d", i+1, len(pages)), "OFFICIAL-SENSITIVE",
			"Kent performance scorecard: October 2026, " + CohortPhrase(cs), "Produced 24 November 2026 by Scorecard 1.0-test"} {
			if !strings.Contains(text, want) {
				t.Errorf("page %d does not say %q", i+1, want)
			}
		}
	}

	// The first page is the brief: it names every indicator the brief
	// lists, starting with every one flags raises a special cause for.
	hx, _ := cohort.Exclude(h, cs)
	first := strings.Join(strings.Fields(pages[0]), " ")
	if !strings.HasPrefix(first, "OFFICIAL-SENSITIVE Exceptions: Kent, October 2026, "+CohortPhrase(cs)) {
		t.Errorf("page 1 begins %.100q, want the exceptions brief", first)
	}
	items := brief.Items(hx, brief.Options{Period: m.Latest()})
	for _, it := range items {
		if !strings.Contains(first, it.Name+": ") {
			t.Errorf("page 1 does not name %s %q", it.Ref, it.Name)
		}
	}
	special := 0
	for _, fl := range trend.Flags(hx, m.Latest(), trend.DefaultOptions()) {
		if fl.Area != app.Kent || fl.Kind != trend.SpecialCause {
			continue
		}
		special++
		ind, _ := hx.Indicator(fl.Ref)
		if !strings.Contains(first, ind.Name+": ") {
			t.Errorf("flags raises a special cause for %s, but page 1 does not name it", fl.Ref)
		}
	}
	if special == 0 {
		t.Error("the demo raises no special cause to check the brief against")
	}

	// The scorecard's rows read back as show --json's figures.
	rows := map[string][]string{}
	// The scorecard's pages run from page 2 to the districts'.
	for _, pg := range pages[1:] {
		if strings.Contains(pg, "Districts: October 2026") {
			break
		}
		for _, line := range strings.Split(pg, "\n") {
			f := strings.Fields(line)
			if len(f) > 0 && rows[f[0]] == nil {
				if _, ok := hx.Indicator(f[0]); ok {
					rows[f[0]] = f
				}
			}
		}
	}
	checked := 0
	for _, ind := range hx.Indicators() {
		f, ok := rows[ind.Ref]
		if !ok {
			t.Errorf("%s: no scorecard row in the PDF", ind.Ref)
			continue
		}
		pts := trend.Analyse(hx, app.SeriesKey{Ref: ind.Ref, Area: app.Kent}, trend.Options{Until: m.Latest()})
		if len(pts) == 0 || pts[len(pts)-1].Period != m.Latest() || pts[len(pts)-1].Value == nil {
			continue
		}
		p := pts[len(pts)-1]
		line := strings.Join(f, " ")
		want := strings.Fields(app.FormatValue(ind, *p.Value))[0]
		if !contains(f, want) {
			t.Errorf("%s: %q does not hold the figure %s that show --json gives", ind.Ref, line, want)
		}
		if p.RAG != app.NoRAG && !contains(f, p.RAG.String()) {
			t.Errorf("%s: %q does not rate it %s", ind.Ref, line, p.RAG)
		}
		if p.DoT != app.NoDoT && !contains(f, string(p.DoT)) {
			t.Errorf("%s: %q does not say %s", ind.Ref, line, p.DoT)
		}
		checked++
	}
	if checked < 10 {
		t.Errorf("only %d figures checked", checked)
	}
	// A page per flagged indicator, and under an exclusion one per
	// indicator that cannot exclude the cohort but is flagged without
	// the exclusion (TestPackPagesCannotExclude).
	flagged, unexcluded := 0, 0
	for _, pg := range pages {
		switch {
		case strings.Contains(pg, "Flagged in October 2026: "):
			flagged++
		case strings.Contains(pg, "Flagged in October 2026, "):
			unexcluded++
		}
	}
	if flagged+unexcluded != sum.Charts || flagged != sum.Flagged || unexcluded != sum.FlaggedUnexcluded || flagged == 0 {
		t.Errorf("%d flagged pages and %d flagged without the exclusion, %d charts, %d and %d flagged indicators",
			flagged, unexcluded, sum.Charts, sum.Flagged, sum.FlaggedUnexcluded)
	}
}

func contains(fields []string, s string) bool { return slices.Contains(fields, s) }

func TestPackRefusesOriginal(t *testing.T) {
	h, _ := demoHistory(t)
	path := filepath.Join(t.TempDir(), "pack.pdf")
	if _, err := Write(context.Background(), path, h, Options{Original: "demo.xlsx"}); err == nil || !strings.Contains(err.Error(), "as .xlsx") {
		t.Errorf("a PDF into the original's layout: %v, want a refusal", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a refused export left a file behind")
	}
}

// BenchmarkWritePackDemo writes the demo's PDF pack, excluding UASC: the
// target is under 2 s.
func BenchmarkWritePackDemo(b *testing.B) {
	h, _ := demoHistory(b)
	path := filepath.Join(b.TempDir(), "demo.pdf")
	for b.Loop() {
		if _, err := Write(context.Background(), path, h, Options{Produced: produced, Exclude: []app.Cohort{app.UASC}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWritePackLarge writes the large history's PDF pack: 124
// indicators, a chart page for each flagged one.
func BenchmarkWritePackLarge(b *testing.B) {
	h := largeHistory(b)
	path := filepath.Join(b.TempDir(), "large.pdf")
	var sum Summary
	for b.Loop() {
		var err error
		if sum, err = Write(context.Background(), path, h, Options{Produced: produced}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(sum.Indicators), "indicators")
	b.ReportMetric(float64(sum.Charts), "charts")
}
