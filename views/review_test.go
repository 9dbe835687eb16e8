package views

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scorecard/app"
	"scorecard/app/benchmark"
	"scorecard/app/store"
)

// nextMonthCSV is a figures file for the demo store: a revised CIC09 for
// the demo's last month and a new one for the month after, with a unit
// that differs from the store's, an indicator the store does not hold
// and a column the importer does not read.
const nextMonthCSV = "Ref,Indicator,Unit,Period,Area,Value,Notes\n" +
	"CIC09,Average days between entering care and moving in with an adoptive family,%,2026-10,Kent,999,checked\n" +
	"CIC09,Average days between entering care and moving in with an adoptive family,%,2026-11,Kent,412,\n" +
	"XYZ99,,,2026-11,Kent,5,\n"

// TestImportReviewShowsEverythingFirst imports a figures file into the
// demo store through the window and checks that the review lists, before
// anything is stored, the revised figure old -> new, the new figures, the
// definition change, the unknown indicator and the column not read; that
// the stored definition stands when accepted as it is; and that Cancel
// leaves the store's file byte for byte as it was.
func TestImportReviewShowsEverythingFirst(t *testing.T) {
	st, w := windowOnDemo(t)
	csv := filepath.Join(t.TempDir(), "next month.csv")
	if err := os.WriteFile(csv, []byte(nextMonthCSV), 0o600); err != nil {
		t.Fatal(err)
	}

	for _, answer := range []string{"Cancel", "Accept"} {
		t.Run(answer, func(t *testing.T) {
			before, err := os.ReadFile(st.Path())
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			reviews := 0
			w.reviewShown = func(r *layoutReview) {
				reviews++
				if imps, _ := st.Imports(); len(imps) != 1 {
					t.Errorf("%d imports while the review shows: something was stored before it was accepted", len(imps))
				}
				lines = append(lines, r.counts.Text)
				for _, l := range r.preview.lines {
					lines = append(lines, l.text)
				}
				if shown := strings.Join(labelTexts(w.win.Canvas().Overlays().Top()), "\n"); !strings.Contains(shown, "What will change") {
					t.Errorf("the review has no What will change tab:\n%s", shown)
				}
				test.Tap(findButton(w.win.Canvas().Overlays().Top(), answer))
			}
			w.importFiles([]string{csv})
			w.busy.Wait()
			if reviews != 1 {
				t.Fatalf("%d reviews, want 1", reviews)
			}
			text := strings.Join(lines, "\n")
			for _, want := range []string{
				"2 indicators, 2 new figures, 1 revised figure, 0 unchanged, 1 definition change, 1 new indicator, 1 column not read",
				"revised     Kent  Oct-26  ",
				" -> 999",
				"new         Kent  Nov-26  412",
				`definition  unit: the file says "%" (at C2), the store holds "days"`,
				"XYZ99  XYZ99  (new: the store does not hold this indicator",
				"Columns not read",
				`column G "Notes" not read: its heading is not one the importer knows`,
			} {
				if !strings.Contains(text, want) {
					t.Errorf("the review does not show %q; it shows:\n%s", want, text)
				}
			}
			// What needs checking comes first under each indicator.
			if r, n := strings.Index(text, "revised     Kent  Oct-26"), strings.Index(text, "new         Kent  Nov-26"); r > n {
				t.Errorf("CIC09's new figure is listed before its revised one:\n%s", text)
			}
			after, err := os.ReadFile(st.Path())
			if err != nil {
				t.Fatal(err)
			}
			ind, _ := w.v.stored.Indicator("CIC09")
			switch answer {
			case "Cancel":
				if !bytes.Equal(before, after) {
					t.Error("a cancelled review changed the store's file")
				}
			case "Accept":
				if imps, _ := st.Imports(); len(imps) != 2 {
					t.Fatalf("%d imports after accepting, want 2", len(imps))
				}
				if ind.Unit != app.Days {
					t.Errorf("CIC09's unit is %q after accepting without ticking Change definitions, want days", ind.Unit)
				}
				if _, ok := w.v.stored.Indicator("XYZ99"); !ok {
					t.Error("XYZ99 was not added, though Add new indicators was ticked")
				}
				if o, ok := w.v.stored.Observation(app.SeriesKey{Ref: "CIC09", Area: app.Kent}, app.MonthOf(2026, 11)); !ok || o.Value == nil || *o.Value != 412 {
					t.Errorf("CIC09 Nov-26 = %+v, want 412", o)
				}
			}
		})
	}

	// The same file again is recognised before any review.
	reviews := 0
	w.reviewShown = func(*layoutReview) { reviews++ }
	w.importFiles([]string{csv})
	w.busy.Wait()
	if reviews != 0 || !strings.Contains(w.status.Text, "already imported") {
		t.Errorf("re-importing the file: %d reviews, status %q; want none and already imported", reviews, w.status.Text)
	}
}

// TestReviewDecidesDefinitions ticks Change definitions and untick Add
// new indicators, and checks the import does as decided.
func TestReviewDecidesDefinitions(t *testing.T) {
	st, w := windowOnDemo(t)
	csv := filepath.Join(t.TempDir(), "next.csv")
	if err := os.WriteFile(csv, []byte(nextMonthCSV), 0o600); err != nil {
		t.Fatal(err)
	}
	w.reviewShown = func(r *layoutReview) {
		for _, c := range []*widget.Check{r.acceptDefs, r.addNew} {
			if !c.Visible() {
				t.Errorf("the check %q is hidden though there is something to decide", c.Text)
			}
		}
		r.acceptDefs.SetChecked(true)
		r.addNew.SetChecked(false)
		test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Accept"))
	}
	w.importFiles([]string{csv})
	w.busy.Wait()
	if ind, _ := w.v.stored.Indicator("CIC09"); ind.Unit != app.Percent {
		t.Errorf("CIC09's unit is %q after accepting the change, want %%", ind.Unit)
	}
	if _, ok := w.v.stored.Indicator("XYZ99"); ok {
		t.Error("XYZ99 was added, though Add new indicators was unticked")
	}
	imps, _ := st.Imports()
	var report []string
	for _, w := range imps[len(imps)-1].Warnings {
		report = append(report, w.String())
	}
	text := strings.Join(report, "\n")
	for _, want := range []string{`CIC09: unit "%" here, but the stored definition says "days"; changed, as accepted`, "XYZ99: not an indicator the store holds; left out"} {
		if !strings.Contains(text, want) {
			t.Errorf("the import's report lacks %q:\n%s", want, text)
		}
	}
}

// TestImportNeighbourModelKeptWithoutReview imports the DfE's neighbour
// workbook: it gives no figures to review, is kept for the store, and
// the status line names the authority's neighbours under it.
func TestImportNeighbourModelKeptWithoutReview(t *testing.T) {
	st := openStore(t)
	w := windowOn(t, st)
	reviews := 0
	w.reviewShown = func(r *layoutReview) { reviews++; r.done(false) }
	w.importFiles([]string{filepath.Join("..", "importer", "testdata", "sn_may_2025.xlsx")})
	w.busy.Wait()
	if reviews != 0 {
		t.Errorf("%d reviews of a model, want none", reviews)
	}
	var m struct {
		Year string `json:"year"`
	}
	if ok, err := st.Get(store.SettingsBucket, store.NeighbourModelKey, &m); err != nil || !ok || m.Year != "2025" {
		t.Errorf("stored model %+v (found %v, %v), want the 2025 model", m, ok, err)
	}
	if !strings.Contains(w.status.Text, "sn_may_2025.xlsx: statistical-neighbour model 2025 kept for this store; Kent's neighbours under it: Essex, East Sussex") {
		t.Errorf("status %q", w.status.Text)
	}
}

// TestReadFileUsesKeptNeighbourModel reads a DfE file through the window
// after a neighbour model was kept: its neighbour averages are the kept
// model's, not the built-in one's.
func TestReadFileUsesKeptNeighbourModel(t *testing.T) {
	st := openStore(t)
	kept := benchmark.Model{Year: "2031", Source: "sn_test.xlsx", Groups: map[string][]benchmark.Neighbour{"886": {{Code: "881"}}}}
	if err := st.Put(store.SettingsBucket, store.NeighbourModelKey, kept); err != nil {
		t.Fatal(err)
	}
	res, err := storeBackend{st}.ReadFile(context.Background(), filepath.Join("..", "importer", "dfe", "testdata", "cla_number_and_rate_per_10k_children.csv"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, b := range res.Dataset.Benchmarks {
		if b.Group != benchmark.NeighbourMean {
			continue
		}
		n++
		if !strings.Contains(b.Model, "2031") {
			t.Errorf("%s %s neighbour mean under model %q, want the kept 2031 model", b.Ref, b.Period.Label(), b.Model)
		}
	}
	if n == 0 {
		t.Fatal("no neighbour means read")
	}
}

// cic90Writer returns a writer of figures files defining CIC90, a new
// indicator, in the unit given, as an officer's and a colleague's files
// that disagree.
func cic90Writer(t *testing.T) func(name, unit string) string {
	dir := t.TempDir()
	return func(name, unit string) string {
		path := filepath.Join(dir, name)
		body := "Ref,Indicator,Unit,Period,Area,Value\nCIC90,Children in care reviewed on time," + unit + ",2026-10,Kent,88\n"
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
}

// TestStaleReviewRefused: a file's definitions reviewed in the window
// against the store as it was; a colleague's import then changes them
// before the officer stores it: nothing is stored, and the store says
// why, rather than letting the file redefine an indicator unwarned.
func TestStaleReviewRefused(t *testing.T) {
	st := openStore(t)
	write := cic90Writer(t)
	b := storeBackend{st}
	mine := write("mine.csv", "%")
	res, err := b.ReadFile(context.Background(), mine, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	p := newImportPreview(h, res)
	// The colleague's file defines CIC90 first, as a number.
	theirs, err := b.ReadFile(context.Background(), write("theirs.csv", "number"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.StoreRead("theirs.csv", theirs, ""); err != nil {
		t.Fatal(err)
	}
	before, _ := st.Imports()
	if _, err := b.StoreRead(mine, res, p.basis); !errors.Is(err, store.ErrStale) {
		t.Fatalf("storing a review made before a colleague's import: err = %v, want ErrStale", err)
	}
	if after, _ := st.Imports(); len(after) != len(before) {
		t.Errorf("a stale review stored %d imports", len(after)-len(before))
	}
}

// TestWindowReviewsAgainAfterColleague: while the officer reviews a file,
// a colleague's import defines its indicator; storing the review is
// refused, and the window reads and reviews the file again against the
// definitions as they now are, then stores it.
func TestWindowReviewsAgainAfterColleague(t *testing.T) {
	st := openStore(t)
	w := windowOn(t, st)
	write := cic90Writer(t)
	theirs := write("theirs.csv", "number")
	reviews := 0
	w.reviewShown = func(r *layoutReview) {
		reviews++
		if reviews == 1 {
			b := storeBackend{st}
			res, err := b.ReadFile(context.Background(), theirs, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := b.StoreRead(theirs, res, ""); err != nil {
				t.Fatal(err)
			}
		}
		r.done(true)
	}
	w.importFiles([]string{write("mine.csv", "%")})
	w.busy.Wait()
	if reviews != 2 {
		t.Errorf("%d reviews, want 2: the file reviewed again after the colleague's import", reviews)
	}
	recs, err := st.Imports()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(recs); n == 0 || recs[n-1].Source != "mine.csv" {
		t.Fatalf("imports %v, want mine.csv stored last", recs)
	}
	// Reviewed against the colleague's definition, the officer's file
	// states a different unit: a warning, and the store's stands.
	if !strings.Contains(fmt.Sprint(recs[len(recs)-1].Warnings), "CIC90") {
		t.Errorf("the second review's warnings %v do not mention CIC90's definition", recs[len(recs)-1].Warnings)
	}
}

// TestTwoFilesReviewedOnce: two files dropped together, each defining an
// indicator, are each reviewed once: the second against the store with
// the first in it, not refused as stale by the window's own import.
func TestTwoFilesReviewedOnce(t *testing.T) {
	st := openStore(t)
	w := windowOn(t, st)
	dir := t.TempDir()
	var paths []string
	for i, ref := range []string{"CIC91", "CIC92"} {
		path := filepath.Join(dir, ref+".csv")
		body := "Ref,Indicator,Unit,Period,Area,Value\n" + ref + ",Indicator " + ref + ",%,2026-10,Kent," + strconv.Itoa(40+i) + "\n"
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	reviews := 0
	w.reviewShown = func(r *layoutReview) { reviews++; r.done(true) }
	w.importFiles(paths)
	w.busy.Wait()
	if reviews != 2 {
		t.Errorf("%d reviews of two files, want 2", reviews)
	}
	if recs, _ := st.Imports(); len(recs) < 2 || recs[len(recs)-1].Source != "CIC92.csv" {
		t.Errorf("imports %v, want both files stored", recs)
	}
}

// renameCSV is a month's figures for the demo store whose Indicator
// column renames CIC05 and whose Polarity column turns CIC06 round, with
// a column the importer does not read and an indicator the store does
// not hold.
const renameCSV = "Ref,Indicator,Polarity,Unit,Period,Area,Value,Notes\n" +
	"CIC05,3+ moves,L,%,2026-11,Kent,12.1,checked\n" +
	"CIC06,Children in care 2.5 years or more in the same placement for 2 years (%),L,%,2026-11,Kent,68.0,\n" +
	"NEW01,Foster carers approved,H,count,2026-11,Kent,12,\n"

// TestReviewListsRenamesAndCountsTheReport: the review lists a renaming
// beside the polarity change, and the number of warnings it gives is the
// number the import then records; accepted as it stands, the stored
// name stands; with Change definitions ticked, the file's is taken.
func TestReviewListsRenamesAndCountsTheReport(t *testing.T) {
	for _, accept := range []bool{false, true} {
		t.Run(fmt.Sprint("accept definitions ", accept), func(t *testing.T) {
			st, w := windowOnDemo(t)
			path := filepath.Join(t.TempDir(), "rn.csv")
			if err := os.WriteFile(path, []byte(renameCSV), 0o600); err != nil {
				t.Fatal(err)
			}
			said := -1
			var lines []string
			w.reviewShown = func(r *layoutReview) {
				if accept {
					r.acceptDefs.SetChecked(true)
				}
				top := w.win.Canvas().Overlays().Top()
				shown := strings.Join(labelTexts(top), "\n")
				for _, l := range r.preview.lines {
					lines = append(lines, l.text)
				}
				m := regexp.MustCompile(`(\d+) warnings? in the import's report`).FindStringSubmatch(shown)
				if m == nil {
					t.Errorf("the review does not say how many warnings the import will record:\n%s", shown)
				} else {
					said, _ = strconv.Atoi(m[1])
				}
				test.Tap(findButton(top, "Accept"))
			}
			w.importFiles([]string{path})
			w.busy.Wait()
			text := strings.Join(lines, "\n")
			for _, want := range []string{
				`definition  name: the file says "3+ moves" (at B2), the store holds "Children in care with 3 or more`,
				`definition  polarity: the file says "L" (at C3), the store holds "H"`,
			} {
				if !strings.Contains(text, want) {
					t.Errorf("the review does not list %q:\n%s", want, text)
				}
			}
			imps, _ := st.Imports()
			if len(imps) != 2 {
				t.Fatalf("%d imports, want 2", len(imps))
			}
			if got := len(imps[1].Warnings); got != said {
				t.Errorf("the review said %d warnings, the import recorded %d:\n%v", said, got, imps[1].Warnings)
			}
			name := "Children in care with 3 or more placements in the last 12 months (%)"
			if accept {
				name = "3+ moves"
			}
			if ind, _ := w.v.stored.Indicator("CIC05"); ind.Name != name {
				t.Errorf("CIC05 is named %q, want %q", ind.Name, name)
			}
		})
	}
}

// TestReviewAcceptsOnlyWhatStoresSomething: a file whose figure is
// skipped and whose only other content is a renaming stores nothing
// unless the renaming is taken: Accept waits for Change definitions,
// saying why. A file with nothing at all is refused in the review.
func TestReviewAcceptsOnlyWhatStoresSomething(t *testing.T) {
	st, w := windowOnDemo(t)
	path := filepath.Join(t.TempDir(), "rn2.csv")
	if err := os.WriteFile(path, []byte("Ref,Indicator,Polarity,Unit,Period,Area,Value\nCIC06,y,H,%,Mar-25,Kent,\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	w.reviewShown = func(r *layoutReview) {
		top := w.win.Canvas().Overlays().Top()
		b := findButton(top, "Accept")
		if b == nil || !b.Disabled() {
			t.Errorf("Accept is %v for a file that, as ticked, stores nothing; want it disabled", b)
		}
		if shown := strings.Join(labelTexts(top), "\n"); !strings.Contains(shown, "As ticked, nothing would be stored") {
			t.Errorf("the review does not say why Accept is disabled:\n%s", shown)
		}
		r.acceptDefs.SetChecked(true)
		if b != nil && b.Disabled() {
			t.Error("Accept stays disabled with Change definitions ticked")
		}
		r.acceptDefs.SetChecked(false)
		test.Tap(findButton(top, "Cancel"))
	}
	w.importFiles([]string{path})
	w.busy.Wait()
	if imps, _ := st.Imports(); len(imps) != 1 {
		t.Errorf("%d imports, want the demo's alone", len(imps))
	}
	if ind, _ := w.v.stored.Indicator("CIC06"); ind.Name == "y" {
		t.Error("CIC06 was renamed")
	}
}

// TestReviewFitsTheWindow opens the review of a file with a long name
// and a long summary in a 1024 by 700 window: no line of it is wider
// than the dialog (the summary wraps), and the window's own content,
// the status bar's progress included, still fits the window.
func TestReviewFitsTheWindow(t *testing.T) {
	_, w := windowOnDemo(t)
	w.win.Resize(fyne.NewSize(1024, 700))
	path := filepath.Join(t.TempDir(), "Children's services scorecard, figures for the Corporate Parenting Panel, November.csv")
	if err := os.WriteFile(path, []byte(nextMonthCSV), 0o600); err != nil {
		t.Fatal(err)
	}
	reviews := 0
	w.reviewShown = func(r *layoutReview) {
		reviews++
		// The progress bar shows once the import has run half a second.
		time.Sleep(progressDelay + 300*time.Millisecond)
		top := w.win.Canvas().Overlays().Top()
		width := reviewSize(fyne.NewSize(1024, 700)).Width
		for _, l := range labelsUnder(top) {
			if l.Wrapping == fyne.TextWrapOff && l.MinSize().Width > width {
				t.Errorf("a line of the review is %.0f wide, wider than the dialog (%.0f): %q", l.MinSize().Width, width, l.Text)
			}
		}
		if got := w.win.Content().MinSize().Width; got > 1024 {
			t.Errorf("with the review showing the window needs %.0f wide, more than its 1024 (status bar: %q)", got, w.progress.label.Text)
		}
		test.Tap(findButton(top, "Cancel"))
	}
	w.importFiles([]string{path})
	w.busy.Wait()
	if reviews != 1 {
		t.Fatalf("%d reviews, want 1", reviews)
	}
}

// labelsUnder returns the visible labels under o.
func labelsUnder(o fyne.CanvasObject) []*widget.Label {
	var out []*widget.Label
	walkVisible(o, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l)
			return false
		}
		return true
	})
	return out
}

// TestUserGuideNamesTheReviewsButtons: the user guide tells the officer
// to press the button the review has.
func TestUserGuideNamesTheReviewsButtons(t *testing.T) {
	st := openStore(t)
	w := windowOn(t, st)
	var buttons []string
	w.reviewShown = func(r *layoutReview) {
		for _, b := range []*widget.Button{r.accept, r.cancel} {
			buttons = append(buttons, b.Text)
		}
		r.dialog.Hide()
		r.done(false)
	}
	w.importFiles([]string{"testdata/demo.xlsx"})
	w.busy.Wait()
	if len(buttons) == 0 {
		t.Fatal("no review")
	}
	for _, b := range buttons {
		if !strings.Contains(userGuide, "press "+b) && !strings.Contains(userGuide, ", or "+b) {
			t.Errorf("the user guide does not tell the officer to press %q:\n%.400s", b, userGuide)
		}
	}
}

// TestReviewSize: the review takes most of the window, and never more
// than all of it.
func TestReviewSize(t *testing.T) {
	for _, tt := range []struct{ win, want fyne.Size }{
		{fyne.NewSize(1920, 1080), fyne.NewSize(1840, 1000)},
		{fyne.NewSize(1024, 700), fyne.NewSize(944, 620)},
		{fyne.NewSize(900, 640), fyne.NewSize(860, 600)},
		{fyne.NewSize(800, 560), fyne.NewSize(800, 560)},
	} {
		if got := reviewSize(tt.win); got != tt.want {
			t.Errorf("reviewSize(%v) = %v, want %v", tt.win, got, tt.want)
		}
	}
}

// TestRefusedReviewListsEveryWarning (QA26a L1): the review of a file
// that would store nothing, every row of it skipped, says it will not be
// imported and lists every warning, not only the first its refusal
// names, as the command line now prints each; closed, nothing is stored.
func TestRefusedReviewListsEveryWarning(t *testing.T) {
	st, w := windowOnDemo(t)
	path := filepath.Join(t.TempDir(), "skipped.csv")
	if err := os.WriteFile(path, []byte("Ref,Period,Area,Value\nCIC01,2026-09,Kent,1e400\nCIC02,2026-09,Kent,-1e999\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	reviews := 0
	w.reviewShown = func(r *layoutReview) {
		reviews++
		if !r.refused {
			t.Error("the review does not refuse a file whose every row is skipped")
		}
		var text []string
		for _, l := range r.preview.lines {
			text = append(text, strings.TrimSpace(l.text))
		}
		shown := strings.Join(text, " ")
		for _, want := range []string{
			`skipped.csv: line 2: CIC01: row skipped: "1e400" is not a number`,
			`skipped.csv: line 3: CIC02: row skipped: "-1e999" is not a number`,
		} {
			if !strings.Contains(shown, want) {
				t.Errorf("the review does not list %q:\n%s", want, strings.Join(text, "\n"))
			}
		}
		test.Tap(findButton(w.win.Canvas().Overlays().Top(), "Close"))
	}
	w.importFiles([]string{path})
	w.busy.Wait()
	if reviews != 1 {
		t.Fatalf("%d reviews, want 1", reviews)
	}
	if imps, _ := st.Imports(); len(imps) != 1 {
		t.Errorf("%d imports, want the demo's alone", len(imps))
	}
}
