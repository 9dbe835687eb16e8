package xlsx

// exponentNumber reports whether s is a number written in scientific
// notation and nothing else, "1e3", "1.2E+03", " -4.5e-2 ": what a
// spreadsheet stores as a number when it is typed into a cell, so that
// one found as text was typed into a cell formatted as text, or after an
// apostrophe, or pasted. Most text starts with a letter and is refused
// at its first byte: the check runs for every shared string a sheet
// uses.
func exponentNumber[T string | []byte](s T) bool {
	i, n := 0, len(s)
	for i < n && s[i] == ' ' {
		i++
	}
	for n > i && s[n-1] == ' ' {
		n--
	}
	if i == n || n-i > 32 {
		return false
	}
	if s[i] == '+' || s[i] == '-' {
		i++
	}
	digits, points := 0, 0
	for ; i < n && (s[i] >= '0' && s[i] <= '9' || s[i] == '.'); i++ {
		if s[i] == '.' {
			points++
		} else {
			digits++
		}
	}
	if digits == 0 || points > 1 || i == n || s[i] != 'e' && s[i] != 'E' {
		return false
	}
	i++
	if i < n && (s[i] == '+' || s[i] == '-') {
		i++
	}
	if i == n {
		return false
	}
	for ; i < n; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
