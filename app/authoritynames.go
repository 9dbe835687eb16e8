package app

import (
	"slices"
	"strings"
)

// The words councils and producers put around an authority's name, as
// foldArea leaves them ("Council", "Borough", "District" and "and" are
// already gone): "Leeds LA", "Surrey County Council", "Barnsley
// Metropolitan Borough Council", "Royal Borough of Greenwich".
var (
	nameSuffixes = [][]string{{"la"}, {"local", "authority"}, {"unitary", "authority"}, {"ua"},
		{"county"}, {"city"}, {"metropolitan"}, {"mbc"}, {"mdc"}, {"cc"}, {"lbc"}}
	namePrefixes = [][]string{{"london", "of"}, {"royal", "of"}, {"city", "of"}, {"county", "of"},
		{"metropolitan", "of"}, {"city", "county", "of"}, {"lb"}, {"the"}}
)

// NamedWithMore reports whether s names a's own area with words or a
// code its name and spellings leave out: "Leeds LA", "Leeds (383)",
// "Leeds (E08000035)", "383 Leeds", "Surrey County Council", "Barnsley
// Metropolitan Borough Council", "Royal Borough of Greenwich". Only the
// authority itself is read so, never one of its districts; and never a
// name any authority, district or pseudo-area answers to as written, so
// that such a name keeps its own reading. It is not one of a's
// spellings: the caller says the reading where it makes it, since the
// producer may have meant something apart.
func (a *Authority) NamedWithMore(s string) bool {
	f := foldArea(s)
	if f == "" {
		return false
	}
	if _, ok := a.variants[f]; ok {
		return false
	}
	if _, ok := anyVariants()[f]; ok {
		return false
	}
	words := strings.Fields(f)
	codes := []string{strings.ToLower(a.Old), strings.ToLower(a.New)}
	for {
		cut := false
		// An own code is cut where it stands first or last; another
		// authority's is not, so "Leeds (384)" is not read as Leeds.
		if n := len(words); n > 1 && slices.Contains(codes, words[n-1]) {
			words, cut = words[:n-1], true
		} else if n > 1 && slices.Contains(codes, words[0]) {
			words, cut = words[1:], true
		}
		for _, p := range namePrefixes {
			if !cut && len(words) > len(p) && slices.Equal(words[:len(p)], p) {
				words, cut = words[len(p):], true
			}
		}
		for _, x := range nameSuffixes {
			if !cut && len(words) > len(x) && slices.Equal(words[len(words)-len(x):], x) {
				words, cut = words[:len(words)-len(x)], true
			}
		}
		if !cut {
			return false
		}
		// "County LA" is no authority's name, though "County" is one
		// of Kent's spellings.
		rest := strings.Join(words, " ")
		if got, ok := a.variants[rest]; ok && rest != foldedCounty {
			return got == a.Area()
		}
	}
}
