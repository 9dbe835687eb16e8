package store

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"testing"
)

// appendNumberEveryScale is appendNumber as it was, trying every scale in
// turn: what the store has always written, which appendNumber, passing
// over the scales that cannot keep a quotient given in full, must write
// byte for byte.
func appendNumberEveryScale(b []byte, f float64) []byte {
	for k := 0; k <= numberMaxScale; k++ {
		m := math.Round(f * pow10[k])
		if math.Abs(m) >= numberMaxInt {
			break
		}
		i := int64(m)
		if math.Float64bits(float64(i)/pow10[k]) == math.Float64bits(f) {
			z := uint64(i<<1) ^ uint64(i>>63)
			return binary.AppendUvarint(b, z<<3|uint64(k))
		}
	}
	b = binary.AppendUvarint(b, numberRaw)
	return binary.BigEndian.AppendUint64(b, math.Float64bits(f))
}

// TestAppendNumberAsEver: a number is written as it always was, whether
// a count, a figure to a few places, a quotient in full, a rate per
// 10,000, one at the edge of the scaled range (where a smaller scale
// keeps it and the largest overflows), or -0, NaN, an infinity or a
// subnormal; and it reads back to its very bits.
func TestAppendNumberAsEver(t *testing.T) {
	nums := []float64{0, math.Copysign(0, -1), 1, -1, 1896, 62, 65, 62.0 / 65 * 100, 95.4, 95.38, 0.954, 11.7, -0.3, 0.25, 1e-4, 1.5e-4, 12345.6789,
		3.0 / 7, 221.0 / 1896, 57.3, 1e15, 1e16, -1e16, 1 << 50, 1<<50 - 1, 1<<53 + 2, math.MaxFloat64, math.SmallestNonzeroFloat64, 5e-324 * 3, 1e-300,
		math.NaN(), math.Inf(1), math.Inf(-1)}
	// At the edge: i/10^k fits its own scale while i·10^(4-k) does not.
	for k := 1; k < numberMaxScale; k++ {
		edge := int64(numberMaxInt) / int64(pow10[numberMaxScale-k])
		for _, i := range []int64{edge - 1, edge, edge + 1, edge + 7, -edge, -edge - 1, int64(numberMaxInt) - 1, -int64(numberMaxInt) + 1} {
			nums = append(nums, float64(i)/pow10[k])
		}
	}
	r := rand.New(rand.NewPCG(17, 2026))
	for range 200_000 {
		switch r.IntN(4) {
		case 0: // a figure to a few places, as a workbook shows it
			nums = append(nums, float64(r.Int64N(2_000_000)-1_000_000)/math.Pow10(r.IntN(7)))
		case 1: // a percentage of counts, in full
			d := float64(r.IntN(5000) + 1)
			nums = append(nums, float64(r.IntN(int(d)+1))/d*100)
		case 2: // a rate per 10,000 children
			nums = append(nums, float64(r.IntN(3000))/float64(r.IntN(400_000)+1)*10_000)
		default: // any bits at all
			nums = append(nums, math.Float64frombits(r.Uint64()))
		}
	}
	for _, f := range nums {
		got, want := appendNumber(nil, f), appendNumberEveryScale(nil, f)
		if !bytes.Equal(got, want) {
			t.Fatalf("%v (%#x): written % x, always written % x", f, math.Float64bits(f), got, want)
		}
		back, rest, ok := readNumber(got)
		if !ok || len(rest) != 0 || math.Float64bits(back) != math.Float64bits(f) {
			t.Fatalf("%v (%#x) read back as %v (%#x)", f, math.Float64bits(f), back, math.Float64bits(back))
		}
	}
}

// BenchmarkAppendNumber writes the numbers of a monthly scorecard: half
// of them quotients given in full.
func BenchmarkAppendNumber(b *testing.B) {
	nums := make([]float64, 0, 1024)
	for i := range cap(nums) / 2 {
		nums = append(nums, float64(i%700), float64(i%97+1)/float64(i%89+97)*100)
	}
	buf := make([]byte, 0, 16*len(nums))
	for b.Loop() {
		buf = buf[:0]
		for _, f := range nums {
			buf = appendNumber(buf, f)
		}
	}
}
