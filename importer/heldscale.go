package importer

import "scorecard/app"

// heldRange is the least and greatest of the figures held (Options.Held)
// for ref, and how many there are: n is 0 where none is held.
func (c *collector) heldRange(ref string) (lo, hi float64, n int) {
	if c.held == nil {
		return 0, 0, 0
	}
	for _, o := range c.held(ref) {
		if o.Value == nil || o.StandIn {
			continue
		}
		if n == 0 {
			lo, hi = *o.Value, *o.Value
		}
		lo, hi = min(lo, *o.Value), max(hi, *o.Value)
		n++
	}
	return lo, hi, n
}

// heldAcademic reports whether every figure held (held, Options.Held) for
// ref is of an academic year, as a tidy CSV's "2022/23AY" files it, and
// how many there are: the store knows it as an academic-year measure from
// its periods, though its definition names no year type.
func heldAcademic(held func(ref string) []app.Observation, ref string) (n int, ok bool) {
	if held == nil {
		return 0, false
	}
	for _, o := range held(ref) {
		if o.Period.Kind != app.AcademicYear {
			return 0, false
		}
		n++
	}
	return n, n > 0
}
