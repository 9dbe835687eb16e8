package app

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Status is a non-numeric code standing where a figure would be. A code is
// data, never zero: a suppressed count is not a count of nought. It is a
// small number rather than its text so that an observation, of which an
// import makes tens of thousands, stays small; String gives the text, and
// JSON and the store write that.
type Status int8

// The canonical status codes (the GSS standard the DfE now uses), in the
// order of their texts, so that a sort by status is the sort it was when
// a status was its text.
const (
	OK         Status = iota // the value is a figure
	Suppressed               // "c": confidential, withheld to protect individuals
	// CannotExclude marks a figure that could not be recomputed without a
	// cohort (no components, no split, or a median); Raw says why. It is
	// never shown as the unadjusted value under an "excluding" label.
	CannotExclude
	Low            // "k": rounds to zero, but is not zero
	LowReliability // "u": a figure is present but unreliable
	NotAvailable   // "x"
	NotApplicable  // "z"
)

// statusTexts are the codes' texts, as scorecards, the DfE and the store
// write them.
var statusTexts = [...]string{
	OK: "", Suppressed: "c", CannotExclude: "cannot exclude", Low: "k",
	LowReliability: "u", NotAvailable: "x", NotApplicable: "z",
}

// String returns the code as the DfE writes it: "c", "x"; "" for OK.
func (s Status) String() string { return codeText(statusTexts[:], s, "Status") }

// StatusOf returns the status whose canonical text is t ("c", "cannot
// exclude", "" for OK), as String writes it; it reports false for any
// other text, including the other spellings ParseStatus reads.
func StatusOf[T string | []byte](t T) (Status, bool) { return codeOf[Status](statusTexts[:], t) }

// MarshalText writes the code's text, so JSON says "c", not a number.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a code's canonical text.
func (s *Status) UnmarshalText(b []byte) error {
	return unmarshalCode(statusTexts[:], b, s, "status %q: not a status code")
}

// StandInMark is what a tidy table's Status column says of a previous
// year's outturn standing in for a period's figure (Observation.StandIn).
// It is not a status code, since the figure is there, and it is not one
// of the GSS codes' letters: it marks the row so that an export's Data
// sheet, read back, keeps the figure as the stand-in it is rather than
// as the period's own.
const StandInMark = "stand-in"

// IsStandInMark reports whether a Status cell's text is StandInMark, in
// any case and spacing.
func IsStandInMark(s string) bool {
	return strings.EqualFold(strings.TrimSpace(s), StandInMark)
}

// statusCodes maps every spelling met in scorecards and DfE files, lower
// cased, to its canonical code. Legacy codes follow the DfE's older usage.
var statusCodes = map[string]Status{
	"c": Suppressed, "[c]": Suppressed, "*": Suppressed, "<5": Suppressed,
	"k": Low, "[k]": Low, "low": Low, "[low]": Low, "~": Low,
	"x": NotAvailable, "[x]": NotAvailable, "..": NotAvailable, "-": NotAvailable,
	"#n/a": NotAvailable, "#div/0!": NotAvailable, "#value!": NotAvailable,
	"#ref!": NotAvailable, "#num!": NotAvailable, "#name?": NotAvailable, "#null!": NotAvailable,
	"data to be supplied": NotAvailable, "tbc": NotAvailable, "tba": NotAvailable,
	"not available": NotAvailable, "awaiting data": NotAvailable, "nd": NotAvailable,
	"z": NotApplicable, "[z]": NotApplicable, ":": NotApplicable, "n/a": NotApplicable,
	"na": NotApplicable, "not applicable": NotApplicable,
	"u": LowReliability, "[u]": LowReliability,
}

// ParseStatus recognises a status code in any of its spellings ("c", "[c]",
// "..", "#N/A", "Data to be supplied"), reporting false for anything else,
// including a number.
func ParseStatus(s string) (Status, bool) {
	st, ok := statusCodes[strings.ToLower(strings.TrimSpace(s))]
	return st, ok
}

// Describe says what the code means, for guidance notes and tooltips.
func (s Status) Describe() string {
	switch s {
	case Suppressed:
		return "suppressed to protect confidentiality"
	case Low:
		return "rounds to zero, but is not zero"
	case NotAvailable:
		return "not available"
	case NotApplicable:
		return "not applicable"
	case LowReliability:
		return "low reliability"
	case CannotExclude:
		return "cannot be recomputed without the excluded cohort"
	}
	return ""
}

// Cohort names a part of the population that members ask to see apart,
// in lower-case words: "uasc", "ola".
type Cohort string

// The cohorts members ask about.
const (
	UASC       Cohort = "uasc"        // unaccompanied asylum-seeking children
	OLA        Cohort = "ola"         // placed in Kent by other local authorities
	Disability Cohort = "disability"  // children with a disability
	FormerUASC Cohort = "former-uasc" // care leavers who were UASC
)

// Label names a cohort in words, for titles: "unaccompanied asylum-seeking
// children (UASC)".
func (c Cohort) Label() string {
	switch c {
	case UASC:
		return "unaccompanied asylum-seeking children (UASC)"
	case OLA:
		return "children placed by other local authorities"
	case Disability:
		return "children with a disability"
	case FormerUASC:
		return "care leavers who were UASC"
	}
	return string(c)
}

// ParseCohorts reads a --exclude list such as "uasc,ola": lower-case
// words, sorted and without repeats.
func ParseCohorts(s string) ([]Cohort, error) {
	var cs []Cohort
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		for _, r := range f {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				return nil, fmt.Errorf("cohort %q: use lower-case words such as uasc or ola", f)
			}
		}
		cs = append(cs, Cohort(f))
	}
	slices.Sort(cs)
	return slices.Compact(cs), nil
}

// Split says which children a figure counts: all of them (the zero Split),
// only one cohort ("uasc"), or all but some cohorts ("excl:ola+uasc").
// It is a string so that it can key maps and store records.
type Split string

// All is the whole population.
const All Split = ""

// Only returns the split counting just cohort c.
func Only(c Cohort) Split { return Split(c) }

// Excluding returns the split counting all children but the given cohorts.
// With none, it is All.
func Excluding(cs ...Cohort) Split {
	if len(cs) == 0 {
		return All
	}
	s := slices.Clone(cs)
	slices.Sort(s)
	s = slices.Compact(s)
	names := make([]string, len(s))
	for i, c := range s {
		names[i] = string(c)
	}
	return Split("excl:" + strings.Join(names, "+"))
}

// Excluded returns the cohorts an excluding split leaves out, or nil.
func (s Split) Excluded() []Cohort {
	rest, ok := strings.CutPrefix(string(s), "excl:")
	if !ok {
		return nil
	}
	var cs []Cohort
	for _, n := range strings.Split(rest, "+") {
		cs = append(cs, Cohort(n))
	}
	return cs
}

// Cohort returns the cohort a split counts alone, if it is such a split.
func (s Split) Cohort() (Cohort, bool) {
	if s == All || strings.HasPrefix(string(s), "excl:") {
		return "", false
	}
	return Cohort(s), true
}

// Label writes the split for people: "All children", "UASC only",
// "Excluding UASC and OLA".
func (s Split) Label() string {
	if s == All {
		return "All children"
	}
	if c, ok := s.Cohort(); ok {
		return strings.ToUpper(string(c)) + " only"
	}
	var names []string
	for _, c := range s.Excluded() {
		names = append(names, strings.ToUpper(string(c)))
	}
	return "Excluding " + strings.Join(names, " and ")
}

// SeriesKey identifies one time series: an indicator for an area and a
// split of the population.
type SeriesKey struct {
	Ref   string
	Area  Area
	Split Split
}

// Compare orders series keys by ref, area and split, as History.Keys
// lists them.
func (k SeriesKey) Compare(o SeriesKey) int {
	return cmp.Or(cmp.Compare(k.Ref, o.Ref), cmp.Compare(k.Area, o.Area), cmp.Compare(k.Split, o.Split))
}

func (k SeriesKey) String() string {
	s := k.Ref + " " + string(k.Area)
	if k.Split != All {
		s += " (" + k.Split.Label() + ")"
	}
	return s
}

// Arrow is a direction-of-travel arrow as a source workbook drew it: the
// movement of the figure, not a judgement. Like Status, it is a small
// number whose text String gives.
type Arrow int8

// The arrows, in the order of their texts.
const (
	NoArrow Arrow = iota
	Across        // "across"
	Down          // "down"
	Up            // "up"
)

var arrowTexts = [...]string{NoArrow: "", Across: "across", Down: "down", Up: "up"}

// String returns the arrow's word: "up", "down", "across"; "" for none.
func (a Arrow) String() string { return codeText(arrowTexts[:], a, "Arrow") }

// ArrowOf returns the arrow whose word is t, as String writes it.
func ArrowOf[T string | []byte](t T) (Arrow, bool) { return codeOf[Arrow](arrowTexts[:], t) }

// MarshalText writes the arrow's word.
func (a Arrow) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText reads an arrow's word.
func (a *Arrow) UnmarshalText(b []byte) error {
	return unmarshalCode(arrowTexts[:], b, a, "arrow %q: not up, down or across")
}

// Observation is one figure for one indicator, area, split and period, as
// one import gave it. Value is nil when Status holds a code; Numerator and
// Denominator are nil where the source had none. For a Mean the numerator
// is the sum and the denominator the count; for a Rate, the count and the
// population.
type Observation struct {
	Ref         string   `json:"ref"`
	Area        Area     `json:"area"`
	Split       Split    `json:"split,omitempty"`
	Period      Period   `json:"period"`
	Value       *float64 `json:"value"`
	Numerator   *float64 `json:"numerator"`
	Denominator *float64 `json:"denominator"`
	Status      Status   `json:"status,omitempty"`
	// StandIn marks a previous-year outturn shown (in italics) in place of
	// a current value not yet available; it is not the month's value.
	StandIn bool `json:"stand_in,omitempty"`
	// SourceArrow and SourceRAG are what the source workbook showed, kept
	// beside the app's own computation so a disagreement can be flagged.
	SourceArrow Arrow `json:"source_arrow,omitempty"`
	SourceRAG   RAG   `json:"source_rag,omitempty"`
	// Revision counts earlier versions of this figure: 0 for the first.
	// An int32, to share a word with the codes before it.
	Revision int32 `json:"revision,omitempty"`
	// Raw is the source's own text where it was not a plain number, e.g.
	// "[c]" or "#DIV/0!", kept so nothing the source said is lost.
	Raw string `json:"raw,omitempty"`
	// Rule records how a cohort split was drawn, e.g. "UASC on the
	// snapshot date"; the figures are only comparable under one rule.
	Rule string `json:"rule,omitempty"`
	// Cell is where the figure was read, e.g. "CIC!H12".
	Cell string `json:"cell,omitempty"`
	// Import is the ID of the import that added this version; the store
	// sets it.
	Import string `json:"import,omitempty"`
}

// Key returns the series the observation belongs to.
func (o Observation) Key() SeriesKey { return SeriesKey{o.Ref, o.Area, o.Split} }

// Figure returns the value and whether there is one.
func (o Observation) Figure() (float64, bool) {
	if o.Value == nil {
		return 0, false
	}
	return *o.Value, true
}

// SameFigures reports whether o and p say the same thing, so that a
// re-issued month that repeats a value is not counted as a revision.
func (o Observation) SameFigures(p Observation) bool {
	return eqPtr(o.Value, p.Value) && eqPtr(o.Numerator, p.Numerator) &&
		eqPtr(o.Denominator, p.Denominator) && o.Status == p.Status && o.StandIn == p.StandIn
}

// Restates reports whether o, a later version of the figure prev, only
// restates it, so that it is not counted as a revision: it gives the same
// value (to within the last bits, since a workbook's 0-1 percentage cell
// times 100 can differ there from the Data sheet's quotient), the same
// status and stand-in mark, and either no components or the same ones. A
// scorecard sheet shows a value without the numerator and denominator
// behind it; reading it again must not lose them. A value given to fewer
// places than prev's that agrees with it to those places restates it too
// (SameToPlaces): next month's workbook whose
// history cells were rounded to what they show (0.954 for 62 of 65) gives
// the figures it gave before, not a revision of each, and the stored
// figure keeps its precision and its numerator and denominator, which
// decide whether it is small enough to withhold.
func (o Observation) Restates(prev Observation) bool {
	if o.Status != prev.Status || o.StandIn != prev.StandIn {
		return false
	}
	if !nearlyEqual(o.Value, prev.Value) && !SameToPlaces(o.Value, prev.Value) {
		return false
	}
	if o.Numerator == nil && o.Denominator == nil {
		return true
	}
	return eqPtr(o.Numerator, prev.Numerator) && eqPtr(o.Denominator, prev.Denominator)
}

// maxPlacesRounded is the most decimal places a value rounded to what a
// cell shows is taken to have: beyond it a value is a quotient given in
// full, and two such differ.
const maxPlacesRounded = 6

// Places is the fewest decimal places, up to maxPlacesRounded, that write
// v (95.4 for 0.954 times 100, whose last bits differ), and false for a
// value that needs more: one given in full.
func Places(v float64) (int, bool) {
	for d := 0; d <= maxPlacesRounded; d++ {
		p := math.Pow10(d)
		if math.Abs(v-math.Round(v*p)/p) <= restatedValueTolerance*max(math.Abs(v), 1) {
			return d, true
		}
	}
	return 0, false
}

// Whole reports whether v is a whole number as a spreadsheet shows it, to
// 15 significant digits: 1905.0000000000002, what a formula's binary
// arithmetic leaves and Excel shows as 1905, is whole, where read as a
// fraction it made a count of children a number of unknown measure.
func Whole(v float64) bool {
	if v == math.Trunc(v) {
		return true
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	return err == nil && r == math.Trunc(r)
}

// SameToPlaces reports whether later, given to one or more decimal places
// but fewer than earlier, agrees with earlier rounded to those places: a
// figure rounded to what its cell shows (77.3 for 77.2727...). A value
// given to as many places as earlier's, or more, or whole, differs from it
// wherever it is not equal.
func SameToPlaces(later, earlier *float64) bool {
	if later == nil || earlier == nil {
		return false
	}
	d, ok := Places(*later)
	// A whole number is as likely a figure given whole, a revision of
	// 12.68% to 13%, as one rounded to no places: only a value with a
	// place shown is taken to be rounded.
	if !ok || d == 0 {
		return false
	}
	if e, ok := Places(*earlier); ok && e <= d {
		return false
	}
	// Half a unit of the last place either way: 77.25 shown to one
	// place is 77.3 in Excel, and 77.2 in a tool rounding half to even.
	return math.Abs(*later-*earlier) <= 0.5*math.Pow10(-d)*(1+restatedValueTolerance)
}

// restatedValueTolerance is the relative difference below which two values
// are the same figure. It is far below any displayed precision and far
// above float64 rounding (about 1e-16).
const restatedValueTolerance = 1e-9

func nearlyEqual(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return math.Abs(*a-*b) <= restatedValueTolerance*max(math.Abs(*a), math.Abs(*b))
}

func eqPtr(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// Float returns a pointer to v, for building observations.
func Float(v float64) *float64 { return &v }
