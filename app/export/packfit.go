package export

import (
	"fmt"
	"strings"

	"scorecard/app/export/pdf"
)

// The pack's first page is the exceptions brief, and must end on it: a
// committee reads page 1 alone, and a footnote run over onto a page of
// its own (QA26b S5) reads as a page of the pack that says nothing. Its
// length is the store's, not the layout's (an item per indicator red,
// worsened or flagged, a note per quarterly one without a figure this
// month), so it is fitted to the page by design: set smaller, down to a
// type still legible, then with the least serious of its lists counted
// and named by ref in a closing line, each to be found on the scorecard
// that follows, rather than run over.

// pageRole is what a block of the first page is, which sets its type.
type pageRole int

const (
	roleItem pageRole = iota // an indicator's line, led by its RAG mark
	roleLead                 // the all-clear, or why there is none
	roleText                 // the introductions
	roleFoot                 // the footnotes: off-cycle figures, small numbers
)

// typeSteps are the first page's type sizes in points, by pageRole,
// largest first: footnotes smaller first, then everything, down to 7
// points (8 for an item), which the pack's condensed face still prints
// legibly.
var typeSteps = [][4]float64{
	{10.5, 11, 9, 8.5},
	{10.5, 11, 8, 7.5},
	{9.5, 10, 7.5, 7},
	{8.5, 9, 7, 7},
	{8, 8.5, 7, 7},
}

// pageBlock is a paragraph of the first page: an item, led by its mark,
// or a paragraph.
type pageBlock struct {
	role pageRole
	text string
	mark string
	fill pdf.RGB
	// group, where it is not 0, is the list the block belongs to, whose
	// tail may be left to the closing line of group's listMore.
	group int
	label string // an item's indicator, "CIC05 (RED)", for its list's closing line
}

// listMore says, of a list whose last blocks did not fit the first page,
// where they are: named gives their refs, or only their number where
// the refs themselves do not fit.
type listMore func(dropped []pageBlock, named bool) pageBlock

// fitFirstPage writes blocks below the page's title, at the largest
// type steps that fits them on the page; where none does, at the
// smallest, with as many of the lists' blocks as fit, in page order, and
// each list's others in the closing line more gives for it. The lists
// are ordered most serious first, so what is left to the closing line
// is the least.
func fitFirstPage(d *pdf.Doc, blocks []pageBlock, more map[int]listMore) {
	room := d.Room()
	for _, sizes := range typeSteps {
		if pageHeight(d, blocks, sizes) <= room {
			drawBlocks(d, blocks, sizes)
			return
		}
	}
	sizes := typeSteps[len(typeSteps)-1]
	var listed []int // the blocks that may be left to a closing line
	for i, bl := range blocks {
		if bl.group != 0 {
			listed = append(listed, i)
		}
	}
	for _, named := range []bool{true, false} {
		for keep := len(listed) - 1; keep >= 0; keep-- {
			laid := shortened(blocks, listed[keep:], more, named)
			if pageHeight(d, laid, sizes) <= room {
				drawBlocks(d, laid, sizes)
				return
			}
		}
	}
	// Only the introductions and footnotes are left, which are of a
	// bounded length: they fit any store's page. Written whole even so.
	drawBlocks(d, shortened(blocks, listed, more, false), sizes)
}

// shortened is blocks without those at the indexes in drop, each list
// closed, where it lost any, by the line its listMore gives.
func shortened(blocks []pageBlock, drop []int, more map[int]listMore, named bool) []pageBlock {
	dropped := map[int]bool{}
	for _, i := range drop {
		dropped[i] = true
	}
	var out, lost []pageBlock
	for i, bl := range blocks {
		if dropped[i] {
			lost = append(lost, bl)
		} else {
			out = append(out, bl)
		}
		if len(lost) > 0 && (i == len(blocks)-1 || blocks[i+1].group != bl.group) {
			out = append(out, more[bl.group](lost, named))
			lost = nil
		}
	}
	return out
}

// pageHeight is the height blocks take at sizes, in millimetres.
func pageHeight(d *pdf.Doc, blocks []pageBlock, sizes [4]float64) float64 {
	h := 0.0
	for _, bl := range blocks {
		if bl.role == roleItem {
			h += d.ItemHeight(bl.text, sizes[bl.role])
		} else {
			h += d.ParaHeight(bl.text, sizes[bl.role])
		}
	}
	return h
}

func drawBlocks(d *pdf.Doc, blocks []pageBlock, sizes [4]float64) {
	for _, bl := range blocks {
		if bl.role == roleItem {
			d.Item(bl.mark, bl.fill, bl.text, sizes[bl.role])
		} else {
			d.Para(bl.text, sizes[bl.role])
		}
	}
}

// moreItems closes a list of the first page's items that did not all
// fit: "And 12 more, less serious: CIC05 (AMBER), ..." and where to find
// them. what says which list ("less serious", "of these").
func moreItems(what, where string) listMore {
	return func(dropped []pageBlock, named bool) pageBlock {
		text := fmt.Sprintf("And %d more, %s, not listed here for want of room", len(dropped), what)
		if named {
			refs := make([]string, len(dropped))
			for i, bl := range dropped {
				refs[i] = bl.label
			}
			text += ": " + strings.Join(refs, ", ")
		}
		return pageBlock{role: roleItem, text: text + "; " + where + "."}
	}
}

// moreNotes closes the footnotes of quarterly and annual figures that
// did not all fit.
func moreNotes(month string) listMore {
	return func(dropped []pageBlock, named bool) pageBlock {
		return pageBlock{role: roleFoot, text: fmt.Sprintf("And %d more quarterly or annual indicators with no figure in %s, not noted here for want of room: "+
			"the scorecard notes each one's latest figure under its table.", len(dropped), month)}
	}
}

// moreRevisions closes the list of changes to circulated figures that
// did not fit: each is noted in its Scorecard cell, and the brief lists
// them all.
func moreRevisions(dropped []pageBlock, _ bool) pageBlock {
	return pageBlock{role: roleFoot, text: fmt.Sprintf("And %d more changes to figures or definitions already circulated, not listed here for want of room: "+
		"scorecard brief lists each, and the workbook notes each revised figure in its Scorecard cell.", len(dropped))}
}
