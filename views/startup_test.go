package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"scorecard/app"
	"scorecard/app/store"
)

// damagedStore writes a store with two imports (so an automatic backup
// holds the first), then cuts it short; it returns its path and the
// backup's.
func damagedStore(t *testing.T) (string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "scorecard.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range []float64{40, 41} {
		ds := &app.Dataset{
			Indicators:   []app.Indicator{{Ref: "CIC05", Name: "Repeat referrals", Unit: app.Percent}},
			Observations: []app.Observation{{Ref: "CIC05", Area: app.Kent, Split: app.All, Period: app.MonthOf(2025, 3), Value: app.Float(v)}},
		}
		if _, err := st.Import(store.Source{Name: "f", Kind: "workbook", SHA256: string(rune('a' + i))}, ds); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	backup, _ := store.NewestBackup(path)
	if backup == "" {
		t.Fatal("no automatic backup")
	}
	data, _ := os.ReadFile(path)
	os.WriteFile(path, data[:8192], 0o600)
	return path, backup
}

// TestStartupErrorOffersRestore: a damaged store at start-up shows a
// window saying so, with the three ways on; restoring the newest backup
// opens the window on the restored store.
func TestStartupErrorOffersRestore(t *testing.T) {
	path, _ := damagedStore(t)
	open := func(p string) (store.Store, error) { return store.Open(p) }
	_, err := open(path)
	if err == nil {
		t.Fatal("the damaged store opened")
	}
	var opened store.Store
	s := newStartupWindow(test.NewTempApp(t), path, err, open, func(st store.Store) { opened = st })
	s.Show()
	t.Cleanup(func() {
		if opened != nil {
			opened.Close()
		}
	})
	for _, want := range []string{path, "damaged", "nothing was changed"} {
		if !strings.Contains(s.message.Text, want) {
			t.Errorf("start-up message %q does not say %q", s.message.Text, want)
		}
	}
	for _, b := range []string{"Open another store…", "Restore a backup…", "Quit"} {
		if findButton(s.win.Content(), b) == nil {
			t.Errorf("no %q button", b)
		}
	}
	test.Tap(s.restore)
	if s.backups == nil || s.backups.SelectedIndex() != 0 {
		t.Fatal("restore does not offer the automatic backups, newest chosen")
	}
	done := make(chan struct{})
	s.restored = func() { close(done) }
	test.Tap(findButton(s.win.Canvas().Overlays().Top(), "Restore"))
	<-done
	if opened == nil {
		t.Fatalf("after restoring, the window did not open the store: %s", s.message.Text)
	}
	h, err := opened.Load()
	if err != nil {
		t.Fatal(err)
	}
	if o, ok := h.Observation(app.SeriesKey{Ref: "CIC05", Area: app.Kent, Split: app.All}, app.MonthOf(2025, 3)); !ok || *o.Value != 40 {
		t.Errorf("restored store holds %+v, want the first import's 40", o)
	}
}

// TestStartupErrorInUse: a store another window holds is explained, and
// restoring over it is refused while it is held.
func TestStartupErrorInUse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scorecard.db")
	held, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	open := func(p string) (store.Store, error) { return store.Open(p) }
	_, err = open(path)
	s := newStartupWindow(test.NewTempApp(t), path, err, open, func(st store.Store) { t.Error("opened a store in use"); st.Close() })
	if !strings.Contains(s.message.Text, "in use by another Scorecard (a window, or a command such as an import)") {
		t.Errorf("start-up message %q", s.message.Text)
	}
	backup := filepath.Join(t.TempDir(), "b.db")
	if err := held.BackupFile(backup); err != nil {
		t.Fatal(err)
	}
	s.restoreFrom(backup)
	if !strings.Contains(s.message.Text, "in use by another Scorecard (a window, or a command such as an import)") {
		t.Errorf("restoring over a store in use: %q", s.message.Text)
	}
}
