package postgres_test

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/jackc/pgx/v5"

	"scorecard/app"
	"scorecard/app/store"
	"scorecard/app/store/postgres"
	"scorecard/app/store/postgres/pgtest"
	"scorecard/app/store/storetest"
)

// schema1Store returns the URL of a database at schema 1 (a row per
// figure) holding testdata/schema1/schema1.jsonl.gz: the store that the
// Scorecard before series blocks made of storetest.Script (make.sh).
func schema1Store(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	s, err := postgres.OpenAtVersion(ctx, dsn, 1)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	f, err := os.Open("testdata/schema1/schema1.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var line struct {
			Table string          `json:"table"`
			Row   json.RawMessage `json:"row"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatal(err)
		}
		id := pgx.Identifier{line.Table}.Sanitize()
		if _, err := conn.Exec(ctx, "INSERT INTO "+id+" SELECT * FROM jsonb_populate_record(NULL::"+id+", $1::jsonb)", string(line.Row)); err != nil {
			t.Fatalf("restore a row of %s: %v", line.Table, err)
		}
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	var figures int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM observations").Scan(&figures); err != nil {
		t.Fatal(err)
	}
	if figures == 0 {
		t.Fatalf("the schema 1 fixture gave no figures (%d rows in all)", n)
	}
	return dsn
}

// TestMigrateSchema1: a team store of schema 1, a row per figure, migrates
// to series blocks and then holds what a store written now by the same
// changes holds: the same history, every import's records (restatements
// included), and the same results of undoing and importing afterwards.
func TestMigrateSchema1(t *testing.T) {
	ctx := context.Background()
	dsn := schema1Store(t)
	migrated, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer migrated.Close()
	var version int
	var left bool
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if err := conn.QueryRow(ctx, `SELECT max(version), to_regclass('observations') IS NOT NULL FROM schema_migrations`).Scan(&version, &left); err != nil {
		t.Fatal(err)
	}
	if version != 2 || left {
		t.Fatalf("after migrating: schema version %d, observations table left: %v", version, left)
	}
	fresh := open(t)
	storetest.Script(t, fresh)

	same := func(step string) {
		t.Helper()
		hf, err := fresh.Load()
		if err != nil {
			t.Fatal(err)
		}
		hm, err := migrated.Load()
		if err != nil {
			t.Fatalf("%s: load the migrated store: %v", step, err)
		}
		storetest.Equivalent(t, hf, hm)
		df, dm := dump(t, fresh), dump(t, migrated)
		if len(df) != len(dm) {
			t.Fatalf("%s: %d imports dumped against %d", step, len(df), len(dm))
		}
		for i := range df {
			if !reflect.DeepEqual(df[i], dm[i]) {
				t.Errorf("%s: import %d's records differ:\nwritten now %+v\nmigrated    %+v", step, i+1, df[i], dm[i])
			}
		}
		for _, ind := range hf.Indicators() {
			lf, err := fresh.LoadIndicator(ind.Ref)
			if err != nil {
				t.Fatal(err)
			}
			lm, err := migrated.LoadIndicator(ind.Ref)
			if err != nil {
				t.Fatal(err)
			}
			storetest.Equivalent(t, lf, lm)
		}
	}
	same("migrated")
	// Undoing what later imports restated depends on the restatements
	// the migration kept.
	for _, id := range []string{"I0003", "I0005"} {
		rf, errf := fresh.Undo(id)
		rm, errm := migrated.Undo(id)
		if (errf == nil) != (errm == nil) || rf.ID != rm.ID {
			t.Fatalf("undo %s: written now %v, migrated %v", id, errf, errm)
		}
		same("undo " + id)
	}
	src := store.Source{Name: "May scorecard.xlsx", Kind: "workbook", SHA256: "may"}
	ds := storetest.Monthly(storetest.Months(app.MonthOf(2025, 5), 4), 2)
	rf, err := fresh.Import(src, ds)
	if err != nil {
		t.Fatal(err)
	}
	rm, err := migrated.Import(src, ds)
	if err != nil {
		t.Fatal(err)
	}
	if rf.Counts != rm.Counts {
		t.Errorf("import after migrating counts %+v, written now %+v", rm.Counts, rf.Counts)
	}
	same("import")
}

// dump returns every import's records as the store's Dump gives them.
func dump(t *testing.T, s *postgres.Store) []*app.Dataset {
	t.Helper()
	var all []*app.Dataset
	err := s.Dump(func(_ app.Import, ds *app.Dataset) error {
		all = append(all, ds)
		return nil
	}, func(string, string, json.RawMessage) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	return all
}
