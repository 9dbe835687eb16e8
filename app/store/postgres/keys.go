package postgres

import "fmt"

// A record's key (the k column) is the bbolt engine's for the same record
// (store.IndicatorKey and the rest): keys sort, byte by byte, as the app
// orders records, so that both engines load a History built in the same
// order.

// kind numbers the record kinds in the records table's kind column.
type kind int16

const (
	kindIndicator    kind = 0
	kindTarget       kind = 2
	kindBenchmark    kind = 3
	kindBreakdown    kind = 4
	kindComment      kind = 5
	kindChartSetting kind = 6
)

// importID writes an import's sequence number as the ID users see.
func importID(seq int64) string { return fmt.Sprintf("I%04d", seq) }
