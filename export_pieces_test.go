package main

import (
	"archive/zip"
	"bytes"
	"io"
	"path/filepath"
	"regexp"
	"testing"
)

// TestExportReadsPieces exports stores with export reading them an
// indicator at a time and reading them whole, and checks every part of
// the two workbooks is the same bytes, once the time each was produced is
// masked: the demo with child-level breakdowns imported beside it, with
// varied options, and DfE's yearly figures.
func TestExportReadsPieces(t *testing.T) {
	demo := demoStore(t)
	mustRun(t, demo, "import", "importer/childlevel/testdata/annexa-libreoffice.xlsx",
		"importer/testdata/ssda903/header.csv", "importer/testdata/ssda903/episodes.csv", "importer/testdata/ssda903/uasc.csv")
	yearly := filepath.Join(t.TempDir(), "yearly.db")
	mustRun(t, yearly, "authority", "Essex")
	mustRun(t, yearly, "import", filepath.Join("importer", "dfe", "testdata", "cla_number_and_rate_per_10k_children.csv"))
	for _, tc := range []struct {
		name string
		db   string
		args []string
	}{
		{"demo and breakdowns", demo, nil},
		{"no suppression", demo, []string{"--suppress", "0"}},
		{"a district, counts below 10 suppressed", demo, []string{"--area", "Maidstone", "--suppress", "10"}},
		{"an earlier month", demo, []string{"--period", "2025-06"}},
		{"yearly figures", yearly, nil},
		{"a year named as another kind", yearly, []string{"--period", "2023/24"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func(was bool) { exportReadsPieces = was }(exportReadsPieces)
			var paths [2]string
			var outs [2]string
			for i, pieces := range []bool{true, false} {
				exportReadsPieces = pieces
				paths[i] = filepath.Join(t.TempDir(), "out.xlsx")
				var out, errOut bytes.Buffer
				if code := run(append([]string{"--db", tc.db, "export", "--out", paths[i]}, tc.args...), &out, &errOut); code != 0 {
					t.Fatalf("export %v: exit %d: %s", tc.args, code, errOut.String())
				}
				outs[i] = out.String()[len(paths[i]):]
			}
			if outs[0] != outs[1] {
				t.Errorf("export %v says %q reading pieces, %q reading the store", tc.args, outs[0], outs[1])
			}
			pieces, whole := maskedParts(t, paths[0]), maskedParts(t, paths[1])
			if len(pieces) != len(whole) || len(pieces) < 10 {
				t.Fatalf("%d parts reading pieces, %d reading the store", len(pieces), len(whole))
			}
			for name, b := range whole {
				if !bytes.Equal(pieces[name], b) {
					t.Errorf("part %s differs reading pieces", name)
				}
			}
		})
	}
}

// produced matches the time an export was produced, as the workbook
// writes it on its sheets and in its properties.
var produced = regexp.MustCompile(`\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}( \d\d:\d\d [A-Z]+)?|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ`)

// maskedParts reads the workbook's parts, the time it was produced masked.
func maskedParts(t *testing.T, path string) map[string][]byte {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	parts := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = produced.ReplaceAll(b, []byte("PRODUCED"))
	}
	return parts
}
