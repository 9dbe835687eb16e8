package disclosure

import (
	"regexp"
	"strings"
	"sync"

	"scorecard/app"
)

// A change in a count (the change in children in care since the same
// month last year) counts no children where both months it spans are
// shown: a reader recomputes it, so withholding it protects nothing. But
// beside one of those months withheld it gives that month away (7 now
// less a change of 4 is 3 then), and an indicator is a change only by its
// definition: a count with a negative figure is a data error, still a
// count of children.

// changeLags match how far back a change's earlier month lies, in its
// name or guidance, with the months it spans.
var changeLags = sync.OnceValue(func() []changeLag {
	return []changeLag{
		{regexp.MustCompile(`(?i)\b(last|previous|a|one|the) year\b|\byear (before|earlier|ago)\b|\b12 months\b`), 12},
		{regexp.MustCompile(`(?i)\b(last|previous|prior) quarter\b|\bquarter (before|earlier)\b`), 3},
		{regexp.MustCompile(`(?i)\b(last|previous|prior) month\b|\bmonth (before|earlier)\b`), 1},
	}
})

// changeLag is a wording of how far back, and the months it spans.
type changeLag struct {
	re  *regexp.Regexp
	lag int
}

// isChange reports whether ind is a change in a count, and not a count
// itself: a count (or a number of unknown parts) whose definition says its
// figures can fall below zero (app.Indicator.Signed, the rule SPC's limits
// follow too). A name that counts children ("Number of ...",
// "(children)") is a count whatever else it says.
func isChange(ind app.Indicator) bool {
	if ind.Measure != app.Count && ind.Measure != app.Other {
		return false
	}
	return ind.Signed()
}

// changes finds h's changes (isChange) and their counts (baseOf).
func (r *release) changes(h *app.History) {
	r.published, r.isBase = map[figKey]bool{}, map[string]bool{}
	r.change, r.base = changesOf(h.Indicators())
	for _, b := range r.base {
		r.isBase[b.ref] = true
	}
}

// changesOf finds the changes among inds (isChange) and the counts they
// are the differences of (baseOf). Each definition is judged once: a
// large export releases its indicators one at a time, and judging every
// other indicator again for each change was a tenth of its garbage.
func changesOf(inds []app.Indicator) (change map[string]bool, base map[string]changeBase) {
	change, base = map[string]bool{}, map[string]changeBase{}
	for _, ind := range inds {
		if isChange(ind) {
			change[ind.Ref] = true
		}
	}
	for _, ind := range inds {
		if !change[ind.Ref] {
			continue
		}
		if b, ok := baseOf(ind, inds, change); ok {
			base[ind.Ref] = b
		}
	}
	return change, base
}

// changeBase is what a change is the difference of: its count's ref, and
// how many months before the change's own month the earlier figure is.
type changeBase struct {
	ref string
	lag int
}

// baseOf returns the count a change is the difference of, when the
// definition identifies it: the guidance names exactly one other
// indicator's ref, or the name is "change in X ..." beside a "Number of
// X"; and the name or guidance says how far back the earlier month is.
// Without both, the change cannot be shown to be harmless. ind is one of
// inds, the changes among them those change holds.
func baseOf(ind app.Indicator, inds []app.Indicator, change map[string]bool) (changeBase, bool) {
	lag := 0
	for _, l := range changeLags() {
		if l.re.MatchString(ind.Name) || l.re.MatchString(ind.Guidance) {
			lag = l.lag
			break
		}
	}
	if lag == 0 {
		return changeBase{}, false
	}
	var named []string
	for _, other := range inds {
		if other.Ref == ind.Ref || change[other.Ref] || other.Measure != app.Count && other.Unit != app.Number {
			continue
		}
		if hasWord(ind.Guidance, other.Ref) {
			named = append(named, other.Ref)
		}
	}
	if len(named) == 1 {
		return changeBase{named[0], lag}, true
	}
	if len(named) > 1 {
		return changeBase{}, false
	}
	name := strings.ToLower(ind.Name)
	_, subject, ok := strings.Cut(name, "change in ")
	if !ok {
		return changeBase{}, false
	}
	subject, _, _ = strings.Cut(subject, " since")
	for _, other := range inds {
		if other.Ref != ind.Ref && strings.EqualFold(strings.TrimSpace(other.Name), "number of "+strings.TrimSpace(subject)) {
			return changeBase{other.Ref, lag}, true
		}
	}
	return changeBase{}, false
}

// hasWord reports whether text holds word with no letter, digit or
// underscore either side, as a regexp's \b would find it: a guidance
// naming "(CIC01)" names CIC01, not CIC011. It is asked of every other
// indicator for each change, where compiling a regexp each time was a
// fifth of a large export's time.
func hasWord(text, word string) bool {
	if word == "" {
		return false
	}
	wordy := func(b byte) bool {
		return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
	}
	for i := 0; ; {
		j := strings.Index(text[i:], word)
		if j < 0 {
			return false
		}
		at, end := i+j, i+j+len(word)
		if (at == 0 || !wordy(text[at-1]) || !wordy(word[0])) && (end == len(text) || !wordy(text[end]) || !wordy(word[len(word)-1])) {
			return true
		}
		i = at + 1
	}
}

// earlier returns the period lag months before p, of p's kind, and
// whether there is one (a quarter is not a month before another).
func earlier(p app.Period, lag int) (app.Period, bool) {
	switch p.Kind {
	case app.Month:
		return p.Add(-lag), true
	case app.Quarter:
		return p.Add(-lag / 3), lag%3 == 0
	case 0:
		return p, false
	}
	return p.Add(-lag / 12), lag%12 == 0
}

// changeShown reports, for figure k of a change whose count the release
// has worked out already, whether k is recomputed from its two months
// (both published and shown: it is shown whatever its size) and whether
// it would give one of them away (one withheld: it is withheld whatever
// its size). Where a month is not published, or the count is not known,
// neither holds and the change is judged by its size, as a count is.
func (r *release) changeShown(k figKey) (recomputed, gives bool) {
	b, ok := r.base[k.ref]
	if !ok {
		return false, false
	}
	then, ok := earlier(k.period, b.lag)
	if !ok {
		return false, false
	}
	a, c := figKey{b.ref, k.area, k.split, k.period}, figKey{b.ref, k.area, k.split, then}
	if !r.published[a] || !r.published[c] {
		return false, false
	}
	if r.hidden[a] || r.hidden[c] {
		return false, true
	}
	return true, false
}

// CountOf returns the count the change ref is the difference of, where
// h's definitions say (baseOf): its release depends on that count's, so
// a release of ref alone must hold the count's figures too.
func CountOf(h *app.History, ref string) (string, bool) {
	ind, ok := h.Indicator(ref)
	if !ok || !isChange(ind) {
		return "", false
	}
	_, base := changesOf(h.Indicators())
	b, ok := base[ref]
	return b.ref, ok
}
