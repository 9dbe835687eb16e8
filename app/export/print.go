package export

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// DefaultMarking is the protective marking printed on every page when
// Options.Marking is empty: the Government Security Classifications'
// marking for ordinary council business.
const DefaultMarking = "OFFICIAL"

// NoMarking, given as Options.Marking, prints no protective marking.
const NoMarking = "none"

// marking is the protective marking to print, "" for none.
func (o Options) marking() string {
	m := strings.TrimSpace(o.Marking)
	switch {
	case m == "":
		return DefaultMarking
	case strings.EqualFold(m, NoMarking):
		return ""
	}
	return m
}

// CohortPhrase is who the figures count, as the footer of every printed page
// says it: "all children" or "excluding UASC".
func CohortPhrase(cs []app.Cohort) string {
	if len(cs) == 0 {
		return "all children"
	}
	w := app.Excluding(cs...).Label()
	return strings.ToLower(w[:1]) + w[1:]
}

// PageFooter is the footer of every printed page of an export, for a
// report with the given title: the title, the cohort, the date produced
// and the app version on the left, the protective marking in the centre,
// and the page number on the right. The PDF pack prints the same words.
type PageFooter struct {
	Title    string // "Kent performance scorecard: October 2026"
	Cohort   string // "excluding UASC"
	Produced string // "Produced 24 November 2026 by Scorecard 1.0"
	Marking  string // "OFFICIAL", or "" for none
}

// Footer returns the page footer of the export opt describes, whose
// title is title.
func Footer(title string, opt Options) PageFooter {
	produced := opt.Produced.Format("2 January 2006")
	if opt.AppVersion != "" {
		produced += " by Scorecard " + opt.AppVersion
	}
	return PageFooter{Title: title, Cohort: CohortPhrase(opt.Exclude), Produced: "Produced " + produced, Marking: opt.marking()}
}

// Left is the footer's first line: the report and whose figures.
func (f PageFooter) Left() string { return f.Title + ", " + f.Cohort }

// footerPoints is the size of the footer's text on a sheet printed at
// scale: LibreOffice shrinks the header and footer with a sheet fitted
// to the page, whatever the workbook asks, so a sheet printed small has
// them written larger, to print at 9 point or so.
func footerPoints(scale float64) int {
	if scale <= 0 || scale >= 1 {
		return 9
	}
	return min(int(math.Ceil(9/scale)), 24)
}

// maxHeaderFooter is Excel's limit on a header's or footer's length,
// codes included; a longer one makes Excel refuse the workbook.
const maxHeaderFooter = 255

// excel returns the page header and footer in Excel's codes. The marking
// heads and foots each page, as the Government Security Classifications
// ask; the footer's text is 8 point and not scaled with the sheet, so it
// stays readable on a sheet fitted to the page.
func (f PageFooter) excel(scale float64) (header, footer string) {
	pts := footerPoints(scale)
	small := `&"Arial,Regular"&` + strconv.Itoa(pts)
	left := f.Left() + "\n" + f.Produced
	if n := maxHeaderFooter - 80; len(left) > n {
		left = left[:n]
	}
	footer = "&L" + small + escapeHeader(left) + "&R" + small + "Page &P of &N"
	if f.Marking != "" {
		mark := "&C" + `&"Arial,Bold"&` + strconv.Itoa(pts+1) + escapeHeader(f.Marking)
		header = mark
		footer += mark
	}
	return header, footer
}

// page is how a sheet prints: A4, landscape unless portrait, fitted to
// wide pages across and tall pages down (0: as many as it takes).
type page struct {
	portrait   bool
	wide, tall int
	// titleRows are the first and last rows repeated at the top of every
	// page, and titleCols the columns from A repeated at the left of
	// every page; zero for none.
	titleRows [2]int
	titleCols int
	// area is the range printed, such as "$A$1:$H$1"; "" prints the sheet.
	area string
	// scale is about how much LibreOffice shrinks the sheet to fit it
	// (measured; 0 for not at all), which the footer's size makes up for.
	scale float64
}

// printSetup sets how a sheet prints, with the export's header and
// footer on every page.
func (b *book) printSetup(sheet string, p page) error {
	return printSetup(b.f, sheet, p, Footer(b.title(), b.opt))
}

func printSetup(f *excelize.File, sheet string, p page, foot PageFooter) error {
	orient, a4 := "landscape", 9
	if p.portrait {
		orient = "portrait"
	}
	fit := p.wide > 0 || p.tall > 0
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	layout := &excelize.PageLayoutOptions{Orientation: &orient, Size: &a4}
	if fit {
		layout.FitToWidth, layout.FitToHeight = &p.wide, &p.tall
	}
	if p.wide != 1 {
		// Across, then down: a row's figures, then its words, then the
		// next rows.
		order := "overThenDown"
		layout.PageOrder = &order
	}
	if err := f.SetPageLayout(sheet, layout); err != nil {
		return err
	}
	// Narrow margins, in inches, leave the figures room to stay large.
	// LibreOffice sizes the header and footer areas for their text
	// before it shrinks it with the sheet, so the top and bottom margins
	// make room for the marking's line and the footer's two at the size
	// they are written.
	pts := float64(footerPoints(p.scale))
	side, edge := 0.3, 0.25
	top := edge + (pts+1)*1.4/72 + 0.05
	bottom := edge + 2*pts*1.3/72 + 0.05
	yes := true
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &top, Bottom: &bottom, Header: &edge, Footer: &edge, Horizontally: &yes,
	}); err != nil {
		return err
	}
	header, footer := foot.excel(p.scale)
	no := false
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: header, OddFooter: footer, ScaleWithDoc: &no, AlignWithMargins: &yes,
	}); err != nil {
		return err
	}
	var titles []string
	if p.titleCols > 0 {
		titles = append(titles, fmt.Sprintf("'%s'!$A:$%s", sheet, colName(p.titleCols)))
	}
	if p.titleRows[0] > 0 {
		titles = append(titles, fmt.Sprintf("'%s'!$%d:$%d", sheet, p.titleRows[0], p.titleRows[1]))
	}
	if len(titles) > 0 {
		if err := f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", RefersTo: strings.Join(titles, ","), Scope: sheet,
		}); err != nil {
			return err
		}
	}
	if p.area != "" {
		return f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("'%s'!%s", sheet, p.area), Scope: sheet,
		})
	}
	return nil
}

// notPrinted is the first row of the Data, Definitions and Targets
// sheets, the only row of them that prints: they hold every row for the
// app to import again, which on paper would run to hundreds of pages.
const notPrinted = "Not printed: this sheet keeps every row for the app to import again, so printing the workbook prints this line only."

// noticeLook is the notPrinted row's look: wrapped across the sheet's
// columns, so that it prints whole within its print area.
var noticeLook = look{italic: true, color: grey, wrap: true}

// noticeHeight is the height of the notPrinted row across columns of
// the given widths.
func noticeHeight(widths []float64) float64 {
	return float64(lines(notPrinted, widthOf(widths[:noticeCols(widths)]))*lineHeight + 1)
}

// noticeCols is how many of columns of the given widths the notPrinted
// row spans: about 60 characters' worth, so that it prints near full size.
func noticeCols(widths []float64) int {
	w := 0.0
	for i, x := range widths {
		if w += x; w >= 60 {
			return i + 1
		}
	}
	return len(widths)
}

// hideFromPrint makes a tidy sheet, whose columns have the given widths,
// print only its notice row.
func (b *book) hideFromPrint(sheet string, widths []float64) error {
	return b.printSetup(sheet, page{wide: 1, tall: 1, area: fmt.Sprintf("$A$1:$%s$1", colName(noticeCols(widths)))})
}

// datedLine finds a "Published 2 January 2026" or "Produced on
// 02/01/2026" statement, the date in its third group.
var datedLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(published|produced|issued)(:|\s+on)?(\s+)(\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})`)
})

// redate sets the date of the original's own "Published ..." or
// "Produced ..." line, in the first rows of each sheet, to the date the
// export was produced: left alone it would say the revised figures were
// published when the old ones were.
func (o *originalWriter) redate() error {
	date := o.opt.Produced.Format("2 January 2006")
	for _, s := range o.f.GetSheetList() {
		if _, tidy := o.tidy[s]; tidy {
			continue
		}
		rows, err := o.f.GetRows(s)
		if err != nil {
			return fmt.Errorf("sheet %q: %w", s, err)
		}
		for r := 0; r < min(len(rows), 12); r++ {
			for c, text := range rows[r] {
				if !datedLine().MatchString(text) {
					continue
				}
				typ, _ := o.f.GetCellType(s, cell(c+1, r+1))
				if typ == excelize.CellTypeFormula {
					continue // a formula's date is the workbook's own business
				}
				now := datedLine().ReplaceAllString(text, "${1}${2}${3}"+date)
				if err := o.f.SetCellStr(s, cell(c+1, r+1), now); err != nil {
					return fmt.Errorf("sheet %q: %w", s, err)
				}
			}
		}
	}
	return nil
}
