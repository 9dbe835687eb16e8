package importer

import (
	"slices"
	"testing"

	"scorecard/app"
)

// TestScorecardWithTargetYear: a scorecard sheet with a "Target Year"
// column beside its Target, Floor and month columns is a scorecard, not
// a targets table, and each row's target year dates its targets. It had
// been read as a targets table: every monthly figure, name and polarity
// left unread and the indicators added as bare refs. A targets table
// (one row per indicator and year) with milestone months stays one.
func TestScorecardWithTargetYear(t *testing.T) {
	tests := []struct {
		name     string
		rows     [][]any
		kind     Kind
		figures  int
		targets  []string // targetsRead
		names    map[string]string
		yearType app.PeriodKind // QA11's
	}{{
		name: "scorecard with Target Year",
		rows: [][]any{
			{"Education Scorecard - October 2025"},
			{},
			{"Ref", "Indicator", "Polarity", "Target Year", "Target", "Floor", "Jun-25", "Jul-25", "Aug-25", "Sep-25", "Oct-25"},
			{"QA11", "Pupils persistently absent (%)", "L", "2025/26", 15, 18, 20, 21, 22, 16, 17},
			{"QA12", "EHCPs issued within 20 weeks (%)", "H", "2025/26", 60, 50, 55, 56, 57, 58, 62},
		},
		kind: IndicatorSheet, figures: 10,
		targets: []string{"2025/26 15/18", "2025/26 60/50"},
		names:   map[string]string{"QA11": "Pupils persistently absent (%)", "QA12": "EHCPs issued within 20 weeks (%)"},
	}, {
		// The row's year, not the latest month's, dates its target.
		name: "target year before the latest month's",
		rows: [][]any{
			{"Ref", "Indicator", "Polarity", "Target Year", "Target", "Floor", "Feb-25", "Mar-25", "Apr-25"},
			{"QA11", "Pupils persistently absent (%)", "L", "2024/25", 15, 18, 20, 21, 22},
		},
		kind: IndicatorSheet, figures: 3,
		targets: []string{"2024/25 15/18"},
		names:   map[string]string{"QA11": "Pupils persistently absent (%)"},
	}, {
		name: "academic target year",
		rows: [][]any{
			{"Ref", "Indicator", "Polarity", "Year", "Target", "Floor", "Sep-25", "Oct-25"},
			{"QA11", "Pupils persistently absent (%)", "L", "2025/26 AY", 15, 18, 20, 21},
		},
		kind: IndicatorSheet, figures: 2,
		targets:  []string{"2025/26 AY 15/18"},
		names:    map[string]string{"QA11": "Pupils persistently absent (%)"},
		yearType: app.AcademicYear,
	}, {
		name: "targets table with milestone months",
		rows: [][]any{
			{"Ref", "Year", "Target", "Floor", "Sep-25"},
			{"QA11", "2024/25", 15, 18, 16},
			{"QA11", "2025/26", 14, 17, 15},
		},
		kind:    TargetSheet,
		targets: []string{"2024/25 15/18", "2025/26 14/17"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustRead(t, writeBook(t, "Scorecard", tt.rows))
			if len(res.Layouts) != 1 || res.Layouts[0].Kind != tt.kind {
				t.Fatalf("layouts %+v, want one of kind %s", res.Layouts, tt.kind)
			}
			if got := len(res.Dataset.Observations); got != tt.figures {
				t.Errorf("%d figures read, want %d", got, tt.figures)
			}
			if got := targetsRead(res); !slices.Equal(got, tt.targets) {
				t.Errorf("targets = %q, want %q", got, tt.targets)
			}
			for _, ind := range res.Dataset.Indicators {
				if want, ok := tt.names[ind.Ref]; ok && ind.Name != want {
					t.Errorf("%s named %q, want %q", ind.Ref, ind.Name, want)
				}
				if ind.Ref == "QA11" && ind.YearType != tt.yearType {
					t.Errorf("QA11 year type %v, want %v", ind.YearType, tt.yearType)
				}
			}
			for _, w := range res.Warnings {
				t.Logf("warning: %s!%s: %s", w.Sheet, w.Cell, w.Message)
			}
		})
	}
}
