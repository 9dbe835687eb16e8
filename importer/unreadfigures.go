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
