package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// Some producers give an indicator's months twice, in blocks side by
// side, each under a caption spanning it: "Number" over Oct-25 to
// Mar-26, then "%" over Oct-25 to Mar-26 again. Read as plain month
// columns, each month was given twice and the first block kept: a
// percentage's counts stored as its percentages, with a clash said at
// every cell of the second block (QA probe 7). Each month's columns, one
// in each block, are read as that month's sub-columns, the captions
// their sub-headings, as "No. | %" under each month are
// (periodSubColumns): the row's unit says which is its figure.

// periodBlocks reads the captions in the row above the header (at h,
// 0-based) over blocks of the same months, each caption a sub-heading
// periodSubColumns knows (a count, a figure, a numerator or a
// denominator). Anything else, or blocks of different months, leaves
// the layout as it was.
func periodBlocks(l *Layout, g *grid, h, width int) error {
	if h < 1 {
		return nil
	}
	capRow := h - 1
	raw := func(c int) string {
		if c >= len(g.rows[capRow]) {
			return ""
		}
		return strings.TrimSpace(g.rows[capRow][c])
	}
	periodAt := map[int]app.Period{}
	for _, c := range l.Columns {
		if c.Role == RolePeriod && (c.Period.Kind == app.Month || c.Period.Kind == app.Quarter) {
			periodAt[c.index] = c.Period
		}
	}
	type block struct {
		caption string
		at      int
		cols    []int
	}
	var blocks []block
	for c := 0; c < width; c++ {
		text := raw(c)
		if _, over := periodAt[c]; text == "" || !over {
			continue
		}
		switch k, _ := subKindOf(text); k {
		case subCount, subValue, subNum, subDen:
		default:
			return nil
		}
		b := block{caption: text, at: c}
		for e := c; e < width; e++ {
			if _, ok := periodAt[e]; !ok || e > c && raw(e) != "" && raw(e) != text {
				break
			}
			b.cols = append(b.cols, e)
		}
		blocks = append(blocks, b)
		c = b.cols[len(b.cols)-1]
	}
	if len(blocks) < 2 {
		return nil
	}
	for _, b := range blocks[1:] {
		if len(b.cols) != len(blocks[0].cols) {
			return nil
		}
		for i, c := range b.cols {
			if periodAt[c] != periodAt[blocks[0].cols[i]] {
				return nil
			}
		}
	}
	caption := map[int]string{}
	var groups []periodGroup
	for i, c := range blocks[0].cols {
		gr := periodGroup{period: periodAt[c], from: c, unknown: -1}
		for _, b := range blocks {
			gr.cols = append(gr.cols, b.cols[i])
			caption[b.cols[i]] = b.caption
		}
		groups = append(groups, gr)
	}
	var under []string
	for _, b := range blocks {
		under = append(under, fmt.Sprintf("%q at %s", b.caption, cellName(capRow, b.at)))
	}
	last := len(under) - 1
	// The note's format takes the sub-headings at its %s; a caption's
	// own "%" is written as one.
	where := strings.ReplaceAll("given once in each of the blocks of months side by side, under "+strings.Join(under[:last], ", ")+" and "+under[last], "%", "%%") + " (%s)"
	head := func(c int) string { return caption[c] }
	return periodGroups(l, g, groups, head, where, cellName(capRow, blocks[0].at), h, "")
}
