package store

import (
	"sync"

	"scorecard/app"
)

// HeldFigures returns a function giving the figures st holds now for an
// indicator, of every area and split, read once for each ref: for an
// import to judge a file's lone figure beside the store's own (a 0.25
// beside 21.5 to 24.0%, a bare year of an indicator held by academic
// year). A ref the store cannot read gives none, so the import reads the
// file as it would with nothing held: its own checks still stand.
func HeldFigures(st Store) func(ref string) []app.Observation {
	var mu sync.Mutex
	cache := map[string][]app.Observation{}
	return func(ref string) []app.Observation {
		mu.Lock()
		defer mu.Unlock()
		if obs, ok := cache[ref]; ok {
			return obs
		}
		var obs []app.Observation
		if h, err := st.LoadIndicator(ref); err == nil {
			for _, k := range h.Keys() {
				if k.Ref == ref {
					obs = append(obs, h.Series(k)...)
				}
			}
		}
		cache[ref] = obs
		return obs
	}
}
