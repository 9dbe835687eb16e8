package postgres

import (
	"encoding/binary"
	"fmt"
	"strings"

	"scorecard/app"
)

// A record's key (the k column) encodes what it is about so that keys
// sort, byte by byte, as the app orders records: text parts ended by a
// NUL byte, periods by their start month and length first. This is the
// order in which the bbolt engine reads its records, so that both engines
// load a History built in the same order.

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

func appendPeriod(b []byte, p app.Period) []byte {
	s := p.Start()
	b = binary.BigEndian.AppendUint16(b, uint16(s.Year()*12+int(s.Month())-1))
	b = append(b, byte(p.Months()), byte(p.Kind))
	b = binary.BigEndian.AppendUint16(b, uint16(p.Year))
	return append(b, byte(p.N))
}

func appendText(b []byte, s string) []byte { return append(append(b, s...), 0) }

// checkText refuses key text that would make a key ambiguous.
func checkText(what string, ss ...string) error {
	for _, s := range ss {
		if strings.IndexByte(s, 0) >= 0 {
			return fmt.Errorf("%s: %q holds a NUL byte", what, s)
		}
	}
	return nil
}

// refPrefix is what the keys of ref's records start with.
func refPrefix(ref string) []byte { return appendText(nil, ref) }

func observationKey(o *app.Observation) ([]byte, error) {
	if err := checkText("observation", o.Ref, string(o.Area), string(o.Split)); err != nil {
		return nil, err
	}
	b := appendText(nil, o.Ref)
	b = appendText(b, string(o.Area))
	b = appendText(b, string(o.Split))
	return appendPeriod(b, o.Period), nil
}

func indicatorKey(ind *app.Indicator) ([]byte, error) {
	if err := checkText("indicator", ind.Ref); err != nil {
		return nil, err
	}
	return appendText(nil, ind.Ref), nil
}

func targetKey(t *app.Target) ([]byte, error) {
	if err := checkText("target", t.Ref); err != nil {
		return nil, err
	}
	return appendPeriod(appendText(nil, t.Ref), t.Year), nil
}

func benchmarkKey(b *app.Benchmark) ([]byte, error) {
	if err := checkText("benchmark", b.Ref, b.Group, b.Model); err != nil {
		return nil, err
	}
	k := appendPeriod(appendText(nil, b.Ref), b.Period)
	return appendText(appendText(k, b.Group), b.Model), nil
}

func breakdownKey(b *app.Breakdown) ([]byte, error) {
	if err := checkText("breakdown", b.Measure, string(b.Area), string(b.Split), b.Dimension, b.Category); err != nil {
		return nil, err
	}
	k := appendPeriod(appendText(nil, b.Measure), b.Period)
	for _, s := range []string{string(b.Area), string(b.Split), b.Dimension, b.Category} {
		k = appendText(k, s)
	}
	return k, nil
}

func commentKey(c *app.Comment) ([]byte, error) {
	if err := checkText("comment", c.Ref, string(c.Area), string(c.Split)); err != nil {
		return nil, err
	}
	k := appendPeriod(appendText(appendText(nil, c.Ref), string(c.Area)), c.Period)
	if c.Split != app.All {
		// All children's comments sort before their splits', as in the
		// bbolt engine, whose older keys had no split.
		k = appendText(k, string(c.Split))
	}
	return k, nil
}

func chartSettingKey(c *app.ChartSetting) ([]byte, error) {
	if err := checkText("chart setting", c.Ref, string(c.Kind)); err != nil {
		return nil, err
	}
	k := appendText(appendText(nil, c.Ref), string(c.Kind))
	if c.Kind == app.SetRebase {
		k = appendPeriod(k, c.From)
	}
	return k, nil
}

// importID writes an import's sequence number as the ID users see.
func importID(seq int64) string { return fmt.Sprintf("I%04d", seq) }
