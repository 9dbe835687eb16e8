package postgres_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/app/store/postgres"
	"scorecard/app/store/storetest"
)

// TestInOneIsAllOrNothing: what InOne's Store writes is seen through it
// at once, by others only after it commits, and not at all when fn fails.
func TestInOneIsAllOrNothing(t *testing.T) {
	s := open(t)
	months := storetest.Months(app.MonthOf(2025, time.March), 12)
	failed := errors.New("interrupted")
	err := s.InOne(context.Background(), func(in *postgres.Store) error {
		for i, name := range []string{"January.xlsx", "February.xlsx"} {
			if _, err := in.Import(store.Source{Name: name}, storetest.Monthly(months, float64(i))); err != nil {
				return err
			}
		}
		if err := in.Put("settings", "k", "v"); err != nil {
			return err
		}
		if recs, err := in.Imports(); err != nil || len(recs) != 2 {
			t.Errorf("within the transaction: %d imports (%v), want 2", len(recs), err)
		}
		if recs, err := s.Imports(); err != nil || len(recs) != 0 {
			t.Errorf("outside it before the commit: %d imports (%v), want 0", len(recs), err)
		}
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("InOne returned %v, want fn's error", err)
	}
	recs, err := s.Imports()
	if err != nil || len(recs) != 0 {
		t.Fatalf("after fn failed the store holds %d imports (%v), want none", len(recs), err)
	}
	if found, err := s.Get("settings", "k", new(string)); found || err != nil {
		t.Fatalf("after fn failed a setting it put is there (%v)", err)
	}
	err = s.InOne(context.Background(), func(in *postgres.Store) error {
		_, err := in.Import(store.Source{Name: "January.xlsx"}, storetest.Monthly(months, 0))
		return err
	})
	if recs, _ := s.Imports(); err != nil || len(recs) != 1 {
		t.Fatalf("after fn succeeded: %v, %d imports, want 1", err, len(recs))
	}
}

// TestSnapshotIgnoresLaterImports: a Snapshot reads the store as it stood
// when it began, whatever a colleague imports meanwhile.
func TestSnapshotIgnoresLaterImports(t *testing.T) {
	s := open(t)
	months := storetest.Months(app.MonthOf(2025, time.March), 12)
	if _, err := s.Import(store.Source{Name: "January.xlsx"}, storetest.Monthly(months, 0)); err != nil {
		t.Fatal(err)
	}
	err := s.Snapshot(context.Background(), func(snap *postgres.Store) error {
		before, err := snap.Load()
		if err != nil {
			return err
		}
		if _, err := s.Import(store.Source{Name: "February.xlsx"}, storetest.Monthly(months, 1)); err != nil {
			return err
		}
		recs, err := snap.Imports()
		if err != nil || len(recs) != 1 {
			t.Errorf("the snapshot holds %d imports after a colleague's (%v), want 1", len(recs), err)
		}
		after, err := snap.Load()
		if err != nil {
			return err
		}
		storetest.Equivalent(t, before, after)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if recs, _ := s.Imports(); len(recs) != 2 {
		t.Fatalf("the store holds %d imports, want 2", len(recs))
	}
}
