package main

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/assets"
)

// TestExportIntoOriginalRereads: `export --original` hands the export
// the importer's re-read of the original, so that a target a later import
// revised, which the store keeps only with the later file's cell, is
// written into the original's own cell for it.
func TestExportIntoOriginalRereads(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	demo := filepath.Join(dir, "demo.xlsx")
	if err := os.WriteFile(demo, assets.Demo, 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, "import", demo)
	// The demo's first target, revised by a later targets table.
	of, err := excelize.OpenFile(demo)
	if err != nil {
		t.Fatal(err)
	}
	ref, _ := of.GetCellValue("Targets", "A2")
	year, _ := of.GetCellValue("Targets", "B2")
	of.Close()
	later := filepath.Join(dir, "targets.xlsx")
	tf := excelize.NewFile()
	for i, r := range [][]any{{"Ref", "Year", "Target"}, {ref, year, 97.5}} {
		if err := tf.SetSheetRow("Sheet1", "A"+strconv.Itoa(i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := tf.SaveAs(later); err != nil {
		t.Fatal(err)
	}
	tf.Close()
	mustRun(t, db, "import", later)
	out := filepath.Join(dir, "revised.xlsx")
	mustRun(t, db, "export", "--original", demo, "--out", out)
	ef, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer ef.Close()
	if got, _ := ef.GetCellValue("Targets", "C2", excelize.Options{RawCellValue: true}); got != "97.5" {
		t.Errorf("Targets!C2, %s's %s target, = %q, want the later import's 97.5", ref, year, got)
	}
}
