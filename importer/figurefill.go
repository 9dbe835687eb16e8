package importer

import (
	"fmt"

	"scorecard/app"
)

// With no RAG column, officers rate a figure by filling its own cell red,
// amber or green, the other common way (domain.md "RAG shown by fill
// colour"). It had been read nowhere and said nowhere, so an officer's
// RED beside the app's AMBER went unflagged (QA33 F1). The latest
// figure's fill is read as the row's RAG, as a RAG column's is: a fill
// shared by the row's Ref or name cell highlights the row, and rates
// nothing.

// readFigureFill reads the fill of row r's latest figure (obs[latest],
// read from column cols[latest]) as its RAG, on an indicator sheet with
// no RAG column.
func (s *sheetReader) readFigureFill(r int, obs []app.Observation, cols []int, latest int) {
	l := &s.l
	if latest < 0 || l.Kind != IndicatorSheet || l.has(RoleRAG) || obs[latest].SourceRAG != app.NoRAG {
		return
	}
	fill := s.g.look(r, cols[latest]).fill
	rag := ragOfFill(fill)
	if rag == app.NoRAG {
		return
	}
	key, ok := l.column(RoleRef)
	if !ok {
		key, ok = l.column(RoleName)
	}
	if ok && s.g.look(r, key.index).fill == fill {
		return // the whole row highlighted
	}
	obs[latest].SourceRAG = rag
	s.figureFills.add(r, cols[latest])
}

// warnFigureFills says, once for the sheet, that RAG ratings were read
// from the fills of figures' own cells.
func (s *sheetReader) warnFigureFills() {
	if s.figureFills.n == 0 {
		return
	}
	s.out.warn(s.l.Sheet, s.figureFills.first, "%s read from the fill of the latest figure's own cell (red, amber or green), the sheet having no RAG column (the first here); set against the app's rating, a disagreement is flagged (rag-disagrees)",
		plural(s.figureFills.n, "1 RAG rating", fmt.Sprintf("%d RAG ratings", s.figureFills.n)))
}
