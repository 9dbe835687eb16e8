package importer

import (
	"context"
	"os"
	"path/filepath"

	"scorecard/app"
	"scorecard/importer/dfe"
)

// isDfE reports whether a CSV is one of the DfE's explore-education-
// statistics downloads: one figure per authority, region and England.
func isDfE(s *Sample) bool {
	return s.book == nil && len(s.Heads) > 0 && len(s.Heads[0].Rows) > 0 && dfe.Detect(s.Heads[0].Rows[0])
}

// readDfE reads a DfE CSV under the default mapping, or the officer's
// own, with the store's authority's neighbours from the model the store
// keeps, or else the DfE's 2025 model.
func readDfE(ctx context.Context, s *Sample, opt Options) (*Result, error) {
	base := filepath.Base(s.Path)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, err := os.Open(s.Path)
	if err != nil {
		return nil, &app.SourceError{Location: app.Location{File: base}, Err: unwrapPathError(err)}
	}
	defer f.Close()
	rd := &dfe.Reader{Mapping: dfe.DefaultMapping(), Model: dfe.DefaultModel(), Known: opt.Known, Defined: opt.Defined, Home: opt.authority()}
	if opt.Model != nil {
		rd.Model = opt.Model
	}
	if opt.DfEMapping != nil {
		rd.Mapping = *opt.DfEMapping
	}
	d, warns, err := rd.Read(base, f)
	if err != nil {
		return nil, err
	}
	if opt.Progress != nil {
		opt.Progress(1, 1)
	}
	return &Result{Sheets: []string{base}, Dataset: d, Warnings: warns}, nil
}
