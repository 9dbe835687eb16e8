package importer

import (
	"context"
	"strings"
	"testing"
)

// TestRespelledRefs: a ref the store holds, written another way in a
// later file ("cic05", "SCS 01"), starts a new indicator; the warning at
// its row names the stored ref it likely is.
func TestRespelledRefs(t *testing.T) {
	stored := map[string]bool{"CIC05": true, "SCS01": true}
	known := func(ref string) bool { return stored[ref] }
	tests := []struct {
		ref, meant string // meant "" for no warning
	}{
		{"cic05", "CIC05"},
		{"SCS 01", "SCS01"},
		{"CIC05", ""},
		{"CIC06", ""},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			rows := [][]any{{"Ref", "Indicator", "Polarity", "May-25", "Jun-25"},
				{tt.ref, "Children in care with 3 or more placements (%)", "L", 12.1, 12.6}}
			res, err := Read(context.Background(), writeBook(t, "Scorecard", rows), Options{Known: known})
			if err != nil {
				t.Fatal(err)
			}
			var said []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "written another way") {
					said = append(said, w.Cell+": "+w.Message)
				}
			}
			switch {
			case tt.meant == "" && len(said) > 0:
				t.Errorf("warnings %q, want none", said)
			case tt.meant != "" && (len(said) != 1 || !strings.HasPrefix(said[0], "B2: ") || !strings.Contains(said[0], "the store holds "+tt.meant)):
				t.Errorf("warnings %q, want one at B2 naming %s", said, tt.meant)
			}
		})
	}
}
