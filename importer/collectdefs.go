package importer

import (
	"cmp"
	"strconv"

	"scorecard/app"
)

// An indicator's definition may be given on several sheets, or only cited
// by a figure; the collector keeps the fullest, says where sheets
// disagree, and weighs each against the store's own definition.

// indicator adds ind, or fills the blanks of the indicator already read
// with its ref: a scorecard sheet names it, a Data sheet only cites it.
func (c *collector) indicator(ind app.Indicator) {
	have, ok := c.indicators[ind.Ref]
	if !ok {
		c.indicators[ind.Ref] = &ind
		c.indOrder = append(c.indOrder, ind.Ref)
		return
	}
	if have.Name == "" || have.Name == have.Ref {
		have.Name = ind.Name
	}
	if have.Section == "" {
		have.Section = ind.Section
	}
	if have.Polarity == app.PolarityNone {
		have.Polarity = ind.Polarity
	}
	if have.Unit == "" {
		have.Unit = ind.Unit
	}
	if have.DataPeriod == "" {
		have.DataPeriod = ind.DataPeriod
	}
	if have.Guidance == "" {
		have.Guidance = ind.Guidance
	}
	if have.YearType == 0 {
		have.YearType = ind.YearType
	}
	if have.Measure == "" {
		have.Measure = ind.Measure
	}
	if have.Unaffected == nil {
		have.Unaffected = ind.Unaffected
	}
	if have.Decimals < ind.Decimals {
		have.Decimals = ind.Decimals
	}
}

// disagree warns where a row states ind's polarity or unit otherwise than
// an earlier row of the file did (two sheets, or two tables, giving one
// ref): the first read stands, as indicator keeps it, and the other is
// said at its cell rather than dropped unremarked, as a polarity that
// would rate every figure the other way must not be.
func (c *collector) disagree(ind app.Indicator, st app.Stated) {
	have, ok := c.indicators[ind.Ref]
	if !ok {
		return
	}
	first := c.stated[ind.Ref]
	if st.Polarity != (app.Location{}) && ind.Polarity != app.PolarityNone && have.Polarity != app.PolarityNone && ind.Polarity != have.Polarity {
		c.warn(st.Polarity.Sheet, st.Polarity.Cell, "%s: polarity %s here, but %s where the file first gave it (%s): %s kept; make the two agree",
			ind.Ref, ind.Polarity, have.Polarity, whereStated(first.Polarity), have.Polarity)
	}
	if st.Unit != (app.Location{}) && ind.Unit != "" && have.Unit != "" && ind.Unit != have.Unit {
		c.warn(st.Unit.Sheet, st.Unit.Cell, "%s: unit %q here, but %q where the file first gave it (%s): %q kept; make the two agree",
			ind.Ref, ind.Unit, have.Unit, whereStated(first.Unit), have.Unit)
	}
}

// whereStated names where in the file a location is, or says it was earlier.
func whereStated(l app.Location) string {
	switch {
	case l.Sheet != "" && l.Cell != "":
		return l.Sheet + "!" + l.Cell
	case l.Sheet != "":
		return "sheet " + strconv.Quote(l.Sheet)
	}
	return "earlier in the file"
}

// state adds what a row states of ref's definition to what earlier rows
// stated: the first statement of each part is where it was read.
func (c *collector) state(ref string, st app.Stated) {
	if !st.Defines() {
		return
	}
	have := c.stated[ref]
	have.Name = cmp.Or(have.Name, st.Name)
	have.Unit = cmp.Or(have.Unit, st.Unit)
	have.Polarity = cmp.Or(have.Polarity, st.Polarity)
	have.Owner = cmp.Or(have.Owner, st.Owner)
	have.Section = cmp.Or(have.Section, st.Section)
	have.DataPeriod = cmp.Or(have.DataPeriod, st.DataPeriod)
	have.Guidance = cmp.Or(have.Guidance, st.Guidance)
	have.Decimals = cmp.Or(have.Decimals, st.Decimals)
	have.Measure = cmp.Or(have.Measure, st.Measure)
	have.YearType = cmp.Or(have.YearType, st.YearType)
	have.Unaffected = cmp.Or(have.Unaffected, st.Unaffected)
	c.stated[ref] = have
}

// knownDefinitions takes the store's definitions from opt, if it gives
// them.
func (c *collector) knownDefinitions(opt Options) {
	c.defined, c.auth, c.held, c.ragRule = opt.Defined, opt.authority(), opt.Held, opt.RAGRule
}

// stored returns the store's definition of ref, if it holds one.
func (c *collector) stored(ref string) (app.Indicator, bool) {
	if c.defined == nil {
		return app.Indicator{}, false
	}
	return c.defined(ref)
}
