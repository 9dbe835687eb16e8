package importer

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/benchmark"
	"scorecard/importer/dfe"
)

// TestNeighbourModelFiles reads the DfE's published neighbour models, as
// published and as trimmed copies, as models rather than refusing them.
func TestNeighbourModelFiles(t *testing.T) {
	// Kent's 2025 neighbours, as domain.md lists them and the model
	// names them.
	kent2025 := "Essex, East Sussex, Devon, Bexley, Suffolk, Norfolk, Nottinghamshire, West Sussex, Bedford, Somerset"
	for _, tt := range []struct{ name, copy string }{
		{"sn_model_2025_wide.csv", "dfe"},
		{"sn_may_2025.xlsx", "testdata"},
	} {
		for _, path := range []string{filepath.Join(realData, tt.name), filepath.Join(tt.copy, tt.name)} {
			t.Run(path, func(t *testing.T) {
				if _, err := os.Stat(path); err != nil {
					t.Skip("not here:", path)
				}
				res, err := Read(context.Background(), path, Options{})
				if err != nil {
					t.Fatal(err)
				}
				if res.Format != FormatNeighbours || res.Model == nil || res.Model.Year != "2025" || !res.Dataset.Empty() {
					t.Fatalf("read as %q, model %v: want the 2025 model and no figures", res.Format, res.Model)
				}
				got := strings.Join(ModelNeighbours(res.Model, app.DefaultAuthority()), ", ")
				// LAIT's workbook spells some names its own way; compare
				// the first and the count, which are the model's.
				if n := len(res.Model.NeighboursOf("886")); n != 10 || !strings.HasPrefix(got, "Essex") {
					t.Errorf("Kent's neighbours %q (%d), want %s", got, n, kent2025)
				}
				if strings.HasSuffix(path, ".csv") && got != kent2025 {
					t.Errorf("Kent's neighbours %q, want %s", got, kent2025)
				}
			})
		}
	}
}

// TestImportedModelReplacesTheBuiltIn reads the DfE's children looked
// after CSV with a 2026 model naming Essex as Kent's one neighbour: the
// neighbour average is Essex's own figure, labelled with the 2026 model.
func TestImportedModelReplacesTheBuiltIn(t *testing.T) {
	dir := t.TempDir()
	modelPath := filepath.Join(dir, "sn_model_2026_wide.csv")
	if err := os.WriteFile(modelPath, []byte("old_la_code,la_name,SN_1,SN_1P\n886,Kent,881,Very Close\n881,Essex,886,Very Close\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	mres, err := Read(context.Background(), modelPath, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if mres.Model == nil || mres.Model.Year != "2026" {
		t.Fatalf("model %+v, want the 2026 model", mres.Model)
	}
	csv := filepath.Join("dfe", "testdata", "cla_number_and_rate_per_10k_children.csv")
	kent, err := Read(context.Background(), csv, Options{Model: mres.Model})
	if err != nil {
		t.Fatal(err)
	}
	essex, err := Read(context.Background(), csv, Options{Authority: lookup(t, "Essex")})
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	for _, b := range kent.Dataset.Benchmarks {
		if b.Group != benchmark.NeighbourMean {
			continue
		}
		if b.Model != "2026" {
			t.Errorf("%s %s neighbour mean under model %q, want 2026", b.Ref, b.Period, b.Model)
		}
		o, ok := findObs(essex.Dataset, b.Ref, "Essex", app.All, b.Period.String())
		if !ok || o.Value == nil || b.Value == nil {
			continue
		}
		compared++
		want := *o.Value
		if b.Ref == dfe.RefCICRate {
			// Essex's own import keeps its rate exact, its count over its
			// population; a neighbour mean is worked from the published
			// figures, which are whole numbers.
			want = math.Round(want)
		}
		if *b.Value != want {
			t.Errorf("%s %s neighbour mean %v, want Essex's %v", b.Ref, b.Period, *b.Value, want)
		}
	}
	if compared == 0 {
		t.Error("no neighbour mean to compare with Essex's figure")
	}
	// A model without the store's authority is refused, naming it.
	if _, err := Read(context.Background(), modelPath, Options{Authority: lookup(t, "Surrey")}); err == nil || !strings.Contains(err.Error(), "has no neighbours for Surrey (LA 936)") {
		t.Errorf("a model without Surrey read into a Surrey store: %v", err)
	}
}
