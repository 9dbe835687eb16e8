// Command mkdemo writes the embedded assets: demo.xlsx, the demo scorecard
// drawn from synth.Demo in the house layout, and icon.png. go generate
// runs it in the assets directory; -dir writes elsewhere.
//
// For benchmarks and for looking at the importer's test inputs in Excel,
// -large FILE also writes the large case (synth.Large in the per-area
// layout) and -layouts DIR writes the demo in every layout, one
// LAYOUT.xlsx each.
//
//	go run ./assets/synth/cmd/mkdemo -dir /tmp -large /tmp/large.xlsx
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"scorecard/assets/synth"
)

func main() {
	dir := flag.String("dir", ".", "directory to write demo.xlsx and icon.png in")
	large := flag.String("large", "", "also write the large benchmark workbook to this file")
	seed := flag.Uint64("seed", 1, "seed of the large workbook")
	layouts := flag.String("layouts", "", "also write the demo in every layout to this directory")
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "mkdemo:", err)
		os.Exit(1)
	}
	if *large != "" {
		if err := synth.Write(*large, synth.Large(*seed), synth.LargeLayout); err != nil {
			fmt.Fprintln(os.Stderr, "mkdemo:", err)
			os.Exit(1)
		}
	}
	if *layouts != "" {
		if err := writeLayouts(*layouts); err != nil {
			fmt.Fprintln(os.Stderr, "mkdemo:", err)
			os.Exit(1)
		}
	}
}

func writeLayouts(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	m := synth.Demo()
	for _, l := range synth.Layouts() {
		if err := synth.Write(filepath.Join(dir, l.Name+".xlsx"), m, l); err != nil {
			return err
		}
	}
	return nil
}

func run(dir string) error {
	if err := synth.Write(filepath.Join(dir, "demo.xlsx"), synth.Demo(), synth.House); err != nil {
		return err
	}
	icon, err := drawIcon()
	if err != nil {
		return fmt.Errorf("draw icon: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "icon.png"), icon, 0o644); err != nil {
		return fmt.Errorf("write icon: %w", err)
	}
	return nil
}
