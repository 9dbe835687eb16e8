package trend

// A figure the source workbook rated that the app cannot. A council
// rating on a target alone (Southwark's re-referrals, 24.8% against a
// target of 20%, RED in its own RAG column) was given no rating, and
// rag-disagrees, raised only where both ratings are given, said nothing
// (QA30 finding 5): the officer's red vanished from the flags. It is
// raised as the same kind, saying why the app gives none.

import "scorecard/app"

// unratedBySource reports whether slot i has a figure that the source
// rated and the app does not.
func (a *analysis) unratedBySource(i int) bool {
	p := &a.pts[i]
	return a.has[i] && p.SourceRAG != app.NoRAG && p.RAG == app.NoRAG
}

// unratedText says what the workbook rated slot i and why the app gives
// it no rating against t, the target in force (nil or empty for none):
// "the workbook shows RED, but 24.8% (target 20.0%) gets no rating
// here: a rating needs a floor beside the target (amber between them),
// and none is held for 2024/25".
func (a *analysis) unratedText(i int, t *app.Target) string {
	p := &a.pts[i]
	d := "the workbook shows " + p.SourceRAG.String() + ", but " + app.FormatValue(a.ind, a.vals[i])
	year := a.ind.TargetYear(p.Period).String()
	switch {
	case a.ind.Polarity != app.HigherBetter && a.ind.Polarity != app.LowerBetter && a.ind.Polarity != app.NearTarget:
		return d + " gets no rating here: the indicator has no polarity (higher or lower is better), so nothing rates it"
	case t == nil || t.Target == nil:
		return d + " gets no rating here: no target is held for " + year
	case a.ind.Polarity == app.NearTarget:
		return d + " (" + targetText(a.ind, *t) + ") gets no rating here: a rating against a target to stay close to needs a tolerance, and none is held for " + year
	}
	return d + " (" + targetText(a.ind, *t) + ") gets no rating here: a rating needs a floor beside the target (amber between them), and none is held for " + year
}
