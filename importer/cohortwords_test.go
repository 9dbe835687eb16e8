package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestSplitOf reads cohort wordings as producers write them. Each
// negation is tried before and after the cohort's name, with the
// punctuation and case scorecards use; a wording that does not settle
// which children are counted must come back doubtful, never guessed.
func TestSplitOf(t *testing.T) {
	exUASC := app.Excluding(app.UASC)
	exBoth := app.Excluding(app.OLA, app.UASC)
	const doubtful = "doubt"
	tests := []struct {
		in    string
		split app.Split
		ok    bool
		doubt string // doubtful when the label must be warned of
	}{
		// Negation before the cohort's name.
		{in: "Excluding UASC", split: exUASC, ok: true},
		{in: "    Excluding UASC", split: exUASC, ok: true},
		{in: "EXCLUDING UASC", split: exUASC, ok: true},
		{in: "excl. UASC", split: exUASC, ok: true},
		{in: "Excl UASC", split: exUASC, ok: true},
		{in: "Exc. UASC", split: exUASC, ok: true},
		{in: "exc UASC", split: exUASC, ok: true},
		{in: "All CLA ex UASC", split: exUASC, ok: true},
		{in: "Ex. UASC", split: exUASC, ok: true},
		{in: "Children in care without UASC", split: exUASC, ok: true},
		{in: "Children in care w/o UASC", split: exUASC, ok: true},
		{in: "Not UASC", split: exUASC, ok: true},
		{in: "Children who are not UASC", split: exUASC, ok: true},
		{in: "Non UASC", split: exUASC, ok: true},
		{in: "Non-UASC", split: exUASC, ok: true},
		{in: "non–UASC", split: exUASC, ok: true},
		{in: "minus UASC", split: exUASC, ok: true},
		{in: "Total less UASC", split: exUASC, ok: true},
		{in: "All children other than UASC", split: exUASC, ok: true},
		{in: "All children except UASC", split: exUASC, ok: true},
		{in: "Not including UASC", split: exUASC, ok: true},
		{in: "All excl. UASC", split: exUASC, ok: true},
		{in: "Children excluding unaccompanied asylum-seeking children", split: exUASC, ok: true},
		{in: "Excluding unaccompanied asylum seeking children", split: exUASC, ok: true},
		{in: "Number of children in care (excluding UASC)", split: exUASC, ok: true},
		{in: "Number of children in care [excl. UASC]", split: exUASC, ok: true},
		{in: "Number of children in care - excluding UASC", split: exUASC, ok: true},
		{in: "Children in care, excluding all those who are UASC", split: exUASC, ok: true},
		{in: "Excluding UASC only", split: exUASC, ok: true},
		{in: "Excluding OLA", split: app.Excluding(app.OLA), ok: true},
		{in: "Excluding children placed by other local authorities", split: app.Excluding(app.OLA), ok: true},
		{in: "Children without a disability", split: app.Excluding(app.Disability), ok: true},
		{in: "Care leavers excluding former UASC", split: app.Excluding(app.FormerUASC), ok: true},
		// Negation after the cohort's name.
		{in: "UASC excluded", split: exUASC, ok: true},
		{in: "Number of children in care (UASC excluded)", split: exUASC, ok: true},
		{in: "All children (UASC removed)", split: exUASC, ok: true},
		{in: "UASC not included", split: exUASC, ok: true},
		{in: "UASC not counted", split: exUASC, ok: true},
		{in: "UASC children removed", split: exUASC, ok: true},
		{in: "Children in care (UASC have been excluded)", split: exUASC, ok: true},
		{in: "UASC not included in the figures", split: exUASC, ok: true},
		{in: "All CiC (UASC excl.)", split: exUASC, ok: true},
		{in: "Children in care (UASC omitted), Kent", split: exUASC, ok: true},
		{in: "Excluding UASC*", split: exUASC, ok: true},
		{in: "Excluding UASCs", split: exUASC, ok: true},
		{in: "CiC (exc. UASC's)", split: exUASC, ok: true},
		{in: "Children Looked After (excluding Unaccompanied Asylum Seeking Children)", split: exUASC, ok: true},
		{in: "Children in care (excluding those placed by other LAs)", split: app.Excluding(app.OLA), ok: true},
		{in: "Excluding other local authority's children", split: app.Excluding(app.OLA), ok: true},
		{in: "Excluding OLA’s and UASC’s", split: exBoth, ok: true},
		{in: "Excluding: UASC", split: exUASC, ok: true},
		{in: "UASC: excluded", split: exUASC, ok: true},
		{in: "UASC - excluded", split: exUASC, ok: true},
		{in: "Total (excluding UASC)", split: exUASC, ok: true},
		{in: "excluding UASC (n=12)", split: exUASC, ok: true},
		// Several cohorts left out at once.
		{in: "Excluding UASC and OLA", split: exBoth, ok: true},
		{in: "Excluding OLA and UASC", split: exBoth, ok: true},
		{in: "excl. OLA & UASC", split: exBoth, ok: true},
		{in: "Excl OLA + UASC", split: exBoth, ok: true},
		{in: "excluding UASC/OLA", split: exBoth, ok: true},
		{in: "Excluding UASC, OLA", split: exBoth, ok: true},
		{in: "Excluding UASC and/or OLA", split: exBoth, ok: true},
		{in: "Excluding both UASC and OLA", split: exBoth, ok: true},
		{in: "(UASC and OLA excluded)", split: exBoth, ok: true},
		{in: "Number of children starting care (excluding OLA and UASC)", split: exBoth, ok: true},
		{in: "Non-UASC and non-OLA", split: exBoth, ok: true},
		{in: "Excluding UASC and excluding OLA", split: exBoth, ok: true},
		{in: "UASC and children placed by other local authorities removed", split: exBoth, ok: true},
		{in: "Excluding UASC, including OLA", split: exUASC, ok: true},
		// The cohort alone.
		{in: "UASC", split: app.Only(app.UASC), ok: true},
		{in: "uasc", split: app.Only(app.UASC), ok: true},
		{in: "UASC only", split: app.Only(app.UASC), ok: true},
		{in: "Only UASC", split: app.Only(app.UASC), ok: true},
		{in: "of which UASC", split: app.Only(app.UASC), ok: true},
		{in: "Of which: UASC", split: app.Only(app.UASC), ok: true},
		{in: "UASC children", split: app.Only(app.UASC), ok: true},
		{in: "Unaccompanied asylum-seeking children", split: app.Only(app.UASC), ok: true},
		{in: "Number of children in care (UASC only)", split: app.Only(app.UASC), ok: true},
		{in: "Number of children in care - UASC", split: app.Only(app.UASC), ok: true},
		{in: "Former UASC care leavers", split: app.Only(app.FormerUASC), ok: true},
		{in: "Children with a disability", split: app.Only(app.Disability), ok: true},
		{in: "OLA children", split: app.Only(app.OLA), ok: true},
		// All children, named so or with a cohort counted in.
		{in: "All CiC", split: app.All, ok: true},
		{in: "All children", split: app.All, ok: true},
		{in: "Total", split: app.All, ok: true},
		{in: "Number of children in care (including UASC)", split: app.All, ok: true},
		{in: "Children in care incl. UASC", split: app.All, ok: true},
		{in: "Rate of children in care per 10,000 (inc UASC)", split: app.All, ok: true},
		{in: "All children (UASC included)", split: app.All, ok: true},
		// No cohort named.
		{in: "Number of children in care", split: app.All},
		{in: "Children in Care", split: app.All},
		{in: "Pupils excluded from school (%)", split: app.All},
		{in: "Children not seen within timescale", split: app.All},
		{in: "", split: app.All},
		// Negations of other things leave the cohort alone.
		{in: "Care leavers not in EET (UASC)", split: app.Only(app.UASC), ok: true},
		{in: "Children without a placement plan - UASC", split: app.Only(app.UASC), ok: true},
		{in: "Non-attendance, UASC", split: app.Only(app.UASC), ok: true},
		{in: "Children waiting less than 20 days (UASC)", split: app.Only(app.UASC), ok: true},
		{in: "Pupils excluded from school - UASC", split: app.Only(app.UASC), ok: true},
		{in: "UASC excluded from school", split: app.Only(app.UASC), ok: true},
		// Wordings that do not settle which children are counted.
		{in: "Care leavers (ex-UASC)", ok: true, doubt: doubtful},
		{in: "Not excluding UASC", ok: true, doubt: doubtful},
		{in: "Not only UASC", ok: true, doubt: doubtful},
		{in: "Excluding UASC (UASC only)", ok: true, doubt: doubtful},
		{in: "UASC and OLA", ok: true, doubt: doubtful},
		{in: "UASC only, excluding OLA", ok: true, doubt: doubtful},
		{in: "Figures excluding respite, UASC", ok: true, doubt: doubtful},
		{in: "Excluding UASC (UASC included)", ok: true, doubt: doubtful},
		{in: "Including UASC, UASC removed", ok: true, doubt: doubtful},
		{in: "All - UASC", ok: true, doubt: doubtful},
		{in: "All children – UASC", ok: true, doubt: doubtful},
		// Only some of a cohort's children (QA17 D2): filed as the
		// cohort's split, the figure would pass for all children less
		// every UASC.
		{in: "Number of children in care (excl. UASC over 16)", ok: true, doubt: doubtful},
		{in: "Number of children in care excluding UASC aged 16-17", ok: true, doubt: doubtful},
		{in: "Number of children in care excluding new UASC arrivals this year", ok: true, doubt: doubtful},
		{in: "Number of children in care excluding UASC transferred under the NTS", ok: true, doubt: doubtful},
		{in: "Excluding NTS UASC", ok: true, doubt: doubtful},
		{in: "Excluding UASC placed via the NTS", ok: true, doubt: doubtful},
		{in: "excl. 16+ UASC", ok: true, doubt: doubtful},
		{in: "Excluding 16-17 year old UASC", ok: true, doubt: doubtful},
		{in: "Excluding UASC 16+", ok: true, doubt: doubtful},
		{in: "Excluding UASC (16 and 17)", ok: true, doubt: doubtful},
		{in: "Excluding UASC who arrived since April 2024", ok: true, doubt: doubtful},
		{in: "Excluding spontaneous arrival UASC", ok: true, doubt: doubtful},
		{in: "Excluding UASC who arrived spontaneously", ok: true, doubt: doubtful},
		{in: "Excluding newly arrived UASC", ok: true, doubt: doubtful},
		{in: "Excl. UASC under 18 (NTS transfers)", ok: true, doubt: doubtful},
		{in: "(UASC over 16s excluded)", ok: true, doubt: doubtful},
		{in: "UASC aged 16-17 only", ok: true, doubt: doubtful},
		{in: "Non-UASC aged 16 and over", ok: true, doubt: doubtful},
		{in: "Excluding UASC, OLA over 16", ok: true, doubt: doubtful},
		// Ages and numbers that do not narrow the cohort.
		{in: "Children aged 16-17 excluding UASC", split: exUASC, ok: true},
		{in: "Rate per 10,000 children (excluding UASC)", split: exUASC, ok: true},
		{in: "Children in care excluding UASC 2024", split: exUASC, ok: true},
		{in: "Number of new entrants to care excluding UASC", split: exUASC, ok: true},
		{in: "Children in care excluding UASC over the year", split: exUASC, ok: true},
		{in: "Children in care aged 16-17: UASC", split: app.Only(app.UASC), ok: true},
		{in: "Children in care aged 16-17 - UASC", split: app.Only(app.UASC), ok: true},
		// A bracketed note after the cohort that does not narrow it (QA18a R2).
		{in: "Number of children in care excluding UASC (new definition)", split: exUASC, ok: true},
		{in: "Number of children in care excluding UASC (aged 0-17)", split: exUASC, ok: true},
		{in: "Children in care excluding UASC (provisional)", split: exUASC, ok: true},
		{in: "Children in care (excluding UASC) (new definition)", split: exUASC, ok: true},
		{in: "Children in care excluding UASC [national measure]", split: exUASC, ok: true},
		{in: "Children in care excluding UASC (aged 0 to 17)", split: exUASC, ok: true},
		// ... but words attached to the cohort, or a note that does narrow it, still do.
		{in: "Excluding UASC (new arrivals)", ok: true, doubt: doubtful},
		{in: "Excluding UASC (aged 16-17)", ok: true, doubt: doubtful},
		{in: "Excluding UASC since April 2024", ok: true, doubt: doubtful},
		{in: "Excluding UASC (since April 2024)", ok: true, doubt: doubtful},
		{in: "Excluding new UASC (provisional)", ok: true, doubt: doubtful},
		{in: "Excluding UASC aged 16-17 (new definition)", ok: true, doubt: doubtful},
		{in: "Excluding UASC new", ok: true, doubt: doubtful},
	}
	for _, tt := range tests {
		split, ok, doubt := splitOf(tt.in)
		gotDoubt := ""
		if doubt != "" {
			gotDoubt = doubtful
		}
		if gotDoubt != tt.doubt || ok != tt.ok || tt.doubt == "" && split != tt.split {
			t.Errorf("splitOf(%q) = %q %v doubt %q, want %q %v doubtful %v", tt.in, split, ok, doubt, tt.split, tt.ok, tt.doubt != "")
		}
	}
}

// twinWordingsBook is a scorecard whose twin and breakdown rows name
// their cohort as producers write it (QA10 g17): negations after the
// cohort's name, two cohorts left out at once, and wordings that do not
// settle which children are counted.
func twinWordingsBook(t *testing.T) string {
	b := newBook(t)
	s := "Scorecard"
	b.sheet(s)
	b.row(s, "A1", "Children's Services Scorecard - March 2025")
	b.row(s, "A3", "Ref", "Indicator", "Polarity", 45658.0, 45689.0, 45717.0)
	b.style(s, "D3", "F3", &excelize.Style{NumFmt: 17})
	b.row(s, "A4", "CT1", "Number of children in care", "L", 100, 101, 102)
	b.row(s, "A5", "CT1a", "Number of children in care (UASC excluded)", "L", 90, 91, 92)
	b.row(s, "A6", "CT2", "Number of children starting care", "L", 50, 51, 52)
	b.row(s, "A7", "CT2a", "Number of children starting care (excluding OLA and UASC)", "L", 40, 41, 42)
	b.row(s, "A8", "CT3", "Care leavers in education, employment or training", "L", 30, 31, 32)
	b.row(s, "A9", "CT3a", "Care leavers in education, employment or training (ex-UASC)", "L", 5, 6, 7)
	b.row(s, "A10", "CT4", "Children subject to a child protection plan", "L", 60, 61, 62)
	b.row(s, "A11", nil, "All children (UASC removed)", nil, 58, 59, 60)
	b.row(s, "A12", nil, "UASC and OLA", nil, 3, 3, 3)
	b.row(s, "A13", nil, "OLA and UASC") // a label without figures: nothing to warn of
	return b.save("twinwords.xlsx")
}

func TestTwinRowCohortWordings(t *testing.T) {
	res := mustRead(t, twinWordingsBook(t))
	d := res.Dataset
	tests := []struct {
		ref   string
		split app.Split
		value float64
	}{
		{"CT1", app.All, 102},
		{"CT1", app.Excluding(app.UASC), 92},
		{"CT2", app.All, 52},
		{"CT2", app.Excluding(app.OLA, app.UASC), 42},
		{"CT3", app.All, 32},
		{"CT3a", app.All, 7}, // its own indicator, warned of
		{"CT4", app.All, 62},
		{"CT4", app.Excluding(app.UASC), 60},
	}
	for _, tt := range tests {
		o, ok := findObs(d, tt.ref, app.Kent, tt.split, "2025-03")
		if !ok || !approx(o.Value, tt.value) {
			t.Errorf("%s %q 2025-03 = %+v (found %v), want %v", tt.ref, tt.split, o.Value, ok, tt.value)
		}
	}
	// No figure may pass as a cohort alone: every one here excludes a
	// cohort, or cannot be read.
	for _, o := range d.Observations {
		if _, alone := o.Split.Cohort(); alone {
			t.Errorf("%s %s %s read as %s: %v", o.Ref, o.Split, o.Period, o.Split.Label(), *o.Value)
		}
	}
	want := map[string]string{
		"B9":  "CT3a: read as an indicator of its own, not as a cohort of CT3",
		"B12": "CT4: row skipped: cannot tell which children \"UASC and OLA\" counts",
	}
	for _, w := range res.Warnings {
		if p, ok := want[w.Cell]; ok && w.File == "twinwords.xlsx" && w.Sheet == "Scorecard" && strings.HasPrefix(w.Message, p) {
			delete(want, w.Cell)
		}
	}
	for _, w := range res.Warnings {
		if w.Cell == "B13" {
			t.Errorf("warning at a label without figures: %v", w)
		}
	}
	for cell, p := range want {
		t.Errorf("no warning at Scorecard!%s beginning %q in %v", cell, p, res.Warnings)
	}
}

// TestTidyCohortWordings reads a tidy table's Cohort column in the
// wordings of QA10 g15 and g16: each figure excluding a cohort is filed
// as excluding it, both cohorts where two are named, and a wording that
// cannot be read is warned of by line and skipped, not guessed.
func TestTidyCohortWordings(t *testing.T) {
	labels := []struct {
		label string
		split app.Split // zero with doubt
		doubt bool
	}{
		{label: "Excluding OLA and UASC", split: app.Excluding(app.OLA, app.UASC)},
		{label: "Excluding UASC and OLA", split: app.Excluding(app.OLA, app.UASC)},
		{label: "excl. OLA & UASC", split: app.Excluding(app.OLA, app.UASC)},
		{label: "(UASC and OLA excluded)", split: app.Excluding(app.OLA, app.UASC)},
		{label: "UASC excluded", split: app.Excluding(app.UASC)},
		{label: "All excl. UASC", split: app.Excluding(app.UASC)},
		{label: "Not UASC", split: app.Excluding(app.UASC)},
		{label: "Children in care without UASC", split: app.Excluding(app.UASC)},
		{label: "Non UASC", split: app.Excluding(app.UASC)},
		{label: "Excl UASC", split: app.Excluding(app.UASC)},
		{label: "Exc. UASC", split: app.Excluding(app.UASC)},
		{label: "minus UASC", split: app.Excluding(app.UASC)},
		{label: "Total less UASC", split: app.Excluding(app.UASC)},
		{label: "All children (UASC removed)", split: app.Excluding(app.UASC)},
		{label: "UASC not included", split: app.Excluding(app.UASC)},
		{label: "Excluding unaccompanied asylum seeking children", split: app.Excluding(app.UASC)},
		{label: "other than UASC", split: app.Excluding(app.UASC)},
		{label: "excl:sen+uasc", split: app.Excluding("sen", app.UASC)},
		{label: "Of which UASC", split: app.Only(app.UASC)},
		{label: "UASC children", split: app.Only(app.UASC)},
		{label: "Not excluding UASC", doubt: true},
		{label: "ex-UASC", doubt: true},
		{label: "non-sen", doubt: true},
	}
	var sb strings.Builder
	sb.WriteString("Ref,Indicator,Unit,Polarity,Period,Area,Cohort,Value\n")
	line := 1
	lines := map[int]int{} // label's index by the line of its row
	for k, l := range labels {
		fmt.Fprintf(&sb, "L%02d,Children in care %d,count,L,2025-03,Kent,All,100\n", k, k)
		fmt.Fprintf(&sb, "L%02d,Children in care %d,count,L,2025-03,Kent,%q,90\n", k, k, l.label)
		line += 2
		lines[line] = k
	}
	path := filepath.Join(t.TempDir(), "labels.csv")
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	res := mustRead(t, path)
	for k, l := range labels {
		ref := fmt.Sprintf("L%02d", k)
		var got []app.Split
		for _, o := range res.Dataset.Observations {
			if o.Ref == ref && o.Split != app.All {
				got = append(got, o.Split)
			}
		}
		switch {
		case l.doubt && len(got) != 0:
			t.Errorf("%q read as %v, want it skipped with a warning", l.label, got)
		case !l.doubt && (len(got) != 1 || got[0] != l.split):
			t.Errorf("%q read as %v, want %q", l.label, got, l.split)
		}
	}
	warned := map[int]bool{}
	for _, w := range res.Warnings {
		var n int
		if _, err := fmt.Sscanf(w.Cell, "line %d", &n); err == nil && strings.Contains(w.Message, "cannot tell which children") {
			warned[lines[n]] = true
			if w.File != "labels.csv" || !labels[lines[n]].doubt {
				t.Errorf("warning %v", w)
			}
		}
	}
	for k, l := range labels {
		if l.doubt && !warned[k] {
			t.Errorf("%q: no warning naming its line in %v", l.label, res.Warnings)
		}
	}
}

// TestParseSplitReadsAppsLabels reads back every split as the app writes
// it for people (Split.Label, "Excluding OLA and UASC") and as its
// export's Data sheet does ("UASC", "FORMER-UASC"): a Scorecard export
// imported again must keep each figure's cohort, two cohorts left out
// included.
func TestParseSplitReadsAppsLabels(t *testing.T) {
	cs := []app.Cohort{app.UASC, app.OLA, app.Disability, app.FormerUASC}
	splits := []app.Split{app.All}
	for i, a := range cs {
		splits = append(splits, app.Only(a), app.Excluding(a))
		for _, b := range cs[i+1:] {
			splits = append(splits, app.Excluding(a, b))
		}
	}
	splits = append(splits, app.Excluding(cs...))
	for _, s := range splits {
		labels := []string{s.Label(), string(s)}
		if c, ok := s.Cohort(); ok {
			labels = append(labels, strings.ToUpper(string(c)))
		}
		for _, l := range labels {
			if l == "" {
				continue
			}
			got, ok, doubt := parseSplit(l)
			if got != s || !ok || doubt != "" {
				t.Errorf("parseSplit(%q) = %q %v %q, want %q", l, got, ok, doubt, s)
			}
		}
	}
}

// FuzzSplitOf reads any label without failing, and never both doubts a
// wording and files it under a cohort split.
func FuzzSplitOf(f *testing.F) {
	for _, s := range []string{"Excluding UASC and OLA", "(UASC excluded)", "ex-UASC", "w/o UASC", "non–UASC", "UASC’s", "excl.-", "-", "w/", "all"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		split, ok, doubt := splitOf(s)
		if doubt != "" && (split != app.All || !ok) {
			t.Errorf("splitOf(%q) = %q %v with doubt %q", s, split, ok, doubt)
		}
		if !ok && split != app.All {
			t.Errorf("splitOf(%q) = %q naming no cohort", s, split)
		}
	})
}

// TestNameLeavesCohortOut: an indicator named as excluding a cohort
// cannot count its children, and is read so (Indicator.Unaffected), with
// its name's cell as where that was said: an export excluding UASC had
// shown "cannot exclude" for "Rate per 10,000 (excluding UASC)", whose
// figures are the very ones it wants. A name that counts the cohort, or
// only it, or says nothing of it, leaves nothing out; a column saying
// what is not counted is the officer's word and stands.
func TestNameLeavesCohortOut(t *testing.T) {
	tests := []struct {
		name     string
		notCount string // the "Not counted" column, "" for none
		want     []app.Cohort
	}{
		{"Rate of children in care per 10,000 (excluding UASC)*", "", []app.Cohort{app.UASC}},
		{"Care leavers in EET (not UASC)", "", []app.Cohort{app.UASC}},
		{"Children in care rate (excl. UASC and OLA)", "", []app.Cohort{app.OLA, app.UASC}},
		{"Children in care (including UASC)", "", nil},
		{"Number of UASC in care", "", nil},
		{"Children in care", "", nil},
		{"Children in care excluding UASC", "ola", []app.Cohort{app.OLA}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "Scorecard")
			head, row := []any{"Ref", "Indicator", "Polarity", "Jul-25", "Aug-25"}, []any{"QE11", tt.name, "L", 44, 45}
			if tt.notCount != "" {
				head = append(head, "Not counted")
				row = append(row, tt.notCount)
			}
			f.SetSheetRow("Scorecard", "A1", &head)
			f.SetSheetRow("Scorecard", "A2", &row)
			res := readFile(t, f)
			if len(res.Dataset.Indicators) != 1 {
				t.Fatalf("indicators %v", res.Dataset.Indicators)
			}
			ind := res.Dataset.Indicators[0]
			if fmt.Sprint(ind.Unaffected) != fmt.Sprint(tt.want) {
				t.Errorf("unaffected %v, want %v", ind.Unaffected, tt.want)
			}
			at := res.Dataset.Stated["QE11"].Unaffected.Cell
			switch {
			case tt.notCount != "" && at != "F2", tt.notCount == "" && tt.want != nil && at != "B2":
				t.Errorf("stated at %q", at)
			}
		})
	}
}

// TestMayNameCohort holds the one-pass scan to its definition: a label
// may name a cohort exactly when it holds one of cohortStems in any case.
func TestMayNameCohort(t *testing.T) {
	for _, tc := range []struct {
		label string
		want  bool
	}{
		{"Children in care per 10,000", false},
		{"Excluding UASC", true},
		{"excluding uasc", true},
		{"Unaccompanied asylum-seeking children", true},
		{"OLA", true},
		{"Other LAs' children", true},
		{"Other local authorities", true},
		{"Other councils", false},
		{"Children with a disability", true},
		{"ALL CHILDREN", true},
		{"Total", true},
		{"Tota", false},
		{"Re-referrals within 12 months", false},
		{"uas", false},
		{"", false},
		{"u", false},
		{"Percentage of care leavers in EET", false},
		{"Smaller caseloads", true}, // "all" within a word: a cheap "maybe"
	} {
		if got := mayNameCohort(tc.label); got != tc.want {
			t.Errorf("mayNameCohort(%q) = %v, want %v", tc.label, got, tc.want)
		}
	}
	// Against the definition, on labels cut from the stems and filler at
	// every offset and case.
	definition := func(s string) bool {
		for _, w := range cohortStems {
			if containsFoldASCII(s, w) {
				return true
			}
		}
		return false
	}
	pieces := append([]string{"x", "Care ", "oth", "er ", "l", "UA", "sc", "Dis", "ab", "tot", "al", "o", "la"}, cohortStems...)
	for i, a := range pieces {
		for j, b := range pieces {
			for _, c := range pieces {
				s := a + b + c
				if (i+j)%2 == 0 {
					s = strings.ToUpper(s)
				}
				if got, want := mayNameCohort(s), definition(s); got != want {
					t.Errorf("mayNameCohort(%q) = %v, want %v", s, got, want)
				}
			}
		}
	}
}
