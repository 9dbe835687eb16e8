package xlsx

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// The differential corpus: the same small scorecard written by each
// producer an MI officer's workbook may come from, in the 1900 and 1904
// date systems, by the scripts in scripts/corpus and writeExcelizeBook.
// It is generated once per test run into a temporary directory.

// A producer writes the corpus's workbooks into dir, or says which tool
// it lacks.
type producer struct {
	name string
	// styled is a producer that writes fills and fonts.
	styled bool
	write  func(dir string) ([]string, error)
}

// errNoTool is a producer's tool not installed.
type errNoTool struct{ tool, install string }

func (e errNoTool) Error() string {
	return fmt.Sprintf("%s is not installed (%s; scripts/setup.sh test installs it)", e.tool, e.install)
}

var producers = []producer{
	{"excelize", true, func(dir string) ([]string, error) {
		var out []string
		for _, d1904 := range []bool{false, true} {
			path := filepath.Join(dir, "excelize"+suffix(d1904)+".xlsx")
			if err := writeExcelizeBook(path, d1904); err != nil {
				return nil, err
			}
			out = append(out, path)
		}
		return out, nil
	}},
	{"openpyxl", true, pythonProducer("openpyxl", "openpyxl_book.py", "python3-openpyxl")},
	{"xlsxwriter", true, pythonProducer("xlsxwriter", "xlsxwriter_book.py", "python3-xlsxwriter")},
	{"SheetJS", false, func(dir string) ([]string, error) {
		node, err := exec.LookPath("node")
		if err != nil {
			return nil, errNoTool{"node", "apt-get install nodejs npm"}
		}
		modules, _ := filepath.Abs(filepath.Join(repoRoot(), "build", "sheetjs", "node_modules"))
		if _, err := os.Stat(filepath.Join(modules, "xlsx", "package.json")); err != nil {
			return nil, errNoTool{"SheetJS (npm package xlsx 0.18.5)", "npm install --prefix build/sheetjs xlsx@0.18.5"}
		}
		var out []string
		for _, args := range [][]string{nil, {"--1904"}, {"--dates"}} {
			path := filepath.Join(dir, "sheetjs"+strings.Join(args, "")+".xlsx")
			cmd := exec.Command(node, append([]string{script("sheetjs_book.js"), path}, args...)...)
			cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
			if b, err := cmd.CombinedOutput(); err != nil {
				return nil, fmt.Errorf("sheetjs_book.js: %v\n%s", err, b)
			}
			out = append(out, path)
		}
		return out, nil
	}},
	{"LibreOffice", true, func(dir string) ([]string, error) {
		soffice, err := exec.LookPath("soffice")
		if err != nil {
			return nil, errNoTool{"soffice (LibreOffice)", "apt-get install libreoffice-calc-nogui"}
		}
		// LibreOffice saves as its own writer what excelize wrote.
		src := filepath.Join(dir, "lo-src")
		if err := os.MkdirAll(src, 0o755); err != nil {
			return nil, err
		}
		var in []string
		for _, d1904 := range []bool{false, true} {
			path := filepath.Join(src, "libreoffice"+suffix(d1904)+".xlsx")
			if err := writeExcelizeBook(path, d1904); err != nil {
				return nil, err
			}
			in = append(in, path)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, soffice, append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "lo-profile"),
			"--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", dir}, in...)...)
		if b, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("soffice --convert-to xlsx: %v\n%s", err, b)
		}
		var out []string
		for _, p := range in {
			o := filepath.Join(dir, filepath.Base(p))
			if _, err := os.Stat(o); err != nil {
				return nil, fmt.Errorf("soffice wrote no %s", filepath.Base(o))
			}
			out = append(out, o)
		}
		// The same workbook as .xls and .ods, for the refusals.
		for _, format := range []string{"xls", "ods"} {
			cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
				"--headless", "--convert-to", format, "--outdir", filepath.Join(dir, "other"), in[0])
			if b, err := cmd.CombinedOutput(); err != nil {
				return nil, fmt.Errorf("soffice --convert-to %s: %v\n%s", format, err, b)
			}
		}
		return out, nil
	}},
}

func suffix(date1904 bool) string {
	if date1904 {
		return "-1904"
	}
	return ""
}

// pythonProducer runs a script of scripts/corpus with a Python that has
// module.
func pythonProducer(module, name, pkg string) func(dir string) ([]string, error) {
	return func(dir string) ([]string, error) {
		py := ""
		for _, p := range []string{"/usr/bin/python3", "python3"} {
			if exec.Command(p, "-c", "import "+module).Run() == nil {
				py = p
				break
			}
		}
		if py == "" {
			return nil, errNoTool{"python3 with " + module, "apt-get install " + pkg}
		}
		var out []string
		for _, args := range [][]string{nil, {"--1904"}} {
			path := filepath.Join(dir, module+strings.Join(args, "")+".xlsx")
			if b, err := exec.Command(py, append([]string{script(name), path}, args...)...).CombinedOutput(); err != nil {
				return nil, fmt.Errorf("%s: %v\n%s", name, err, b)
			}
			out = append(out, path)
		}
		return out, nil
	}
}

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

func script(name string) string { return filepath.Join(repoRoot(), "scripts", "corpus", name) }

// corpus is generated once per test run.
var corpus struct {
	once  sync.Once
	dir   string
	files map[string][]string
	errs  map[string]error
}

func corpusFiles(t *testing.T, p producer) []string {
	t.Helper()
	corpus.once.Do(func() {
		corpus.files, corpus.errs = map[string][]string{}, map[string]error{}
		dir, err := os.MkdirTemp("", "xlsx-corpus-")
		if err != nil {
			t.Fatal(err)
		}
		corpus.dir = dir
		var wg sync.WaitGroup
		var mu sync.Mutex
		for _, p := range producers {
			wg.Go(func() {
				d := filepath.Join(dir, p.name)
				files, err := os.MkdirAll(d, 0o755), error(nil)
				var out []string
				if files == nil {
					out, err = p.write(d)
				} else {
					err = files
				}
				mu.Lock()
				corpus.files[p.name], corpus.errs[p.name] = out, err
				mu.Unlock()
			})
		}
		wg.Wait()
	})
	if err := corpus.errs[p.name]; err != nil {
		var missing errNoTool
		if errors.As(err, &missing) && os.Getenv("CI") != "true" {
			t.Skipf("%s: %v", p.name, err)
		}
		t.Fatalf("%s: %v", p.name, err)
	}
	return corpus.files[p.name]
}

// TestRefusalOfRealFiles refuses an .xls and an .ods that LibreOffice
// wrote, renamed .xlsx, naming what each really is.
func TestRefusalOfRealFiles(t *testing.T) {
	var lo producer
	for _, p := range producers {
		if p.name == "LibreOffice" {
			lo = p
		}
	}
	files := corpusFiles(t, lo)
	other := filepath.Join(filepath.Dir(files[0]), "other")
	for ext, want := range map[string]string{"xls": "an Excel 97-2003 .xls file", "ods": "an OpenDocument spreadsheet (.ods)"} {
		renamed := filepath.Join(t.TempDir(), "renamed.xlsx")
		b, err := os.ReadFile(filepath.Join(other, "libreoffice."+ext))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(renamed, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Open(renamed, Options{}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf(".%s renamed .xlsx: err = %v, want it to say %q", ext, err, want)
		}
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if corpus.dir != "" {
		os.RemoveAll(corpus.dir)
	}
	os.Exit(code)
}

// TestDifferential reads every producer's workbooks with the reader and
// with excelize and compares them cell by cell, then checks what the
// importer relies on: month headings as the right dates whatever the
// date system, RAG fills, the Wingdings font, the far cell of the
// second sheet.
//
// Each documented difference from excelize must turn up somewhere in the
// corpus, so that none is a dead excuse.
func TestDifferential(t *testing.T) {
	seen := map[string]int{}
	complete := true
	for _, p := range producers {
		ok := t.Run(p.name, func(t *testing.T) {
			for _, path := range corpusFiles(t, p) {
				t.Run(filepath.Base(path), func(t *testing.T) {
					diffs, known := compare(t, path)
					for _, d := range diffs {
						t.Errorf("differs from excelize: %s", d)
					}
					if len(known) > 0 {
						t.Logf("documented differences from excelize: %v", known)
					}
					for why, n := range known {
						seen[why] += n
					}
					checkCorpusBook(t, path, p.styled)
				})
			}
		})
		complete = complete && ok && corpus.errs[p.name] == nil
	}
	if !complete {
		return
	}
	for why := range documented {
		if seen[why] == 0 {
			t.Errorf("documented difference %q turned up nowhere in the corpus", why)
		}
	}
}

// checkCorpusBook checks a corpus workbook's content through Open with
// DatesAs1900, as the importer opens it.
func checkCorpusBook(t *testing.T, path string, styled bool) {
	w, err := Open(path, Options{DatesAs1900: true})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if want := strings.Contains(filepath.Base(path), "1904"); w.Date1904() != want {
		t.Errorf("Date1904() = %v, want %v", w.Date1904(), want)
	}
	if got := w.SheetNames(); !slices.Equal(got, []string{"Scorecard", "Notes"}) {
		t.Fatalf("sheets %q", got)
	}
	g, err := w.Grid(context.Background(), "Scorecard")
	if err != nil {
		t.Fatal(err)
	}
	cell := func(g *Grid, r, c int) string {
		if r < len(g.Rows) && c < len(g.Rows[r]) {
			return g.Rows[r][c]
		}
		return ""
	}
	for i, m := range []time.Month{time.April, time.May, time.June} {
		if got, want := cell(g, 1, 2+i), serial1900(2024, m, 1); got != want {
			t.Errorf("%s2 = %q, want %s (1 %s 2024)", ColumnName(2+i), got, want, m)
		}
	}
	for ref, want := range map[[2]int]string{{0, 0}: "Kent scorecard", {2, 1}: `Children in care & "UASC"`, {3, 1}: "Days\nwaiting",
		{2, 2}: "0.1166", {3, 3}: "398.5", {4, 4}: "ê é — ‘quoted’", {5, 2}: "é", {7, 2}: "1234567.891"} {
		if got := cell(g, ref[0], ref[1]); got != want {
			t.Errorf("%s%d = %q, want %q", ColumnName(ref[1]), ref[0]+1, got, want)
		}
	}
	notes, err := w.Grid(context.Background(), "Notes")
	if err != nil {
		t.Fatal(err)
	}
	if got := cell(notes, 49, 25); got != "far away" {
		t.Errorf("Notes!Z50 = %q", got)
	}
	if !styled {
		return
	}
	st := w.Styles()
	style := func(r, c int) Style {
		if r < len(g.Styles) && c < len(g.Styles[r]) && int(g.Styles[r][c]) < len(st) {
			return st[g.Styles[r][c]]
		}
		return Style{}
	}
	for ref, want := range map[[2]int]string{{2, 4}: "FF0000", {3, 3}: "FFC000", {3, 4}: "00B050"} {
		if got := rgb(style(ref[0], ref[1]).Fill); got != want {
			t.Errorf("%s%d fill = %q, want %s", ColumnName(ref[1]), ref[0]+1, got, want)
		}
	}
	if got := style(5, 2).Font; got != "Wingdings 3" {
		t.Errorf("C6 font = %q, want Wingdings 3", got)
	}
	if s := style(1, 2); !s.Date {
		t.Errorf("C2's format %d %q is not a date format", s.NumFmt, s.FormatCode)
	}
}

// writeExcelizeBook writes the corpus's workbook with excelize: the
// content of scripts/corpus/openpyxl_book.py, fills as RGB.
func writeExcelizeBook(path string, date1904 bool) error {
	f := excelize.NewFile()
	defer f.Close()
	s := "Scorecard"
	if err := f.SetSheetName("Sheet1", s); err != nil {
		return err
	}
	if date1904 {
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
			return err
		}
	}
	style := func(st *excelize.Style, cells ...string) error {
		id, err := f.NewStyle(st)
		if err != nil {
			return err
		}
		for _, c := range cells {
			if err := f.SetCellStyle(s, c, c, id); err != nil {
				return err
			}
		}
		return nil
	}
	solid := func(rgb string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{rgb}}
	}
	mmmyy, pct := "mmm-yy", "0.0%"
	rows := map[string][]any{
		"A1": {"Kent scorecard"},
		"A2": {"Ref", "Indicator", time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)},
		"A3": {"CIC05", `Children in care & "UASC"`, 0.1166, 0.12, 0.125},
		"A4": {"CIC09", "Days\nwaiting", 412, 398.5, 401},
		"A5": {"X1", "Flag", true, false, "ê é — ‘quoted’"},
		"A6": {"W1", "Wingdings", "é"},
		"A7": {"T1", "Fills", 1, 2, 3},
		"A8": {"N1", "Numbers", 1234567.891, -0.5, 0, 1e20},
	}
	for cell, values := range rows {
		if err := f.SetSheetRow(s, cell, &values); err != nil {
			return err
		}
	}
	if err := f.SetCellFormula(s, "G8", "C8*2"); err != nil {
		return err
	}
	for _, err := range []error{
		f.MergeCell(s, "A1", "E1"),
		style(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Arial"}}, "A1"),
		style(&excelize.Style{CustomNumFmt: &mmmyy}, "C2", "D2", "E2"),
		style(&excelize.Style{CustomNumFmt: &pct}, "C3", "D3"),
		style(&excelize.Style{CustomNumFmt: &pct, Fill: solid("FF0000")}, "E3"),
		style(&excelize.Style{Fill: solid("FFC000")}, "D4"),
		style(&excelize.Style{Fill: solid("00B050")}, "E4"),
		style(&excelize.Style{Font: &excelize.Font{Family: "Wingdings 3"}}, "C6"),
		style(&excelize.Style{Fill: solid("F4B183")}, "C7"),
		f.SetColVisible(s, "F", false),
	} {
		if err != nil {
			return err
		}
	}
	if _, err := f.NewSheet("Notes"); err != nil {
		return err
	}
	for cell, v := range map[string]string{"A1": "  padded  ", "B2": "Line one\r\nline two", "Z50": "far away"} {
		if err := f.SetCellStr("Notes", cell, v); err != nil {
			return err
		}
	}
	return f.SaveAs(path)
}
