package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"scorecard/app"
	"scorecard/importer/csvfile"
	"scorecard/importer/value"
)

// The limits on what one import reads. A real scorecard workbook is a few
// MB with a few hundred indicators; each limit is far beyond that, and
// each refusal names the limit and the file's own figure, so that a giant
// or damaged file is refused at once, leaving the store unchanged, rather
// than filling memory or adding a million junk indicators.
const (
	// MaxFileBytes is the largest file read.
	MaxFileBytes = 256 << 20
	// MaxCellChars is the most text one cell (or CSV field) may hold:
	// Excel's own limit of 32,767 characters.
	MaxCellChars = value.MaxChars
	// MaxCSVRows is the most records a CSV may have: Excel's row limit, so
	// a CSV Excel could not open is not taken for a scorecard.
	MaxCSVRows = csvfile.MaxRecords
	// MaxNewIndicators is the most indicators one file may add to the
	// store unless Options.AllowMany confirms it.
	MaxNewIndicators = 5_000
	// MaxMagnitude bounds a figure: beyond it a float64 no longer holds
	// whole numbers exactly, and no count, rate or percentage is so large.
	MaxMagnitude = 1e15
	// FutureYears is how far after today a figure's period may start
	// unless Options.AllowFuture confirms it: "2205-03" is a typo.
	FutureYears = 1
)

// checkSource refuses, before the file is opened, what is not a file to
// read: a pipe or device (reading one would hang holding the store's
// lock), a file beyond MaxFileBytes, Excel's lock file (a
// *LockFileError), and a file whose first bytes say it is another kind
// than its name does.
func checkSource(path string) (os.FileInfo, error) {
	base := filepath.Base(path)
	fi, err := os.Stat(path)
	if err != nil {
		// A file not found is named as it was given: its base name
		// alone would not say where it was looked for.
		return nil, &app.SourceError{Location: app.Location{File: path}, Err: unwrapPathError(err)}
	}
	if !fi.Mode().IsRegular() {
		what := "not a regular file"
		switch m := fi.Mode(); {
		case m.IsDir():
			what = "a folder"
		case m&os.ModeNamedPipe != 0:
			what = "a pipe"
		case m&os.ModeDevice != 0:
			what = "a device"
		case m&os.ModeSocket != 0:
			what = "a socket"
		}
		return nil, &app.SourceError{Location: app.Location{File: base}, Err: fmt.Errorf("refused: it is %s, not a workbook or CSV", what)}
	}
	if fi.Size() > MaxFileBytes {
		return nil, &app.SourceError{Location: app.Location{File: base},
			Err: fmt.Errorf("refused: the file is %s, more than the limit of %s for one import", sizeText(fi.Size()), sizeText(MaxFileBytes))}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &app.SourceError{Location: app.Location{File: base}, Err: unwrapPathError(err)}
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, &app.SourceError{Location: app.Location{File: base}, Err: err}
	}
	if lock, ok := lockFile(base, head[:n], fi.Size()); ok {
		return nil, lock
	}
	if err := checkKind(strings.ToLower(filepath.Ext(path)), fileKind(head[:n], f)); err != nil {
		return nil, &app.SourceError{Location: app.Location{File: base}, Err: err}
	}
	return fi, nil
}

// sizeText writes a byte count as people read it.
func sizeText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// The signatures of the files officers mistake for one another.
var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// An OpenDocument file's first zip entry is its uncompressed mimetype.
	odsMime = []byte("application/vnd.oasis.opendocument.spreadsheet")
)

// fileKind names what a file's first bytes (head, read from f) show it is:
// "xlsx" (a zip, as .xlsx and .xlsm are), "ods", "xls" (an Excel 97-2003
// workbook), "encrypted" (an Office file saved with a password), "html",
// "text" (a table of delimited columns), "plain" (text without columns),
// or "" when it cannot tell.
func fileKind(head []byte, f io.ReaderAt) string {
	switch {
	case bytes.HasPrefix(head, zipMagic):
		if bytes.Contains(head[:min(len(head), 100)], odsMime) {
			return "ods"
		}
		return "xlsx"
	case bytes.HasPrefix(head, oleMagic):
		return oleKind(head, f)
	}
	t := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n"))
	if bytes.HasPrefix(t, []byte("<html")) || bytes.HasPrefix(t, []byte("<!doctype html")) || bytes.HasPrefix(t, []byte("<?xml")) {
		return "html"
	}
	if len(head) > 0 && bytes.IndexByte(head, 0) < 0 && utf8.Valid(csvfile.TrimPartialRune(head)) {
		line, _, _ := bytes.Cut(t, []byte("\n"))
		if !bytes.ContainsAny(line, ",;\t|") {
			// No column in its first line: not a table at all.
			return "plain"
		}
		return "text"
	}
	return ""
}

// oleKind tells an Excel 97-2003 workbook from a password-protected
// .xlsx, both OLE2 compound files, by the streams named in the file's
// first directory sector: "Workbook" (or "Book") against
// "EncryptedPackage" and "EncryptionInfo". A password-protected .xlsx is
// what a .xls renamed .xlsx was once taken for.
func oleKind(head []byte, f io.ReaderAt) string {
	if len(head) < 0x34 {
		return ""
	}
	shift := uint(head[0x1E]) | uint(head[0x1F])<<8
	if shift < 7 || shift > 16 {
		return ""
	}
	size := int64(1) << shift
	dirSector := int64(int32(uint32(head[0x30]) | uint32(head[0x31])<<8 | uint32(head[0x32])<<16 | uint32(head[0x33])<<24))
	if dirSector < 0 {
		return ""
	}
	dir := make([]byte, size)
	if n, _ := f.ReadAt(dir, (dirSector+1)*size); n < 128 {
		return ""
	}
	switch {
	case bytes.Contains(dir, utf16le("EncryptedPackage")), bytes.Contains(dir, utf16le("EncryptionInfo")):
		return "encrypted"
	case bytes.Contains(dir, utf16le("Workbook\x00")), bytes.Contains(dir, utf16le("Book\x00")):
		return "xls"
	}
	return ""
}

// utf16le is s as the directory of an OLE2 file spells stream names.
func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for _, c := range []byte(s) {
		b = append(b, c, 0)
	}
	return b
}

// checkKind refuses a file whose content is of another kind than its
// extension says, naming what it is and what to do.
func checkKind(ext, kind string) error {
	switch ext {
	case ".xlsx", ".xlsm":
		switch kind {
		case "xls":
			return fmt.Errorf("is an Excel 97-2003 workbook (.xls) named %s: open it in Excel and save it as .xlsx", ext)
		case "ods":
			return fmt.Errorf("is an OpenDocument spreadsheet (.ods) named %s: save it as .xlsx and import that", ext)
		case "html":
			return fmt.Errorf("is a web page or XML file named %s, not a workbook: open it in Excel and save it as .xlsx", ext)
		case "text":
			return fmt.Errorf("is a text (CSV) file named %s: rename it .csv and import that", ext)
		case "plain":
			return fmt.Errorf("is not an Excel workbook, though named %s: it holds plain text without columns (it may be damaged, or not the file meant): open the original in Excel and save it as .xlsx", ext)
		}
	case ".csv":
		switch kind {
		case "xlsx":
			return errors.New("is an Excel workbook named .csv: rename it .xlsx and import that")
		case "ods":
			return errors.New("is an OpenDocument spreadsheet (.ods) named .csv: save it as .xlsx or CSV and import that")
		case "xls":
			return errors.New("is an Excel 97-2003 workbook (.xls) named .csv: save it as .xlsx or CSV UTF-8 and import that")
		case "encrypted":
			return errors.New("is a password-protected Excel workbook named .csv: remove the password, save it as .xlsx and import that")
		}
	case ".xls":
		switch kind {
		case "xlsx":
			return errors.New("is an Excel workbook (.xlsx) named .xls: rename it .xlsx and import that")
		case "text":
			return errors.New("is a text (CSV) file named .xls: rename it .csv and import that")
		case "plain":
			return errors.New("is not an Excel workbook, though named .xls: it holds plain text without columns (it may be damaged, or not the file meant): open the original in Excel and save it as .xlsx")
		case "html":
			return errors.New("is a web page or XML file named .xls, not a workbook: open it in Excel and save it as .xlsx")
		}
	case ".ods":
		if kind == "ods" {
			return errors.New("is an OpenDocument spreadsheet (.ods): save it as .xlsx and import that")
		}
	}
	return nil
}

// stillSame reports an error when the file at path is no longer the one
// whose fingerprint was taken (fi, before it was read): its size or time
// changed while it was read, so the figures might come from another
// version than the fingerprint, and the store would record one version's
// fingerprint with another's figures.
func stillSame(path string, fi os.FileInfo) error {
	now, err := os.Stat(path)
	if err == nil && now.Size() == fi.Size() && now.ModTime().Equal(fi.ModTime()) && os.SameFile(now, fi) {
		return nil
	}
	return &app.SourceError{Location: app.Location{File: filepath.Base(path)},
		Err: errors.New("changed while it was being read (saved again, or still being copied); nothing was imported: import it again")}
}

// checkFigures refuses a dataset holding a figure no source means: not a
// finite number, or beyond MaxMagnitude (+/-1e308 overflows every sum and
// change made from it), and, unless opt.AllowFuture, a figure dated more
// than FutureYears after now. Each refusal names the cell.
func checkFigures(file string, ds *app.Dataset, opt Options, now time.Time) error {
	if ds == nil {
		return nil
	}
	// A workbook's cells reach here whole: a text longer than Excel lets
	// a cell hold is a crafted or damaged file, and would slow every
	// listing of the store.
	for _, ind := range ds.Indicators {
		for _, t := range []string{ind.Ref, ind.Name, ind.Section} {
			if n := value.Chars(t); n > MaxCellChars {
				return &app.SourceError{Location: app.Location{File: file}, Err: fmt.Errorf("indicator %.40s: %d characters of text in one cell, more than the limit of %d (Excel's own)", ind.Ref, n, MaxCellChars)}
			}
		}
	}
	for _, c := range ds.Comments {
		if n := value.Chars(c.Text); n > MaxCellChars {
			return &app.SourceError{Location: app.Location{File: file}, Err: fmt.Errorf("comment on %.40s: %d characters of text in one cell, more than the limit of %d (Excel's own)", c.Ref, n, MaxCellChars)}
		}
	}
	// A period starts on the 1st of a month, so it starts after the limit
	// exactly when it starts in a later month than the limit's.
	limit := now.AddDate(FutureYears, 0, 0)
	limitMonth := app.MonthOf(limit.Year(), limit.Month()).StartMonth()
	where := func(cell string) app.Location {
		sheet, c := splitCell(cell)
		return app.Location{File: file, Sheet: sheet, Cell: c}
	}
	for i := range ds.Observations {
		o := &ds.Observations[i]
		for _, f := range []struct {
			name string
			v    *float64
		}{{"value", o.Value}, {"numerator", o.Numerator}, {"denominator", o.Denominator}} {
			if f.v != nil && !finite(*f.v) {
				return &app.SourceError{Location: where(o.Cell), Err: fmt.Errorf("%s %s for %s %s is %s: not a figure a scorecard holds (at most %g either way)", o.Ref, f.name, o.Area, o.Period, figureText(*f.v), MaxMagnitude)}
			}
		}
		if !opt.AllowFuture && o.Period.StartMonth() > limitMonth {
			return &app.SourceError{Location: where(o.Cell), Err: fmt.Errorf("%s is dated %s, more than %d year after today: a typo? (import with --allow-future if it is meant)", o.Ref, o.Period, FutureYears)}
		}
	}
	for _, b := range ds.Benchmarks {
		if b.Value != nil && !finite(*b.Value) {
			return &app.SourceError{Location: app.Location{File: file}, Err: fmt.Errorf("benchmark %s %s %s is %s: not a figure a scorecard holds", b.Ref, b.Group, b.Period, figureText(*b.Value))}
		}
	}
	for _, t := range ds.Targets {
		for _, v := range []*float64{t.Target, t.Floor, t.Tolerance} {
			if v != nil && !finite(*v) {
				return &app.SourceError{Location: app.Location{File: file}, Err: fmt.Errorf("target for %s %s is %s: not a figure a scorecard holds", t.Ref, t.Year, figureText(*v))}
			}
		}
	}
	return nil
}

// maxFutureWarnings caps the months after this one reported cell by cell.
const maxFutureWarnings = 20

// futureMonths warns of each monthly figure dated after the month of now:
// within FutureYears it may be a forecast, so it is not refused, but a
// figure a year early by a typo would otherwise become the report month
// unremarked.
func futureMonths(file string, ds *app.Dataset, now time.Time) []app.Warning {
	if ds == nil {
		return nil
	}
	this := app.MonthOf(now.Year(), now.Month())
	var out []app.Warning
	seen := map[string]bool{}
	more := 0
	for i := range ds.Observations {
		o := &ds.Observations[i]
		if o.Period.Kind != app.Month || o.Period.Compare(this) <= 0 {
			continue
		}
		key := o.Cell + "\x00" + o.Period.String()
		if seen[key] {
			continue // another cohort or area read from the same cell
		}
		seen[key] = true
		if len(out) == maxFutureWarnings {
			more++
			continue
		}
		sheet, cell := splitCell(o.Cell)
		out = append(out, app.Warning{Location: app.Location{File: file, Sheet: sheet, Cell: cell},
			Message: fmt.Sprintf("%s: %s is after this month: check the period", o.Ref, o.Period.Label())})
	}
	if more > 0 {
		out = append(out, app.Warning{Location: app.Location{File: file},
			Message: fmt.Sprintf("and %d more figures dated after this month", more)})
	}
	return out
}

func finite(v float64) bool { return !math.IsNaN(v) && math.Abs(v) <= MaxMagnitude }

func figureText(v float64) string {
	switch {
	case math.IsNaN(v):
		return "not a number"
	case math.IsInf(v, 0):
		return "infinite (an overflow)"
	}
	return fmt.Sprintf("%g", v)
}

// newRefs counts the indicators an import gives that the store does not
// hold yet. Asking the store loads it whole, so it is asked only once the
// refs given pass MaxNewIndicators: a usual import never asks.
type newRefs struct {
	refs    map[string]bool
	known   func(ref string) bool // nil: none known
	consult bool                  // the count has passed the limit once: ask known of each ref
}

func newNewRefs(known func(string) bool) *newRefs {
	return &newRefs{refs: map[string]bool{}, known: known}
}

func (n *newRefs) add(ref string) {
	if n.refs[ref] || n.consult && n.known(ref) {
		return
	}
	n.refs[ref] = true
	if !n.consult && n.known != nil && len(n.refs) > MaxNewIndicators {
		n.consult = true
		for r := range n.refs {
			if n.known(r) {
				delete(n.refs, r)
			}
		}
	}
}

func (n *newRefs) addAll(inds []app.Indicator) {
	for _, ind := range inds {
		n.add(ind.Ref)
	}
}

func (n *newRefs) count() int { return len(n.refs) }

// indicatorLimit is MaxNewIndicators as the sheet readers apply it, on
// several goroutines at once; nil when the import is confirmed
// (Options.AllowMany).
type indicatorLimit struct {
	mu    sync.Mutex
	known func(ref string) bool
}

func newIndicatorLimit(opt Options) *indicatorLimit {
	if opt.AllowMany {
		return nil
	}
	return &indicatorLimit{known: opt.Known}
}

// knownFunc returns isKnown, or nil when no store is asked.
func (lim *indicatorLimit) knownFunc() func(string) bool {
	if lim == nil || lim.known == nil {
		return nil
	}
	return lim.isKnown
}

// isKnown reports whether the store already holds ref.
func (lim *indicatorLimit) isKnown(ref string) bool {
	if lim == nil || lim.known == nil {
		return false
	}
	lim.mu.Lock()
	defer lim.mu.Unlock()
	return lim.known(ref)
}

// overLimit refuses a sheet once it has given more new indicators than
// MaxNewIndicators, in its first rows of rows.
func (l *sheetLog) overLimit(row, rows int) error {
	if l.limit == nil || l.newRefs.count() <= MaxNewIndicators {
		return nil
	}
	return fmt.Errorf("refused: its first %d rows (of %d) give %d new indicators, more than the limit of %d from one file (a scorecard has a few hundred); import with --allow-many if that is meant", row, rows, l.newRefs.count(), MaxNewIndicators)
}

// tooManyIndicators refuses an import adding more than MaxNewIndicators
// unless opt.AllowMany confirms it.
func tooManyIndicators(loc app.Location, n int, opt Options) error {
	if opt.AllowMany || n <= MaxNewIndicators {
		return nil
	}
	return &app.SourceError{Location: loc, Err: fmt.Errorf("refused: it would add %d new indicators, more than the limit of %d from one file (a scorecard has a few hundred); import with --allow-many if that is meant", n, MaxNewIndicators)}
}
