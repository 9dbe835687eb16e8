package csvfile

import "testing"

// TestSniffSeparator: the separator is the one that parts the first lines
// alike, outside quotes.
func TestSniffSeparator(t *testing.T) {
	tests := []struct {
		head string
		want rune
	}{
		{"Ref,Indicator,Period,Value\nA,B,2024-04,1\n", ','},
		{"Ref;Indicator (count, all children);Polarity;Apr-24\nCLA;Children;-;1\nRR;Re-referrals, 12 months;L;2\n", ';'},
		{"Ref\tIndicator\tApr-24\nA\tB, c\t1\n", '\t'},
		{"\"Ref;x\",Indicator,Period\n\"a;b;c\",B,2024-04\n", ','},
		{"Leeds report; December\nRef,Indicator,Period,Value\nA,B,2024-04,1\nC,D,2024-05,2\n", ','},
		{"Ref;Indicator;Apr-24", ';'},
	}
	for _, tt := range tests {
		if got := sniffSeparator([]byte(tt.head)); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.head, got, tt.want)
		}
	}
}
