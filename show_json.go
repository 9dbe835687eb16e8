package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"
	"sync"
)

// minPointsPerPart keeps a short history's points in one marshalling,
// where starting another goroutine would cost more than it saves.
const minPointsPerPart = 120

// marshalShow marshals r as json.Marshal does, byte for byte, its points
// a part per processor at once: a long history's points are nearly all of
// show's output, and marshalling them most of its time. Each point's JSON
// is its own, so the parts joined by commas are the array json.Marshal
// writes. r must hold no non-finite number (holdsNonFinite).
func marshalShow(r *showReport) ([]byte, error) {
	n := min(runtime.GOMAXPROCS(0), len(r.Points)/minPointsPerPart)
	if n < 2 {
		return json.Marshal(r)
	}
	points := r.Points
	r.Points = nil
	head, err := json.Marshal(r)
	r.Points = points
	if err != nil {
		return nil, err
	}
	// Text in the report is marshalled with its quotes escaped, so the
	// field's name, quoted, can stand only where the field is.
	const null = `"points":null`
	at := bytes.Index(head, []byte(null))
	if at < 0 {
		return nil, fmt.Errorf("show: the report's JSON has no %s", null)
	}
	parts := make([][]byte, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			parts[i], errs[i] = json.Marshal(points[len(points)*i/n : len(points)*(i+1)/n])
		})
	}
	wg.Wait()
	size := len(head)
	for i, p := range parts {
		if errs[i] != nil {
			return nil, errs[i]
		}
		size += len(p)
	}
	out := make([]byte, 0, size)
	out = append(out, head[:at+len(`"points":`)]...)
	out = append(out, '[')
	for i, p := range parts {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, p[1:len(p)-1]...) // each part's elements, without its brackets
	}
	out = append(out, ']')
	return append(out, head[at+len(null):]...), nil
}
