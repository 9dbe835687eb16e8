package importer

import (
	"slices"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// TestCSVEncodings: a CSV as Excel's plain "CSV (Comma delimited)" saves
// it (Windows-1252, "£" and "–" a byte each) and as its "Unicode Text"
// saves it (UTF-16 with a byte-order mark, tab-delimited) is read as the
// same text a "CSV UTF-8" gives, said at line 1; both had been refused
// as not UTF-8 (QA27b 9).
func TestCSVEncodings(t *testing.T) {
	const text = "Ref,Indicator,Polarity,Unit,Apr-25,May-25\r\n" +
		"W1,Spend on placements – agency (£000s),L,count,120,118\r\n"
	tabbed := "Ref\tIndicator\tPolarity\tUnit\tApr-25\tMay-25\r\n" +
		"W1\tSpend on placements – agency (£000s)\tL\tcount\t120\t118\r\n"
	ansi, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	utf16le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(tabbed)
	if err != nil {
		t.Fatal(err)
	}
	utf16be, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(tabbed)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, body, said string
	}{
		{"UTF-8", text, ""},
		{"Windows-1252", ansi, "the file is not UTF-8 text: read as Windows-1252"},
		{"UTF-16, little-endian", utf16le, "the file is UTF-16 text"},
		{"UTF-16, big-endian", utf16be, "the file is UTF-16 text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustRead(t, writeCSV(t, tt.body))
			if got, want := obsLines(res.Dataset), []string{"W1 Apr-25 120", "W1 May-25 118"}; !slices.Equal(got, want) {
				t.Errorf("figures %q, want %q", got, want)
			}
			if len(res.Dataset.Indicators) != 1 || res.Dataset.Indicators[0].Name != "Spend on placements – agency (£000s)" {
				t.Errorf("indicators %+v, want W1 named with its £ and en dash", res.Dataset.Indicators)
			}
			_, said := warningAt(res, "line 1", tt.said)
			if tt.said != "" && !said {
				t.Errorf("no warning at line 1 %q in\n%s", tt.said, warningLines(res))
			}
			if _, other := warningAt(res, "line 1", "the file is"); tt.said == "" && other {
				t.Errorf("a UTF-8 file said to be in another encoding:\n%s", warningLines(res))
			}
		})
	}
}
