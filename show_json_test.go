package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"testing"
)

// TestShowHoldsNonFinite sets each number a show report can hold, one at
// a time, to +Inf and to NaN, in a report whose every pointer, slice and
// chart is filled, and checks holdsNonFinite says so exactly when
// json.Marshal cannot write the report: it never has show clear a number
// JSON could hold, and a number added to the report later that it does
// not look at fails here.
func TestShowHoldsNonFinite(t *testing.T) {
	var r showReport
	n := len(reportFloats(&r))
	if n < 15 {
		t.Fatalf("only %d numbers found in a filled report", n)
	}
	if r.holdsNonFinite() {
		t.Fatal("a report of finite numbers holds a non-finite one")
	}
	if _, err := json.Marshal(r); err != nil {
		t.Fatalf("a filled report does not marshal: %v", err)
	}
	for i := range n {
		for _, bad := range []float64{math.Inf(1), math.NaN()} {
			var r showReport
			fs := reportFloats(&r)
			fs[i].v.SetFloat(bad)
			_, err := json.Marshal(r)
			var unsupported *json.UnsupportedValueError
			if got, want := r.holdsNonFinite(), errors.As(err, &unsupported); got != want {
				t.Errorf("%s = %v: holdsNonFinite %v, json.Marshal fails %v (%v)", fs[i].path, bad, got, want, err)
			}
		}
	}
}

type reportFloat struct {
	path string
	v    reflect.Value
}

// reportFloats fills r, every pointer and slice it holds through
// exported fields given a value, and returns every float64 in it.
func reportFloats(r *showReport) []reportFloat {
	var out []reportFloat
	var fill func(v reflect.Value, path string)
	fill = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Float64:
			v.SetFloat(1.5)
			out = append(out, reportFloat{path, v})
		case reflect.Pointer:
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			fill(v.Elem(), path)
		case reflect.Slice:
			if v.Len() == 0 {
				v.Set(reflect.MakeSlice(v.Type(), 1, 1))
			}
			fill(v.Index(0), path+"[0]")
		case reflect.Struct:
			for i := range v.NumField() {
				if f := v.Type().Field(i); f.IsExported() {
					fill(v.Field(i), path+"."+f.Name)
				}
			}
		}
	}
	fill(reflect.ValueOf(r).Elem(), "showReport")
	return out
}

// TestMarshalShow: show's points marshalled in parts at once, joined,
// are json.Marshal's report byte for byte, however many points and
// processors, with text that JSON must escape (a name holding the points
// field's own name in quotes among it).
func TestMarshalShow(t *testing.T) {
	var filled showReport
	reportFloats(&filled)
	filled.Name = `Children "points":null <b>&</b> ` + "\u2028"
	for _, n := range []int{0, 1, minPointsPerPart, 2*minPointsPerPart - 1, 2 * minPointsPerPart, 481} {
		r := filled
		r.Points = make([]showPoint, n)
		for i := range r.Points {
			p := filled.Points[0]
			v := float64(i) / 7
			p.Value = &v
			p.Reason = fmt.Sprintf("point %d \"quoted\"", i)
			r.Points[i] = p
		}
		want, err := json.Marshal(&r)
		if err != nil {
			t.Fatal(err)
		}
		for _, procs := range []int{1, 2, 3} {
			prev := runtime.GOMAXPROCS(procs)
			got, err := marshalShow(&r)
			runtime.GOMAXPROCS(prev)
			if err != nil {
				t.Fatalf("%d points, %d processors: %v", n, procs, err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%d points, %d processors: marshalShow differs from json.Marshal", n, procs)
			}
			if len(r.Points) != n {
				t.Fatalf("marshalShow left the report with %d points, not its %d", len(r.Points), n)
			}
		}
	}
}
