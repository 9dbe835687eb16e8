package app

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Folding ASCII text in place gives what folding any text gives, for
// every spelling of every authority, district and pseudo-area the
// profiles hold, and for the awkward cases a workbook's headings bring.
func TestFoldASCIIArea(t *testing.T) {
	f, err := parseAuthorities(authoritiesTSV, false)
	if err != nil {
		t.Fatal(err)
	}
	in := []string{"", " ", "&", "and", "District", "District Council", "A&B", "a &&b", "Tonbridge & Malling",
		"TONBRIDGE AND MALLING BC", "Folkestone-and-Hythe District", "Out of County / Unknown", "Kent (886)",
		"E10000016", "  Dover  DC ", "St. Helens", "King's Lynn and West Norfolk", "[Kent]", "Kent\\tCC", "x_y", "ab@cd"}
	for _, p := range f.Pseudo {
		in = append(append(in, p.Name), p.Spellings...)
	}
	for _, a := range f.Authorities {
		in = append(append(in, a.Name, a.Old, a.New), a.Spellings...)
		for _, d := range a.Districts {
			in = append(append(in, d.Name), d.Spellings...)
		}
	}
	ascii := 0
	for _, s := range in {
		if got, want := foldArea(s), foldAreaText(s); got != want {
			t.Errorf("foldArea(%q) = %q, want %q", s, got, want)
		}
		if strings.IndexFunc(s, func(r rune) bool { return r >= utf8.RuneSelf }) < 0 {
			ascii++
		}
	}
	if ascii < len(in)*9/10 {
		t.Errorf("%d of %d spellings ASCII: the fast path is hardly tried", ascii, len(in))
	}
}
