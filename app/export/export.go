// Package export writes the revised scorecard workbook that MI officers
// circulate to directors and members: the scorecard in the house layout,
// the trend with sparklines and SPC charts, district and demographic
// breakdowns, guidance notes, provenance, and tidy Data, Definitions and
// Targets sheets from which the app can import the figures, definitions
// and targets again.
//
// Export only lays figures out. Ratings, direction of travel, trends and
// signals come from package trend, figures excluding a cohort from package
// cohort, small-number suppression from package disclosure, and
// benchmarks from package benchmark, so the workbook says what the app's
// screens and `scorecard show --json` say. Options.Original writes the
// revised figures into a copy of an imported workbook instead, keeping
// its layout and styles.
//
// Text from imported files (indicator names, commentary, sources) is only
// ever written as string cells: the workbook holds no formulas at all, so
// a comment beginning "=HYPERLINK(" stays text. No child-level data is ever
// written; a History holds none.
package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/disclosure"
	"scorecard/app/trend"
)

// Summary says what an export wrote.
type Summary struct {
	Path       string
	Sheets     []string
	Period     app.Period
	Area       app.Area
	Indicators int // indicators on the scorecard sheet
	Flagged    int // of them, flagged in the period
	// FlaggedUnexcluded counts, in the PDF pack under an exclusion, the
	// indicators that cannot be worked out without the cohorts whose
	// figures without the exclusion are flagged: each has a page of
	// those figures, labelled so.
	FlaggedUnexcluded int
	Suppressed        int // figures withheld by small-number suppression
	// Unprotected are the indicators given as percentages or rates
	// without counts that suppression cannot protect: each has a warning.
	Unprotected []string
	// CannotExclude counts the scorecard's figures that could not be
	// recomputed without the excluded cohorts and say so instead.
	CannotExclude int
	Sparklines    int
	Charts        int
	DataRows      int // rows of the tidy Data sheet
	Pages         int // pages of the PDF pack; 0 for a workbook
	// Warnings are what the officer must weigh before circulating the
	// file: what excluding the cohorts found suspect, a percentage or
	// rate suppression cannot protect, a withheld figure the figures
	// around it still tell, an original's part saved without its data.
	Warnings []app.Warning
	// Notes say how the export read what it was asked, e.g. a period
	// given as another kind of year than the store's figures are for.
	Notes []string
	// NoFigures is, for the authority's workbook of a period it has no
	// figures for (HasFigures), why (NoFigures): "" where it has. The
	// workbook is still written, since its Data sheet carries every figure
	// held, but its scorecard has nothing of the period, and the summary
	// says so in the words the pack and brief refuse it with.
	NoFigures string
}

// Output says what was written, as a circulation records it: the PDF
// pack or the workbook.
func (s Summary) Output() string {
	if s.Pages > 0 {
		return app.CirculatedPack
	}
	return app.CirculatedWorkbook
}

// String is the one-line summary the command line prints.
func (s Summary) String() string {
	line := fmt.Sprintf("%s, %s: %d indicators (%d flagged), %d sheets, %d data rows",
		s.Area, s.Period.Label(), s.Indicators, s.Flagged, len(s.Sheets), s.DataRows)
	if s.Pages > 0 {
		flagged := fmt.Sprint(s.Flagged, " flagged")
		if s.FlaggedUnexcluded > 0 {
			flagged += fmt.Sprintf(", and %d that cannot exclude flagged without the exclusion", s.FlaggedUnexcluded)
		}
		line = fmt.Sprintf("%s, %s: %d indicators (%s), %d pages", s.Area, s.Period.Label(), s.Indicators, flagged, s.Pages)
	}
	if s.Suppressed > 0 {
		line += fmt.Sprintf(", %d figures suppressed", s.Suppressed)
	}
	if len(s.Unprotected) > 0 {
		// The window shows this line alone: the warnings say the rest.
		line += fmt.Sprintf("; not protected by suppression, given without counts: %s", strings.Join(s.Unprotected, ", "))
	}
	if s.CannotExclude > 0 {
		line += fmt.Sprintf(", %d figures cannot exclude", s.CannotExclude)
	}
	if s.NoFigures != "" {
		// Without it, a month of stand-ins alone read "(3 flagged)" and
		// exit 0 beside the pack's refusal (QA26b L3).
		line += "; not a report of " + s.Period.Label() + ": " + s.NoFigures
	}
	return line
}

// FileWarnings are the warnings as the officer reads them: one of no
// file, a cell of the file just written, names it.
func (s Summary) FileWarnings() []app.Warning {
	out := slices.Clone(s.Warnings)
	for i := range out {
		if out[i].Location.File == "" {
			out[i].Location.File = filepath.Base(s.Path)
		}
	}
	return out
}

// The sheets of the house layout, in order.
const (
	ScorecardSheet  = "Scorecard"
	TrendSheet      = "Trend"
	DistrictsSheet  = "Districts"
	BreakdownsSheet = "Breakdowns"
	GuidanceSheet   = "Guidance"
	ProvenanceSheet = "Provenance"
	DataSheet       = "Data"
	// DefinitionsSheet and TargetsSheet define the indicators and their
	// targets in the tidy forms the importer reads, so that the export
	// imports again with its definitions.
	DefinitionsSheet = "Definitions"
	TargetsSheet     = "Targets"
)

// DataHeader is the header row of the tidy Data sheet, which the importer
// reads back.
var DataHeader = []string{"Ref", "Period", "Area", "Cohort", "Numerator", "Denominator", "Value", "Status"}

// ErrNoData is returned when the history holds no figures for the
// scorecard's periods.
var ErrNoData = errors.New("no figures to export")

// ErrNotXLSX is returned for an output path whose name ends neither
// .xlsx nor .pdf: the workbook is always xlsx, and Excel refuses a file
// whose name says otherwise.
var ErrNotXLSX = errors.New("not an .xlsx or .pdf file name: the export is an Excel workbook (.xlsx) or the committee pack as a PDF (.pdf)")

// IsPDF reports whether path names a PDF, which Write writes as the
// committee pack rather than a workbook.
func IsPDF(path string) bool { return strings.EqualFold(filepath.Ext(path), ".pdf") }

// Write exports h to path: an .xlsx workbook, or for a path ending .pdf
// the committee pack (see writePack). It writes a temporary file beside
// path and renames it into place, so a failed or cancelled export never
// leaves a half-written file, nor spoils one already there.
//
// Every error Write returns begins with path, once, and says what failed,
// so that a caller can show it as it is.
func Write(ctx context.Context, path string, h *app.History, opt Options) (Summary, error) {
	sum, err := write(ctx, path, h, opt)
	if err != nil {
		return Summary{}, fmt.Errorf("%s: %w", path, err)
	}
	return sum, nil
}

func write(ctx context.Context, path string, h *app.History, opt Options) (Summary, error) {
	pack := IsPDF(path)
	if !pack && !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return Summary{}, ErrNotXLSX
	}
	if pack && opt.Original != "" {
		return Summary{}, errors.New("the PDF pack has the house layout: write into the original's layout as .xlsx")
	}
	b, err := newBook(h, opt)
	if err != nil {
		return Summary{}, err
	}
	defer b.f.Close()
	if pack {
		return b.writePack(ctx, path)
	}
	return b.write(ctx, path)
}

// write lays the workbook out, in the original's layout or the house
// layout, and saves it to path.
func (b *book) write(ctx context.Context, path string) (Summary, error) {
	// The authority's workbook of a period it has no figures for (every
	// figure of it last year's outturn standing in) is written, unlike
	// its pack and brief, but says why its scorecard is empty (QA26b L3).
	// An original's layout settles its period, so its figures are checked
	// after it; the house layout's before, since it lets its figures go
	// as it is laid out (writeHouse).
	noFigures := func() {
		if !HasFigures(b.h, b.opt.Area, b.period) {
			b.sum.NoFigures = NoFigures(b.h, b.opt.Area, b.period)
		}
	}
	var err error
	if b.opt.Original != "" {
		err = b.writeOriginal(ctx)
		noFigures()
	} else {
		noFigures()
		// A district's workbook with no figures of its own for the period
		// is a scorecard of blanks saying "0 flagged": refused as its pack
		// and brief are (QA24b D5). The authority's own workbook still
		// carries every figure held, on its Data sheet.
		if b.sum.NoFigures != "" && b.opt.Area != b.opt.authority().Area() {
			return Summary{}, fmt.Errorf("%w: %s", ErrNoData, b.sum.NoFigures)
		}
		err = b.writeHouse(ctx)
	}
	if err != nil {
		return Summary{}, err
	}
	if err := ctx.Err(); err != nil {
		return Summary{}, err
	}
	// What the sheets were laid out from is done with: only the figures,
	// for the Data sheet's rows, are still to be written.
	b.rows, b.inds = nil, nil
	if b.spool != nil {
		// Read an indicator at a time, the Data sheet's rows are spooled:
		// the figures kept to lay the sheets out (some 2 MB for the large
		// case) are done with too, and would otherwise stay beside the
		// parts the library holds while it saves.
		b.base, b.h, b.keys = nil, nil, nil
	}
	// Streamed now, the sheets' XML, held by the library until saved, is
	// made after what they were laid out from is let go (sheetbuf.go).
	if err := b.streamLaidOut(); err != nil {
		return Summary{}, err
	}
	if err := b.declareDimensions(); err != nil {
		return Summary{}, err
	}
	if len(b.held) > 0 {
		// Streamed sheets' parts are written after the Data sheet's.
		var err error
		if b.dataPart, err = b.sheetPart(DataSheet); err != nil {
			return Summary{}, err
		}
	}
	// The house layout's workbook or the original's opened anew.
	b.f.SetZipWriter(b.zipWriter)
	if err := save(path, "workbook", func(w io.Writer) error {
		// The zip is written to w as it is made (see zipWriter), not
		// into the buffer the library would hold the whole workbook in.
		b.out = w
		defer func() { b.out = nil }()
		n, err := b.f.WriteTo(w)
		if err != nil {
			return err
		}
		if n > 0 {
			return errors.New("the workbook was written to memory before the file")
		}
		if b.data != nil && !b.data.written {
			return errors.New("the Data sheet's figures were not written: its placeholder row was not found")
		}
		return nil
	}); err != nil {
		return Summary{}, err
	}
	b.sum.Path = path
	return b.sum, nil
}

// book is one export in progress: the figures to write and the workbook.
type book struct {
	f   *excelize.File
	opt Options
	// base is the history as circulated before exclusion (suppressed
	// when asked), and h the figures exported: base with its All series
	// excluding opt.Exclude.
	base, h *app.History
	// figures are h before suppression: what a withheld figure's rating
	// is, which the exceptions brief says without the figure. Nil where
	// the figures were read an indicator at a time (streamBook), which
	// writes no brief.
	figures *app.History
	// all is the history as given, all children's figures before
	// suppression: what the exceptions brief says of an indicator that
	// cannot be worked out excluding the cohorts. Nil as figures is.
	all *app.History
	// quotesWithheld are, where the figures were read an indicator at a
	// time (streamBook), the comments that quote a figure the release
	// withheld, by indicator: found as each is read, since the figures
	// before the release are not kept (commentQuotesWithheld).
	quotesWithheld map[string]withheldQuote
	// leftOut counts, indicator by indicator, the area's figures up to
	// the period that suppression withheld, and so the analysis leaves
	// out (countLeftOut).
	leftOut map[string]int
	// disagreements are the notes on the source's own figures excluding
	// the cohorts that disagree with the app's, worked out when first
	// asked for (disagreement).
	disagreements map[figureAt]string
	period        app.Period
	months        []app.Period // the scorecard's month columns, oldest first
	inds          []app.Indicator
	rows          []*row // the scorecard's indicators, analysed, in order
	styles        map[look]int
	// notes are, per sheet, the cell notes written or found (note).
	notes map[string]map[string]excelize.Comment
	// streamed are the sheets written by a stream writer, which declare
	// their own dimension.
	streamed map[string]bool
	// data are the Data sheet's figures, written as the workbook is saved.
	data *dataRows
	// keys, when set, are every series held (an export reading its
	// figures an indicator at a time holds only some of them in base),
	// and spool the Data sheet's rows, written as they were read.
	keys  []app.SeriesKey
	spool *spool
	// buffers hold the cells of sheets being laid out for the stream
	// writer (sheetbuf.go), and laidOut names those laid out, to be
	// streamed in order; held are such sheets' parts, written after the
	// Data sheet's part, dataPart.
	buffers  map[string]*sheetBuffer
	laidOut  []string
	held     []*heldPart
	dataPart string
	// out is where the workbook is being saved, while it is.
	out io.Writer
	sum Summary
	// points is the text size of the sheet being written; 0 is 9 point.
	points float64

	done, total int
	// periodDefaulted is set where no period was asked for, and the
	// export took the store's latest.
	periodDefaulted bool
}

// setPeriod makes p the scorecard's period, its month columns the Months
// ending with it.
func (b *book) setPeriod(p app.Period) {
	b.period, b.opt.Period, b.sum.Period = p, p, p
	b.months = monthsTo(b.months[:0], p, b.opt.Months)
}

// monthsTo appends to ms the n periods up to p, oldest first: the
// scorecard's month columns.
func monthsTo(ms []app.Period, p app.Period, n int) []app.Period {
	for i := n - 1; i >= 0; i-- {
		ms = append(ms, p.Add(-i))
	}
	return ms
}

func newBook(h *app.History, opt Options) (*book, error) {
	opt, notes, defaulted, err := settle(opt, h)
	if err != nil {
		return nil, err
	}
	base, ex, figures, warns := circulated(h, opt.Exclude, opt.Suppress, opt.authority())
	suppressed := suppressedOn(base, ex, h, figures, dataKeys(base, ex, opt.Exclude), opt.Exclude, opt.Period)
	b := &book{
		f: excelize.NewFile(), opt: opt, base: base, h: ex, figures: figures, all: h, period: opt.Period,
		inds: ex.Indicators(), styles: map[look]int{}, streamed: map[string]bool{},
	}
	b.sum = Summary{Period: opt.Period, Area: opt.Area, Suppressed: suppressed, Warnings: warns, Notes: notes}
	b.sum.addUnprotected(disclosure.UnprotectedIn(h, opt.Suppress, opt.authority().Area()))
	b.periodDefaulted = defaulted
	b.setPeriod(opt.Period)
	b.leftOut = map[string]int{}
	countLeftOut(b.leftOut, figures, ex, opt.Area, opt.Period)
	return b, nil
}

// writeHouse writes every sheet of the house layout.
func (b *book) writeHouse(ctx context.Context) error {
	b.analyse()
	// A unit of work is an indicator on each of the Scorecard, Trend and
	// Districts sheets, a series on the Data sheet, and each of the
	// Guidance, Provenance, Definitions and Targets sheets.
	b.total = 3*len(b.rows) + b.dataSeries() + 4
	steps := []struct {
		name  string
		write func(context.Context) error
	}{
		{ScorecardSheet, b.writeScorecard},
		{TrendSheet, b.writeTrend},
		{DistrictsSheet, b.writeDistricts},
		{BreakdownsSheet, b.writeBreakdowns},
		{GuidanceSheet, b.writeGuidance},
		{ProvenanceSheet, b.writeProvenance},
		{DataSheet, b.writeData},
		{DefinitionsSheet, b.writeDefinitions},
		{TargetsSheet, b.writeTargets},
	}
	for i, s := range steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if i == 0 {
			if err := b.f.SetSheetName("Sheet1", s.name); err != nil {
				return err
			}
		} else if _, err := b.f.NewSheet(s.name); err != nil {
			return err
		}
		if err := s.write(ctx); err != nil {
			return fmt.Errorf("sheet %q: %w", s.name, err)
		}
		b.sum.Sheets = append(b.sum.Sheets, s.name)
		if s.name == TrendSheet {
			// No later sheet lays out the analysed points: let them go.
			for _, r := range b.rows {
				r.series, r.quarters, r.at = trend.Series{}, trend.Series{}, nil
			}
		}
		if s.name == GuidanceSheet && b.spool != nil {
			// No later sheet reads the figures kept to lay the sheets out
			// (some 2 MB for the large case): the Data sheet's rows are
			// spooled, and the Provenance, Definitions and Targets sheets
			// want the imports, definitions and targets alone. Let go now,
			// they are not held beside those sheets' cells, at the large
			// export's peak memory.
			for _, k := range b.h.Keys() {
				b.h.SetSeries(k, nil)
			}
		}
	}
	return b.f.SetDocProps(&excelize.DocProperties{
		Title:       b.title(),
		Subject:     exclusionWords(b.opt.Exclude),
		Category:    app.ExportCategory,
		Creator:     "Scorecard " + b.opt.AppVersion,
		Created:     b.opt.Produced.UTC().Format(time.RFC3339),
		Description: "Its Data sheet holds every figure exported; the other sheets lay them out for reading.",
	})
}

// step reports one more unit of work done.
func (b *book) step() {
	b.done++
	if b.opt.Progress != nil && b.done <= b.total {
		b.opt.Progress(b.done, b.total)
	}
}

// title heads the scorecard: the area and the data period.
func (b *book) title() string {
	return fmt.Sprintf("%s performance scorecard: %s", b.opt.Area, periodName(b.period))
}

// exclusionWords says which children the figures leave out, for titles:
// "Excluding unaccompanied asylum-seeking children (UASC)".
func exclusionWords(cs []app.Cohort) string {
	if len(cs) == 0 {
		return "All children: no cohorts excluded"
	}
	labels := make([]string, len(cs))
	for i, c := range cs {
		labels[i] = c.Label()
	}
	return "Excluding " + strings.Join(labels, " and ")
}

// exclusionPhrase is exclusionWords within a sentence: "excluding
// unaccompanied asylum-seeking children (UASC)".
func exclusionPhrase(cs []app.Cohort) string {
	w := exclusionWords(cs)
	return strings.ToLower(w[:1]) + w[1:]
}
