package disclosure

import (
	"slices"
	"testing"
)

// TestReaderWithBeside checks that a release worked out an indicator at
// a time holds what it depends on: R03 its twin R02 and R02's count N01,
// P03 the count its guidance names, N01 nothing else; and that a
// candidate read once and found to carry no counts is not read again.
func TestReaderWithBeside(t *testing.T) {
	whole := impliedStore()
	rd := NewReader(aloneFrom(whole))
	cases := []struct {
		ref  string
		want []string // the indicators whose figures the result holds
	}{
		{"R03", []string{"N01", "R02", "R03"}},
		{"P03", []string{"N02", "P03"}},
		{"N01", []string{"N01"}},
	}
	for _, c := range cases {
		h, err := rd.Load(c.ref)
		if err != nil {
			t.Fatal(err)
		}
		both, err := rd.WithBeside(c.ref, h)
		if err != nil {
			t.Fatal(err)
		}
		if held := refsHeld(both); !slices.Equal(held, c.want) {
			t.Errorf("WithBeside(%s) holds %v, want %v", c.ref, held, c.want)
		}
	}
	// R03, read above, carries no counts, and is not read again to be
	// tested as another's twin; R02 does.
	if !rd.countless["R03"] || rd.countless["R02"] {
		t.Errorf("countless R03 %v, R02 %v; want true, false", rd.countless["R03"], rd.countless["R02"])
	}
}
