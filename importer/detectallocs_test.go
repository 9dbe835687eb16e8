package importer

import (
	"context"
	"strconv"
	"strings"
	"testing"
)

// TestDetectAllocations guards detection's cost: a workbook with Kent and
// each district on a sheet of its own repeats one set of headings
// thirteen times, and each sheet's header is detected from its first
// rows and again whole. Working each heading out again every time (its
// milestone, period and region readings, their regular expressions),
// matching the title captioning each month column again, and growing
// maps by doubling made some 3,600 allocations a sheet; now about 630.
func TestDetectAllocations(t *testing.T) {
	s, err := sample(context.Background(), perDistrictBook(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.book.Close()
	var wholes []*grid
	for _, h := range s.Heads {
		g, err := s.book.readSheet(context.Background(), h.Sheet)
		if err != nil {
			t.Fatal(err)
		}
		wholes = append(wholes, g)
	}
	allocs := testing.AllocsPerRun(5, func() {
		for i, h := range s.Heads {
			if _, err := detect(h.Sheet, &grid{rows: h.Rows}); err != nil {
				t.Fatal(err)
			}
			if _, err := detect(h.Sheet, wholes[i]); err != nil {
				t.Fatal(err)
			}
		}
	})
	perSheet := allocs / float64(len(s.Heads))
	t.Logf("%d sheets, %.0f allocations each", len(s.Heads), perSheet)
	if perSheet > detectAllocsPerSheet {
		t.Errorf("detecting a district scorecard's sheet, first rows and whole, made %.0f allocations, over %d", perSheet, detectAllocsPerSheet)
	}
}

// detectAllocsPerSheet is the most allocations TestDetectAllocations
// allows a sheet.
const detectAllocsPerSheet = 1000

// TestHeadingMemo checks that a heading read from memory reads as it
// does afresh, and that the memory stays within its bound.
func TestHeadingMemo(t *testing.T) {
	headings := []string{"Ref", " Indicator* ", "45870", "Target 2024/25", "Q1 target", "Apr-Jun 2024 target",
		"Kent", "Stat Neighbours 2024/25", "England (all children)", "South East 2023/24", "Jun-25", "2025 YTD",
		"Comments", "no heading the importer knows", strings.Repeat("a long note, ", 20)}
	m := &textMemo[headingReading]{}
	for round := range 2 { // the second from memory
		for _, h := range headings {
			want := readHeading(h)
			if got := m.of(h, readHeading); got != want {
				t.Errorf("round %d: %q read as %+v, afresh %+v", round, h, got, want)
			}
		}
	}
	if _, ok := m.m[headings[len(headings)-1]]; ok {
		t.Errorf("a text of %d bytes was remembered, past maxMemoText", len(headings[len(headings)-1]))
	}
	for i := range 3 * maxMemoTexts {
		m.of(strconv.Itoa(i), readHeading)
		if len(m.m) > maxMemoTexts {
			t.Fatalf("the memo holds %d headings, past its bound of %d", len(m.m), maxMemoTexts)
		}
	}
}

// TestReferenceCheckAllocations guards what asking whether a workbook is
// reference data (a list of authorities, a statistical-neighbour model)
// costs a scorecard: every cell with a letter in every sheet's first
// rows is normalised, the same headings and names on each sheet, which
// made an allocation or two each (3,918 for the demo's district workbook).
func TestReferenceCheckAllocations(t *testing.T) {
	s, err := sample(context.Background(), perDistrictBook(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.book.Close()
	if allocs := testing.AllocsPerRun(5, func() {
		if isNeighbourModel(s) {
			t.Fatal("a district scorecard read as a statistical-neighbour model")
		}
	}); allocs > 0 {
		t.Errorf("asking whether a district scorecard is reference data made %.0f allocations, want none", allocs)
	}
}
