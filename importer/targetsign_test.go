package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAccountingTargets: a target, floor or tolerance in brackets reads
// as a negative, as figures do, and is said at its cell: rated against
// -85 every figure passes. A minus sign is a target below 0 as written.
func TestAccountingTargets(t *testing.T) {
	tests := []struct {
		name string
		path func(t *testing.T) string
		want []string // warnings about brackets, each "cell: begins"
	}{
		{"a scorecard's target and floor",
			func(t *testing.T) string {
				return writeBook(t, "Scorecard", [][]any{{"Ref", "Indicator", "Polarity", "Target", "Floor", "Apr-25", "May-25"},
					{"TT13", "Health assessments on time (%)", "H", "(85)", 80, 84, 86},
					{"TT14", "Care leavers in touch (%)", "H", 90, " (85) ", 84, 86},
					{"TT15", "Net change in children in care", "L", -3, "-5", 2, -1}})
			},
			[]string{`D2: TT13: target "(85)" read as -85, below 0, which a target almost never is: if it is 85, write it without brackets`,
				`E3: TT14: floor "(85)" read as -85`}},
		{"a table of targets",
			func(t *testing.T) string {
				p := filepath.Join(t.TempDir(), "targets.csv")
				if err := os.WriteFile(p, []byte("Ref,Year,Target,Floor\nCIC05,2025/26,(10),12\nCIC06,2025/26,-2,-4\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				return p
			},
			[]string{`line 2: CIC05: target "(10)" read as -10`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), tt.path(t), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "brackets") {
					got = append(got, w.Cell+": "+w.Message)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("warnings %q, want %d like %q", got, len(tt.want), tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("warning %q, want it to begin %q", got[i], tt.want[i])
				}
			}
		})
	}
}
