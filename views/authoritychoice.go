package views

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
	"scorecard/app/store"
)

// The first run asks whose figures the store will hold (issue 19): a
// store belongs to one local authority, the default (Kent) until an
// officer chooses. The window asks once, on an ordinary launch of a store
// still on the default that it has not asked about before; `scorecard
// authority NAME` answers the same question from the command line, and
// --screen authority asks it again.

// ScreenAuthority opens the window on the choice of authority.
const ScreenAuthority = "authority"

// settingAuthorityAsked remembers the window asked which authority the
// store is for, so that a store left on the default is not asked again.
const settingAuthorityAsked = "authority-asked"

// AuthorityAnswered records that the store's authority was chosen
// outside the window (`scorecard authority NAME`), so that the window
// does not ask again, whichever authority was chosen: choosing the
// default, Kent, is an answer too.
func AuthorityAnswered(st store.Store) error {
	return storeBackend{st}.SetSetting(settingAuthorityAsked, true)
}

// authoritySetter is a backend whose authority can be chosen.
type authoritySetter interface {
	authorityBackend
	SetAuthority(a *app.Authority) error
}

// authorityUnasked reports whether the window should ask which authority
// the store holds: it can be set, it is still the default, and the
// window never asked.
func (w *mainWindow) authorityUnasked() bool {
	if _, ok := w.st.(authoritySetter); !ok {
		return false
	}
	var asked bool
	if w.st.Setting(settingAuthorityAsked, &asked) && asked {
		return false
	}
	return w.auth.Old == app.DefaultAuthority().Old
}

// authorityChooser is the dialog's list of authorities, searchable by
// name or by old or new code, with the one chosen.
type authorityChooser struct {
	all, shown []*app.Authority
	chosen     *app.Authority
	search     *escEntry
	list       *widget.List
	label      *widget.Label
	// onSubmit is Enter in the search box, with one authority chosen.
	onSubmit func()
}

func newAuthorityChooser(current *app.Authority) *authorityChooser {
	c := &authorityChooser{all: app.Authorities()}
	c.shown = c.all
	c.label = widget.NewLabel("")
	c.list = widget.NewList(
		func() int { return len(c.shown) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			a := c.shown[i]
			o.(*widget.Label).SetText(a.String() + " · " + a.Region)
		},
	)
	c.list.OnSelected = func(i widget.ListItemID) { c.choose(c.shown[i]) }
	c.search = newEscEntry(nil)
	def := app.DefaultAuthority()
	c.search.SetPlaceHolder(fmt.Sprintf("Search by name, or by old or new LA code (e.g. %s or %s)", def.Old, def.New))
	c.search.OnChanged = c.filter
	c.search.OnSubmitted = func(string) {
		if c.onSubmit != nil && c.chosen != nil {
			c.onSubmit()
		}
	}
	for _, a := range c.all {
		if a.Old == current.Old {
			c.choose(a)
		}
	}
	return c
}

// choose makes a the authority chosen, highlighted in the list.
func (c *authorityChooser) choose(a *app.Authority) {
	c.chosen = a
	c.label.SetText("Chosen: " + a.String() + ", " + a.Region)
	if i := slices.Index(c.shown, a); i >= 0 {
		c.list.Select(i)
		c.list.ScrollTo(i)
	}
}

// filter shows the authorities whose name or codes hold s, whatever the
// case; one alone is chosen.
func (c *authorityChooser) filter(s string) {
	s = strings.ToLower(strings.TrimSpace(s))
	c.shown = nil
	for _, a := range c.all {
		if s == "" || strings.Contains(strings.ToLower(a.Name), s) || strings.HasPrefix(a.Old, s) || strings.HasPrefix(strings.ToLower(a.New), s) {
			c.shown = append(c.shown, a)
		}
	}
	c.list.UnselectAll()
	c.list.Refresh()
	switch {
	case len(c.shown) == 1:
		c.choose(c.shown[0])
	case c.chosen != nil:
		if i := slices.Index(c.shown, c.chosen); i >= 0 {
			c.list.Select(i)
		}
	}
}

// chooseAuthority asks which authority the store holds. Choosing one
// other than the store's sets it and redraws the window for it; if the
// store holds only the demo (Kent's, made up) the demo is undone, and if
// it holds an officer's imports the change is confirmed first. "Not
// now" keeps the default and asks again next launch.
func (w *mainWindow) chooseAuthority() {
	c := newAuthorityChooser(w.auth)
	w.chooser = c
	intro := widget.NewLabel(fmt.Sprintf("Which council's figures will this store hold? Imports are matched against its districts, "+
		"and another council's workbook is refused. %s is the default; the demo scorecards are its.", app.DefaultAuthority().Name))
	intro.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(container.NewVBox(intro, c.search), c.label, nil, nil, c.list)
	var d *dialog.CustomDialog
	use := widget.NewButton("Use this authority", func() {
		if c.chosen == nil {
			return
		}
		d.Hide()
		w.useAuthority(c.chosen)
	})
	use.Importance = widget.HighImportance
	later := widget.NewButton("Not now", func() { d.Hide() })
	c.onSubmit = use.OnTapped
	c.search.onEscape = later.OnTapped
	d = dialog.NewCustomWithoutButtons("Choose the authority", content, w.win)
	d.SetButtons([]fyne.CanvasObject{later, use})
	// However it is answered, the keyboard goes back to the scorecard,
	// where a new window puts it (Down, then Ctrl+C copies a row).
	d.SetOnClosed(func() { w.win.Canvas().Focus(w.score.table) })
	d.Resize(fyne.NewSize(640, 560))
	d.Show()
	w.win.Canvas().Focus(c.search)
}

// useAuthority sets the store's authority to a, after confirming if that
// would put an officer's figures under another council's name.
func (w *mainWindow) useAuthority(a *app.Authority) {
	if a.Old == w.auth.Old {
		w.setAuthority(a, nil)
		return
	}
	imps, err := w.st.Imports()
	if err != nil {
		w.showError(err)
		return
	}
	var demo, own []app.Import
	for _, imp := range imps {
		switch {
		case imp.Undone != nil:
		case imp.Kind == "demo":
			demo = append(demo, imp)
		default:
			own = append(own, imp)
		}
	}
	if len(own) == 0 {
		w.setAuthority(a, demo)
		return
	}
	imports := "1 import"
	if len(own) != 1 {
		imports = fmt.Sprintf("%d imports", len(own))
	}
	msg := fmt.Sprintf("This store holds %s of %s's figures, which stay filed under %s. Set the store to %s anyway?",
		imports, w.auth.Name, w.auth.Name, a.Name)
	dialog.ShowConfirm("Change the authority", msg, func(ok bool) {
		if ok {
			w.setAuthority(a, demo)
		}
	}, w.win)
}

// setAuthority sets the store's authority to a, undoing the demo imports
// given (the default authority's made-up figures), and redraws the
// window for a.
func (w *mainWindow) setAuthority(a *app.Authority, demo []app.Import) {
	if err := w.st.(authoritySetter).SetAuthority(a); err != nil {
		w.showError(fmt.Errorf("setting the authority: %w", err))
		return
	}
	if err := w.st.SetSetting(settingAuthorityAsked, true); err != nil {
		fyne.LogError("remembering the authority was chosen", err)
	}
	for _, imp := range demo {
		if _, err := w.st.Undo(imp.ID); err != nil {
			w.showError(fmt.Errorf("removing the demo: %w", err))
			return
		}
	}
	auth, err := w.st.(authoritySetter).Authority()
	if err != nil {
		w.showError(err)
		return
	}
	changed := auth.Old != w.auth.Old
	w.auth = auth
	if changed {
		// The pickers, district grid and title are the authority's:
		// build the window afresh for it.
		w.win.SetTitle("Scorecard: " + auth.Name)
		w.v.area, w.v.auth = auth.Area(), auth
		w.cohorts = map[app.Cohort]*widget.Check{}
		w.build()
		if err := w.reloadHistory(); err != nil {
			w.showError(err)
			return
		}
		w.win.Canvas().Focus(w.score.table)
	}
	msg := "This store holds " + auth.Name + "'s figures"
	if len(demo) > 0 {
		msg += "; the demo scorecards (" + app.DefaultAuthority().Name + "'s) were removed: import your own with File > Import"
	}
	w.status.SetText(msg)
}
