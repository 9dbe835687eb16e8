package synth

import "scorecard/app"

// Kind is the overall shape of a generated workbook.
type Kind uint8

// The shapes of workbook Write can produce.
const (
	// Scorecard is the house layout: a "CYPE Scorecard" sheet for Kent (one
	// row per indicator, the months across, twin "(excluding UASC)" rows),
	// and, as the Quirks ask, the "Districts", "Data", "Targets" and
	// "Guidance" sheets.
	Scorecard Kind = iota
	// PerArea is one scorecard sheet per area, named for it ("Kent",
	// "Ashford", ..., "Folkestone & Hythe"); only Kent's has twin rows.
	PerArea
	// Breakdown is one sheet, "CiC Breakdown", where each cohort indicator
	// is a block: a heading row with its ref and name, then rows "All CiC",
	// "Excluding UASC" and "UASC" holding the months.
	Breakdown
)

// PercentStyle is how a percentage is put in a cell.
type PercentStyle uint8

// The ways scorecards store percentages.
const (
	PercentFraction PercentStyle = iota // 0.117 with a "0.0%" number format
	PercentHundred                      // 11.7 as a plain number
	PercentText                         // the text "11.7%"
	PercentTextNBSP                     // the text "11.7\u00a0%", as French-locale exports write it
)

// MonthStyle is how the month columns are headed.
type MonthStyle uint8

// The month headings seen on scorecards.
const (
	MonthDates MonthStyle = iota // real dates (the 1st) formatted mmm-yy
	MonthShort                   // the text "Mar-25"
	MonthLong                    // the text "March 2025"
)

// ArrowStyle is how the DoT column draws its arrows.
type ArrowStyle uint8

// The arrow glyphs seen on scorecards.
const (
	ArrowWingdings ArrowStyle = iota // é up, ê down, è across in the Wingdings font
	ArrowUnicode                     // ↑ ↓ →
	ArrowTriangles                   // ▲ ▼ ►
)

// Quirks are the real-world habits a workbook shows. The zero Quirks is
// the house style: fractions with a % format, date headers, Wingdings
// arrows, RAG words with their fill on most rows, the scorecard sheet
// alone.
type Quirks struct {
	Percent PercentStyle
	Months  MonthStyle
	Arrows  ArrowStyle
	// RAGFillOnly leaves every RAG cell empty but for its fill colour (the
	// house style does so on every fifth rated row only).
	RAGFillOnly bool
	// TitleRows adds this many extra title rows above the header, so the
	// header sits lower down.
	TitleRows int
	// CountsAsText writes counts of 1,000 or more as text with a thousands
	// separator: "1,896".
	CountsAsText bool
	// StatusCodes replaces some monthly figures with the codes scorecards
	// use in their many spellings: c, [c], x, "..", an #N/A error cell and
	// "Data to be supplied". The model's own codes are always written.
	StatusCodes bool
	// BracketNegatives writes negative figures as text in brackets: "(14)".
	BracketNegatives bool
	// Fractions writes proportions as the text "221/1896".
	Fractions bool
	// Formulas writes proportions as formulas such as =221/1896 with the
	// result cached, as Excel saves them.
	Formulas bool
	// Districts adds the "Districts" sheet: the latest month for Kent, the
	// 12 districts, "Out of County / Unknown" and "UASC Service".
	Districts bool
	// Tidy adds the "Data" sheet (every figure with components, as Ref,
	// Period, Area, Cohort, Numerator, Denominator, Value), the "Targets"
	// sheet (each year's target, floor and tolerance) and the "Guidance"
	// sheet (each indicator's unit, measure, decimals and year type).
	Tidy bool
}

// Layout is a way of writing a Model as a workbook.
type Layout struct {
	Name string
	Kind Kind
	Quirks
}

// House is the layout of the embedded demo: the scorecard, districts,
// tidy data, targets and guidance sheets.
var House = Layout{Name: "house", Kind: Scorecard, Quirks: Quirks{Districts: true, Tidy: true}}

// LargeLayout is how the large benchmark case is written: one scorecard
// sheet per area.
var LargeLayout = Layout{Name: "per-area", Kind: PerArea}

// Layouts are the varied workbooks the importer is tested against, each
// showing one family of quirks; the first is House.
func Layouts() []Layout {
	return []Layout{
		House,
		{Name: "scorecard", Kind: Scorecard},
		{Name: "percent-hundred", Kind: Scorecard, Quirks: Quirks{Percent: PercentHundred}},
		{Name: "percent-text", Kind: Scorecard, Quirks: Quirks{Percent: PercentText, CountsAsText: true}},
		{Name: "percent-nbsp", Kind: Scorecard, Quirks: Quirks{Percent: PercentTextNBSP}},
		{Name: "month-short", Kind: Scorecard, Quirks: Quirks{Months: MonthShort, Arrows: ArrowUnicode}},
		{Name: "month-long", Kind: Scorecard, Quirks: Quirks{Months: MonthLong, Arrows: ArrowTriangles}},
		{Name: "rag-fill", Kind: Scorecard, Quirks: Quirks{RAGFillOnly: true}},
		{Name: "title-rows", Kind: Scorecard, Quirks: Quirks{TitleRows: 4}},
		{Name: "status-codes", Kind: Scorecard, Quirks: Quirks{StatusCodes: true}},
		{Name: "brackets", Kind: Scorecard, Quirks: Quirks{BracketNegatives: true, Percent: PercentHundred}},
		{Name: "fractions", Kind: Scorecard, Quirks: Quirks{Fractions: true}},
		{Name: "formulas", Kind: Scorecard, Quirks: Quirks{Formulas: true}},
		{Name: "districts", Kind: Scorecard, Quirks: Quirks{Districts: true, Months: MonthShort}},
		{Name: "per-district", Kind: PerArea, Quirks: Quirks{Months: MonthShort, Arrows: ArrowUnicode}},
		{Name: "breakdown", Kind: Breakdown, Quirks: Quirks{Percent: PercentHundred}},
	}
}

// Truth is what an importer should read back from a workbook Write made
// with a layout: the model restricted to what the workbook shows, in the
// form the workbook shows it.
//
// Observations carry what the cells say: Value (a percentage 0-100, even
// where the cell holds 0.117; text such as "11.7%" gives the rounded 11.7),
// Status and Raw for a code, Numerator and Denominator only where the
// workbook shows them (the Data sheet, or a fraction "221/1896"), StandIn
// for an italic previous-year figure, and SourceRAG and SourceArrow on the
// latest month of every row with RAG and DoT cells. Rule, Cell, Import
// and Revision are left empty. Compare values to about 1e-9: a fraction
// cell times 100 need not be the model's float to the last bit.
//
// Indicators carry Ref, Name (without its footnote marker), Section,
// Polarity and DataPeriod; with Tidy, the Guidance sheet adds Unit,
// Decimals, Measure, YearType and Guidance. Targets come from the
// scorecard's Target and Floor columns, for the financial year the group
// caption names ("2026/27"); with Tidy, from the Targets sheet instead,
// every year with its own financial or academic year and tolerance.
// Benchmarks are for the year the England and Stat Neighbours headers
// name. Outturns are the "2025/26 Outturn" column, Period the financial
// year the header names.
type Truth struct {
	app.Dataset
	Outturns []app.Observation
}
