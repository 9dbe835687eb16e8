package childlevel

import "testing"

// TestCodeLists checks that each coded column is read by its closed code
// list: codes and the DfE's own words give their published group, and
// anything else, identifiers included, is NotRecognised rather than its
// own text.
func TestCodeLists(t *testing.T) {
	for _, c := range []struct {
		column string
		read   func(string) string
		in     string
		want   string
	}{
		{"gender", gender, "a) Male", "Male"},
		{"gender", gender, "2", "Female"},
		{"gender", gender, "Not known", "Other or not known"},
		{"gender", gender, "", Unknown},
		{"gender", gender, "943 476 5919", NotRecognised},
		{"ethnicity", ethnicGroup, "WBRI", "White"},
		{"ethnicity", ethnicGroup, "a) MWBC: White and Black Caribbean", "Mixed or multiple ethnic groups"},
		{"ethnicity", ethnicGroup, "White and Asian", "Mixed or multiple ethnic groups"},
		{"ethnicity", ethnicGroup, "Gypsy/Roma", "White"},
		{"ethnicity", ethnicGroup, "Any other Asian background", "Asian or Asian British"},
		{"ethnicity", ethnicGroup, "Any other ethnic group", "Other ethnic groups"},
		{"ethnicity", ethnicGroup, "Information not yet obtained", "Refused or not obtained"},
		{"ethnicity", ethnicGroup, "Zebedee Whitehead", NotRecognised},
		{"ethnicity", ethnicGroup, "A123456789012", NotRecognised},
		{"legal status", legalStatus, "b) C2: Full care order", "Full care order"},
		{"legal status", legalStatus, "full care order", "Full care order"},
		{"legal status", legalStatus, "V2", "Voluntary agreement under S20"},
		{"legal status", legalStatus, "943 476 5919", NotRecognised},
		{"legal status", legalStatus, "Zebedee Quartermaine", NotRecognised},
		{"legal status", legalStatus, "C9", NotRecognised},
		{"placement type", placementType, "U1: Foster placement with relative", "Foster placements"},
		{"placement type", placementType, "14/07/2011", NotRecognised},
		{"category of need", categoryOfNeed, "N9", "N9 Cases other than children in need"},
		{"category of need", categoryOfNeed, "Abuse or neglect", "N1 Abuse or neglect"},
		{"category of need", categoryOfNeed, "N10", NotRecognised},
		{"reason ceased", reasonCeased, "E11: Adopted - application unopposed", reasonAdopted},
		{"reason ceased", reasonCeased, "E4A", "Returned home to parents or others with parental responsibility"},
		{"reason ceased", reasonCeased, "A123456789012", NotRecognised},
	} {
		if got := c.read(c.in); got != c.want {
			t.Errorf("%s %q = %q, want %q", c.column, c.in, got, c.want)
		}
	}
}
