package importer

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"scorecard/app"
	"scorecard/importer/csvfile"
	"scorecard/importer/dfe"
	"scorecard/importer/xlsx"
)

// isDfE reports whether a file is one of the DfE's explore-education-
// statistics downloads: one figure per authority, region and England.
// The download is a CSV, but officers open it in Excel and save it as a
// workbook, or save it tab-separated: the table reads the same.
func isDfE(s *Sample) bool {
	if s.book != nil {
		h, ok := dfeSheet(s)
		if !ok {
			return false
		}
		// A scorecard workbook with a DfE table pasted beside it is
		// the scorecard's: its sheets are read as such.
		for _, o := range s.Heads {
			if o.Sheet == h.Sheet {
				continue
			}
			if l, err := s.detectSheet(context.Background(), o); err == nil && l.Kind != Skip {
				return false
			}
		}
		return true
	}
	return len(s.Heads) > 0 && len(s.Heads[0].Rows) > 0 && dfe.Detect(s.Heads[0].Rows[0])
}

// dfeSheet finds the sheet of a workbook whose first row is a DfE
// table's header.
func dfeSheet(s *Sample) (Head, bool) {
	for _, h := range s.Heads {
		if len(h.Rows) > 0 && dfe.Detect(withoutBOM(h.Rows[0])) {
			return h, true
		}
	}
	return Head{}, false
}

// dfeMissingColumn refuses a file no format took whose first row, on
// a sheet of it, is a DfE table's header with one of time_period,
// time_identifier and geographic_level deleted (dfe.Missing), naming the
// column: its la_name had it refused as "reference data: a list of local
// authorities" (QA hB F9). Nil for any other file.
func dfeMissingColumn(s *Sample) error {
	base := filepath.Base(s.Path)
	for _, h := range s.Heads {
		if len(h.Rows) == 0 {
			continue
		}
		if err := dfe.MissingError(withoutBOM(h.Rows[0])); err != nil {
			loc := app.Location{File: base, Cell: "line 1"}
			if s.book != nil {
				loc = app.Location{File: base, Sheet: h.Sheet, Cell: "A1"}
			}
			return &app.SourceError{Location: loc, Err: err}
		}
	}
	return nil
}

// withoutBOM returns a header row with the byte-order mark a CSV opens
// with taken from its first cell: a spreadsheet that opened the CSV as
// Latin-1 keeps it as "ï»¿" in cell A1.
func withoutBOM(row []string) []string {
	if len(row) == 0 {
		return row
	}
	first := strings.TrimPrefix(strings.TrimPrefix(row[0], "\ufeff"), "ï»¿")
	if first == row[0] {
		return row
	}
	return append([]string{first}, row[1:]...)
}

// readDfE reads a DfE CSV under the default mapping, or the officer's
// own, with the store's authority's neighbours from the model the store
// keeps, or else the DfE's 2025 model.
func readDfE(ctx context.Context, s *Sample, opt Options) (*Result, error) {
	base := filepath.Base(s.Path)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.book != nil {
		return readDfEBook(ctx, s, opt)
	}
	f, err := os.Open(s.Path)
	if err != nil {
		return nil, &app.SourceError{Location: app.Location{File: base}, Err: unwrapPathError(err)}
	}
	defer f.Close()
	rd := newDfEReader(opt)
	var src io.Reader = f
	var encoding []app.Warning
	if !csvfile.AsDownloaded(bufio.NewReaderSize(f, 1<<16)) {
		// Tab- or semicolon-separated, or UTF-16: the DfE reader takes
		// UTF-8 and commas, so the rows are read and written again as
		// the download was. UTF-16 read as it stood was refused for a
		// "bare quote", saying nothing of what the file was.
		t, err := readCSVTable(ctx, s.Path, 0)
		if err != nil {
			return nil, &app.SourceError{Location: app.Location{File: base}, Err: err}
		}
		if note := csvfile.EncodingNote(t.Encoding); note != "" {
			encoding = append(encoding, app.Warning{Location: app.Location{File: base, Cell: "line 1"}, Message: note})
		}
		if t.Comma == ';' {
			note, err := readDfEEuroFigures(t.Rows, rd.Mapping, base)
			if err != nil {
				return nil, err
			}
			if note != "" {
				encoding = append(encoding, app.Warning{Location: app.Location{File: base, Cell: "line 1"}, Message: note})
			}
		}
		data, err := csvBytes(t.Rows)
		if err != nil {
			return nil, &app.SourceError{Location: app.Location{File: base}, Err: err}
		}
		src = bytes.NewReader(data)
	} else if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, &app.SourceError{Location: app.Location{File: base}, Err: unwrapPathError(err)}
	}
	d, warns, err := rd.Read(base, src)
	if err != nil {
		return nil, err
	}
	warns = append(encoding, warns...)
	if opt.Progress != nil {
		opt.Progress(1, 1)
	}
	return &Result{Sheets: []string{base}, Dataset: d, Warnings: warns}, nil
}

// readDfEEuroFigures reads the figures of a semicolon-separated DfE
// CSV as the tidy reader reads a semicolon CSV's (readEuroFigures):
// "1.896" children is 1896, not 1.896, and "15,4" is 15.4, not a cell
// left unread. The figures are the columns the mapping reads them from;
// rows[0] is the header. Lines are counted as the DfE reader counts the
// rows written again for it, a field's line breaks among them.
func readDfEEuroFigures(rows [][]string, m dfe.Mapping, base string) (note string, err error) {
	if len(rows) == 0 {
		return "", nil
	}
	var cols []euroColumn
	for _, i := range m.FigureColumns(base, rows[0]) {
		cols = append(cols, euroColumn{index: i, name: fmt.Sprintf("%s (%s)", xlsx.AppendColumn(nil, i), strings.TrimSpace(rows[0][i]))})
	}
	line := func(r int) string {
		n := r + 1
		for _, row := range rows[:r] {
			for _, f := range row {
				n += strings.Count(f, "\n")
			}
		}
		return "line " + strconv.Itoa(n)
	}
	return readEuroColumns(rows, cols, 1, base, line)
}

// readDfEBook reads a DfE CSV that was opened in a spreadsheet and saved
// as a workbook: its sheet's rows are the CSV's lines, and the warnings
// name the first cell of the row a line was. Other sheets
// with entries are not read, and said.
func readDfEBook(ctx context.Context, s *Sample, opt Options) (*Result, error) {
	base := filepath.Base(s.Path)
	h, _ := dfeSheet(s)
	g := s.wholes.get(h.Sheet)
	if g == nil {
		var err error
		if g, err = s.book.readSheet(ctx, h.Sheet); err != nil {
			return nil, &app.SourceError{Location: app.Location{File: base, Sheet: h.Sheet}, Err: err}
		}
	}
	rows := g.rows
	if len(rows) > 0 {
		rows = append([][]string{withoutBOM(rows[0])}, rows[1:]...)
	}
	data, err := csvBytes(rows)
	if err != nil {
		return nil, &app.SourceError{Location: app.Location{File: base, Sheet: h.Sheet}, Err: err}
	}
	d, warns, err := newDfEReader(opt).Read(base, bytes.NewReader(data))
	if err != nil {
		var se *app.SourceError
		if errors.As(err, &se) && se.Location.Sheet == "" {
			se.Location.Sheet = h.Sheet
		}
		return nil, err
	}
	said := []app.Warning{{Location: app.Location{File: base, Sheet: h.Sheet, Cell: "A1"},
		Message: fmt.Sprintf("sheet %q read as the DfE explore-education-statistics CSV it was saved from, a row a line; figures are read as the cells hold them, not as they are shown", h.Sheet)}}
	for _, o := range s.Heads {
		if o.Sheet != h.Sheet && hasEntries(o.Rows) {
			said = append(said, app.Warning{Location: app.Location{File: base, Sheet: o.Sheet},
				Message: "sheet not read: a workbook holding a DfE table is read for that table alone"})
		}
	}
	for i := range warns {
		if warns[i].Sheet == "" {
			warns[i].Sheet = h.Sheet
			// Line N of the CSV is the sheet's row N.
			if n, ok := strings.CutPrefix(warns[i].Cell, "line "); ok {
				warns[i].Cell = "A" + n
			}
		}
	}
	if opt.Progress != nil {
		opt.Progress(1, 1)
	}
	return &Result{Sheets: []string{h.Sheet}, Dataset: d, Warnings: append(said, warns...)}, nil
}

// newDfEReader is the DfE reader under the officer's mapping, or the
// default, with the store's authority's neighbours from the model the
// store keeps, or else the DfE's 2025 model.
func newDfEReader(opt Options) *dfe.Reader {
	rd := &dfe.Reader{Mapping: dfe.DefaultMapping(), Model: dfe.DefaultModel(), Known: opt.Known, Defined: opt.Defined, Stored: opt.Indicators, Home: opt.authority()}
	if opt.Model != nil {
		rd.Model = opt.Model
	}
	if opt.DfEMapping != nil {
		rd.Mapping = *opt.DfEMapping
	}
	return rd
}

// hasEntries reports whether rows hold any text.
func hasEntries(rows [][]string) bool {
	for _, r := range rows {
		for _, c := range r {
			if c != "" {
				return true
			}
		}
	}
	return false
}
