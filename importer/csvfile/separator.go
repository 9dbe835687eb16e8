package csvfile

import "bufio"

// SniffComma returns the character a CSV separates its fields with: a
// comma, or a tab or semicolon (a file saved as "Text (Tab delimited)",
// or by a spreadsheet set to a European locale), found from its first
// lines (sniffSeparator).
func SniffComma(br *bufio.Reader) rune {
	head, _ := br.Peek(br.Size())
	return sniffSeparator(head)
}

// AsDownloaded reports whether a CSV is as the DfE's downloads are, UTF-8
// text parted by commas, from its first bytes: one saved otherwise (tab-
// or semicolon-separated, Excel's "Unicode Text" in UTF-16) is to be
// read by Read, which decodes it, rather than as it stands.
func AsDownloaded(br *bufio.Reader) bool {
	head, _ := br.Peek(br.Size())
	return textEncoding(head) == "" && sniffSeparator(head) == ','
}

// sniffSeparator finds the character a CSV's fields are parted by, from
// its first lines, as Excel's import and Python's csv.Sniffer do: each
// candidate's count outside quotes on every line, the one that parts
// most lines into the same number of fields winning. A heading with a
// comma in a semicolon file ("Re-referrals, 12 months (%)") is one line
// in several whose commas do not agree, so it no longer splits the file
// on commas.
func sniffSeparator(head []byte) rune {
	cands := []byte{',', '\t', ';'}
	counts := make([][]int, len(cands))
	line := make([]int, len(cands))
	blank, inQuote, lines := true, false, 0
	flush := func() {
		if !blank {
			for i := range cands {
				counts[i] = append(counts[i], line[i])
			}
			lines++
		}
		clear(line)
		blank = true
	}
	for _, b := range head {
		if lines == 20 {
			break
		}
		switch {
		case b == '"':
			inQuote = !inQuote
			blank = false
		case inQuote:
		case b == '\n':
			flush()
		case b == '\r':
		default:
			blank = false
			for i, c := range cands {
				if b == c {
					line[i]++
				}
			}
		}
	}
	if lines == 0 && !blank {
		// One line with no end (a short file, or the peek cut it).
		flush()
	}
	best, bestScore, bestMode := ',', 0, 0
	for i, c := range cands {
		freq := map[int]int{}
		for _, n := range counts[i] {
			if n > 0 {
				freq[n]++
			}
		}
		mode, score := 0, 0
		for n, f := range freq {
			if f > score || (f == score && n > mode) {
				mode, score = n, f
			}
		}
		if score > bestScore || (score == bestScore && score > 0 && mode > bestMode) {
			best, bestScore, bestMode = rune(c), score, mode
		}
	}
	return best
}
