package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
	"scorecard/importer"
)

// keepOwnArea is the choice that keeps an area name the authority does
// not have as an area of its own.
const keepOwnArea = "(keep as an area of its own)"

// unmappedAreas counts the area names no mapping has read.
func unmappedAreas(us []importer.UnknownArea) int {
	n := 0
	for _, u := range us {
		if !u.Mapped {
			n++
		}
	}
	return n
}

// areaForm lists the area names the file gives that the store's
// authority does not have, where each was found, with a choice for each:
// one of the authority's districts or pseudo-areas, or an area of its
// own. A choice reads the file again, and is saved for its family.
func (r *layoutReview) areaForm() fyne.CanvasObject {
	auth := r.w.auth
	choices := []string{keepOwnArea}
	for _, a := range append(auth.Areas(), auth.PseudoAreas()...) {
		choices = append(choices, string(a))
	}
	r.areaPicks = map[string]*widget.Select{}
	about := widget.NewLabel(fmt.Sprintf("These area names are not %s, one of its districts or a named pseudo-area. Say what each is; "+
		"until you do, its figures are kept under the name as written.", auth.Name))
	about.Wrapping = fyne.TextWrapWord
	rows := container.NewVBox(about)
	for _, u := range r.res.UnknownAreas {
		where := u.Location.Cell
		switch {
		case u.Location.Sheet != "" && where == "":
			// Named by the sheet's name, not at a cell.
			where = "sheet " + u.Location.Sheet
		case u.Location.Sheet != "":
			where = u.Location.Sheet + "!" + where
		}
		line := fmt.Sprintf("%q at %s", u.Name, where)
		if u.Rows > 1 {
			line += fmt.Sprintf(" and %d more rows", u.Rows-1)
		}
		switch {
		case u.Together != "":
			line += " (" + u.Together + " together)"
		case u.Owner != "":
			line += " (an area of " + u.Owner + ")"
		}
		label := widget.NewLabel(line)
		if !u.Mapped {
			label.Importance = widget.WarningImportance
		}
		sel := widget.NewSelect(choices, nil)
		sel.PlaceHolder = "(not yet said: kept as written)"
		if u.Mapped {
			if string(u.Area) == strings.TrimSpace(u.Name) {
				sel.SetSelected(keepOwnArea)
			} else {
				sel.SetSelected(string(u.Area))
			}
		}
		name, was := u.Name, sel.Selected
		sel.OnChanged = func(choice string) {
			if choice != was {
				r.chooseArea(name, choice)
			}
		}
		r.areaPicks[name] = sel
		rows.Add(container.NewBorder(nil, nil, nil, fixedWidth(sel, 260), label))
	}
	return container.NewVScroll(rows)
}

// chooseArea reads area name as choice in every sheet of the file, for
// the file to be read again when the review is accepted.
func (r *layoutReview) chooseArea(name, choice string) {
	to := app.Area(choice)
	if choice == keepOwnArea {
		to = importer.PseudoArea
	}
	for i := range r.layouts {
		l := &r.layouts[i]
		names := make(map[string]app.Area, len(l.AreaNames)+1)
		for k, v := range l.AreaNames {
			names[k] = v
		}
		names[name] = to
		l.AreaNames = names
	}
	r.edited, r.areasChosen = true, true
	r.decided()
}

// areaNamesKey is the setting the officer's readings of area names are
// kept under for the family of files named like path; the command line's
// import --area keeps them there too.
func areaNamesKey(path string) string { return "area-names:" + importer.Family(path) }

// saveAreaNames keeps the officer's readings of area names for the next
// file of this one's family, beside those saved before.
func (r *layoutReview) saveAreaNames() {
	names := r.w.savedAreaNames(r.path)
	if names == nil {
		names = map[string]app.Area{}
	}
	for _, l := range r.layouts {
		for k, v := range l.AreaNames {
			names[k] = v
		}
	}
	if err := r.w.st.SetSetting(areaNamesKey(r.path), names); err != nil {
		fyne.LogError("saving the area names", err)
	}
}

// savedAreaNames are the readings of area names saved for files named
// like path, by the review or by import --area; nil for none.
func (w *mainWindow) savedAreaNames(path string) map[string]app.Area {
	var names map[string]app.Area
	if !w.st.Setting(areaNamesKey(path), &names) {
		return nil
	}
	return names
}
