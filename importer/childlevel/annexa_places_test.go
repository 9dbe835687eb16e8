package childlevel

import (
	"testing"

	"scorecard/app"
)

// TestPlaceColumns checks that the district and LA of placement columns
// are read by the authority's own places and the LA codes and names:
// another place counts as Out of County or outside the authority, and
// anything else, identifiers included, is NotRecognised rather than its
// own text.
func TestPlaceColumns(t *testing.T) {
	surreyAuth, _ := app.LookupAuthority("Surrey")
	kent, surrey := annexAReader{auth: app.DefaultAuthority()}, annexAReader{auth: surreyAuth}
	kentDistrict := func(s string) string { return district(kent.auth, s) }
	surreyDistrict := func(s string) string { return district(surreyAuth, s) }
	for _, c := range []struct {
		column string
		read   func(string) string
		in     string
		want   string
	}{
		{"district", kentDistrict, "Dover", "Dover"},
		{"district", kentDistrict, "Medway", "Out of County / Unknown"},
		{"district", kentDistrict, "943 476 5919", NotRecognised},
		{"LA of placement", kent.placementLocation, "886", "In Kent"},
		{"LA of placement", kent.placementLocation, "Essex", "Outside Kent"},
		{"LA of placement", kent.placementLocation, "A123456789012", NotRecognised},
		{"district", surreyDistrict, "Epsom & Ewell", "Epsom and Ewell"},
		{"district", surreyDistrict, "Dover", "Out of County / Unknown"},
		{"LA of placement", surrey.placementLocation, "936", "In Surrey"},
		{"LA of placement", surrey.placementLocation, "Woking", "In Surrey"},
		{"LA of placement", surrey.placementLocation, "886", "Outside Surrey"},
	} {
		if got := c.read(c.in); got != c.want {
			t.Errorf("%s %q = %q, want %q", c.column, c.in, got, c.want)
		}
	}
}
