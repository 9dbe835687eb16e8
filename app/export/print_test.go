package export

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/assets"
	"scorecard/importer"
)

// fontCodes are a header's or footer's font and size codes.
var fontCodes = regexp.MustCompile(`&"Arial,[A-Za-z]+"&[0-9]+`)

// definedName returns the value of a sheet's defined name, "" for none.
func definedName(f *excelize.File, sheet, name string) string {
	for _, dn := range f.GetDefinedName() {
		if dn.Name == name && dn.Scope == sheet {
			return dn.RefersTo
		}
	}
	return ""
}

func TestPrintSetup(t *testing.T) {
	h, _ := demoHistory(t)
	f, _ := export(t, h, Options{Exclude: []app.Cohort{app.UASC}})
	// The districts printed are the block excluding UASC, from its title
	// to its last indicator.
	districts, _ := f.GetRows(DistrictsSheet)
	block := 0
	for i, r := range districts {
		if len(r) > 0 && r[0] == exclusionWords([]app.Cohort{app.UASC}) {
			block = i + 1
		}
	}
	if block == 0 {
		t.Fatal("Districts has no block excluding UASC")
	}
	districtArea := fmt.Sprintf("'Districts'!$A$%d:$%s$%d", block, colName(len(districts[block])), block+1+len(h.Indicators()))
	tests := []struct {
		sheet      string
		wide, tall int
		titles     string // print titles, "" for none
		area       string // print area, "" for the whole sheet
	}{
		{ScorecardSheet, 2, 0, "'Scorecard'!$A:$B,'Scorecard'!$5:$6", ""},
		{TrendSheet, 1, 0, "", ""},
		{DistrictsSheet, 1, 1, "'Districts'!$1:$2", districtArea},
		{BreakdownsSheet, 1, 1, "", ""},
		{GuidanceSheet, 1, 0, "", ""},
		{ProvenanceSheet, 1, 0, "'Provenance'!$13:$13", ""},
		{DataSheet, 1, 1, "", "'Data'!$A$1:$E$1"},
		{DefinitionsSheet, 1, 1, "", "'Definitions'!$A$1:$C$1"},
		{TargetsSheet, 1, 1, "", "'Targets'!$A$1:$E$1"},
	}
	for _, tt := range tests {
		t.Run(tt.sheet, func(t *testing.T) {
			pl, err := f.GetPageLayout(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if *pl.Orientation != "landscape" || *pl.Size != 9 {
				t.Errorf("%s on paper size %d: want landscape A4 (9)", *pl.Orientation, *pl.Size)
			}
			if *pl.FitToWidth != tt.wide || *pl.FitToHeight != tt.tall {
				t.Errorf("fitted to %d by %d pages, want %d by %d", *pl.FitToWidth, *pl.FitToHeight, tt.wide, tt.tall)
			}
			if got := definedName(f, tt.sheet, "_xlnm.Print_Titles"); got != tt.titles {
				t.Errorf("print titles %q, want %q", got, tt.titles)
			}
			if got := definedName(f, tt.sheet, "_xlnm.Print_Area"); got != tt.area {
				t.Errorf("print area %q, want %q", got, tt.area)
			}
			hf, err := f.GetHeaderFooter(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"Kent performance scorecard: October 2026, excluding UASC", "Produced 24 November 2026 by Scorecard 1.0-test", "&COFFICIAL", "Page &P of &N"} {
				if !strings.Contains(fontCodes.ReplaceAllString(hf.OddFooter, ""), want) {
					t.Errorf("footer %q does not say %q", hf.OddFooter, want)
				}
			}
			if len(hf.OddFooter) > maxHeaderFooter || len(hf.OddHeader) > maxHeaderFooter {
				t.Errorf("header %q or footer %q is longer than Excel's %d characters", hf.OddHeader, hf.OddFooter, maxHeaderFooter)
			}
			if tt.area != "" && strings.HasSuffix(tt.area, "$1") {
				if a1, _ := f.GetCellValue(tt.sheet, "A1"); a1 != notPrinted {
					t.Errorf("A1 %q, want the notice that the sheet is not printed", a1)
				}
			}
		})
	}
	// One page per flagged indicator: a break before each chart block.
	breaks := 0
	rows, _ := f.GetRows(TrendSheet)
	for i, r := range rows {
		if len(r) > 0 && strings.Contains(r[0], ": flagged ") {
			breaks++
			if i+chartRows < len(rows) && !strings.Contains(rows[i+chartRows][0], ": flagged ") {
				t.Errorf("Trend row %d: the next chart block does not start %d rows on", i+1, chartRows)
			}
		}
	}
	if breaks == 0 {
		t.Error("the demo has no flagged indicator to chart")
	}
}

func TestMarking(t *testing.T) {
	h, _ := demoHistory(t)
	tests := []struct {
		marking, want string
	}{
		{"", "&COFFICIAL"},
		{"OFFICIAL-SENSITIVE", "&COFFICIAL-SENSITIVE"},
		{"OFFICIAL-SENSITIVE: R&D", "&COFFICIAL-SENSITIVE: R&&D"},
		{"none", ""},
		{"None", ""},
	}
	for _, tt := range tests {
		t.Run(tt.marking, func(t *testing.T) {
			f, _ := export(t, h, Options{Marking: tt.marking})
			hf, err := f.GetHeaderFooter(ScorecardSheet)
			if err != nil {
				t.Fatal(err)
			}
			for _, got := range []string{hf.OddHeader, hf.OddFooter} {
				got = fontCodes.ReplaceAllString(got, "")
				if tt.want == "" && strings.Contains(got, "&C") {
					t.Errorf("%q has a marking, want none", got)
				}
				if tt.want != "" && !strings.Contains(got, tt.want) {
					t.Errorf("%q does not hold %q", got, tt.want)
				}
			}
		})
	}
}

// TestOriginalRedated writes into the demo workbook's own layout, whose
// title says "Published" on a date, and checks the date is the export's.
func TestOriginalRedated(t *testing.T) {
	dir := t.TempDir()
	orig := filepath.Join(dir, "demo.xlsx")
	if err := os.WriteFile(orig, assets.Demo, 0o644); err != nil {
		t.Fatal(err)
	}
	h := imported(t, orig, "I0001")
	out := filepath.Join(dir, "revised.xlsx")
	if _, err := Write(context.Background(), out, h, Options{Original: orig, Reread: importer.Reread, Produced: produced, AppVersion: "1.0-test"}); err != nil {
		t.Fatal(err)
	}
	find := func(path string) []string {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var found []string
		for _, s := range f.GetSheetList() {
			rows, _ := f.GetRows(s)
			for _, r := range rows[:min(len(rows), 12)] {
				for _, c := range r {
					if m := datedLine().FindStringSubmatch(c); m != nil {
						found = append(found, s+": "+m[4])
					}
				}
			}
		}
		return found
	}
	// Every sheet is footed and marked, the original's own as well.
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, s := range f.GetSheetList() {
		hf, err := f.GetHeaderFooter(s)
		if err != nil {
			t.Fatal(err)
		}
		foot := fontCodes.ReplaceAllString(hf.OddFooter, "")
		if !strings.Contains(foot, "Page &P of &N") || !strings.Contains(foot, "&COFFICIAL") || !strings.Contains(fontCodes.ReplaceAllString(hf.OddHeader, ""), "&COFFICIAL") {
			t.Errorf("%s: header %q, footer %q: want the marking and page number", s, hf.OddHeader, hf.OddFooter)
		}
	}
	was, now := find(orig), find(out)
	if len(was) == 0 {
		t.Fatal("the demo workbook has no Published line to update")
	}
	if len(now) != len(was) {
		t.Fatalf("dated lines %q, the original had %q", now, was)
	}
	for i, d := range now {
		if want := strings.SplitN(was[i], ": ", 2)[0] + ": 24 November 2026"; d != want {
			t.Errorf("%q, want %q (was %q)", d, want, was[i])
		}
	}
}

func TestDatedLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Data to the end of March 2025. Produced by Management Information, CYPE. Published 14 April 2025.",
			"Data to the end of March 2025. Produced by Management Information, CYPE. Published 24 November 2026."},
		{"Produced on 02/04/2025", "Produced on 24 November 2026"},
		{"Published: 2025-04-14", "Published: 24 November 2026"},
		{"Issued 3rd May 2025 by MI", "Issued 24 November 2026 by MI"},
		{"Produced by Management Information", "Produced by Management Information"},
	}
	for _, tt := range tests {
		if got := datedLine().ReplaceAllString(tt.in, "${1}${2}${3}24 November 2026"); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.in, got, tt.want)
		}
	}
}

// needTool finds a command, skipping the test when it is absent, except
// under CI, where every tool the tests use is installed by
// scripts/setup.sh and a missing one is a failure.
func needTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed, and CI must have it (scripts/setup.sh test)", name)
	}
	t.Skipf("%s is not installed: apt-get install -y libreoffice-calc-nogui poppler-utils, or run scripts/setup.sh test", name)
	return ""
}

// pdfWord is a word of pdftotext -bbox, with its height in points.
type pdfWord struct {
	text   string
	height float64
}

var bboxWord = regexp.MustCompile(`<word xMin="[^"]*" yMin="([^"]*)" xMax="[^"]*" yMax="([^"]*)">([^<]*)</word>`)

// pdfPages reads a PDF's pages' words with pdftotext -bbox.
func pdfPages(t *testing.T, pdf string) [][]pdfWord {
	t.Helper()
	out, err := exec.Command(needTool(t, "pdftotext"), "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox %s: %v", pdf, err)
	}
	var pages [][]pdfWord
	for _, pg := range strings.Split(string(out), "<page ")[1:] {
		// Keep the words, whose text is escaped: "&amp;".
		pg = strings.ReplaceAll(pg, "&amp;", "&")
		var words []pdfWord
		for _, m := range bboxWord.FindAllStringSubmatch(pg, -1) {
			y0, _ := strconv.ParseFloat(m[1], 64)
			y1, _ := strconv.ParseFloat(m[2], 64)
			words = append(words, pdfWord{text: m[3], height: y1 - y0})
		}
		pages = append(pages, words)
	}
	return pages
}

// pageText joins a page's words with spaces.
func pageText(words []pdfWord) string {
	s := make([]string, len(words))
	for i, w := range words {
		s[i] = w.text
	}
	return strings.Join(s, " ")
}

// pointHeight is the height pdftotext -bbox gives a word of 1 point in the
// export's font as LibreOffice prints it: measured on a workbook of one
// 10-point word printed at 100%.
func pointHeight(t *testing.T, soffice string) float64 {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	style, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Arial", Size: 10}})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr("Sheet1", "A1", "Calibration"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle("Sheet1", "A1", "A1", style); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "points.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	for _, w := range pdfPages(t, convert(t, soffice, path, "pdf"))[0] {
		if w.text == "Calibration" {
			return w.height / 10
		}
	}
	t.Fatal("the calibration word did not print")
	return 0
}

// TestPrintedThroughLibreOffice prints the demo export excluding UASC as
// LibreOffice prints the whole workbook, and checks the paper: at most 40
// pages, each numbered and marked with the report's footer, and the
// scorecard's text no smaller than the footer's 8 points.
func TestPrintedThroughLibreOffice(t *testing.T) {
	soffice := needTool(t, "soffice")
	h, _ := demoHistory(t)
	dir := os.Getenv("EXPORT_RENDER")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, "pack.xlsx")
	if _, err := Write(context.Background(), path, h, Options{Exclude: []app.Cohort{app.UASC}, Produced: produced, AppVersion: "1.0-test"}); err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, convert(t, soffice, path, "pdf"))
	if len(pages) > 40 || len(pages) < 8 {
		t.Fatalf("%d pages printed, want 8 to 40", len(pages))
	}
	perPoint := pointHeight(t, soffice)
	scorecard := 0
	for i, words := range pages {
		text := pageText(words)
		for _, want := range []string{
			fmt.Sprintf("Page %d of %d", i+1, len(pages)),
			"Kent performance scorecard: October 2026, excluding UASC",
			"Produced 24 November 2026 by Scorecard 1.0-test",
			"OFFICIAL",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("page %d does not say %q: %.200s", i+1, want, text)
			}
		}
		if strings.Contains(text, "trend over the 24 months") {
			break
		}
		scorecard++
	}
	eight := 8 * perPoint
	// 32 indicators at 8 point or more take four pages down, each two
	// across: the figures, then the words, as the page order is across
	// then down.
	if scorecard == 0 || scorecard > 8 || scorecard%2 != 0 || eight == 0 {
		t.Fatalf("%d scorecard pages (want 2, 4, 6 or 8), 8 point measured as %v", scorecard, eight)
	}
	for i, words := range pages[:scorecard] {
		text := pageText(words)
		if left := i%2 == 0; strings.Contains(text, "Monthly figures") != left || strings.Contains(text, "Comments") == left {
			t.Errorf("scorecard page %d is not the %s half of its rows: %.200s", i+1, map[bool]string{true: "left", false: "right"}[left], text)
		}
	}
	// Every page's footer is large enough to read.
	for i, words := range pages {
		for _, w := range words {
			if w.text == "Page" && w.height < eight-0.01 {
				t.Errorf("page %d: its footer is %.1f point, below 8", i+1, w.height/perPoint)
			}
		}
	}
	for i, words := range pages[:scorecard] {
		small := 0
		for _, w := range words {
			if w.height < eight-0.01 {
				small++
				if small <= 3 {
					t.Errorf("scorecard page %d: %q is %.1f point, below 8", i+1, w.text, w.height/perPoint)
				}
			}
		}
	}
	if last := pageText(pages[len(pages)-1]); !strings.Contains(last, notPrinted) {
		t.Errorf("the last page is not the Targets sheet's whole notice: %.300s", last)
	}
}
