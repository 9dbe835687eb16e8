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
var headingRoles = &textMemo[headingReading]{}

// normalHeadings remembers normHeader's text: for the cells
// referenceData asks about, every cell with a letter in every sheet's
// first rows, which repeat from sheet to sheet as the headings do (the
// indicators' names on each district's sheet), and for each row's Ref
// and name as a table is read.
var normalHeadings = &textMemo[string]{}

// textMemo is a cache of what a function of a text alone makes of it,
// bounded so that the window, which imports file after file, does not
// hold every text it was ever shown: past maxMemoTexts texts it starts
// again.
type textMemo[V any] struct {
	mu sync.Mutex
	m  map[string]V
}

// headingReading is what headerRoleGuessed returns for one heading.
type headingReading struct {
	role    Role
	period  app.Period
	area    app.Area
	guessed bool
}

// maxMemoTexts is the most texts a memo remembers: a workbook's distinct
// headings and names number in the hundreds.
const maxMemoTexts = 4096

// maxMemoText is the longest text remembered; a longer cell, a note or a
// paragraph of a title block rather than a heading, is read afresh each
// time, so that the memo cannot grow large with them.
const maxMemoText = 128

// of returns what read makes of h, from memory where h was read before.
func (c *textMemo[V]) of(h string, read func(string) V) V {
	if len(h) > maxMemoText {
		return read(h)
	}
	c.mu.Lock()
	v, ok := c.m[h]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = read(h)
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= maxMemoTexts || c.m == nil {
		c.m = make(map[string]V, 256)
	}
	// A copy, so that the memo does not keep alive the sheet's text the
	// heading was cut from.
	c.m[strings.Clone(h)] = v
	return v
}
