package importer

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestShortDecimal checks the fast reading of plain figures against
// strconv.ParseFloat, bit for bit, and that it declines what it does not
// read.
func TestShortDecimal(t *testing.T) {
	same := func(s string) {
		t.Helper()
		got, ok := shortDecimal(s)
		want, err := strconv.ParseFloat(s, 64)
		if !ok {
			return
		}
		if err != nil || math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("shortDecimal(%q) = %v; ParseFloat gives %v, %v", s, got, want, err)
		}
	}
	for _, s := range []string{"0", "-0", "1896", "11.6561", "0.11656", "-3.5", "1.", ".5", "0.1", "0.3", "2.675",
		"123456789012345", "0.000000000000001", "99999999999999.9", "4503599627370497", "1.7976931348623157",
		"0.527559055118110", "0.9007199254740992", "9007199254740992", "0.0000000000000000001", "-0.1234567890123456789"} {
		same(s)
	}
	for _, s := range []string{"", "-", ".", "-.", "1.2.3", "1e5", "1E-05", "+1", "1,896", "12345678901234567", " 1",
		"9007199254740993", "0.9007199254740993", "12345678901234567890", "0.00000000000000000001"} {
		if v, ok := shortDecimal(s); ok {
			t.Errorf("shortDecimal(%q) = %v, want it left to ParseFloat", s, v)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 400_000 {
		// Up to 20 digits, some after "0." as Excel writes fractions.
		n := 1 + r.IntN(20)
		b := make([]byte, 0, n+4)
		if r.IntN(4) == 0 {
			b = append(b, '-')
		}
		if r.IntN(3) == 0 {
			b = append(b, "0."...)
			for range n {
				b = append(b, byte('0'+r.IntN(10)))
			}
			same(string(b))
			continue
		}
		point := r.IntN(n + 1)
		for i := range n {
			if i == point {
				b = append(b, '.')
			}
			b = append(b, byte('0'+r.IntN(10)))
		}
		same(string(b))
	}
}
