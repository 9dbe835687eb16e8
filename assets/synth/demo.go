package synth

import (
	"time"

	"scorecard/app"
)

// DemoSeed is the seed of the embedded demo.
const DemoSeed = 20261031

// Demo returns the model behind the embedded demo workbook: 32 indicators
// in five sections, Kent and its 12 districts, the 24 months November 2024
// to October 2026. One series has a month not available (x), one district
// figure is suppressed (c), and one indicator's latest month is not yet
// published, so the previous year's outturn stands in for it.
func Demo() *Model {
	m := generate(DemoSeed, demoSpecs(), app.MonthOf(2026, time.October), 24)
	for _, lost := range []struct {
		ref   string
		month app.Period
	}{{"SCS05", app.MonthOf(2026, time.February)}, {"ED02", app.MonthOf(2025, time.August)}} {
		m.withhold(func(o app.Observation) bool { return o.Ref == lost.ref && o.Period == lost.month }, app.NotAvailable, "x")
	}
	m.withhold(func(o app.Observation) bool {
		return o.Ref == "CIC09" && o.Area == "Dover" && o.Period == m.Latest()
	}, app.Suppressed, "c")
	m.standIn("ED03", m.Latest())
	m.Footnotes = []string{
		"* Placements more than 20 miles from the child's home address; excludes children placed with parents.",
		"(1) Care leavers' activity is recorded around the young person's birthday; persistent absence is for the academic year to date.",
		"Figures in italics are previous reporting year",
		"UASC: unaccompanied asylum-seeking children. Rows marked (excluding UASC) leave them out; see the Data sheet for the UASC figures.",
		"Polarity: H higher is better, L lower is better, T close to target is better (within 2 is green, within 4 amber).",
		"c suppressed to protect confidentiality; x not available.",
		"Source: Liberi case management system, Synergy and the SEN database. OFFICIAL.",
	}
	return m
}

// withhold replaces the figures that match with a status code: a month
// lost in a system migration (x), or a small count suppressed (c).
func (m *Model) withhold(match func(app.Observation) bool, st app.Status, raw string) {
	for i := range m.Dataset.Observations {
		o := &m.Dataset.Observations[i]
		if match(*o) {
			o.Value, o.Numerator, o.Denominator, o.Status, o.Raw = nil, nil, nil, st, raw
		}
	}
}

// standIn replaces ref's figures in month p, not yet published, with the
// county's previous-year outturn shown in italics; districts show nothing.
func (m *Model) standIn(ref string, p app.Period) {
	out, ok := m.Outturn(ref)
	if !ok {
		return
	}
	kept := m.Dataset.Observations[:0]
	for _, o := range m.Dataset.Observations {
		if o.Ref == ref && o.Period == p {
			if o.Area != app.Kent || o.Split != app.All {
				continue
			}
			o.Value, o.Numerator, o.Denominator, o.StandIn = app.Float(*out.Value), nil, nil, true
		}
		kept = append(kept, o)
	}
	m.Dataset.Observations = kept
	m.Reindex()
}
