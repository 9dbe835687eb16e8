// Package value reads the text of one spreadsheet cell or CSV field as
// scorecards write figures: numbers with thousands separators, percentages
// with or without a (non-breaking) space, negatives in brackets, fractions
// such as "221/1896", and the status codes that stand where a figure would
// be. A status code is data, never zero.
package value

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"scorecard/app"
)

// Figure is a parsed cell. When Status is set there is no Value; Raw keeps
// the source's own text either way.
type Figure struct {
	Value float64
	// Percent is set when the text carried a % sign: Value is then in
	// 0-100 terms ("63.7%" is 63.7).
	Percent bool
	// HasParts is set for a fraction: Numerator and Denominator hold its
	// parts and Value their quotient (221/1896 is 0.1166).
	HasParts               bool
	Numerator, Denominator float64
	Status                 app.Status
	Raw                    string
	// Marker is the GSS shorthand written after the figure, lower case
	// and without brackets: "u" for "12 [u]" (low reliability), "p" for
	// "17p" or "14 (p)" (provisional); or a note's mark as written, "*"
	// for "12*", "(1)" for "57.0%(1)" (see IsNoteMark). The figure
	// stands; the marker qualifies it.
	Marker string
}

// markers are the GSS shorthand symbols written after a figure to
// qualify it (the Government Statistical Service's guidance on symbols
// in tables), with what each says. Those that stand in place of a figure
// ([c], [x], [z], [low]) are status codes, not markers.
var markers = map[string]string{
	"b":  "a break in the series",
	"e":  "estimated",
	"er": "estimated and revised",
	"f":  "forecast",
	"p":  "provisional",
	"r":  "revised",
	"u":  "low reliability",
}

// MarkerMeaning says what a marker (Figure.Marker) means: "provisional";
// of a note's mark, only that it is one.
func MarkerMeaning(m string) string {
	if IsNoteMark(m) {
		return "a note's mark, saying nothing of the figure itself: see the sheet's notes"
	}
	return markers[m]
}

// cutMarker splits a marker off the end of t: "12 [u]", "12[u]", "56.3%
// [p]", "14 (p)", or, as older tables wrote the two most common, a bare
// "p" or "r" against the figure's last digit or a space after it ("17p",
// "1,204r", "14 R"). It splits
// off too a note's mark (see IsNoteMark): a star, a dagger or a
// bracketed digit against the figure ("12*", "15.2†", "57.0%(1)"). Anything else after a figure
// is not a marker.
func cutMarker(t string) (figure, marker string, ok bool) {
	if n := len(t); n >= 2 && (t[n-1] == ']' || t[n-1] == ')') {
		open := byte('[')
		if t[n-1] == ')' {
			open = '('
		}
		i := strings.LastIndexByte(t, open)
		if i <= 0 {
			// "(12)" is a negative, not a mark.
			return t, "", false
		}
		m := strings.ToLower(strings.TrimSpace(t[i+1 : n-1]))
		fig := strings.TrimSpace(t[:i])
		switch _, known := markers[m]; {
		case known && endsFigure(fig):
			return fig, m, true
		case open == '(' && len(m) == 1 && m[0] >= '1' && m[0] <= '9' && endsFigure(fig):
			return fig, "(" + m + ")", true
		}
		return t, "", false
	}
	for _, m := range noteMarks {
		if fig, ok := strings.CutSuffix(t, m); ok && endsFigure(strings.TrimSpace(fig)) {
			return strings.TrimSpace(fig), m, true
		}
	}
	if n := len(t); n >= 2 {
		// In either case and after a space too ("14 r", "1,204 P"): the
		// space comes from a figure typed before its mark, the capital
		// from a shouted revision; both were refused as text, the
		// figure lost.
		m := strings.ToLower(t[n-1:])
		fig := strings.TrimSuffix(t[:n-1], " ")
		if (m == "p" || m == "r") && endsFigure(fig) {
			return fig, m, true
		}
	}
	return t, "", false
}

// CutMarker splits a GSS marker or a note's mark off the end of text, as
// Parse does before reading the figure: "4 (2.0%)*" is "4 (2.0%)" and
// "*", for a caller reading a figure Parse does not (a count beside its
// percentage) to set the mark aside as Parse would. ok is false where
// text ends in no mark.
func CutMarker(text string) (figure, marker string, ok bool) {
	return cutMarker(strings.TrimSpace(spaces.Replace(text)))
}

// endsFigure reports whether t could be a figure a mark is written
// against: it ends in a digit, a percent sign or a negative's bracket.
func endsFigure(t string) bool {
	if t == "" {
		return false
	}
	c := t[len(t)-1]
	return isDigit(c) || c == '%' || c == ')'
}

// noteMarks are the signs written against a figure to point to a note
// below the table. A star alone is not one: it is the legacy code for a
// suppressed figure.
var noteMarks = []string{"*", "†", "‡"}

// IsNoteMark reports whether a marker (Figure.Marker) is a note's mark,
// "*", "†" or "(1)", which points to a note the sheet gives rather than
// saying anything of the figure itself, as a GSS marker does.
func IsNoteMark(m string) bool { return slices.Contains(noteMarks, m) || strings.HasPrefix(m, "(") }

// spaces maps the spaces spreadsheets put inside figures (non-breaking,
// narrow and thin) to plain ones. Built once: a replacer is costly to make
// and Parse runs for every cell of a workbook.
var spaces = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ")

// separators drops the thousands separators validDigits allows.
var separators = strings.NewReplacer(",", "", " ", "")

// ErrEmpty is returned for a blank cell: no figure and no code, which is a
// gap rather than a status.
var ErrEmpty = errors.New("blank")

// Parse reads s. It returns ErrEmpty for blank text and an error naming
// the text for anything that is neither a figure nor a status code.
func Parse(s string) (Figure, error) {
	raw := s
	t := strings.TrimSpace(spaces.Replace(s))
	if t == "" {
		return Figure{}, ErrEmpty
	}
	if st, ok := app.ParseStatus(t); ok {
		return Figure{Status: st, Raw: raw}, nil
	}
	if num, den, ok := strings.Cut(t, "/"); ok {
		if yearSpan(strings.TrimSpace(num), strings.TrimSpace(den)) {
			// "2023/24" captions a year; read as a fraction it was
			// 8429%, a benchmark no one gave.
			return Figure{}, fmt.Errorf("%q is a year, not a number, fraction or status code: a year belongs in its column's heading, the figure in the cell", raw)
		}
		n, err1 := parseNumber(num)
		d, err2 := parseNumber(den)
		if err1 != nil || err2 != nil || n.Percent || d.Percent || d.Value < 0 || n.Value < 0 {
			return Figure{}, fmt.Errorf("%q is not a number, fraction or status code", raw)
		}
		if d.Value == 0 {
			// "0/0" is a division by zero, which the source would show as
			// #DIV/0!: not applicable, not nought.
			return Figure{Status: app.NotApplicable, Raw: raw}, nil
		}
		q := n.Value / d.Value
		if math.IsInf(q, 0) {
			return Figure{}, fmt.Errorf("%q is not a number, fraction or status code", raw)
		}
		return Figure{Value: q, HasParts: true, Numerator: n.Value, Denominator: d.Value, Raw: raw}, nil
	}
	num, marker, _ := cutMarker(t)
	f, err := parseNumber(num)
	if err != nil {
		if strings.EqualFold(t, "null") {
			// Tableau writes "Null" where a crosstab's measure has no
			// value, as databases do: no figure given, and no code
			// saying why, so none is stored.
			return Figure{}, fmt.Errorf("%q is Tableau's (or a database's) mark for no value: no figure given, and no status code saying why", raw)
		}
		return Figure{}, fmt.Errorf("%q is not a number, fraction or status code", raw)
	}
	f.Raw, f.Marker = raw, marker
	return f, nil
}

// yearSpan reports whether num/den is written as a year ("2023/24",
// "2023/2024": a four-figure year from 1900 and the next, in two or four
// figures), which no cell gives as a fraction: its numerator is above
// its denominator, or it is the next year's number.
func yearSpan(num, den string) bool {
	if len(num) != 4 || !digits(num) || (len(den) != 2 && len(den) != 4) || !digits(den) {
		return false
	}
	y, _ := strconv.Atoi(num)
	next, _ := strconv.Atoi(den)
	if y < 1900 || y > 2099 {
		return false
	}
	if len(den) == 2 {
		return next == (y+1)%100
	}
	return next == y+1
}

// digits reports whether s is all ASCII digits.
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// parseNumber reads one number: "1,896", "1 896", "63.7%", "63.7 %", "(12.5)",
// "-3", "−3" (a typographic minus), "£1,234", "+2.0".
func parseNumber(t string) (Figure, error) {
	t = strings.TrimSpace(t)
	var f Figure
	neg := false
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		neg = true
		t = strings.TrimSpace(t[1 : len(t)-1])
	}
	if p, ok := strings.CutSuffix(t, "%"); ok {
		f.Percent = true
		t = strings.TrimSpace(p)
	}
	t = strings.TrimPrefix(t, "£")
	switch {
	case strings.HasPrefix(t, "−"), strings.HasPrefix(t, "–"):
		neg = !neg
		_, size := utf8.DecodeRuneInString(t)
		t = t[size:]
	case strings.HasPrefix(t, "-"):
		neg = !neg
		t = t[1:]
	case strings.HasPrefix(t, "+"):
		t = t[1:]
	}
	t = strings.TrimPrefix(t, "£")
	if !validDigits(t) {
		return Figure{}, fmt.Errorf("%q is not a number", t)
	}
	v, err := strconv.ParseFloat(separators.Replace(t), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return Figure{}, fmt.Errorf("%q is not a number", t)
	}
	if neg {
		v = -v
	}
	f.Value = v
	return f, nil
}

// validDigits accepts digits with thousands commas and one decimal point,
// and an exponent (Excel writes very small cached values as 1.2E-05). It
// refuses what ParseFloat would take but a scorecard never means: "Inf",
// "NaN", hex.
func validDigits(t string) bool {
	if t == "" {
		return false
	}
	mant, exp, hasExp := strings.Cut(strings.ToLower(t), "e")
	if hasExp {
		exp = strings.TrimPrefix(strings.TrimPrefix(exp, "-"), "+")
		if exp == "" || !allDigits(exp) {
			return false
		}
	}
	whole, frac, _ := strings.Cut(mant, ".")
	if strings.Contains(frac, ".") || strings.Contains(frac, ",") {
		return false
	}
	if whole == "" && frac == "" {
		return false
	}
	if strings.Contains(whole, ",") && strings.Contains(whole, " ") {
		return false
	}
	for _, sep := range []string{",", " "} {
		if !strings.Contains(whole, sep) {
			continue
		}
		if !groupsOfThree(whole, sep) {
			return false
		}
		whole = strings.ReplaceAll(whole, sep, "")
	}
	return (whole == "" || allDigits(whole)) && (frac == "" || allDigits(frac))
}

// groupsOfThree reports whether whole is digits grouped in thousands by
// sep, "1,250" or "12 345": a first group of one to three, the rest of
// exactly three. A space groups thousands as the SI writes them (Parse
// has made a non-breaking or narrow space a plain one), but "12 34" is
// two numbers, or a typing slip, and is not read.
func groupsOfThree(whole, sep string) bool {
	groups := strings.Split(whole, sep)
	if len(groups[0]) == 0 || len(groups[0]) > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Places counts the decimal places a figure's text shows: "63.7" and
// "(1,896.5)" show 1, "70" none. Exponent forms ("1.2E-05") show nothing
// useful and give -1, as does text with no digit.
//
// A number of 15 significant digits or more is a binary float written
// out in full by a program (openpyxl writes 86.1 worked out as
// 0.861*100 as 86.09999999999999, Excel writes up to 17 digits, and
// excelize pads 55 to "55.0000000000000"): it is counted as Excel shows
// it, to 15 significant digits with trailing zeros dropped, so that its
// noise does not read as places the source gave (QA19 D9).
func Places(s string) int {
	if strings.ContainsAny(s, "eE") || strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' }) < 0 {
		return -1
	}
	i := strings.IndexByte(s, '.')
	if i < 0 {
		return 0
	}
	start, end := i, i+1
	for start > 0 && isDigit(s[start-1]) {
		start--
	}
	for end < len(s) && isDigit(s[end]) {
		end++
	}
	if significant(s[start:end]) >= shownDigits {
		if v, err := strconv.ParseFloat(s[start:end], 64); err == nil {
			return shownPlaces(v)
		}
	}
	return end - i - 1
}

// shownDigits is how many significant digits Excel shows of a number.
const shownDigits = 15

// shownPlaces is the decimal places of v shown to shownDigits significant
// digits, trailing zeros dropped: 86.09999999999999 shows 1.
func shownPlaces(v float64) int {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'e', shownDigits-1, 64), 64)
	if err != nil {
		return -1
	}
	t := strconv.FormatFloat(r, 'f', -1, 64)
	if i := strings.IndexByte(t, '.'); i >= 0 {
		return len(t) - i - 1
	}
	return 0
}

// significant counts the significant digits of a run of digits with at
// most one point: those after any leading zeros.
func significant(num string) int {
	n, lead := 0, true
	for i := 0; i < len(num); i++ {
		c := num[i]
		if !isDigit(c) || lead && c == '0' {
			continue
		}
		lead = false
		n++
	}
	return n
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
