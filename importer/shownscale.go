package importer

import (
	"math"
	"strconv"
	"strings"

	"scorecard/app"
)

// A number format may show a figure divided by 1,000 for each comma
// after its last placeholder: "£#,##0.0,,\"m\"" shows 12100000 as
// £12.1m, "#,##0," 812000 as 812. Which figure the row means, the one
// stored or the one shown, its unit says: beside a Unit of "£m" or
// "£000s" it is the one shown, and reading the one stored kept a spend
// of £12.1m as 12,100,000 in £m with nothing said (QA probe 9); beside
// a count of children it is the one stored, 1,850 children shown as
// "1.9" thousand.

// unitThousands is the powers of 1,000 a unit as written counts in: 1
// for thousands ("£000s", "Number (000s)", "£k"), 2 for millions
// ("£m", "£ millions"), 0 for none.
func unitThousands(u app.Unit) int {
	t := strings.ToLower(string(u))
	switch {
	case strings.Contains(t, "million") || strings.Contains(t, "£m") || strings.Contains(t, "(m)") || strings.Contains(t, "£ m"):
		return 2
	case strings.Contains(t, "000s") || strings.Contains(t, "000's") || strings.Contains(t, "thousand") || strings.Contains(t, "£k") || strings.Contains(t, "(k)"):
		return 1
	}
	return 0
}

// readShown reads a figure its format shows divided by a power of 1,000
// as shown where the row's unit counts in that power, saying so once a
// sheet for each scale.
func (s *sheetReader) readShown(r, c int, ref string, unit app.Unit, text string, rd *reading) {
	if rd.thousands == 0 || rd.value == nil || unitThousands(unit) != rd.thousands {
		return
	}
	v := *rd.value / math.Pow(1000, float64(rd.thousands))
	rd.value, rd.raw, rd.shown = &v, text, true
	if s.scalesSaid[rd.thousands] {
		return
	}
	s.sayScale(rd.thousands)
	s.warn(r, c, "%s: %s read as %s, as its number format shows it, in %s as its unit %q counts: the cell stores %s and its format divides it by %s; each figure so formatted and so counted on this sheet is read as shown; said at the first",
		ref, text, strconv.FormatFloat(v, 'f', -1, 64), scaleWord(rd.thousands), unit, text, scaleDivisor(rd.thousands))
}

// sayStoredScale says, once a sheet for each scale, a figure read as
// stored though its format shows it divided by a power of 1,000: its
// row's unit counts in no such power, or is not known where it was read.
func (s *sheetReader) sayStoredScale(r, c int, ref, text string, rd reading) {
	if rd.thousands == 0 || rd.shown || rd.value == nil || s.scalesSaid[rd.thousands] {
		return
	}
	s.sayScale(rd.thousands)
	shown := strconv.FormatFloat(*rd.value/math.Pow(1000, float64(rd.thousands)), 'f', -1, 64)
	s.warn(r, c, "%s: %s read as stored, though its number format shows it divided by %s, as %s: the row's unit does not count in %s; if its figures are in %s, say so in its Unit (such as %q) and they are read as shown; said at the first figure so formatted on this sheet",
		ref, text, scaleDivisor(rd.thousands), shown, scaleWord(rd.thousands), scaleWord(rd.thousands), map[bool]string{true: "£m", false: "Number (000s)"}[rd.thousands == 2])
}

func (s *sheetReader) sayScale(n int) {
	if s.scalesSaid == nil {
		s.scalesSaid = map[int]bool{}
	}
	s.scalesSaid[n] = true
}

func scaleWord(n int) string {
	switch n {
	case 1:
		return "thousands"
	case 2:
		return "millions"
	}
	return "units of 1,000^" + strconv.Itoa(n)
}

func scaleDivisor(n int) string {
	return strconv.FormatFloat(math.Pow(1000, float64(n)), 'f', -1, 64)
}
