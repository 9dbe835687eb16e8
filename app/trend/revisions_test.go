package trend

import (
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// TestRevisionsOfTheMonth: the month's revised and definition flags, and
// Revisions, say what changed in figures already circulated (QA27a 2,
// 3): a figure the month's import revised; one it gave late for a month
// an earlier file ran to blank; a definition an import accepted since
// the month's figure came. A first import, or an indicator new with its
// history, gives no figure late; a definition changed before the month's
// figure came is not the month's news.
func TestRevisionsOfTheMonth(t *testing.T) {
	apr, may, jun, jul := app.MonthOf(2025, 4), app.MonthOf(2025, 5), app.MonthOf(2025, 6), app.MonthOf(2025, 7)
	polarity := app.DefinitionChange{Ref: "CIC05", Field: "polarity", Old: "H", New: "L",
		At: app.Location{File: "defs.xlsx", Sheet: "Definitions", Cell: "C2"}}.Warning(true)
	type file struct {
		id      string
		figures map[app.Period]float64
		reach   app.Period
		warns   []app.Warning
	}
	for _, tt := range []struct {
		name  string
		files []file
		month app.Period
		want  []string // "kind: detail" of the revised and definition flags
	}{
		{"a figure revised", []file{
			{"I1", map[app.Period]float64{apr: 11, may: 11.2}, may, nil},
			{"I2", map[app.Period]float64{apr: 11, may: 11.7, jun: 11.4}, jun, nil}},
			jun, []string{"revised: May-25 revised from 11.2% to 11.7%"}},
		{"a month left blank, given late", []file{
			{"I1", map[app.Period]float64{apr: 11}, apr, nil},
			{"I2", map[app.Period]float64{apr: 11}, may, nil}, // ran to May, CIC05 blank
			{"I3", map[app.Period]float64{apr: 11, may: 11.3, jun: 11.4}, jun, nil}},
			jun, []string{"revised: May-25 given late: 11.3%, where an earlier file that ran to May-25 gave no figure"}},
		// A past month's flags are what its circulation said: the
		// imports from the one that brought its figure to the one that
		// went past it, whatever a later import revised since.
		{"a past month's figure revised, then again by a later import", []file{
			{"I1", map[app.Period]float64{apr: 11, may: 11.2}, may, nil},
			{"I2", map[app.Period]float64{may: 11.7, jun: 11.4}, jun, nil},
			{"I3", map[app.Period]float64{may: 11.9, jul: 11.0}, jul, nil}},
			jun, []string{"revised: May-25 revised from 11.2% to 11.7%"}},
		{"the later import's revision is the next month's", []file{
			{"I1", map[app.Period]float64{apr: 11, may: 11.2}, may, nil},
			{"I2", map[app.Period]float64{may: 11.7, jun: 11.4}, jun, nil},
			{"I3", map[app.Period]float64{may: 11.9, jul: 11.0}, jul, nil}},
			jul, []string{"revised: May-25 revised from 11.7% to 11.9%"}},
		{"a figure revised twice while the month was the latest: from what was circulated before", []file{
			{"I1", map[app.Period]float64{apr: 11, may: 11.2}, may, nil},
			{"I2", map[app.Period]float64{may: 11.7, jun: 11.4}, jun, nil},
			{"I3", map[app.Period]float64{may: 11.8}, may, nil}}, // a correction file
			jun, []string{"revised: May-25 revised from 11.2% to 11.8%"}},
		{"a past month's own figure revised by a later import: the later month's news", []file{
			{"I1", map[app.Period]float64{apr: 11, may: 11.2}, may, nil},
			{"I2", map[app.Period]float64{may: 11.7, jun: 11.4}, jun, nil},
			{"I3", map[app.Period]float64{jun: 11.6, jul: 11.0}, jul, nil}},
			jun, []string{"revised: May-25 revised from 11.2% to 11.7%"}},
		{"a past month's late fill, revised by a later import", []file{
			{"I1", map[app.Period]float64{apr: 11}, apr, nil},
			{"I2", map[app.Period]float64{apr: 11}, may, nil}, // ran to May, CIC05 blank
			{"I3", map[app.Period]float64{apr: 11, may: 11.3, jun: 11.4}, jun, nil},
			{"I4", map[app.Period]float64{may: 11.5, jul: 11.0}, jul, nil}},
			jun, []string{"revised: May-25 given late: 11.3%, where an earlier file that ran to May-25 gave no figure"}},
		{"a first import's history", []file{
			{"I1", map[app.Period]float64{apr: 11, may: 11.3, jun: 11.4}, jun, nil}},
			jun, nil},
		{"an indicator new with its history", []file{
			{"I1", nil, may, nil},
			{"I2", map[app.Period]float64{apr: 11, may: 11.3, jun: 11.4}, jun, nil}},
			jun, nil},
		{"a polarity accepted after the month's figures", []file{
			{"I1", map[app.Period]float64{apr: 11, may: 11.3, jun: 11.4}, jun, nil},
			{"I2", nil, app.Period{}, []app.Warning{polarity}}},
			jun, []string{"definition: CIC05 polarity changed from H (higher is better) to L (lower is better) on 5 Dec 2026 (import I2, defs.xlsx: Definitions!C2): earlier ratings and directions of travel recomputed"}},
		{"a polarity accepted the month before", []file{
			{"I1", map[app.Period]float64{apr: 11, may: 11.3, jun: 11.4}, jun, nil},
			{"I2", nil, app.Period{}, []app.Warning{polarity}},
			{"I3", map[app.Period]float64{apr: 11, may: 11.3, jun: 11.4, jul: 11.0}, jul, nil}},
			jul, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := app.NewHistory()
			h.AddIndicator(cic05)
			for _, f := range tt.files {
				im := app.Import{ID: f.id, Source: strings.ToLower(f.id) + ".xlsx", Time: time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC), Warnings: f.warns}
				if !f.reach.IsZero() {
					im.Reach = []app.Period{f.reach}
				}
				h.Imports = append(h.Imports, im)
				for _, p := range []app.Period{apr, may, jun, jul} {
					if v, ok := f.figures[p]; ok {
						h.Add(app.Observation{Ref: "CIC05", Area: app.Kent, Period: p, Value: app.Float(v), Import: f.id})
					}
				}
			}
			var got []string
			for _, f := range Flags(h, tt.month, Options{}) {
				if f.Kind == Revised || f.Kind == Definition {
					got = append(got, f.Kind+": "+f.Detail)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("flags:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			revs := Revisions(h, tt.month, Options{})
			if len(revs) != len(tt.want) {
				t.Fatalf("%d revisions, want %d", len(revs), len(tt.want))
			}
			for i, r := range revs {
				if r.Detail != strings.SplitN(tt.want[i], ": ", 2)[1] || r.Key != kent {
					t.Errorf("revision %d: %+v", i, r)
				}
			}
		})
	}
}
