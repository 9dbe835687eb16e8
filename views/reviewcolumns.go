package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"scorecard/importer"
)

// ignoreColumn is the mapping choice that leaves a column unread.
const ignoreColumn = "(ignore)"

// columnRoles are the roles a column can be given in the mapping step.
var columnRoles = []string{
	ignoreColumn,
	string(importer.RoleRef), string(importer.RoleName), string(importer.RoleSection), string(importer.RolePolarity),
	string(importer.RoleDataPeriod), string(importer.RoleUnit), string(importer.RoleGuidance), string(importer.RoleDecimals),
	string(importer.RoleMeasure), string(importer.RoleYearType), string(importer.RoleTarget), string(importer.RoleFloor),
	string(importer.RoleTolerance), string(importer.RolePrevious), string(importer.RoleRAG), string(importer.RoleDoT),
	string(importer.RoleEngland), string(importer.RoleNeighbours), string(importer.RoleComments),
	string(importer.RoleNumerator), string(importer.RoleDenominator), string(importer.RolePeriod), string(importer.RoleArea),
	string(importer.RoleCohort), string(importer.RoleValue), string(importer.RoleStatus), string(importer.RoleYear),
	string(importer.RoleRule), string(importer.RoleMilestone), string(importer.RoleMilestoneFloor),
}

// sheetForm lists one sheet's columns with a role picker for each.
func (r *layoutReview) sheetForm(l *importer.Layout) fyne.CanvasObject {
	about := fmt.Sprintf("%s sheet, headings in row %d, figures from row %d", l.Kind, l.HeaderRow, l.FirstRow)
	if l.Area != "" {
		about += ", area " + string(l.Area)
	}
	if !l.Period.IsZero() {
		about += ", period " + l.Period.Label()
	}
	list := widget.NewList(
		func() int { return len(l.Columns) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil, fixedWidth(widget.NewSelect(columnRoles, nil), 200), name)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			col := &l.Columns[i]
			c.Objects[0].(*widget.Label).SetText(columnLabel(*col))
			sel := c.Objects[1].(*fyne.Container).Objects[0].(*widget.Select)
			sel.OnChanged = nil
			sel.SetSelected(string(col.Role))
			sel.OnChanged = func(role string) {
				if role == string(col.Role) {
					return
				}
				col.Role = importer.Role(role)
				r.edited = true
				r.decided()
			}
		},
	)
	top := container.NewVBox(widget.NewLabel(about))
	for _, why := range l.Unsure {
		reason := widget.NewLabel("⚠ " + why)
		reason.Wrapping = fyne.TextWrapWord
		reason.Importance = widget.WarningImportance
		top.Add(reason)
	}
	return container.NewBorder(top, nil, nil, nil, list)
}

// unsureSheets names the sheets whose layout detection was unsure of.
func unsureSheets(layouts []importer.Layout) []string {
	var names []string
	for _, l := range layouts {
		if len(l.Unsure) > 0 {
			names = append(names, l.Sheet)
		}
	}
	return names
}

// columnLabel says where a column is and what it was read as.
func columnLabel(c importer.Column) string {
	s := fmt.Sprintf("%s: %s", c.Col, c.Header)
	switch {
	case !c.Period.IsZero():
		s += "  (" + c.Period.Label() + ")"
	case c.Area != "":
		s += "  (" + string(c.Area) + ")"
	}
	return s
}

// profileLayouts are the reviewed layouts keyed by sheet, columns set to
// be ignored left out, as importer.Options.Layouts takes them.
func (r *layoutReview) profileLayouts() map[string]importer.Layout {
	out := make(map[string]importer.Layout, len(r.layouts))
	for _, l := range r.layouts {
		var cols []importer.Column
		for _, c := range l.Columns {
			if c.Role != ignoreColumn {
				cols = append(cols, c)
			}
		}
		l.Columns = cols
		out[l.Sheet] = l
	}
	return out
}

// profile returns the saved layouts for files named like path, if any.
func (w *mainWindow) profile(path string) (map[string]importer.Layout, bool) {
	var layouts map[string]importer.Layout
	if !w.st.Setting(profileKey(path), &layouts) || len(layouts) == 0 {
		return nil, false
	}
	return layouts, true
}

// profileKey is the setting a layout profile for files named like path
// is saved under: one per family (see importer.Family).
func profileKey(path string) string { return "layout-profile:" + importer.Family(path) }
