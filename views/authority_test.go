package views

import (
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"scorecard/app"
	"scorecard/app/store"
)

func TestWindowShowsTheStoresAuthority(t *testing.T) {
	surrey, _ := app.LookupAuthority("Surrey")
	for _, tc := range []struct {
		auth  *app.Authority // nil: never set
		title string
	}{
		{nil, "Scorecard: Kent"},
		{surrey, "Scorecard: Surrey"},
	} {
		st, err := store.Open(filepath.Join(t.TempDir(), "s.db"))
		if err != nil {
			t.Fatal(err)
		}
		if tc.auth != nil {
			if err := st.SetAuthority(tc.auth); err != nil {
				t.Fatal(err)
			}
		}
		w, err := newMainWindow(test.NewTempApp(t), storeBackend{st}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := w.win.Title(); got != tc.title {
			t.Errorf("title %q, want %q", got, tc.title)
		}
		want := app.DefaultAuthority()
		if tc.auth != nil {
			want = tc.auth
		}
		if w.area.Selected != want.Name || !slices.Contains(w.area.Options, string(want.Districts()[0])) {
			t.Errorf("area %q of %q, want %s and its districts", w.area.Selected, w.area.Options, want.Name)
		}
		if got := w.districts.areas; !slices.Equal(got, want.Areas()) || len(w.districts.headings) != len(got) {
			t.Errorf("districts screen's columns %q (%d headings), want %q", got, len(w.districts.headings), want.Areas())
		}
		w.win.Close()
		st.Close()
	}
}
