package views

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"scorecard/app"
	"scorecard/app/benchmark"
	"scorecard/app/trend"
)

// chartFor lays the analysed series out period by period: the figures,
// the target and floor in force, trend's SPC mean and limits with its
// special-cause points, and the latest benchmark published by then.
func (d *detailPane) chartFor(ind app.Indicator) chartData {
	v := d.w.v
	n := len(d.points)
	cd := chartData{
		labels: make([]string, n), values: nanSlice(n), target: nanSlice(n), floor: nanSlice(n),
		mean: nanSlice(n), upper: nanSlice(n), lower: nanSlice(n), special: make([]bool, n), bench: nanSlice(n),
		variation: make([]trend.Variation, n), rebased: make([]bool, n),
		format: func(f float64) string { return formatNumber(ind, f) },
	}
	if ind.Unit == app.Percent {
		cd.suffix = "%"
	}
	cd.notes = chartNotes(v.shown.ChartPlan(ind.Ref), d.points)
	for i, p := range d.points {
		j := n - 1 - i // points are newest first; the chart runs oldest first
		pt := p.pt
		cd.labels[j] = ind.PeriodLabel(pt.Period)
		if !pt.StandIn {
			// Last year's outturn standing in is not the month's figure
			// (QA23c D1): the table marks it; the chart leaves a gap.
			cd.values[j] = orNaN(pt.Value)
		}
		cd.target[j] = orNaN(pt.Target)
		cd.floor[j] = orNaN(pt.Floor)
		if c := pt.Chart; c != nil {
			cd.mean[j], cd.upper[j], cd.lower[j] = c.Mean, c.Upper, c.Lower
		}
		// The month before (next in the list) under another chart.
		if i+1 < n && d.points[i+1].pt.Chart != pt.Chart {
			cd.rebased[j] = true
		}
		cd.special[j] = pt.Signal.IsSpecial()
		cd.variation[j] = pt.Variation
		if b, ok := benchmark.Beside(v.shown, ind.Ref, pt.Period); ok && b.England != nil {
			cd.bench[j] = orNaN(b.England.Value)
		}
	}
	return cd
}

// signalText says what trend found at the chosen period: the signal and
// its reason, the flags, and how many children move the figure.
func (d *detailPane) signalText() string {
	if d.cannot != "" {
		return "Cannot exclude " + strings.ToUpper(strings.Join(cohortNames(d.w.v.cohorts), " and ")) + " in any month: " + d.cannot
	}
	for _, p := range d.points {
		if p.pt.Period != d.w.v.period {
			continue
		}
		// Plain words, as members read them; the SPC terms are in the
		// guidance and show --json.
		var parts []string
		if s := p.pt.VariationReading; s != "" {
			parts = append(parts, s)
		}
		if s := p.pt.AssuranceReading; s != "" {
			parts = append(parts, s)
		}
		if c := p.pt.Children; c != nil {
			// A small-numbers flag below says it already.
			if !slices.ContainsFunc(p.pt.FlagDetails, func(s string) bool { return strings.Contains(s, "1 child = ") }) {
				parts = append(parts, "1 child = "+app.FormatPerChild(d.ind, c.PerChild))
			}
			if n, rag := c.More(); n > 0 {
				parts = append(parts, fmt.Sprintf("%d more would make it %s", n, rag))
			}
			if n, rag := c.Fewer(); n > 0 {
				parts = append(parts, fmt.Sprintf("%d fewer would make it %s", n, rag))
			}
		}
		for k, f := range p.pt.Flags {
			// The variation's reading above says the special cause already.
			if f != trend.SpecialCause && k < len(p.pt.FlagDetails) {
				parts = append(parts, p.pt.FlagDetails[k])
			}
		}
		return strings.Join(parts, " · ")
	}
	return ""
}

// signalTerms says the chosen period's signal in the SPC terms, for the
// signal line's tooltip: "SPC: special-concerning (above the upper process
// limit) · Making Data Count icons: concern-high, hit-and-miss".
func (d *detailPane) signalTerms() string {
	for _, p := range d.points {
		if p.pt.Period != d.w.v.period || p.pt.Signal == trend.NoSignal {
			continue
		}
		s := "SPC: " + p.pt.Signal.String()
		if p.pt.Rule != "" {
			s += " (" + p.pt.Rule + ")"
		}
		icons := []string{}
		if p.pt.Variation != trend.NoVariation {
			icons = append(icons, p.pt.Variation.String())
		}
		if p.pt.Assurance != trend.NoAssurance {
			icons = append(icons, p.pt.Assurance.Icon()+" (target "+p.pt.Assurance.String()+")")
		}
		if len(icons) > 0 {
			s += " · Making Data Count icons: " + strings.Join(icons, ", ")
		}
		return s
	}
	return ""
}

// variationWords says a point's variation icon in a word or two for the
// numbers table: "Improving (high)", "No significant change".
func variationWords(p trend.Point) string {
	switch p.Variation {
	case trend.NoVariation:
		switch p.Signal {
		case trend.TooFewPoints:
			return "too few points"
		case trend.NotCharted:
			return "not charted (year to date)"
		}
		return ""
	case trend.CommonCause:
		return p.Variation.Headline()
	case trend.NeitherHigh, trend.NeitherLow:
		return p.Variation.Headline()
	}
	if p.Variation.High() {
		return p.Variation.Headline() + " (high)"
	}
	return p.Variation.Headline() + " (low)"
}

func nanSlice(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = math.NaN()
	}
	return s
}

func orNaN(f *float64) float64 {
	if f == nil {
		return math.NaN()
	}
	return *f
}
