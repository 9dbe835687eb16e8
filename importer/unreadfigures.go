package importer

import (
	"scorecard/app"
	"scorecard/importer/value"
)

// noteUnreadFigures keeps the first figure of 0-based column c, which the
// sheet's reader leaves unread and has said so at its heading, for the
// import to weigh whether it read any figure at all: a file whose every
// month column went unread (months under a year caption that does not
// date them) was stored as the definitions of its rows alone, "imported,
// 0 observations", exit 0, which a scripted monthly run does not notice.
func (s *sheetReader) noteUnreadFigures(c int) {
	for r := max(s.l.FirstRow-1, 0); r < len(s.g.rows); r++ {
		if s.tableBelow(r) {
			return
		}
		if c >= len(s.g.rows[r]) {
			continue
		}
		if f, err := value.Parse(s.g.rows[r][c]); err == nil && f.Status == app.OK {
			s.out.unreadFigures = append(s.out.unreadFigures, app.Location{File: s.out.file, Sheet: s.l.Sheet, Cell: cellName(r, c)})
			return
		}
	}
}

// noteDroppedFigure keeps, while the sheet has read no figure, the first
// cell of row r's figure columns holding a number that the row's reading
// dropped (each said at its cell): a sheet whose every figure was
// dropped so, beside a target column read, was "imported, 0
// observations", exit 0 (hA F3). warnAllDropped hands it on once the
// sheet is read.
func (s *sheetReader) noteDroppedFigure(r int, figures []Column) {
	if s.dropped.Cell != "" || len(s.out.figs) > 0 {
		return
	}
	for i := range figures {
		if f, err := value.Parse(s.at(r, &figures[i])); err == nil && f.Status == app.OK {
			s.dropped = app.Location{File: s.out.file, Sheet: s.l.Sheet, Cell: cellName(r, figures[i].index)}
			return
		}
	}
}

// warnAllDropped adds the sheet's first dropped figure to the figures
// left unread where the sheet read none, for the import to refuse a file
// of which it read no figure at all (app.CheckFiguresRead).
func (s *sheetReader) warnAllDropped() {
	if s.dropped.Cell != "" && len(s.out.figs) == 0 {
		s.out.unreadFigures = append(s.out.unreadFigures, s.dropped)
	}
}
