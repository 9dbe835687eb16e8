package export

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/app/trend"
)

// lookTools finds LibreOffice and a Python with openpyxl, skipping the
// test when either is absent (make test installs both). The system's
// Python is tried after the one on PATH, which a version manager may
// have put there without the Debian package's modules.
func lookTools(t *testing.T) (soffice, python string) {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) is not installed: apt-get install -y libreoffice-calc-nogui poppler-utils, or run make test")
	}
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(py, "-c", "import openpyxl").Run() == nil {
			return soffice, py
		}
	}
	t.Skip("python3 with openpyxl is not installed: apt-get install -y python3-openpyxl, or run make test")
	return "", ""
}

// convert has LibreOffice open and re-save a workbook as format ("xlsx",
// "pdf") into a folder of its own, with a private profile so that
// parallel runs do not fight over one.
func convert(t *testing.T, soffice, path, format string) string {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", format, "--outdir", filepath.Join(dir, "out"), path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", format, err, out)
	}
	got := filepath.Join(dir, "out", strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))+"."+format)
	if _, err := os.Stat(got); err != nil {
		t.Fatalf("LibreOffice wrote no %s: %v", format, err)
	}
	return got
}

// readBack is what testdata/read_scorecard.py prints.
type readBack struct {
	Title      string `json:"title"`
	Exclusions string `json:"exclusions"`
	Rows       map[string]struct {
		Name        string  `json:"name"`
		NameType    string  `json:"name_type"`
		Value       any     `json:"value"`
		Type        string  `json:"type"`
		Format      string  `json:"format"`
		RAG         *string `json:"rag"`
		RAGFill     *string `json:"rag_fill"`
		DoT         *string `json:"dot"`
		Comment     *string `json:"comment"`
		CommentType string  `json:"comment_type"`
	} `json:"rows"`
}

// TestLibreOfficeReadsTheFigures converts the export with LibreOffice, as
// a stand-in for Excel, reads the result with openpyxl, and checks every
// figure, rating and direction against trend.Analyse: what `scorecard
// show --json` prints for the same history.
func TestLibreOfficeReadsTheFigures(t *testing.T) {
	soffice, python := lookTools(t)
	h, m := demoHistory(t)
	for _, cs := range [][]app.Cohort{nil, {app.UASC}} {
		t.Run(exclusionWords(cs), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "scorecard.xlsx")
			if _, err := Write(context.Background(), path, h, Options{Exclude: cs, Produced: produced}); err != nil {
				t.Fatal(err)
			}
			lo := convert(t, soffice, path, "xlsx")
			var out bytes.Buffer
			cmd := exec.Command(python, "testdata/read_scorecard.py", lo, m.Latest().Label())
			cmd.Stdout, cmd.Stderr = &out, os.Stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("read_scorecard.py: %v", err)
			}
			var got readBack
			if err := json.Unmarshal(out.Bytes(), &got); err != nil {
				t.Fatalf("read_scorecard.py printed %q: %v", out.String(), err)
			}
			if got.Exclusions != exclusionWords(cs) {
				t.Errorf("exclusions line %q, want %q", got.Exclusions, exclusionWords(cs))
			}
			hx := h
			if len(cs) > 0 {
				// The figures excluding a cohort are what show --exclude
				// prints: the analysis of the excluded history.
				hx, _ = cohort.Exclude(h, cs)
			}
			checked := 0
			for _, ind := range h.Indicators() {
				row, ok := got.Rows[ind.Ref]
				if !ok {
					t.Errorf("%s: no row after LibreOffice", ind.Ref)
					continue
				}
				if row.Name != ind.Name || row.NameType != "s" {
					t.Errorf("%s: name %q (type %s), want the text %q", ind.Ref, row.Name, row.NameType, ind.Name)
				}
				pts := trend.Analyse(hx, app.SeriesKey{Ref: ind.Ref, Area: app.Kent}, trend.Options{Until: m.Latest()})
				if len(pts) == 0 || pts[len(pts)-1].Period != m.Latest() {
					continue
				}
				p := pts[len(pts)-1]
				if p.Value == nil {
					// A row that cannot exclude the cohort in any month says
					// so once, in a cell merged across the months
					// (TestExclusionsTitleAndFigures), so the month's own
					// cell is empty.
					if p.Status == app.CannotExclude && row.Value == nil {
						checked++
						continue
					}
					if row.Value != p.Status.String() {
						t.Errorf("%s: %v, want the status %q", ind.Ref, row.Value, p.Status)
					}
					checked++
					continue
				}
				v, isNum := row.Value.(float64)
				if !isNum || row.Type != "n" {
					t.Errorf("%s: %v (type %s) is not a number", ind.Ref, row.Value, row.Type)
					continue
				}
				if ind.Unit == app.Percent {
					v *= 100
					if !strings.HasSuffix(row.Format, "%") {
						t.Errorf("%s: format %q is not a percentage", ind.Ref, row.Format)
					}
				}
				if math.Abs(v-*p.Value) > 1e-9 {
					t.Errorf("%s: %v after LibreOffice, show --json says %v", ind.Ref, v, *p.Value)
				}
				if rag := deref(row.RAG); rag != p.RAG.String() {
					t.Errorf("%s: RAG %q, show --json says %q", ind.Ref, rag, p.RAG)
				}
				if dot := deref(row.DoT); p.DoT != app.NoDoT && !strings.HasSuffix(dot, string(p.DoT)) {
					t.Errorf("%s: DoT %q, show --json says %q", ind.Ref, dot, p.DoT)
				}
				checked++
			}
			if checked < 25 {
				t.Errorf("only %d figures checked", checked)
			}
			first := h.Indicators()[0].Ref
			want := hostileComment
			if len(cs) > 0 {
				// Written about all children, and labelled so beside
				// figures excluding a cohort.
				want = allChildrenLabel + " " + want
			}
			if c := got.Rows[first]; deref(c.Comment) != want || c.CommentType != "s" {
				t.Errorf("%s comment after LibreOffice: %q (type %s), want the text %q", first, deref(c.Comment), c.CommentType, want)
			}
		})
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// TestRenderScorecard renders the Scorecard sheet to PNG through
// LibreOffice's PDF export, for a person to look at: set
// EXPORT_RENDER to a folder to keep the pages.
func TestRenderScorecard(t *testing.T) {
	soffice, _ := lookTools(t)
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm is not installed: apt-get install -y poppler-utils, or run make test")
	}
	h, _ := demoHistory(t)
	dir := os.Getenv("EXPORT_RENDER")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, "scorecard.xlsx")
	if _, err := Write(context.Background(), path, h, Options{Exclude: []app.Cohort{app.UASC}, Produced: produced, AppVersion: "1.0-test"}); err != nil {
		t.Fatal(err)
	}
	pdf := convert(t, soffice, path, "pdf")
	png := filepath.Join(dir, "scorecard")
	if out, err := exec.Command("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, png).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	if fi, err := os.Stat(png + ".png"); err != nil || fi.Size() < 10000 {
		t.Fatalf("rendered page %s.png: %v (a blank page is a few kB)", png, err)
	}
}
