package importer

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"scorecard/app"
	"scorecard/importer/value"
)

// reading is one cell's figure as an observation holds it.
type reading struct {
	value    *float64
	num, den *float64
	status   app.Status
	raw      string // the source's own text where it was not a plain number
	marker   string // the GSS marker after the figure ("u" for "12 [u]"); see readMarkedFigure
	percent  bool   // the cell showed a percentage (text "%", a % format or a fraction)
	decimals int    // decimal places shown; -1 when unknown
	// exponent is a figure typed as text in scientific notation ("1e3"),
	// for the caller to say how it was read (exponentNote).
	exponent bool
	// section is the number format's section the figure was read by,
	// where the format's sections differ in scale (sectionLook), and
	// scaled whether it multiplied by 100, for the caller to say.
	section string
	scaled  bool
	// thousands is the powers of 1,000 the cell's format divides the
	// figure by as it shows it (look.thousands), for the caller to read
	// it as shown where the row's unit is so scaled (readShown), or to
	// say it was read as stored; shown marks it read as shown.
	thousands int
	shown     bool
	// blank marks a figure read from a cell whose format shows nothing
	// (look.blank), for the caller to say.
	blank bool
}

// readFigure reads a cell's raw text with its look. Percentages are
// returned 0-100 whatever the source: 0.637 in a "0.0%" cell and the text
// "63.7%" both read as 63.7, and a fraction "221/1896" as 11.66 with its
// parts. It returns value.ErrEmpty for a blank cell.
func readFigure(text string, lk look, fl *floats) (reading, error) {
	rd, err := readMarkedFigure(text, lk, fl)
	if err == nil && rd.marker != "" {
		if value.IsNoteMark(rd.marker) {
			return reading{}, fmt.Errorf("%q carries the note mark %q, which is set aside on a period's figure only", text, rd.marker)
		}
		return reading{}, fmt.Errorf("%q is marked [%s] (%s), which is read on a period's figure only", text, rd.marker, value.MarkerMeaning(rd.marker))
	}
	return rd, err
}

// readMarkedFigure is readFigure for a period's figure, which may carry a
// GSS marker after it ("12 [u]", "17p"): the figure is read and the
// marker given in reading.marker, for the caller to say; its text is
// kept as the figure's raw text.
func readMarkedFigure(text string, lk look, fl *floats) (reading, error) {
	rd, err := figureOf(text, lk, fl)
	if err == nil && rd.value != nil && math.IsInf(*rd.value, 0) {
		return reading{}, fmt.Errorf("%q is too large to be a figure", text)
	}
	if err == nil && rd.value != nil && lk.exponentText {
		rd.exponent = true
		// The typed text is kept, as other figures typed as text are.
		rd.raw = text
	}
	return rd, err
}

// errNotANumber says a cell read as a status code where a number must be.
var errNotANumber = errors.New("not a number")

// markedNote says how a marked figure was read, for a warning at its
// cell: `"12 [u]" read as 12, marked [u]: low reliability; ...`. The
// mark is set aside, the figure stored as any other, and only its text
// keeps the mark, which the officer is told: a provisional figure is not
// marked so in the store.
func markedNote(text string, rd reading) string {
	shown := "a fraction"
	if rd.value != nil {
		shown = strconv.FormatFloat(*rd.value, 'f', -1, 64)
		if rd.percent {
			shown += "%"
		}
	}
	if value.IsNoteMark(rd.marker) {
		return fmt.Sprintf("%q read as %s; the note mark %q is set aside, kept only in the figure's source text: see the sheet's notes for what it says", text, shown, rd.marker)
	}
	return fmt.Sprintf("%q read as %s, marked [%s]: %s; the mark is set aside, kept only in the figure's source text", text, shown, rd.marker, value.MarkerMeaning(rd.marker))
}

func figureOf(text string, lk look, fl *floats) (reading, error) {
	if v, ok := plainNumber(text); ok {
		if lk.time {
			// 02:30 is stored as 0.0017 of a day: read so, a duration
			// of minutes was stored as a thousandth of one (QA probe 9).
			return reading{}, fmt.Errorf("%q is in a cell formatted as a time, which shows it as %s, a time of day or a duration in days, not as a figure: give it as a number, of minutes or hours as the indicator counts", text, clockText(v))
		}
		if lk.date {
			// A date typed into a figure's cell is stored as its serial
			// number, 46129 for 17 April 2026: read so, a caseload of
			// 46,129 was stored with nothing said (QA probe 9).
			return reading{}, fmt.Errorf("%q is in a cell formatted as a date, which shows it as a date, not as a figure", text)
		}
		if lk.sections != nil {
			var err error
			if lk, err = sectionLook(lk, v); err != nil {
				return reading{}, err
			}
		}
		// Most cells hold a number as Excel stores it: skip the text
		// parser's status codes, fractions and separators.
		rd := reading{decimals: lk.decimals, section: lk.section, scaled: lk.section != "" && lk.percent}
		rd.thousands, rd.blank = lk.thousands, lk.blank
		switch {
		case lk.percent:
			rd.percent = true
			rd.value = fl.of(hundredfold(v))
		case lk.percentSign:
			rd.percent = true
			rd.value = fl.of(v)
			if rd.decimals < 0 {
				rd.decimals = min(value.Places(text), 3)
			}
		default:
			rd.value = fl.of(v)
			if rd.decimals < 0 {
				rd.decimals = min(value.Places(text), 3)
			}
			switch {
			case text[len(text)-1] == '0' && pointThousands(text):
				// "1.910" reads as 1.91: its text is kept, for a
				// count's check of a point written for thousands.
				rd.raw = text
			case lk.decimals == 3 && v >= 1 && v < 1000 && v == math.Trunc(v):
				// 2 in a cell formatted 0.000 shows "2.000", as
				// a count of 2,000 written with a point would:
				// the shown text is kept for the same check.
				rd.raw = strconv.FormatFloat(v, 'f', 3, 64)
			}
		}
		return rd, nil
	}
	f, err := value.Parse(text)
	if err != nil {
		return reading{}, err
	}
	rd := reading{decimals: lk.decimals, marker: f.Marker}
	if _, err := strconv.ParseFloat(strings.TrimSpace(text), 64); err != nil {
		rd.raw = text
	}
	switch {
	case f.Status != app.OK:
		rd.status = f.Status
		return rd, nil
	case f.HasParts:
		rd.num, rd.den = fl.of(f.Numerator), fl.of(f.Denominator)
		rd.value = fl.of(hundredfold(f.Value))
		rd.percent = true
		return rd, nil
	case f.Percent:
		rd.percent = true
		rd.value = fl.of(f.Value)
		if rd.decimals < 0 {
			rd.decimals = value.Places(text)
		}
	case lk.percent:
		rd.percent = true
		rd.value = fl.of(hundredfold(f.Value))
	case lk.percentSign:
		rd.percent = true
		rd.value = fl.of(f.Value)
		if rd.decimals < 0 {
			rd.decimals = min(value.Places(text), 3)
		}
	default:
		rd.value = fl.of(f.Value)
		if rd.decimals < 0 {
			rd.decimals = min(value.Places(text), 3)
		}
	}
	return rd, nil
}

// hundredfold turns a fraction into a percentage, 0.117 into 11.7,
// rounding away the binary noise of the multiplication (0.117*100 is
// 11.700000000000001) and staying finite for absurd inputs.
func hundredfold(v float64) float64 {
	x := v * 100
	if math.Abs(x) < 1e12 {
		return app.RoundTo(x, 10)
	}
	return x
}

// floats hands out pointers to figures from blocks: one allocation per
// thousand figures rather than one each. A nil *floats allocates each.
type floats struct{ block []float64 }

func (f *floats) of(v float64) *float64 {
	if f == nil {
		return app.Float(v)
	}
	if len(f.block) == cap(f.block) {
		f.block = make([]float64, 0, 1024)
	}
	f.block = append(f.block, v)
	return &f.block[len(f.block)-1]
}

// plainNumber reads text that is a number as a workbook stores it,
// "1896" or "0.11656" or "1.2E-05", and nothing else: no signs of a
// figure written by hand (spaces, commas, "%"), which value.Parse reads.
func plainNumber(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch >= '0' && ch <= '9', ch == '.', ch == '-' && i == 0:
		case (ch == 'E' || ch == 'e') && i > 0, (ch == '-' || ch == '+') && i > 0 && (s[i-1] == 'E' || s[i-1] == 'e'):
		default:
			return 0, false
		}
	}
	if v, ok := shortDecimal(s); ok {
		return v, true
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil && !math.IsInf(v, 0)
}

// pow10 are the powers of ten a float64 holds exactly.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// shortDecimal reads the usual figure, digits with at most one point
// ("1896", "0.11656", "-3.5"), as ParseFloat would but several times
// faster: it runs for most cells of a workbook. Such a figure whose
// digits make a whole number of at most 2^53 is that number divided by a
// power of ten, both exact as float64, so the one rounding of the
// division gives the nearest float64, as ParseFloat does. That takes in
// the 15 significant digits Excel writes a fraction with after "0."
// ("0.527559055118110"), half of a large workbook's cells. Anything else
// is left to ParseFloat.
func shortDecimal(s string) (float64, bool) {
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	var m uint64
	digits, point := 0, -1
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch >= '0' && ch <= '9':
			m = m*10 + uint64(ch-'0')
			digits++
		case ch == '.' && point < 0:
			point = i
		default:
			return 0, false
		}
	}
	// Nineteen digits cannot overflow m.
	if digits == 0 || digits > 19 || m > 1<<53 {
		return 0, false
	}
	v := float64(m)
	if point >= 0 {
		v /= pow10[len(s)-1-point]
	}
	if neg {
		v = -v
	}
	return v, true
}

// readTargetFigure is readFigure for a target, floor, tolerance or
// milestone cell, which holds one number. Two numbers in it ("85/90",
// "18/20") are a target and its stretch or floor, not a fraction: read as
// one they gave a target of 94.44 with nothing said, so the cell is
// refused, naming both, for the caller to warn of and skip.
func readTargetFigure(text string, lk look, fl *floats) (reading, error) {
	rd, err := readFigure(text, lk, fl)
	if err == nil && rd.num != nil && rd.den != nil {
		return reading{}, fmt.Errorf("%q holds two numbers, %g and %g, not one: a target or floor is not read as a fraction; give each in its own column (a stretch target or floor in a column of its own)",
			strings.TrimSpace(text), *rd.num, *rd.den)
	}
	return rd, err
}

// isBlank reports whether readFigure's error means an empty cell.
func isBlank(err error) bool { return errors.Is(err, value.ErrEmpty) }

// arrowGlyphs maps the arrows scorecards draw, in Unicode and as the
// Latin-1 letters that show as arrows in a Wingdings font, to movements.
var arrowGlyphs = map[string]app.Arrow{
	"↑": app.Up, "⬆": app.Up, "▲": app.Up, "△": app.Up, "⇧": app.Up, "↗": app.Up, "⇑": app.Up,
	"↓": app.Down, "⬇": app.Down, "▼": app.Down, "▽": app.Down, "⇩": app.Down, "↘": app.Down, "⇓": app.Down,
	"→": app.Across, "↔": app.Across, "⬌": app.Across, "►": app.Across, "▶": app.Across,
	"⇨": app.Across, "➔": app.Across, "➡": app.Across, "⇔": app.Across, "=": app.Across,
	"up": app.Up, "down": app.Down, "across": app.Across, "same": app.Across,
	"no change": app.Across, "stable": app.Across, "unchanged": app.Across, "level": app.Across,
}

// wingdingsGlyphs are the letters a Wingdings font draws as arrows: é up,
// ê down, è across, and their outlined forms ñ, ò, ð.
var wingdingsGlyphs = map[string]app.Arrow{
	"é": app.Up, "ê": app.Down, "è": app.Across,
	"ñ": app.Up, "ò": app.Down, "ð": app.Across,
}

// arrowOf reads a DoT cell as the movement the source drew. A judgement
// ("Improved") is turned into a movement by the polarity; without one it
// says nothing about the movement and reads as no arrow.
func arrowOf(text string, lk look, p app.Polarity) app.Arrow {
	t := strings.TrimSpace(text)
	if t == "" {
		return app.NoArrow
	}
	if a, ok := wingdingsGlyphs[t]; ok && (lk.wingdings || len([]rune(t)) == 1) {
		return a
	}
	if a, ok := arrowGlyphs[strings.ToLower(t)]; ok {
		return a
	}
	low := strings.ToLower(t)
	better := strings.HasPrefix(low, "improv") || strings.HasPrefix(low, "better")
	worse := strings.HasPrefix(low, "wors") || strings.HasPrefix(low, "declin") || strings.HasPrefix(low, "deteriorat")
	switch {
	case (better && p == app.HigherBetter) || (worse && p == app.LowerBetter):
		return app.Up
	case (better && p == app.LowerBetter) || (worse && p == app.HigherBetter):
		return app.Down
	}
	for _, r := range t {
		if a, ok := arrowGlyphs[string(r)]; ok {
			return a
		}
	}
	return app.NoArrow
}

// ragOf reads a RAG cell: its text, or where the cell is empty, its fill.
func ragOf(text string, lk look) app.RAG {
	if r, ok := app.ParseRAG(text); ok {
		return r
	}
	if strings.TrimSpace(text) != "" {
		return app.NoRAG
	}
	return ragOfFill(lk.fill)
}

// ragOfFill classifies a fill colour ("FF0000", "FFC7CE") by hue: reds,
// ambers (orange to yellow) and greens, ignoring greys and white.
func ragOfFill(hex string) app.RAG {
	hex = strings.TrimPrefix(hex, "#")
	if len(hex) == 8 {
		hex = hex[2:]
	}
	if len(hex) != 6 {
		return app.NoRAG
	}
	n, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		return app.NoRAG
	}
	r, g, b := float64(n>>16&0xff)/255, float64(n>>8&0xff)/255, float64(n&0xff)/255
	hi, lo := max(r, g, b), min(r, g, b)
	if hi-lo < 0.15 {
		return app.NoRAG
	}
	var h float64
	switch hi {
	case r:
		h = 60 * (g - b) / (hi - lo)
	case g:
		h = 60 * ((b-r)/(hi-lo) + 2)
	default:
		h = 60 * ((r-g)/(hi-lo) + 4)
	}
	if h < 0 {
		h += 360
	}
	switch {
	case h < 20 || h >= 330:
		return app.Red
	case h < 65:
		return app.Amber
	case h < 170:
		return app.Green
	}
	return app.NoRAG
}

// clockText is a fraction of a day as a clock shows it, hours past 24
// and all: 0.0625 is "1:30:00".
func clockText(days float64) string {
	secs := int64(math.Round(math.Abs(days) * 24 * 60 * 60))
	sign := ""
	if days < 0 {
		sign = "-"
	}
	return fmt.Sprintf("%s%d:%02d:%02d", sign, secs/3600, secs/60%60, secs%60)
}
