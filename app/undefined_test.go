package app

import (
	"slices"
	"testing"
)

func TestHistoryUndefined(t *testing.T) {
	jan := MonthOf(2026, 1)
	figures := func(refs ...string) []Observation {
		var obs []Observation
		for _, ref := range refs {
			obs = append(obs, Observation{Ref: ref, Area: Kent, Split: All, Period: jan, Value: Float(10.5)},
				Observation{Ref: ref, Area: "Thanet", Split: All, Period: jan, Value: Float(12.1)})
		}
		return obs
	}
	tests := []struct {
		name string
		ds   Dataset
		want []string
	}{
		{"every figure defined", Dataset{Indicators: []Indicator{{Ref: "CIC05", Unit: Percent}}, Observations: figures("CIC05")}, nil},
		{"a definition without figures", Dataset{Indicators: []Indicator{{Ref: "CIC05", Unit: Percent}, {Ref: "SCS08"}}, Observations: figures("CIC05")}, nil},
		{"figures of two undefined refs, each named once", Dataset{Indicators: []Indicator{{Ref: "EH01", Unit: Percent}},
			Observations: figures("SCS08", "EH01", "CIC05")}, []string{"CIC05", "SCS08"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := NewHistory()
			h.Apply(&tt.ds, "I0002")
			if got := h.Undefined(); !slices.Equal(got, tt.want) {
				t.Errorf("Undefined() = %q, want %q", got, tt.want)
			}
		})
	}
}
