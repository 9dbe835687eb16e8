package main

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
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
