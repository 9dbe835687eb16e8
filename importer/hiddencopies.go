package importer

import (
	"slices"
	"strconv"
	"strings"

	"scorecard/app"
)

// setAside marks a figure of a hidden row that a visible row of its sheet
// gives too, for the same series and period: it is not replayed into the
// collector (see setAsideHiddenCopies).
const setAside uint8 = 1 << 7

// setAsideHiddenCopies lets a visible row stand over a hidden row giving
// the same indicator (a superseded copy, often marked "OLD", kept hidden
// above its correction), as a visible column stands over a hidden one
// (Layout.shadowed). Otherwise the hidden row, read first, would give
// the figures and the name, and the corrected row's figures be the ones
// said to be set aside. The hidden row's figures for periods the visible
// row also gives are set aside, its definition and targets are read
// after the visible row's (so the visible row's name stands and any
// difference is said at the hidden cell), and one warning at the hidden
// row says which of its figures differed and were not used. Its figures
// for periods no visible row gives are read as before (warnHidden).
func (out *sheetLog) setAsideHiddenCopies(l Layout, g *grid) {
	if len(g.hiddenRows) == 0 {
		return
	}
	hidden := func(r int) bool {
		_, ok := slices.BinarySearch(g.hiddenRows, r)
		return ok
	}
	type at struct {
		series int32
		period app.Period
	}
	visible := map[at]int{}
	for i := range out.figs {
		f := &out.figs[i]
		if !hidden(int(f.row)) {
			if _, ok := visible[at{f.series, f.period()}]; !ok {
				visible[at{f.series, f.period()}] = i
			}
		}
	}
	if len(visible) == 0 {
		return
	}
	// copyOf holds, by hidden row, what it copies: the visible row, the
	// ref, how many figures were set aside and those that differed.
	type copied struct {
		twin    int
		ref     string
		n       int
		differs []string
	}
	copyOf := map[int]*copied{}
	var rows []int
	for i := range out.figs {
		f := &out.figs[i]
		if !hidden(int(f.row)) {
			continue
		}
		j, ok := visible[at{f.series, f.period()}]
		if !ok {
			continue
		}
		f.flags |= setAside
		r := int(f.row)
		cp := copyOf[r]
		if cp == nil {
			cp = &copied{twin: int(out.figs[j].row), ref: out.keys[f.series].Ref}
			copyOf[r] = cp
			rows = append(rows, r)
		}
		cp.n++
		a, b := out.observation(f), out.observation(&out.figs[j])
		if !sameFigure(&a, &b, 9) {
			cp.differs = append(cp.differs, describeFigure(&a)+" at "+cellName(r, int(f.col)))
		}
	}
	if len(rows) == 0 {
		return
	}
	twins := map[int]int{}
	for r, cp := range copyOf {
		twins[r] = cp.twin
	}
	out.visibleFirst(twins)
	slices.Sort(rows)
	for _, r := range rows {
		cp := copyOf[r]
		what := "the hidden row's figure for the same period"
		if cp.n > 1 {
			what = "the hidden row's " + strconv.Itoa(cp.n) + " figures for the same periods"
		}
		used := "; they are the same as row " + strconv.Itoa(cp.twin+1) + "'s"
		if cp.n == 1 {
			used = "; it is the same as row " + strconv.Itoa(cp.twin+1) + "'s"
		}
		switch n := len(cp.differs); {
		case n == 1:
			used = "; the one that differs, " + cp.differs[0] + ", was not used"
		case n > 5:
			used = "; those that differ, " + strings.Join(cp.differs[:5], ", ") + " and " + strconv.Itoa(n-5) + " more, were not used"
		case n > 1:
			used = "; those that differ, " + strings.Join(cp.differs[:n-1], ", ") + " and " + cp.differs[n-1] + ", were not used"
		}
		out.warn(l.Sheet, place(l.Sheet, r, 0), "row %d is hidden and gives %s, as visible row %d does: row %d's name and figures were taken, and %s set aside%s; if row %d is a superseded copy, delete it",
			r+1, cp.ref, cp.twin+1, cp.twin+1, what, used, r+1)
	}
}

// visibleFirst swaps each definition and target a hidden row gives ahead
// of its visible twin (twins, by 0-based row) with the twin's for the same
// indicator, so that the twin's are replayed first and stand; the hidden
// row's, replayed after, fill only what the twin leaves blank, and any
// polarity, unit or target it gives otherwise is said at its cell.
func (out *sheetLog) visibleFirst(twins map[int]int) {
	for i := range out.indicators {
		twin, ok := twins[statedRow(*out.stated[i])]
		if !ok {
			continue
		}
		ref := out.indicators[i].Ref
		for j := i + 1; j < len(out.indicators); j++ {
			if out.indicators[j].Ref == ref && statedRow(*out.stated[j]) == twin {
				out.indicators[i], out.indicators[j] = out.indicators[j], out.indicators[i]
				out.stated[i], out.stated[j] = out.stated[j], out.stated[i]
				break
			}
		}
	}
	for i := range out.targets {
		t := &out.targets[i]
		twin, ok := twins[rowOfCell(t.cell)]
		if !ok {
			continue
		}
		for j := i + 1; j < len(out.targets); j++ {
			u := &out.targets[j]
			if u.t.Ref == t.t.Ref && u.t.Year == t.t.Year && rowOfCell(u.cell) == twin {
				out.targets[i], out.targets[j] = out.targets[j], out.targets[i]
				break
			}
		}
	}
}

// statedRow is the 0-based row a definition was stated on, by its name,
// polarity or unit; -1 for none.
func statedRow(st app.Stated) int {
	for _, at := range []app.Location{st.Name, st.Polarity, st.Unit} {
		if at.Cell != "" {
			return rowOfCell(at.Cell)
		}
	}
	return -1
}

// rowOfCell is the 0-based row of a cell named "H12" (or "Sheet!H12");
// -1 for anything else.
func rowOfCell(cell string) int {
	_, cell = splitCell(cell)
	if _, row, ok := cellColRow(cell); ok {
		return row - 1
	}
	return -1
}
