package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// benchKey is what the store keeps one benchmark figure for: an
// indicator's group's figure for a year.
type benchKey struct {
	ref, group string
	period     app.Period
}

// addBenchmarks adds a sheet's benchmarks to the workbook's. One giving
// a group's figure for a year that a sheet read before gave otherwise
// (a district sheet's England beside the scorecard's) is not taken, and
// said at its cell: the store keeps one figure for each, and had kept
// the later sheet's without a word. The same figure again is taken, as
// before, and stored once.
//
// Which is kept: a figure its heading dates over one dated from its
// sheet's month, and of two dated from their sheets' months the later
// month's, the more recent release ("England" on the Nov-24 and Dec-24
// sheets, DfE's figure revised between); else the first read.
func (c *collector) addBenchmarks(l *sheetLog) {
	if c.benchAt == nil {
		c.benchAt = map[benchKey]int{}
		c.benchFrom = map[int]app.Period{}
	}
	for j, b := range l.benchmarks {
		from := l.benchFrom[j]
		k := benchKey{b.Ref, b.Group, b.Period}
		i, ok := c.benchAt[k]
		if !ok {
			c.benchAt[k] = len(c.benchmarks)
			if !from.IsZero() {
				c.benchFrom[len(c.benchmarks)] = from
			}
			c.benchmarks = append(c.benchmarks, b)
			continue
		}
		had := c.benchmarks[i]
		if sameValue(had.Value, b.Value) && had.Status == b.Status {
			c.benchmarks = append(c.benchmarks, b)
			continue
		}
		hadFrom := c.benchFrom[i]
		why := "which was kept"
		switch {
		case !hadFrom.IsZero() && from.IsZero():
			why = fmt.Sprintf("which was kept: %s's heading names the year, where %s's was taken from its sheet's month, %s", b.Source, had.Source, hadFrom.Label())
		case !hadFrom.IsZero() && later(from, hadFrom) > 0:
			why = fmt.Sprintf("which was kept: neither heading names the year, each taken from its sheet's month, and %s is later than %s, its figure the more recent release", from.Label(), hadFrom.Label())
		default:
			c.warnBenchmark(b, had, l.sheet, why)
			continue
		}
		c.benchmarks[i] = b
		if from.IsZero() {
			delete(c.benchFrom, i)
		} else {
			c.benchFrom[i] = from
		}
		c.warnBenchmark(had, b, l.sheet, why)
	}
}

// warnBenchmark says, at dropped's cell, that it was not read for
// differing from kept; sheet is where it was read, where its source
// names none.
func (c *collector) warnBenchmark(dropped, kept app.Benchmark, sheet, why string) {
	cell := dropped.Source
	if at := strings.LastIndex(dropped.Source, "!"); at >= 0 {
		sheet, cell = dropped.Source[:at], dropped.Source[at+1:]
	}
	c.warn(sheet, cell, "%s: %s's figure for %s not read: %s differs from %s at %s, %s",
		dropped.Ref, dropped.Group, dropped.Period.Label(), benchText(dropped), benchText(kept), kept.Source, why)
}

// benchText is a benchmark's figure, or its status where it has none.
func benchText(b app.Benchmark) string {
	if b.Value != nil {
		return fmt.Sprint(*b.Value)
	}
	return b.Status.String()
}
