// Command mkdemo writes the embedded assets: demo.xlsx, the demo scorecard
// drawn from synth.Demo in the house layout, and icon.png. go generate
// runs it in the assets directory; -dir writes elsewhere.
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
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "mkdemo:", err)
		os.Exit(1)
	}
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
