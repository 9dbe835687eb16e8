package importer

import (
	"path/filepath"
	"strings"
	"unicode"
)

// Family names the family a file belongs to, the producer's series of
// the same report: its name without digits, month names or punctuation,
// so "CYPE Scorecard Mar-25.xlsx" and "CYPE Scorecard April 2025.xlsx"
// are one family. What an officer decides about one file's layout or
// area names is kept for its family.
func Family(path string) string {
	name := strings.ToLower(filepath.Base(path))
	words := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) })
	kept := words[:0]
	for _, word := range words {
		if !monthWords[word] {
			kept = append(kept, word)
		}
	}
	return strings.Join(kept, " ")
}

var monthWords = map[string]bool{
	"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true,
	"apr": true, "april": true, "may": true, "jun": true, "june": true, "jul": true, "july": true,
	"aug": true, "august": true, "sep": true, "sept": true, "september": true, "oct": true,
	"october": true, "nov": true, "november": true, "dec": true, "december": true,
}
