package store

import (
	"fmt"

	"scorecard/app/benchmark"
)

// SettingsBucket holds the settings the window and the commands share.
const SettingsBucket = "settings"

// NeighbourModelKey is the setting, in SettingsBucket, a statistical-
// neighbour model imported into the store is kept under (as JSON, a
// setting rather than an undoable import): the DfE files imported after
// it carry its year with every neighbour average.
const NeighbourModelKey = "neighbour-model"

// NeighbourModel returns the statistical-neighbour model imported into
// st, or nil when none was: DfE files then average the neighbours of the
// DfE model built into the app.
func NeighbourModel(st Store) (*benchmark.Model, error) {
	var m benchmark.Model
	ok, err := st.Get(SettingsBucket, NeighbourModelKey, &m)
	if err != nil {
		return nil, fmt.Errorf("reading the store's statistical-neighbour model: %w", err)
	}
	if !ok {
		return nil, nil
	}
	return &m, nil
}
