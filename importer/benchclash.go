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
func (c *collector) addBenchmarks(l *sheetLog) {
	if c.benchAt == nil {
		c.benchAt = map[benchKey]int{}
	}
	for _, b := range l.benchmarks {
		k := benchKey{b.Ref, b.Group, b.Period}
		i, ok := c.benchAt[k]
		if !ok {
			c.benchAt[k] = len(c.benchmarks)
			c.benchmarks = append(c.benchmarks, b)
			continue
		}
		had := c.benchmarks[i]
		if sameValue(had.Value, b.Value) && had.Status == b.Status {
			c.benchmarks = append(c.benchmarks, b)
			continue
		}
		sheet, cell := l.sheet, b.Source
		if at := strings.LastIndex(b.Source, "!"); at >= 0 {
			sheet, cell = b.Source[:at], b.Source[at+1:]
		}
		c.warn(sheet, cell, "%s: %s's figure for %s not read: %s differs from %s at %s, which was kept",
			b.Ref, b.Group, b.Period.Label(), benchText(b), benchText(had), had.Source)
	}
}

// benchText is a benchmark's figure, or its status where it has none.
func benchText(b app.Benchmark) string {
	if b.Value != nil {
		return fmt.Sprint(*b.Value)
	}
	return string(b.Status)
}
