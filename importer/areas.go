package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// authority is the store's authority the import files figures under; the
// default authority when the caller names none.
func (o Options) authority() *app.Authority {
	if o.Authority != nil {
		return o.Authority
	}
	return app.DefaultAuthority()
}

// areaCheck settles the areas a workbook's layouts name against the
// store's authority, and gathers those that are not its own, so that a
// workbook from another council is refused by name rather than filed
// under the store's.
type areaCheck struct {
	auth *app.Authority
	// own counts the areas found that are the authority's districts or
	// the authority itself named outright.
	own int
	// foreign are other authorities' areas, by the authority, in the
	// order found; unknown are names no authority has.
	foreign map[*app.Authority][]string
	order   []*app.Authority
}

func newAreaCheck(auth *app.Authority) *areaCheck {
	return &areaCheck{auth: auth, foreign: map[*app.Authority][]string{}}
}

// settle reads l's areas as the authority's: an indicator sheet with no
// area of its own reports the authority; a district column keeps its
// area when the authority has it, and is dropped with a warning naming
// its cell when not. It reports the warnings.
func (ac *areaCheck) settle(file string, l *Layout) []app.Warning {
	l.auth = ac.auth
	var warns []app.Warning
	if l.Kind == IndicatorSheet {
		if l.Area == "" {
			l.Area = ac.auth.Area()
		} else if a, ok := ac.auth.ParseArea(string(l.Area)); ok {
			l.Area = a
			ac.own++
		} else {
			ac.note(string(l.Area))
			warns = append(warns, app.Warning{Location: app.Location{File: file, Sheet: l.Sheet, Cell: "A1"},
				Message: fmt.Sprintf("sheet reports %s, not an area of %s", l.Area, ac.auth.Name)})
		}
	}
	kept := l.Columns[:0]
	for _, c := range l.Columns {
		if c.Role != RoleArea || c.Area == "" {
			kept = append(kept, c)
			continue
		}
		if a, ok := ac.areaOf(c); ok {
			c.Area = a
			if ac.auth.IsDistrict(a) || a == ac.auth.Area() && !strings.EqualFold(lastPart(c.Header), "County") {
				ac.own++
			}
			kept = append(kept, c)
			continue
		}
		name := lastPart(c.Header)
		owner := ac.note(name)
		if l.notOurs == nil {
			l.notOurs = map[int]bool{}
		}
		l.notOurs[c.index] = true
		why := "not an area of " + ac.auth.Name
		if owner != nil {
			why = "an area of " + owner.Name + ", not of " + ac.auth.Name
		}
		warns = append(warns, app.Warning{Location: app.Location{File: file, Sheet: l.Sheet, Cell: c.Col + fmt.Sprint(l.HeaderRow)},
			Message: fmt.Sprintf("column %s %q not read: %s", c.Col, name, why)})
	}
	l.Columns = kept
	return warns
}

// areaOf reads a district column's heading, or the area detection gave
// it, as an area of the authority.
func (ac *areaCheck) areaOf(c Column) (app.Area, bool) {
	if a, ok := ac.auth.ParseArea(lastPart(c.Header)); ok {
		return a, true
	}
	return ac.auth.ParseArea(string(c.Area))
}

// lastPart is a heading under any group caption: "2025 / Woking" gives
// "Woking".
func lastPart(h string) string {
	if i := strings.LastIndex(h, " / "); i >= 0 {
		return strings.TrimSpace(h[i+3:])
	}
	return strings.TrimSpace(h)
}

// note records a name that is not the authority's, reporting the other
// authority it belongs to, if any.
func (ac *areaCheck) note(name string) *app.Authority {
	owners := app.AuthoritiesOf(name, ac.auth)
	if len(owners) == 0 {
		for _, a := range app.Authorities() {
			if got, ok := a.ParseArea(name); ok && got == a.Area() && a.Old != ac.auth.Old {
				owners = append(owners, a)
				break
			}
		}
	}
	if len(owners) == 0 {
		return nil
	}
	o := owners[0]
	if _, ok := ac.foreign[o]; !ok {
		ac.order = append(ac.order, o)
	}
	ac.foreign[o] = append(ac.foreign[o], name)
	return o
}

// refusal is the error refusing a workbook none of whose areas is the
// authority's and some of whose are another's; nil otherwise.
func (ac *areaCheck) refusal(file string) error {
	if ac.own > 0 || len(ac.order) == 0 {
		return nil
	}
	o := ac.order[0]
	// Name its districts, which say whose the workbook is; the council's
	// own name only where it names no district.
	var names []string
	for _, n := range ac.foreign[o] {
		if a, _ := o.ParseArea(n); o.IsDistrict(a) {
			names = append(names, n)
		}
	}
	what := "districts"
	if len(names) == 0 {
		names, what = ac.foreign[o][:1], "own area"
	}
	if len(names) > 3 {
		names = names[:3]
	}
	areas := "areas " + strings.Join(names, ", ") + " are"
	if len(names) == 1 {
		areas = "area " + names[0] + " is"
		what = strings.TrimSuffix(what, "s")
	}
	return &app.SourceError{Location: app.Location{File: file}, Err: fmt.Errorf(
		"%s %s's %s, not %s's: set the store's authority with `scorecard authority %s`, or import into %s's store",
		areas, o.Name, what, ac.auth.Name, o.Name, o.Name)}
}

// ownerNote says which other authority an area name belongs to: " (it is
// Surrey's)", or "" when none does.
func ownerNote(name string, auth *app.Authority) string {
	if o := app.AuthoritiesOf(name, auth); len(o) > 0 {
		return " (it is " + o[0].Name + "'s)"
	}
	return ""
}
