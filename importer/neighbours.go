package importer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"scorecard/app"
	"scorecard/app/benchmark"
	"scorecard/importer/dfe"
)

// FormatNeighbours is the DfE's statistical-neighbour model: its wide CSV
// (sn_model_2025_wide.csv) or LAIT's workbook (sn_may_2025.xlsx).
const FormatNeighbours = "statistical-neighbour model"

// isNeighbourModel reports whether a file is a table of statistical
// neighbour groups.
func isNeighbourModel(s *Sample) bool {
	for _, h := range s.Heads {
		if what, _, ok := referenceData(h.Rows); ok && strings.Contains(what, "statistical neighbour") {
			return true
		}
	}
	return false
}

// readNeighbourModel reads a statistical-neighbour model, named by the
// year in its file name. It gives no figures: the caller keeps the model
// for the store (see Result.Model), and DfE files read after it average
// the neighbours it names (Options.Model). A model without the store's
// authority is refused: its neighbour averages would be empty.
func readNeighbourModel(ctx context.Context, s *Sample, opt Options) (*Result, error) {
	base := filepath.Base(s.Path)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, err := os.Open(s.Path)
	if err != nil {
		return nil, &app.SourceError{Location: app.Location{File: base}, Err: unwrapPathError(err)}
	}
	defer f.Close()
	m, err := dfe.ReadModel(base, f, "")
	if err != nil {
		return nil, &app.SourceError{Location: app.Location{File: base}, Err: fmt.Errorf("statistical-neighbour model: %w", trimName(err, base))}
	}
	auth := opt.authority()
	if len(m.NeighboursOf(auth.Old)) == 0 {
		return nil, &app.SourceError{Location: app.Location{File: base}, Err: fmt.Errorf(
			"statistical-neighbour model %s has no neighbours for %s (LA %s), the store's authority", m.Year, auth.Name, auth.Old)}
	}
	var sheets []string
	if s.book != nil && len(s.Heads) > 0 {
		sheets = []string{s.Heads[0].Sheet}
	}
	return &Result{Format: FormatNeighbours, Sheets: sheets, Dataset: &app.Dataset{}, Model: m}, nil
}

// trimName drops the file name dfe.ReadModel leads its errors with, as
// the SourceError names the file.
func trimName(err error, base string) error {
	msg := strings.TrimPrefix(err.Error(), base+": ")
	return fmt.Errorf("%s", msg)
}

// ModelNeighbours are the names of the authority's neighbours in the
// model, closest first, for a summary line.
func ModelNeighbours(m *benchmark.Model, auth *app.Authority) []string {
	var names []string
	for _, code := range m.NeighboursOf(auth.Old) {
		n := m.Names[code]
		if a, ok := app.LookupAuthority(code); n == "" && ok {
			n = a.Name
		}
		if n == "" {
			n = code
		}
		names = append(names, n)
	}
	return names
}
