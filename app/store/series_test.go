package store

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unsafe"

	"scorecard/app"
)

// TestSeriesCodec: the exported codec the team store uses writes blocks
// one after another with one encoder, each readable on its own (nothing
// shared with the block before), marks a figure a restatement or a
// version in place without touching the others, and says when a block is
// cut short.
func TestSeriesCodec(t *testing.T) {
	blocks := [][]app.Observation{
		{
			{Period: app.MonthOf(2025, 1), Value: app.Float(12.5), Numerator: app.Float(25), Denominator: app.Float(200), Cell: "Kent!D5"},
			{Period: app.MonthOf(2025, 2), Value: app.Float(13), Numerator: app.Float(26), Denominator: app.Float(200), Cell: "Kent!E5"},
			{Period: app.MonthOf(2025, 4), Status: app.Suppressed, Raw: "[c]", Cell: "Kent!G5"},
		},
		// The second block starts with the period and texts after the
		// first's last: a reset encoder must write them in full.
		{
			{Period: app.MonthOf(2025, 5), Status: app.Suppressed, Raw: "[c]", Cell: "Kent!H5"},
			{Period: app.MonthOf(2025, 6), Value: app.Float(-0.25), StandIn: true, SourceArrow: app.Across, SourceRAG: app.Green, Rule: "UASC", Cell: "Thanet!H6"},
		},
	}
	var enc SeriesEncoder
	var encoded [][]byte
	for _, obs := range blocks {
		enc.Reset()
		for i := range obs {
			enc.Add(&obs[i], i == 1)
		}
		if enc.Len() != len(obs) {
			t.Fatalf("Len %d after adding %d", enc.Len(), len(obs))
		}
		encoded = append(encoded, append([]byte(nil), enc.Bytes()...))
	}
	d := NewSeriesDecoder()
	read := func(b []byte) (obs []app.Observation, restated []bool, offs []int) {
		t.Helper()
		d.Reset(b)
		for d.Next() {
			var o app.Observation
			d.Observation(&o)
			if o.Period != d.Period() {
				t.Errorf("Period %v, observation's %v", d.Period(), o.Period)
			}
			obs, restated, offs = append(obs, o), append(restated, d.Restatement()), append(offs, d.Offset())
		}
		if err := d.Err(); err != nil {
			t.Fatal(err)
		}
		return obs, restated, offs
	}
	for bi, b := range encoded {
		obs, restated, offs := read(b)
		if len(obs) != len(blocks[bi]) {
			t.Fatalf("block %d: %d figures read, %d written", bi, len(obs), len(blocks[bi]))
		}
		for i, want := range blocks[bi] {
			if dumpObs(obs[i]) != dumpObs(want) {
				t.Errorf("block %d figure %d:\n got %s\nwant %s", bi, i, dumpObs(obs[i]), dumpObs(want))
			}
			if restated[i] != (i == 1) {
				t.Errorf("block %d figure %d: restatement %v", bi, i, restated[i])
			}
		}
		// Flip each figure's tag in turn: only that figure's changes.
		for i := range obs {
			for _, to := range []bool{true, false} {
				c := append([]byte(nil), b...)
				SetRestatement(c, offs[i], to)
				got, tags, _ := read(c)
				for j := range got {
					want := restated[j]
					if j == i {
						want = to
					}
					if tags[j] != want || dumpObs(got[j]) != dumpObs(obs[j]) {
						t.Errorf("block %d, figure %d set to %v: figure %d reads restatement %v, %s", bi, i, to, j, tags[j], dumpObs(got[j]))
					}
				}
			}
		}
	}
	b := encoded[0]
	d.Reset(b[:len(b)-1])
	for d.Next() {
	}
	if err := d.Err(); !errors.Is(err, errCorrupt) {
		t.Errorf("a block cut short: Err %v", err)
	}
}

// TestSeriesHistoryHandsOverSeries: what SeriesHistory adds to a History
// is what adding every version in import order gives, whether the blocks
// come in period order or overlap, revise or not; a series read in order
// and never revised is handed to the History as gathered, not copied
// (a long history's figures, 224 bytes each then, were copied twice); and the
// series gathered next, into a slice of its own, leaves the one handed
// over as it was.
func TestSeriesHistoryHandsOverSeries(t *testing.T) {
	month := func(m int) app.Period { return app.MonthOf(2024+(m-1)/12, time.Month((m-1)%12+1)) }
	fig := func(m int, v float64, imp string) app.Observation {
		return app.Observation{Ref: "CIC05", Area: "Kent", Period: month(m), Value: app.Float(v), Numerator: app.Float(v * 10), Denominator: app.Float(1000),
			Cell: fmt.Sprintf("Kent!%c5", 'C'+m%20), Import: imp}
	}
	// Each is a series' blocks, in import order.
	tests := []struct {
		name     string
		blocks   [][]app.Observation
		handed   bool
		restated []int // months restated by I0003 after its block
	}{
		{name: "one import, in order", handed: true,
			blocks: [][]app.Observation{{fig(1, 11.5, "I0001"), fig(2, 11.7, "I0001"), fig(3, 11.2, "I0001")}}},
		{name: "monthly files, apart", handed: true,
			blocks: [][]app.Observation{{fig(1, 11.5, "I0001"), fig(2, 11.7, "I0001")}, {fig(3, 11.2, "I0002"), fig(4, 10.9, "I0002")}}},
		{name: "a later file revises the month before",
			blocks: [][]app.Observation{{fig(1, 11.5, "I0001"), fig(2, 11.7, "I0001")}, {fig(2, 11.8, "I0002"), fig(3, 11.2, "I0002")}}},
		{name: "a file gives earlier months than the one before",
			blocks: [][]app.Observation{{fig(3, 11.2, "I0001"), fig(4, 10.9, "I0001")}, {fig(1, 11.5, "I0002"), fig(2, 11.7, "I0002")}}},
		{name: "files of years apart, newest imported first",
			blocks: [][]app.Observation{{fig(25, 9.5, "I0001"), fig(26, 9.7, "I0001")}, {fig(13, 10.5, "I0002"), fig(14, 10.7, "I0002")}, {fig(1, 11.5, "I0003"), fig(2, 11.7, "I0003")}}},
		{name: "a file of the years between two imported before",
			blocks: [][]app.Observation{{fig(1, 11.5, "I0001"), fig(2, 11.7, "I0001")}, {fig(25, 9.5, "I0002"), fig(26, 9.7, "I0002")}, {fig(13, 10.5, "I0003"), fig(14, 10.7, "I0003")}}},
		{name: "an earlier file's last month revised by a later file of the months before it",
			blocks: [][]app.Observation{{fig(14, 10.9, "I0001"), fig(15, 10.5, "I0001")}, {fig(13, 10.5, "I0002"), fig(14, 10.7, "I0002")}}},
		{name: "runs out of order, one of them revising a month twice",
			blocks: [][]app.Observation{{fig(25, 9.5, "I0001"), fig(26, 9.7, "I0001")}, {fig(1, 11.5, "I0002"), fig(2, 11.7, "I0002")}, {fig(2, 11.8, "I0003"), fig(3, 11.1, "I0003")}}},
		{name: "overlapping files, revised twice, restated", restated: []int{2},
			blocks: [][]app.Observation{{fig(2, 11.7, "I0001"), fig(3, 11.2, "I0001")}, {fig(1, 11.5, "I0002"), fig(2, 11.8, "I0002")}, {fig(2, 11.9, "I0003"), fig(4, 10.1, "I0003")}}},
	}
	key := app.SeriesKey{Ref: "CIC05", Area: "Kent"}
	other := app.SeriesKey{Ref: "CIC05", Area: "Thanet"}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := app.NewHistory()
			for _, b := range tc.blocks {
				for _, o := range b {
					want.Add(o)
				}
			}
			for _, m := range tc.restated {
				want.AddRestatement(key, month(m), "I0003")
			}
			h := app.NewHistory()
			sh := NewSeriesHistory(h)
			// A district's series of as many figures is read first, as
			// an indicator's areas come in turn: the slice made for the
			// next is its length.
			sh.Start(app.SeriesKey{Ref: "CIC05", Area: "Dartford"})
			for _, b := range tc.blocks {
				for _, o := range b {
					o.Area = "Dartford"
					sh.Add(o)
				}
			}
			sh.Start(key)
			for _, b := range tc.blocks {
				for _, o := range b {
					sh.Add(o)
				}
			}
			for _, m := range tc.restated {
				sh.Restated(month(m), "I0003")
			}
			gathered := unsafe.SliceData(sh.all)
			sh.Start(other)
			if got := unsafe.SliceData(h.Series(key)) == gathered; got != tc.handed {
				t.Errorf("series handed over as gathered: %v, want %v", got, tc.handed)
			}
			before := dumpSeries(h, key)
			// The next series, gathered and flushed, must not touch the one
			// handed over: it is the History's now.
			for m := 1; m <= 6; m++ {
				o := fig(m, 50+float64(m), "I0001")
				o.Area = "Thanet"
				sh.Add(o)
			}
			sh.Flush()
			if got := dumpSeries(h, key); got != before {
				t.Errorf("gathering the next series changed the one before:\n got %s\nwant %s", got, before)
			}
			if got, w := dumpSeries(h, key), dumpSeries(want, key); got != w {
				t.Errorf("series:\n got %s\nwant %s", got, w)
			}
			// The next series is longer than the one before, outgrowing
			// the slice made for it: the History holds it at its length,
			// not with the room its growth left.
			if s := h.Series(other); len(s) != 6 || cap(s)-len(s) > len(s)/8 {
				t.Errorf("the next series holds %d figures in room for %d, want 6 in about as many", len(s), cap(s))
			}
		})
	}
}

// dumpSeries is a series of h in words: each figure, its revisions and
// the imports that restated it.
func dumpSeries(h *app.History, k app.SeriesKey) string {
	var b strings.Builder
	for _, o := range h.Series(k) {
		fmt.Fprintf(&b, "%s revisions %d", dumpObs(o), len(h.Revisions(k, o.Period)))
		for _, r := range h.Revisions(k, o.Period) {
			fmt.Fprintf(&b, " [%s]", dumpObs(r))
		}
		fmt.Fprintf(&b, " restated by %v\n", h.Restated(k, o.Period))
	}
	return b.String()
}
