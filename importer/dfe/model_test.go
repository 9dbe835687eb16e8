package dfe

import (
	"slices"
	"strings"
	"testing"
)

// TestModelNeighboursListedOnce reads models whose row for Kent lists a
// neighbour twice, leaves one blank or names Kent itself (QA hB F8): each
// was taken, and the neighbours' mean was of 9 or held Kent's own
// figure under the model's name. Each is refused at its cell; an
// authority with no neighbours at all is kept with none.
func TestModelNeighboursListedOnce(t *testing.T) {
	const head = "old_la_code,la_name,SN_1,SN_1P,SN_2,SN_2P,SN_3,SN_3P\n"
	const medway = "887,Medway,886,Close,881,Close,845,Close\n"
	for _, tc := range []struct {
		name string
		kent string
		want string // the error, "" for none
	}{
		{"three neighbours", "886,Kent,881,Very close,845,Close,878,Close", ""},
		{"no neighbours at all", "886,Kent,,,,,,", ""},
		{"a neighbour twice", "886,Kent,881,Very close,845,Close,881,Close",
			"sn_2025.csv: line 3, column SN_3: SN_3 of 886 is 881, as SN_1 is"},
		{"the last left blank", "886,Kent,881,Very close,845,Close,,",
			"sn_2025.csv: line 3, column SN_3: SN_3 of 886 is blank, where the model gives 3 neighbours"},
		{"a blank between", "886,Kent,881,Very close,,,878,Close",
			"sn_2025.csv: line 3, column SN_2: SN_2 of 886 is blank, but SN_3 is 878"},
		{"Kent itself", "886,Kent,881,Very close,845,Close,886,Close",
			"sn_2025.csv: line 3, column SN_3: SN_3 of 886 is 886 itself"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ReadModel("sn_2025.csv", strings.NewReader(head+medway+tc.kent+"\n"), "")
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if n := m.NeighboursOf("886"); slices.Contains(n, "886") || len(n) != len(slices.Compact(slices.Sorted(slices.Values(n)))) {
					t.Errorf("Kent's neighbours %v", n)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}
