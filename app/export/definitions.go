package export

import (
	"context"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// DefinitionsHeader heads the Definitions sheet: one row per indicator,
// in the tidy form the importer reads as definitions (the demo
// workbook's own Guidance sheet), so that an export imported again
// defines its indicators as the store did.
var DefinitionsHeader = []string{"Ref", "Indicator", "Section", "Polarity", "Unit", "Decimals", "Measure", "Data Period", "Target Year", "How it is calculated", "Cohorts not counted", "Owner"}

// The tidy sheets' column widths.
var (
	definitionsWidths = []float64{9, 50, 24, 9, 9, 9, 11, 11, 11, 80, 20, 24}
	targetsWidths     = []float64{9, 10, 10, 10, 10}
)

// writeDefinitions writes the Definitions sheet. Every indicator of the
// history is defined, not only those on the Scorecard sheet, since the
// Data sheet holds figures for them all.
func (b *book) writeDefinitions(ctx context.Context) error {
	if err := b.tidyHeader(DefinitionsSheet, DefinitionsHeader, definitionsWidths); err != nil {
		return err
	}
	for i, ind := range b.inds {
		if err := ctx.Err(); err != nil {
			return err
		}
		year := "Financial"
		if ind.YearType == app.AcademicYear {
			year = "Academic"
		}
		// Every cell is text or a number; SetSheetRow never reads text as
		// a formula.
		unaffected := make([]string, len(ind.Unaffected))
		for i, c := range ind.Unaffected {
			unaffected[i] = string(c)
		}
		row := []any{ind.Ref, ind.Name, ind.Section, ind.Polarity.String(), string(ind.Unit), ind.Decimals,
			string(ind.Measure), string(ind.DataPeriod), year, ind.Guidance, strings.Join(unaffected, ", "), ind.Owner}
		if err := b.f.SetSheetRow(DefinitionsSheet, cell(1, i+3), &row); err != nil {
			return fmt.Errorf("%s: %w", ind.Ref, err)
		}
	}
	b.step()
	return b.hideFromPrint(DefinitionsSheet, definitionsWidths)
}

// tidyHeader writes a tidy sheet's notPrinted row, then its bold, frozen
// header row, and its column widths.
func (b *book) tidyHeader(sheet string, header []string, widths []float64) error {
	if err := b.set(sheet, 1, 1, notPrinted, noticeLook); err != nil {
		return err
	}
	if err := b.f.MergeCell(sheet, "A1", cell(noticeCols(widths), 1)); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(sheet, 1, noticeHeight(widths)); err != nil {
		return err
	}
	bold, err := b.style(look{bold: true})
	if err != nil {
		return err
	}
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = h
	}
	if err := b.f.SetSheetRow(sheet, "A2", &head); err != nil {
		return err
	}
	if err := b.f.SetCellStyle(sheet, "A2", cell(len(header), 2), bold); err != nil {
		return err
	}
	if err := b.widths(sheet, widths...); err != nil {
		return err
	}
	return b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
}
