package importer

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"scorecard/app"
)

// isExport reports whether a workbook is the app's own export, by its
// Category document property.
func isExport(s *Sample) bool {
	return s.book != nil && s.book.Category() == app.ExportCategory
}

// scorecardSheetOfExport is the name of an export's Scorecard sheet
// (export.ScorecardSheet: the importer cannot import app/export).
const scorecardSheetOfExport = "Scorecard"

// trendSheetOfExport is the name of an export's Trend sheet
// (export.TrendSheet).
const trendSheetOfExport = "Trend"

// readExport reads an export's tidy sheets alone: its Scorecard, Trend
// and district sheets may show figures excluding a cohort in rows that
// would otherwise read as all children's, while the Data sheet gives
// every figure with its cohort.
func readExport(ctx context.Context, s *Sample, opt Options) (*Result, error) {
	tidy := *s
	tidy.Heads = nil
	var shown []string // what the Scorecard sheet shows that stays behind
	for _, h := range s.Heads {
		// The Scorecard and Trend sheets of an export of years alone
		// have no period headings the importer reads, and are taken for
		// a sheet of definitions; they are never read, and their
		// headings' warnings would be about the app's own layout.
		if h.Sheet == scorecardSheetOfExport || h.Sheet == trendSheetOfExport {
			if h.Sheet == scorecardSheetOfExport {
				shown = shownOnlyOnScorecard(h.Rows)
			}
			continue
		}
		l, err := s.detectSheet(ctx, h)
		if err == nil && (l.Kind == TidySheet || l.Kind == TargetSheet || l.Kind == IndicatorSheet && !l.has(RolePeriod) && l.has(RoleName)) {
			tidy.Heads = append(tidy.Heads, h)
			continue
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
	if res.Dataset != nil {
		res.Dataset.Circulated = true
	}
	// The other sheets lay out what the tidy ones hold, but for what the
	// Scorecard sheet shows beside the figures: an officer passing a
	// history on this way should know it stays behind.
	if len(shown) > 0 {
		res.Warnings = append(res.Warnings, app.Warning{Location: app.Location{File: filepath.Base(s.Path), Sheet: scorecardSheetOfExport},
			Message: fmt.Sprintf("sheet not read: its %s are not imported with the figures, which are read from the Data sheet; import them from their sources (the DfE files, the officers' workbooks)", strings.Join(shown, " and "))})
	}
	return res, nil
}

// shownOnlyOnScorecard names what an export's Scorecard sheet shows, in
// the rows given, that its tidy sheets do not hold: benchmarks (England,
// the region, statistical neighbours, ranks, the previous year's
// outturn) and comments, each where any cell below its heading holds
// something.
func shownOnlyOnScorecard(rows [][]string) []string {
	header := -1
	for r, row := range rows {
		if len(row) > 0 && strings.TrimSpace(row[0]) == "Ref" {
			header = r
			break
		}
	}
	if header < 0 {
		return nil
	}
	what := map[string]string{"England": "benchmarks", "Stat neighbours": "benchmarks", "Rank": "benchmarks", "Previous year outturn": "benchmarks", "Comments": "comments"}
	var found []string
	for c, head := range rows[header] {
		kind := ""
		for prefix, k := range what {
			if strings.HasPrefix(strings.TrimSpace(head), prefix) {
				kind = k
			}
		}
		// The region's column is headed with the region's name alone
		// ("South East"), or "Region" where rows show several.
		if n := normHeader(head); n == "region" || regions()[n] != "" {
			kind = "benchmarks"
		}
		if kind == "" || slices.Contains(found, kind) {
			continue
		}
		for _, row := range rows[header+1:] {
			if c < len(row) && strings.TrimSpace(row[c]) != "" {
				found = append(found, kind)
				break
			}
		}
	}
	slices.Sort(found)
	return found
}
