package store

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

func writeFile(path string, data []byte) error { return os.WriteFile(path, data, 0o600) }

func openTemp(t testing.TB) *Bolt {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "data", "scorecard.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustImport(t testing.TB, s *Bolt, name string, ds *app.Dataset) app.Import {
	t.Helper()
	rec, err := s.Import(Source{Name: name, Kind: "workbook", SHA256: "sha-" + name}, ds)
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	return rec
}

func mustLoad(t testing.TB, s *Bolt) *app.History {
	t.Helper()
	h, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestRoundTrip imports every kind of record and checks that Load gives
// each back as it went in, tagged with the import.
func TestRoundTrip(t *testing.T) {
	cla := claDataset(t)
	mar := monthly(months(app.MonthOf(2025, 3), 3), 0)
	for _, tc := range []struct {
		name string
		ds   *app.Dataset
	}{
		{"DfE children looked after", cla},
		{"monthly scorecard", mar},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			warn := []app.Warning{{Location: app.Location{File: "x.xlsx", Sheet: "CIC", Cell: "H12"}, Message: "percentage above 100"}}
			rec, err := s.Import(Source{Name: "x.xlsx", Kind: "workbook", SHA256: "abc", Note: "KCC monthly", Warnings: warn}, tc.ds)
			if err != nil {
				t.Fatal(err)
			}
			want := app.Counts{Indicators: len(tc.ds.Indicators), Observations: len(tc.ds.Observations), Targets: len(tc.ds.Targets),
				Benchmarks: len(tc.ds.Benchmarks), Breakdowns: len(tc.ds.Breakdowns), Comments: len(tc.ds.Comments), Warnings: 1}
			if rec.ID != "I0001" || rec.Counts != want || rec.Source != "x.xlsx" || rec.Note != "KCC monthly" || rec.Time.IsZero() {
				t.Fatalf("import record = %+v, want ID I0001 and counts %+v", rec, want)
			}
			h := mustLoad(t, s)
			if !reflect.DeepEqual(h.Imports, []app.Import{rec}) {
				t.Errorf("History.Imports = %+v, want [%+v]", h.Imports, rec)
			}
			recs, err := s.Imports()
			if err != nil || !reflect.DeepEqual(recs, []app.Import{rec}) {
				t.Errorf("Imports() = %+v, %v", recs, err)
			}
			if got := h.Indicators(); !reflect.DeepEqual(got, tc.ds.Indicators) {
				t.Errorf("indicators:\n got %+v\nwant %+v", got, tc.ds.Indicators)
			}
			n := 0
			for _, k := range h.Keys() {
				for _, o := range h.Series(k) {
					n++
					if o.Import != rec.ID || o.Revision != 0 {
						t.Fatalf("%s %s: import %q revision %d", k, o.Period, o.Import, o.Revision)
					}
				}
			}
			if n != len(tc.ds.Observations) {
				t.Errorf("loaded %d observations, imported %d", n, len(tc.ds.Observations))
			}
			for _, o := range tc.ds.Observations {
				got, ok := h.Observation(o.Key(), o.Period)
				o.Import = rec.ID
				if !ok || !reflect.DeepEqual(got, o) {
					t.Fatalf("observation %s %s:\n got %+v\nwant %+v", o.Key(), o.Period, got, o)
				}
			}
			for _, want := range tc.ds.Targets {
				want.Import = rec.ID
				ind, _ := h.Indicator(want.Ref)
				got, ok := h.TargetFor(ind, want.Year.Add(0))
				if !ok || !reflect.DeepEqual(got, want) {
					t.Errorf("target %s %s: got %+v, want %+v", want.Ref, want.Year, got, want)
				}
			}
			var benchmarks []app.Benchmark
			for _, ind := range h.Indicators() {
				benchmarks = append(benchmarks, h.Benchmarks(ind.Ref)...)
			}
			if len(benchmarks) != len(tc.ds.Benchmarks) {
				t.Errorf("loaded %d benchmarks, imported %d", len(benchmarks), len(tc.ds.Benchmarks))
			}
			for _, want := range tc.ds.Benchmarks {
				want.Import = rec.ID
				if !slices.ContainsFunc(benchmarks, func(b app.Benchmark) bool { return reflect.DeepEqual(b, want) }) {
					t.Errorf("benchmark %+v not loaded", want)
				}
			}
			if len(h.Breakdowns()) != len(tc.ds.Breakdowns) {
				t.Errorf("loaded %d breakdowns, imported %d", len(h.Breakdowns()), len(tc.ds.Breakdowns))
			}
			for _, want := range tc.ds.Breakdowns {
				want.Import = rec.ID
				if !slices.Contains(h.Breakdowns(), want) {
					t.Errorf("breakdown %+v not loaded", want)
				}
			}
			for _, want := range tc.ds.Comments {
				want.Import = rec.ID
				if got, ok := h.Comment(want.Ref, want.Area, want.Period); !ok || got != want {
					t.Errorf("comment: got %+v, want %+v", got, want)
				}
			}
		})
	}
}

// TestRealFigures checks the figures members quote survive the store
// exactly: Kent's 1,896 children in care on 31 March 2025, rate 53 per
// 10,000, and England's 67 beside it.
func TestRealFigures(t *testing.T) {
	s := openTemp(t)
	mustImport(t, s, "cla.csv", claDataset(t))
	h := mustLoad(t, s)
	y2025 := app.Period{Kind: app.CalendarYear, Year: 2025}
	o, ok := h.Observation(app.SeriesKey{Ref: "CLA01", Area: app.Kent}, y2025)
	if !ok || *o.Numerator != 1896 || *o.Value != 53 || *o.Denominator != 355390 {
		t.Errorf("Kent CLA01 2025 = %+v, want 1896 of 355390, rate 53", o)
	}
	if s := h.Series(app.SeriesKey{Ref: "CLA01", Area: app.Kent}); len(s) != 5 || s[0].Period.Year != 2021 {
		t.Errorf("Kent CLA01 series = %s, want 2021 to 2025", showSeries(s))
	}
	bs := h.Benchmarks("CLA01")
	if len(bs) != 5 || bs[4].Period != y2025 || *bs[4].Value != 67 || bs[4].Group != "England" {
		t.Errorf("CLA01 benchmarks = %+v, want England 2025 rate 67 last of 5", bs)
	}
}

// TestRevision re-issues February with March's file: figures that moved
// are revisions, kept beside the latest; figures that did not move add
// nothing.
func TestRevision(t *testing.T) {
	s := openTemp(t)
	febData := monthly(months(app.MonthOf(2025, 2), 2), 0)
	feb := mustImport(t, s, "feb.xlsx", febData)
	k := app.SeriesKey{Ref: "CIC05", Area: app.Kent}
	var old app.Observation
	for _, o := range febData.Observations {
		if o.Key() == k && o.Period == app.MonthOf(2025, 2) {
			old = o
		}
	}
	// The re-issued file revises Kent's CIC05 for February: one more child
	// with three placements.
	ds := monthly(months(app.MonthOf(2025, 3), 3), 0)
	for i, o := range ds.Observations {
		if o.Key() == k && o.Period == app.MonthOf(2025, 2) {
			ds.Observations[i].Numerator = app.Float(*o.Numerator + 1)
			ds.Observations[i].Value = app.Float(app.RoundTo(100**ds.Observations[i].Numerator / *o.Denominator, 1))
		}
	}
	mar := mustImport(t, s, "mar.xlsx", ds)
	// March adds its own month for every series, one revision, and the
	// commentary and breakdowns dated March; targets and definitions are
	// unchanged.
	series := len(ds.Observations) / 3
	want := app.Counts{Observations: series + 1, Revisions: 1, Comments: 4, Breakdowns: 3}
	if mar.Counts != want {
		t.Errorf("March counts = %+v, want %+v", mar.Counts, want)
	}
	h := mustLoad(t, s)
	got, _ := h.Observation(k, app.MonthOf(2025, 2))
	if *got.Numerator != *old.Numerator+1 || got.Import != mar.ID || got.Revision != 1 {
		t.Errorf("latest February = %+v, want numerator %v from %s, revision 1", got, *old.Numerator+1, mar.ID)
	}
	revs := h.Revisions(k, app.MonthOf(2025, 2))
	old.Import = feb.ID
	if len(revs) != 1 || !reflect.DeepEqual(revs[0], old) {
		t.Errorf("revisions = %s, want the February file's figure", showSeries(revs))
	}
	if r := h.Revisions(k, app.MonthOf(2025, 1)); r != nil {
		t.Errorf("January was not revised but has revisions %s", showSeries(r))
	}
	if o, _ := h.Observation(k, app.MonthOf(2025, 1)); o.Import != feb.ID {
		t.Errorf("January, restated unchanged, is from %s; want the file that first gave it, %s", o.Import, feb.ID)
	}
}

// TestReimport: the same file again adds nothing and says when it was
// first imported; another file saying the same adds an import that adds
// no records.
func TestReimport(t *testing.T) {
	s := openTemp(t)
	ds := monthly(months(app.MonthOf(2025, 3), 6), 0)
	first := mustImport(t, s, "mar.xlsx", ds)
	before := mustLoad(t, s)

	rec, err := s.Import(Source{Name: "mar copy.xlsx", SHA256: "sha-mar.xlsx"}, ds)
	if !errors.Is(err, ErrAlreadyImported) || !reflect.DeepEqual(rec, first) {
		t.Fatalf("same file again: %+v, %v; want %s and ErrAlreadyImported", rec, err, first.ID)
	}
	if !strings.Contains(err.Error(), first.ID) {
		t.Errorf("error %q does not name %s", err, first.ID)
	}
	sameHistory(t, "after refused re-import", before, mustLoad(t, s))

	again, err := s.Import(Source{Name: "mar-resaved.xlsx", SHA256: "other"}, ds)
	if err != nil {
		t.Fatal(err)
	}
	if again.Counts != (app.Counts{}) || again.ID != "I0002" {
		t.Errorf("identical figures from another file: %+v, want I0002 adding nothing", again)
	}
	after := mustLoad(t, s)
	after.Imports = before.Imports
	sameHistory(t, "after identical figures", before, after)
}

// TestEdit: a change made in the app is an import of its own that can be
// undone, restoring the figure file's commentary and target.
func TestEdit(t *testing.T) {
	s := openTemp(t)
	ds := monthly(months(app.MonthOf(2025, 3), 2), 0)
	mustImport(t, s, "mar.xlsx", ds)
	before := mustLoad(t, s)
	c := ds.Comments[0]
	c.Text = "Placement moves rose after two residential homes closed in Thanet."
	tg := ds.Targets[0]
	tg.Target = app.Float(9)
	edit, err := s.Import(Source{Name: "edit", Kind: "edit", Note: "CIC05 commentary and target"}, &app.Dataset{Comments: []app.Comment{c}, Targets: []app.Target{tg}})
	if err != nil {
		t.Fatal(err)
	}
	if edit.Counts != (app.Counts{Comments: 1, Targets: 1}) {
		t.Errorf("edit counts = %+v", edit.Counts)
	}
	h := mustLoad(t, s)
	if got, _ := h.Comment(c.Ref, c.Area, c.Period); got.Text != c.Text || got.Import != edit.ID {
		t.Errorf("comment after edit = %+v", got)
	}
	if _, err := s.Undo(edit.ID); err != nil {
		t.Fatal(err)
	}
	sameHistory(t, "after undoing the edit", before, mustLoad(t, s))
}

func TestSettings(t *testing.T) {
	s := openTemp(t)
	type mapping struct {
		Ref    string
		Column string
	}
	var m mapping
	if ok, err := s.Get("csv-mappings", "lait", &m); ok || err != nil {
		t.Fatalf("Get before Put = %v, %v", ok, err)
	}
	if keys, err := s.Keys("csv-mappings"); len(keys) != 0 || err != nil {
		t.Fatalf("Keys of a new bucket = %v, %v", keys, err)
	}
	for _, k := range []string{"lait", "dfe-cla", "annex-a"} {
		if err := s.Put("csv-mappings", k, mapping{Ref: "CLA01", Column: k + " rate"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Put("csv-mappings", "lait", mapping{Ref: "CIC05", Column: "Value"}); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.Get("csv-mappings", "lait", &m); !ok || err != nil || m != (mapping{"CIC05", "Value"}) {
		t.Errorf("Get = %+v, %v, %v", m, ok, err)
	}
	if keys, _ := s.Keys("csv-mappings"); !slices.Equal(keys, []string{"annex-a", "dfe-cla", "lait"}) {
		t.Errorf("Keys = %v", keys)
	}
	if err := s.Delete("csv-mappings", "dfe-cla"); err != nil {
		t.Fatal(err)
	}
	if keys, _ := s.Keys("csv-mappings"); !slices.Equal(keys, []string{"annex-a", "lait"}) {
		t.Errorf("Keys after Delete = %v", keys)
	}
	var n int
	if _, err := s.Get("csv-mappings", "lait", &n); err == nil {
		t.Error("Get into the wrong type gave no error")
	}
	// Settings are not imports: undo and Load do not see them.
	if h := mustLoad(t, s); len(h.Imports) != 0 {
		t.Errorf("settings made imports: %+v", h.Imports)
	}
}

// TestConcurrent has the window's goroutines read and write at once.
func TestConcurrent(t *testing.T) {
	s := openTemp(t)
	var wg sync.WaitGroup
	errs := make(chan error, 4*(1+5*2))
	for i := range 4 {
		wg.Go(func() {
			last := app.MonthOf(2025, time.Month(i+1))
			_, err := s.Import(Source{Name: last.String(), SHA256: last.String()}, monthly(months(last, 3), float64(i)))
			errs <- err
		})
		wg.Go(func() {
			for range 5 {
				_, err := s.Load()
				errs <- err
				errs <- s.Put("window", "layout", map[string]int{"width": 1280 + i})
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	recs, _ := s.Imports()
	if len(recs) != 4 {
		t.Errorf("%d imports, want 4", len(recs))
	}
	if h := mustLoad(t, s); h.Latest() != app.MonthOf(2025, 4) {
		t.Errorf("latest month %s, want 2025-04", h.Latest())
	}
}

func TestObservationEncoding(t *testing.T) {
	for _, o := range []app.Observation{
		{},
		{Value: app.Float(11.7), Numerator: app.Float(221), Denominator: app.Float(1896)},
		{Value: app.Float(0), Numerator: app.Float(0)},
		{Status: app.Suppressed, Raw: "[c]", Rule: "UASC on the snapshot date", Cell: "CIC!H12"},
		{Value: app.Float(-3.25e-7), StandIn: true, SourceArrow: app.Across, SourceRAG: app.Green, Raw: "é"},
		{Status: app.CannotExclude, Raw: "median: cannot exclude UASC"},
	} {
		var got app.Observation
		v := encodeObservation(&o)
		if v[0] != tagVersion {
			t.Fatalf("encoded %+v untagged: % x", o, v)
		}
		if err := newObservationDecoder().decode(v[1:], &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, o) {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, o)
		}
	}
	if err := newObservationDecoder().decode([]byte{hasValue, 1, 2}, new(app.Observation)); !errors.Is(err, errCorrupt) {
		t.Errorf("short value decoded: %v", err)
	}
}

func TestKeyText(t *testing.T) {
	s := openTemp(t)
	_, err := s.Import(Source{Name: "bad.csv"}, &app.Dataset{Observations: []app.Observation{{Ref: "CIC\x0005", Area: app.Kent, Period: app.MonthOf(2025, 3)}}})
	if err == nil || !strings.Contains(err.Error(), "bad.csv") {
		t.Errorf("a ref holding NUL: %v", err)
	}
	if recs, _ := s.Imports(); len(recs) != 0 {
		t.Errorf("failed import was recorded: %+v", recs)
	}
}

// TestIndicatorSupplemented: a CSV that only names CIC05 keeps the
// scorecard's definition, in the store as in a History, and undoing the
// scorecard leaves the CSV's bare one.
func TestIndicatorSupplemented(t *testing.T) {
	full := app.Indicator{Ref: "CIC05", Name: "Children in care with 3+ placements", Section: "Children in Care",
		Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, DataPeriod: app.Rolling12, Measure: app.Proportion,
		Guidance: "Children in care on the last day with three or more placements in the year"}
	bare := app.Indicator{Ref: "CIC05", Name: "CIC05"}
	s := openTemp(t)
	first := mustImport(t, s, "scorecard.xlsx", &app.Dataset{Indicators: []app.Indicator{{Ref: "SEND01", Name: "EHCPs in 20 weeks", YearType: app.AcademicYear}, full}})
	mustImport(t, s, "tidy.csv", &app.Dataset{Indicators: []app.Indicator{bare}})
	h := mustLoad(t, s)
	if got, _ := h.Indicator("CIC05"); !reflect.DeepEqual(got, full) {
		t.Errorf("after the CSV: %+v\nwant %+v", got, full)
	}
	if inds := h.Indicators(); len(inds) != 2 || inds[0].Ref != "SEND01" {
		t.Errorf("order %+v, want SEND01 first", inds)
	}
	csvFirst := openTemp(t)
	mustImport(t, csvFirst, "scorecard.xlsx", &app.Dataset{Indicators: []app.Indicator{full}})
	csv := mustImport(t, csvFirst, "tidy.csv", &app.Dataset{Indicators: []app.Indicator{bare}})
	if _, err := csvFirst.Undo(csv.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := mustLoad(t, csvFirst).Indicator("CIC05"); !reflect.DeepEqual(got, full) {
		t.Errorf("after undoing the CSV: %+v, want %+v", got, full)
	}
	if _, err := s.Undo(first.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := mustLoad(t, s).Indicator("CIC05"); !reflect.DeepEqual(got, bare) {
		t.Errorf("after undoing the scorecard: %+v, want %+v", got, bare)
	}
}

// workbookOrder returns ds with its observations in the order a workbook
// gives them, a sheet per area and a column per month, which is not the
// store's key order.
func workbookOrder(ds *app.Dataset) *app.Dataset {
	c := *ds
	c.Observations = slices.Clone(ds.Observations)
	slices.SortStableFunc(c.Observations, func(a, b app.Observation) int {
		return cmp.Or(cmp.Compare(a.Area, b.Area), a.Period.Compare(b.Period), cmp.Compare(a.Ref, b.Ref))
	})
	return &c
}

// TestImportAnyOrder: records given out of key order, one of them twice,
// load as the same records given in order, the later statement standing.
func TestImportAnyOrder(t *testing.T) {
	ds := monthly(months(app.MonthOf(2025, 3), 6), 0)
	again := ds.Observations[len(ds.Observations)/3]
	again.Value, again.Numerator = app.Float(*again.Value+1), nil
	mixed := workbookOrder(ds)
	mixed.Observations = append(mixed.Observations, again)
	slices.Reverse(mixed.Indicators)

	ordered := slices.Clone(ds.Observations)
	for i, o := range ordered {
		if o.Key() == again.Key() && o.Period == again.Period {
			ordered[i] = again
		}
	}
	want := openTemp(t)
	wantRec := mustImport(t, want, "ordered.xlsx", &app.Dataset{Indicators: slices.Clone(mixed.Indicators), Observations: ordered, Targets: ds.Targets, Benchmarks: ds.Benchmarks, Breakdowns: ds.Breakdowns, Comments: ds.Comments})
	got := openTemp(t)
	gotRec := mustImport(t, got, "mixed.xlsx", mixed)
	if gotRec.Counts != wantRec.Counts {
		t.Errorf("counts %+v, want %+v", gotRec.Counts, wantRec.Counts)
	}
	h := mustLoad(t, got)
	h.Imports = nil
	w := mustLoad(t, want)
	w.Imports = nil
	sameHistory(t, "out of order", w, h)
}

// TestOperatorRecorded: each import records who made it and on which
// computer, and an undo who undid it, as Imports reads them back.
func TestOperatorRecorded(t *testing.T) {
	officer, machine := Operator()
	if officer == "" || machine == "" {
		t.Skip("this system names no user or no host")
	}
	s := openTemp(t)
	rec := mustImport(t, s, "jan.xlsx", smallMonthly(0))
	if rec.Officer != officer || rec.Machine != machine {
		t.Errorf("import by %q on %q, want %q on %q", rec.Officer, rec.Machine, officer, machine)
	}
	if _, err := s.Undo(rec.ID); err != nil {
		t.Fatal(err)
	}
	recs, err := s.Imports()
	if err != nil || len(recs) != 1 {
		t.Fatalf("imports %+v, %v", recs, err)
	}
	if r := recs[0]; r.Officer != officer || r.Machine != machine || r.UndoneBy != officer {
		t.Errorf("stored import by %q on %q, undone by %q; want %q on %q, undone by %q", r.Officer, r.Machine, r.UndoneBy, officer, machine, officer)
	}
}

// TestEncodedInParts: a large import's blocks are encoded by several
// goroutines at once (encodeInParallel); the store they write, counts,
// blocks and history, is the one a single goroutine writes, into a fresh
// store and into one holding the figures before (revisions, restatements
// and new months among them).
func TestEncodedInParts(t *testing.T) {
	first := gridDataset(20, 60, app.MonthOf(2025, 3), 0)
	next := gridDataset(20, 61, app.MonthOf(2025, 4), 0) // a month more
	for i := 0; i < len(next.Observations); i += 997 {
		next.Observations[i].Value = app.Float(*next.Observations[i].Value + 0.1)
	}
	if n := len(first.Observations); n < 4*minObsPerEncoder {
		t.Fatalf("the dataset has %d figures: too few to be encoded in parts", n)
	}
	write := func(procs int) (counts []app.Counts, blocks, history string) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		s := openTemp(t)
		for i, ds := range []*app.Dataset{first, next} {
			counts = append(counts, mustImport(t, s, fmt.Sprintf("file%d.xlsx", i), ds).Counts)
		}
		var b strings.Builder
		err := s.db.View(func(tx *bolt.Tx) error {
			return tx.Bucket(kindBuckets[kindObservation]).ForEach(func(k, v []byte) error {
				fmt.Fprintf(&b, "%q=%x\n", k, v)
				return nil
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		// The stores differ only in when their imports were made.
		history = regexp.MustCompile(`(?m)^( *Time: ).*$`).ReplaceAllString(dumpHistory(mustLoad(t, s)), "$1")
		return counts, b.String(), history
	}
	oneCounts, oneBlocks, oneHistory := write(1)
	if oneCounts[1].Revisions == 0 || oneCounts[1].Observations == 0 {
		t.Fatalf("second import counts %+v: the test needs revisions", oneCounts[1])
	}
	for _, procs := range []int{2, 3} {
		counts, blocks, history := write(procs)
		if !reflect.DeepEqual(counts, oneCounts) {
			t.Errorf("%d encoders: counts %+v, want %+v", procs, counts, oneCounts)
		}
		if blocks != oneBlocks {
			t.Errorf("%d encoders: the blocks differ from one encoder's", procs)
		}
		if history != oneHistory {
			t.Errorf("%d encoders: the history differs from one encoder's", procs)
		}
	}
}

// TestPageSizes: a store laid out with bbolt's default 4 KiB pages, as
// every store before 16 KiB pages was, keeps them, and imports and
// reads back just as a new store does.
func TestPageSizes(t *testing.T) {
	jan := monthly(months(app.MonthOf(2025, 1), 3), 0)
	feb := monthly(months(app.MonthOf(2025, 2), 3), 1)
	var hs []*app.History
	for _, size := range []int{4096, newStorePageSize} {
		path := filepath.Join(t.TempDir(), "scorecard.db")
		old, err := open(path, 0o600, &bolt.Options{Timeout: lockTimeout, PageSize: size})
		if err != nil {
			t.Fatal(err)
		}
		old.Close()
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		mustImport(t, s, "jan.xlsx", jan)
		mustImport(t, s, "feb.xlsx", feb)
		if got := s.db.Info().PageSize; got != size {
			t.Errorf("store laid out with %d-byte pages has %d-byte pages", size, got)
		}
		hs = append(hs, mustLoad(t, s))
		s.Close()
	}
	for i := range hs {
		hs[i].Imports = nil // their times differ
	}
	sameHistory(t, "4 KiB pages against 16 KiB", hs[1], hs[0])
}
