package app

import "testing"

func TestParseArea(t *testing.T) {
	tests := []struct {
		in   string
		want Area
	}{
		{"Kent", Kent},
		{"KENT", Kent},
		{"Kent County Council", Kent},
		{"E10000016", Kent},
		{"886", Kent},
		{"Shepway", "Folkestone and Hythe"},
		{"Folkestone & Hythe", "Folkestone and Hythe"},
		{"Folkestone and Hythe District", "Folkestone and Hythe"},
		{"Tonbridge & Malling", "Tonbridge and Malling"},
		{"Tonbridge and Malling", "Tonbridge and Malling"},
		{"tunbridge wells", "Tunbridge Wells"},
		{" Ashford ", "Ashford"},
		{"Out of County / Unknown", OutOfCounty},
		{"Out of County/Unknown", OutOfCounty},
		{"UASC Service", UASCService},
	}
	for _, tt := range tests {
		if got, ok := ParseArea(tt.in); !ok || got != tt.want {
			t.Errorf("ParseArea(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	for _, bad := range []string{"Medway", "Essex", "", "and"} {
		if got, ok := ParseArea(bad); ok {
			t.Errorf("ParseArea(%q) = %q, want not a Kent area", bad, got)
		}
	}
	if len(Areas) != 13 || Areas[0] != Kent {
		t.Errorf("Areas = %v, want Kent and 12 districts", Areas)
	}
}
