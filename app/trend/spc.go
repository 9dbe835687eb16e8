package trend

import (
	"fmt"
	"math"
	"strconv"
	"sync"

	"scorecard/app"
)

// MinBaseline is how many figures an XmR chart's baseline needs before its
// mean and limits mean anything: the Making Data Count tools, and
// NHSRplotthedots (ptd_add_short_group_warnings), warn below 13.
const MinBaseline = 13

// Signal classifies a point on the XmR chart. It is written (String,
// JSON) as "common", "special-improving", "special-concerning",
// "special", "too few points", "not charted", or "" for a point with no
// figure.
type Signal uint8

// The classes of point. A point with no figure has NoSignal.
const (
	NoSignal          Signal = iota
	Common                   // common-cause variation
	SpecialImproving         // special cause, the good way for the polarity
	SpecialConcerning        // special cause, the bad way for the polarity
	Special                  // special cause of an indicator with no polarity
	TooFewPoints             // the baseline has fewer than MinBaseline figures
	// NotCharted marks a figure of a year-to-date measure: cumulative
	// figures rise through the year and fall back in April, so an XmR
	// chart of them would signal on the adding up (Making Data Count
	// charts the month's own figures).
	NotCharted
)

var signalWords = words{"", "common", "special-improving", "special-concerning", "special", "too few points", "not charted"}

func (s Signal) String() string { return signalWords.text(uint8(s)) }

// MarshalText writes the signal's words.
func (s Signal) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads the signal's words.
func (s *Signal) UnmarshalText(b []byte) error {
	v, err := signalWords.parse("signal", b)
	*s = Signal(v)
	return err
}

// IsSpecial reports whether s is a special-cause class.
func (s Signal) IsSpecial() bool {
	return s == SpecialImproving || s == SpecialConcerning || s == Special
}

// Assurance says whether a process, as its limits describe it, will meet
// its target. Its String is "consistently met", "consistently missed",
// "hit and miss", or "" without a target or a chart; in JSON it is written
// as the Making Data Count icon's name (Icon): "consistent-pass",
// "consistent-fail", "hit-and-miss".
type Assurance uint8

// The assurance judgements.
const (
	NoAssurance Assurance = iota
	ConsistentlyMet
	ConsistentlyMiss
	HitAndMiss
)

var assuranceWords = words{"", "consistently met", "consistently missed", "hit and miss"}

func (a Assurance) String() string { return assuranceWords.text(uint8(a)) }

// MarshalText writes the assurance's icon name.
func (a Assurance) MarshalText() ([]byte, error) { return []byte(a.Icon()), nil }

// UnmarshalText reads the assurance's icon name.
func (a *Assurance) UnmarshalText(b []byte) error {
	v, err := assuranceIcons.parse("assurance", b)
	*a = Assurance(v)
	return err
}

// words are the written forms of a small enumeration, indexed by value.
// The enumerations are bytes rather than strings because every point
// holds several, and the GUI recomputes every point on each toggle.
type words []string

func (w words) text(v uint8) string {
	if int(v) < len(w) {
		return w[v]
	}
	return strconv.Itoa(int(v))
}

func (w words) parse(what string, b []byte) (uint8, error) {
	for i, s := range w {
		if s == string(b) {
			return uint8(i), nil
		}
	}
	return 0, fmt.Errorf("%s %q is not one of %q", what, b, []string(w))
}

// chart is an XmR chart of a dense series: slot i is period first+i, and
// has[i] says whether it holds a usable figure.
type chart struct {
	ok                  bool
	baseline            int // figures in the baseline
	mean, mr            float64
	upper, lower        float64 // the process limits, cut to the unit's natural range
	nearUpper, nearLow  float64 // two-thirds of the way from the mean to each limit
	high, low           []rule  // the strongest rule that found each slot high, low
	side                []int8  // +1 special cause high, -1 low, 0 common: high and low resolved by signal
	rule                []rule  // the rule of the side signal chose
	runLength, trendLen int
}

// rule is the Making Data Count rule that made a point special cause. The
// order is their strength, as NHSRplotthedots names a point found by
// several (ptd_special_cause_type): a limit, then a trend, then 2 of 3,
// then a run.
type rule uint8

const (
	noRule rule = iota
	beyondLimit
	monotone
	nearLimit
	shift
)

// xmr builds the chart of the figures s holds in slots lo to hi, marking
// the rules that find each slot high or low. The mean and limits come
// from the figures in slots from to to: the first baseline of them, or
// all for 0. The limits are cut to nat, the range the figures can take.
func xmr(s *scratch, nat bounds, lo, hi, from, to, baseline, runLength, trendLen int) chart {
	vals, has := s.vals, s.has
	c := chart{runLength: runLength, trendLen: trendLen}
	s.idx = s.idx[:0]
	inBase := 0
	for i := lo; i < hi; i++ {
		if has[i] {
			s.idx = append(s.idx, int32(i))
			if i >= from && i < to {
				inBase++
			}
		}
	}
	if baseline <= 0 || baseline > inBase {
		baseline = inBase
	}
	c.baseline = baseline
	if baseline < MinBaseline {
		return c
	}
	var sum float64
	var seen int
	s.mrs = s.mrs[:0]
	for _, i := range s.idx {
		if i < int32(from) || i >= int32(to) {
			continue
		}
		if seen == baseline {
			break
		}
		seen++
		sum += vals[i]
		// A gap breaks the chain: the range across it is not a
		// month-to-month change; nor is one from before the baseline.
		if int(i) > from && has[i-1] {
			s.mrs = append(s.mrs, math.Abs(vals[i]-vals[i-1]))
		}
	}
	if len(s.mrs) == 0 {
		return c
	}
	c.ok = true
	c.mean = sum / float64(baseline)
	c.mr = screenedMeanRange(s.mrs)
	width := 2.66 * c.mr
	c.upper, c.lower = c.mean+width, c.mean-width
	c.nearUpper, c.nearLow = c.mean+width*2/3, c.mean-width*2/3
	// Natural limits: a percentage cannot leave 0-100, nor a count go below
	// zero, so a limit past them would promise a signal that cannot come.
	c.upper, c.lower = min(c.upper, nat.hi), max(c.lower, nat.lo)
	c.high, c.low, c.side, c.rule = s.high, s.low, s.side, s.rule
	c.mark(vals, s.idx)
	return c
}

// screenMR is the factor NHSRplotthedots screens moving ranges with: D4,
// the upper limit of a moving-range chart of ranges of two, over the mean
// moving range.
const screenMR = 3.267

// screenedMeanRange is the mean moving range the limits are set from: the
// mean of mrs once those at or above screenMR times the mean of them all
// are set aside. NHSRplotthedots does this by default (ptd_spc's
// screen_outliers = TRUE; R/ptd_spc_standard.R), once, over the moving
// ranges of the figures its limits come from (those of the fixed
// baseline, in each rebased part), following Nelson (1982): one spike
// makes two large ranges, which would widen the limits enough to hide it
// and any other special cause. Making Data Count's Excel tools do not
// screen. Screening that would leave a mean moving range of 0 is not
// applied: a series of small counts that seldom change (100% in 23 of 24
// months) has a few non-zero ranges, all screened out, and limits of no
// width that make every figure off the mean a special cause, which says
// nothing of the process; NHSRplotthedots draws those limits, and for a
// flat series, whose ranges are all 0 and so all "at" 3.267 times their
// mean, none (NaN). Here the unscreened mean stands in both cases.
func screenedMeanRange(mrs []float64) float64 {
	var sum float64
	for _, r := range mrs {
		sum += r
	}
	cut := screenMR * sum / float64(len(mrs))
	var kept float64
	n := 0
	for _, r := range mrs {
		if r < cut {
			kept += r
			n++
		}
	}
	if n == 0 || kept == 0 {
		return sum / float64(len(mrs))
	}
	return kept / float64(n)
}

// mark applies the rules to the figures at slots idx, in order, recording
// for each slot the strongest rule that found it high and the strongest
// that found it low: which of the two the point shows depends on the
// polarity (signal). The rules run on the raw figures, not as displayed,
// so rounding neither makes nor breaks a trend; and over the figures in
// order, so a gap or a withheld figure is skipped, as a month nobody
// plotted, rather than ending a run or a trend.
func (c *chart) mark(vals []float64, idx []int32) {
	set := func(i int32, side int, r rule) {
		p := &c.high[i]
		if side < 0 {
			p = &c.low[i]
		}
		if *p == noRule || r < *p {
			*p = r
		}
	}
	// A figure is beyond a limit or near one, or off the mean, only by
	// more than the mean's rounding error: in a flat series the limits sit
	// on the mean, and the float sum of equal figures can land a hair
	// below them.
	eps := 1e-9 * max(1, math.Abs(c.mean))
	sideOf := func(v float64) int {
		switch {
		case v > c.mean+eps:
			return 1
		case v < c.mean-eps:
			return -1
		}
		return 0
	}
	for _, i := range idx {
		switch v := vals[i]; {
		case v > c.upper+eps:
			set(i, 1, beyondLimit)
		case v < c.lower-eps:
			set(i, -1, beyondLimit)
		}
	}

	// Points each higher (or lower) than the one before; an equal figure
	// ends the trend (ptd_seven_point_trend: sign(diff) of 0). The trend's
	// points run from start (the point it rose from) to k-1.
	start, dir := 0, 0
	for k := 1; k <= len(idx); k++ {
		d := 0
		if k < len(idx) {
			switch a, b := vals[idx[k-1]], vals[idx[k]]; {
			case b > a:
				d = 1
			case b < a:
				d = -1
			}
		}
		if d != 0 && d == dir {
			continue
		}
		if dir != 0 && k-start >= c.trendLen {
			for _, i := range idx[start:k] {
				set(i, dir, monotone)
			}
		}
		start, dir = k-1, d
	}

	// Two of three figures in a row beyond two-thirds of the way to a
	// limit, all three on the same side of the mean (ptd_two_in_three).
	// A figure beyond the limit counts, as the Making Data Count tools
	// count it; NHSRplotthedots counts only those between.
	for k := 0; k+2 < len(idx); k++ {
		w := idx[k : k+3]
		s := sideOf(vals[w[0]])
		if s == 0 || sideOf(vals[w[1]]) != s || sideOf(vals[w[2]]) != s {
			continue
		}
		near := 0
		for _, i := range w {
			if c.nearby(vals[i], s, eps) {
				near++
			}
		}
		if near < 2 {
			continue
		}
		for _, i := range w {
			if c.nearby(vals[i], s, eps) {
				set(i, s, nearLimit)
			}
		}
	}

	// Runs on one side of the mean; a point on the mean ends the run.
	start, dir = 0, 0
	for k := 0; k <= len(idx); k++ {
		s := 0
		if k < len(idx) {
			s = sideOf(vals[idx[k]])
		}
		if s != 0 && s == dir {
			continue
		}
		if dir != 0 && k-start >= c.runLength {
			for _, i := range idx[start:k] {
				set(i, dir, shift)
			}
		}
		start, dir = k, s
	}
}

// nearby reports whether v is beyond two-thirds of the way from the mean
// to the limit on side s.
func (c *chart) nearby(v float64, s int, eps float64) bool {
	if s > 0 {
		return v > c.nearUpper+eps
	}
	return v < c.nearLow-eps
}

// signal classifies point i for an indicator of polarity pol, whose
// target in force is target (for a NearTarget indicator), and records the
// side and rule it shows. A point that rules find both high and low shows
// the improvement, as the Making Data Count tools do; with no polarity,
// the stronger rule.
func (c *chart) signal(i int, pol app.Polarity, target *float64) Signal {
	if !c.ok {
		return TooFewPoints
	}
	hi, lo := c.high[i], c.low[i]
	if hi == noRule && lo == noRule {
		return Common
	}
	good := 0 // the side that is improvement
	switch pol {
	case app.HigherBetter:
		good = 1
	case app.LowerBetter:
		good = -1
	case app.NearTarget:
		if target != nil {
			switch {
			case *target > c.mean:
				good = 1
			case *target < c.mean:
				good = -1
			}
		}
	}
	s := int8(1)
	switch {
	case hi == noRule:
		s = -1
	case lo == noRule:
	case good != 0:
		s = int8(good)
	case lo < hi:
		s = -1
	}
	c.side[i] = s
	if s > 0 {
		c.rule[i] = hi
	} else {
		c.rule[i] = lo
	}
	switch pol {
	case app.HigherBetter, app.LowerBetter:
	case app.NearTarget:
		if target == nil {
			return Special
		}
	default:
		return Special
	}
	if int(s) == good {
		return SpecialImproving
	}
	return SpecialConcerning
}

// describe says in words why point i is special cause.
func (c *chart) describe(i int) string {
	return ruleText(c.rule[i], c.side[i] > 0, c.runLength, c.trendLen)
}

// ruleText says in words what rule r found, above the mean (high) or
// below it, for runs of runLength and trends of trendLen points.
func ruleText(r rule, high bool, runLength, trendLen int) string {
	switch r {
	case beyondLimit:
		if high {
			return "above the upper process limit"
		}
		return "below the lower process limit"
	case shift:
		if high {
			return runText(runLength, 0)
		}
		return runText(runLength, 1)
	case nearLimit:
		if high {
			return "2 of 3 points close to the upper process limit"
		}
		return "2 of 3 points close to the lower process limit"
	case monotone:
		if high {
			return runText(trendLen, 2)
		}
		return runText(trendLen, 3)
	}
	return ""
}

var runEnds = [4]string{" or more points in a row above the mean", " or more points in a row below the mean",
	" or more points rising in a row", " or more points falling in a row"}

// runTexts are the words of runs and trends of the lengths people choose,
// written once rather than for every special-cause point.
var runTexts = sync.OnceValue(func() *[16][len(runEnds)]string {
	var texts [16][len(runEnds)]string
	for n := range texts {
		for k, end := range runEnds {
			texts[n][k] = strconv.Itoa(n) + end
		}
	}
	return &texts
})

// runText says "n or more points" and runEnds[k].
func runText(n, k int) string {
	if texts := runTexts(); n >= 0 && n < len(texts) {
		return texts[n][k]
	}
	return strconv.Itoa(n) + runEnds[k]
}

// assurance judges whether the process meets the target t of an indicator
// of polarity pol, from where t sits against the limits.
func (c *chart) assurance(pol app.Polarity, t *app.Target) Assurance {
	if !c.ok || t.Target == nil {
		return NoAssurance
	}
	target := *t.Target
	switch pol {
	case app.HigherBetter:
		switch {
		case c.lower >= target:
			return ConsistentlyMet
		case c.upper < target:
			return ConsistentlyMiss
		}
		return HitAndMiss
	case app.LowerBetter:
		switch {
		case c.upper <= target:
			return ConsistentlyMet
		case c.lower > target:
			return ConsistentlyMiss
		}
		return HitAndMiss
	case app.NearTarget:
		if t.Tolerance == nil {
			return NoAssurance
		}
		lo, hi := target-*t.Tolerance, target+*t.Tolerance
		switch {
		case c.lower >= lo && c.upper <= hi:
			return ConsistentlyMet
		case c.upper < lo || c.lower > hi:
			return ConsistentlyMiss
		}
		return HitAndMiss
	}
	return NoAssurance
}
