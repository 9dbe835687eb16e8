package store

import (
	"bytes"
	"fmt"
	"slices"
	"testing"
	"time"

	"scorecard/app"
)

// TestGroupSeries: figures are gathered by series in key order, each
// series' in period order, two statements of one period in the order the
// dataset gave them (the later stands), however the dataset ordered them.
func TestGroupSeries(t *testing.T) {
	m := func(n int) app.Period { return app.MonthOf(2025, time.Month(n)) }
	ob := func(ref string, area app.Area, p app.Period) app.Observation {
		return app.Observation{Ref: ref, Area: area, Period: p}
	}
	tests := []struct {
		name string
		obs  []app.Observation
		want []string // per group: ref/area and the indexes of its figures
	}{
		{"in order", []app.Observation{ob("A", "Kent", m(1)), ob("A", "Kent", m(2)), ob("B", "Kent", m(1))},
			[]string{"A/Kent [0 1]", "B/Kent [2]"}},
		{"a series out of period order", []app.Observation{ob("A", "Kent", m(3)), ob("A", "Kent", m(1)), ob("A", "Kent", m(2))},
			[]string{"A/Kent [1 2 0]"}},
		{"series interleaved, returning out of order", []app.Observation{
			ob("B", "Kent", m(2)), ob("A", "Kent", m(2)), ob("B", "Kent", m(1)), ob("A", "Kent", m(3))},
			[]string{"A/Kent [1 3]", "B/Kent [2 0]"}},
		{"a period stated twice keeps the dataset's order", []app.Observation{
			ob("A", "Kent", m(2)), ob("A", "Kent", m(1)), ob("A", "Kent", m(2))},
			[]string{"A/Kent [1 0 2]"}},
		{"areas of a ref", []app.Observation{ob("A", "Kent", m(1)), ob("A", "Dover", m(1)), ob("A", "Kent", m(2))},
			[]string{"A/Dover [1]", "A/Kent [0 2]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			groups, err := groupSeries(tt.obs)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, g := range groups {
				o := tt.obs[g.recs[0]]
				got = append(got, fmt.Sprintf("%s/%s %v", o.Ref, o.Area, g.recs))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("groups = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestGroupSeriesHalves: a large import, grouped in two halves at once,
// is grouped as in one pass: series running across the middle, one whose
// figures turn back in period order just there, others interleaved.
func TestGroupSeriesHalves(t *testing.T) {
	m := func(n int) app.Period { return app.MonthOf(2000+n/12, time.Month(1+n%12)) }
	var obs []app.Observation
	refs := []string{"A", "B", "C"}
	areas := []app.Area{"Kent", "Dover", "Swale"}
	for i := 0; len(obs) < 4*minObsPerEncoder; i++ {
		// Runs of a series, the periods of some going back.
		ref, area := refs[i%len(refs)], areas[(i/len(refs))%len(areas)]
		for j := range 50 {
			p := m(i/9*50 + j)
			if i%7 == 0 {
				p = m(i/9*50 + 49 - j)
			}
			obs = append(obs, app.Observation{Ref: ref, Area: area, Period: p})
		}
	}
	mid := len(obs) / 2
	// Across the middle, one series steps back a period; another is
	// stated again.
	obs[mid-1] = app.Observation{Ref: "D", Area: "Kent", Period: m(5)}
	obs[mid] = app.Observation{Ref: "D", Area: "Kent", Period: m(4)}
	obs[mid+1] = app.Observation{Ref: "E", Area: "Kent", Period: m(4)}
	obs[mid-2] = app.Observation{Ref: "E", Area: "Kent", Period: m(4)}

	got, err := groupSeries(obs)
	if err != nil {
		t.Fatal(err)
	}
	one, err := groupRange(obs, 0, len(obs))
	if err != nil {
		t.Fatal(err)
	}
	want := one.groups
	slices.SortFunc(want, func(a, b seriesGroup) int { return bytes.Compare(a.key, b.key) })
	for _, g := range want {
		if g.unsorted {
			slices.SortStableFunc(g.recs, func(a, b int32) int { return periodOrder(obs[a].Period, obs[b].Period) })
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d groups, want %d", len(got), len(want))
	}
	for i := range want {
		if !bytes.Equal(got[i].key, want[i].key) || got[i].unsorted != want[i].unsorted || !slices.Equal(got[i].recs, want[i].recs) {
			t.Errorf("group %d = %q unsorted %v %v, want %q unsorted %v %v", i, got[i].key, got[i].unsorted, got[i].recs[:min(8, len(got[i].recs))],
				want[i].key, want[i].unsorted, want[i].recs[:min(8, len(want[i].recs))])
		}
	}
}

// TestRecordHashes: hashing records four at a time gives each record's
// recordHash, whatever the lengths of their keys and values.
func TestRecordHashes(t *testing.T) {
	var keys, vals [][]byte
	for i := range 11 {
		keys = append(keys, bytes.Repeat([]byte{byte('a' + i)}, i%3*7))
		v := make([]byte, (i*389)%1500)
		for j := range v {
			v[j] = byte(i*31 + j*7)
		}
		vals = append(vals, v)
	}
	for n := range len(keys) + 1 {
		hs := make([]uint64, n)
		recordHashes(hs, func(j int) ([]byte, []byte) { return keys[j], vals[j] })
		for j := range hs {
			if want := recordHash(keys[j], vals[j]); hs[j] != want {
				t.Errorf("%d records: record %d hashed %x, want %x", n, j, hs[j], want)
			}
		}
	}
}
