package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// menu is the window's main menu.
func (w *mainWindow) menu() *fyne.MainMenu {
	// While the team store is unreachable the window is read-only: the
	// items that change the store are greyed, and refuse if reached.
	readOnly := w.readOnly() != nil
	importItem := fyne.NewMenuItem("Import...", w.writable(w.chooseImport))
	importItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	importItem.Disabled = readOnly
	recent := fyne.NewMenuItem("Recent files", nil)
	for _, path := range w.recentFiles() {
		recent.ChildMenu = appendItem(recent.ChildMenu, fyne.NewMenuItem(path, w.writable(func() { w.importFiles([]string{path}) })))
	}
	if recent.ChildMenu == nil || readOnly {
		recent.Disabled = true
	}
	exportItem := fyne.NewMenuItem("Export...", w.showExport)
	exportItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	file := fyne.NewMenu("File", importItem, recent, fyne.NewMenuItemSeparator(), exportItem, w.printItem())
	if w.switchTo != nil {
		file.Items = append(append(file.Items, fyne.NewMenuItemSeparator()), w.storeItems()...)
	}
	// Find is a menu item rather than a canvas shortcut so that Ctrl+F
	// works wherever the focus is: a focused entry, such as the commentary
	// editor, takes canvas shortcuts for itself.
	find := fyne.NewMenuItem("Find...", w.find)
	find.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	// Copy has no shortcut of its own here: a menu shortcut would take
	// Ctrl+C from the entries, which copy their own text; the tables
	// take Ctrl+C themselves.
	undoLast := fyne.NewMenuItem("Undo last import", w.writable(w.history.undoLast))
	undoLast.Disabled = readOnly
	ragRule := fyne.NewMenuItem("RAG rule...", w.writable(w.chooseRAGRule))
	ragRule.Disabled = readOnly
	edit := fyne.NewMenu("Edit",
		undoLast,
		find,
		fyne.NewMenuItem("Copy row (Ctrl+C)", w.copyHighlighted),
		fyne.NewMenuItemSeparator(),
		ragRule,
	)
	view := fyne.NewMenu("View")
	for i, name := range []string{"Scorecard", "Indicator", "Districts", "Imports"} {
		i := i
		item := fyne.NewMenuItem(name, func() { w.tabs.SelectIndex(i) })
		item.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyName(fmt.Sprint(i + 1)), Modifier: fyne.KeyModifierShortcutDefault}
		view.Items = append(view.Items, item)
	}
	return fyne.NewMainMenu(file, edit, view, w.helpMenu())
}

// appendItem adds it to m, making m if there is none yet.
func appendItem(m *fyne.Menu, it *fyne.MenuItem) *fyne.Menu {
	if m == nil {
		m = fyne.NewMenu("")
	}
	m.Items = append(m.Items, it)
	return m
}
