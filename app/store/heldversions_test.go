package store

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"scorecard/app"
)

// TestLatestVersionCompared: a figure is a restatement when it says what
// its period's latest version says, however many imports gave the period
// before and in whatever order their blocks hold it, and a revision
// otherwise; a figure the dataset gives twice is compared by its later
// statement.
func TestLatestVersionCompared(t *testing.T) {
	m := func(n int) app.Period { return app.MonthOf(2025, time.Month(n)) }
	fig := func(month int, v float64) app.Observation {
		return app.Observation{Ref: "CIC05", Area: app.Kent, Period: m(month), Value: app.Float(v)}
	}
	imports := []struct {
		name  string
		obs   []app.Observation
		added int // versions added, of which revisions
		revs  int
	}{
		{"jan-mar", []app.Observation{fig(1, 1), fig(2, 2), fig(3, 3)}, 3, 0},
		// February revised and April added: the series' blocks now hold
		// two versions of February, the later in the later block.
		{"feb-apr", []app.Observation{fig(2, 20), fig(4, 4)}, 2, 1},
		// February as revised restates it; March moves; the rest restate.
		{"jan-apr", []app.Observation{fig(1, 1), fig(2, 20), fig(3, 30), fig(4, 4)}, 1, 1},
		// February's first figure again is a revision of the latest.
		{"feb-back", []app.Observation{fig(2, 2)}, 1, 1},
		// Given out of period order, and March twice: the later stands
		// and restates the latest.
		{"unordered", []app.Observation{fig(4, 4), fig(3, 31), fig(1, 1), fig(2, 2), fig(3, 30)}, 0, 0},
		{"march-again", []app.Observation{fig(3, 3)}, 1, 1},
	}
	s := openTemp(t)
	for _, imp := range imports {
		rec := mustImport(t, s, imp.name, &app.Dataset{Observations: imp.obs})
		if rec.Counts.Observations != imp.added || rec.Counts.Revisions != imp.revs {
			t.Errorf("%s added %d versions, %d revisions; want %d, %d", imp.name, rec.Counts.Observations, rec.Counts.Revisions, imp.added, imp.revs)
		}
	}
}

// TestRestatementRule: a figure given again is a restatement exactly
// when app.Observation.Restates says so of it and the version stored,
// whether the two are encoded alike or not: NaN and infinities, which
// the rule holds apart from themselves, negative zero, rates kept to the
// bit, values within the rule's tolerance, statuses, stand-in marks and
// components.
func TestRestatementRule(t *testing.T) {
	f := app.Float
	type figs struct {
		v, n, d *float64
		status  app.Status
		standIn bool
	}
	third := 1.0 / 3
	tests := []struct {
		name        string
		stored, now figs
	}{
		{"a count", figs{v: f(12)}, figs{v: f(12)}},
		{"a count moved", figs{v: f(12)}, figs{v: f(13)}},
		{"a rate of one place", figs{v: f(53.2)}, figs{v: f(53.2)}},
		{"a rate to the bit", figs{v: f(third)}, figs{v: f(third)}},
		{"within the tolerance", figs{v: f(0.1 * 3)}, figs{v: f(0.3)}},
		{"NaN", figs{v: f(math.NaN())}, figs{v: f(math.NaN())}},
		{"infinity", figs{v: f(math.Inf(1))}, figs{v: f(math.Inf(1))}},
		{"a NaN numerator", figs{v: f(5), n: f(math.NaN()), d: f(10)}, figs{v: f(5), n: f(math.NaN()), d: f(10)}},
		{"negative zero", figs{v: f(math.Copysign(0, -1))}, figs{v: f(math.Copysign(0, -1))}},
		{"zero after negative zero", figs{v: f(math.Copysign(0, -1))}, figs{v: f(0)}},
		{"no value", figs{status: app.Suppressed}, figs{status: app.Suppressed}},
		{"status changed", figs{v: f(4), status: app.LowReliability}, figs{v: f(4)}},
		{"stand-in mark changed", figs{v: f(4), standIn: true}, figs{v: f(4)}},
		{"components the same", figs{v: f(50), n: f(1), d: f(2)}, figs{v: f(50), n: f(1), d: f(2)}},
		{"components moved", figs{v: f(50), n: f(1), d: f(2)}, figs{v: f(50), n: f(2), d: f(4)}},
		{"components dropped", figs{v: f(50), n: f(1), d: f(2)}, figs{v: f(50)}},
		{"components added", figs{v: f(50)}, figs{v: f(50), n: f(1), d: f(2)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ob := func(g figs) app.Observation {
				return app.Observation{Ref: "CIC05", Area: app.Kent, Period: app.MonthOf(2025, 1), Value: g.v, Numerator: g.n,
					Denominator: g.d, Status: g.status, StandIn: g.standIn, Cell: "CIC!H12"}
			}
			stored, now := ob(tt.stored), ob(tt.now)
			s := openTemp(t)
			mustImport(t, s, "first", &app.Dataset{Observations: []app.Observation{stored}})
			rec := mustImport(t, s, "second", &app.Dataset{Observations: []app.Observation{now}})
			want := 1
			if now.Restates(stored) {
				want = 0
			}
			if rec.Counts.Observations != want {
				t.Errorf("added %d versions, want %d (Restates says %v)", rec.Counts.Observations, want, want == 0)
			}
		})
	}
}

// TestBlockSkimmer: skimming a block finds what reading it finds (each
// entry's period, figure flags, numbers and status, and where it is
// malformed), for a block cut short anywhere and with any byte changed.
func TestBlockSkimmer(t *testing.T) {
	obs := []app.Observation{
		{Period: app.MonthOf(2024, 11), Value: app.Float(127), Cell: "Ashford!J7"},
		{Period: app.MonthOf(2024, 12), Value: app.Float(46.3087248322), Numerator: app.Float(0), Denominator: app.Float(-3), Cell: "Ashford!K7"},
		{Period: app.MonthOf(2025, 1), Value: app.Float(math.Copysign(0, -1)), Cell: "Ashford!L7"},
		{Period: app.MonthOf(2025, 3), Value: app.Float(math.NaN()), Status: app.Suppressed, Raw: "[c]", Cell: "Ashford!N7"},
		{Period: app.MonthOf(2025, 4), Value: app.Float(math.Inf(-1)), Status: app.Suppressed, Raw: "[c]", Cell: "Ashford!O7"},
		{Period: app.MonthOf(2025, 5), Value: app.Float(-12.3456), StandIn: true, Cell: "Other!A1"},
		{Period: app.Period{Kind: app.FinancialYear, Year: 2025}, Status: app.LowReliability, Cell: "line 9"},
	}
	var enc blockEncoder
	for i := range obs {
		enc.add(&obs[i], i == 2)
	}
	type read struct {
		entries []string
		bad     bool
	}
	viaReader := func(b []byte) read {
		var got read
		r := newBlockReader(b)
		for r.next() {
			f := r.e.figures()
			got.entries = append(got.entries, fmt.Sprintf("%x %x %v %q", r.e.pkey, r.e.flags&figureFlags, f.floats, f.status))
		}
		got.bad = r.bad
		return got
	}
	viaSkimmer := func(b []byte) read {
		var got read
		s := blockSkimmer{b: b}
		for s.next() {
			h := s.f
			h.flags &= figureFlags
			f := h.figures(b)
			got.entries = append(got.entries, fmt.Sprintf("%x %x %v %q", h.pkey, h.flags, f.floats, f.status))
			finite := !slices.ContainsFunc(f.floats[:], func(x float64) bool { return math.IsNaN(x) || math.IsInf(x, 0) })
			if s.f.finite != finite {
				t.Errorf("% x: entry %d finite %v, want %v", b, len(got.entries), s.f.finite, finite)
			}
		}
		got.bad = s.bad
		return got
	}
	check := func(b []byte) {
		t.Helper()
		if want, got := viaReader(b), viaSkimmer(b); !reflect.DeepEqual(got, want) {
			t.Fatalf("% x:\nskimmed %v\n   read %v", b, got, want)
		}
	}
	check(enc.b)
	if got := viaSkimmer(enc.b); len(got.entries) != len(obs) || got.bad {
		t.Fatalf("skimmed %d entries (bad %v), want %d", len(got.entries), got.bad, len(obs))
	}
	for n := range len(enc.b) {
		check(enc.b[:n])
	}
	for i := range enc.b {
		for _, x := range []byte{0, 1, 5, 6, 0x7f, 0x80, 0xff, enc.b[i] ^ 1, enc.b[i] ^ 3, enc.b[i] ^ 0x20} {
			b := bytes.Clone(enc.b)
			b[i] = x
			check(b)
		}
	}
}
