package main

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestShowReadsOneIndicator checks show, reading one indicator's records,
// says byte for byte what it says from the whole store, for every demo
// indicator, in each area, excluding UASC and not, and list the same
// from the definitions alone.
func TestShowReadsOneIndicator(t *testing.T) {
	db := demoStore(t)
	var inds []struct {
		Ref string `json:"ref"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "list", "--json")), &inds); err != nil || len(inds) == 0 {
		t.Fatalf("list --json: %d indicators, %v", len(inds), err)
	}
	runBoth := func(args ...string) (one, whole string, code int) {
		t.Helper()
		defer func(was bool) { showReadsOne = was }(showReadsOne)
		var out [2]bytes.Buffer
		var codes [2]int
		for i, readsOne := range []bool{true, false} {
			showReadsOne = readsOne
			var errOut bytes.Buffer
			codes[i] = run(append([]string{"--db", db}, args...), &out[i], &errOut)
			out[i].Write(errOut.Bytes())
		}
		if codes[0] != codes[1] {
			t.Errorf("scorecard %v: exit %d reading one indicator, %d reading the store", args, codes[0], codes[1])
		}
		return out[0].String(), out[1].String(), codes[0]
	}
	shown := 0
	for _, ind := range inds {
		// A district excluding UASC: a rate's district figures are proven
		// through a count indicator's (cohort's identities), so reading one
		// indicator alone once said "cannot be recomputed" where the export
		// gave the figure.
		for _, extra := range [][]string{nil, {"--exclude", "uasc"}, {"--area", "Ashford"}, {"--area", "Thanet", "--exclude", "uasc"}} {
			args := append([]string{"show", ind.Ref, "--json"}, extra...)
			one, whole, code := runBoth(args...)
			if one != whole {
				t.Errorf("scorecard %v reading one indicator differs from reading the store:\n%.600s\nwant\n%.600s", args, one, whole)
			}
			if code == 0 {
				shown++
			}
		}
	}
	if shown < len(inds) {
		t.Errorf("only %d of %d shows succeeded", shown, 4*len(inds))
	}
	if one, whole, _ := runBoth("show", "CIC05"); one != whole {
		t.Errorf("show CIC05 reading one indicator differs:\n%s\nwant\n%s", one, whole)
	}
}
