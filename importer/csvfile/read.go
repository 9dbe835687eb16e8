package csvfile

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"scorecard/importer/value"
)

// MaxRecords is the most records a CSV may have: Excel's row limit, so a
// CSV Excel could not open is not taken for a scorecard.
const MaxRecords = 1_048_576

// maxFields caps a CSV record's fields: a tidy table has a dozen, and a
// file with a million commas on a line is not one.
const maxFields = 4096

// Table is a CSV's records and how the file wrote them.
type Table struct {
	Rows [][]string
	// Comma is the character the fields were parted by: a semicolon
	// says how the file writes its figures (the importer's
	// readEuroFigures).
	Comma rune
	// Encoding is the text's, "" for UTF-8 (EncodingNote says it).
	Encoding string
}

// Read reads up to max records of a CSV (all when max is 0), dropping a
// UTF-8 byte-order mark and tolerating ragged rows and stray quotes as
// spreadsheets write them. Text in Windows-1252 or UTF-16 is read as
// such (Table.Encoding), fields parted by tabs or semicolons as by commas
// (SniffComma). A file past MaxRecords, a line past a few MB, a record of
// thousands of fields or a field past value.MaxChars is refused, the
// error naming the line.
func Read(ctx context.Context, r io.Reader, max int) (Table, error) {
	br := bufio.NewReaderSize(&lineLimit{r: r}, 1<<16)
	head, _ := br.Peek(br.Size())
	encoding := textEncoding(head)
	if encoding != "" {
		br = bufio.NewReaderSize(decoded(br, encoding), 1<<16)
	}
	if bom, err := br.Peek(3); err == nil && bytes.Equal(bom, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.Comma = SniffComma(br)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = false
	var rows [][]string
	for max == 0 || len(rows) < max {
		if len(rows) == MaxRecords {
			return Table{}, fmt.Errorf("refused: more than %d records, the limit for a CSV (Excel's own row limit)", MaxRecords)
		}
		if len(rows)%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return Table{}, err
			}
		}
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return Table{}, fmt.Errorf("line %d: not valid CSV: %v", pe.Line, pe.Err)
			}
			return Table{}, err
		}
		if len(rec) > maxFields {
			return Table{}, fmt.Errorf("line %d: %d fields, more than a table has (at most %d)", len(rows)+1, len(rec), maxFields)
		}
		for i, field := range rec {
			if n := value.Chars(field); n > value.MaxChars {
				return Table{}, fmt.Errorf("line %d, field %d: %d characters of text, more than the limit of %d for one cell (Excel's own)", len(rows)+1, i+1, n, value.MaxChars)
			}
			if !utf8.ValidString(field) {
				return Table{}, fmt.Errorf("line %d: not UTF-8 text (save the CSV as \"CSV UTF-8\" in Excel)", len(rows)+1)
			}
		}
		rows = append(rows, rec)
	}
	return Table{Rows: rows, Comma: cr.Comma, Encoding: encoding}, nil
}

// maxLineBytes bounds one line of a CSV, so that a field of hundreds of
// MB is refused as it streams in rather than held whole first: a line of
// maxFields fields can be long, but not this long.
const maxLineBytes = 4 << 20

// lineLimit passes a CSV through, failing once a line runs past
// maxLineBytes.
type lineLimit struct {
	r    io.Reader
	run  int // bytes since the last newline
	line int // newlines seen
}

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for q := p[:n]; ; {
		i := bytes.IndexByte(q, '\n')
		if i < 0 {
			l.run += len(q)
		} else {
			l.run += i
		}
		if l.run > maxLineBytes {
			return 0, fmt.Errorf("refused: line %d is more than %d MB long; no table's row is (a cell holds at most %d characters)", l.line+1, maxLineBytes>>20, value.MaxChars)
		}
		if i < 0 {
			break
		}
		l.run = 0
		l.line++
		q = q[i+1:]
	}
	return n, err
}
