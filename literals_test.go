package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"scorecard/app"
)

// literalExempt are the directories whose string literals may name a
// council: the demo's generator writes Kent's own workbook (its titles
// and guidance are the demo data's words, as a real workbook's are).
var literalExempt = []string{"assets/synth"}

// literalAllowed are literals that name a council as an identifier, not
// a choice: the application ID, as FyneApp.toml has it, under which
// desktops keep the app's preferences (a new one would lose them).
var literalAllowed = map[string]bool{`"uk.gov.kent.scorecard"`: true}

// TestNoCouncilNamedInCode proves the authority is data: no Go file but
// a test names a council in a string literal, in any case. Names come from the
// profiles shipped in app/authorities.tsv.
func TestNoCouncilNamedInCode(t *testing.T) {
	var names []string
	for _, a := range app.Authorities() {
		if a.Name == "Reading" {
			continue // also an English word, as in "Reading the store"
		}
		names = append(names, regexp.QuoteMeta(a.Name))
	}
	council := regexp.MustCompile(`(?i)\b(` + strings.Join(names, "|") + `)\b`)
	fset := token.NewFileSet()
	files := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			for _, ex := range literalExempt {
				if path == filepath.FromSlash(ex) {
					return filepath.SkipDir
				}
			}
			if path != "." && strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "build" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		files++
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && !literalAllowed[lit.Value] {
				if m := council.FindString(lit.Value); m != "" {
					t.Errorf("%s: %s names a council in code; it belongs in the authority profiles", fset.Position(lit.Pos()), m)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Errorf("only %d Go files read: the walk missed the tree", files)
	}
}
