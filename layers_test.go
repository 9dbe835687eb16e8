package main

import (
	"errors"
	"go/build"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// coreForbidden are the import paths the core (app/...) must not depend
// on, directly or through another package: data flows one way, file ->
// importer -> app/store -> views / export, and the core has no Fyne. An
// export into an original's layout is handed the importer's re-read
// (export.Options.Reread) by its caller instead.
var coreForbidden = []string{"scorecard/importer", "scorecard/views", "fyne.io/fyne"}

// TestCoreImportsNoImporterOrGUI proves that no package under app/, by
// its non-test code under either build (with and without the ci tag),
// imports the importer, the views or Fyne, however indirectly. Tests may:
// they check the core against files the importer reads.
func TestCoreImportsNoImporterOrGUI(t *testing.T) {
	for _, tags := range [][]string{nil, {"ci"}} {
		ctx := build.Default
		ctx.BuildTags = tags
		deps := map[string][]string{} // package -> its scorecard imports, memoised
		var imports func(pkg string) ([]string, error)
		imports = func(pkg string) ([]string, error) {
			if is, ok := deps[pkg]; ok {
				return is, nil
			}
			p, err := ctx.ImportDir(filepath.FromSlash(strings.TrimPrefix(pkg, "scorecard/")), 0)
			if err != nil {
				return nil, err
			}
			deps[pkg] = p.Imports
			return p.Imports, nil
		}
		packages := 0
		err := filepath.WalkDir("app", func(dir string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return err
			}
			if d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			root := "scorecard/" + filepath.ToSlash(dir)
			if _, err := imports(root); err != nil {
				var none *build.NoGoError
				if errors.As(err, &none) {
					return nil
				}
				return err
			}
			packages++
			// Breadth first, remembering how each package was reached,
			// so that a failure names the chain.
			via := map[string]string{root: ""}
			queue := []string{root}
			for len(queue) > 0 {
				pkg := queue[0]
				queue = queue[1:]
				is, err := imports(pkg)
				if err != nil {
					return err
				}
				for _, imp := range is {
					if _, seen := via[imp]; seen {
						continue
					}
					via[imp] = pkg
					if slices.ContainsFunc(coreForbidden, func(f string) bool { return imp == f || strings.HasPrefix(imp, f+"/") }) {
						chain := []string{imp}
						for p := pkg; p != ""; p = via[p] {
							chain = append([]string{p}, chain...)
						}
						t.Errorf("tags %v: %s imports %s: %s", tags, root, imp, strings.Join(chain, " -> "))
						continue
					}
					if strings.HasPrefix(imp, "scorecard/") {
						queue = append(queue, imp)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if packages < 5 {
			t.Errorf("tags %v: only %d packages under app/ read: the walk missed the tree", tags, packages)
		}
	}
}
