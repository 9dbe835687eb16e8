package importer

import (
	"cmp"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"scorecard/importer/xlsx"
)

// Period columns under a caption that says they are not the authority's
// figures: "Milestones 2025/26" merged over Q1 to Q4, "Quarterly
// targets", "DfE quartile boundaries 2023/24", "Target" over the months
// an "Actual" caption repeats. Their headings alone are periods, so the
// milestones were stored as actual figures, a year ahead of the data,
// and a "Target" block's months outranked the actuals beside them as
// "clashes" (QA24a D3). Which quarter or month of which year a milestone
// is for cannot be told from such a layout with certainty, so they are
// left unread, said once at the caption, saying how to lay them out.

// notActualWords are the words of a caption that say the columns under it
// hold something other than the authority's figures.
var notActualWords = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(targets?|milestones?|trajector(?:y|ies)|quartiles?|forecast(?:s|ed)?|plan(?:s|ned)?|budget(?:s|ed)?|projections?|projected|ambitions?)\b`)
})

// notActualsCaption is a caption whose period columns are left unread.
type notActualsCaption struct {
	row, col int    // 0-based, the caption's own cell
	text     string // as written
	word     string // the word saying they are not figures
	cols     []int  // 0-based, the period columns under it
	heads    []string
}

// captionedNotActuals takes out of an indicator sheet's period columns
// those captioned (in 0-based row caption, above their headings) by a
// caption notActualWords matches: merged over them, written above each,
// or written once at the left of a run of period columns with blank
// captions. A caption at or left of column refCol is the sheet's title,
// not a caption.
func captionedNotActuals(l *Layout, g *grid, caption, refCol int) {
	if caption < 0 || caption >= len(g.rows) {
		return
	}
	isPeriod, defining := map[int]bool{}, map[int]bool{}
	for _, c := range l.Columns {
		switch c.Role {
		case RolePeriod:
			isPeriod[c.index] = true
		case RoleRef, RoleName, RoleSection, RolePolarity, RoleDataPeriod:
			defining[c.index] = true
		}
	}
	// title reports whether a merge spanning columns from to to also
	// spans a row's defining columns: a title ("Performance against
	// target") merged across the sheet, not a caption of periods.
	title := func(from, to int) bool {
		for c := from; c <= to; c++ {
			if defining[c] {
				return true
			}
		}
		return false
	}
	// bare reports whether column c's heading is a month or quarter
	// with no year, "Jun" or "Q1", dated only by a caption
	// (monthsUnderYears).
	bare := func(c int) bool {
		t := strings.TrimSpace(g.at(caption+1, c))
		_, month := monthNames()[strings.ToLower(strings.TrimSuffix(t, "."))]
		_, quarter := numberedQuarter(t)
		return isPeriod[c] && (month || quarter)
	}
	// own finds the cell captioning column c: a merge over it, its own
	// cell, or, for a bare heading, one written once at the left of a
	// run of them, as monthsUnderYears carries a year. A dated heading
	// is not carried to: a caption over one column ("Target" over
	// "2024/25") says nothing of the next ("Sep-25").
	own := func(c int) (int, bool) {
		for _, m := range g.merged {
			if caption >= m.Row0 && caption <= m.Row1 && c >= m.Col0 && c <= m.Col1 {
				return m.Col0, m.Col0 > refCol && !title(m.Col0, m.Col1)
			}
		}
		for k := c; k > refCol; k-- {
			if strings.TrimSpace(g.at(caption, k)) != "" {
				return k, true
			}
			if !bare(k) || coveredByMerge(g, caption, k) {
				return 0, false
			}
		}
		return 0, false
	}
	var caps []notActualsCaption
	var captioned []int // positions in l.Columns
	// A run of period columns shares its caption (often the sheet's
	// title, found for each by walking left): it is matched once.
	captionAt, text, word := -1, "", ""
	for i, col := range l.Columns {
		if col.Role != RolePeriod {
			continue
		}
		k, ok := own(col.index)
		if k != captionAt {
			captionAt = k
			text = strings.TrimSpace(g.at(caption, k))
			word = notActualWords().FindString(text)
		}
		if !ok || word == "" || text == strings.TrimSpace(col.Header) {
			continue
		}
		if n := len(caps); n == 0 || caps[n-1].col != k {
			caps = append(caps, notActualsCaption{row: caption, col: k, text: text, word: strings.ToLower(word)})
		}
		nc := &caps[len(caps)-1]
		nc.cols = append(nc.cols, col.index)
		// The heading under the caption (caption+1 is the headings' row),
		// not the Header that joins them.
		nc.heads = append(nc.heads, cmp.Or(strings.TrimSpace(g.at(caption+1, col.index)), strings.TrimSpace(col.Header)))
		captioned = append(captioned, i)
	}
	if len(caps) == 0 {
		return
	}
	// A new slice: the layout's columns may be shared with a copy of it.
	kept := make([]Column, 0, len(l.Columns)-len(captioned))
	for i, col := range l.Columns {
		if len(captioned) > 0 && captioned[0] == i {
			captioned = captioned[1:]
			continue
		}
		kept = append(kept, col)
	}
	l.Columns = kept
	l.notActuals = append(l.notActuals, caps...)
}

// coveredByMerge reports whether the cell at 0-based row r, column c is
// within a merged range.
func coveredByMerge(g *grid, r, c int) bool {
	for _, m := range g.merged {
		if r >= m.Row0 && r <= m.Row1 && c >= m.Col0 && c <= m.Col1 {
			return true
		}
	}
	return false
}

// captionedOut reports whether the column at 0-based index c was left
// unread for its caption (captionedNotActuals), said at the caption.
func (l *Layout) captionedOut(c int) bool {
	for _, nc := range l.notActuals {
		for _, k := range nc.cols {
			if k == c {
				return true
			}
		}
	}
	return false
}

// warnNotActuals says, at each caption whose period columns were left
// unread (captionedNotActuals), which they are and how to lay them out.
func (s *sheetReader) warnNotActuals() {
	for _, nc := range s.l.notActuals {
		if !s.span.has(nc.col) {
			continue // another table's, beside this one (sideTables)
		}
		what := fmt.Sprintf("column %s %q", xlsx.ColumnName(nc.cols[0]), nc.heads[0])
		if n := len(nc.cols); n > 1 {
			what = fmt.Sprintf("columns %s to %s (%q to %q)", xlsx.ColumnName(nc.cols[0]), xlsx.ColumnName(nc.cols[n-1]), nc.heads[0], nc.heads[n-1])
		}
		how := "give the year's target as a Target column, and targets or milestones by quarter or month as a targets table (Ref, Year, Target, Floor, then a column per milestone such as \"Q1 target\" or \"Jun milestone\"), and caption actual figures \"Actual\" or leave them uncaptioned"
		if strings.HasPrefix(nc.word, "quartile") {
			how = "quartile boundaries are not the authority's figures: keep them off the sheet of figures, and caption actual figures \"Actual\" or leave them uncaptioned"
		}
		s.warn(nc.row, nc.col, "%s under the caption %q not read: %q says they are not the figures themselves, and read by their headings they would be stored as actual figures; %s",
			what, nc.text, nc.word, how)
	}
}
