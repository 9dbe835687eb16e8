package store

import (
	"errors"
	"testing"

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
