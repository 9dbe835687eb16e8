package app

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// The indicators' histories are read by several readers at once: the
// figure named is still the first in the file's order, the count every
// indicator's, and a failed read the import's error, whichever reader
// finishes first.
func TestRoundedRestatementsOrder(t *testing.T) {
	p := MonthOf(2026, 3)
	refs := []string{"CIC05", "CIC06", "CIC07", "CIC08"}
	heldValue, given := 95.3846153846, 95.4
	h := NewHistory()
	var file []Observation
	for i, ref := range refs {
		h.Add(Observation{Ref: ref, Area: "Kent", Period: p, Value: Float(heldValue), Numerator: Float(62), Denominator: Float(65)})
		file = append(file, Observation{Ref: ref, Area: "Kent", Period: p, Value: Float(given), Cell: "Scorecard!H" + string(rune('4'+i))})
	}
	// The first indicator's history comes last.
	slowFirst := func(ref string) (HeldFigures, error) {
		if ref == refs[0] {
			time.Sleep(20 * time.Millisecond)
		}
		return HeldFiguresOf(h, ref), nil
	}
	for _, tc := range []struct {
		name string
		held func(string) (HeldFigures, error)
		want string // in the warning, or the error
		err  bool
	}{
		{"in turn", func(ref string) (HeldFigures, error) { return HeldFiguresOf(h, ref), nil }, "4 figures given to fewer decimal places than the store holds them, and the same to those places, the first CIC05 Kent Mar-26", false},
		{"the first read last", slowFirst, "4 figures given to fewer decimal places than the store holds them, and the same to those places, the first CIC05 Kent Mar-26", false},
		{"a read failing", func(ref string) (HeldFigures, error) {
			if ref == refs[2] {
				return nil, errors.New("the store is damaged")
			}
			return slowFirst(ref)
		}, "the figures held for CIC07: the store is damaged", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ws, err := RoundedRestatements(&Dataset{Observations: file}, "m_mar.xlsx", tc.held)
			if tc.err {
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("error %v, want %q", err, tc.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(ws) != 1 || !strings.Contains(ws[0].String(), tc.want) || ws[0].Location.Cell != "H4" {
				t.Fatalf("warnings %v, want one at H4 saying %q", ws, tc.want)
			}
		})
	}
}

// Only a figure given to one or more places can restate a held one to
// its places, so an indicator whose figures are all whole (a count) has
// no history read: the monthly re-import reads the histories of its
// percentages and rates alone. Whole figures beside a rounded one are
// passed over, and the rounded one is still found.
func TestRoundedRestatementsReadsRoundedOnly(t *testing.T) {
	p, q := MonthOf(2026, 2), MonthOf(2026, 3)
	h := NewHistory()
	file := []Observation{
		{Ref: "CIC01", Area: "Kent", Period: q, Value: Float(1896), Cell: "Scorecard!H4"},
		{Ref: "CIC01", Area: "Kent", Period: p, Value: Float(1880), Cell: "Scorecard!G4"},
		{Ref: "CIC05", Area: "Kent", Period: p, Value: Float(12), Cell: "Scorecard!G5"},
		{Ref: "CIC05", Area: "Kent", Period: q, Value: Float(95.4), Cell: "Scorecard!H5"},
	}
	h.Add(Observation{Ref: "CIC01", Area: "Kent", Period: q, Value: Float(1900)})
	h.Add(Observation{Ref: "CIC05", Area: "Kent", Period: p, Value: Float(12.3)})
	h.Add(Observation{Ref: "CIC05", Area: "Kent", Period: q, Value: Float(95.3846153846), Numerator: Float(62), Denominator: Float(65)})
	var (
		mu   sync.Mutex
		read []string
	)
	held := func(ref string) (HeldFigures, error) {
		mu.Lock()
		defer mu.Unlock()
		read = append(read, ref)
		return HeldFiguresOf(h, ref), nil
	}
	ws, err := RoundedRestatements(&Dataset{Observations: file}, "m_mar.xlsx", held)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(read, []string{"CIC05"}) {
		t.Errorf("histories read %q, want CIC05's alone", read)
	}
	if len(ws) != 1 || !strings.Contains(ws[0].String(), "1 figure given to fewer decimal places") || ws[0].Location.Cell != "H5" {
		t.Fatalf("warnings %v, want one at H5 for one figure", ws)
	}
}

// The figure named first is the first given to places of the indicator
// whose first such figure comes first in the file, whatever came before
// it without a value: each reader works out its own indicator's figures
// given to places, and the counts are put back in that order.
func TestRoundedRestatementsFirstGivenToPlaces(t *testing.T) {
	jan, feb := MonthOf(2026, 1), MonthOf(2026, 2)
	h := NewHistory()
	for _, ref := range []string{"CIC05", "CIC06"} {
		for _, p := range []Period{jan, feb} {
			h.Add(Observation{Ref: ref, Area: "Kent", Period: p, Value: Float(95.3846153846), Numerator: Float(62), Denominator: Float(65)})
		}
	}
	file := []Observation{
		{Ref: "CIC05", Area: "Kent", Period: jan, Status: Suppressed, Cell: "Scorecard!G4"},
		{Ref: "CIC06", Area: "Kent", Period: jan, Value: Float(95), Cell: "Scorecard!G5"},
		{Ref: "CIC06", Area: "Kent", Period: feb, Value: Float(95.4), Cell: "Scorecard!H5"},
		{Ref: "CIC05", Area: "Kent", Period: feb, Value: Float(95.4), Cell: "Scorecard!H4"},
		{Ref: "CIC07", Area: "Kent", Period: feb, Value: Float(3), Cell: "Scorecard!H6"},
	}
	held := func(ref string) (HeldFigures, error) {
		if ref == "CIC07" {
			return nil, errors.New("not to be read: its every figure is whole")
		}
		return HeldFiguresOf(h, ref), nil
	}
	for range 20 {
		ws, err := RoundedRestatements(&Dataset{Observations: file}, "m_feb.xlsx", held)
		if err != nil {
			t.Fatal(err)
		}
		if len(ws) != 1 || !strings.Contains(ws[0].String(), "2 figures given to fewer decimal places") || ws[0].Location.Cell != "H5" {
			t.Fatalf("warnings %v, want one at H5 for two figures", ws)
		}
	}
}
