package importer

import (
	"context"
	"errors"
	"path/filepath"

	"scorecard/app"
)

// isExport reports whether a workbook is the app's own export, by its
// Category document property.
func isExport(s *Sample) bool {
	return s.book != nil && s.book.Category() == app.ExportCategory
}

// scorecardSheetOfExport is the name of an export's Scorecard sheet
// (export.ScorecardSheet, which the importer cannot import).
const scorecardSheetOfExport = "Scorecard"

// readExport reads an export's tidy sheets alone: its Scorecard, Trend
// and district sheets may show figures excluding a cohort in rows that
// would otherwise read as all children's, while the Data sheet gives
// every figure with its cohort.
func readExport(ctx context.Context, s *Sample, opt Options) (*Result, error) {
	tidy := *s
	tidy.Heads = nil
	var skipped []string
	for _, h := range s.Heads {
		l, err := s.detectSheet(ctx, h)
		if err == nil && (l.Kind == TidySheet || l.Kind == TargetSheet || l.Kind == IndicatorSheet && !l.has(RolePeriod) && l.has(RoleName)) {
			tidy.Heads = append(tidy.Heads, h)
			continue
		}
		skipped = append(skipped, h.Sheet)
	}
	if len(tidy.Heads) == 0 {
		return nil, &app.SourceError{Location: app.Location{File: filepath.Base(s.Path)},
			Err: errors.New("is a Scorecard export without its Data sheet (expected a sheet headed Ref, Period, Area, Cohort, Value)")}
	}
	res, err := readWorkbook(ctx, &tidy, opt)
	if err != nil {
		return nil, err
	}
	res.Format = "Scorecard export (Data sheet)"
	// What only the laid-out sheets show is not in the tidy ones: an
	// officer passing a history on this way should know what stays
	// behind.
	for _, sheet := range skipped {
		msg := "sheet not read: an export's figures, definitions and targets are read from its Data, Definitions and Targets sheets"
		if sheet == scorecardSheetOfExport {
			msg += "; the benchmarks, comments and previous-year figures standing in for a month that its Scorecard sheet shows are not imported (import their sources: the DfE files and the workbooks)"
		}
		res.Warnings = append(res.Warnings, app.Warning{Location: app.Location{File: filepath.Base(s.Path), Sheet: sheet}, Message: msg})
	}
	return res, nil
}
