package postgres_test

// This file is not built where it lies (testdata is outside the package):
// make.sh copies it into the postgres package of the Scorecard that
// writes schema 1 team stores, and runs it there.

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5"

	"scorecard/app/store/postgres"
	"scorecard/app/store/postgres/pgtest"
	"scorecard/app/store/storetest"
)

// TestGenSchema1 writes $SCHEMA1_OUT/schema1.jsonl.gz: every row of a
// team store that storetest.Script made, as {"table", "row"} lines, the
// row as the server's to_jsonb gives it.
func TestGenSchema1(t *testing.T) {
	out := os.Getenv("SCHEMA1_OUT")
	if out == "" {
		t.Skip("SCHEMA1_OUT is not set")
	}
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	storetest.Script(t, s)
	s.Close()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	f, err := os.Create(filepath.Join(out, "schema1.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	enc := json.NewEncoder(zw)
	for _, table := range []string{"imports", "observations", "records", "settings"} {
		rows, err := conn.Query(ctx, "SELECT to_jsonb(t)::text FROM "+table+" t ORDER BY to_jsonb(t)::text")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var row string
			if err := rows.Scan(&row); err != nil {
				t.Fatal(err)
			}
			if err := enc.Encode(struct {
				Table string          `json:"table"`
				Row   json.RawMessage `json:"row"`
			}{table, json.RawMessage(row)}); err != nil {
				t.Fatal(err)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
