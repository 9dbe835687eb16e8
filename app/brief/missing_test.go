package brief

import (
	"slices"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// overdue is QA26b's store: a monthly count to Oct-26 beside Q05, a
// quarterly percentage (Data period Q), Oct-Dec 2024 to Apr-Jun 2026 (40
// to 58 of 100; target 70%, floor 55%), held as quarters or, as a
// scorecard gives them, in the months quarters end: Jul-Sep 2026 never
// came.
func overdue(asMonths bool) *app.History {
	q := app.Indicator{Ref: "Q05", Name: "Care leavers in education (%)", Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1,
		Measure: app.Proportion, DataPeriod: app.QuarterPeriod}
	var figs []float64
	for i := range 7 {
		figs = append(figs, float64(40+3*i))
	}
	return beside(q, figs, asMonths)
}

// TestBriefListsOverdueQuarter: a quarter not in by the month it was due
// is an exception of the brief, said as a monthly figure missing is and
// counted in its heading, in the month it was due (newly flagged) and in
// each month after while flags has it (overdue), never only under a
// "quarterly:" note. Before it is due it is the quarterly note alone
// (QA26b S2: the brief said it under "quarterly: ... next was due Sep-26"
// and its count left it out).
func TestBriefListsOverdueQuarter(t *testing.T) {
	for _, asMonths := range []bool{false, true} {
		for _, tt := range []struct {
			period  app.Period
			why     []string // Q05's item's; nil for none
			line    string
			note    string // OffCycle's
			heading string // the end of the heading
		}{
			{app.MonthOf(2026, time.August), nil, "",
				"Q05 Care leavers in education (%): quarterly: Apr-Jun 2026 = 58.0% AMBER; next due Sep-26, so August 2026 has no figure, rating or direction of it.",
				"red, worsened, special cause or newly flagged)"},
			{app.MonthOf(2026, time.September), []string{"newly flagged"},
				"Care leavers in education (%): no figure; new this month: no figure for Jul-Sep 2026 (last figure Apr-Jun 2026: 58.0%)", "",
				"red, worsened, special cause or newly flagged)"},
			{app.MonthOf(2026, time.October), []string{"overdue"},
				"Care leavers in education (%): no figure; overdue: no figure for Jul-Sep 2026, due Sep-26 (last figure Apr-Jun 2026: 58.0%)", "",
				"red, worsened, special cause, newly flagged or overdue)"},
		} {
			name := tt.period.Label() + " of quarters"
			if asMonths {
				name = tt.period.Label() + " of quarter-end months"
			}
			t.Run(name, func(t *testing.T) {
				items, _, figures, opt := circulated(overdue(asMonths), nil, 5, tt.period)
				i := slices.IndexFunc(items, func(it Item) bool { return it.Ref == "Q05" })
				switch {
				case tt.why == nil && i >= 0:
					t.Errorf("Q05 listed in %s: %q", tt.period.Label(), items[i].Line)
				case tt.why != nil && i < 0:
					t.Errorf("Q05 not listed in %s", tt.period.Label())
				case i >= 0 && (!slices.Equal(items[i].Why, tt.why) || items[i].Line != tt.line):
					t.Errorf("Q05 in %s: %q %q, want %q %q", tt.period.Label(), items[i].Why, items[i].Line, tt.why, tt.line)
				}
				off := OffCycle(figures, opt)
				if off != tt.note {
					t.Errorf("OffCycle = %q, want %q", off, tt.note)
				}
				txt := Text(Heading(app.Kent, tt.period, "", items), items, Left{}, off, Foot(figures, opt))
				if head, _, _ := strings.Cut(txt, "\n"); !strings.HasSuffix(head, tt.heading) {
					t.Errorf("heading %q, want it to end %q", head, tt.heading)
				}
				if tt.line != "" && !strings.Contains(txt, "\n- "+tt.line+".\n") {
					t.Errorf("the brief does not list %q:\n%s", tt.line, txt)
				}
			})
		}
	}
}

// TestBriefListsBlankMonth: a monthly figure left blank in the month
// reported is an exception of the brief, as flags has it missing and as
// a figure written "tbc" is: it had no point in the month, so the brief
// and the pack's page 1 said nothing of it (QA27a 4). Gone too long, as
// flags stops saying it, it is not listed.
func TestBriefListsBlankMonth(t *testing.T) {
	ind := app.Indicator{Ref: "EH04", Name: "Early help cases closed with outcomes met (%)", Polarity: app.HigherBetter,
		Unit: app.Percent, Decimals: 1, Measure: app.Proportion}
	d := app.Dataset{Indicators: []app.Indicator{ind}}
	start := app.MonthOf(2025, time.April)
	for i := range 6 { // Apr-25 to Sep-25; Oct-25 blank
		d.Observations = append(d.Observations, app.Observation{Ref: ind.Ref, Area: app.Kent, Period: start.Add(i), Value: f(60 + float64(i))})
	}
	h := app.NewHistory()
	h.Apply(&d, "I0001")
	for _, tt := range []struct {
		period app.Period
		line   string // "" for not listed
	}{
		{app.MonthOf(2025, time.October), "Early help cases closed with outcomes met (%): no figure; new this month: no figure for Oct-25 (last figure Sep-25: 65.0%)"},
		{app.MonthOf(2027, time.October), ""},
	} {
		t.Run(tt.period.Label(), func(t *testing.T) {
			items, _, _, _ := circulated(h, nil, 5, tt.period)
			i := slices.IndexFunc(items, func(it Item) bool { return it.Ref == "EH04" })
			switch {
			case tt.line == "" && i >= 0:
				t.Errorf("EH04 listed in %s: %q", tt.period.Label(), items[i].Line)
			case tt.line != "" && i < 0:
				t.Errorf("EH04 not listed in %s: %v", tt.period.Label(), items)
			case i >= 0 && (items[i].Line != tt.line || !slices.Equal(items[i].Why, []string{NewlyFlagged})):
				t.Errorf("EH04 in %s: %q %q, want %q", tt.period.Label(), items[i].Why, items[i].Line, tt.line)
			}
		})
	}
}
