package trend

import (
	"slices"
	"strconv"
	"time"

	"scorecard/app"
)

// Variation is the Making Data Count variation icon of a point: common
// cause, or special cause improving, concerning or neither (no polarity),
// high or low. It is written (JSON) as the icon's name: "common-cause",
// "improvement-high", "improvement-low", "concern-high", "concern-low",
// "neither-high", "neither-low", or "" with no figure or too few points.
type Variation uint8

// The variation icons.
const (
	NoVariation Variation = iota
	CommonCause
	ImprovementHigh
	ImprovementLow
	ConcernHigh
	ConcernLow
	NeitherHigh
	NeitherLow
)

var variationWords = words{"", "common-cause", "improvement-high", "improvement-low", "concern-high", "concern-low", "neither-high", "neither-low"}

func (v Variation) String() string { return variationWords.text(uint8(v)) }

// MarshalText writes the icon's name.
func (v Variation) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// UnmarshalText reads the icon's name.
func (v *Variation) UnmarshalText(b []byte) error {
	x, err := variationWords.parse("variation", b)
	*v = Variation(x)
	return err
}

// Colour is the Making Data Count colour of the icon: "blue" for
// improvement, "orange" for concern, "grey" for common cause, "purple"
// for neither; "" for none.
func (v Variation) Colour() string {
	switch v {
	case CommonCause:
		return "grey"
	case ImprovementHigh, ImprovementLow:
		return "blue"
	case ConcernHigh, ConcernLow:
		return "orange"
	case NeitherHigh, NeitherLow:
		return "purple"
	}
	return ""
}

// High reports whether v is a special cause above the mean.
func (v Variation) High() bool {
	return v == ImprovementHigh || v == ConcernHigh || v == NeitherHigh
}

// variationOf returns the icon of a point of signal s, high (above the
// mean) or not.
func variationOf(s Signal, high bool) Variation {
	var v Variation
	switch s {
	case Common:
		return CommonCause
	case SpecialImproving:
		v = ImprovementHigh
	case SpecialConcerning:
		v = ConcernHigh
	case Special:
		v = NeitherHigh
	default:
		return NoVariation
	}
	if !high {
		v++
	}
	return v
}

// Icon is the Making Data Count assurance icon's name: "consistent-pass",
// "consistent-fail", "hit-and-miss", or "" with no target or chart.
func (a Assurance) Icon() string { return assuranceIcons.text(uint8(a)) }

var assuranceIcons = words{"", "consistent-pass", "consistent-fail", "hit-and-miss"}

// Reading says what the assurance means for the target, in a line.
func (a Assurance) Reading() string {
	switch a {
	case ConsistentlyMet:
		return "Will reliably hit the target"
	case ConsistentlyMiss:
		return "Will not reliably hit the target without change"
	case HitAndMiss:
		return "Will hit and miss the target at random"
	}
	return ""
}

// Word is the variation icon in a word, for a narrow column (the
// window's Signal column, the pack's SPC column): "Normal", "Improving",
// "Concern", "Higher", "Lower"; "" for none.
func (v Variation) Word() string {
	switch v {
	case CommonCause:
		return "Normal"
	case ImprovementHigh, ImprovementLow:
		return "Improving"
	case ConcernHigh, ConcernLow:
		return "Concern"
	case NeitherHigh:
		return "Higher"
	case NeitherLow:
		return "Lower"
	}
	return ""
}

// Headline is the variation's reading without its reason: "Improving",
// "No significant change".
func (v Variation) Headline() string {
	switch v {
	case CommonCause:
		return "No significant change"
	case ImprovementHigh, ImprovementLow:
		return "Improving"
	case ConcernHigh, ConcernLow:
		return "Concerning"
	case NeitherHigh:
		return "Higher than usual"
	case NeitherLow:
		return "Lower than usual"
	}
	return ""
}

// notCharted says why a year-to-date measure's figure for p has no SPC
// chart, naming the month its figures restart in (Indicator.YearToDateStart).
func notCharted(ind app.Indicator, p app.Period) string {
	start := time.Month(ind.YearToDateStart(p).N)
	return "No SPC chart: each year-to-date figure takes in the months before it and restarts in " + start.String() +
		", so the figures are not independent points for a chart; the direction of travel is against the same " + p.Kind.Word() + " last year"
}

// reading says in a line what point i's variation icon means: "Improving:
// 8 months in a row above the average". A run or trend is counted whole,
// gaps skipped as the rules skip them.
func (s *Series) reading(i int, v Variation, r rule, c *Chart, w *written) string {
	switch v {
	case NoVariation:
		switch s.pts[i].signal {
		case TooFewPoints:
			return "Too few points for SPC (" + strconv.Itoa(MinBaseline) + " needed)"
		case NotCharted:
			return notCharted(s.ind, s.first.Add(i))
		}
		return ""
	case CommonCause:
		return "No significant change: the ups and downs are normal for this measure"
	}
	high := v.High()
	why := ""
	switch r {
	case beyondLimit:
		if high {
			why = "above the upper process limit"
		} else {
			why = "below the lower process limit"
		}
	case shift:
		vals, at := w.figures(s, i)
		mean := c.Mean
		n := span(at, len(vals), func(k int) bool { return vals[k] != mean && (vals[k] > mean) == high })
		why = periodWord(s.first.Kind, n) + " in a row "
		if high {
			why += "above the average"
		} else {
			why += "below the average"
		}
	case monotone:
		// Step k is the move from figure k-1 to figure k; a trend of n
		// steps holds n+1 figures. Point i is in the trend by the step
		// into it or, at the trend's first figure, the step out of it.
		vals, at := w.figures(s, i)
		step := func(k int) bool { return k > 0 && vals[k] != vals[k-1] && (vals[k] > vals[k-1]) == high }
		if !step(at) {
			at++
		}
		n := span(at, len(vals), step) + 1
		why = periodWord(s.first.Kind, n) + " in a row "
		if high {
			why += "rising"
		} else {
			why += "falling"
		}
	case nearLimit:
		why = "2 of 3 " + periodWord(s.first.Kind, 3)[len("3 "):] + " in a row close to the "
		if high {
			why += "upper process limit"
		} else {
			why += "lower process limit"
		}
	}
	return v.Headline() + ": " + why
}

// figures returns the figures of point i's chart in order, gaps skipped
// as the rules skip them, and the place of point i's among them (0 when
// it has none). They are gathered once per chart for the points written
// with w: a long run of special causes asks at every point, which
// gathering afresh each time made quadratic in the series' length.
func (w *written) figures(s *Series, i int) ([]float64, int) {
	seg := s.pts[i].seg
	if w.figs == nil || w.figsSeg != seg {
		w.figsSeg = seg
		w.figs = make([]float64, 0, len(s.pts))
		w.figsAt = slices.Grow(w.figsAt[:0], len(s.pts))[:len(s.pts)]
		for j := range s.pts {
			w.figsAt[j] = 0
			o := s.observation(j)
			if o == nil || o.Value == nil || o.StandIn || s.pts[j].seg != seg {
				continue
			}
			w.figsAt[j] = int32(len(w.figs))
			w.figs = append(w.figs, *o.Value)
		}
	}
	return w.figs, int(w.figsAt[i])
}

// span counts the places k in [0, n) around at, at included, for which
// ok(k) holds without a break; 0 if it does not hold at at.
func span(at, n int, ok func(k int) bool) int {
	if at >= n || !ok(at) {
		return 0
	}
	lo, hi := at, at
	for lo > 0 && ok(lo-1) {
		lo--
	}
	for hi+1 < n && ok(hi+1) {
		hi++
	}
	return hi - lo + 1
}
