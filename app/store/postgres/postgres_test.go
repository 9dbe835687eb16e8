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

func open(t testing.TB) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestContract runs the engines' common contract against PostgreSQL.
func TestContract(t *testing.T) {
	storetest.Run(t, storetest.Options{RecordsOperator: true}, func(t *testing.T) store.Store { return open(t) })
}

// TestSameAsBolt gives both engines the same changes and compares what
// they load.
func TestSameAsBolt(t *testing.T) {
	pg := open(t)
	b, err := store.Open(filepath.Join(t.TempDir(), "scorecard.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	b.SetAutoBackups(0)
	storetest.Script(t, pg)
	storetest.Script(t, b)
	hp, err := pg.Load()
	if err != nil {
		t.Fatal(err)
	}
	hb, err := b.Load()
	if err != nil {
		t.Fatal(err)
	}
	storetest.Equivalent(t, hb, hp)
}
