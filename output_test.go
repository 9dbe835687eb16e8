package main

import (
	"testing"
	"unicode/utf8"
)

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
