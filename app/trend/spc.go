package trend

import (
	"fmt"
	"math"
	"strconv"

	"scorecard/app"
)

// MinBaseline is how many figures an XmR chart's baseline needs before its
// mean and limits mean anything.
const MinBaseline = 12

// Signal classifies a point on the XmR chart. It is written (String,
// JSON) as "common", "special-improving", "special-concerning",
// "special", "too few points", or "" for a point with no figure.
type Signal uint8

// The classes of point. A point with no figure has NoSignal.
const (
	NoSignal          Signal = iota
	Common                   // common-cause variation
	SpecialImproving         // special cause, the good way for the polarity
	SpecialConcerning        // special cause, the bad way for the polarity
	Special                  // special cause of an indicator with no polarity
	TooFewPoints             // the baseline has fewer than MinBaseline figures
)

var signalWords = words{"", "common", "special-improving", "special-concerning", "special", "too few points"}

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
// its target. It is written "consistently met", "consistently missed",
// "hit and miss", or "" without a target or a chart.
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

// MarshalText writes the assurance's words.
func (a Assurance) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText reads the assurance's words.
func (a *Assurance) UnmarshalText(b []byte) error {
	v, err := assuranceWords.parse("assurance", b)
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
	side                []int8  // +1 special cause high, -1 low, 0 common
	rule                []rule
	runLength, trendLen int
}

// rule is the Making Data Count rule that made a point special cause.
type rule uint8

const (
	noRule rule = iota
	beyondLimit
	shift
	nearLimit
	monotone
)

// xmr builds the chart of the figures s holds, marking its side and rule
// of each slot. baseline is how many leading figures set the mean and
// limits: 0 for all.
func xmr(s *scratch, unit app.Unit, baseline, runLength, trendLen int) chart {
	vals, shown, has := s.vals, s.shown, s.has
	c := chart{runLength: runLength, trendLen: trendLen}
	total := 0
	for _, ok := range has {
		if ok {
			total++
		}
	}
	if baseline <= 0 || baseline > total {
		baseline = total
	}
	c.baseline = baseline
	if baseline < MinBaseline {
		return c
	}
	var sum, mrSum float64
	var mrs, seen int
	for i, ok := range has {
		if !ok {
			continue
		}
		if seen == baseline {
			break
		}
		seen++
		sum += vals[i]
		// A gap breaks the chain: the range across it is not a month-to-month change.
		if i > 0 && has[i-1] {
			mrSum += math.Abs(vals[i] - vals[i-1])
			mrs++
		}
	}
	if mrs == 0 {
		return c
	}
	c.ok = true
	c.mean = sum / float64(baseline)
	c.mr = mrSum / float64(mrs)
	width := 2.66 * c.mr
	c.upper, c.lower = c.mean+width, c.mean-width
	c.nearUpper, c.nearLow = c.mean+width*2/3, c.mean-width*2/3
	// Natural limits: a percentage cannot leave 0-100, nor a count go below
	// zero, so a limit past them would promise a signal that cannot come.
	switch unit {
	case app.Percent:
		c.upper = min(c.upper, 100)
		c.lower = max(c.lower, 0)
	case app.Number, app.Per10k, app.Days, app.Weeks:
		c.lower = max(c.lower, 0)
	}
	c.side, c.rule = s.side, s.rule
	c.mark(vals, shown, has)
	return c
}

// mark applies the rules in order of strength, so a point outside a limit
// is reported as such even when it also ends a run.
func (c *chart) mark(vals, shown []float64, has []bool) {
	set := func(i int, side int8, r rule) {
		if c.rule[i] == noRule {
			c.side[i], c.rule[i] = side, r
		}
	}
	// A figure is beyond a limit or near one only by more than the mean's
	// rounding error: in a flat series the limits sit on the mean, and the
	// float sum of equal figures can land a hair below them.
	eps := 1e-9 * max(1, math.Abs(c.mean))
	for i, ok := range has {
		switch {
		case !ok:
		case vals[i] > c.upper+eps:
			set(i, 1, beyondLimit)
		case vals[i] < c.lower-eps:
			set(i, -1, beyondLimit)
		}
	}

	// Runs on one side of the mean; a point on the mean, a gap or a
	// withheld figure ends the run.
	start, side := 0, int8(0)
	for i := 0; i <= len(has); i++ {
		var s int8
		if i < len(has) && has[i] {
			switch {
			case vals[i] > c.mean+eps:
				s = 1
			case vals[i] < c.mean-eps:
				s = -1
			}
		}
		if s != 0 && s == side {
			continue
		}
		if side != 0 && i-start >= c.runLength {
			for j := start; j < i; j++ {
				set(j, side, shift)
			}
		}
		start, side = i, s
	}

	// Two of three consecutive points beyond two-thirds of the way to a
	// limit, on the same side.
	for i := 0; i+2 < len(has); i++ {
		if !has[i] || !has[i+1] || !has[i+2] {
			continue
		}
		w := vals[i : i+3]
		high, low := 0, 0
		for _, v := range w {
			if v > c.nearUpper+eps {
				high++
			}
			if v < c.nearLow-eps {
				low++
			}
		}
		if high >= 2 {
			for k, v := range w {
				if v > c.nearUpper+eps {
					set(i+k, 1, nearLimit)
				}
			}
		}
		if low >= 2 {
			for k, v := range w {
				if v < c.nearLow-eps {
					set(i+k, -1, nearLimit)
				}
			}
		}
	}

	// Points each higher (or lower) than the one before, at the displayed
	// precision; an equal point, a gap or a withheld figure ends the trend.
	start, side = 0, 0
	for i := 0; i <= len(has); i++ {
		var s int8
		if i < len(has) && i > 0 && has[i] && has[i-1] {
			switch {
			case shown[i] > shown[i-1]:
				s = 1
			case shown[i] < shown[i-1]:
				s = -1
			}
		}
		if s != 0 && s == side {
			continue
		}
		// The trend's points run from start-1 (the point it rose from) to i-1.
		if side != 0 && i-start+1 >= c.trendLen {
			for j := start - 1; j < i; j++ {
				set(j, side, monotone)
			}
		}
		start, side = i, s
	}
}

// signal classifies point i for an indicator of polarity pol, whose
// target in force is target (for a NearTarget indicator).
func (c *chart) signal(i int, pol app.Polarity, target *float64) Signal {
	if !c.ok {
		return TooFewPoints
	}
	s := c.side[i]
	if s == 0 {
		return Common
	}
	switch pol {
	case app.HigherBetter:
		if s > 0 {
			return SpecialImproving
		}
		return SpecialConcerning
	case app.LowerBetter:
		if s < 0 {
			return SpecialImproving
		}
		return SpecialConcerning
	case app.NearTarget:
		if target == nil {
			return Special
		}
		if (s > 0 && *target > c.mean) || (s < 0 && *target < c.mean) {
			return SpecialImproving
		}
		return SpecialConcerning
	}
	return Special
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
var runTexts = func() (texts [16][len(runEnds)]string) {
	for n := range texts {
		for k, end := range runEnds {
			texts[n][k] = strconv.Itoa(n) + end
		}
	}
	return texts
}()

// runText says "n or more points" and runEnds[k].
func runText(n, k int) string {
	if n >= 0 && n < len(runTexts) {
		return runTexts[n][k]
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
