package importer

// A column headed "Notes" (or "Note") of narrative beside the figures:
// "Increase linked to MASH restructure; audit under way." was left
// unread as a heading the importer did not know (QA30 finding 11),
// where "Comments", "Commentary" and "Narrative" are read as comments.
// "Notes" also heads columns of footnote marks ("(1)", "*") keyed to
// notes below the table, which are no comment on a figure: so the
// column is read as comments unless its cells hold marks and no words,
// said at its heading either way.

import (
	"slices"
	"strings"
	"unicode"

	"scorecard/importer/xlsx"
)

// notesColumn adds to an indicator sheet's layout, as its comments, a
// column headed "Notes" or "Note" (on row label) that no other reading
// took, where the sheet has no comments column of its own; one whose
// cells in the rows detection looks at hold footnote marks and no
// narrative is refused instead.
func notesColumn(l *Layout, g *grid, label int) {
	if l.has(RoleComments) || label < 0 || label >= len(g.rows) {
		return
	}
	for c, head := range g.rows[label] {
		if n := normHeader(head); n != "notes" && n != "note" {
			continue
		}
		if slices.ContainsFunc(l.Columns, func(col Column) bool { return col.index == c }) {
			continue
		}
		if onlyMarksBelow(g, l.FirstRow-1, c) {
			l.refuseColumn(c, "its cells are footnote marks such as (1) or *, not narrative: the notes they mark are not read; a column of narrative headed Notes is read as comments")
			continue
		}
		col := Column{Col: xlsx.ColumnName(c), Header: strings.TrimSpace(head), Role: RoleComments, Hidden: g.isHidden(c), index: c, guessed: true}
		at, _ := slices.BinarySearchFunc(l.Columns, c, func(col Column, c int) int { return col.index - c })
		l.Columns = slices.Insert(l.Columns, at, col)
		return
	}
}

// onlyMarksBelow reports whether the cells of column c from row first
// (0-based) hold footnote marks and no narrative. Only the rows
// detection looks at are read, so that a layout made from a sheet's
// first rows and from the whole sheet agree.
func onlyMarksBelow(g *grid, first, c int) bool {
	marks := false
	for r := max(first, 0); r < min(len(g.rows), headerSearchRows); r++ {
		s := strings.TrimSpace(g.at(r, c))
		switch {
		case s == "":
		case !footnoteMark(s):
			return false
		default:
			marks = true
		}
	}
	return marks
}

// footnoteMark reports whether s is a mark keyed to a note elsewhere:
// "*", "**", "†", "(1)", "[a]", "1", "a", "1,3".
func footnoteMark(s string) bool {
	s = strings.Trim(s, "()[] ")
	if s == "" {
		return true
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r), strings.ContainsRune("*†‡§¶#,; ", r):
		case unicode.IsLetter(r):
			letters++
		default:
			return false
		}
	}
	return letters <= 1 && len([]rune(s)) <= 6
}
