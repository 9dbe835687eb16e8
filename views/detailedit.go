package views

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"scorecard/app"
	"scorecard/app/benchmark"
)

// fillTargetEntries shows the chosen year's target and floor for editing.
func (d *detailPane) fillTargetEntries() {
	d.tTarget.SetText("")
	d.tFloor.SetText("")
	for _, t := range d.w.v.stored.Targets(d.ref) {
		if t.Year.String() == d.tYear.Selected {
			d.tTarget.SetText(plainFigure(t.Target))
			d.tFloor.SetText(plainFigure(t.Floor))
		}
	}
}

// saveComment records the commentary for the chosen period and area as an
// edit, which the history lists and can undo like an import.
func (d *detailPane) saveComment() {
	v := d.w.v
	if d.ref == "" || v.period.IsZero() {
		return
	}
	// A comment is kept for the cohort set it was written beside; the
	// "(all children)" label shown on another set's is not part of it.
	split := app.Excluding(v.cohorts...)
	text := strings.TrimSpace(d.comment.Text)
	if _, own, ok := v.shown.CommentFor(d.ref, v.area, split, v.period); ok && !own {
		text = strings.TrimSpace(strings.TrimPrefix(text, "(all children)"))
	}
	c := app.Comment{Ref: d.ref, Area: v.area, Split: split, Period: v.period, Text: text}
	note := fmt.Sprintf("commentary for %s, %s, %s", d.ref, v.area, v.period.Label())
	if split != app.All {
		note += ", " + strings.ToLower(split.Label()[:1]) + split.Label()[1:]
	}
	d.w.edit(note, &app.Dataset{Comments: []app.Comment{c}})
}

// saveTarget records a target and floor for one year as an edit, checked
// by benchmark.Edit (year type, floor no better than target, a percentage
// within 0-100).
func (d *detailPane) saveTarget() {
	year, err := app.ParsePeriod(d.tYear.Selected)
	if err != nil {
		d.w.showError(fmt.Errorf("target year: %w", err))
		return
	}
	if d.ind.YearType == app.AcademicYear {
		year.Kind = app.AcademicYear
	}
	t := app.Target{Ref: d.ref, Year: year}
	if t.Target, err = parseFigure(d.tTarget.Text); err != nil {
		d.w.showError(fmt.Errorf("target: %w", err))
		return
	}
	if t.Floor, err = parseFigure(d.tFloor.Text); err != nil {
		d.w.showError(fmt.Errorf("floor: %w", err))
		return
	}
	var prev *app.Target
	for _, old := range d.w.v.stored.Targets(d.ref) {
		if old.Year == year {
			prev = &old
		}
	}
	ds, note, err := benchmark.Edit(d.ind, prev, t)
	if err != nil {
		d.w.showError(fmt.Errorf("%s target for %s: %w", d.ref, year.Label(), err))
		return
	}
	d.w.edit(note, ds)
}

// parseFigure reads a typed target: blank for none, "63.7" or "63.7%".
func parseFigure(s string) (*float64, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if s == "" {
		return nil, nil
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		return nil, fmt.Errorf("%q is not a number", s)
	}
	return &f, nil
}

// targetYears offers the years with figures and the year after the last,
// so next year's target can be set before its first month.
func (d *detailPane) targetYears() []string {
	var out []string
	add := func(p app.Period) {
		if s := p.String(); !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	ps := d.w.v.stored.Periods()
	for _, p := range ps {
		add(d.ind.TargetYear(p))
	}
	if len(ps) > 0 {
		add(d.ind.TargetYear(ps[len(ps)-1]).Add(1))
	}
	slices.Reverse(out)
	return out
}
