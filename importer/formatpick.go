package importer

import (
	"fmt"
	"strconv"
	"strings"
)

// formatCond is a number format section's condition, as in [=0] or
// [>=100].
type formatCond struct {
	op string // "=", "<>", "<", "<=", ">", ">="; "" for none
	v  float64
}

// parseFormatCond reads a bracket's text as a condition, "<1" from
// [<1]; a colour or locale ([Red], [$-809]) is none.
func parseFormatCond(s string) (formatCond, bool) {
	for _, op := range []string{"<=", ">=", "<>", "<", ">", "="} {
		if rest, ok := strings.CutPrefix(s, op); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
			return formatCond{op: op, v: v}, err == nil
		}
	}
	return formatCond{}, false
}

func (c formatCond) holds(x float64) bool {
	switch c.op {
	case "=":
		return x == c.v
	case "<>":
		return x != c.v
	case "<":
		return x < c.v
	case "<=":
		return x <= c.v
	case ">":
		return x > c.v
	case ">=":
		return x >= c.v
	}
	return false
}

// scaleSections returns a number format's sections where those that show
// a number disagree on scale, a bare % in one and not in another; nil
// where they agree, and formatDecimals' reading of the whole stands.
func scaleSections(code string) []formatSection {
	secs := formatSections(code)
	if len(secs) > 3 {
		// The fourth is for text.
		secs = secs[:3]
	}
	some, all := false, true
	for _, s := range secs {
		if !s.number {
			continue
		}
		some = some || s.percent
		all = all && s.percent
	}
	if !some || all {
		return nil
	}
	return secs
}

// sectionFor picks the section of a number format Excel shows x with:
// by sign (positive;negative;zero) where no section has a condition.
// Where the first has one, it shows what it holds for; a second with a
// condition what that holds for, the third the rest; a second without
// one the rest where there are two sections, else the negatives, the
// third the rest (as LibreOffice shows them: [>10]"A"0;"B"0;"C"0 writes
// 5 as C5, -5 as B5). ok is false where the format leaves x to no
// section (a lone conditional section that does not hold; two
// conditional sections neither of which holds; a condition on the second
// alone), which Excel does not show as a figure.
func sectionFor(secs []formatSection, x float64) (formatSection, bool) {
	if len(secs) == 0 {
		return formatSection{}, false
	}
	if secs[0].cond.op == "" {
		if len(secs) > 1 && secs[1].cond.op != "" {
			return formatSection{}, false
		}
		switch {
		case len(secs) == 1, x > 0, x == 0 && len(secs) == 2:
			return secs[0], true
		case x < 0:
			return secs[1], true
		default:
			return secs[2], true
		}
	}
	switch {
	case secs[0].cond.holds(x):
		return secs[0], true
	case len(secs) == 1:
		return formatSection{}, false
	case secs[1].cond.op != "" && secs[1].cond.holds(x):
		return secs[1], true
	case secs[1].cond.op != "" && len(secs) > 2:
		return secs[2], true
	case secs[1].cond.op != "":
		return formatSection{}, false
	case len(secs) == 2 || x < 0:
		return secs[1], true
	}
	return secs[2], true
}

// sectionLook is the look of a figure x in a cell whose format's sections
// disagree on scale: its own section's. A section that shows no number
// (text such as "<5%") leaves the whole format's reading; a figure the
// format leaves open is refused, as its scale is then a guess.
func sectionLook(lk look, x float64) (look, error) {
	s, ok := sectionFor(lk.sections, x)
	if !ok {
		return lk, fmt.Errorf("%v: its number format has sections that differ in scale (one multiplies by 100, another writes %% as text) and which one shows it is not settled; format the cells with one percentage format", x)
	}
	if !s.number {
		return lk, nil
	}
	lk.percent, lk.percentSign, lk.decimals, lk.thousands = s.percent, !s.percent && s.sign, s.decimals, s.thousands
	lk.section = s.code
	return lk, nil
}

// saySection says, once a sheet for each section, a figure read by one
// section of a format whose sections differ in scale.
func (s *sheetReader) saySection(r, c int, ref, text string, rd reading) {
	if rd.section == "" || s.sectionsSaid[rd.section] {
		return
	}
	if s.sectionsSaid == nil {
		s.sectionsSaid = map[string]bool{}
	}
	s.sectionsSaid[rd.section] = true
	scale := "a % written as text, no multiplying"
	if rd.scaled {
		scale = "a bare %, so the cell's figure is multiplied by 100"
	}
	shown := ""
	if rd.value != nil {
		shown = strconv.FormatFloat(*rd.value, 'f', -1, 64)
	}
	s.warn(r, c, "%s: %s read as %s by its number format's section \"%s\", the one Excel shows it with (%s): the format's sections differ in scale, so each figure is read by its own; said at the first figure so read", ref, text, shown, rd.section, scale)
}
