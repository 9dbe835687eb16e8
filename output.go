package main

import (
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"sync"
	"unicode/utf8"
)

// escaper writes text for a terminal, showing each control character
// (C0 but newline and tab, DEL, C1) as \u00XX: a name in a file must not
// be able to move the cursor, recolour or retitle an officer's terminal.
// The escape is valid inside a JSON string too, and reads back as the
// same character.
type escaper struct{ w io.Writer }

func (e escaper) Write(p []byte) (int, error) {
	if clean(p) {
		return e.w.Write(p)
	}
	b := make([]byte, 0, len(p)+32)
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRune(p[i:])
		if isControl(r, n) {
			b = fmt.Appendf(b, `\u%04x`, r)
		} else {
			b = append(b, p[i:i+n]...)
		}
		i += n
	}
	if _, err := e.w.Write(b); err != nil {
		return 0, err
	}
	return len(p), nil
}

// clean reports whether p holds no character isControl escapes, a byte
// at a time: a long JSON document is mostly ASCII, and decoding it rune
// by rune cost more than writing it. A C0 character or DEL is its own
// byte; a C1 character is 0xC2 and a byte 0x80-0x9F, and 0xC2 is never
// the continuation of another character. An invalid or split sequence
// decodes a byte at a time, as Write's loop takes it.
func clean(p []byte) bool {
	for i, c := range p {
		switch {
		case c < 0x20:
			if c != '\n' && c != '\t' {
				return false
			}
		case c == 0x7f:
			return false
		case c == 0xc2:
			if i+1 < len(p) && p[i+1] >= 0x80 && p[i+1] < 0xa0 {
				return false
			}
		}
	}
	return true
}

// isControl reports whether the rune r, n bytes long, is a control
// character other than newline and tab. An invalid byte is passed on as
// it is: a write may split a character.
func isControl(r rune, n int) bool {
	if r == utf8.RuneError && n == 1 {
		return false
	}
	return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0
}

// indentJSON appends to dst the compact JSON src, as json.Marshal writes
// it, indented as json.Indent(dst, src, "", "  ") indents it, byte for
// byte; it copies strings, numbers and literals whole where json.Indent
// runs its scanner over every byte, which cost more than the marshalling
// on a long history. src must be valid, without space between tokens.
func indentJSON(dst, src []byte) []byte {
	depth := 0
	// opened is set after { or [: the line break waits for what follows,
	// as an empty object or array stays {} or [].
	opened := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if opened && c != '}' && c != ']' {
			opened = false
			depth++
			dst = indentLine(dst, depth)
		}
		switch c {
		case '{', '[':
			opened = true
			dst = append(dst, c)
		case ',':
			dst = indentLine(append(dst, c), depth)
		case ':':
			dst = append(dst, ':', ' ')
		case '}', ']':
			if opened {
				opened = false
			} else {
				depth--
				dst = indentLine(dst, depth)
			}
			dst = append(dst, c)
		case '"':
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j, len(src)-1)
			dst = append(dst, src[i:j+1]...)
			i = j
		default:
			j := i + 1
			for j < len(src) && !isJSONPunct(src[j]) {
				j++
			}
			dst = append(dst, src[i:j]...)
			i = j - 1
		}
	}
	return dst
}

// indentLine starts a new line at depth.
func indentLine(b []byte, depth int) []byte {
	b = append(b, '\n')
	for range depth {
		b = append(b, ' ', ' ')
	}
	return b
}

// isJSONPunct reports whether c ends a number or literal in compact JSON.
func isJSONPunct(c byte) bool {
	switch c {
	case ',', ':', '{', '}', '[', ']', '"':
		return true
	}
	return false
}

// withoutNonFinite returns a copy of v in which every pointer to a
// non-finite number, and every pointer to a struct holding one, is nil,
// so that JSON (which has no Inf or NaN) can be written: null reads as
// "no figure", which is what such a number is. Stores written before
// imports refused such numbers can hold them.
func withoutNonFinite(v any) any {
	c := reflect.New(reflect.TypeOf(v)).Elem()
	c.Set(reflect.ValueOf(v))
	dropNonFinite(c)
	return c.Interface()
}

// dropNonFinite clears what holds a non-finite number within v, and
// reports whether v itself is a non-finite number (or a struct holding
// one), for its holder to clear.
func dropNonFinite(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		return math.IsInf(f, 0) || math.IsNaN(f)
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() && dropNonFinite(v.Elem()) && v.CanSet() {
			v.SetZero()
		}
	case reflect.Struct:
		bad := false
		for _, i := range floatFields(v.Type()) {
			if dropNonFinite(v.Field(i)) {
				bad = true
			}
		}
		return bad
	case reflect.Slice, reflect.Array:
		if !mayHoldFloat(v.Type().Elem(), nil) {
			return false
		}
		for i := range v.Len() {
			if dropNonFinite(v.Index(i)) && v.Index(i).CanSet() {
				v.Index(i).SetZero()
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			if dropNonFinite(e) {
				e.SetZero()
			}
			v.SetMapIndex(k, e)
		}
	}
	return false
}

// floatsOf caches floatFields by struct type: a long history's report
// is hundreds of points of one type.
var floatsOf sync.Map // reflect.Type to []int

// floatFields returns the indexes of the exported fields of struct type t
// that may hold a number, the only ones dropNonFinite need visit.
func floatFields(t reflect.Type) []int {
	if f, ok := floatsOf.Load(t); ok {
		return f.([]int)
	}
	var fields []int
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() && mayHoldFloat(f.Type, nil) {
			fields = append(fields, i)
		}
	}
	floatsOf.Store(t, fields)
	return fields
}

// mayHoldFloat reports whether a value of type t can hold a float, itself
// or through what it points to or contains (an interface may hold
// anything); seen holds the types being asked about further up, which a
// type that contains itself is taken to.
func mayHoldFloat(t reflect.Type, seen []reflect.Type) bool {
	switch t.Kind() {
	case reflect.Float32, reflect.Float64, reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		return mayHoldFloat(t.Elem(), seen)
	case reflect.Struct:
		if slices.Contains(seen, t) {
			return true
		}
		seen = append(seen, t)
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && mayHoldFloat(f.Type, seen) {
				return true
			}
		}
	}
	return false
}
