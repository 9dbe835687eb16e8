package views

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"scorecard/app"
	"scorecard/app/export"
	"scorecard/app/store"
)

// teamLike is a store that reads every indicator's history in one go, as
// the team store does (LoadEveryIndicator), counting how often the
// review reads an indicator at a time (a round trip each on PostgreSQL)
// and how often it reads them all.
type teamLike struct {
	store.Store
	one, every int
}

func (s *teamLike) LoadIndicator(ref string) (*app.History, error) {
	s.one++
	return s.Store.LoadIndicator(ref)
}

func (s *teamLike) LoadEveryIndicator() (*app.History, error) {
	s.every++
	return s.Store.Load()
}

// TestReviewReadsTheStoreOnce: the window's review of a file reads a
// team store's histories once for all its passes (store.ReviewHeld,
// which the command line's import calls too), not each indicator on its
// own for keeping held figures, rounded restatements and benchmark
// years (QA28 2: 64 s a file on a team store), and says what the same
// review of a single-user store says.
func TestReviewReadsTheStoreOnce(t *testing.T) {
	st := openStore(t)
	importDemo("file")(t, st)
	h, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	circulated := filepath.Join(t.TempDir(), "circulated.xlsx")
	if _, err := export.Write(context.Background(), circulated, h, export.Options{Suppress: 5}); err != nil {
		t.Fatal(err)
	}
	demo, err := filepath.Abs("testdata/demo.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, path string }{
		{"the demo again", demo},
		{"its suppressed export", circulated},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want, err := (storeBackend{st}).ReadFile(context.Background(), tt.path, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			team := &teamLike{Store: st}
			got, err := (storeBackend{team}).ReadFile(context.Background(), tt.path, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if team.one != 0 || team.every != 1 {
				t.Errorf("the review read %d indicators one at a time and every indicator %d times; want none one at a time, every one once", team.one, team.every)
			}
			msgs := func(ws []app.Warning) []string {
				var out []string
				for _, w := range ws {
					out = append(out, w.String())
				}
				return out
			}
			if !slices.Equal(msgs(got.Warnings), msgs(want.Warnings)) || len(got.Dataset.Observations) != len(want.Dataset.Observations) {
				t.Errorf("read once, the review says\n%q\n(%d figures), read an indicator at a time\n%q\n(%d figures)",
					msgs(got.Warnings), len(got.Dataset.Observations), msgs(want.Warnings), len(want.Dataset.Observations))
			}
		})
	}
}
