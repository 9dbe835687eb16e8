package value

import "unicode/utf8"

// MaxChars is the most text one cell (or CSV field) may hold: Excel's own
// limit of 32,767 characters.
const MaxChars = 32_767

// Chars counts the characters of s, quickly for the usual short text.
func Chars(s string) int {
	if len(s) <= MaxChars {
		return len(s) // at most that many characters
	}
	return utf8.RuneCountInString(s)
}
