package export

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"scorecard/app"
	"scorecard/app/disclosure"
	"scorecard/app/trend"
)

// ragRules explains the ratings as the authority's rule applies them
// (app.RAGRule), of a report whose periods are of kind k: a quarterly
// report's guidance spoke of "the month's figure" (QA30 finding 16).
func ragRules(k app.PeriodKind, rule app.RAGRule) string {
	figure := "RAG ratings compare the " + periodNoun(k) + "'s figure with"
	switch rule.Kind {
	case app.RuleTarget:
		return figure + ragTargetRest
	case app.RuleBand:
		return figure + fmt.Sprintf(ragBandRest, rule.Words())
	}
	return figure + ragRulesRest
}

// ragRulesRest is ragRules after its period's word, under the floor rule.
const ragRulesRest = ` the target and floor for its financial year (academic year for education indicators), at the precision the scorecard shows.
- Higher is better (H): GREEN when the figure meets the target, AMBER when it meets the floor but not the target, RED when it is below the floor.
- Lower is better (L): the same, the other way round.
- Close to target (T): GREEN within the tolerance of the target, AMBER within twice it, RED further away.
- Activity indicators (no polarity) are context and have no RAG. A missing target or floor gives no RAG, never RED.
Each RAG cell holds the word as well as its colour, so the rating survives black-and-white printing.`

// ragTargetRest is ragRules after its period's word, under the target
// rule.
const ragTargetRest = ` the target alone for its financial year (academic year for education indicators), at the precision the scorecard shows: the authority rates on the target alone, two colours, and floors are not used.
- Higher is better (H): GREEN when the figure meets the target, RED when it does not. There is no AMBER.
- Lower is better (L): the same, the other way round.
- Close to target (T): GREEN within the tolerance of the target, RED further away.
- Activity indicators (no polarity) are context and have no RAG. A missing target gives no RAG, never RED.
Each RAG cell holds the word as well as its colour, so the rating survives black-and-white printing.`

// ragBandRest is ragRules after its period's word, under the band rule,
// the rule's words in place of %s.
const ragBandRest = ` the target for its financial year (academic year for education indicators), at the precision the scorecard shows, by the authority's rule, %s; floors are not used.
- Higher is better (H): as above; lower is better (L): the same, the other way round.
- Close to target (T): GREEN within the tolerance of the target, AMBER within twice it, RED further away.
- Activity indicators (no polarity) are context and have no RAG. A missing target gives no RAG, never RED.
Each RAG cell holds the word as well as its colour, so the rating survives black-and-white printing.`

// polarityNotes and dataPeriodNotes explain the codes in the Polarity and
// Data period columns.
var (
	polarityNotes = [][2]string{
		{"H", "higher is better"}, {"L", "lower is better"},
		{"T", "stay close to the target"}, {"(blank)", "an activity indicator: context, with no RAG"},
	}
	dataPeriodNotes = [][2]string{
		{string(app.Rolling12), "rolling 12 months to the month shown"},
		{string(app.Snapshot), "snapshot on the last day of the month"},
		{string(app.Monthly), "the month shown; the source said monthly but not whether a snapshot on its last day or a count over the month"},
		{string(app.YearToDate), "year to date, since 1 April for a financial-year measure and since 1 September for an academic-year one (each indicator's note says which); it starts again each year"},
		{string(app.QuarterPeriod), "the quarter ending in the month shown"},
		{string(app.Annual), "the year"},
	}
)

// guidanceWidths are the Guidance sheet's column widths, set for its
// table of indicators; notes span all guidanceCols of them.
var (
	guidanceWidths = []float64{8, 32, 8, 8, 9, 10, 50, 30}
	guidanceCols   = len(guidanceWidths)
	guidanceWidth  = widthOf(guidanceWidths)
)

// widthOf is the width of columns side by side.
func widthOf(ws []float64) float64 {
	t := 0.0
	for _, w := range ws {
		t += w
	}
	return t
}

// writeGuidance writes the guidance notes: the codes, the rules, how the
// exclusions were computed, the SPC method, and each indicator's
// definition.
func (b *book) writeGuidance(ctx context.Context) error {
	s := GuidanceSheet
	if err := b.widths(s, guidanceWidths...); err != nil {
		return err
	}
	r, err := b.titleBlock(s, "Guidance notes", b.title())
	if err != nil {
		return err
	}
	heading := func(text string) error {
		err := b.set(s, 1, r, text, look{bold: true, size: 11, color: headerFill})
		r++
		return err
	}
	para := func(text string) error {
		// Each line spans the sheet's width, wrapped, so that it prints
		// on the page rather than running off its right edge.
		for _, line := range strings.Split(text, "\n") {
			if err := b.set(s, 1, r, line, look{wrap: true}); err != nil {
				return err
			}
			if err := b.f.MergeCell(s, cell(1, r), cell(guidanceCols, r)); err != nil {
				return err
			}
			if err := b.fitRow(s, r, lines(line, guidanceWidth)); err != nil {
				return err
			}
			r++
		}
		r++
		return nil
	}
	pairs := func(ps [][2]string) error {
		for _, p := range ps {
			if err := b.set(s, 1, r, p[0], look{bold: true}); err != nil {
				return err
			}
			if err := b.set(s, 2, r, p[1], look{}); err != nil {
				return err
			}
			r++
		}
		r++
		return nil
	}
	if err := heading("Polarity"); err != nil {
		return err
	}
	if err := pairs(polarityNotes); err != nil {
		return err
	}
	if err := heading("Data period"); err != nil {
		return err
	}
	if err := pairs(dataPeriodNotes); err != nil {
		return err
	}
	if err := heading("RAG rating"); err != nil {
		return err
	}
	if err := para(ragRules(b.period.Kind, b.h.RAGRule())); err != nil {
		return err
	}
	if err := heading("Direction of travel, trend and signals (SPC)"); err != nil {
		return err
	}
	if err := para(trend.Guidance); err != nil {
		return err
	}
	if err := heading("Exclusions"); err != nil {
		return err
	}
	if err := para(b.exclusionNotes()); err != nil {
		return err
	}
	if b.opt.Suppress > 0 {
		if err := heading("Small-number suppression"); err != nil {
			return err
		}
		if err := para(fmt.Sprintf("Counts of 1 to %d children, and figures built on them, are shown as c, consistently on every sheet, so that no child can be identified. Figures that would let a suppressed count be worked out by subtraction are suppressed too. ", b.opt.Suppress-1) +
			b.leftOutWords("workbook", "in the Note column of the Trend sheet")); err != nil {
			return err
		}
	}
	if w := b.retiredWords(); w != "" {
		if err := heading("Retired indicators"); err != nil {
			return err
		}
		if err := para(w); err != nil {
			return err
		}
	}
	if err := heading("Status codes"); err != nil {
		return err
	}
	var codes [][2]string
	for _, st := range []app.Status{app.Suppressed, app.Low, app.NotAvailable, app.NotApplicable, app.LowReliability, app.CannotExclude} {
		codes = append(codes, [2]string{st.String(), st.Describe()})
	}
	// Not a code, since the figure is there, but the Data sheet's Status
	// column says it, and a reader wants to know why.
	codes = append(codes, [2]string{app.StandInMark, "on the Data sheet: the previous year's outturn, shown in italics on the Scorecard in place of a figure not yet available; not the period's own figure"})
	if err := pairs(codes); err != nil {
		return err
	}
	if changed := b.definitionsChanged(); len(changed) > 0 {
		if err := heading(definitionsChangedHeading); err != nil {
			return err
		}
		if err := para(strings.Join(changed, "\n")); err != nil {
			return err
		}
	}
	if err := heading("Indicators"); err != nil {
		return err
	}
	if err := b.header(s, r, "Ref", "Indicator", "Polarity", "Unit", "Data period", "Measure", "How it is calculated", "Exclusion rule used"); err != nil {
		return err
	}
	rules := b.rules()
	for _, ind := range b.inds {
		if err := ctx.Err(); err != nil {
			return err
		}
		r++
		cells := []string{ind.Ref, ind.Name, ind.Polarity.String(), string(ind.Unit), string(ind.DataPeriod),
			string(ind.Measure), calculation(ind), strings.Join(rules[ind.Ref], "; ")}
		n := 1
		for i, v := range cells {
			if err := b.set(s, i+1, r, v, look{wrap: true, border: true}); err != nil {
				return err
			}
			n = max(n, lines(v, guidanceWidths[i]))
		}
		if err := b.fitRow(s, r, n); err != nil {
			return err
		}
	}
	b.step()
	return b.printSetup(s, page{wide: 1, scale: 0.73})
}

// calculation is an indicator's guidance on how it is calculated, led for
// a year-to-date measure by the month its figures accumulate from.
func calculation(ind app.Indicator) string {
	return strings.TrimSpace(ind.YearToDateWords() + " " + ind.Guidance)
}

// exclusionNotes says how the exclusions were computed.
func (b *book) exclusionNotes() string {
	if len(b.opt.Exclude) == 0 {
		return "No cohorts are excluded: every figure counts all children."
	}
	return exclusionWords(b.opt.Exclude) + `.
Each figure excluding a cohort is, in order of preference: the source's own excluding figure; or recomputed exactly from the all-children and cohort figures' components (for a proportion, (numerator - cohort numerator) / (denominator - cohort denominator); for an average, (sum - cohort sum) / (count - cohort count); for a count, the difference; for a rate, the count less the cohort's over its population).
A figure that cannot be recomputed exactly (a median, a rate without its population, a figure without components) is shown as "cannot exclude" with the reason in its cell note, never as the unadjusted figure.
Who counts as in the cohort is given for each indicator in the table below ("Exclusion rule used"): a snapshot measure usually excludes children in the cohort on the snapshot date, a period measure children in it at any point in the period.`
}

// rules returns, by ref, the distinct rules the exported figures used to
// decide who was in an excluded cohort. A figure that cannot exclude the
// cohort used none, though it names the rule it would have: an indicator
// none of whose figures could is said to exclude nobody, rather than
// listed as "excluding UASC as the source counted them".
func (b *book) rules() map[string][]string {
	out := map[string][]string{}
	if len(b.opt.Exclude) == 0 {
		return out
	}
	for _, ro := range b.rows {
		cannot := false
		// The districts' rules too: their figures excluding a cohort may
		// rest on the source's columns summing to the county's.
		for _, a := range append([]app.Area{ro.key.Area}, b.districtAreas()...) {
			for _, o := range b.h.Series(app.SeriesKey{Ref: ro.key.Ref, Area: a}) {
				if o.Status == app.CannotExclude {
					cannot = true
					continue
				}
				if o.Rule != "" && !slices.Contains(out[o.Ref], o.Rule) {
					out[o.Ref] = append(out[o.Ref], o.Rule)
				}
			}
		}
		if cannot && len(out[ro.key.Ref]) == 0 {
			out[ro.key.Ref] = []string{"none: its figures cannot exclude the cohort (each cell's note says why)"}
		}
	}
	return out
}

// writeProvenance writes where every figure came from: each import with
// its file, SHA-256 and time, then the app version and options used.
func (b *book) writeProvenance(ctx context.Context) error {
	return b.provenance(ctx, ProvenanceSheet)
}

// provenance writes the provenance table into sheet s.
func (b *book) provenance(ctx context.Context, s string) error {
	if err := b.widths(s, 10, 40, 12, 66, 20, 11, 11, 11, 20, 40); err != nil {
		return err
	}
	r, err := b.titleBlock(s, "Provenance", b.title())
	if err != nil {
		return err
	}
	settings := [][2]string{
		{"Produced", b.opt.Produced.Format("2 January 2006 15:04 MST")},
		{"App version", "Scorecard " + b.opt.AppVersion},
		{"Period", b.period.Label()},
		{"Area", string(b.opt.Area)},
		{"Exclusions", exclusionWords(b.opt.Exclude)},
		{"Suppression", suppressionWords(b.opt.Suppress)},
		{shownHead(b.period.Kind), fmt.Sprint(len(b.months))},
	}
	if rule := b.h.RAGRule(); rule != (app.RAGRule{}) {
		// Said where it is not the directorate's rule the guidance has
		// always given, so that the figures' ratings are read by the
		// rule that made them.
		settings = append(settings, [2]string{"RAG rule", rule.Words()})
	}
	if b.opt.Original != "" {
		settings = append(settings, [2]string{"Written into the layout of", b.opt.Original})
	}
	for _, kv := range settings {
		if err := b.set(s, 1, r, kv[0], look{bold: true}); err != nil {
			return err
		}
		if err := b.set(s, 2, r, kv[1], look{}); err != nil {
			return err
		}
		r++
	}
	r++
	if err := b.set(s, 1, r, "Imports", look{bold: true, size: 11, color: headerFill}); err != nil {
		return err
	}
	r++
	if err := b.header(s, r, "Import", "Source", "Kind", "SHA-256", "Imported", "Indicators", "Figures", "Revisions", "Undone", "Note"); err != nil {
		return err
	}
	head := r
	for _, im := range b.h.Imports {
		if err := ctx.Err(); err != nil {
			return err
		}
		r++
		undone := ""
		if im.Undone != nil {
			undone = im.Undone.UTC().Format(time.DateTime)
		}
		cells := []any{im.ID, im.Source, im.Kind, im.SHA256, im.Time.UTC().Format(time.DateTime),
			im.Counts.Indicators, im.Counts.Observations, im.Counts.Revisions, undone, im.Note}
		for i, v := range cells {
			if err := b.set(s, i+1, r, v, look{border: true, wrap: i == 9}); err != nil {
				return err
			}
		}
	}
	if len(b.sum.Warnings) > 0 {
		r += 2
		if err := b.set(s, 1, r, "Warnings", look{bold: true, size: 11, color: headerFill}); err != nil {
			return err
		}
		for _, w := range b.sum.Warnings {
			r++
			if err := b.set(s, 1, r, w.String(), look{}); err != nil {
				return err
			}
		}
	}
	b.step()
	return b.printSetup(s, page{wide: 1, titleRows: [2]int{head, head}, scale: 0.47})
}

// suppressionWords describes the suppression option. A figure the
// source withheld stays withheld at any threshold (disclosure.Release),
// so no threshold shows every figure.
func suppressionWords(n int) string {
	if n <= 1 {
		return fmt.Sprintf("none: no count is withheld for its size (threshold 0); a figure the source withheld stays c, with every figure that would let it be worked out (as at threshold %d)", disclosure.DefaultThreshold)
	}
	return fmt.Sprintf("threshold %d: counts of 1 to %d suppressed, and every figure that would let one be worked out from this workbook's other figures "+
		"or from this store's other exports (all children beside a cohort gives the children outside it); "+
		"not counts of schools, which the DfE does not suppress (Ofsted publishes every school's judgement)", n, n-1)
}

// leftOutWords says, for the guidance of a workbook or pack (medium),
// that trends, changes and SPC are worked out from the figures shown,
// leaving withheld ones out, and names the indicators whose analysis
// that changed, each noted where says.
func (b *book) leftOutWords(medium, where string) string {
	s := "Trends, direction of travel, changes and SPC means and limits are worked out from the figures shown, leaving out those withheld, so that none can be worked out from them; " +
		"where figures are withheld they may differ from the app's screens and flags, which use every figure."
	var refs []string
	for _, ro := range b.rows {
		if ro.leftOut > 0 {
			refs = append(refs, ro.ind.Ref)
		}
	}
	switch len(refs) {
	case 0:
		return s + " In this " + medium + " no indicator's analysis leaves figures out."
	case 1:
		return s + " In this " + medium + " that is so of " + refs[0] + ", noted " + where + "."
	}
	return fmt.Sprintf("%s In this %s that is so of %d indicators (%s), each noted %s.", s, medium, len(refs), strings.Join(refs, ", "), where)
}

// definitionsChangedHeading heads the Guidance's list of definitions
// changed.
const definitionsChangedHeading = "Definitions changed"

// definitionsChanged says each change an accepted import made to the
// definition of an indicator the export shows (app.DefinitionsMade), in
// import order: a polarity turned round re-rates every month, those
// circulated before it too, and the guidance says when and where (QA27a
// 3). Nil for none.
func (b *book) definitionsChanged() []string {
	shown := map[string]bool{}
	for _, ind := range b.inds {
		shown[ind.Ref] = true
	}
	var out []string
	for _, d := range app.DefinitionsMade(b.h.Imports) {
		if d.Circulated() && shown[d.Ref] {
			out = append(out, d.Sentence()+".")
		}
	}
	return out
}
