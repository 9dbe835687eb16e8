package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

// TestHeldPartsNotInMemory holds a streamed sheet's part the size of a
// large Trend sheet several times over while the library would write the
// workbook's other parts, and checks the heap does not hold it meanwhile;
// and that the part is then written whole, its extension list before its
// end, after the part the held ones wait for.
func TestHeldPartsNotInMemory(t *testing.T) {
	var body strings.Builder
	body.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<worksheet><sheetData>")
	for r := 1; body.Len() < 8<<20; r++ {
		fmt.Fprintf(&body, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>CIC05</t></is></c><c r="B%d"><v>%d.5</v></c></row>`, r, r, r, r)
	}
	body.WriteString("</sheetData></worksheet>")
	part := body.String()
	ext := []byte(`<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"></ext></extLst>`)

	var out bytes.Buffer
	held := &heldPart{name: "xl/worksheets/sheet2.xml", ext: ext}
	z := &dataZip{Writer: zip.NewWriter(&out), held: []*heldPart{held}, dataPart: "xl/worksheets/sheet7.xml"}
	w, err := z.Create(held.name)
	if err != nil {
		t.Fatal(err)
	}
	before := heapInUse()
	// The library copies a streamed part in one write.
	if _, err := io.Copy(w, strings.NewReader(part)); err != nil {
		t.Fatal(err)
	}
	if grown := int64(heapInUse()) - int64(before); grown > 1<<20 {
		t.Errorf("holding a part of %d bytes grew the heap by %d bytes", len(part), grown)
	}
	for _, name := range []string{"xl/styles.xml", z.dataPart} {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, "<x/>"); err != nil {
			t.Fatal(err)
		}
	}
	if held.done {
		t.Error("the held part was written before the part it waits for was done")
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, f := range r.File {
		order = append(order, f.Name)
	}
	if want := []string{"xl/styles.xml", z.dataPart, held.name}; strings.Join(order, " ") != strings.Join(want, " ") {
		t.Errorf("parts written %q, want %q", order, want)
	}
	f, err := r.Open(held.name)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.TrimSuffix(part, "</worksheet>") + string(ext) + "</worksheet>"
	if string(got) != want {
		t.Errorf("the held part was written as %d bytes ending %q, want %d ending %q", len(got), tail(string(got)), len(want), tail(want))
	}
}

// heapInUse is the heap's live bytes once collected.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func tail(s string) string { return s[max(0, len(s)-120):] }
