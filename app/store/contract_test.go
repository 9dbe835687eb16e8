package store_test

import (
	"path/filepath"
	"testing"

	"scorecard/app/store"
	"scorecard/app/store/storetest"
)

// TestContract runs the engines' common contract against the bbolt engine.
func TestContract(t *testing.T) {
	storetest.Run(t, storetest.Options{RecordsOperator: true}, func(t *testing.T) store.Store {
		s, err := store.Open(filepath.Join(t.TempDir(), "scorecard.db"))
		if err != nil {
			t.Fatal(err)
		}
		s.SetAutoBackups(0)
		t.Cleanup(func() { s.Close() })
		return s
	})
}
