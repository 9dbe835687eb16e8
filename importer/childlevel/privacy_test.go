package childlevel

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

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

	st, err := store.Open(filepath.Join(dir, "scorecard.db"))
	if err != nil {
		t.Fatal(err)
	}
	var datasets []*app.Dataset
	dsA, warnsA, err := ReadAnnexA(annexA, snapshot)
	if err != nil {
		t.Fatal(err)
	}
	ds903, warns903, err := Read903(tables, snapshot)
	if err != nil {
		t.Fatal(err)
	}
	datasets = append(datasets, dsA, ds903)
	if _, err := st.Import(store.Source{Name: "annex-a.xlsx", Kind: "child-level", SHA256: "a", Warnings: warnsA}, dsA); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Import(store.Source{Name: "903", Kind: "child-level", SHA256: "b", Warnings: warns903}, ds903); err != nil {
		t.Fatal(err)
	}
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
