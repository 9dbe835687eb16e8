package postgres_test

import (
	"context"
	"path/filepath"
	"testing"

	"scorecard/app/store"
	"scorecard/app/store/postgres"
	"scorecard/app/store/postgres/pgtest"
	"scorecard/app/store/storetest"
)

// BenchmarkEngines times, for each engine, what issue 21 sets its speed
// targets on: importing the large history (234,000 observations, five
// years) into an empty store, and opening the store holding it and loading
// it whole. scripts/bench-pg.sh prints PostgreSQL's times as ratios to
// bbolt's.
func BenchmarkEngines(b *testing.B) {
	ds := storetest.Large(0)
	src := store.Source{Name: "large.xlsx", Kind: "workbook", SHA256: "large"}
	engines := []struct {
		name string
		dsn  func(b *testing.B) string
		open func(dsn string) (store.Store, error)
	}{
		{"bolt", func(b *testing.B) string { return filepath.Join(b.TempDir(), "scorecard.db") },
			func(dsn string) (store.Store, error) {
				s, err := store.Open(dsn)
				if err != nil {
					return nil, err
				}
				s.SetAutoBackups(0)
				return s, nil
			}},
		{"postgres", func(b *testing.B) string { return pgtest.DSN(b) },
			func(dsn string) (store.Store, error) {
				s, err := postgres.Open(context.Background(), dsn)
				if err != nil {
					return nil, err
				}
				return s, nil
			}},
	}
	for _, e := range engines {
		b.Run(e.name+"/import", func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				s, err := e.open(e.dsn(b))
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := s.Import(src, ds); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
		})
		b.Run(e.name+"/open+load", func(b *testing.B) {
			dsn := e.dsn(b)
			s, err := e.open(dsn)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := s.Import(src, ds); err != nil {
				b.Fatal(err)
			}
			s.Close()
			for b.Loop() {
				s, err := e.open(dsn)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.Load(); err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
	}
}
