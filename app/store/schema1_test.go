package store

import (
	"encoding/binary"
	"math"

	"scorecard/app"
)

// encodeObservation returns o's value as schema 1 stored it, tagged as a
// version: what observationDecoder, which the upgrade reads schema 1
// stores with, decodes.
func encodeObservation(o *app.Observation) []byte {
	var flags byte
	b := []byte{tagVersion, 0}
	for i, f := range [...]*float64{o.Value, o.Numerator, o.Denominator} {
		if f != nil {
			flags |= 1 << i
			b = binary.BigEndian.AppendUint64(b, math.Float64bits(*f))
		}
	}
	if o.StandIn {
		flags |= isStandIn
	}
	b[1] = flags
	for _, s := range [...]string{o.Status.String(), o.Raw, o.SourceArrow.String(), o.SourceRAG.String(), o.Rule, o.Cell} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
}
