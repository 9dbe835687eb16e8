package views

import (
	"maps"
	"strings"
	"time"

	"fyne.io/fyne/v2"
)

// Commentary drafts: what an officer types in the commentary box is kept
// as a draft for its indicator, area and period until saved, so moving to
// another indicator, period or screen, or closing the window, never
// throws it away. Drafts live in the store beside the window's other
// settings, so they come back after a restart.

const settingDrafts = "commentary-drafts"

// draftDelay is how long typing must pause before a draft is written to
// the store; the draft is held in memory at once.
const draftDelay = time.Second

// commentDrafts holds the unsaved commentary by draftKey.
type commentDrafts struct {
	w     *mainWindow
	texts map[string]string
	timer *time.Timer
}

func draftKey(ref string, w *mainWindow) string {
	return ref + "|" + string(w.v.area) + "|" + w.v.period.String()
}

// bindDrafts keeps a draft of the commentary box as the officer types.
// Only typing counts, with the box focused: the pane filling the box
// with the saved commentary is not a change of the officer's.
func (w *mainWindow) bindDrafts() {
	dr := &commentDrafts{w: w, texts: map[string]string{}}
	w.st.Setting(settingDrafts, &dr.texts)
	if dr.texts == nil {
		dr.texts = map[string]string{}
	}
	w.drafts = dr
	c := w.detail.comment
	prev := c.OnChanged
	c.OnChanged = func(text string) {
		if prev != nil {
			prev(text)
		}
		if w.win.Canvas().Focused() != c || w.detail.ref == "" {
			return
		}
		dr.set(draftKey(w.detail.ref, w), text)
	}
}

// set records text as the draft for key, or drops the draft when it says
// what is saved.
func (dr *commentDrafts) set(key, text string) {
	saved := dr.saved(key)
	if strings.TrimSpace(text) == strings.TrimSpace(saved) {
		if _, ok := dr.texts[key]; !ok {
			return
		}
		delete(dr.texts, key)
	} else {
		dr.texts[key] = text
	}
	dr.persistSoon()
}

// saved is the commentary stored for key's indicator in the window's
// area and period.
func (dr *commentDrafts) saved(key string) string {
	w := dr.w
	ref, _, _ := strings.Cut(key, "|")
	c, _ := w.v.shown.Comment(ref, w.v.area, w.v.period)
	return c.Text
}

// persistSoon writes the drafts to the store once typing pauses.
func (dr *commentDrafts) persistSoon() {
	if dr.timer != nil {
		dr.timer.Stop()
	}
	snapshot := maps.Clone(dr.texts)
	dr.timer = time.AfterFunc(draftDelay, func() { fyne.Do(func() { dr.persist(snapshot) }) })
}

func (dr *commentDrafts) persist(texts map[string]string) {
	if err := dr.w.st.SetSetting(settingDrafts, texts); err != nil {
		fyne.LogError("keeping the commentary drafts", err)
	}
}

// flush writes the drafts now, as the window closes.
func (dr *commentDrafts) flush() {
	if dr.timer != nil {
		dr.timer.Stop()
	}
	dr.persist(maps.Clone(dr.texts))
}

// restoreDraft puts back an unsaved draft after the detail pane showed
// the saved commentary, and says so; a draft the saved text has caught up
// with is dropped.
func (w *mainWindow) restoreDraft() {
	dr := w.drafts
	if dr == nil || w.detail.ref == "" {
		return
	}
	key := draftKey(w.detail.ref, w)
	text, ok := dr.texts[key]
	if !ok {
		return
	}
	if strings.TrimSpace(text) == strings.TrimSpace(dr.saved(key)) {
		delete(dr.texts, key)
		dr.persistSoon()
		return
	}
	w.detail.comment.SetText(text)
	w.status.SetText("Unsaved commentary draft for " + w.detail.ref + " kept; Save commentary to keep it for good")
}
