package main

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestIndentJSON checks indentJSON indents what json.Marshal writes byte
// for byte as json.Indent does: empty and nested objects and arrays,
// strings holding punctuation, quotes and escapes, numbers and literals,
// and random documents.
func TestIndentJSON(t *testing.T) {
	docs := []string{
		`{}`, `[]`, `""`, `0`, `-1.5e-7`, `true`, `null`,
		`{"a":[]}`, `{"a":{},"b":[{}],"c":[[]]}`, `[{},{"a":{}}]`,
		`{"s":"{[,:]}","t":"a\"b\\","u":"\\","v":"\u003cb\u003e \u2028"}`,
		`{"n":[1,-2,3.25,1e+21],"l":[true,false,null],"o":{"p":{"q":"r"}}}`,
		`["é","日本",""]`,
	}
	rng := rand.New(rand.NewPCG(17, 8))
	for range 300 {
		b, err := json.Marshal(randomValue(rng, 0))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, string(b))
	}
	for _, d := range docs {
		checkIndent(t, []byte(d))
	}
}

// FuzzIndentJSON checks indentJSON against json.Indent on any valid
// document, compacted as json.Marshal writes it.
func FuzzIndentJSON(f *testing.F) {
	for _, s := range []string{`{"a":[1,{"b":"c\"]"}],"d":{}}`, `[[],[{}]]`, `"\\\""`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if !json.Valid(src) {
			return
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, src); err != nil {
			t.Fatal(err)
		}
		checkIndent(t, compact.Bytes())
	})
}

func checkIndent(t *testing.T, src []byte) {
	t.Helper()
	var want bytes.Buffer
	if err := json.Indent(&want, src, "", "  "); err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	if got := indentJSON([]byte("x"), src); !bytes.Equal(got, append([]byte("x"), want.Bytes()...)) {
		t.Errorf("indentJSON(%s) =\n%s\nwant\n%s", src, got[1:], want.Bytes())
	}
}

// randomValue is a random JSON value: objects and arrays (some empty)
// nested up to four deep, strings of punctuation, quotes, escapes and
// other scripts, numbers and literals.
func randomValue(rng *rand.Rand, depth int) any {
	k := rng.IntN(8)
	if depth >= 4 {
		k = 2 + rng.IntN(6)
	}
	switch k {
	case 0:
		m := map[string]any{}
		for range rng.IntN(4) {
			m[randomString(rng)] = randomValue(rng, depth+1)
		}
		return m
	case 1:
		a := make([]any, rng.IntN(4))
		for i := range a {
			a[i] = randomValue(rng, depth+1)
		}
		return a
	case 2, 3:
		return randomString(rng)
	case 4:
		return rng.NormFloat64() * 1e3
	case 5:
		return rng.IntN(2000) - 1000
	case 6:
		return rng.IntN(2) == 0
	}
	return nil
}

func randomString(rng *rand.Rand) string {
	pieces := []string{"a", "Kent", " ", `"`, `\`, "{", "}", "[", "]", ",", ":", "\n", "\x01", "<", "&", "é", "\u2028", "\u0085"}
	var b []byte
	for range rng.IntN(6) {
		b = append(b, pieces[rng.IntN(len(pieces))]...)
	}
	return string(b)
}

// TestCleanAsRunes checks clean, reading bytes, agrees with reading p
// rune by rune as Write escapes it, on every sequence of up to four bytes
// drawn from ASCII, C0, DEL, C1's encodings, lead and continuation bytes
// and invalid ones: a split or invalid sequence, which decodes a byte at
// a time, is not taken for a control character.
func TestCleanAsRunes(t *testing.T) {
	alphabet := []byte{0x00, '\t', '\n', 0x1b, ' ', 'a', 0x7e, 0x7f, 0x80, 0x85, 0x9f, 0xa0, 0xbf, 0xc1, 0xc2, 0xc3, 0xe0, 0xe2, 0xf0, 0xff}
	runes := func(p []byte) bool {
		for i := 0; i < len(p); {
			r, n := utf8.DecodeRune(p[i:])
			if isControl(r, n) {
				return false
			}
			i += n
		}
		return true
	}
	var p []byte
	var walk func(n int)
	walk = func(n int) {
		if got, want := clean(p), runes(p); got != want {
			t.Errorf("clean(% x) = %v, rune by rune %v", p, got, want)
		}
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			p = append(p, c)
			walk(n - 1)
			p = p[:len(p)-1]
		}
	}
	walk(4)
}

// TestWithoutNonFinite checks what holds a non-finite number is cleared,
// and nothing else: a pointer to it, a pointer to a struct holding it, a
// slice element holding it, a map's value and one down a chain of a type that holds itself; the strings and counts beside
// them are kept.
func TestWithoutNonFinite(t *testing.T) {
	type inner struct {
		F    float64
		Name string
	}
	type node struct {
		V    *float64
		Next *node
	}
	type report struct {
		P     *float64
		OK    *float64
		In    *inner
		Kept  *inner
		List  []inner
		Words []string
		Count int
		M     map[string]float64
		Chain *node
	}
	inf, one := math.Inf(1), 1.0
	r := report{P: &inf, OK: &one, In: &inner{F: math.NaN(), Name: "x"}, Kept: &inner{F: 2, Name: "k"},
		List: []inner{{F: 3, Name: "a"}, {F: math.Inf(-1), Name: "b"}}, Words: []string{"w"}, Count: 4,
		M:     map[string]float64{"a": 5, "b": math.NaN()},
		Chain: &node{V: &one, Next: &node{V: &inf}}}
	got := withoutNonFinite(r).(report)
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"P":null,"OK":1,"In":null,"Kept":{"F":2,"Name":"k"},"List":[{"F":3,"Name":"a"},{"F":0,"Name":""}],"Words":["w"],"Count":4,"M":{"a":5,"b":0},"Chain":{"V":1,"Next":{"V":null,"Next":null}}}`
	if string(b) != want {
		t.Errorf("withoutNonFinite gives\n%s\nwant\n%s", b, want)
	}
}
