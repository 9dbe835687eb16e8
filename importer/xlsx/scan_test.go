package xlsx

import "testing"

func TestColumnOf(t *testing.T) {
	for ref, want := range map[string]int{"A1": 0, "Z9": 25, "AA10": 26, "AB12": 27, "XFD1": 16383, "XFE1": -1, "AAAAAAAAAAAAAAAA1": -1, "12": -1} {
		got, ok := ColumnOf([]byte(ref))
		if want < 0 {
			if ok {
				t.Errorf("ColumnOf(%q) = %d, want not a reference", ref, got)
			}
			continue
		}
		if !ok || got != want {
			t.Errorf("ColumnOf(%q) = %d, %v; want %d", ref, got, ok, want)
		}
	}
}

func TestSharedStrings(t *testing.T) {
	for _, tt := range []struct{ xml, want string }{
		{`<sst><si><t>Ashford</t></si></sst>`, "Ashford"},
		{`<sst><si><r><t>Tonbridge </t></r><r><rPr><b/></rPr><t xml:space="preserve">&amp; </t></r><r><t>Malling</t></r></si></sst>`, "Tonbridge & Malling"},
		{`<sst><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si></sst>`, "東京"},
		{`<sst><si><t/></si></sst>`, ""},
	} {
		got, err := SharedStrings([]byte(tt.xml))
		if err != nil || len(got) != 1 || got[0] != tt.want {
			t.Errorf("SharedStrings(%s) = %q, %v; want [%q]", tt.xml, got, err, tt.want)
		}
	}
}
