package views

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/store"
)

// A workbook without refs naming an indicator the store holds under a
// retired ref and its renumbered successor is filed, in the window as
// on the command line, under the one in circulation.
func TestReadFileNameOfRetiredAndSuccessor(t *testing.T) {
	const name = "Number of strategy meetings"
	dir := t.TempDir()
	book := func(file string, rows ...[]any) string {
		f := excelize.NewFile()
		defer f.Close()
		f.SetSheetName("Sheet1", "Scorecard")
		for i, row := range rows {
			if err := f.SetSheetRow("Scorecard", fmt.Sprintf("A%d", i+1), &row); err != nil {
				t.Fatal(err)
			}
		}
		path := filepath.Join(dir, file)
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	st := openStore(t)
	b := storeBackend{st}
	for _, path := range []string{
		book("mar.xlsx", []any{"Ref", "Indicator", "Polarity", "Jan-25", "Feb-25", "Mar-25"}, []any{"SG07", name, "H", 10, 11, 12}),
		book("may.xlsx", []any{"Ref", "Indicator", "Polarity", "Apr-25", "May-25"}, []any{"SG17", name, "H", 13, 14}),
	} {
		res, err := b.ReadFile(context.Background(), path, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Import(store.Source{Name: filepath.Base(path), Kind: "workbook", SHA256: res.SHA256}, res.Dataset); err != nil {
			t.Fatal(err)
		}
	}
	h, err := st.LoadIndicator("SG07")
	if err != nil {
		t.Fatal(err)
	}
	ind, _ := h.Indicator("SG07")
	s, note, err := h.RetireEdit(ind, app.MonthOf(2025, 4))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Import(store.Source{Name: "edit", Kind: "edit", Note: note}, &app.Dataset{ChartSettings: []app.ChartSetting{s}}); err != nil {
		t.Fatal(err)
	}
	res, err := b.ReadFile(context.Background(), book("jun.xlsx", []any{"Indicator", "Polarity", "Jun-25"}, []any{name, "H", 15}), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, o := range res.Dataset.Observations {
		refs = append(refs, o.Ref)
	}
	if len(refs) != 1 || refs[0] != "SG17" {
		t.Errorf("June's figure filed under %v, want SG17, the indicator in circulation", refs)
	}
	said := false
	for _, w := range res.Warnings {
		said = said || strings.Contains(w.String(), "filed under SG17")
	}
	if !said {
		t.Errorf("the review does not say the name was filed under SG17: %v", res.Warnings)
	}
}
