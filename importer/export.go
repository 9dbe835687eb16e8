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

// readExport reads an export's tidy sheets alone: its Scorecard, Trend
// and district sheets may show figures excluding a cohort in rows that
// would otherwise read as all children's, while the Data sheet gives
// every figure with its cohort.
func readExport(ctx context.Context, s *Sample, opt Options) (*Result, error) {
	tidy := *s
	tidy.Heads = nil
	for _, h := range s.Heads {
		l, err := s.detectSheet(ctx, h)
		if err == nil && (l.Kind == TidySheet || l.Kind == TargetSheet || l.Kind == IndicatorSheet && !l.has(RolePeriod) && l.has(RoleName)) {
			tidy.Heads = append(tidy.Heads, h)
		}
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
	return res, nil
}
