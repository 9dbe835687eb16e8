package export

// The original's cell styles, changed only where what a cell now holds
// contradicts them.

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// ownFigure makes upright a cell the import read as a stand-in (the
// previous year's outturn in italics in place of period p's figure) and
// that now holds p's own figure, or its status ("c" where it is
// withheld), keeping the rest of its style, and notes
// why: left italic, it would tell the reader, under the workbook's own
// key, that the period's figure is last year's.
func (o *originalWriter) ownFigure(sheet, ref string, p app.Period) error {
	if err := o.restyle(sheet, ref, restyle{upright: true}); err != nil {
		return err
	}
	return o.noteAt(sheet, ref, fmt.Sprintf("Now %s's own figure, from a later import; the original showed the previous year's outturn here in italics in its place.", p.Label()))
}

// restyle gives a cell its style changed as change says (its id is the
// cell's own), keeping everything else the original set.
func (o *originalWriter) restyle(sheet, ref string, change restyle) error {
	id, err := o.f.GetCellStyle(sheet, ref)
	if err != nil {
		return err
	}
	change.id = id
	nid, ok := o.styles[change]
	if !ok {
		st, err := o.f.GetStyle(id)
		if err != nil {
			return err
		}
		if change.setFill {
			st.Fill = excelize.Fill{}
			if change.fill != "" {
				st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{change.fill}}
			}
		}
		if st.Font == nil {
			st.Font = &excelize.Font{}
		}
		if change.color != "" {
			st.Font.Color = change.color
		}
		if change.upright {
			st.Font.Italic = false
		}
		if nid, err = o.f.NewStyle(st); err != nil {
			return err
		}
		o.styles[change] = nid
	}
	return o.f.SetCellStyle(sheet, ref, ref, nid)
}
