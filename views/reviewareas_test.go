package views

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"scorecard/app"
	"scorecard/importer"
)

// TestReviewMapsUnknownAreas imports a file naming an area Kent does not
// have: the review lists it at its line with a choice; choosing Dartford
// reads the file again with it, stores the figures under Dartford, and
// the next file of the family is read by the saved choice.
func TestReviewMapsUnknownAreas(t *testing.T) {
	st := openStore(t)
	w := windowOn(t, st)
	dir := t.TempDir()
	file := func(name, period string, v int) string {
		path := filepath.Join(dir, name)
		body := "Ref,Indicator,Period,Area,Value\n" +
			"CIC01,Children in care," + period + ",Kent,1896\n" +
			"CIC01,Children in care," + period + ",North Kent Locality," + strconv.Itoa(v) + "\n"
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	var shown []string
	reviews, first := 0, true
	w.reviewShown = func(r *layoutReview) {
		reviews++
		top := w.win.Canvas().Overlays().Top()
		shown = append(shown, strings.Join(labelTexts(top), "\n"))
		sel := r.areaPicks["North Kent Locality"]
		if sel == nil {
			t.Errorf("review %d has no choice for North Kent Locality", reviews)
			r.done(false)
			return
		}
		if first && reviews == 1 {
			if sel.Selected != "" {
				t.Errorf("an unmapped area shows %q chosen", sel.Selected)
			}
			if !slices.Contains(sel.Options, "Dartford") || !slices.Contains(sel.Options, string(app.OutOfCounty)) || !slices.Contains(sel.Options, keepOwnArea) {
				t.Errorf("choices %q lack a district, a pseudo-area or keeping the name", sel.Options)
			}
			sel.SetSelected("Dartford")
		} else if sel.Selected != "Dartford" {
			t.Errorf("review %d shows %q chosen, want Dartford", reviews, sel.Selected)
		}
		test.Tap(findButton(top, "Accept"))
	}
	w.importFiles([]string{file("Localities Mar-25.csv", "2025-03", 310)})
	w.busy.Wait()
	if reviews != 2 {
		t.Fatalf("%d reviews, want 2: the choice, then the file read again with it", reviews)
	}
	if !strings.Contains(shown[0], `"North Kent Locality" at line 3`) || !strings.Contains(shown[0], "1 area name is not Kent's") {
		t.Errorf("the first review does not show the unknown area at its line:\n%s", shown[0])
	}
	if o, ok := w.v.stored.Observation(app.SeriesKey{Ref: "CIC01", Area: "Dartford"}, app.MonthOf(2025, 3)); !ok || o.Value == nil || *o.Value != 310 {
		t.Errorf("CIC01 Dartford Mar-25 = %+v, want 310", o)
	}
	if _, ok := w.v.stored.Observation(app.SeriesKey{Ref: "CIC01", Area: "North Kent Locality"}, app.MonthOf(2025, 3)); ok {
		t.Error("the figure is also kept under the name as written")
	}
	// The family's next file: read by the saved choice, reviewed once.
	reviews, first = 0, false
	w.importFiles([]string{file("Localities Apr-25.csv", "2025-04", 315)})
	w.busy.Wait()
	if reviews != 1 {
		t.Errorf("%d reviews of the next file, want 1", reviews)
	}
	if o, ok := w.v.stored.Observation(app.SeriesKey{Ref: "CIC01", Area: "Dartford"}, app.MonthOf(2025, 4)); !ok || o.Value == nil || *o.Value != 315 {
		t.Errorf("CIC01 Dartford Apr-25 = %+v, want 315 by the saved choice", o)
	}
}

// TestReviewSaysWhichAreasANameJoins lists a sheet named for several
// areas as one ("Kent & Medway") with the areas it joins, so that the
// officer choosing Kent for it knows it may hold Medway's children too.
func TestReviewSaysWhichAreasANameJoins(t *testing.T) {
	w := windowOn(t, openStore(t))
	r := &layoutReview{w: w, res: &importer.Result{UnknownAreas: []importer.UnknownArea{
		{Name: "Kent & Medway", Location: app.Location{File: "cic.xlsx", Sheet: "Kent & Medway"}, Together: "Kent and Medway"},
		{Name: "Woking", Location: app.Location{File: "cic.xlsx", Sheet: "Data", Cell: "D3"}, Owner: "Surrey"},
	}}}
	got := strings.Join(labelTexts(r.areaForm()), "\n")
	for _, want := range []string{`"Kent & Medway" at sheet Kent & Medway (Kent and Medway together)`, `"Woking" at Data!D3 (an area of Surrey)`} {
		if !strings.Contains(got, want) {
			t.Errorf("the review does not say %q:\n%s", want, got)
		}
	}
}
