package app

import (
	"fmt"
	"strings"
)

// KeepHeldBenchmarkYears re-dates the figures of an England or
// neighbours' column naming no year (Benchmark.Undated) to the year the
// store holds them for, where the column gives the store's figures for
// that earlier year and none else: a workbook's benchmark column left
// unchanged from month to month gives the same year's figures, though the
// importer's guess of its year moves on in the autumn (QA27a 1c: the same
// England 70 was stored for 2024/25 and again for 2025/26). A column with
// one figure differing from the year held, or with nothing held for an
// earlier year, keeps the guess. It returns a warning for each column
// re-dated, at its first figure. held reads the store's history of one
// indicator (a store's LoadIndicator).
func KeepHeldBenchmarkYears(ds *Dataset, file string, held func(ref string) (*History, error)) ([]Warning, error) {
	type column struct {
		group string
		year  Period
	}
	type reading struct {
		same, differ int
		earlier      Period // the year held that the column's figures repeat
		first        *Benchmark
	}
	cols := map[column]*reading{}
	var order []column
	// Each indicator's history is read once, its figures together: a
	// sheet gives England and the neighbours for every indicator, and a
	// reader may hold one indicator's history at a time.
	byRef := map[string][]int{}
	var refs []string
	for i := range ds.Benchmarks {
		if b := &ds.Benchmarks[i]; b.Undated {
			if _, ok := byRef[b.Ref]; !ok {
				refs = append(refs, b.Ref)
			}
			byRef[b.Ref] = append(byRef[b.Ref], i)
		}
	}
	for _, ref := range refs {
		h, err := held(ref)
		if err != nil {
			return nil, fmt.Errorf("the figures held for %s: %w", ref, err)
		}
		for _, i := range byRef[ref] {
			b := &ds.Benchmarks[i]
			k := column{b.Group, b.Period}
			rd := cols[k]
			if rd == nil {
				rd = &reading{}
				cols[k] = rd
				order = append(order, k)
			}
			// The latest year held for the group before the one guessed; a
			// figure held for the year guessed leaves the guess alone.
			var last *Benchmark
			for _, hb := range h.Benchmarks(b.Ref) {
				if hb.Group != b.Group || hb.Period.Kind != b.Period.Kind {
					continue
				}
				if hb.Period == b.Period {
					last = nil
					rd.differ++
					break
				}
				if hb.Period.Compare(b.Period) < 0 && (last == nil || hb.Period.Compare(last.Period) > 0) {
					hb := hb
					last = &hb
				}
			}
			if last == nil {
				continue
			}
			if eqPtr(last.Value, b.Value) && last.Status == b.Status && (rd.earlier.IsZero() || rd.earlier == last.Period) {
				rd.same++
				rd.earlier = last.Period
				if rd.first == nil {
					rd.first = b
				}
				continue
			}
			rd.differ++
		}
	}
	var warns []Warning
	for _, k := range order {
		rd := cols[k]
		if rd.same == 0 || rd.differ > 0 {
			continue
		}
		for i := range ds.Benchmarks {
			b := &ds.Benchmarks[i]
			if b.Undated && b.Group == k.group && b.Period == k.year {
				b.Period = rd.earlier
			}
		}
		f := rd.first
		loc := Location{File: file}
		loc.Sheet, loc.Cell, _ = strings.Cut(f.Source, "!")
		warns = append(warns, Warning{Location: loc, Message: fmt.Sprintf(
			"%s: the %s column names no year, and its figures are those the store holds for %s (%d the same, the first %s %s): read as %s's still, not as %s's; head the column with its year if they are %s's",
			f.Ref, k.group, rd.earlier.Label(), rd.same, f.Ref, benchWords(*f), rd.earlier.Label(), k.year.Label(), k.year.Label())})
	}
	return warns, nil
}

// benchWords writes a benchmark's figure, or its status.
func benchWords(b Benchmark) string {
	if b.Value != nil {
		s := FormatNumber(*b.Value, 4)
		return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	}
	return b.Status.String()
}
