package importer

import (
	"strings"
	"sync"

	"scorecard/app"
)

// headingRoles remembers what headerRoleGuessed made of each heading. A
// workbook repeats its headings on every sheet (a district scorecard per
// district), and detection reads each sheet's header twice, from its
// first rows and again whole: the large workbook asks about 91 headings
// some 6,800 times, and working each out again, through the milestone,
// period and region parsers and their regular expressions, was half of
// detection's time. What a heading names depends on its text alone, so
// an answer holds for every sheet and every later import.
var headingRoles = &headingMemo{}

// headingMemo is a cache of heading readings, bounded so that the
// window, which imports file after file, does not hold every text it was
// ever shown: past maxHeadingMemo headings it starts again.
type headingMemo struct {
	mu sync.Mutex
	m  map[string]headingReading
}

// headingReading is what headerRoleGuessed returns for one heading.
type headingReading struct {
	role    Role
	period  app.Period
	area    app.Area
	guessed bool
}

// maxHeadingMemo is the most headings remembered: a workbook's distinct
// headings number in the hundreds.
const maxHeadingMemo = 4096

// maxMemoHeading is the longest text remembered; a longer cell, a note
// or a paragraph of a title block rather than a heading, is read afresh
// each time, so that the memo cannot grow large with them.
const maxMemoHeading = 128

// reading returns what read makes of h, from memory where h was read
// before.
func (c *headingMemo) reading(h string, read func(string) headingReading) headingReading {
	if len(h) > maxMemoHeading {
		return read(h)
	}
	c.mu.Lock()
	r, ok := c.m[h]
	c.mu.Unlock()
	if ok {
		return r
	}
	r = read(h)
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= maxHeadingMemo || c.m == nil {
		c.m = make(map[string]headingReading, 256)
	}
	// A copy, so that the memo does not keep alive the sheet's text the
	// heading was cut from.
	c.m[strings.Clone(h)] = r
	return r
}
