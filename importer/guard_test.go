package importer

import (
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"scorecard/app"
)

// readBounded reads path and reports the processor time it took (on a
// shared machine the wall clock measures the neighbours) and how many
// bytes it allocated in all (a bound on its peak memory).
func readBounded(t *testing.T, path string, opt Options) (error, time.Duration, uint64) {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu := cpuTime()
	start := time.Now()
	_, err := Read(context.Background(), path, opt)
	t.Logf("refused after %v (wall clock)", time.Since(start))
	took := cpuTime() - cpu
	runtime.ReadMemStats(&after)
	return err, took, after.TotalAlloc - before.TotalAlloc
}

// cpuTime is the processor time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestGiantInputsRefusedQuickly: the inputs of the attack on the
// importer are refused, each in under 5 s and 500 MB, naming the limit
// and the file's own figure.
func TestGiantInputsRefusedQuickly(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a workbook of a million rows")
	}
	dir := t.TempDir()
	sparse := filepath.Join(dir, "sparse.csv")
	f, _ := os.Create(sparse)
	f.WriteString("Ref,Indicator,Period,Area,Value\n")
	f.Truncate(2 << 30)
	f.Close()
	longName := filepath.Join(dir, "name.csv")
	os.WriteFile(longName, []byte("Ref,Indicator,Period,Area,Value\nX1,"+strings.Repeat("n", 6<<20)+",2025-03,Kent,5\n"), 0o600)
	for _, tc := range []struct {
		name, path string
		says       []string
	}{
		{"a million one-cell rows", oneCellRows(t, 1_048_576), []string{`sheet "Scorecard"`, "limit of 5000", "of 1048576", "--allow-many"}},
		{"2 GB sparse CSV", sparse, []string{"sparse.csv", "2.0 GB", "limit of 256 MB"}},
		{"CSV with a 6 MB name", longName, []string{"name.csv", "line 2", "more than 4 MB"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err, took, alloc := readBounded(t, tc.path, Options{})
			if err == nil {
				t.Fatal("read without a word")
			}
			for _, w := range tc.says {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q does not say %q", err, w)
				}
			}
			if took > 5*time.Second || alloc > 500<<20 {
				t.Errorf("refused after %v of processor time and %d MB allocated, want under 5 s and 500 MB", took, alloc>>20)
			}
		})
	}
}

func TestCSVLimits(t *testing.T) {
	dir := t.TempDir()
	header := "Ref,Indicator,Period,Area,Value\n"
	for _, tc := range []struct {
		name, body string
		says       string
	}{
		{"long cell", header + "X1," + strings.Repeat("n", MaxCellChars+1) + ",2025-03,Kent,5\n", "line 2, field 2: 32768 characters of text, more than the limit of 32767"},
		{"too many rows", header + strings.Repeat("X1,n,2025-03,Kent,5\n", MaxCSVRows), "more than 1048576 records"},
		{"too many indicators", header + manyRefs(MaxNewIndicators+1), "limit of 5000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".csv")
			os.WriteFile(path, []byte(tc.body), 0o600)
			_, err := Read(context.Background(), path, Options{})
			if err == nil || !strings.Contains(err.Error(), tc.says) || !strings.Contains(err.Error(), filepath.Base(path)) {
				t.Errorf("error %v, want it to name the file and say %q", err, tc.says)
			}
		})
	}
	// Confirmed, or already known to the store, many indicators are fine.
	path := filepath.Join(dir, "many.csv")
	os.WriteFile(path, []byte(header+manyRefs(MaxNewIndicators+1)), 0o600)
	if _, err := Read(context.Background(), path, Options{AllowMany: true}); err != nil {
		t.Errorf("--allow-many: %v", err)
	}
	if _, err := Read(context.Background(), path, Options{Known: func(ref string) bool { return ref != "K1" }}); err != nil {
		t.Errorf("indicators the store knows: %v", err)
	}
}

func manyRefs(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("K")
		b.WriteString(itoa(i + 1))
		b.WriteString(",n,2025-03,Kent,5\n")
	}
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestSpecialFilesRefusedBeforeOpening: a pipe would hang the import
// holding the store's lock; a device never ends.
func TestSpecialFilesRefusedBeforeOpening(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	for _, tc := range []struct{ path, says string }{
		{fifo, "it is a pipe"},
		{"/dev/zero", "it is a device"},
		{t.TempDir(), "it is a folder"},
	} {
		done := make(chan error, 1)
		go func() {
			_, err := Read(context.Background(), tc.path, Options{})
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), tc.says) {
				t.Errorf("%s: %v, want %q", tc.path, err, tc.says)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: reading hung", tc.path)
		}
	}
}

// ole2 writes a minimal compound file whose first directory sector names
// the given streams, as an .xls or a password-protected .xlsx does.
func ole2(streams ...string) []byte {
	b := make([]byte, 1024)
	copy(b, oleMagic)
	binary.LittleEndian.PutUint16(b[0x1E:], 9) // 512-byte sectors
	binary.LittleEndian.PutUint32(b[0x30:], 0) // directory at sector 0
	for i, s := range append([]string{"Root Entry"}, streams...) {
		copy(b[512+128*i:], utf16le(s+"\x00"))
	}
	return b
}

// TestNamesWhatAFileIs: a file whose content is of another kind than its
// extension says is named for what it is, before it is opened as the
// wrong kind (a real .xls renamed .xlsx was called password-protected).
func TestNamesWhatAFileIs(t *testing.T) {
	dir := t.TempDir()
	xlsx, _ := os.ReadFile(houseBook(t))
	ods := append([]byte("PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x08\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheet"), make([]byte, 100)...)
	for _, tc := range []struct {
		name string
		data []byte
		says string
	}{
		{"real.xls.xlsx", ole2("Workbook", "SummaryInformation"), "is an Excel 97-2003 workbook (.xls) named .xlsx"},
		{"calc.xlsx", ods, "is an OpenDocument spreadsheet (.ods) named .xlsx"},
		{"table.xlsx", []byte("Ref,Period,Value\nCIC05,2025-03,5\n"), "is a text (CSV) file named .xlsx: rename it .csv"},
		{"text.xlsx", []byte("not a zip"), "is not an Excel workbook, though named .xlsx: it holds plain text without columns"},
		{"note.xls", []byte("not a zip\nat all\n"), "is not an Excel workbook, though named .xls: it holds plain text"},
		{"page.xlsx", []byte("<html><body><table></table></body></html>"), "is a web page or XML file named .xlsx"},
		{"book.csv", xlsx, "is an Excel workbook named .csv: rename it .xlsx"},
		{"old.csv", ole2("Workbook"), "is an Excel 97-2003 workbook (.xls) named .csv"},
		{"new.xls", xlsx, "is an Excel workbook (.xlsx) named .xls: rename it .xlsx"},
		{"calc.ods", ods, "is an OpenDocument spreadsheet (.ods): save it as .xlsx"},
	} {
		path := filepath.Join(dir, tc.name)
		os.WriteFile(path, tc.data, 0o600)
		_, err := Read(context.Background(), path, Options{})
		if err == nil || !strings.Contains(err.Error(), tc.name+": "+tc.says) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.says)
		}
	}
	// A password-protected .xlsx is an OLE2 file too: not called an .xls.
	path := filepath.Join(dir, "locked.xlsx")
	os.WriteFile(path, ole2("\x06DataSpaces", "EncryptionInfo", "EncryptedPackage"), 0o600)
	if _, err := Read(context.Background(), path, Options{}); err == nil || strings.Contains(err.Error(), "97-2003") {
		t.Errorf("password-protected workbook: %v", err)
	}
}

// TestRefusesFiguresNoSourceMeans: values that overflow, and a period
// typed a century out, are data errors naming the cell.
func TestRefusesFiguresNoSourceMeans(t *testing.T) {
	dir := t.TempDir()
	header := "Ref,Indicator,Period,Area,Numerator,Denominator,Value\n"
	for _, tc := range []struct {
		name, body string
		says       string
	}{
		{"big", header + "CIC05,n,2025-02,Kent,,,5\nCIC05,n,2025-03,Kent,,,1e308\n", "big.csv: line 3: CIC05 value for Kent 2025-03 is 1e+308"},
		{"minus", header + "CIC05,n,2025-03,Kent,,,-1e308\n", "minus.csv: line 2: CIC05 value for Kent 2025-03 is -1e+308"},
		{"ratio", header + "CIC05,n,2025-03,Kent,1e300,1e-10,\n", "ratio.csv: line 2: CIC05"},
		{"future", header + "CIC05,n,2205-03,Kent,,,5\n", "future.csv: line 2: CIC05 is dated 2205-03, more than 1 year after today"},
	} {
		path := filepath.Join(dir, tc.name+".csv")
		os.WriteFile(path, []byte(tc.body), 0o600)
		_, err := Read(context.Background(), path, Options{})
		if err == nil || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.says)
		}
	}
	if _, err := Read(context.Background(), filepath.Join(dir, "future.csv"), Options{AllowFuture: true}); err != nil {
		t.Errorf("--allow-future: %v", err)
	}
	next := time.Now().AddDate(0, 6, 0).Format("2006-01")
	os.WriteFile(filepath.Join(dir, "soon.csv"), []byte(header+"CIC05,n,"+next+",Kent,,,5\n"), 0o600)
	if _, err := Read(context.Background(), filepath.Join(dir, "soon.csv"), Options{}); err != nil {
		t.Errorf("a figure dated within the year (a forecast): %v", err)
	}
}

// TestWarnsOfMonthsAfterThisOne: a monthly figure dated after this month
// but within the year is read, with a warning naming its cell, since it
// becomes the report month; this month's figures are not remarked on.
func TestWarnsOfMonthsAfterThisOne(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	this := app.MonthOf(now.Year(), now.Month())
	later := this.Add(4)
	body := "Ref,Indicator,Period,Area,Value\n" +
		"CIC05,n," + this.String() + ",Kent,5\n" +
		"CIC05,n," + later.String() + ",Kent,6\n" +
		"CIC05,n," + later.String() + ",Dover,1\n"
	path := filepath.Join(dir, "soon.csv")
	os.WriteFile(path, []byte(body), 0o600)
	res := mustRead(t, path)
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.String())
	}
	want := []string{
		// The name says nothing of the unit (nameunits.go).
		`soon.csv: line 2: CIC05: neither a Unit column nor its name "n" states its unit: read as a count of children, a guess, so exports withhold small numbers of it and excluding a cohort subtracts the cohort's count; if it is not a count (a percentage, a score, an average), state its unit in a Unit column`,
		"soon.csv: line 3: CIC05: " + later.Label() + " is after this month: check the period",
		"soon.csv: line 4: CIC05: " + later.Label() + " is after this month: check the period",
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}
	if len(res.Dataset.Observations) != 3 {
		t.Errorf("%d figures read, want 3: a month within the year is warned of, not refused", len(res.Dataset.Observations))
	}
}

// TestFileChangedWhileRead: a file saved again during its import is
// refused, so the store never records one version's fingerprint with
// another version's figures.
func TestFileChangedWhileRead(t *testing.T) {
	path := houseBook(t)
	other := houseBook(t)
	changed := false
	_, err := Read(context.Background(), path, Options{Progress: func(done, total int) {
		if !changed {
			changed = true
			data, _ := os.ReadFile(other)
			os.WriteFile(other, append(data, 0), 0o600)
			if err := os.Rename(other, path); err != nil {
				t.Error(err)
			}
		}
	}})
	if !changed {
		t.Fatal("the import gave no progress to change the file at")
	}
	if err == nil || !strings.Contains(err.Error(), "changed while it was being read") {
		t.Errorf("error %v, want the file refused as changed", err)
	}
	var se interface{ Unwrap() error }
	if !errors.As(err, &se) {
		t.Errorf("%v does not name the file", err)
	}
}

// TestRefusesGiantCellInWorkbook: a workbook cell holding more text than
// Excel lets a cell hold (a crafted file) is refused, naming the limit.
func TestRefusesGiantCellInWorkbook(t *testing.T) {
	path := rawWorkbook(t, "giant-cell.xlsx", `<row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c><c r="B1" t="inlineStr"><is><t>Indicator</t></is></c><c r="C1" t="inlineStr"><is><t>Mar-25</t></is></c></row>`+
		`<row r="2"><c r="A2" t="inlineStr"><is><t>CIC05</t></is></c><c r="B2" t="inlineStr"><is><t>`+strings.Repeat("n", 40_000)+`</t></is></c><c r="C2"><v>5</v></c></row>`)
	_, err := Read(context.Background(), path, Options{})
	if err == nil || !strings.Contains(err.Error(), "giant-cell.xlsx") || !strings.Contains(err.Error(), "40000 characters of text in one cell, more than the limit of 32767") {
		t.Errorf("error %v, want the cell refused", err)
	}
}

// TestUsualImportDoesNotAskTheStore: asking whether an indicator is known
// loads the store whole; a file far under the limit never asks.
func TestUsualImportDoesNotAskTheStore(t *testing.T) {
	asked := 0
	known := func(string) bool { asked++; return false }
	for _, path := range []string{houseBook(t), writeCSV(t, "Ref,Indicator,Period,Area,Value\n"+manyRefs(50))} {
		if _, err := Read(context.Background(), path, Options{Known: known}); err != nil {
			t.Fatal(err)
		}
	}
	if asked != 0 {
		t.Errorf("the store was asked about %d indicators", asked)
	}
}

func writeCSV(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data.csv")
	os.WriteFile(path, []byte(body), 0o600)
	return path
}
