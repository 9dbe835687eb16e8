package childlevel

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

var snapshot = d("2025-03-31")

// worked is six children whose figures are worked out by hand below, on
// 31 March 2025 (the year is 1 April 2024 to 31 March 2025).
func worked() []genChild {
	ep := func(start, end, rne, place, reason string) genEpisode {
		e := genEpisode{start: d(start), rne: rne, ls: "C2", cin: "N1", place: place, reason: reason, provider: "P-" + place, postcode: "ZZ9 1AA"}
		if end != "" {
			e.end = d(end)
		}
		return e
	}
	return []genChild{{
		// A: UASC, in care, one placement.
		id: "A-9001", birth: d("2008-05-01"), sex: 1, ethnic: "OOTH", uasc: true, district: "Dover", placements: 1,
		episodes: []genEpisode{ep("2024-06-01", "", "S", "U1", "")},
	}, {
		// B: in care, three placements in the year; the legal-status-only
		// change (L) in October is no new placement.
		id: "B-9002", birth: d("2012-02-10"), sex: 2, ethnic: "WBRI", district: "Thanet", placements: 3,
		episodes: []genEpisode{
			ep("2020-01-01", "2024-05-01", "S", "U1", "X1"), ep("2024-05-01", "2024-09-01", "P", "U4", "X1"),
			ep("2024-09-01", "2024-10-01", "P", "K2", "X1"), ep("2024-10-01", "", "L", "K2", "")},
	}, {
		// C: adopted in October.
		id: "C-9003", birth: d("2021-07-07"), sex: 1, ethnic: "WBRI", district: "Swale", placements: 1,
		episodes: []genEpisode{ep("2022-03-01", "2023-06-01", "S", "U1", "X1"), ep("2023-06-01", "2024-10-01", "P", "A4", "E11")},
	}, {
		// D: UASC, left care in January, not adopted.
		id: "D-9004", birth: d("2007-03-01"), sex: 1, ethnic: "OOTH", uasc: true, district: "Dover", placements: 1,
		episodes: []genEpisode{ep("2024-05-01", "2025-01-10", "S", "U1", "E13")},
	}, {
		// E: back in care in February, six months after going home: a
		// re-entry; two placements in the year (the old one, the new).
		id: "E-9005", birth: d("2015-11-30"), sex: 2, ethnic: "MWBC", district: "Ashford", placements: 2, reentry: true,
		episodes: []genEpisode{ep("2023-01-01", "2024-08-01", "S", "U1", "E4A"), ep("2025-02-01", "", "S", "U1", "")},
	}, {
		// F: UASC until 15 January (so UASC in the year, not on 31
		// March); four placements: a temporary one at Christmas and the
		// return to the same carers do not count.
		id: "F-9006", birth: d("2008-01-20"), sex: 1, ethnic: "BAFR", uasc: true, duc: d("2025-01-15"), district: "Dover", placements: 4,
		episodes: []genEpisode{
			ep("2024-04-10", "2024-07-01", "S", "U1", "X1"), ep("2024-07-01", "2024-09-01", "P", "U2", "X1"),
			ep("2024-09-01", "2024-12-01", "T", "K2", "X1"), ep("2024-12-01", "2024-12-20", "P", "H5", "X1"),
			ep("2024-12-20", "2024-12-27", "P", "T1", "X1"), ep("2024-12-27", "", "P", "H5", "")},
	}, {
		// G: left care before the year: in no figure.
		id: "G-9007", birth: d("2010-01-01"), sex: 2, ethnic: "WBRI", district: "Dover", placements: 1,
		episodes: []genEpisode{ep("2021-01-01", "2023-02-01", "S", "U1", "E11")},
	}}
}

// figure finds an observation in a dataset.
func figure(t *testing.T, ds *app.Dataset, ref string, area app.Area, split app.Split) app.Observation {
	t.Helper()
	for _, o := range ds.Observations {
		if o.Ref == ref && o.Area == area && o.Split == split {
			return o
		}
	}
	t.Fatalf("no %s %s %q figure", ref, area, split)
	return app.Observation{}
}

func breakdown(ds *app.Dataset, measure, dim, cat string, split app.Split) (count, total float64, ok bool) {
	for _, b := range ds.Breakdowns {
		if b.Measure == measure && b.Dimension == dim && b.Category == cat && b.Split == split {
			return b.Count, b.Total, true
		}
	}
	return 0, 0, false
}

func TestWorkedExample(t *testing.T) {
	dir := t.TempDir()
	cs := worked()
	ds903, warns, err := Read903(write903(t, dir, cs), snapshot, nil)
	if err != nil {
		t.Fatal(err)
	}
	if warns := readColumns(warns); len(warns) != 0 {
		t.Errorf("903 warnings: %v", warns)
	}
	dsA, warns, err := ReadAnnexA(writeAnnexA(t, dir, cs), snapshot, nil)
	if err != nil {
		t.Fatal(err)
	}
	if warns := readColumns(warns); len(warns) != 0 {
		t.Errorf("Annex A warnings: %v", warns)
	}
	all, uasc, excl := app.All, app.Only(app.UASC), app.Excluding(app.UASC)
	cases := []struct {
		source   string
		ds       *app.Dataset
		ref      string
		split    app.Split
		num, den float64 // den 0 for a count
		rule     string
	}{
		// In care on 31 March: A, B, E, F. UASC on that date: A only (F
		// ceased to be UASC in January).
		{"903", ds903, RefChildrenInCare, all, 4, 0, "UASC on the snapshot date (31 Mar 2025)"},
		{"903", ds903, RefChildrenInCare, uasc, 1, 0, "UASC on the snapshot date"},
		{"903", ds903, RefChildrenInCare, excl, 3, 0, "UASC on the snapshot date"},
		// 3+ placements: B (3) and F (4) of the four. It is a 12-month
		// measure, so UASC are those UASC at any point in the year: A (1
		// placement) and F.
		{"903", ds903, RefThreePlacements, all, 2, 4, "UASC at any point in the period"},
		{"903", ds903, RefThreePlacements, uasc, 1, 2, ""},
		{"903", ds903, RefThreePlacements, excl, 1, 2, ""},
		// Left care in the year: C (adopted), D, and E (in August, before
		// coming back). UASC at any point in the year: D.
		{"903", ds903, RefAdopted, all, 1, 3, "UASC at any point in the period (1 Apr 2024 to 31 Mar 2025)"},
		{"903", ds903, RefAdopted, uasc, 0, 1, ""},
		{"903", ds903, RefAdopted, excl, 1, 2, ""},
		{"903", ds903, RefReentries, all, 1, 0, ""},
		{"903", ds903, RefReentries, uasc, 0, 0, ""},
		// Annex A only knows "UASC within the last 12 months": F counts
		// as UASC on 31 March too.
		{"Annex A", dsA, RefChildrenInCare, all, 4, 0, "within the last 12 months"},
		{"Annex A", dsA, RefChildrenInCare, uasc, 2, 0, ""},
		{"Annex A", dsA, RefChildrenInCare, excl, 2, 0, ""},
		{"Annex A", dsA, RefThreePlacements, all, 2, 4, ""},
		{"Annex A", dsA, RefThreePlacements, uasc, 1, 2, ""},
		{"Annex A", dsA, RefThreePlacements, excl, 1, 2, ""},
		// Annex A has one row per child, for the latest period of care:
		// it cannot see E's leaving in August.
		{"Annex A", dsA, RefAdopted, all, 1, 2, ""},
		{"Annex A", dsA, RefAdopted, uasc, 0, 1, ""},
		{"Annex A", dsA, RefReentries, excl, 1, 0, ""},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s %s %s", c.source, c.ref, c.split.Label()), func(t *testing.T) {
			o := figure(t, c.ds, c.ref, app.Kent, c.split)
			if o.Numerator == nil || *o.Numerator != c.num {
				t.Errorf("numerator = %v, want %v", ptr(o.Numerator), c.num)
			}
			want := c.num
			if c.den != 0 {
				want = c.num / c.den * 100
				if o.Denominator == nil || *o.Denominator != c.den {
					t.Errorf("denominator = %v, want %v", ptr(o.Denominator), c.den)
				}
			}
			if o.Value == nil || math.Abs(*o.Value-want) > 1e-9 {
				t.Errorf("value = %v, want %v", ptr(o.Value), want)
			}
			if !strings.Contains(o.Rule, c.rule) || o.Rule == "" {
				t.Errorf("rule = %q, want it to say %q", o.Rule, c.rule)
			}
			if o.Period != app.MonthOf(2025, time.March) {
				t.Errorf("period = %v, want 2025-03", o.Period)
			}
		})
	}

	// Breakdowns by hand (903): in care are A (male, 16, UASC), B
	// (female, 13), E (female, 9), F (male, 17, UASC only in the year).
	for _, c := range []struct {
		dim, cat     string
		split        app.Split
		count, total float64
	}{
		{DimGender, "Male", all, 2, 4}, {DimGender, "Female", all, 2, 4},
		{DimGender, "Male", uasc, 1, 1}, {DimGender, "Female", uasc, 0, 1},
		{DimGender, "Male", excl, 1, 3}, {DimGender, "Female", excl, 2, 3},
		{DimAgeBand, "16 and over", all, 2, 4}, {DimAgeBand, "10 to 15", all, 1, 4}, {DimAgeBand, "5 to 9", all, 1, 4},
		{DimEthnicity, "White", excl, 1, 3}, {DimEthnicity, "Mixed or multiple ethnic groups", excl, 1, 3},
		{DimPlacementType, "Semi-independent and supported accommodation", all, 1, 4},
		{DimPlacementType, "Secure homes and children's homes", all, 1, 4},
		{DimPlacementType, "Foster placements", all, 2, 4},
		{DimLegalStatus, "Full care order", all, 4, 4},
	} {
		count, total, ok := breakdown(ds903, MeasureInCare, c.dim, c.cat, c.split)
		if !ok || count != c.count || total != c.total {
			t.Errorf("903 %s %s (%s) = %v of %v (found %v), want %v of %v", c.dim, c.cat, c.split.Label(), count, total, ok, c.count, c.total)
		}
	}
	if n, total, _ := breakdown(ds903, MeasureReentries, DimCategoryOfNeed, "N1 Abuse or neglect", all); n != 1 || total != 1 {
		t.Errorf("re-entries for abuse or neglect = %v of %v, want 1 of 1", n, total)
	}
	// Annex A's district column gives district figures: Dover has A and F
	// in care, both UASC by the list's flag, F with 4 placements.
	if o := figure(t, dsA, RefThreePlacements, "Dover", uasc); *o.Numerator != 1 || *o.Denominator != 2 {
		t.Errorf("Dover 3+ placements (UASC) = %v of %v, want 1 of 2", *o.Numerator, *o.Denominator)
	}
	if count, _, _ := breakdown(dsA, MeasureInCare, DimDistrict, "Dover", all); count != 2 {
		t.Errorf("Dover children in care = %v, want 2", count)
	}
}

// TestGeneratedPopulation checks a larger list with known answers read
// both ways.
func TestGeneratedPopulation(t *testing.T) {
	dir := t.TempDir()
	cs := population(2000, snapshot)
	for _, source := range []string{"903", "Annex A"} {
		var ds *app.Dataset
		var err error
		if source == "903" {
			ds, _, err = Read903(write903(t, dir, cs), snapshot, nil)
		} else {
			ds, _, err = ReadAnnexA(writeAnnexA(t, dir, cs), snapshot, nil)
		}
		if err != nil {
			t.Fatal(err)
		}
		want := expected(cs, snapshot, source == "Annex A")
		for i, split := range splits {
			if o := figure(t, ds, RefChildrenInCare, app.Kent, split); *o.Value != want.inCare[i] {
				t.Errorf("%s children in care (%s) = %v, want %v", source, split.Label(), *o.Value, want.inCare[i])
			}
			if o := figure(t, ds, RefThreePlacements, app.Kent, split); *o.Numerator != want.three[i] || *o.Denominator != want.known[i] {
				t.Errorf("%s 3+ placements (%s) = %v/%v, want %v/%v", source, split.Label(), *o.Numerator, *o.Denominator, want.three[i], want.known[i])
			}
			if o := figure(t, ds, RefAdopted, app.Kent, split); *o.Numerator != want.adopted[i] || *o.Denominator != want.ceased[i] {
				t.Errorf("%s adopted (%s) = %v/%v, want %v/%v", source, split.Label(), *o.Numerator, *o.Denominator, want.adopted[i], want.ceased[i])
			}
		}
		// All = UASC + excluding UASC, in every breakdown.
		sums := map[string][3]float64{}
		for _, b := range ds.Breakdowns {
			k := b.Measure + "/" + b.Dimension + "/" + b.Category
			s := sums[k]
			s[slicesIndex(b.Split)] += b.Count
			sums[k] = s
		}
		for k, s := range sums {
			if s[0] != s[1]+s[2] {
				t.Errorf("%s %s: all %v != UASC %v + excluding %v", source, k, s[0], s[1], s[2])
			}
		}
	}
}

func slicesIndex(s app.Split) int {
	for i, x := range splits {
		if x == s {
			return i
		}
	}
	panic(s)
}

func ptr(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}
