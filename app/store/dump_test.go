package store

import (
	"encoding"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"
	"unsafe"

	"scorecard/app"
)

// dumpHistory renders everything h holds, unexported state included, as
// text that two equal histories render alike: pointers are followed, map
// keys sorted, times written to the nanosecond. It is reflect.DeepEqual
// across processes: testdata/schema1 holds the dump that the Scorecard
// which wrote the schema 1 fixture made of its own Load.
func dumpHistory(h *app.History) string {
	var b strings.Builder
	dumpValue(&b, reflect.ValueOf(h).Elem(), 0)
	return b.String()
}

var (
	timeType          = reflect.TypeFor[time.Time]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

func dumpValue(b *strings.Builder, v reflect.Value, depth int) {
	indent := strings.Repeat("  ", depth)
	switch {
	case v.Type() == timeType:
		if !v.CanInterface() {
			v = reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
		}
		b.WriteString(v.Interface().(time.Time).UTC().Format(time.RFC3339Nano))
		return
	case v.Kind() == reflect.Int8 && v.Type().Implements(textMarshalerType):
		// A code held as a number (app.Status, Arrow, RAG) is dumped as
		// the text it stands for, as the store writes it, so that the
		// dumps written when codes were strings still say the same.
		c := reflect.New(v.Type()).Elem() // a copy, for a value in an unexported field
		c.SetInt(v.Int())
		text, _ := c.Interface().(encoding.TextMarshaler).MarshalText()
		fmt.Fprintf(b, "%q", text)
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		dumpValue(b, v.Elem(), depth)
	case reflect.Struct:
		b.WriteString(v.Type().String() + "{\n")
		// By name, not as declared: fields moved to pack a type smaller
		// leave the dump as it was.
		fields := make([]int, v.NumField())
		for i := range fields {
			fields[i] = i
		}
		slices.SortFunc(fields, func(i, j int) int { return strings.Compare(v.Type().Field(i).Name, v.Type().Field(j).Name) })
		for _, i := range fields {
			// A zero field is left out, so that a field added to the
			// app's types after the fixture was written (zero in every
			// history an older Scorecard wrote) leaves the dump as it was.
			if v.Field(i).IsZero() {
				continue
			}
			fmt.Fprintf(b, "%s  %s: ", indent, v.Type().Field(i).Name)
			dumpValue(b, v.Field(i), depth+1)
			b.WriteString("\n")
		}
		b.WriteString(indent + "}")
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			b.WriteString("nil")
			return
		}
		fmt.Fprintf(b, "[%d\n", v.Len())
		for i := range v.Len() {
			b.WriteString(indent + "  ")
			dumpValue(b, v.Index(i), depth+1)
			b.WriteString("\n")
		}
		b.WriteString(indent + "]")
	case reflect.Map:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		type entry struct{ k, v string }
		var es []entry
		for it := v.MapRange(); it.Next(); {
			var kb, vb strings.Builder
			dumpValue(&kb, it.Key(), depth+1)
			dumpValue(&vb, it.Value(), depth+1)
			es = append(es, entry{kb.String(), vb.String()})
		}
		slices.SortFunc(es, func(a, b entry) int { return strings.Compare(a.k, b.k) })
		fmt.Fprintf(b, "map[%d\n", len(es))
		for _, e := range es {
			fmt.Fprintf(b, "%s  %s => %s\n", indent, e.k, e.v)
		}
		b.WriteString(indent + "]")
	case reflect.String:
		fmt.Fprintf(b, "%q", v.String())
	case reflect.Bool:
		fmt.Fprint(b, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		fmt.Fprint(b, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		fmt.Fprint(b, v.Uint())
	case reflect.Float32, reflect.Float64:
		fmt.Fprintf(b, "%x", v.Float())
	default:
		fmt.Fprintf(b, "<%s>", v.Kind())
	}
}
