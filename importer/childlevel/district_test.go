package childlevel

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestDistrictsSumToCounty checks that a child whose district cell holds
// no Kent district (a name typed there, another authority, a blank) is
// counted under Out of County / Unknown, so the areas sum to the county,
// and that the rows are reported by number, never by what they hold.
func TestDistrictsSumToCounty(t *testing.T) {
	dir := t.TempDir()
	cs := population(200, snapshot)
	const name = "Tallulah Quigley"
	// Children 3, 11, 17 and 24 are in care on the snapshot date; the
	// list's rows start at 5.
	cs[3].district, cs[11].district, cs[17].district, cs[24].district = name, "", "Medway", "E06000035"
	path := writeAnnexA(t, dir, cs)
	// A column the reader does not read, with a long heading.
	const heading = "NHS number of the child as recorded on the system at entry"
	editAnnexA(t, path, func(f *excelize.File) error {
		if err := f.SetCellStr("List 8", "T4", heading); err != nil {
			return err
		}
		for i := range cs {
			if err := f.SetCellStr("List 8", fmt.Sprintf("T%d", 5+i), fmt.Sprintf("943 476 %04d", 5000+i)); err != nil {
				return err
			}
		}
		return nil
	})

	ds, warns, err := ReadAnnexA(path, snapshot, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, split := range splits {
		county := *figure(t, ds, RefChildrenInCare, app.Kent, split).Value
		var sum float64
		for _, a := range append(app.Districts, app.OutOfCounty) {
			for _, o := range ds.Observations {
				if o.Ref == RefChildrenInCare && o.Area == a && o.Split == split && o.Value != nil {
					sum += *o.Value
				}
			}
		}
		if sum != county {
			t.Errorf("children in care (%s): districts and %s sum to %v, the county is %v", split.Label(), app.OutOfCounty, sum, county)
		}
	}
	if o := figure(t, ds, RefChildrenInCare, app.OutOfCounty, app.All); *o.Value != 4 {
		t.Errorf("%s children in care = %v, want 4", app.OutOfCounty, *o.Value)
	}
	// The breakdown by district counts them as the areas do: the blank
	// had been "Not recorded" there, one workbook giving two counts.
	for _, b := range ds.Breakdowns {
		if b.Dimension != DimDistrict || b.Split != app.All {
			continue
		}
		if a := app.Area(b.Category); a != app.OutOfCounty && !slices.Contains(app.Districts, a) {
			t.Errorf("district breakdown category %q, want a district or %s", b.Category, app.OutOfCounty)
		}
		if o := figure(t, ds, RefChildrenInCare, app.Area(b.Category), app.All); b.Count != *o.Value {
			t.Errorf("district breakdown %s: %v, the area's figure %v", b.Category, b.Count, *o.Value)
		}
	}

	var district, unread bool
	for _, w := range warns {
		if strings.Contains(w.String(), name) || strings.Contains(w.String(), "943 476") {
			t.Errorf("warning quotes a child's data: %v", w)
		}
		if w.Cell == "column O" && w.Message == `district not recognised (2 rows): rows 8, 22; counted as Out of County / Unknown` {
			district = true
		}
		if w.Cell == "T4" && w.Message == `column T "`+heading[:39]+`…" not read: its heading is not one the Annex A reader reads` {
			unread = true
		}
	}
	if !district {
		t.Errorf("no warning naming column O's rows 8 and 22 (warnings: %v)", warns)
	}
	if !unread {
		t.Errorf("no warning naming column T's heading, clipped (warnings: %v)", warns)
	}
}

// TestUnread903Columns checks that the 903 reader names each column it
// leaves unread by letter and heading, and never what lies below.
func TestUnread903Columns(t *testing.T) {
	cs := population(50, snapshot)
	_, warns, err := Read903(write903(t, t.TempDir(), cs), snapshot, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range warns {
		if strings.Contains(w.String(), cs[0].id) {
			t.Errorf("warning quotes a child's identifier: %v", w)
		}
		if strings.Contains(w.Message, " not read: ") {
			got = append(got, filepath.Base(w.File)+": "+w.Cell+": "+w.Message)
		}
	}
	slices.Sort(got)
	want := []string{
		`episodes.csv: line 1: column J "REASON_PLACE_CHANGE" not read: the Episodes table's reader does not read it`,
		`episodes.csv: line 1: column K "HOME_POST" not read: the Episodes table's reader does not read it`,
		`header.csv: line 1: column E "UPN" not read: the Header table's reader does not read it`,
		`header.csv: line 1: column F "MOTHER" not read: the Header table's reader does not read it`,
		`header.csv: line 1: column G "MC_DOB" not read: the Header table's reader does not read it`,
		`uasc.csv: line 1: column B "SEX" not read: the UASC table's reader does not read it`,
		`uasc.csv: line 1: column C "DOB" not read: the UASC table's reader does not read it`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("unread columns:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestAnotherAuthoritysList reads a Surrey list as Surrey's: its figures
// are Surrey's and its districts', a Kent district is out of county, and
// nothing is filed under Kent.
func TestAnotherAuthoritysList(t *testing.T) {
	surrey, ok := app.LookupAuthority("Surrey")
	if !ok {
		t.Fatal("no Surrey")
	}
	spellings := []string{"Elmbridge", "Epsom & Ewell", "Woking", "Reigate and Banstead"}
	cs := population(200, snapshot)
	for i := range cs {
		cs[i].district = spellings[i%len(spellings)]
	}
	cs[3].district = "Dover" // Kent's: out of Surrey
	// The same children as Kent's list, to count them by.
	asKent, _, err := ReadAnnexA(writeAnnexA(t, t.TempDir(), cs), snapshot, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Surrey is responsible for each, by name or code.
	for i := range cs {
		cs[i].responsible = []string{"Surrey", "936", "E10000030"}[i%3]
	}
	ds, _, err := ReadAnnexA(writeAnnexA(t, t.TempDir(), cs), snapshot, surrey)
	if err != nil {
		t.Fatal(err)
	}
	county := *figure(t, ds, RefChildrenInCare, "Surrey", app.All).Value
	if want := *figure(t, asKent, RefChildrenInCare, app.Kent, app.All).Value; county != want || county == 0 {
		t.Errorf("Surrey's children in care = %v, want the list's %v", county, want)
	}
	var sum float64
	for _, o := range ds.Observations {
		if o.Area == app.Kent || o.Area == "Dover" {
			t.Errorf("%s filed under %s in a Surrey list", o.Ref, o.Area)
		}
		if o.Ref == RefChildrenInCare && o.Split == app.All && o.Value != nil && (surrey.IsDistrict(o.Area) || o.Area == app.OutOfCounty) {
			sum += *o.Value
		}
	}
	if sum != county {
		t.Errorf("Surrey's districts and %s sum to %v, the county is %v", app.OutOfCounty, sum, county)
	}
	if o := figure(t, ds, RefChildrenInCare, "Epsom and Ewell", app.All); o.Value == nil || *o.Value == 0 {
		t.Errorf("Epsom & Ewell's children not read as Epsom and Ewell's: %+v", o)
	}
	for _, b := range ds.Breakdowns {
		if b.Area != "Surrey" {
			t.Errorf("breakdown %s %s filed under %s", b.Measure, b.Category, b.Area)
			break
		}
	}
}
