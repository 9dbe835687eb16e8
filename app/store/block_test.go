package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// TestBlockEncoding writes observations of one series into a block and
// reads them back: every field, every kind of number, periods that
// follow one another and that do not, texts repeated and not.
func TestBlockEncoding(t *testing.T) {
	obs := []app.Observation{
		{Period: app.MonthOf(2024, 11), Value: app.Float(127), Cell: "Ashford!J7"},
		{Period: app.MonthOf(2024, 12), Value: app.Float(46.3087248322), Numerator: app.Float(0), Denominator: app.Float(-3), Cell: "Ashford!K7"},
		{Period: app.MonthOf(2025, 1), Value: app.Float(math.Copysign(0, -1)), Cell: "Ashford!L7"},
		{Period: app.MonthOf(2025, 3), Value: app.Float(math.NaN()), Status: app.Suppressed, Raw: "[c]", Rule: "UASC", Cell: "Ashford!N7"},
		{Period: app.MonthOf(2025, 4), Value: app.Float(1e300), Status: app.Suppressed, Raw: "[c]", Rule: "UASC", Cell: "Ashford!O7"},
		{Period: app.MonthOf(2025, 5), Value: app.Float(-12.3456), StandIn: true, SourceArrow: app.Across, SourceRAG: app.Green, Cell: "Other!A1"},
		{Period: app.MonthOf(2025, 6), Value: app.Float(0.1 + 0.2), Raw: "é", Cell: ""},
		{Period: app.Period{Kind: app.FinancialYear, Year: 2025}, Value: app.Float(float64(1 << 52)), Cell: "line 9"},
	}
	var enc blockEncoder
	for i := range obs {
		enc.add(&obs[i], i == 2)
	}
	r := newBlockReader(enc.b)
	d := newObservationDecoder()
	for i, want := range obs {
		if !r.next() {
			t.Fatalf("entry %d: block ends (bad %v)", i, r.bad)
		}
		if got := r.e.restatement(); got != (i == 2) {
			t.Errorf("entry %d: restatement %v", i, got)
		}
		var got app.Observation
		r.e.observation(d, &got)
		if dumpObs(got) != dumpObs(want) {
			t.Errorf("entry %d:\n got %s\nwant %s", i, dumpObs(got), dumpObs(want))
		}
		var pk []byte
		if !bytes.Equal(r.e.pkey[:], appendPeriod(pk, want.Period)) {
			t.Errorf("entry %d: period key % x", i, r.e.pkey)
		}
	}
	if r.next() || r.bad {
		t.Errorf("block goes on past its entries (bad %v)", r.bad)
	}
	for n := range len(enc.b) {
		r := newBlockReader(enc.b[:n])
		for r.next() {
		}
		if !r.bad && n > 0 && r.n == 0 {
			t.Errorf("a block cut to %d bytes read as empty", n)
		}
	}
}

// dumpObs renders an observation with its numbers' bits.
func dumpObs(o app.Observation) string {
	var b strings.Builder
	dumpValue(&b, reflect.ValueOf(o), 0)
	return b.String()
}

// TestLoadIndicatorChecksum changes one indicator's stored figures behind
// the store's back: reading that indicator alone is refused, naming it
// and the import, while another indicator still reads.
func TestLoadIndicatorChecksum(t *testing.T) {
	s := openTemp(t)
	mustImport(t, s, "jan.xlsx", smallMonthly(0))
	mustImport(t, s, "feb.xlsx", smallMonthly(1))
	var changed app.Area
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(kindBuckets[kindObservation])
		k, v := b.Cursor().Seek([]byte("SCS02\x00"))
		k = bytes.Clone(k)
		v = bytes.Clone(v)
		v[len(v)-1] ^= 1
		kr := keyReader{b: k}
		kr.text()
		changed = app.Area(kr.text())
		return b.Put(k, v)
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.LoadIndicator("SCS02")
	wantDamaged(t, "a changed figure of SCS02", err)
	for _, w := range []string{"SCS02", "I0001"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("%q does not say %s", err, w)
		}
	}
	// Reading another area's figures alone still proves every figure of
	// the indicator: the damage is not passed over.
	for _, area := range []app.Area{changed, "Thanet"} {
		if _, err := s.LoadIndicatorArea("SCS02", area); !errors.Is(err, ErrDamaged) {
			t.Errorf("LoadIndicatorArea(SCS02, %s) with %s's figure changed: %v", area, changed, err)
		}
	}
	if changed == "Thanet" {
		t.Fatal("the changed figure is Thanet's: the test reads no other area")
	}
	if _, err := s.LoadIndicator("CIC05"); err != nil {
		t.Errorf("another indicator: %v", err)
	}
	if _, err := s.LoadIndicatorArea("CIC05", "Thanet"); err != nil {
		t.Errorf("another indicator's area: %v", err)
	}
	if _, err := s.Load(); !strings.Contains(fmtErr(err), "damaged") {
		t.Errorf("Load of the damaged store: %v", err)
	}
	// A block dropped with its indicator's checksum still fails the
	// import's total.
	err = s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(kindBuckets[kindObservation])
		k, _ := b.Cursor().Seek([]byte("EH01\x00"))
		return b.Delete(bytes.Clone(k))
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadIndicator("EH01"); err == nil {
		t.Error("a dropped block of EH01 went unnoticed reading EH01")
	}
}

func fmtErr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestPeriodKeyStart checks a period's key starts with the month its
// Start gives, as the keys of schema 1 stores were written, for every
// kind and for numbers out of range.
func TestPeriodKeyStart(t *testing.T) {
	for kind := app.PeriodKind(0); kind <= 7; kind++ {
		for _, year := range []int{0, 1, 1989, 2025, 9999} {
			for n := -13; n <= 14; n++ {
				p := app.Period{Kind: kind, Year: year, N: n}
				s := p.Start()
				want := uint16(s.Year()*12 + int(s.Month()) - 1)
				if got := binary.BigEndian.Uint16(appendPeriod(nil, p)); got != want {
					t.Errorf("%+v: key starts at month %d, Start at %d", p, got, want)
				}
			}
		}
	}
}

// TestLoadIndicatorMissingChecksum removes the checksum one import keeps
// of one indicator: reading that indicator, or the whole store, is
// refused, since its figures can no longer be proved.
func TestLoadIndicatorMissingChecksum(t *testing.T) {
	s := openTemp(t)
	mustImport(t, s, "jan.xlsx", smallMonthly(0))
	mustImport(t, s, "feb.xlsx", smallMonthly(1))
	err := s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRefSums).Delete(refSumKey([]byte("EH01\x00"), 2))
	})
	if err != nil {
		t.Fatal(err)
	}
	for what, read := range map[string]func() error{
		"LoadIndicator": func() error { _, err := s.LoadIndicator("EH01"); return err },
		"Load":          func() error { _, err := s.Load(); return err },
	} {
		if err := read(); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "EH01 from import I0002 have no checksum") {
			t.Errorf("%s: %v", what, err)
		}
	}
	if _, err := s.LoadIndicator("CIC05"); err != nil {
		t.Errorf("another indicator: %v", err)
	}
}
