package dfe

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"scorecard/app/benchmark"
)

// The DfE's 2025 statistical-neighbour model, so that neighbour figures
// are available before anyone imports a model.
//
//go:embed sn_model_2025_wide.csv
var model2025 []byte

// DefaultModel returns the DfE's 2025 statistical-neighbour model
// (sn_model_2025_wide.csv), read once.
var DefaultModel = sync.OnceValue(func() *benchmark.Model {
	m, err := readModelCSV("sn_model_2025_wide.csv", bytes.NewReader(model2025), "2025")
	if err != nil {
		panic("embedded statistical-neighbour model: " + err.Error())
	}
	return m
})

var yearInName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[^0-9])(20[0-9]{2})(?:[^0-9]|$)`)
})

// ReadModel reads a statistical-neighbour model: the DfE's wide CSV
// (old_la_code, la_name, ..., SN_1, SN_1P, ... SN_10, SN_10P) or LAIT's
// workbook (headers "LA num", "LA Name", ..., "SN1", "SNP", ... on row 3
// under rows of column codes). year names the model; when empty it is
// taken from the file name ("sn_may_2025.xlsx" is the 2025 model).
func ReadModel(name string, r io.Reader, year string) (*benchmark.Model, error) {
	if year == "" {
		m := yearInName().FindStringSubmatch(filepath.Base(name))
		if m == nil {
			return nil, fmt.Errorf("%s: no model year in the file name: the year the DfE published the model is read from it, so copy the file under a name with the year, as the DfE names it (e.g. sn_may_2025.xlsx)", name)
		}
		year = m[1]
	}
	if strings.EqualFold(filepath.Ext(name), ".xlsx") || strings.EqualFold(filepath.Ext(name), ".xlsm") {
		return readModelXLSX(name, r, year)
	}
	return readModelCSV(name, r, year)
}

func readModelCSV(name string, r io.Reader, year string) (*benchmark.Model, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return modelFromRows(name, "", rows, year)
}

func readModelXLSX(name string, r io.Reader, year string) (*benchmark.Model, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("%s: no sheets", name)
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		return nil, fmt.Errorf("%s: sheet %q: %w", name, sheets[0], err)
	}
	return modelFromRows(name, sheets[0], rows, year)
}

// modelFromRows finds the header row (the first with an SN1 or SN_1
// column: LAIT puts rows of column codes above it) and reads one
// authority per row below it.
func modelFromRows(name, sheet string, rows [][]string, year string) (*benchmark.Model, error) {
	where := func(row int) string {
		if sheet != "" {
			return fmt.Sprintf("%s: %s!A%d", name, sheet, row+1)
		}
		return fmt.Sprintf("%s: line %d", name, row+1)
	}
	head := -1
	for i, row := range rows {
		for _, c := range row {
			if foldColumn(c) == "sn1" {
				head = i
				break
			}
		}
		if head >= 0 {
			break
		}
	}
	if head < 0 {
		return nil, fmt.Errorf("%s: no SN1 or SN_1 column: not a statistical-neighbour model", name)
	}
	// whereCell names a cell of the model: its sheet's cell, or its CSV
	// line and column.
	whereCell := func(row, col int) string {
		if sheet != "" {
			cell, err := excelize.CoordinatesToCellName(col+1, row+1)
			if err == nil {
				return fmt.Sprintf("%s: %s!%s", name, sheet, cell)
			}
		}
		return fmt.Sprintf("%s: line %d, column %s", name, row+1, cellAt(rows[head], col))
	}
	codeCol, nameCol := -1, -1
	type snCols struct{ code, closeness int }
	var sn []snCols
	for j, c := range rows[head] {
		f := foldColumn(c)
		switch {
		case codeCol < 0 && (f == "oldlacode" || f == "lanum" || f == "lanumber" || f == "lacode"):
			codeCol = j
		case nameCol < 0 && f == "laname":
			nameCol = j
		case strings.HasPrefix(f, "sn") && f != "snp" && !strings.HasSuffix(f, "p"):
			k, err := strconv.Atoi(f[2:])
			if err != nil || k != len(sn)+1 {
				continue
			}
			closeness := -1
			if j+1 < len(rows[head]) && strings.HasSuffix(foldColumn(rows[head][j+1]), "p") {
				closeness = j + 1
			}
			sn = append(sn, snCols{j, closeness})
		}
	}
	if codeCol < 0 {
		return nil, fmt.Errorf("%s: no old_la_code or LA number column", where(head))
	}
	m := &benchmark.Model{Year: year, Source: filepath.Base(name), Names: map[string]string{}, Groups: map[string][]benchmark.Neighbour{}}
	for i := head + 1; i < len(rows); i++ {
		row := rows[i]
		code := cellAt(row, codeCol)
		if code == "" {
			continue // LAIT pads the sheet with empty rows
		}
		if _, err := strconv.Atoi(code); err != nil {
			return nil, fmt.Errorf("%s: LA code %q is not a number", where(i), code)
		}
		if _, dup := m.Groups[code]; dup {
			return nil, fmt.Errorf("%s: authority %s appears twice", where(i), code)
		}
		if nameCol >= 0 {
			m.Names[code] = cellAt(row, nameCol)
		}
		var group []benchmark.Neighbour
		// A neighbour listed twice, left blank or naming the authority
		// itself made its neighbours' mean one of 9, or one with its
		// own figure in, under the model's name (QA hB F8): the model is
		// refused at the cell, as a neighbour that is no LA code is.
		blank := -1 // the first blank neighbour's column
		at := map[string]int{}
		for _, c := range sn {
			n := cellAt(row, c.code)
			if n == "" {
				if blank < 0 {
					blank = c.code
				}
				continue
			}
			if _, err := strconv.Atoi(n); err != nil {
				return nil, fmt.Errorf("%s: neighbour %d of %s is %q, not an LA code", whereCell(i, c.code), len(group)+1, code, n)
			}
			if blank >= 0 {
				return nil, fmt.Errorf("%s: %s of %s is blank, but %s is %s: a model lists an authority's neighbours closest first, with no gaps", whereCell(i, blank), cellAt(rows[head], blank), code, cellAt(rows[head], c.code), n)
			}
			if n == code {
				return nil, fmt.Errorf("%s: %s of %s is %s itself: an authority is not its own neighbour, and its mean would hold its own figure", whereCell(i, c.code), cellAt(rows[head], c.code), code, code)
			}
			if j, dup := at[n]; dup {
				return nil, fmt.Errorf("%s: %s of %s is %s, as %s is: a neighbour listed twice would count twice in the mean", whereCell(i, c.code), cellAt(rows[head], c.code), code, n, cellAt(rows[head], j))
			}
			at[n] = c.code
			group = append(group, benchmark.Neighbour{Code: n, Closeness: cellAt(row, c.closeness)})
		}
		if blank >= 0 && len(group) > 0 {
			// An authority with no neighbours at all (the Isles of
			// Scilly in older models) is kept, with none.
			return nil, fmt.Errorf("%s: %s of %s is blank, where the model gives %d neighbours: its mean would be of %d; give the neighbour", whereCell(i, blank), cellAt(rows[head], blank), code, len(sn), len(group))
		}
		m.Groups[code] = group
	}
	if len(m.Groups) == 0 {
		return nil, errors.New(name + ": no authorities below the header")
	}
	return m, nil
}

func cellAt(row []string, j int) string {
	if j < 0 || j >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[j])
}
