package importer

import (
	"strings"

	"scorecard/app"
)

// A scorecard circulated "excluding UASC" may say so on each row, its
// Refs kept and the cohort added to each name: "CIC01 | Number of
// children in care (excluding UASC)". Read as the indicator's own name,
// its figures were filed as the store's all-children figures of CIC01,
// every month a revision, the name said only as a definition changed
// (QA probe 6). Where the store holds the Ref under the name without
// the cohort's words, the row's figures are read as the cohort's split,
// and the stored name stands.

// storedNameSplit reports the children the name of row ref says its
// figures count, where the name is the store's name for ref with words
// naming a cohort added before or after it, and the stored name names
// none. It returns the split and the stored name.
func (s *sheetReader) storedNameSplit(ref, name string) (app.Split, string, bool) {
	if s.l.defined == nil || name == "" {
		return app.All, "", false
	}
	split, named, doubt := splitOf(name)
	if !named || doubt != "" || split == app.All {
		return app.All, "", false
	}
	def, ok := s.l.defined(ref)
	if !ok {
		return app.All, "", false
	}
	if _, storedNamed, _ := splitOf(def.Name); storedNamed {
		return app.All, "", false // the stored indicator counts a cohort itself
	}
	have, stored := nameKey(name), nameKey(def.Name)
	var added string
	switch {
	case stored == "":
		return app.All, "", false
	case strings.HasPrefix(have, stored+" "):
		added = have[len(stored)+1:]
	case strings.HasSuffix(have, " "+stored):
		added = have[:len(have)-len(stored)-1]
	default:
		return app.All, "", false
	}
	if sp, ok, doubt := splitOf(added); !ok || doubt != "" || sp != split {
		return app.All, "", false
	}
	return split, def.Name, true
}
