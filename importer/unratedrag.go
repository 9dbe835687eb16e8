package importer

// A workbook's own RAG beside targets the app cannot rate by. A council
// rating on a target alone gives a Target column and a RAG column but no
// floor: its ratings were read and kept (source_rag), but the app gave
// none of its own, and the import said nothing (QA30 finding 5). It is
// said once a sheet, at the first rating the sheet gives for a figure
// the app will not rate.

import "scorecard/app"

// sayUnratedRAG says, at the first of a sheet's RAG cells giving rag
// for row ind's figure where the sheet gives no floor (tolerance, for a
// stay-close-to-target indicator) to rate it by, that the app gives
// such figures no rating of its own, and how that is flagged.
func (s *sheetReader) sayUnratedRAG(r int, c *Column, ind *rowIndicator, rag app.RAG) {
	if s.unratedSaid || rag == app.NoRAG || !s.l.has(RoleTarget) {
		return
	}
	var needs string
	switch ind.polarity {
	case app.HigherBetter, app.LowerBetter:
		if s.l.has(RoleFloor) {
			return
		}
		needs = "a higher- or lower-is-better figure against a target and a floor (green meeting the target, amber the floor, red neither)"
	case app.NearTarget:
		if s.l.has(RoleTolerance) {
			return
		}
		needs = "a stay-close-to-target figure by its distance from the target against a tolerance"
	default:
		return
	}
	s.unratedSaid = true
	what := map[bool]string{true: "tolerance", false: "floor"}[ind.polarity == app.NearTarget]
	s.warn(r, c.index, "%s: the workbook rates it %s, read and kept beside the app's rating; but the sheet gives targets without a %s, and the app rates %s: unless the store holds a %s for its year, this sheet's figures get no RAG of the app's, and each one the workbook rates is flagged rag-disagrees saying why",
		ind.ref, rag, what, needs, what)
}
