package childlevel

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/store"
)

// TestNoPersonalDataStored imports generated lists, with distinctive
// identifiers, dates of birth and postcodes, into a real store and
// searches the store file's bytes for every one of them.
func TestNoPersonalDataStored(t *testing.T) {
	dir := t.TempDir()
	cs := population(500, snapshot)
	annexA := writeAnnexA(t, dir, cs)
	tables := write903(t, dir, cs)

	dsA, _, ds903, _, st := readAndStore(t, dir, annexA, tables)
	datasets := []*app.Dataset{dsA, ds903}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := os.ReadFile(filepath.Join(dir, "scorecard.db"))
	if err != nil {
		t.Fatal(err)
	}
	var input []byte
	for _, p := range append(tables, annexA) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		input = append(input, b...)
	}
	var js []byte
	for _, ds := range datasets {
		b, err := json.Marshal(ds)
		if err != nil {
			t.Fatal(err)
		}
		js = append(js, b...)
	}
	// The search must be able to fail: the aggregates are in the store,
	// and the identifiers are in the 903 input as plain text.
	if !bytes.Contains(db, []byte(RefThreePlacements)) || !bytes.Contains(db, []byte("Excluding")) && !bytes.Contains(db, []byte("excl:uasc")) {
		t.Fatal("the store file does not hold the aggregates as text: the search below would prove nothing")
	}
	searched := 0
	for _, c := range cs {
		secrets := []string{c.id, c.birth.Format("02/01/2006"), c.birth.Format("2006-01-02"), c.birth.Format(dateLabel)}
		for _, e := range c.episodes {
			secrets = append(secrets, e.postcode)
		}
		for _, s := range secrets {
			if !bytes.Contains(input, []byte(s)) && s != c.birth.Format(dateLabel) && s != c.birth.Format("2006-01-02") {
				t.Fatalf("%q is not in the generated input either", s)
			}
			if bytes.Contains(db, []byte(s)) {
				t.Errorf("the store file holds %q from a child's record", s)
			}
			if bytes.Contains(js, []byte(s)) {
				t.Errorf("the Dataset holds %q from a child's record", s)
			}
			searched++
		}
	}
	t.Logf("searched a %d-byte store for %d identifiers, dates of birth and postcodes of %d children: none found", len(db), searched, len(cs))
}

// readAndStore reads the Annex A list and the 903 tables as of the
// snapshot and imports both into a new store, scorecard.db in dir,
// returned open so that a test can back it up before it closes it.
func readAndStore(t *testing.T, dir, annexA string, tables []string) (dsA *app.Dataset, warnsA []app.Warning,
	ds903 *app.Dataset, warns903 []app.Warning, st *store.Bolt) {
	t.Helper()
	var err error
	if dsA, warnsA, err = ReadAnnexA(annexA, snapshot, nil); err != nil {
		t.Fatal(err)
	}
	if ds903, warns903, err = Read903(tables, snapshot, nil); err != nil {
		t.Fatal(err)
	}
	if st, err = store.Open(filepath.Join(dir, "scorecard.db")); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Import(store.Source{Name: "annex-a.xlsx", Kind: "child-level", SHA256: "a", Warnings: warnsA}, dsA); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Import(store.Source{Name: "903", Kind: "child-level", SHA256: "b", Warnings: warns903}, ds903); err != nil {
		t.Fatal(err)
	}
	return dsA, warnsA, ds903, warns903, st
}

// planted are identifiers of the kinds an officer may type into the
// wrong column of a child's record: a UPN, an NHS number (with and
// without its spaces), a full name and a date of birth.
var planted = []string{"A123456789012", "943 476 5919", "Zebedee Quartermaine", "14/07/2011"}

// plantedForms are the forms a planted identifier could take once read:
// as typed, without spaces, and a date of birth as the app writes dates.
var plantedForms = []string{"A123456789012", "943 476 5919", "9434765919", "Zebedee Quartermaine",
	"Quartermaine", "14/07/2011", "2011-07-14", "14 Jul 2011"}

// plantAnnexA writes every planted identifier into every column of the
// list's rows below its header (row 4), one column per block of rows.
func plantAnnexA(t *testing.T, path string) {
	t.Helper()
	editAnnexA(t, path, func(f *excelize.File) error {
		rows, err := f.GetRows("List 8")
		if err != nil {
			return err
		}
		cols := len(rows[3])
		for c := range cols {
			for k, id := range planted {
				cell, _ := excelize.CoordinatesToCellName(c+1, 5+c*len(planted)+k)
				if err := f.SetCellStr("List 8", cell, id); err != nil {
					return err
				}
			}
		}
		if 5+cols*len(planted) > len(rows) {
			return fmt.Errorf("the list has %d rows, too few to plant in each of %d columns", len(rows), cols)
		}
		return nil
	})
}

// plant903 writes every planted identifier into every column of every
// 903 table, one column per block of rows.
func plant903(t *testing.T, paths []string) {
	t.Helper()
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		cols := len(recs[0])
		if 1+cols*len(planted) > len(recs) {
			t.Fatalf("%s has %d rows, too few to plant in each of %d columns", p, len(recs), cols)
		}
		for c := range cols {
			for k, id := range planted {
				recs[1+c*len(planted)+k][c] = id
			}
		}
		var out bytes.Buffer
		w := csv.NewWriter(&out)
		if err := w.WriteAll(recs); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, out.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPlantedIdentifiersNeverKept plants identifiers in every column of
// an Annex A list and of each 903 table, then searches every byte the
// readers hand on (figures, breakdowns, warnings), a store holding them
// and a backup of it. Cells on no code list are counted as "Not
// recognised", with their rows reported, never their text.
func TestPlantedIdentifiersNeverKept(t *testing.T) {
	dir := t.TempDir()
	cs := population(400, snapshot)
	annexA := writeAnnexA(t, dir, cs)
	plantAnnexA(t, annexA)
	tables := write903(t, dir, cs)
	plant903(t, tables)

	dsA, warnsA, ds903, warns903, st := readAndStore(t, dir, annexA, tables)
	var backup bytes.Buffer
	if _, err := st.Backup(&backup); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := os.ReadFile(filepath.Join(dir, "scorecard.db"))
	if err != nil {
		t.Fatal(err)
	}
	outputs := map[string][]byte{"store": db, "backup": backup.Bytes()}
	for name, v := range map[string]any{"Annex A dataset": dsA, "Annex A warnings": warnsA,
		"903 dataset": ds903, "903 warnings": warns903} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		outputs[name] = b
	}
	// The search must be able to fail: the identifiers are in the inputs
	// as plain text, and the store holds categories as plain text.
	for _, p := range append(tables, annexA) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Ext(p) == ".csv" && !bytes.Contains(b, []byte(planted[1])) {
			t.Fatalf("%s does not hold the planted NHS number: the search would prove nothing", p)
		}
	}
	if !bytes.Contains(db, []byte("Full care order")) {
		t.Fatal("the store does not hold breakdown categories as text: the search would prove nothing")
	}
	for name, b := range outputs {
		for _, s := range plantedForms {
			if i := bytes.Index(b, []byte(s)); i >= 0 {
				t.Errorf("%s holds the planted %q: ...%s...", name, s, b[max(0, i-80):min(len(b), i+len(s)+40)])
			}
		}
	}

	// Every column holding coded values reports its planted rows, by
	// number, as not recognised, and they are counted as such.
	for _, c := range []struct {
		source string
		warns  []app.Warning
		where  string // the warning's cell
		what   string
	}{
		{"Annex A", warnsA, "column J", "legal status"},
		{"Annex A", warnsA, "column L", "placement type"},
		{"Annex A", warnsA, "column H", "category of need"},
		{"Annex A", warnsA, "column B", "gender"},
		{"Annex A", warnsA, "column C", "ethnicity"},
		{"Annex A", warnsA, "column F", "UASC flag (Y or N)"},
		{"Annex A", warnsA, "column Q", "reason ceased"},
		{"Annex A", warnsA, "column N", "LA of placement"},
		{"Annex A", warnsA, "column O", "district"},
		{"Annex A", warnsA, "column R", "responsible authority"},
		{"Annex A", warnsA, "column S", "school place flag (Y or N)"},
		{"903", warns903, "column LS", "legal status"},
		{"903", warns903, "column PLACE", "placement type"},
		{"903", warns903, "column CIN", "category of need"},
		{"903", warns903, "column ETHNIC", "ethnicity"},
		{"903", warns903, "column SEX", "sex"},
		{"903", warns903, "column RNE", "reason for new episode"},
		{"903", warns903, "column REC", "reason episode ceased"},
	} {
		found := false
		for _, w := range c.warns {
			if w.Cell == c.where && strings.HasPrefix(w.Message, c.what+" not recognised (") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no %q warning for %s (warnings: %v)", c.source, c.what+" not recognised", c.where, c.warns)
		}
	}
	for _, ds := range []*app.Dataset{dsA, ds903} {
		n, _, _ := breakdown(ds, MeasureInCare, DimLegalStatus, NotRecognised, app.All)
		if n == 0 {
			t.Errorf("no children in care counted with a legal status %q", NotRecognised)
		}
	}
}
