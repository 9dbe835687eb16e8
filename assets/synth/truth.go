package synth

import (
	"cmp"

	"scorecard/app"
)

// truthSet gathers the figures a workbook shows; a figure shown on several
// sheets (the scorecard, the district sheet, the tidy data) is one
// observation with what each adds.
type truthSet struct {
	Truth
	obs   map[figureKey]int
	tgt   map[string]int
	bench map[string]bool
}

func (t *truthSet) observe(o app.Observation) {
	if t.obs == nil {
		t.obs = map[figureKey]int{}
	}
	k := figureKey{o.Key(), o.Period}
	i, ok := t.obs[k]
	if !ok {
		t.obs[k] = len(t.Observations)
		t.Observations = append(t.Observations, o)
		return
	}
	have := &t.Observations[i]
	if have.Value == nil && have.Status == app.OK {
		have.Value = o.Value
	}
	if o.Numerator != nil {
		have.Numerator = o.Numerator
	}
	if o.Denominator != nil {
		have.Denominator = o.Denominator
	}
	if o.SourceRAG != app.NoRAG {
		have.SourceRAG = o.SourceRAG
	}
	if o.SourceArrow != app.NoArrow {
		have.SourceArrow = o.SourceArrow
	}
	have.StandIn = have.StandIn || o.StandIn
}

func (t *truthSet) indicator(ind app.Indicator) {
	for i, have := range t.Indicators {
		if have.Ref == ind.Ref {
			// Only the scorecard sheet's hidden Lead Officer column
			// names the owner; other sheets leave it as it was.
			ind.Owner = cmp.Or(ind.Owner, have.Owner)
			t.Indicators[i] = ind
			return
		}
	}
	t.Indicators = append(t.Indicators, ind)
}

func (t *truthSet) target(tg app.Target) {
	if t.tgt == nil {
		t.tgt = map[string]int{}
	}
	k := tg.Ref + " " + tg.Year.String()
	if i, ok := t.tgt[k]; ok {
		t.Targets[i] = tg
		return
	}
	t.tgt[k] = len(t.Targets)
	t.Targets = append(t.Targets, tg)
}

func (t *truthSet) benchmark(b app.Benchmark) {
	if t.bench == nil {
		t.bench = map[string]bool{}
	}
	k := b.Ref + " " + b.Group + " " + b.Period.String()
	if !t.bench[k] {
		t.bench[k] = true
		t.Benchmarks = append(t.Benchmarks, b)
	}
}

// Colours of the house style.
const (
	navy      = "1F4E79"
	paleBlue  = "DDEBF7"
	white     = "FFFFFF"
	ragGreen  = "00B050"
	ragAmber  = "FFC000"
	ragRed    = "FF0000"
	goodGreen = "00B050"
	badRed    = "C00000"
	neutral   = "595959"
)

// Truth returns what an importer should read from the workbook Write makes
// of m in layout l.
func (m *Model) Truth(l Layout) Truth {
	return build(m, l).truth.Truth
}
