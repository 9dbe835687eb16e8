package synth

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// districts writes the latest month for every area side by side.
func (b *book) districts(m *Model, l Layout) {
	s := b.add("Districts")
	latest := m.Latest()
	areas := append(append([]app.Area{}, app.Areas...), app.OutOfCounty, app.UASCService)
	s.set(1, 1, cell{v: fmt.Sprintf("District summary - %s %d", latest.Start().Month(), latest.Year), st: style{bold: true, size: 14, color: navy}})
	s.merge(1, 1, 1, 2+len(areas))
	s.set(2, 1, cell{v: "District figures need not sum to Kent: children out of county or unknown, and the UASC Service, make up the rest.", st: style{italic: true}})
	hdr := style{bold: true, fill: navy, color: white, wrap: true, center: true}
	s.set(4, 1, cell{v: "Ref", st: hdr})
	s.set(4, 2, cell{v: "Indicator", st: hdr})
	for i, a := range areas {
		s.set(4, 3+i, cell{v: sheetName(a), st: hdr})
		s.widths[3+i] = 12
	}
	s.widths[2] = 62
	s.heights[4] = 30
	r := 5
	section := ""
	for _, ind := range m.Dataset.Indicators {
		if ind.Section != section {
			section = ind.Section
			s.set(r, 1, cell{v: section, st: style{bold: true, fill: paleBlue, color: navy}})
			s.merge(r, 1, r, 2+len(areas))
			r++
		}
		b.truth.indicator(app.Indicator{Ref: ind.Ref, Name: ind.Name, Section: ind.Section, Polarity: ind.Polarity, DataPeriod: ind.DataPeriod})
		s.set(r, 1, cell{v: ind.Ref})
		name := ind.Name
		if mk := m.Markers[ind.Ref]; mk != "" {
			name += " " + mk
		}
		s.set(r, 2, cell{v: name})
		for i, a := range areas {
			o, ok := m.Observation(app.SeriesKey{Ref: ind.Ref, Area: a}, latest)
			if !ok || o.StandIn {
				continue
			}
			o.Numerator, o.Denominator = nil, nil
			q := l
			q.Fractions, q.Formulas, q.StatusCodes = false, false, false
			b.truth.observe(b.monthCell(q, s, r, 3+i, ind, o))
		}
		r++
	}
}

// cohortLabel is how the Data sheet names a split.
func cohortLabel(sp app.Split) string {
	switch sp {
	case excl:
		return "Excluding UASC"
	case uascOnly:
		return "UASC"
	}
	return "All"
}

// data writes every figure that has components as a tidy table.
func (b *book) data(m *Model) {
	s := b.add("Data")
	hdr := style{bold: true}
	for i, h := range []string{"Ref", "Period", "Area", "Cohort", "Numerator", "Denominator", "Value"} {
		s.set(1, 1+i, cell{v: h, st: hdr})
	}
	s.widths[3], s.widths[4] = 24, 16
	r := 2
	for _, o := range m.Dataset.Observations {
		if o.Numerator == nil || o.Value == nil {
			continue
		}
		ind, _ := m.Indicator(o.Ref)
		s.set(r, 1, cell{v: o.Ref})
		s.set(r, 2, cell{v: o.Period.String()})
		s.set(r, 3, cell{v: string(o.Area)})
		s.set(r, 4, cell{v: cohortLabel(o.Split)})
		s.set(r, 5, cell{v: *o.Numerator})
		shown := app.Observation{Ref: o.Ref, Area: o.Area, Split: o.Split, Period: o.Period,
			Value: app.Float(*o.Value), Numerator: app.Float(*o.Numerator)}
		if o.Denominator != nil {
			s.set(r, 6, cell{v: *o.Denominator})
			shown.Denominator = app.Float(*o.Denominator)
		}
		s.set(r, 7, cell{v: *o.Value, st: style{numFmt: numFormat(ind.Decimals, false)}})
		b.truth.observe(shown)
		r++
	}
}

// targets writes each indicator's target, floor and tolerance per year.
func (b *book) targets(m *Model) {
	s := b.add("Targets")
	for i, h := range []string{"Ref", "Year", "Target", "Floor", "Tolerance"} {
		s.set(1, 1+i, cell{v: h, st: style{bold: true}})
	}
	r := 2
	for _, t := range m.Dataset.Targets {
		s.set(r, 1, cell{v: t.Ref})
		s.set(r, 2, cell{v: t.Year.Label()}) // "2024/25" or "2024/25 AY"
		s.set(r, 3, cell{v: *t.Target})
		if t.Floor != nil {
			s.set(r, 4, cell{v: *t.Floor})
		}
		if t.Tolerance != nil {
			s.set(r, 5, cell{v: *t.Tolerance})
		}
		b.truth.target(app.Target{Ref: t.Ref, Year: t.Year, Target: t.Target, Floor: t.Floor, Tolerance: t.Tolerance})
		r++
	}
}

// guidance writes how each indicator is defined and calculated.
func (b *book) guidance(m *Model) {
	s := b.add("Guidance")
	for i, h := range []string{"Ref", "Indicator", "Section", "Polarity", "Unit", "Decimals", "Measure", "Data Period", "Target Year", "How it is calculated", "Cohorts not counted"} {
		s.set(1, 1+i, cell{v: h, st: style{bold: true}})
	}
	s.widths[2], s.widths[10] = 62, 80
	for i, ind := range m.Dataset.Indicators {
		r := 2 + i
		year := "Financial"
		if ind.YearType == app.AcademicYear {
			year = "Academic"
		}
		var unaffected []string
		for _, c := range ind.Unaffected {
			unaffected = append(unaffected, string(c))
		}
		for col, v := range []any{ind.Ref, ind.Name, ind.Section, ind.Polarity.String(), string(ind.Unit),
			float64(ind.Decimals), string(ind.Measure), string(ind.DataPeriod), year, ind.Guidance, strings.Join(unaffected, ", ")} {
			if v != "" {
				s.set(r, 1+col, cell{v: v})
			}
		}
		b.truth.indicator(ind)
	}
}

// breakdown writes the cohort indicators as blocks of rows "All CiC",
// "Excluding UASC" and "UASC".
func (b *book) breakdown(m *Model, l Layout) {
	s := b.add("CiC Breakdown")
	latest := m.Latest()
	s.set(1, 1, cell{v: fmt.Sprintf("Children in care by cohort - %s %d", latest.Start().Month(), latest.Year), st: style{bold: true, size: 14, color: navy}})
	hdr := style{bold: true, fill: navy, color: white, wrap: true, center: true}
	for i, h := range []string{"Ref", "Indicator", "Polarity", "Data Period"} {
		s.set(3, 1+i, cell{v: h, st: hdr})
	}
	for i, p := range m.Months {
		s.set(3, 5+i, monthHeader(p, l.Months, hdr))
	}
	s.widths[2] = 62
	r := 4
	labels := map[app.Split]string{app.All: "All CiC", excl: "Excluding UASC", uascOnly: "UASC"}
	for _, ind := range m.Dataset.Indicators {
		if _, ok := m.Observation(app.SeriesKey{Ref: ind.Ref, Area: app.Kent, Split: excl}, latest); !ok {
			continue
		}
		// No section headings here: nothing on the sheet says an
		// indicator's section, so the truth has none.
		b.truth.indicator(app.Indicator{Ref: ind.Ref, Name: ind.Name, Polarity: ind.Polarity, DataPeriod: ind.DataPeriod})
		s.set(r, 1, cell{v: ind.Ref, st: style{bold: true}})
		s.set(r, 2, cell{v: ind.Name, st: style{bold: true}})
		pol := ind.Polarity.String()
		if pol == "" {
			pol = "-"
		}
		s.set(r, 3, cell{v: pol})
		s.set(r, 4, cell{v: string(ind.DataPeriod)})
		r++
		for _, sp := range []app.Split{app.All, excl, uascOnly} {
			if _, ok := m.Observation(app.SeriesKey{Ref: ind.Ref, Area: app.Kent, Split: sp}, latest); !ok {
				continue
			}
			s.set(r, 2, cell{v: "    " + labels[sp]})
			for i, p := range m.Months {
				o, ok := m.Observation(app.SeriesKey{Ref: ind.Ref, Area: app.Kent, Split: sp}, p)
				if ok {
					b.truth.observe(b.monthCell(l, s, r, 5+i, ind, o))
				}
			}
			r++
		}
		r++
	}
}
