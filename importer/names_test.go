package importer

import (
	"strings"
	"testing"

	"scorecard/app"
)

func TestHeaderRole(t *testing.T) {
	tests := []struct {
		in     string
		role   Role
		period string
		area   app.Area
	}{
		{in: "Ref", role: RoleRef},
		{in: " REF. ", role: RoleRef},
		{in: "Indicator*", role: RoleName},
		{in: "Indicator Description", role: RoleName},
		{in: "Polarity (H/L)", role: RolePolarity},
		{in: "Data Period", role: RoleDataPeriod},
		{in: "2025/26 Outturn", role: RolePrevious, period: "2025/26"},
		{in: "Previous year outturn", role: RolePrevious},
		{in: "Target 2024/25", role: RoleTarget, period: "2024/25"},
		{in: "Floor (2024/25 AY)", role: RoleFloor, period: "2024/25AY"},
		{in: "England 2024/25", role: RoleEngland, period: "2024/25"},
		{in: "Stat Neighbours 2024/25", role: RoleNeighbours, period: "2024/25"},
		{in: "Statistical neighbour average", role: RoleNeighbours},
		{in: "Direction of Travel", role: RoleDoT},
		{in: "RAG rating", role: RoleRAG},
		{in: "Comments", role: RoleComments},
		{in: "Numerator", role: RoleNumerator},
		{in: "Mar-25", role: RolePeriod, period: "2025-03"},
		{in: "March 2025", role: RolePeriod, period: "2025-03"},
		{in: "45717", role: RolePeriod, period: "2025-03"},
		{in: "Q4 2024", role: RolePeriod, period: "2024-Q4"},
		{in: "Period", role: RolePeriod},
		{in: "Tonbridge & Malling", role: RoleArea, area: "Tonbridge and Malling"},
		{in: "Shepway", role: RoleArea, area: "Folkestone and Hythe"},
		{in: "Kent", role: RoleArea, area: app.Kent},
		{in: "Lead Officer", role: RoleOwner},
		{in: "Responsible officer", role: RoleOwner},
		{in: "Owner", role: RoleOwner},
		{in: "LA Name", role: RoleArea},
		{in: "2025"},
		{in: "3"},
	}
	for _, tt := range tests {
		role, period, area := headerRole(tt.in)
		if role != tt.role || period.String() != tt.period || area != tt.area {
			t.Errorf("headerRole(%q) = %q %q %q, want %q %q %q", tt.in, role, period, area, tt.role, tt.period, tt.area)
		}
	}
}

func TestStripFootnote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Children in care*", "Children in care"},
		{"Children in care **", "Children in care"},
		{"Pupils persistently absent (%) (1)", "Pupils persistently absent (%)"},
		{"Re-referrals [2]", "Re-referrals"},
		{"Care leavers in EET¹", "Care leavers in EET"},
		{"Adoptions†", "Adoptions"},
		{"CIC01 (1)", "CIC01"},
		{"Placed with in-house carers (%)", "Placed with in-house carers (%)"},
		{"Key stage (KS2)", "Key stage (KS2)"},
		{"  Two\u00a0 spaces  ", "Two spaces"},
		{"*", ""},
	}
	for round := range 2 { // the second from memory
		for _, tt := range tests {
			if got := stripFootnote(tt.in); got != tt.want {
				t.Errorf("round %d: stripFootnote(%q) = %q, want %q", round, tt.in, got, tt.want)
			}
		}
	}
}

// TestTotalLabelAndTwins checks the labels read as totals, and the
// twin-row test that refs begin with the row's above in any case, both
// passing over ASCII text without lower-casing copies of it, against
// what lower-cased copies say.
func TestTotalLabelAndTwins(t *testing.T) {
	totals := []struct {
		in   string
		want bool
	}{
		{"Total", true}, {"TOTALS", true}, {"Sub-total", true}, {"Sub Total:", true}, {"Grand\u00a0Total", true},
		{"Overall total.", true}, {"Total all", true}, {"CIC05", false}, {"Totally", false}, {"Total CiC", false},
		{"", false}, {"Tötal", false}, {"Total ", true},
	}
	for _, tt := range totals {
		if got := isTotalLabel(tt.in); got != tt.want {
			t.Errorf("isTotalLabel(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	twins := []struct{ s, prefix string }{
		{"CIC05a", "CIC05"}, {"cic05a", "CIC05"}, {"CIC05", "cic05a"}, {"SCS02", "CIC05"}, {"", ""}, {"EH1", ""},
		{"ÉH1a", "éh1"}, {"éh1a", "ÉH1"}, {"İ1a", "i̇1"}, {"\u212a1a", "k1"}, {"K1a", "\u212a1"},
	}
	for _, tt := range twins {
		want := strings.HasPrefix(strings.ToLower(tt.s), strings.ToLower(tt.prefix))
		if got := hasPrefixFold(tt.s, tt.prefix); got != want {
			t.Errorf("hasPrefixFold(%q, %q) = %v, want %v", tt.s, tt.prefix, got, want)
		}
	}
}

func TestArrowAndRAG(t *testing.T) {
	arrows := []struct {
		text string
		lk   look
		pol  app.Polarity
		want app.Arrow
	}{
		{"é", look{wingdings: true}, app.HigherBetter, app.Up},
		{"ê", look{wingdings: true}, app.HigherBetter, app.Down},
		{"è", look{wingdings: true}, app.LowerBetter, app.Across},
		{"↑", look{}, app.PolarityNone, app.Up},
		{"▼", look{}, app.PolarityNone, app.Down},
		{"►", look{}, app.PolarityNone, app.Across},
		{"Improved", look{}, app.LowerBetter, app.Down},
		{"Worsening", look{}, app.LowerBetter, app.Up},
		{"Improved", look{}, app.PolarityNone, app.NoArrow},
		{"n/a", look{}, app.HigherBetter, app.NoArrow},
	}
	for _, tt := range arrows {
		if got := arrowOf(tt.text, tt.lk, tt.pol); got != tt.want {
			t.Errorf("arrowOf(%q, %+v, %s) = %q, want %q", tt.text, tt.lk, tt.pol, got, tt.want)
		}
	}
	rags := []struct {
		text, fill string
		want       app.RAG
	}{
		{"Red", "", app.Red},
		{"A", "", app.Amber},
		{"GREEN", "FF0000", app.Green},
		{"", "FF0000", app.Red},
		{"", "FFC7CE", app.Red},
		{"", "FFC000", app.Amber},
		{"", "FFFF00", app.Amber},
		{"", "FF00B050", app.Green},
		{"", "92D050", app.Green},
		{"", "D9D9D9", app.NoRAG},
		{"", "FFFFFF", app.NoRAG},
		{"", "4472C4", app.NoRAG},
		{"n/a", "FF0000", app.NoRAG},
	}
	for _, tt := range rags {
		if got := ragOf(tt.text, look{fill: tt.fill}); got != tt.want {
			t.Errorf("ragOf(%q, fill %s) = %q, want %q", tt.text, tt.fill, got, tt.want)
		}
	}
}

func TestReadFigure(t *testing.T) {
	tests := []struct {
		text     string
		lk       look
		value    float64
		status   app.Status
		percent  bool
		decimals int
	}{
		{text: "0.1166", lk: look{percent: true, decimals: 1}, value: 11.66, percent: true, decimals: 1},
		{text: "11.7", lk: look{decimals: -1}, value: 11.7, decimals: 1},
		{text: "11.7%", lk: look{decimals: -1}, value: 11.7, percent: true, decimals: 1},
		{text: "11.7\u00a0%", lk: look{decimals: -1}, value: 11.7, percent: true, decimals: 1},
		{text: "221/1896", lk: look{decimals: -1}, value: 221.0 / 1896 * 100, percent: true, decimals: -1},
		{text: "1,896", lk: look{decimals: -1}, value: 1896, decimals: 0},
		{text: "(14)", lk: look{decimals: -1}, value: -14, decimals: 0},
		{text: "#N/A", lk: look{decimals: -1}, status: app.NotAvailable, decimals: -1},
		{text: "[c]", lk: look{decimals: -1}, status: app.Suppressed, decimals: -1},
		// 0.0"%": the sign is text, and 63.7 is 63.7%, not 6370%.
		{text: "63.7", lk: look{percentSign: true, decimals: 1}, value: 63.7, percent: true, decimals: 1},
		{text: "63.7", lk: look{percentSign: true, decimals: -1}, value: 63.7, percent: true, decimals: 1},
	}
	for _, tt := range tests {
		rd, err := readFigure(tt.text, tt.lk, nil)
		if err != nil {
			t.Errorf("readFigure(%q): %v", tt.text, err)
			continue
		}
		if rd.status != tt.status || rd.percent != tt.percent || rd.decimals != tt.decimals ||
			(tt.status == app.OK && !approx(rd.value, tt.value)) {
			t.Errorf("readFigure(%q) = %v %q percent %v decimals %d, want %v %q %v %d",
				tt.text, fmtPtr(rd.value), rd.status, rd.percent, rd.decimals, tt.value, tt.status, tt.percent, tt.decimals)
		}
	}
}

func TestFormatDecimals(t *testing.T) {
	tests := []struct {
		code     string
		percent  bool
		decimals int
		sign     bool // a % shown as text, not scaling
	}{
		{"0.0%", true, 1, false},
		{"0%", true, 0, false},
		{"#,##0", false, 0, false},
		{"#,##0.00;[Red]-#,##0.00", false, 2, false},
		{`0.0" days"`, false, 1, false},
		{"General", false, -1, false},
		{"mmm-yy", false, -1, false},
		{`0.0"%"`, false, 1, true},
		{`0.0\%`, false, 1, true},
		{`0" %"`, false, 0, true},
		{`0.0;"-%"`, false, 1, false}, // only the negative section's
	}
	for _, tt := range tests {
		if got := formatPercentSign(tt.code); got != tt.sign {
			t.Errorf("formatPercentSign(%q) = %v, want %v", tt.code, got, tt.sign)
		}
		p, d, _ := formatScale(tt.code)
		if p != tt.percent || d != tt.decimals {
			t.Errorf("formatScale(%q) = %v %d, want %v %d", tt.code, p, d, tt.percent, tt.decimals)
		}
	}
}
