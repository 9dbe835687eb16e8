package importer

// A workbook's own RAG beside targets the app cannot rate by. A council
// rating on a target alone gives a Target column and a RAG column but no
// floor: its ratings were read and kept (source_rag), but the app gave
// none of its own, and the import said nothing (QA30 finding 5). It is
// said once a file, at the first rating the file gives for a figure it
// gives a target but no floor for.

import "scorecard/app"

// sayUnratedRAG warns, at the first figure of d the source rates whose
// higher- or lower-is-better indicator d gives a target for the
// figure's year but no floor, that the app gives such figures no rating, and
// how they are flagged, where the store's authority rates by the floor
// rule (Options.RAGRule). A target the store holds, which an import does
// not see, may still rate them: the warning says so.
func (c *collector) sayUnratedRAG(d *app.Dataset) {
	type refYear struct {
		ref  string
		year app.Period
	}
	held := map[refYear]app.Target{}
	for _, t := range d.Targets {
		held[refYear{t.Ref, t.Year}] = t
	}
	// The target alone, or a band around it, rates such figures.
	if len(held) == 0 || c.ragRule.Kind != app.RuleFloor {
		return
	}
	for i := range d.Observations {
		// Each looked at in place: a copy of each was most of the cost.
		o := &d.Observations[i]
		if o.SourceRAG == app.NoRAG || o.Value == nil {
			continue
		}
		ind, _ := c.stored(o.Ref)
		if def, ok := c.indicators[o.Ref]; ok && def != nil {
			ind = *def
		}
		t, ok := held[refYear{o.Ref, ind.TargetYear(o.Period)}]
		if !ok || t.Target == nil {
			continue
		}
		// A stay-close-to-target indicator's tolerance is most often
		// the store's, set once (Kent's caseload): not said here, where
		// the store's targets are not seen; its flag says it.
		if ind.Polarity != app.HigherBetter && ind.Polarity != app.LowerBetter || t.Floor != nil {
			continue
		}
		sheet, cell := splitCell(o.Cell)
		c.warn(sheet, cell, "%s: the workbook rates its %s figure %s, read and kept beside the app's rating; but the file gives its %s target no floor, and the app rates a higher- or lower-is-better figure against a target and a floor (green meeting the target, amber the floor, red neither): unless the store holds a floor, such figures get no RAG of the app's, and each one the workbook rates is flagged rag-disagrees saying why",
			o.Ref, o.Period.Label(), o.SourceRAG, t.Year.Label())
		return
	}
}
