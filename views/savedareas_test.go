package views

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"scorecard/app"
	"scorecard/importer"
)

// TestSavedAreaNameOverReadingByName: a name the importer reads as the
// authority by itself ("Leeds LA", Leeds's name with LA) takes the
// officer's saved reading of it for the file's family, as `import` does
// with a saved --area; the window had applied saved readings only to
// names nothing read, so "Leeds LA=pseudo", saved before, was read as
// Leeds in the window but kept apart on the command line.
func TestSavedAreaNameOverReadingByName(t *testing.T) {
	leeds, ok := app.LookupAuthority("Leeds")
	if !ok {
		t.Fatal("no Leeds")
	}
	path := filepath.Join(t.TempDir(), "Leeds CLA Mar-25.csv")
	body := "Ref,Indicator,Area,Period,Value\n" +
		"CLA01,Number of children looked after,Leeds,Mar-25,1300\n" +
		"CLA02,Number of children in need,Leeds LA,Mar-25,3000\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		saved  map[string]app.Area
		reread bool
		want   app.Area // CLA02's area
	}{
		{"none saved: read as Leeds", nil, false, "Leeds"},
		{"kept apart, as saved", map[string]app.Area{"leeds la": importer.PseudoArea}, true, "Leeds LA"},
		{"another name saved", map[string]app.Area{"East": importer.PseudoArea}, false, "Leeds"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := importer.Read(context.Background(), path, importer.Options{Authority: leeds})
			if err != nil {
				t.Fatal(err)
			}
			again := withSavedAreaNames(res, tc.saved)
			if (again != nil) != tc.reread {
				t.Fatalf("read again: %v, want %v", again != nil, tc.reread)
			}
			if again != nil {
				if res, err = importer.Read(context.Background(), path, importer.Options{Authority: leeds, Layouts: again}); err != nil {
					t.Fatal(err)
				}
			}
			for _, o := range res.Dataset.Observations {
				if o.Ref == "CLA02" && o.Area != tc.want {
					t.Errorf("CLA02 filed under %q, want %q", o.Area, tc.want)
				}
			}
		})
	}
}
