package export

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// inCirculation lists the indicators the scorecard of b's period shows:
// b.inds less those retired by then (app.History.InCirculation), whose
// rows would otherwise stand blank, flagged missing, every month after
// the scorecard stopped giving them (QA27a 5). The Data, Definitions and
// Targets sheets keep them, as the store keeps their history.
func (b *book) inCirculation() []app.Indicator {
	var out []app.Indicator
	for _, ind := range b.inds {
		if b.h.InCirculation(ind.Ref, b.period) {
			out = append(out, ind)
		}
	}
	return out
}

// retiredWords says which indicators the export leaves out as retired,
// each once: "" when none is.
func (b *book) retiredWords() string {
	var lines []string
	for _, ind := range b.inds {
		if w := b.h.RetiredWords(ind, b.period); w != "" {
			lines = append(lines, w+".")
		}
	}
	return strings.Join(lines, "\n")
}

// noteRetired adds to the summary's notes a line for each indicator
// left out as retired, so that the command line and the window say it
// beside the file written, not only inside it.
func (b *book) noteRetired() {
	if b.opt.Original != "" {
		return // the officer's own rows are kept, and said so (retiredRows)
	}
	if w := b.retiredWords(); w != "" {
		b.sum.Notes = append(b.sum.Notes, strings.Split(w, "\n")...)
	}
}

// retiredRows keeps, in the officer's own workbook (export --original),
// the row of each indicator retired by the export's period, as the
// officer laid it out: its figures before the retirement are revised as
// any row's, and it holds none from then on (retire refuses an
// indicator with a later figure). Taking the row out would move the
// officer's rows under their formulas and print areas, and leaving it
// unsaid would read as a figure missing: a note at the row's Ref cell
// says it, on each sheet the original holds figures on, and the summary
// says it once an indicator (app.History.RetiredRowWords). The row is
// found by its Ref, as the import read it: the history keeps no cell
// for the figures the original repeated from an earlier file.
func (o *originalWriter) retiredRows(ids map[string]bool) error {
	var sheets []string
	for _, ind := range o.inds {
		words := o.h.RetiredRowWords(ind, o.period)
		if words == "" {
			continue
		}
		o.sum.Notes = append(o.sum.Notes, words+".")
		if sheets == nil {
			sheets = o.figureSheets(ids)
		}
		for _, sheet := range sheets {
			rows, err := o.f.GetRows(sheet)
			if err != nil {
				return fmt.Errorf("sheet %q: %w", sheet, err)
			}
			for r, cells := range rows {
				c := slices.IndexFunc(cells, func(v string) bool { return strings.EqualFold(strings.TrimSpace(v), ind.Ref) })
				if c < 0 {
					continue
				}
				ref, err := excelize.CoordinatesToCellName(c+1, r+1)
				if err != nil {
					return err
				}
				if err := o.noteAt(sheet, ref, words+"."); err != nil {
					return fmt.Errorf("%s: %w", ind.Ref, err)
				}
			}
		}
	}
	return nil
}

// figureSheets lists the original's sheets its import read figures
// from, in the workbook's order, leaving out its tidy sheets (a row a
// figure, not an indicator).
func (o *originalWriter) figureSheets(ids map[string]bool) []string {
	read := map[string]bool{}
	for _, k := range o.base.Keys() {
		for _, cur := range o.base.Series(k) {
			if was, ok := fromOriginal(o.base, k, cur, ids); ok {
				if sheet, _, ok := splitCell(was.Cell); ok {
					read[sheet] = true
				}
			}
		}
	}
	var out []string
	for _, s := range o.f.GetSheetList() {
		if _, tidy := o.tidy[s]; read[s] && !tidy {
			out = append(out, s)
		}
	}
	return out
}
